"""The ModernGov GetMeeting XML loader and what extraction makes of it (fictional fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from councilgraph.loaders import load_path
from councilgraph.loaders.extract import extract_document
from councilgraph.loaders.extract.identity import resolve
from councilgraph.loaders.moderngov import parse_committees, parse_meetings
from councilgraph.loaders.registry import choose_loader

from councilgraph.errors import InputError, NotMinutesError

from .fake_moderngov import FIXTURES, FakeMeeting, meeting_xml

MEETING = FIXTURES / "meeting_7001.xml"


def _extract(path: Path):
    return extract_document(load_path(path))


def test_meeting_xml_is_sniffed_whatever_its_name(tmp_path: Path):
    f = tmp_path / "saved.txt"
    f.write_bytes(MEETING.read_bytes())
    assert choose_loader(f.read_bytes(), str(f)).name == "moderngov-xml"
    assert choose_loader((FIXTURES / "committees.xml").read_bytes(), "c.xml").name != "moderngov-xml"


def test_every_agenda_item_is_kept_with_its_number_title_and_id():
    x = _extract(MEETING)
    assert [(i.number, i.title, i.source_id) for i in x.items] == [
        ("1", "Apologies for Absence", "41001"), ("2", "Declarations of Interest", "41002"),
        ("3", "Minutes", "41003"), ("4", "Temporary Accommodation Quarterly Update", "41004")]
    # each item's span covers its own minutes text
    item4 = x.items[3]
    assert "eleven families" in x.text[item4.span.start:item4.span.end]
    assert "eleven families" not in x.text[x.items[2].span.start:x.items[2].span.end]


def test_meeting_facts_come_from_the_xml():
    x = _extract(MEETING)
    assert x.meeting_date.isoformat() == "2025-01-14"
    assert x.committee == "Housing and Communities Scrutiny Committee"
    assert x.source_ids == {"meetingid": "7001"}


def test_attendees_are_people_with_member_ids_roles_and_attendance():
    x = _extract(MEETING)
    by_name = {p.name: p for p in x.people if p.member_id}
    assert {n: p.member_id for n, p in by_name.items()} == {
        "Imelda Brackwater": "3101", "Osric Pennywhistle": "3102", "Tobias Quarrendon": "3103",
        "Wilfred Ashcombe": "9020"}
    assert by_name["Imelda Brackwater"].role == "Chair"
    assert by_name["Wilfred Ashcombe"].kind == "officer"
    assert by_name["Osric Pennywhistle"].kind == "councillor"
    events = {(x.person(s.person).name, s.event) for s in x.attendance}
    assert {("Imelda Brackwater", "present"), ("Osric Pennywhistle", "present"), ("Tobias Quarrendon", "apologies"),
            ("Wilfred Ashcombe", "present")} <= events
    for s in x.attendance:  # evidence is the attendee's own line
        assert x.text[s.span.start:s.span.end] == s.text


def test_names_in_the_minutes_join_the_attendee_they_match():
    x = _extract(MEETING)
    assert len(x.questions) == 1
    q = x.questions[0]
    assert x.person(q.asker).member_id == "3101"
    assert [x.person(x.answers[i].responder).member_id for i in q.answers] == ["9020"]
    # nobody named in the minutes is left as a second copy of an attendee
    assert sorted(p.name for p in x.people) == sorted(set(p.name for p in x.people))


def test_declarations_of_interest_with_kind_and_evidence():
    x = _extract(MEETING)
    got = [(x.person(d.person).name, d.event) for d in x.declarations]
    assert got == [("Imelda Brackwater", "personal"), ("Osric Pennywhistle", "pecuniary")]
    for d in x.declarations:
        assert "declared" in x.text[d.span.start:d.span.end]


def test_no_declarations_sentence_makes_no_declaration():
    m = FakeMeeting("1", "212", __import__("datetime").date(2025, 2, 25),
                    items=[("1", "1", "Declarations of Interest", "<p>There were no declarations of interest.</p>", 0)],
                    attendees=[("3101", "Chair", "Present")])
    from councilgraph.loaders.document import SourceInfo
    from councilgraph.loaders.moderngov import load

    x = extract_document(load(meeting_xml(m, "http://x"), "m.xml", SourceInfo()))
    assert x.declarations == []
    assert [i.title for i in x.items] == ["Declarations of Interest"]  # kept, however short


def test_linked_documents_are_reports_keyed_on_attachment_id():
    x = _extract(MEETING)
    docs = {d.source_id: (item.number, d.title) for item in x.items for d in item.documents}
    assert docs == {"88101": ("3", "Minutes Housing and Communities Scrutiny Committee 12 Nov 2024"),
                    "88140": ("4", "Temporary Accommodation Q3 Report")}


def test_meeting_without_minutes_is_not_minutes(tmp_path: Path):
    m = FakeMeeting("9", "212", __import__("datetime").date(2025, 5, 20),
                    items=[("1", "1", "Apologies for Absence", "", 0)], attendees=[("3101", "Chair", "Expected")])
    f = tmp_path / "m.xml"
    f.write_bytes(meeting_xml(m, "http://x"))
    with pytest.raises(NotMinutesError, match="no published minutes"):
        _extract(f)


def test_malformed_xml_is_a_clear_input_error(tmp_path: Path):
    f = tmp_path / "m.xml"
    f.write_bytes(b'<?xml version="1.0"?>\n<meeting><meetingid>5</meetingid><agendaitems>')
    with pytest.raises(InputError, match="malformed XML"):
        load_path(f)


def test_committees_and_meetings_responses():
    cs = parse_committees((FIXTURES / "committees.xml").read_bytes())
    assert [(c.committee_id, c.expired) for c in cs] == [("501", True), ("212", False), ("230", False)]
    body = (b'<?xml version="1.0"?><getmeetings><committee><committeeid>212</committeeid><committeetitle>H'
            b'</committeetitle><committeemeetings><meeting><meetingid>7</meetingid><meetingdate>04/02/2025'
            b'</meetingdate><meetingstatus>Cancelled</meetingstatus></meeting></committeemeetings></committee>'
            b'</getmeetings>')
    [stub] = parse_meetings(body)
    assert (stub.meeting_id, stub.date.isoformat(), stub.status, stub.committee_id) == ("7", "2025-02-04",
                                                                                        "Cancelled", "212")


def test_member_id_is_stronger_than_names(tmp_path: Path):
    """One member id is one person even under two names; two ids are two people even under one name."""
    from datetime import date

    from councilgraph.loaders.document import SourceInfo
    from councilgraph.loaders.moderngov import load

    from . import fake_moderngov as site

    info = SourceInfo(council="Fenwick Marsh District Council")
    a = FakeMeeting("1", "212", date(2025, 1, 1), items=[("1", "1", "Item", "<p>RESOLVED: Noted.</p>", 0)],
                    attendees=[("3101", "Chair", "Present"), ("3102", "Committee Member", "Present")])
    xa = extract_document(load(meeting_xml(a, "http://x"), "a.xml", info))
    old = dict(site.MEMBERS)
    try:
        site.MEMBERS["3101"] = ("Councillor Imelda Brackwater-Finch", "Marsh Independents", "Saltings")
        site.MEMBERS["3102"] = ("Councillor Imelda Brackwater", "Labour", "Dykeside")  # another Imelda
        xb = extract_document(load(meeting_xml(a, "http://x"), "b.xml", info))
    finally:
        site.MEMBERS.clear()
        site.MEMBERS.update(old)
    resolve([xa, xb])
    ids = {(x.source, p.member_id): p.id for x in (xa, xb) for p in x.people}
    assert ids[("a.xml", "3101")] == ids[("b.xml", "3101")]
    assert ids[("a.xml", "3102")] == ids[("b.xml", "3102")]
    assert ids[("b.xml", "3101")] != ids[("b.xml", "3102")]


def test_a_namespaced_answer_reads_the_same(tmp_path: Path):
    data = MEETING.read_bytes().replace(b"<meeting>", b'<meeting xmlns="http://moderngov.example/webservices">', 1)
    f = tmp_path / "ns.xml"
    f.write_bytes(data)
    x = _extract(f)
    assert [i.source_id for i in x.items] == ["41001", "41002", "41003", "41004"]
    assert len([p for p in x.people if p.member_id]) == 4


@pytest.mark.parametrize("value,event", [
    ("Present", "present"), ("In attendance", "present"), ("Present as substitute", "substitute"),
    ("Apologies", "apologies"), ("Apologies, sent substitute", "apologies"), ("Absent", "absent"),
    ("Expected", "expected"), ("", None)])
def test_attendance_values(value, event):
    from councilgraph.loaders.extract.meeting import attendance_event

    assert attendance_event(value) == event


def test_a_document_linked_from_two_items_is_one_report(tmp_path: Path):
    from councilgraph import api

    data = MEETING.read_bytes().replace(b"<attachmentid>88140</attachmentid>", b"<attachmentid>88101</attachmentid>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "m.xml").write_bytes(data)
    api.build([tmp_path / "in"], tmp_path / "s.lbdb")
    rows = api.cypher("MATCH (i:AgendaItem)-[:CONSIDERED]->(r:Report) RETURN i.number AS n, r.moderngov_id AS a",
                      {}, store=tmp_path / "s.lbdb").records()
    assert sorted((r["n"], r["a"]) for r in rows) == [("3", "88101"), ("4", "88101")]
