"""Meeting headers, agenda items and classification on fictional pages in the shapes real minutes take."""

from pathlib import Path

import pytest
from councilgraph.loaders.extract.classify import looks_like_minutes
from councilgraph.loaders.extract.header import parse_date, parse_header

FIX = Path(__file__).parent / "fixtures" / "meta"


def test_full_council_debate_is_minutes():
    # a full council meeting: no committee, no titled members, no resolution
    assert looks_like_minutes((FIX / "full_council_debate.txt").read_text())


def test_press_release_is_not_minutes():
    text = ("Residents are invited to a summer fair in the park on Saturday. Stalls, music and food will be "
            "available from 10am. Entry is free and everyone is welcome.")
    assert not looks_like_minutes(text)


@pytest.mark.parametrize("head, committee, when", [
    ("Agenda and minutes\n\nLeisure Scrutiny Panel - Wednesday, 4th June, 2014 6.00 pm\n\nVenue: Town Hall\n",
     "Leisure Scrutiny Panel", "2014-06-04"),
    ("Agenda and draft minutes\n\nCoastal Protection (Task and Finish Group) - Monday 3rd May 2021 2.30 pm\n",
     "Coastal Protection (Task and Finish Group)", "2021-05-03"),
    ("Meeting documents\n\nLicensing Board\nTuesday, 12th March, 2013 7.00 pm\n\nPlace: Civic Hall\n",
     "Licensing Board", "2013-03-12"),
    ("Agenda and minutes\n\nCommunities Committee\nThursday 9 July 2020 4.00 pm\n\nVenue: Guildhall\n",
     "Communities Committee", "2020-07-09"),
    ("Standards Committee\n\n\nMinutes of the meeting held on 2 March 2018 at 7.00 pm in the Council Chamber.\n",
     "Standards Committee", "2018-03-02"),
    ("Minutes of a meeting held on 7th October, 2015.\n\nPresent: Councillor A. Brook (Chairman)\n", None,
     "2015-10-07"),
    ("Decision Maker: Cabinet\nDecision status: Recommendations Approved\n", "Cabinet", None),
    ("Issue details\n\nDecided at meeting: 14/02/2022 - Planning Committee\n", "Planning Committee", "2022-02-14"),
    ("Issue - meetings\n\n30/06/2016 - Fleet Replacement Report\n\nMinutes:\nThe report was noted.\n", None,
     "2016-06-30"),
    ("Record of Decision\n\nDecision No: D1\nDate: 23rd February 2011\n", None, "2011-02-23"),
    ("MINUTES of the Highways Committee held at the Civic Centre on Tuesday, 5th March, 2019\n\nPresent: "
     "Councillor A Brook\n", "Highways Committee", "2019-03-05"),
    ("Minutes of a meeting of the Licensing Panel held on 2nd of May 2016\n", "Licensing Panel", "2016-05-02"),
])
def test_meeting_headers(head, committee, when):
    h = parse_header(head + "\nMinutes:\nCouncillor R Vane asked about the plan.\n")
    assert h.committee == committee
    assert (h.meeting_date.isoformat() if h.meeting_date else None) == when


def test_committee_approving_its_own_minutes_names_itself_and_not_the_date():
    text = ("Agenda item\n\nMinutes of the Previous Meeting\n\nMinutes:\n\nResolved that the Minutes of the Leisure "
            "Scrutiny Panel held on 4 June 2014 be approved as a correct record.\n")
    h = parse_header(text)
    assert h.committee == "Leisure Scrutiny Panel"
    assert h.meeting_date is None


def test_a_committee_named_in_discussion_is_not_the_meeting():
    text = ("Agenda item\n\nBus Services\n\nMinutes:\n\nCouncillor R Vane said the matter would go to the Transport "
            "Committee in March.\n")
    assert parse_header(text).committee is None


@pytest.mark.parametrize("written, iso", [
    ("Thursday, 16th November, 2017", "2017-11-16"), ("3 December 2019", "2019-12-03"),
    ("5th November, 2012", "2012-11-05"), ("24/05/2018", "2018-05-24"), ("2nd of March 2020", "2020-03-02"),
    ("14.02.2022", "2022-02-14"), ("31 Sept 2020", None),
])
def test_dates_in_written_forms(written, iso):
    d = parse_date(written)
    assert (d.isoformat() if d else None) == iso


def _extract(name: str):
    from councilgraph.loaders.document import Document  # noqa: PLC0415
    from councilgraph.loaders.extract import extract_document  # noqa: PLC0415

    text = (FIX / name).read_text()
    return extract_document(Document(source=name, text=text, format="text"))


def test_meeting_page_is_split_into_its_items():
    text = (FIX / "meeting_page.txt").read_text()
    h = parse_header(text)
    assert [(i.number, i.title) for i in h.items] == [
        ("12", "APOLOGIES FOR ABSENCE"), ("13", "Declarations of Interest"), ("14", "Minutes of the previous meeting"),
        ("15", "Swimming Pool Refurbishment Programme")]
    assert all(text[i.title_start:i.title_start + len(i.title)] == i.title for i in h.items)
    assert h.committee == "Leisure Scrutiny Panel" and h.meeting_date.isoformat() == "2014-06-04"
    assert "Skip" not in (h.title or "")


def test_printed_minutes_are_split_and_keep_the_present_list():
    h = parse_header((FIX / "printed_minutes.txt").read_text())
    assert [i.title for i in h.items] == ["Apologies for Absence", "Declarations of Interest",
                                          "Complaints Monitoring Report"]
    assert h.committee == "Standards Committee"


def test_numbered_points_in_a_single_item_are_not_items():
    text = ("Agenda item\n\nBus Services Review\n\nMinutes:\n\n1. Councillor R Vane introduced the report and said "
            "that the routes had been reviewed.\n\n2. RESOLVED that the report be noted.\n")
    assert parse_header(text).items is None


def test_each_item_keeps_its_own_resolution():
    x = _extract("meeting_page.txt")
    assert [i.number for i in x.items] == ["12", "13", "14", "15"]
    texts = [r.text for r in x.resolutions]
    assert any("minutes of the meeting held on 2 April 2014" in t for t in texts)
    assert not any("Swimming" in t or "Councillor R Vane" in t for t in texts)


@pytest.mark.parametrize("text, committee", [
    ("Agenda item\n\nBudget Monitoring\n\nFollowing consideration of the report and discussion, the Executive:\n\n"
     "Noted the forecast.\n", "Executive"),
    ("Agenda item\n\nCorporate Performance\n\nMinutes:\n\nCabinet AGREED to note the report.\n", "Cabinet"),
    ("Agenda item\n\nScorecard\n\nThe report sets out the targets. The Rural Affairs Cabinet Committee is asked to "
     "note the scorecard.\n\nMinutes:\n\nThe report was noted.\n", "Rural Affairs Cabinet Committee"),
    ("Agenda item\n\nPlanner\n\nMinutes:\n\nThe Committee resolved:- to note the planner.\n\nNotice of Motion - "
     "Councillor R Vane That the Libraries and Culture Committee:\n(a) notes the report\n",
     "Libraries and Culture Committee"),
    ("Issue - meetings\n\nMeeting: 16/02/2010 - Executive - for meetings from 03/06/00 to 26/04/11 (Item 158)\n\n"
     "Minutes:\nNoted.\n", "Executive"),
])
def test_the_meeting_body_deciding(text, committee):
    assert parse_header(text).committee == committee


def test_the_committee_alone_is_not_a_name():
    text = "Agenda item\n\nPlanner\n\nMinutes:\n\nThe Committee resolved:- to note the planner.\n"
    assert parse_header(text).committee is None


@pytest.mark.parametrize("text, title", [
    ("Modern.gov Breadcrumb\n- Agenda item\nModern.gov Content\nAgenda item\nLibrary Opening Hours\nMinutes:\n"
     "The Panel considered a report.\n", "Library Opening Hours"),
    ("Decision Maker: Cabinet\nDecision status: Recommendations Approved\nIs Key decision?: No\n"
     "The Head of Libraries provided an update on the work being carried out on opening hours across the district "
     "and answered questions from members about weekend staffing.\n", None),
    ("Issue - meetings\n\n22/00410 - Approach to verge cutting\n\nMeeting: 12/05/2022 - Highways Cabinet Committee "
     "(Item 31)\n\n31 Verge Cutting - Update pdf icon PDF 61 KB\n\nTo consider the update.\n\nMinutes:\nNoted.\n",
     "Verge Cutting - Update"),
])
def test_titles_are_never_site_chrome_or_header_fields(text, title):
    assert parse_header(text).title == title


def test_meeting_page_without_item_numbers_is_split_at_wide_gaps():
    text = ("The Leisure Panel - Thursday, 6th May, 2021\n\nApologies and Substitutes\n\nNone were received.\n\n\n\n"
            "Declarations of Interests\n\n\nCouncillor R Vane declared an interest as a trustee.\n\n\n"
            "The Panel resolved:-\n\nto note the declaration.\n\n\n\nPlay Areas Review pdf icon PDF 90 KB\n\n\n"
            "The Head of Parks introduced the report.\n")
    h = parse_header(text)
    assert [i.title for i in h.items] == ["Apologies and Substitutes", "Declarations of Interests", "Play Areas Review"]


def test_report_subheadings_are_not_items():
    text = ("Agenda item\n\nLibraries Strategy\n\nMinutes:\n\n\n\nBackground\n\nThe strategy was adopted in 2019."
            "\n\n\n\nKey Findings\n\nVisits had fallen.\n\n\n\nNext Steps\n\nA review would follow.\n")
    assert parse_header(text).items is None


def test_a_board_that_speaks_of_itself_is_named_by_its_full_name_once():
    text = ("Agenda item\n\nCarers Strategy Update\n\nPurpose: To report back following the Special Meeting of the "
            "Westshire Health and Wellbeing Board held in May.\n\nMinutes:\n\nAnn Bolt updated the Board on the "
            "strategy. Ray Cole asked whether the Project Board had met. The Board noted the update.\n")
    assert parse_header(text).committee == "Westshire Health and Wellbeing Board"


@pytest.mark.parametrize("body", [
    # sent elsewhere: another body, however often "the Committee" is said
    "Councillor R Vane said the matter would go to the Transport Committee in March. The Committee noted this.",
    # the short form names two kinds of body: no way to tell which is the meeting
    "The Leisure Panel had met. The Panel and the Board noted the plan.",
    # no short form: the name is only mentioned
    "Councillor R Vane said the Leisure Scrutiny Panel had reviewed the plan.",
])
def test_a_body_only_mentioned_is_not_the_meeting(body):
    assert parse_header("Agenda item\n\nBus Services\n\nMinutes:\n\n" + body + "\n").committee is None
