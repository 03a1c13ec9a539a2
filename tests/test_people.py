from councilgraph.loaders.extract.people import PeopleFinder, same_role, split_name


def people(text):
    return {(p.name, p.kind, p.role) for p in PeopleFinder(text).find()}


def test_titled_councillors_with_initials_and_particles():
    text = ("Councillor R Crute asked a question. Cllr. J. M. L. A. Griffiths noted it. "
            "Cllr da Costa said so. County Councillor Ash agreed.")
    assert people(text) == {("R Crute", "councillor", None), ("J M L A Griffiths", "councillor", None),
                            ("da Costa", "councillor", None), ("Ash", "councillor", None)}


def test_capitalised_verb_after_name_is_not_part_of_name():
    assert people("Councillor J Clark Left the meeting") == {("J Clark", "councillor", None)}


def test_officer_written_name_role_and_role_name():
    text = ("S Tracey, Corporate Equality and Strategy Manager explained the figures. "
            "The Director of Children's Services, Jane Smith, advised members.")
    assert people(text) == {("S Tracey", "officer", "Corporate Equality and Strategy Manager"),
                            ("Jane Smith", "officer", "Director of Children's Services")}


def test_role_only_reference_resolves_to_named_holder_in_document():
    text = ("S Tracey, Corporate Equality and Strategy Manager explained the figures. "
            "The Corporate Equality and Strategy Manager advised that it was improving.")
    found = PeopleFinder(text).find()
    assert len(found) == 1
    assert [m.kind for m in found[0].mentions] == ["name", "role"]


def test_report_author_is_a_person_and_so_is_an_acting_role():
    # the hand-made answers for 60 real pages count the post that wrote the report (the five seed pages did not)
    assert people("The Committee received a report of the Chief Executive which set out progress.") == {
        (None, "officer", "Chief Executive")}
    assert people("The report was sent to the Chief Executive.") == set()
    assert people("The Head of Education and Skills advised Members of a session.") == {
        (None, "officer", "Head of Education and Skills")}


def test_chair_is_a_councillor_office():
    assert people("The Chair noted that this would be investigated.") == {(None, "councillor", "Chair")}


def test_council_name_is_not_a_councillor():
    assert people("Durham County Council noted the report.") == set()


def test_bare_name_needs_reporting_verb():
    assert people("Hilary Hall advised the Panel.") == {("Hilary Hall", "officer", None)}
    assert people("The Performance Board met monthly.") == set()


def test_same_surname_compatible_initials_merge_in_document():
    found = PeopleFinder("Councillor Crute asked. Later Councillor R Crute agreed.").find()
    assert len(found) == 1 and found[0].name == "R Crute"


def test_plural_councillors_list():
    text = "Apologies for absence were received from Councillors A Bell, C Dunn and E Ford."
    assert {p.name for p in PeopleFinder(text).find()} == {"A Bell", "C Dunn", "E Ford"}


def test_role_spelling_drift_is_same_role():
    assert same_role("Corporate Equality and Strategy Manager", "Corporate Equalities and Strategy Manager")
    assert not same_role("Head of Finance", "Head of Housing")


def test_split_name():
    assert split_name("Owain le Brun").surname == "le Brun"
    assert split_name("J. M. Griffiths").initials == "JM"


def test_double_barrelled_and_apostrophe_surnames():
    assert people("a) Cllr. M. Jones-Evans asked why. Councillor Sean O'Brien agreed.") == {
        ("M Jones-Evans", "councillor", None), ("Sean O'Brien", "councillor", None)}


def test_role_with_department_and_role_before_bracketed_name():
    assert people("In answer, the Assistant Director, Highways explained the ranking.") == {
        (None, "officer", "Assistant Director, Highways")}
    assert people("The Interim Director of Adult Social Care (Mrs K Oduya) presented the report.") == {
        ("K Oduya", "officer", "Interim Director of Adult Social Care")}


def test_honorific_after_a_member_title_is_not_part_of_the_name():
    assert people("Present: Cllr Mrs K Whitcombe (in the chair)") == {("K Whitcombe", "councillor", None)}


def test_scottish_and_northern_irish_titles():
    found = people("Bailie Morag Finlay asked about parking. Alderman Ruairi Keane said the Convener agreed.")
    assert ("Morag Finlay", "councillor", None) in found and ("Ruairi Keane", "councillor", None) in found
    assert (None, "councillor", "Convener") in found


def test_dashed_remit_is_part_of_the_job_title():
    found = people("The Assistant Director – Inclusion & Additional Needs advised members.")
    assert found == {(None, "officer", "Assistant Director – Inclusion & Additional Needs")}


def test_office_then_titled_name_is_one_person():
    found = people("The Leader of the Council, Cllr Nia Bowen, replied that the bid had been sent.")
    assert found == {("Nia Bowen", "councillor", "Leader of the Council")}


def test_job_titles_met_or_listed_are_people():
    found = people("The Chair welcomed the Cabinet Member for Parks and the Director of Place. "
                   "Discussions with the Head of Libraries and the Strategic Lead Commissioner followed.")
    roles = {r for _, _, r in found}
    assert {"Cabinet Member for Parks", "Director of Place", "Head of Libraries",
            "Strategic Lead Commissioner"} <= roles


def test_generic_nouns_are_not_people():
    found = people("The Cabinet Member for Children, Young People & Families replied to Councillor Tan.")
    assert ("Young People", "councillor", None) not in found and {n for n, _, _ in found} >= {"Tan"}


def test_welsh_irish_and_compound_names_are_read_whole():
    assert people("Cllr Siân Llŷr asked about play areas.") == {("Siân Llŷr", "councillor", None)}
    assert people("Councillor Gwenllïan Hughes asked why.") == {("Gwenllïan Hughes", "councillor", None)}
    assert people("Councillor Mary-Jane O'Neill-Ó Súilleabháin asked.") == {
        ("Mary-Jane O'Neill-Ó Súilleabháin", "councillor", None)}


def test_a_surname_that_is_also_a_word_after_a_title():
    assert people("Councillor Council asked why.") == {("Council", "councillor", None)}
    assert people("The Councillor Call for Action was considered.") == set()


def test_initial_joined_to_surname_without_a_space():
    assert people("J.Pryce advised that the scheme was agreed.") == {("J Pryce", "officer", None)}


def test_police_and_fire_ranks_are_titles_and_roles():
    assert people("Chief Inspector Ravi Sood advised that crime had fallen.") == {
        ("Ravi Sood", "other", "Chief Inspector")}
    assert people("Station Manager Lowri Bevan said the crews were ready.") == {
        ("Lowri Bevan", "other", "Station Manager")}


def test_a_member_office_with_its_remit_is_a_person_wherever_named():
    found = people("To consider a proposed decision by the Cabinet Member for Waste and Parks. "
                   "It was moved by the Chair and seconded by the Vice-Chair.")
    assert {r for _, _, r in found} == {"Cabinet Member for Waste and Parks", "Chair", "Vice-Chair"}


def test_a_bare_office_that_does_nothing_is_no_person():
    assert people("The Lead Member, Directors and Heads of Service maintain oversight.") == set()


def test_a_shortened_office_joins_its_named_holder():
    found = PeopleFinder("Cllr Ada Lamb, Lead Member for Adults, introduced the report. "
                         "The Lead Member advised that demand was rising.").find()
    assert [(p.name, p.role, len(p.mentions)) for p in found] == [("Ada Lamb", "Lead Member for Adults", 2)]


def test_the_meeting_pages_contact_is_an_officer():
    assert people("Venue: Civic Hall\n\nContact: Rhian Gower Email: rhian@example.org\n") == {
        ("Rhian Gower", "officer", None)}
    assert people("Contact: Democratic Services, 01632 960000\n") == set()


def test_surnames_with_an_inner_capital_and_ministers():
    assert people("Councillor Nia LeBrun-DuPont questioned why.") == {("Nia LeBrun-DuPont", "councillor", None)}
    assert people("The Minister for Rural Affairs said no.") == {(None, "other", "Minister for Rural Affairs")}
    assert people("Cllr Ray Hill asked whether the MP for Brackwood had replied.") == {
        ("Ray Hill", "councillor", None), (None, "other", "MP for Brackwood")}


def test_untitled_attendance_lists():
    found = people("Present: A Powrie (Chair), B Marks and Carol Walker\n"
                   "Officers: D Lee (Democratic Services Officer), Ewan Raine\n\nThe meeting began.")
    assert found == {("A Powrie", "councillor", "Chair"), ("B Marks", "councillor", None),
                     ("Carol Walker", "councillor", None), ("D Lee", "officer", "Democratic Services Officer"),
                     ("Ewan Raine", "officer", None)}


def test_a_post_ending_in_a_head_is_not_a_bare_name():
    assert people("The Police and Crime Commissioner advised that work was progressing.") == {
        (None, "other", "Police and Crime Commissioner")}


def test_an_initial_joined_to_the_surname():
    assert people("RBowen confirmed that no targets were set.") == {("R Bowen", "officer", None)}
    assert people("TVs were bought for the library.") == set()


def test_signatures_of_a_decision_record():
    text = ("The decision was taken.\n\nSigned J Ames (Cabinet Member for Housing)\n\nSigned Leader: M Ross\n\n"
            "Signed Chief Executive: D Hale\n")
    assert people(text) == {("J Ames", "councillor", "Cabinet Member for Housing"),
                            ("M Ross", "councillor", "Leader"), ("D Hale", "officer", "Chief Executive")}


def test_members_of_the_public_heard_by_the_committee():
    assert people("The Convener advised of a deputation request from Ann Bolt, Ray Cole and Sue Dee.") >= {
        ("Ann Bolt", "other", None), ("Ray Cole", "other", None), ("Sue Dee", "other", None)}
    assert people("The Committee heard from Ann Bolt, supported by Ray Cole, who spoke.") == {
        ("Ann Bolt", "other", None), ("Ray Cole", "other", None)}
    assert people("A petition was received from Marchwood Park Residents Association.") == set()


def test_jointly_held_portfolio_gives_each_holder_the_office():
    found = people("Cabinet Members for Leisure (Councillors Nia Rees & Huw Tal) presented the report.")
    assert found == {("Nia Rees", "councillor", "Cabinet Member for Leisure"),
                     ("Huw Tal", "councillor", "Cabinet Member for Leisure")}


def test_posts_listed_after_a_discussion_with_are_people():
    found = people("Discussions with the Cabinet Member, the Head of Parks and the Lead Ranger followed.")
    assert {role for _, _, role in found} >= {"Head of Parks", "Lead Ranger"}


def test_party_whips_are_not_people():
    assert people("No declarations of Whipped Votes or Party Whips were declared.") == set()


def test_remit_with_serial_comma_is_one_job_title_not_a_name():
    found = people("Councillor Dev Patel, Cabinet Member for Waste, Street Lighting, and Parks stated that "
                   "he would reply.")
    assert found == {("Dev Patel", "councillor", "Cabinet Member for Waste, Street Lighting, and Parks")}


def test_head_with_a_service_area_and_no_preposition_is_a_job_title():
    found = people("The Assistant Director Finance explained the figures. The Assistant Director Governance "
                   "confirmed the rules had been followed. The covering report of the Council’s Section 151 "
                   "officer was noted.")
    assert {role for _, _, role in found} == {"Assistant Director Finance", "Assistant Director Governance",
                                              "Section 151 officer"}


def test_posts_differing_by_a_word_are_different_but_drift_is_not():
    assert not same_role("Assistant Director Finance", "Assistant Director Governance")
    assert same_role("Cabinet Member for the Built Environment", "Cabinet Member for Built Environment")


def test_contact_name_ends_with_its_line():
    assert people("Venue: Room 2\n\nContact: Rhian Moss \n\nItems\n") == {("Rhian Moss", "officer", None)}


def test_presentation_from_a_post_then_its_holder_at_the_end_of_the_sentence():
    found = people("The Committee received a presentation from the Strategic Lead for Parks, Dev Patel.")
    assert found == {("Dev Patel", "officer", "Strategic Lead for Parks")}


def test_a_remit_stops_at_a_blank_line():
    found = people("A decision by the Cabinet Member for Parks and Leisure\n\nAdditional documents:\n")
    assert {role for _, _, role in found} == {"Cabinet Member for Parks and Leisure"}


def test_post_ending_a_heading_line_belongs_to_the_member_named_in_it():
    found = people("Answer from Councillor H Lowe, Cabinet Member Resources\n\nThe Cabinet Member Resources "
                   "stated that the sale was at market value.")
    assert found == {("H Lowe", "councillor", "Cabinet Member Resources")}


def test_a_question_from_a_member_then_someone_elses_title_stays_apart():
    found = people("In answer to a question from Councillor Quinn, the Strategy Team Leader confirmed the plan.")
    assert ("Quinn", "councillor", None) in found


def test_an_untitled_name_never_runs_over_a_blank_line():
    found = people("Report of the Executive Director, Communities\n\n\nNia Rees, Interim Director of Care, gave a "
                   "presentation.")
    assert found == {(None, "officer", "Executive Director, Communities"),
                     ("Nia Rees", "officer", "Interim Director of Care")}


def test_councillors_listed_with_their_councils_in_brackets():
    found = people("Apologies for absence were received from Councillors A. Bell (Northshire County Council), "
                   "C. Dunn (Southvale Council) and E. Ford (Southvale Council).")
    assert {name for name, _, _ in found} == {"A Bell", "C Dunn", "E Ford"}


def test_a_bracket_that_holds_no_post_makes_no_one_a_person():
    assert people("The plan set out the Northshire Government’s (NG) vision for care.") == set()


def test_posts_in_a_bracketed_list_end_at_the_semicolon():
    found = people("Deputation: Care Trust (Ms Ola Berg, Director of Women and Children's Services; Mr Ivo Kay, "
                   "Assistant Director of Public Health)")
    assert {(name, role) for name, _, role in found} >= {("Ola Berg", "Director of Women and Children's Services")}


def test_longest_job_title_wins_and_a_bracketed_remit_is_part_of_it():
    found = people("The Principal Planning Officer (Conservation and Enforcement) gave an update. In response to "
                   "questions, the Principal Planning Officer advised that the case was closed.")
    assert found == {(None, "officer", "Principal Planning Officer (Conservation and Enforcement)")}


def test_a_bracketed_acronym_is_not_a_remit():
    found = people("The Director of Children's Services (DCS) presented the report. The DCS advised that it was late.")
    assert found == {(None, "officer", "Director of Children's Services")}


def test_a_short_title_joins_its_one_holder_but_not_one_of_two():
    one = people("The Director of Resources presented the report. The Director advised that it was on budget.")
    assert one == {(None, "officer", "Director of Resources")}
    two = people("The Director of Resources presented the report. The Director of Place added a note. The "
                 "Director advised that it was on budget.")
    assert {role for _, _, role in two} == {"Director of Resources", "Director of Place", "Director"}


def test_posts_that_run_the_meeting_or_wrote_the_paper_are_people():
    found = people("The Director of Democracy read the Notice of the Meeting. The business planner had been prepared "
                   "by the Interim Chief Officer – Governance.")
    assert {role for _, _, role in found} == {"Director of Democracy", "Interim Chief Officer – Governance"}


def test_with_the_permission_of_the_chair_a_member_spoke_two_people():
    found = people("With the permission of the Chairperson, Councillor Vale addressed the Committee.")
    assert found == {(None, "councillor", "Chairperson"), ("Vale", "councillor", None)}


def test_a_post_in_a_rule_is_not_a_person():
    assert people("Questions to the Portfolio Holder must be received four days before the meeting.") == set()


def test_posts_listed_without_the_after_a_named_member_when_the_list_ends_in_a_verb():
    found = people("The Cabinet Member for Health (Councillor Mia Tate), Director of Communities and Senior "
                   "Environmental Health Officer presented the plan.")
    assert found == {("Mia Tate", "councillor", "Cabinet Member for Health"),
                     (None, "officer", "Director of Communities"),
                     (None, "officer", "Senior Environmental Health Officer")}


def test_a_joint_post_outside_a_list_stays_one_post():
    found = people("The Head of Finance and Deputy Chief Executive explained the budget.")
    assert found == {(None, "officer", "Head of Finance and Deputy Chief Executive")}


def test_a_post_the_committee_heard_from_is_a_person():
    found = people("The Committee heard from the Chief Social Work Officer, who answered questions.")
    assert found == {(None, "officer", "Chief Social Work Officer")}
