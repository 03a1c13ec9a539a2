"""Attendance lists in the shapes UK minutes print them (fictional councils and people)."""

from councilgraph.loaders.extract.outcomes import attendance
from councilgraph.loaders.extract.segment import blocks as split_blocks


def _events(text):
    people = []
    blks = split_blocks(text)
    att = attendance(text, blks, [], people, list_blocks=blks)
    by_key = {p.key: p.name for p in people}
    for st in att:
        assert text[st.span.start:st.span.end]  # every entry keeps its evidence
    return sorted((by_key[st.person], st.event) for st in att)


def test_present_and_in_attendance_lists():
    text = ("Present: Cllr R T Quill (in the chair), Cllr Mrs P Ashdown, Cllr H Verity\n\n"
            "In attendance: Moira Kettle (Democratic Services Officer)\n")
    assert _events(text) == [("H Verity", "present"), ("Moira Kettle", "present"), ("P Ashdown", "present"),
                             ("R T Quill", "present")]


def test_apologies_sentence_with_titles_and_bracketed_substitutes():
    text = ("Apologies for absence were received from Mr T Okafor (Ms L Brand attended as substitute), "
            "Councillors Fenwick and Ashby, and Dr W Pell, NHS Westshire.\n")
    assert _events(text) == [("Ashby", "apologies"), ("Fenwick", "apologies"), ("L Brand", "substitute"),
                             ("T Okafor", "apologies"), ("W Pell", "apologies")]


def test_unlabelled_members_line_and_substitution_pair():
    text = ("Councillor Nia Probert (Chairman); Councillors Hale, Ormsby, Tarrant and Wilde.\n\n"
            "Councillor J.Lusk for Councillor D.Marr\n")
    got = _events(text)
    assert ("Nia Probert", "present") in got and ("Wilde", "present") in got and ("J Lusk", "substitute") in got
    assert len([g for g in got if g[1] == "present"]) == 5


def test_leaving_before_an_item():
    from councilgraph.loaders.extract.people import PeopleFinder
    from councilgraph.loaders.extract.segment import sentences
    text = "Councillor Brackley declared an interest and advised that he would leave the meeting for the item.\n"
    people = PeopleFinder(text).find()
    blks = split_blocks(text)
    sents = [s for b in blks for s in sentences(text, b)]
    att = attendance(text, blks, sents, people, list_blocks=blks)
    assert [(st.event) for st in att] == ["left"]


def test_a_sentence_is_not_a_name_list():
    text = "Present: the report was noted by all members of the committee.\n"
    assert _events(text) == []


def _actions(text):
    from councilgraph.loaders.extract.outcomes import actions
    from councilgraph.loaders.extract.segment import sentences
    sents = [s for b in split_blocks(text) for s in sentences(text, b)]
    return [a.text for a in actions(text, sents, [])]


def test_follow_ups_promised_to_the_committee():
    text = ("It was agreed that the analysis would be placed before the tables in future reports. "
            "The Head of Highways would write to Councillor Ormsby with the figures. "
            "A new carers' representative was to be sought from the forums. "
            "Verge cutting performance would continue to be monitored by the panel.\n")
    assert len(_actions(text)) == 4


def test_procedure_and_opinions_are_not_actions():
    text = ("The Chair reminded members of the arrangements to be taken in the event of a fire. "
            "The Chair agreed that the item be considered as a matter of urgency. "
            "Councillor Hale suggested that waiting times may need to be monitored.\n")
    assert _actions(text) == []


def test_officer_follow_ups_and_future_reports():
    text = ("Officers to check the response times for the complaints line. "
            "Members asked that actual tonnages be shown in future reports. "
            "Members to declare any interest in respect of items on the agenda.\n")
    got = _actions(text)
    assert len(got) == 2 and not any("declare" in a for a in got)


def test_a_label_printed_alone_heads_the_blocks_that_follow():
    text = ("Present:\n\n• Cllr Anna Dane (Chair)\n• Cllr Ben Ewart\n\nIn Attendance:\n\nCouncillor Priya Venn\n\n"
            "Apologies:\n\n• Cllr Cara Fry\n\n1. Minutes\n\nThe minutes were agreed.\n")
    assert _events(text) == [("Anna Dane", "present"), ("Ben Ewart", "present"), ("Cara Fry", "apologies"),
                             ("Priya Venn", "present")]


def test_an_entry_that_is_not_a_name_is_passed_over_and_a_count_ends_the_list():
    text = ("Present: Councillors Ruth Abel, Tom Birch and officers of the Council\n"
            "Public attendance: 3\nOther Officers: 2\n")
    assert _events(text) == [("Ruth Abel", "present"), ("Tom Birch", "present")]


def test_initials_with_full_stops_do_not_end_the_list():
    assert _events("Present: Cllr J. Smith, Cllr K. Lane and Dr. P. Oduya. The meeting began.\n") == [
        ("J Smith", "present"), ("K Lane", "present"), ("P Oduya", "present")]


def test_substitutes_label():
    assert _events("Substitutes: Councillor Omar Reed (for Councillor Jill Pike)\n") == [("Omar Reed", "substitute")]


def test_people_and_attendance_read_one_list():
    """The people finder and the attendance events share attendance_lists.read_lists: no second reading adds people."""
    from councilgraph.loaders.extract.people import PeopleFinder
    text = ("Present: A Powrie (Chair), B Marks and Carol Walker\n"
            "Officers: D Lee (Democratic Services Officer)\n\nApologies were received from Mr Hugh Tarn.\n")
    people = PeopleFinder(text).find()
    before = {p.key: (p.name, p.kind) for p in people}
    blks = split_blocks(text)
    att = attendance(text, blks, [], people, list_blocks=blks)
    assert {p.key: (p.name, p.kind) for p in people} == before
    assert sorted((before[st.person][0], st.event) for st in att) == [
        ("A Powrie", "present"), ("B Marks", "present"), ("Carol Walker", "present"), ("D Lee", "present"),
        ("Hugh Tarn", "apologies")]
    assert before[next(st.person for st in att if st.event == "apologies")][1] != "officer"


def test_members_not_present_are_not_present():
    assert _events("Present: Cllr Rhys Mold\nMembers not present: Cllr Sara Penn\n") == [
        ("Rhys Mold", "present"), ("Sara Penn", "apologies")]


def _decided(text):
    from councilgraph.loaders.extract.outcomes import actions
    from councilgraph.loaders.extract.records import Span, Statement
    return [a.text for a in actions(text, [], [Statement(text=text, span=Span(0, len(text)))])]


def test_subjunctive_decisions_name_who_acts():
    text = ("RESOLVED – (1) That the report be noted. (2) That officers circulate the revised bus figures to "
            "members. (3) That the Chairperson writes to the Minister for Transport.")
    got = _decided(text)
    assert len(got) == 2 and got[0].startswith("(2) That officers") and "Chairperson" in got[1]


def test_numbered_decision_in_one_paragraph_is_one_action_a_part():
    got = _decided("RESOLVED (a) that officers provide the tonnage data; (b) that a report be brought to the next "
                   "meeting of the Panel.")
    assert len(got) == 2


def test_promises_in_reported_speech():
    text = ("The Director agreed to provide a written response to Councillor Pym. "
            "Ms Hale said she would take this away. "
            "Officers were asked to check the timetable data. "
            "He asked Mr Gill to look into the parking complaints. "
            "The Head of Waste would circulate the collection figures.\n")
    assert len(_actions(text)) == 5


def test_future_work_and_future_occasions():
    text = ("An annual review of the plan would be undertaken. "
            "A new parent governor was being sought from the school forums. "
            "The figures at paragraph 3 were wrong and required updating. "
            "The item would come back to the Panel in June. "
            "A briefing on the depot move was scheduled for 4 May.\n")
    assert len(_actions(text)) == 5


def test_delays_questions_and_call_in_are_not_actions():
    text = ("Hearings could be held up for months by appeals. "
            "Councillor Rae asked what action could be taken to reduce the delays. "
            "This decision will come into force on the expiry of five working days unless it is called in. "
            "Measures to be undertaken on council land were described.\n")
    assert _actions(text) == []


def _page_events(text):
    from councilgraph.loaders.extract.people import PeopleFinder
    from councilgraph.loaders.extract.segment import sentences
    people = PeopleFinder(text).find()
    blks = split_blocks(text)
    sents = [s for b in blks for s in sentences(text, b)]
    att = attendance(text, blks, sents, people, list_blocks=blks)
    names = {p.key: (p.name or p.role).split()[-1] for p in people}
    return sorted((names[st.person], st.event) for st in att)


def test_apologies_sentences_that_go_on_after_the_names():
    assert _page_events("Apologies for absence were received from Councillor Ada Bell, who was unwell, and "
                        "Councillor Cy Dunn.\n") == [("Bell", "apologies")]
    assert _page_events("Apologies were received from Councillor Ada Bell with Councillor Cy Dunn attending as "
                        "substitute.\n") == [("Bell", "apologies"), ("Dunn", "substitute")]
    assert _page_events("An apology for absence was received from Councillor Eve Ford.\n") == [("Ford", "apologies")]


def test_comings_goings_and_presence_in_sentences():
    text = ("Councillor Gil Hart joined the meeting during item 5. "
            "Councillor Ivo Jones left the meeting at 8.15pm. "
            "Councillor Kay Lowe withdrew from the room for the item. "
            "Councillor Max Neal was also in attendance. "
            "Councillor Ola Penn was substituted by Councillor Quin Rees.\n")
    assert _page_events(text) == [("Hart", "arrived"), ("Jones", "left"), ("Lowe", "left"), ("Neal", "present"),
                                  ("Rees", "substitute")]


def test_present_at_a_time_is_an_arrival_present_at_the_meeting_is_presence():
    assert _page_events("Councillor Sam Tate was present from item 4.\n") == [("Tate", "arrived")]
    assert _page_events("Also present were Councillor Uma Vine and Councillor Wyn Yale.\n") == [
        ("Vine", "present"), ("Yale", "present")]


def test_an_unlabelled_name_line_is_recorded_as_its_heading_says():
    line = "Councillors A. Bell (Chair), C. D. Dunn, E. Ford and G. Hale\n"
    assert {e for _, e in _events("Minutes of the meeting held on 1 May 2024\n\n" + line)} == {"present"}
    assert {e for _, e in _events("1. Apologies for Absence\n\n" + line)} == {"apologies"}
    assert _events("Membership\n\n" + line) == []
    assert _events("Members of the Planning Committee\n\n" + line) == []


def test_passive_checks_and_work_in_hand():
    text = ("It was thought that the target for answering complaints was 15 working days, but this would be checked. "
            "A check would be made on whether ward members could see the casework log. "
            "Evaluation of the consultation responses was ongoing. "
            "They were reviewing the guidance on the council's web pages. "
            "Each depot scheme would be costed and officers would submit bids to the levelling-up fund. "
            "She said this would be considered.\n")
    got = _actions(text)
    assert len(got) == 5
    assert got[0].endswith("this would be checked.") and got[4].startswith("Each depot scheme")


def test_proposals_put_as_suggestions_are_actions_wishes_for_information_are_not():
    text = ("Members suggested the working group should plan the review programme for the coming year. "
            "Councillor Orme suggested that the charging policy could be looked at again. "
            "The volunteer visits to the care homes should be re-instated. "
            "Members proposed it would be useful to undertake visits to the depots. "
            "It would be helpful to have a breakdown of the referrals by ward. "
            "Councillor Hale suggested that waiting times may need to be monitored.\n")
    got = _actions(text)
    assert len(got) == 4 and not any("breakdown" in g or "waiting" in g for g in got)


def test_two_promises_in_one_sentence_work_in_progress_and_a_report_due():
    text = ("In response, she advised that she would speak to the Chair of the Housing Panel about the repairs "
            "and she would write to the housing association. "
            "The Chairman would be finalising the task group membership with the Scrutiny Officer by Friday. "
            "Officers clarified that the options report was due to Committee at the March meeting. "
            "The delay was due to Council staff shortages.\n")
    got = _actions(text)
    assert len(got) == 4
    assert got[0].endswith("about the repairs") and got[1].startswith("she would write")


def test_questions_agenda_wording_assurances_and_operations_are_not_actions():
    text = ("Councillor Pryce queried whether the trust's chief executive could attend a future meeting of the Panel. "
            "The Member asked if officers would be carrying out a review of the gritting routes. "
            "The Panel is asked to consider the draft plan and to comment on it. "
            "The comments would be taken on board as the strategy was developed. "
            "The Service would send a two-pump response to a flat fire. "
            "Members were referred to the appendix which set out the actions to be taken forward.\n")
    assert _actions(text) == []


def test_an_answer_in_the_questions_sentence_is_an_action():
    text = ("Cllr R Amos asked whether there was support for staff on long-term sick leave – the Leader "
            "responded and undertook to provide a written response.\n")
    assert len(_actions(text)) == 1


def test_an_action_line_replaces_the_sentence_it_restates():
    text = ("He asked Ms Okoro to look into member training on safeguarding. "
            "ACTION – Ms Okoro to report to the Panel on training courses for members.\n")
    got = _actions(text)
    assert len(got) == 1 and got[0].startswith("ACTION")


def test_follow_ups_in_passing_are_found_where_lower_casing_moves_offsets():
    # "İ" lower-cases to two characters, so the page is searched without the shared lower-cased copy
    text = ("Councillor İpek Doran asked about the depot. Evaluation of the consultation responses was ongoing. "
            "Members suggested the task group should plan its visits for the spring.\n")
    got = _actions(text)
    assert got == ["Evaluation of the consultation responses was ongoing.",
                   "Members suggested the task group should plan its visits for the spring."]


def test_a_view_that_something_should_be_done_is_not_an_action():
    text = ("Councillor Tran felt the lettings policy should be reviewed by the Cabinet. "
            "Members were of the view that the scheme could be publicised more widely. "
            "The Head of Housing said the lettings policy would be reviewed by the Cabinet in June.\n")
    got = _actions(text)
    assert len(got) == 1 and got[0].startswith("The Head of Housing")


def test_substitutes_named_in_a_bracket_with_a_post_or_after_a_colon():
    # the substitute's post inside the bracket, "attended in his absence"
    assert _events("Apologies for absence were received from Mr R Hollis (Mr G Varley, Clinical Lead attended in "
                   "his absence) and Ms F Dray.\n") == [("F Dray", "apologies"), ("G Varley", "substitute"),
                                                        ("R Hollis", "apologies")]
    # "were also received", co-opted members without titles, the alternate in a clause after a colon
    assert _page_events("Apologies were also received from Petra Lomond and Nadia Fearn: Iris Caddow attended as "
                        "her alternate.\n") == [("Caddow", "substitute"), ("Fearn", "apologies"),
                                                ("Lomond", "apologies")]


def test_unable_to_attend_is_an_apology_but_not_for_another_event():
    assert _page_events("The Clerk recorded attendance. Councillor Tam Ruddock was unable to attend due to "
                        "illness.\n") == [("Ruddock", "apologies")]
    assert _page_events("Councillor Una Fyfe was unable to attend the site visit on 3 May.\n") == []
