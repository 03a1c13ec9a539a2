import pytest


def qa(x):
    def name(key):
        p = x.person(key)
        return None if p is None else (p.name or p.role)
    return [(name(q.asker), [name(r) for r in q.responders]) for q in x.questions]


def test_question_then_answer_paragraphs(extract):
    x = extract("Minutes:\n\nCouncillor Ames asked why bins were missed.\n\n"
                "The Head of Waste explained that a vehicle had broken down.\n")
    assert qa(x) == [("Ames", ["Head of Waste"])]


def test_pronoun_follow_up_is_second_question_by_same_member(extract):
    x = extract("Councillor Bell asked about potholes. She also asked about gritting.\n\n"
                "Tom Reid, Head of Highways, explained the programme.\n")
    assert qa(x) == [("Bell", ["Tom Reid"]), ("Bell", ["Tom Reid"])]


def test_bulleted_exchanges_stay_inside_their_bullet(extract):
    x = extract("• Councillor Cole asked about caseloads. Ann Dee advised that they had fallen.\n"
                "• Councillor Eve asked about agency staff. The use of agency staff had reduced.\n")
    assert qa(x) == [("Cole", ["Ann Dee"]), ("Eve", [])]


def test_in_response_to_a_question_from(extract):
    x = extract("In response to a question from Councillor Quinn, the Strategy Team Leader confirmed "
                "that the plan was on track.\n")
    assert qa(x) == [("Quinn", ["Strategy Team Leader"])]


def test_responded_to_questions_from_members_is_unnamed_question(extract):
    x = extract("The Corporate Performance Manager responded to questions from elected members stating that "
                "caseloads were managed.\n")
    assert qa(x) == [(None, ["Corporate Performance Manager"])]


def test_unnamed_member_and_passive_answer(extract):
    x = extract("A Member asked whether the target would be met. Members were advised that it would.\n")
    assert qa(x) == [(None, [])]
    assert x.answers[0].responder is None


def test_supportive_comment_and_presentation_are_not_questions(extract):
    x = extract("Cllr Hunt informed Members that the report looked at the impact of the strategy.\n\n"
                "Cllr Dale said this could be viewed as a positive.\n")
    assert x.questions == []


def test_neutral_verb_with_concern_is_question(extract):
    x = extract("Councillor Crute noted the reduction in assessments and stated that this needed to be "
                "monitored.\n")
    assert qa(x) == [("Crute", [])]


def test_framing_sentence_merges_into_following_question(extract):
    x = extract("Councillor Fox referred to the pressures on the service. He suggested that the committee "
                "should receive an update.\n\nThe Chair noted that this would be investigated.\n")
    assert qa(x) == [("Fox", ["Chair"])]
    assert x.questions[0].text.startswith("Councillor Fox referred")


def test_question_spans_point_at_their_text(extract):
    x = extract("Councillor Ames asked why bins were missed.\n")
    q = x.questions[0]
    assert x.text[q.span.start:q.span.end] == q.text


def test_written_question_and_response_headings(extract):
    x = extract("Agenda item\n\nMembers' Questions\n\nMinutes:\n\n"
                "Question from Councillor Helen Varga\n\nHow many households are in temporary accommodation?\n\n"
                "Response from the Cabinet Member for Housing, Councillor Dev Anand\n\nThere are 412.\n\n"
                "Question from Councillor Owen Pryce\n\nWhen will library hours be published?\n\n"
                "Response from the Leader of the Council\n\nNext month.\n")
    assert qa(x) == [("Helen Varga", ["Dev Anand"]), ("Owen Pryce", ["Leader of the Council"])]
    assert x.questions[0].text == "How many households are in temporary accommodation?"


def test_list_introduction_is_not_a_question(extract):
    x = extract("In discussion the following points were raised:\n\n"
                "a) Councillor Ames asked about bins. The Head of Waste explained the rota.\n")
    assert qa(x) == [("Ames", ["Head of Waste"])]


def test_points_listed_after_an_intro_are_that_members_questions(extract):
    x = extract("Agenda item\n\nImprovement Plan\n\nMinutes:\n\nCouncillor Farouk Hassan raised the following points:\n"
                "• the number of children waiting for an early help assessment;\n"
                "• whether agency social worker numbers had reduced.\n\n"
                "The Head of Service advised that waiting lists had fallen.\n")
    assert qa(x) == [("Farouk Hassan", ["Head of Service"]), ("Farouk Hassan", ["Head of Service"])]
    assert x.questions[1].text.startswith("whether agency social worker")


def test_role_acronym_refers_back_to_the_named_holder(extract):
    x = extract("Agenda item\n\nPlan\n\nMinutes:\n\nThe Director of Children's Services (DCS), Amanda Kerrigan, "
                "introduced the report.\n\nCouncillor Lee asked about caseloads. "
                "The DCS advised that they had fallen.\n")
    assert qa(x) == [("Lee", ["Amanda Kerrigan"])]


def test_a_listed_point_of_two_sentences_is_one_question(extract):
    x = extract("Agenda item\n\nPlan\n\nMinutes:\n\nMembers raised the following points:\n"
                "• Waiting lists for assessments. These had grown since the spring.\n"
                "• Agency spend on social workers.\n\nThe Head of Service advised that both were being addressed.\n")
    assert qa(x) == [(None, ["Head of Service"]), (None, ["Head of Service"])]
    assert x.questions[0].text == "Waiting lists for assessments. These had grown since the spring."
    assert [a.responder for a in x.answers] == [x.questions[0].responders[0]]


# --- phrasings from real minutes of many councils (fictional names and councils) -------------------

def test_listed_points_are_unnamed_questions_and_keep_their_answers(extract):
    x = extract("Minutes:\n\nThe Panel discussed the report and the following main points were made:\n\n"
                "• It would be useful to see where referrals came from.\n"
                "• With regard to school transport, clarification was needed on the new routes. "
                "Members were advised that routes would be published in May.\n"
                "• It was agreed that the data tables would come before the commentary.\n")
    assert [(q.asker, q.text.split()[0]) for q in x.questions] == [(None, "It"), (None, "With")]
    assert x.questions[1].answers and not x.questions[0].answers


def test_answering_introduction_makes_each_bullet_an_answer(extract):
    x = extract("Minutes:\n\nMr Hollis and Mrs Pennant, Head of Roads, responded to comments from members and "
                "made the following points:\n\n"
                "(a) Town councils were encouraged to report blocked drains.\n"
                "(b) A yearly summary could be provided to the committee.\n")
    assert qa(x) == [(None, ["Hollis", "Pennant"]), (None, ["Hollis", "Pennant"])]


def test_introduction_asks_by_its_own_verb(extract):
    x = extract("Minutes:\n\nIn response, the Chairman asked the following questions:\n\n"
                "• Were shop owners clearing their own frontages?\n• Were footways treated at the same time?\n")
    assert qa(x) == [("Chairman", []), ("Chairman", [])]


def test_unnamed_officers_answer_and_collective_subject_after_a_comma(extract):
    x = extract("Minutes:\n\nThe discussions are summarised as follows:\n\n"
                "• Members expressed concern that, despite a good report, most targets were missed. "
                "Officers advised that the measures would change in April.\n")
    assert qa(x) == [(None, [])]
    assert len(x.answers) == 1 and x.answers[0].text.startswith("Officers advised")


def test_agenda_line_questions_from_members_is_not_a_written_question(extract):
    x = extract("Minutes:\n\n(b) Questions from Committee Members;\n\n"
                "The Chair welcomed Councillor Ivo Brandt to the meeting.\n")
    assert x.questions == []


def test_generic_count_of_questions_is_not_a_question(extract):
    x = extract("Minutes:\n\nMembers made various comments and asked a number of questions, to which responses "
                "were provided.\n")
    assert x.questions == []


def test_co_opted_member_read_without_title_still_asks(extract):
    x = extract("Minutes:\n\nGareth Pryor asked if the parish councils had been consulted on the hub. "
                "Delyth Amos, Head of Communities, explained that they had.\n")
    assert qa(x) == [("Gareth Pryor", ["Delyth Amos"])]


def test_passive_requests_are_unnamed_questions(extract):
    x = extract("Minutes:\n\nInformation was requested on the number of cameras repaired this year.\n\n"
                "The Commissioner advised that 40 had been repaired.\n")
    assert qa(x) == [(None, ["Commissioner"])]


def test_listed_member_and_subject_is_that_members_question(extract):
    x = extract("Minutes:\n\nQuestions were asked by the following members:\n\n"
                "• Councillor Ames regarding the closure of the bus lane;\n"
                "• Councillor T.Okafor seeking further details on library opening hours.\n")
    assert qa(x) == [("Ames", []), ("T Okafor", [])]


def test_a_reply_answers_even_when_it_mentions_a_request(extract):
    x = extract("Minutes:\n\nThe Panel requested that members be kept informed of station changes.\n\n"
                "The Chief Fire Officer responded that a briefing had been requested for all members.\n")
    assert qa(x) == [(None, ["Chief Fire Officer"])]


def test_a_resolution_ends_the_listed_answers(extract):
    x = extract("Minutes:\n\nMrs Pennant, Head of Roads, responded to comments and made the following points:\n\n"
                "(a) Gully cleaning would double next year.\n"
                "(b) RESOLVED that the proposed decision be endorsed.\n")
    assert len(x.questions) == 1


def test_a_listed_answer_implies_its_question(extract):
    x = extract("Minutes:\n\nThe discussions are summarised as follows:\n\n"
                "• Officers confirmed that only the depot site had been bought so far.\n"
                "• Members queried the cost of agency placements. Officers advised that costs had risen.\n")
    assert [(q.asker, q.implicit) for q in x.questions] == [(None, True), (None, False)]
    assert all(q.answers for q in x.questions)


def test_notice_of_a_question_and_the_reply_that_follows(extract):
    x = extract("Minutes:\n\nCouncillor Hal Ortiz had given notice of the following question to the Cabinet Member "
                "for Schools, Councillor Bea Lyle:\n\n“When will the new school open?”\n\n"
                "“It will open next September.”\n")
    assert qa(x) == [("Hal Ortiz", ["Bea Lyle"])]


def test_in_response_to_a_question_as_to_why(extract):
    x = extract("Minutes:\n\nIn response to a question as to why the column was blank, the Finance Manager "
                "explained that the data had not arrived.\n")
    assert qa(x) == [(None, ["Finance Manager"])]


def test_running_the_meeting_and_reported_speech_are_not_questions(extract):
    x = extract("Minutes:\n\nThe Chair sought any declarations of interest on the items.\n\n"
                "The Chairman noted that two questions had been received by the deadline.\n\n"
                "The Inspector had also raised concerns that training was limited.\n")
    assert x.questions == []


def test_a_view_pressed_in_the_passive_with_a_concern_is_a_question(extract):
    x = extract("Minutes:\n\nIt was emphasised that the backlog of enforcement cases was a serious matter.\n\n"
                "It was noted that the figures were published monthly.\n")
    assert [(q.asker, q.text[:15]) for q in x.questions] == [(None, "It was emphasis")]


def test_in_response_to_a_members_comments_answers_all_their_open_points(extract):
    x = extract("Minutes:\n\nCouncillor Rees commented that it would help to see what other councils charged. "
                "He felt it would be more useful to compare the costs of clearing dumped waste.\n\n"
                "In response to comments from Councillor Rees, the Waste Manager explained that costs differed.\n")
    assert qa(x) == [("Rees", ["Waste Manager"]), ("Rees", ["Waste Manager"])]


def test_bare_question_and_answer_lists(extract):
    x = extract("Minutes:\n\n• Were the gritting routes reviewed after last winter?\n"
                "• The routes had been reviewed in October.\n\n"
                "Q: How many salt bins were refilled?\n\nA: All 310 bins were refilled.\n")
    assert [(q.asker, q.text) for q in x.questions] == [
        (None, "Were the gritting routes reviewed after last winter?"),
        (None, "Q: How many salt bins were refilled?")]
    assert [len(q.answers) for q in x.questions] == [1, 1]


def test_members_feelings_are_their_concerns(extract):
    x = extract("Minutes:\n\nMembers were concerned that the new bus timetable left villages without a service. "
                "The Panel was not satisfied that the consultation had reached older residents.\n\n"
                "Members were advised that a review was under way.\n")
    assert qa(x) == [(None, []), (None, [])]


def test_members_named_together_ask_together_led_by_the_first(extract):
    x = extract("Minutes:\n\nCouncillors Gee and Shah believed the report had not been shown to the Audit Panel "
                "and asked why.\n\nThe Finance Director explained the timetable.\n")
    assert qa(x) == [("Gee", ["Finance Director"])]


def test_of_the_view_with_a_concern_is_a_question(extract):
    x = extract("Minutes:\n\nCouncillor Vaughan was of the view that the parking fines were too small to deter "
                "offenders.\n\nThe Parking Manager said the levels were set nationally.\n")
    assert qa(x) == [("Vaughan", ["Parking Manager"])]


def test_information_on_a_subject_was_requested(extract):
    x = extract("Minutes:\n\nInformation on the delayed library refit was requested.\n")
    assert [q.asker for q in x.questions] == [None]


def test_two_office_holders_named_with_their_posts_both_respond(extract):
    x = extract("Minutes:\n\nCllr Huw Rowe asked what had been said to Government. - The Leader of the Council, "
                "Cllr Ann Marsh and Housing Portfolio Holder, Cllr Tom Pike, responded.\n")
    assert qa(x) == [("Huw Rowe", ["Ann Marsh", "Tom Pike"])]


def test_numbered_resolutions_are_not_listed_questions(extract):
    x = extract("Minutes:\n\nFollowing discussion the Panel raised the following points:\n\n"
                "(1) the progress made to date be noted;\n(2) the action plan be endorsed; and\n"
                "(3) a clearer breakdown of agency spend was needed.\n")
    assert [q.text for q in x.questions] == ["a clearer breakdown of agency spend was needed."]


def test_a_list_of_documents_is_not_a_list_of_points(extract):
    x = extract("Minutes:\n\nThe reports have been attached as follows:\n\n"
                "• Housing Scrutiny Committee\n• Environment Scrutiny Committee\n")
    assert x.questions == []


def test_findings_listed_inside_a_members_point_are_not_questions(extract):
    x = extract("Minutes:\n\nSummary of main points raised:\n\n"
                "• In the latest update it was noted that the most significant points were:\n"
                "• Assessments finished had risen by a tenth.\n"
                "• Average waits were 30 weeks.\n")
    assert x.questions == []


def test_unnamed_officers_answer_an_unnamed_question(extract):
    x = extract("Minutes:\n\nIn response to a question about bus passes, officers advised that renewals were "
                "online.\n\n"
                "Officers provided responses to questions on the timetable changes.\n")
    assert qa(x) == [(None, []), (None, [])]
    assert all(q.answers and q.implicit for q in x.questions)


def test_a_member_commenting_with_a_concern_raises_it(extract):
    x = extract("Minutes:\n\nA Member commented that waiting times for assessments were too long.\n")
    assert qa(x) == [(None, [])]


def test_a_partners_officer_presenting_is_not_asking(extract):
    x = extract("Minutes:\n\nThe Deputy Chief Fire Officer expressed the view that crews would support the change, "
                "although concerns remained.\n")
    assert x.questions == []


def test_a_run_of_questions_is_a_slides_headings(extract):
    x = extract("Minutes:\n\nThe training covered:\n\n• What is a corporate parent?\n• Why does it matter?\n"
                "• What should members do?\n")
    assert x.questions == []


def test_a_briefing_notes_contents_are_not_points_raised(extract):
    x = extract("Minutes:\n\nThe Council had a briefing note to inform its discussion including:\n\n"
                "• Duties of a corporate parent.\n• The strategy, and\n\n"
                "In the ensuing debate, the following points were raised:\n\n• Outcomes should be better.\n")
    assert [q.text for q in x.questions] == ["Outcomes should be better."]


def test_points_responded_to_by_named_people(extract):
    x = extract("Minutes:\n\nThe Panel asked a range of questions which included dog thefts and speeding. "
                "These points were responded to by Inspector Ola Reyes and the Cabinet Member for Safety.\n")
    assert qa(x) == [(None, ["Ola Reyes", "Cabinet Member for Safety"])]


@pytest.mark.parametrize("text", [
    "Following a query from Councillor Ames regarding bins, the Head of Waste explained the delay.",
    "Responding to Councillor Ames, the Head of Waste explained the delay.",
    "In answer to Councillor Ames, the Head of Waste explained the delay.",
])
def test_explicit_answers_name_the_asker_in_many_forms(extract, text):
    assert qa(extract("Minutes:\n\n" + text + "\n")) == [("Ames", ["Head of Waste"])]


def test_when_asked_is_an_unnamed_question(extract):
    x = extract("Minutes:\n\nWhen asked about the bins, the Head of Waste explained the delay.\n\n"
                "Following the meeting, the Head of Waste wrote to residents.\n")
    assert qa(x) == [(None, ["Head of Waste"])]


def test_discussion_after_the_decision_is_read(extract):
    x = extract("Minutes:\n\nRESOLVED\n\nthat the minutes of the meeting held on 3 May be confirmed and signed.\n\n"
                "Minute 12 - Members requested that details of the reference group be circulated.\n\n"
                "Minute 14 - Councillor Ames asked when the youth forum would meet. The Head of Youth Services "
                "said it would meet in June.\n")
    assert qa(x) == [(None, ["Head of Youth Services"]), ("Ames", ["Head of Youth Services"])]  # open questions share
    assert [r.text[:8] for r in x.resolutions] == ["that the"]


def test_names_and_headings_listed_under_an_introduction_are_not_points(extract):
    x = extract("Minutes:\n\nQuestions were asked by the following members:\n\n"
                "• Councillor Ruth Bowen\n• Councillor Emlyn Dodd\n")
    assert x.questions == []


def test_questions_alternating_with_answers_but_not_a_run_of_questions(extract):
    x = extract("Minutes:\n\nThe briefing covered:\n\n• What is a corporate parent?\n• Why does it matter?\n"
                "• The strategy, and\n\nMembers were thanked.\n")
    assert x.questions == []


def test_a_courtesy_then_a_question(extract):
    x = extract("Minutes:\n\nCllr Oakes congratulated the team on the prosecutions and asked why some fines were "
                "so small.\n\nRBowen advised that magistrates set the fines.\n")
    assert qa(x) == [("Oakes", ["R Bowen"])]


def test_a_member_asking_reported_inside_another_clause(extract):
    x = extract("Minutes:\n\nIt was noted that a Member had enquired how many care packages were outstanding.\n\n"
                "It was noted that members of the public attended.\n")
    assert qa(x) == [(None, [])]


def test_discussion_with_named_posts_lists_unnamed_points_they_answer(extract):
    # the introduction names who answered; a short heading sits between it and the bullets
    x = extract("Minutes:\n\nCabinet Members for Leisure (Councillors Nia Rees & Huw Tal) presented the report.\n\n"
                "Questions and discussions with the Cabinet Members, the Head of Parks and the Lead Ranger "
                "covered the following: -\n\n"
                "Play Areas\n\n"
                "• Condition of the equipment at the riverside play area\n"
                "• Whether the summer programme could reach the outer estates\n")
    answerers = ["Nia Rees", "Huw Tal", "Head of Parks", "Lead Ranger"]
    got = qa(x)
    assert [a for a, _ in got] == [None, None]
    assert all(sorted(r) == sorted(answerers) for _, r in got)
    assert x.questions[1].text.startswith("Whether the summer programme")


def test_short_heading_does_not_open_a_list_without_an_introduction(extract):
    x = extract("Minutes:\n\nThe Committee received the report.\n\nPlay Areas\n\n"
                "• Equipment had been replaced at two sites.\n")
    assert qa(x) == []


def test_written_question_heading_names_who_answers(extract):
    x = extract("Minutes:\n\n12-03 – Councillor Rhian Moss to Councillor Dev Patel\n\n"
                "Councillor Moss asked a supplementary question on the timetable for the new depot.\n\n"
                "12-04 – Councillor Ivo Marsh to Councillor Dev Patel\n\n"
                "Councillor Marsh asked whether the depot would open on time.\n")
    assert qa(x) == [("Rhian Moss", ["Dev Patel"]), ("Ivo Marsh", ["Dev Patel"])]


def test_a_sentence_with_to_between_two_members_is_not_a_heading(extract):
    x = extract("Minutes:\n\nCouncillor Ames asked why the depot plan had gone to Councillor Bell\n\n"
                "Councillor Cole asked whether the depot would open on time.\n")
    assert qa(x) == [("Ames", []), ("Cole", [])]


def test_announced_supplementary_question_is_one_question(extract):
    x = extract("Minutes:\n\nCouncillor Rhian Moss asked a supplementary question about the depot. She asked "
                "for an example of another council's depot of that size.\n\n"
                "Councillor Dev Patel, Cabinet Member for Waste, stated that he would reply in writing.\n")
    assert qa(x) == [("Rhian Moss", ["Dev Patel"])]
    assert x.questions[0].text.endswith("of that size.")


def test_notice_of_question_on_its_own_line_then_the_answering_member_label(extract):
    # one paragraph per line, no colon after the notice, the reply under the answering member's name
    x = extract("Minutes:\n\nCouncillor Rhian Moss had given notice of the following question to the Cabinet "
                "Member for Leisure and Culture at the Riverside Centre\n"
                "“When will the Riverside Centre reopen after the flood repairs?”\n"
                "Councillor Dev Patel:\n"
                "“The centre will reopen in March once the floor has dried out.”\n")
    assert qa(x) == [("Rhian Moss", ["Dev Patel"])]
    assert x.questions[0].text.startswith("“When will")


def test_member_of_the_view_that_something_is_not_the_same_raises_a_concern(extract):
    x = extract("Minutes:\n\nCouncillor Ames was of the view that the plan agreed in March was not the same as "
                "the one now presented.\n")
    assert qa(x) == [("Ames", [])]


def test_answered_in_the_passive_after_an_explicit_question(extract):
    x = extract("Minutes:\n\nIn response to a question about the school run, it was explained that buses were full.\n\n"
                "It was acknowledged in response to members’ questions that the survey had been short.\n\n"
                "In response to a question regarding how members could help, it was suggested that they could "
                "share the plan.\n")
    assert qa(x) == [(None, []), (None, []), (None, [])]
    assert x.questions[2].text.startswith("In response to a question regarding how members could help")


def test_a_question_received_from_a_member_and_answered_by_its_receiver(extract):
    x = extract("Minutes:\n\nThe Leader received a question from Councillor Ann Bolt regarding a leak in her ward. "
                "In response, he advised that he would write to the water company.\n")
    assert qa(x) == [("Ann Bolt", ["Leader"])]
    assert [m.text for m in x.person(x.questions[0].responders[0]).mentions] == ["The Leader", "he"]


def test_concerns_raised_by_a_member_about_a_new_matter_are_a_new_question(extract):
    x = extract("Minutes:\n\nThe Leader received a question from Councillor Ann Bolt regarding a leak. The Leader "
                "also agreed to contact the planning team following concerns raised by Councillor Ann Bolt "
                "about a fence.\n")
    assert qa(x) == [("Ann Bolt", ["Leader"]), ("Ann Bolt", ["Leader"])]


def test_passive_request_before_its_passive_answer_in_one_sentence(extract):
    x = extract("Minutes:\n\nFurther information on the costs was requested and members were informed that bids "
                "would be made.\n")
    assert qa(x) == [(None, [])]


def test_questions_received_from_a_named_member_of_the_public(extract):
    x = extract("Minutes:\n\n3 questions were received from Mrs Joan Pike and these are attached at Appendix A.\n\n"
                "The Chairman noted that two questions had been received by the deadline.\n")
    assert qa(x) == [("Joan Pike", [])]


def test_in_response_to_a_question_from_is_not_a_received_question(extract):
    x = extract("Minutes:\n\nIn response to a question from Councillor Sam Ode, the Leader referred to the budget "
                "gap.\n")
    assert qa(x) == [("Sam Ode", ["Leader"])]


def test_written_question_on_notice_runs_over_its_background_paragraph(extract):
    x = extract("Minutes:\n\nQuestion on Notice from Professor Una Vale\n\n"
                "Residents have reported long waits when calling the non-emergency number.\n\n"
                "Is the Commissioner aware of the waits and what is he doing about them?\n\n"
                "Question from Councillor Ben Ode\n\nWhy has the station closed?\n")
    assert qa(x) == [("Una Vale", []), ("Ben Ode", [])]
    assert x.questions[0].text.startswith("Residents have reported")
    assert x.questions[0].text.endswith("doing about them?")


def test_chair_asking_a_member_what_they_want_is_procedure_and_dont_appear_is_a_concern(extract):
    x = extract("Minutes:\n\nCllr Ames commented that the results don't appear to be consistent. The Chair asked if "
                "the councillor would also like to see the quarterly change.\n")
    assert qa(x) == [("Ames", [])]


def test_committee_chair_undertakes_but_a_chairs_view_is_a_point_of_their_own(extract):
    x = extract("Minutes:\n\nCouncillor Ames asked for an update on the depot. The Chair noted that this would be "
                "investigated.\n\n"
                "• Members suggested a visit to the depot should be arranged.\n"
                "• The Chair advised he felt there would be value in talking to the drivers.\n")
    got = qa(x)
    assert got[0] == ("Ames", ["Chair"])
    assert got[1] == (None, [])  # the Chair's view did not answer the members' suggestion


def test_an_officers_next_update_after_an_answered_question_is_not_more_answer(extract):
    x = extract("Minutes:\n\nUna Vale introduced the item.\n\nBen Ode asked if carers had been consulted. Una Vale "
                "explained that two events had been held.\n\nIvo Marsh reported that a tracker had been set up.\n")
    assert qa(x) == [("Ben Ode", ["Una Vale"])]


def test_it_was_noted_that_introduces_findings_not_members_points(extract):
    x = extract("Minutes:\n\nIn discussion, it was noted that:\n"
                "- it was proposed that members would help set the targets for next year.\n"
                "- the position would continue to be monitored closely.\n")
    assert qa(x) == []


def test_a_members_remark_then_a_worry_in_the_next_sentence_is_a_concern(extract):
    x = extract("Minutes:\n\nCouncillor Ames commented that 400 plans had been completed. This remained a worry "
                "given the number of requests.\n")
    assert qa(x) == [("Ames", [])]
    assert x.questions[0].text.endswith("number of requests.")


def test_members_having_lodged_questions_is_procedure(extract):
    x = extract("Minutes:\n\nThe Chairman advised that ten Councillors had lodged written questions with the Clerk by "
                "the deadline.\n")
    assert qa(x) == []


def test_a_listed_point_that_is_only_a_post_is_not_a_point(extract):
    x = extract("Minutes:\n\nDuring the discussion the following points were raised:\n"
                "• Members asked whether the depot would open on time.\n"
                "• The Chairman of the Corporate Parenting Panel\n")
    assert qa(x) == [(None, [])]


def test_a_described_speaker_and_an_aside_before_the_verb(extract):
    x = extract("Minutes:\n\nMr Ivo Roberts, a local resident, asked about the parking charges. The Leader responded "
                "that charges had not risen.\n\n"
                "Councillor Ahmed queried the overspend on home care.\n\n"
                "The Chief Executive, in response to Councillor Ahmed, said the budget would be reviewed.\n")
    assert qa(x) == [("Ivo Roberts", ["Leader"]), ("Ahmed", ["Chief Executive"])]


def test_asked_and_was_informed_by_an_officer_in_one_sentence(extract):
    x = extract("Minutes:\n\nCouncillor Mrs P. Lloyd asked if the repairs target could be reviewed and was informed by "
                "the Head of Property that it would be.\n\n"
                "The Panel asked about the delays to the new school. The Director of Education explained that the "
                "contractor had gone into administration.\n")
    assert qa(x) == [("P Lloyd", ["Head of Property"]), (None, ["Director of Education"])]


def test_presented_and_responded_to_queries_and_comments_is_a_summary(extract):
    x = extract("Minutes:\n\nThe Director of Place presented the plan and responded to members’ queries and "
                "comments.\n\nThe Director of Place responded to questions from members stating that the bus "
                "lanes would open in May.\n")
    assert qa(x) == [(None, ["Director of Place"])]


def test_printed_minutes_wrapped_mid_sentence_keep_the_answer_with_its_question(extract):
    x = extract("Minutes:\n\n12.2 Councillor Lowe asked how many people were waiting for a home care package. The\n"
                "Director of Adult Services said that 84 people were waiting, down from 120 in June.\n")
    assert qa(x) == [("Lowe", ["Director of Adult Services"])]


def test_numbered_q_and_a_lines_with_speaker_labels(extract):
    x = extract("Minutes:\n\nQ1 Councillor Ruth Amis: How many potholes were repaired last month?\n"
                "A1 The Cabinet Member for Highways: 1,240 were repaired, against a target of 1,000.\n\n"
                "Q2 Councillor Sam Ige: When will the Mill Road bridge reopen?\n"
                "A2 The Cabinet Member for Highways: In September.\n")
    assert qa(x) == [("Ruth Amis", ["Cabinet Member for Highways"]), ("Sam Ige", ["Cabinet Member for Highways"])]


def test_a_listed_point_then_its_answer_after_a_dash(extract):
    x = extract("Minutes:\n\nIn the discussion that followed, members raised the following matters:\n\n"
                "• Whether the new collection days had been publicised – the Waste Manager confirmed that "
                "leaflets had been sent.\n"
                "• The cost of agency staff in the contact centre – it was explained that recruitment was under way.\n"
                "• Councillor Bryn Hale asked about missed collections; the Waste Manager undertook to provide "
                "figures.\n")
    assert qa(x) == [(None, ["Waste Manager"]), (None, []), ("Bryn Hale", ["Waste Manager"])]
    assert x.questions[0].text == "Whether the new collection days had been publicised"


def test_it_was_confirmed_alone_in_a_bullet_is_a_finding(extract):
    x = extract("Minutes:\n\nThe following points were noted:\n\n"
                "• It was confirmed that the figures covered only children in the county's care.\n")
    assert qa(x) == []


def test_numbered_issues_each_with_a_response_line(extract):
    x = extract("Minutes:\n\nMembers asked questions and raised the following issues:\n\n"
                "1. How the council would meet the new recycling targets.\n"
                "Response: The Head of Waste said that food waste collections would start in April.\n\n"
                "2. Whether staff shortages were affecting the garden waste service.\n"
                "Response: Officers confirmed that two rounds had been suspended.\n")
    assert qa(x) == [(None, ["Head of Waste"]), (None, [])]
    assert x.questions[1].text.startswith("Whether staff shortages")


def test_a_member_named_then_a_dash_and_their_concern(extract):
    x = extract("Minutes:\n\nCouncillor Dee Amos – concerned about fly-tipping on the industrial estate. The "
                "Enforcement Manager agreed to arrange a site visit.\n")
    assert qa(x) == [("Dee Amos", ["Enforcement Manager"])]


def test_in_answer_to_questions_a_portfolio_holder_advised_a_list(extract):
    x = extract("Minutes:\n\nThe Portfolio Holder for Finance, Councillor Ola Brennan, introduced the report.\n\n"
                "In answer to questions from members, the Portfolio Holder advised:\n\n"
                "- the overspend in children's services was driven by placement costs;\n"
                "- a recovery plan would be reported to Cabinet in January.\n")
    assert qa(x) == [(None, ["Ola Brennan"]), (None, ["Ola Brennan"])]


def test_following_questions_the_chair_moved_is_procedure_not_an_answer(extract):
    x = extract("Minutes:\n\nFollowing questions from members, the Convener moved that the report be noted.\n")
    assert qa(x) == []


def test_numbered_written_question_to_a_cabinet_member_runs_to_its_question_mark(extract):
    x = extract("Minutes:\n\n2      Question from Councillor Rhian Tovey to Cabinet Member Housing\n\n"
                "Last spring the Parish Council bought the old library building on Mill Lane.\n\n"
                "Later the same year the depot at Crossways was transferred by this Council for £1.\n\n"
                "In her assessment, what value does the Estates Manager give to the depot?\n\n"
                "Answer from Councillor Gwyn Parry, Cabinet Member Housing\n\n"
                "The depot was transferred to a community trust under the asset transfer policy.\n")
    assert qa(x) == [("Rhian Tovey", ["Gwyn Parry"])]
    assert x.questions[0].text.startswith("Last spring") and x.questions[0].text.endswith("give to the depot?")
