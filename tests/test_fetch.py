"""`councilgraph fetch` against a fictional ModernGov site on 127.0.0.1 (tests/fake_moderngov.py).

No test here contacts any other host. Waits go through an injected `sleep` that records them, so
nothing is timed; the one slow answer (a timeout) is the server taking longer than the client's
timeout of half a second.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from councilgraph.loaders.moderngov import LinkedDoc, parse_meeting
from typer.testing import CliRunner

from councilgraph import api
from councilgraph.cli import app
from councilgraph.fetch import FetchError, PoliteClient, fetch, is_minutes_of

from .fake_moderngov import COMMITTEES, FIXTURES, MEMBERS, FakeSite, paths

FROM, TO = date(2025, 1, 1), date(2025, 6, 30)
COUNCIL = "Fenwick Marsh District Council"
WANTED = ["Housing and Communities Scrutiny Committee", "230"]  # by name and by id
WITH_MINUTES_XML = {"7001", "7007", "7008", "7101"}  # meetings in range whose XML has minutes text
PDF_MEETING = "7002"  # minutes only as a printed PDF


def _fetch(site: FakeSite, out: Path, waits: list[float], **kw):
    return fetch(site.url, out, committees=WANTED, date_from=FROM, date_to=TO, council=COUNCIL, delay=0,
                 timeout=0.5, backoff=0, sleep=waits.append, **kw)


@dataclass
class Runs:
    site: FakeSite
    out: Path
    first: object
    second: object
    first_requests: list
    second_requests: list
    waits: list
    store: Path


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Runs:
    out = tmp_path_factory.mktemp("fetched")
    waits: list[float] = []
    with FakeSite() as site:
        first = _fetch(site, out, waits)
        first_requests = list(site.requests)
        store = out.parent / "fetched.lbdb"
        api.build([out], store)
        site.revise()  # the printed minutes of meeting 7002 are corrected
        second = _fetch(site, out, waits)
        second_requests = site.requests[len(first_requests):]
    return Runs(site, out, first, second, first_requests, second_requests, waits, store)


def _rows(store: Path, text: str) -> list[dict]:
    return api.cypher(text, {}, store=store).records()


# -- what was fetched, and the faults ---------------------------------------------------------------

def test_first_run_fetches_each_meeting_with_minutes(runs: Runs):
    names = sorted(runs.first.new)
    assert {n.split("_m")[1].split("_")[0].split(".")[0] for n in names} == WITH_MINUTES_XML | {PDF_MEETING}
    assert len(names) == 5
    assert any(n.endswith("_m7002_a88250.pdf") for n in names)  # the printed minutes, as the XML has none
    assert all(n.endswith(".xml") for n in names if "_m7002" not in n)
    assert runs.first.changed == [] and runs.first.unchanged == []
    for n in names:
        assert (runs.out / n).is_file()


def test_server_error_is_retried(runs: Runs):
    got = paths(runs.first_requests, r"GetCommittees")
    assert [r.status for r in got] == [500, 200]


def test_429_waits_as_long_as_retry_after_says(runs: Runs):
    got = paths(runs.first_requests, r"GetMeeting\?lMeetingId=7007")
    assert [r.status for r in got] == [429, 200]
    assert 7.0 in runs.waits


def test_timeout_is_retried(runs: Runs):
    got = paths(runs.first_requests, r"GetMeeting\?lMeetingId=7008")
    assert len(got) == 2 and got[-1].status == 200
    assert any("_m7008" in n for n in runs.first.new)


def test_malformed_xml_and_error_page_are_reported_and_not_cached(runs: Runs):
    failed = "\n".join(runs.first.failed)
    assert "meeting 7005" in failed and "malformed XML" in failed
    assert "meeting 7006" in failed and "mgError.aspx" in failed
    assert len(runs.first.failed) == 2
    assert not any("_m7005" in f.name or "_m7006" in f.name for f in runs.out.iterdir())
    # they are asked for again in full next time (nothing bad was cached)
    again = paths(runs.second_requests, r"lMeetingId=700[56]$")
    assert again and not any(r.conditional for r in again)


def test_meeting_without_minutes_waits_and_cancelled_or_out_of_range_are_not_asked_for(runs: Runs):
    assert len(runs.first.awaiting) == 1 and "meeting 7003" in runs.first.awaiting[0]
    assert not any("_m7003" in f.name for f in runs.out.iterdir())
    assert not paths(runs.first_requests, r"lMeetingId=7004")  # cancelled
    assert not paths(runs.first_requests, r"lMeetingId=7102")  # June 2024, outside --from/--to


def test_requests_are_polite(runs: Runs):
    assert runs.first_requests[0].path == "/robots.txt"
    for r in runs.first_requests:
        assert r.headers["user-agent"].startswith("councilgraph/")
    got = paths(runs.first_requests, r"GetMeetings")
    assert {r.path for r in got} == {
        f"/mgWebService.asmx/GetMeetings?lCommitteeId={cid}&sFromDate=01/01/2025&sToDate=30/06/2025"
        for cid in ("212", "230")}


def test_manifest_names_every_file_with_its_ids(runs: Runs):
    with (runs.out / "manifest.csv").open(encoding="utf-8") as fp:
        rows = {r["file"]: r for r in csv.DictReader(fp)}
    assert set(rows) == {f.name for f in runs.out.iterdir() if f.suffix in (".xml", ".pdf")}
    by_meeting = {r["meeting_id"]: r for r in rows.values()}
    assert set(by_meeting) == WITH_MINUTES_XML | {PDF_MEETING}
    r = by_meeting["7001"]
    assert (r["council"], r["committee"], r["meeting_date"], r["committee_id"], r["kind"]) == (
        COUNCIL, COMMITTEES["212"], "2025-01-14", "212", "meeting-xml")
    assert r["url"].endswith("/ieListDocuments.aspx?CId=212&MId=7001")
    pdf = by_meeting[PDF_MEETING]
    assert (pdf["attachment_id"], pdf["kind"], pdf["meeting_date"]) == ("88250", "minutes-document", "2025-03-11")


# -- the second run -----------------------------------------------------------------------------------

def test_second_run_makes_only_conditional_requests_and_downloads_only_the_changed_document(runs: Runs):
    fetched_before = {r.path for r in runs.first_requests if r.status == 200} - {"/robots.txt", "/mgError.aspx"}
    fetched_before -= {r.path for r in runs.first_requests if "lMeetingId=7005" in r.path}
    for r in runs.second_requests:
        if r.path in fetched_before:
            assert r.conditional, r.path
    downloaded = {r.path for r in runs.second_requests if r.status == 200 and r.path in fetched_before}
    assert downloaded == {"/mgConvert2PDF.aspx?ID=88250"}
    assert runs.second.new == []
    assert [Path(n).name for n in runs.second.changed] == [n for n in runs.first.new if n.endswith(".pdf")]
    assert len(runs.second.unchanged) == 4
    assert runs.second.stats.retries == 0


# -- fetch then build -------------------------------------------------------------------------------

def test_store_meetings_and_committees_match_the_site(runs: Runs):
    rows = _rows(runs.store, "MATCH (m:Meeting)-[:OF_COMMITTEE]->(c:Committee) RETURN m.date AS d, c.name AS c")
    expected = {(m.when.isoformat(), COMMITTEES[m.committee_id]) for m in runs.site.meetings.values()
                if m.meeting_id in WITH_MINUTES_XML | {PDF_MEETING}}
    assert {(r["d"], r["c"]) for r in rows} == expected
    assert len(rows) == len(expected)
    ids = _rows(runs.store, "MATCH (m:Meeting)-[:OF_COMMITTEE]->(c:Committee) RETURN m.moderngov_id AS m, "
                            "c.moderngov_id AS c")
    assert {(r["m"], r["c"]) for r in ids} == {(m.meeting_id, m.committee_id) for m in runs.site.meetings.values()
                                               if m.meeting_id in WITH_MINUTES_XML | {PDF_MEETING}}


def test_store_items_match_the_xml(runs: Runs):
    rows = _rows(runs.store, "MATCH (i:AgendaItem)-[:AT_MEETING]->(m:Meeting) WHERE m.moderngov_id <> '7002' "
                             "RETURN m.moderngov_id AS m, i.moderngov_id AS id, i.number AS n, i.title AS t")
    got = {(r["m"], r["id"], r["n"], r["t"]) for r in rows}
    expected = set()
    for mid in WITH_MINUTES_XML:
        xml = runs.site.meeting(mid)[2]
        expected |= {(mid, it.item_id, it.number, it.title) for it in parse_meeting(xml).items}
    assert got == expected and len(rows) == len(expected)


def test_store_attendees_match_the_site(runs: Runs):
    rows = _rows(runs.store, "MATCH (p:Person)-[a:ATTENDED]->(m:Meeting) WHERE m.moderngov_id <> '7002' AND "
                             "a.event <> 'left' RETURN m.moderngov_id AS m, p.moderngov_id AS id, a.event AS e")
    got = {(r["m"], r["id"], r["e"]) for r in rows}
    expected = {("7001", "3101", "present"), ("7001", "3102", "present"), ("7001", "3103", "apologies"),
                ("7001", "9020", "present")}
    events = {"Present": "present", "Absent": "absent", "Present as substitute": "substitute"}
    for mid in WITH_MINUTES_XML - {"7001"}:
        m = runs.site.meetings[mid]
        expected |= {(mid, member, events[att]) for member, _role, att in m.attendees}
    assert got == expected
    people = _rows(runs.store, "MATCH (p:Person) WHERE p.moderngov_id IS NOT NULL RETURN p.moderngov_id AS id, "
                               "p.name AS name, p.party AS party, p.ward AS ward")
    assert len(people) == len({r["id"] for r in people})  # one person per member id, across meetings
    names = {r["id"]: r["name"] for r in people}
    for member, (name, party, ward) in MEMBERS.items():
        assert names[member] == name.removeprefix("Councillor ")
        assert {(r["party"], r["ward"]) for r in people if r["id"] == member} == {(party, ward)}


def test_store_declarations_match_the_site(runs: Runs):
    rows = _rows(runs.store, "MATCH (p:Person)-[d:DECLARED]->(m:Meeting) RETURN m.moderngov_id AS m, "
                             "p.moderngov_id AS id, d.interest AS k, d.sentence AS s")
    assert {(r["m"], r["id"], r["k"]) for r in rows} == {
        ("7001", "3101", "personal"), ("7001", "3102", "pecuniary"), ("7008", "3104", "personal")}
    assert all("declared" in r["s"] for r in rows)


def test_printed_minutes_people_join_the_members(runs: Runs):
    rows = _rows(runs.store, "MATCH (p:Person)-[:ATTENDED]->(m:Meeting {date: '2025-03-11'}) "
                             "RETURN p.moderngov_id AS id")
    assert {r["id"] for r in rows} == {"3101", "3104"}


# -- robots.txt, resume, the HTML pages, the command ------------------------------------------------

def test_robots_txt_is_honoured(tmp_path: Path):
    with FakeSite() as site, PoliteClient(tmp_path, delay=0) as client:
        with pytest.raises(FetchError, match="robots.txt"):
            client.get(f"{site.url}/private/report.pdf")
        assert not paths(site.requests, r"^/private/")


def test_an_interrupted_run_resumes_without_losing_what_was_fetched(tmp_path: Path):
    waits: list[float] = []
    seen: list[str] = []

    def stop_after_two(meeting_id: str) -> None:
        seen.append(meeting_id)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with FakeSite() as site:
        with pytest.raises(KeyboardInterrupt):
            _fetch(site, tmp_path, waits, on_meeting=stop_after_two)
        kept = {f.name: f.read_bytes() for f in tmp_path.iterdir() if f.suffix == ".xml"}
        assert kept  # what was fetched before the interruption is on disk, with its manifest rows
        with (tmp_path / "manifest.csv").open() as fp:
            assert {r["file"] for r in csv.DictReader(fp)} == set(kept)
        n = len(site.requests)
        again = _fetch(site, tmp_path, waits)
        for name, data in kept.items():
            assert (tmp_path / name).read_bytes() == data
        assert sorted(again.unchanged) == sorted(kept)
        for r in site.requests[n:]:  # what the first run had was only asked about, not downloaded again
            if any(f"lMeetingId={name.split('_m')[1].split('.')[0]}" in r.path for name in kept):
                assert r.conditional and r.status == 304
        assert {Path(x).name for x in again.new} | set(kept) >= {f.name for f in tmp_path.iterdir()
                                                               if f.suffix in (".xml", ".pdf")}


def test_html_pages_when_the_web_service_is_off(tmp_path: Path):
    with FakeSite(service=False) as site:
        report = fetch(site.url, tmp_path / "out", committees=["212"], date_from=FROM, date_to=TO, council=COUNCIL,
                       delay=0, backoff=0, sleep=lambda s: None)
    assert report.mode.startswith("HTML pages")
    assert report.failed == []
    files = sorted(f.name for f in (tmp_path / "out").iterdir() if f.suffix == ".html")
    assert files and all("_i" in f for f in files)
    store = tmp_path / "s.lbdb"
    api.build([tmp_path / "out"], store)
    rows = _rows(store, "MATCH (i:AgendaItem)-[:AT_MEETING]->(m:Meeting) RETURN m.date AS d, i.title AS t")
    assert ("2025-02-25", "Homelessness Prevention Grant") in {(r["d"], r["t"]) for r in rows}
    assert any(f.name.endswith("_m7002_a88250.pdf") for f in (tmp_path / "out").iterdir())  # printed minutes
    assert [a for a in report.awaiting if "7003" in a]


def test_cli_fetch_then_build(tmp_path: Path):
    runner = CliRunner()
    with FakeSite(service=False) as site:
        result = runner.invoke(app, ["fetch", site.url, "--committee", "Audit and Standards Committee", "--from",
                                     "01/01/2025", "--to", "2025-06-30", "--out", str(tmp_path / "out"), "--delay",
                                     "0", "--council", COUNCIL, "--contact", "clerk@example.org"])
        assert result.exit_code == 0, result.output
        assert "1 new, 0 changed, 0 unchanged, 0 failed" in result.output
        assert all("clerk@example.org" in r.headers["user-agent"] for r in site.requests)
    result = runner.invoke(app, ["build", str(tmp_path / "out"), "--store", str(tmp_path / "s.lbdb")])
    assert result.exit_code == 0, result.output


def test_unknown_committee_is_an_error_listing_the_committees(tmp_path: Path):
    with FakeSite() as site:
        result = CliRunner().invoke(app, ["fetch", site.url, "--committee", "Planning", "--out", str(tmp_path),
                                          "--delay", "0", "--backoff", "0"])
    assert result.exit_code != 0
    assert "Housing and Communities Scrutiny Committee" in str(result.exception) + result.output


def test_previous_meetings_minutes_are_not_this_meetings():
    m = parse_meeting((FIXTURES / "meeting_7001.xml").read_bytes())
    prev = LinkedDoc("1", "Minutes Housing and Communities Scrutiny Committee 12 Nov 2024", "http://x/a")
    own = LinkedDoc("2", "Printed minutes 14th-Jan-2025 18.30 Housing", "http://x/b")
    report = LinkedDoc("3", "Temporary Accommodation Q3 Report", "http://x/c")
    assert [is_minutes_of(d, m) for d in (prev, own, report)] == [False, True, False]


def test_retries_give_up_with_a_clear_message(tmp_path: Path):
    waits: list[float] = []
    told: list[tuple] = []
    with FakeSite() as site, PoliteClient(tmp_path, delay=0, retries=2, backoff=0.25, sleep=waits.append,
                                          on_retry=lambda *a: told.append(a)) as c:
        with pytest.raises(FetchError, match=r"HTTP 503 after 3 attempts"):
            c.get(f"{site.url}/broken")
        assert len(paths(site.requests, r"^/broken$")) == 3
        assert waits == [0.25, 0.5]  # exponential backoff
        assert [(why, wait) for _url, why, wait in told] == [("HTTP 503", 0.25), ("HTTP 503", 0.5)]
        with pytest.raises(FetchError, match="asked to wait 86400s"):
            c.get(f"{site.url}/closed")
        assert len(paths(site.requests, r"^/closed$")) == 1


def test_retry_after_as_a_date(tmp_path: Path):
    waits: list[float] = []
    with FakeSite() as site, PoliteClient(tmp_path, delay=0, backoff=0, sleep=waits.append) as c:
        assert c.get(f"{site.url}/later").content == b"ok"
    assert len(waits) == 1 and 20 < waits[0] <= 31


def test_one_request_a_second_per_host_by_default(tmp_path: Path):
    waits: list[float] = []
    with FakeSite() as site, PoliteClient(tmp_path, sleep=waits.append) as c:
        c.get(f"{site.url}/mgConvert2PDF.aspx?ID=88250")
        with pytest.raises(FetchError):
            c.get(f"{site.url}/nothing-here")
    # robots.txt, then two pages: each request after the first waited for the rest of the second
    assert len(waits) == 2 and all(0 < w <= 1.0 for w in waits)


def test_minutes_published_late_are_picked_up_by_the_next_run(tmp_path: Path):
    waits: list[float] = []
    with FakeSite() as site:
        first = _fetch(site, tmp_path, waits)
        assert any("7003" in a for a in first.awaiting)
        site.meetings["7003"].items = [("43001", "1", "Apologies for Absence",
                                        "<p>Apologies were received from Councillor Osric Pennywhistle.</p>", 0)]
        second = _fetch(site, tmp_path, waits)
    assert [n for n in second.new if "_m7003" in n]
    assert not any("7003" in a for a in second.awaiting)


def test_robots_crawl_delay_is_honoured_when_longer(tmp_path: Path):
    waits: list[float] = []
    with FakeSite(robots=b"User-agent: councilgraph\nCrawl-delay: 5\n") as site, \
            PoliteClient(tmp_path, delay=1.0, sleep=waits.append) as c:
        c.get(f"{site.url}/mgConvert2PDF.aspx?ID=88250")
    assert len(waits) == 1 and 4 < waits[0] <= 5  # robots.txt, then the document five seconds later


def test_robots_txt_server_error_means_stay_away(tmp_path: Path):
    with FakeSite(robots=b"oops", robots_status=503) as site, PoliteClient(tmp_path, delay=0) as c:
        with pytest.raises(FetchError, match="robots.txt answered HTTP 503"):
            c.get(f"{site.url}/mgWebService.asmx/GetCommittees")
        assert [r.path for r in site.requests] == ["/robots.txt"]


@pytest.mark.parametrize("service", [True, False])
def test_list_committees(tmp_path: Path, service: bool):
    with FakeSite(service=service) as site:
        result = CliRunner().invoke(app, ["fetch", site.url, "--list-committees", "--out", str(tmp_path),
                                          "--delay", "0", "--backoff", "0"])
        assert result.exit_code == 0, result.output
        assert not paths(site.requests, r"GetMeetings|ieListMeetings")
    assert "212\tHousing and Communities Scrutiny Committee" in result.output
    assert "230\tAudit and Standards Committee" in result.output


def test_building_the_fetched_folder_again_reads_nothing_again(runs: Runs, tmp_path: Path):
    import shutil

    store = tmp_path / "again.lbdb"
    shutil.copytree(runs.out, tmp_path / "in", ignore=shutil.ignore_patterns(".fetch-cache"))
    first = api.build([tmp_path / "in"], store)
    again = api.build([tmp_path / "in"], store)
    assert (first.extracted, first.skipped) == (5, [])
    assert (again.extracted, again.unchanged) == (0, 5)


def test_html_fallback_reads_issue_pages_where_items_link_to_them(tmp_path: Path):
    with FakeSite(service=False, issue_pages=True) as site:
        report = fetch(site.url, tmp_path / "out", committees=["212"], date_from=FROM, date_to=TO, council=COUNCIL,
                       delay=0, backoff=0, sleep=lambda s: None)
        assert any(r.path.startswith("/ieIssueDetails.aspx") for r in site.requests)
        assert not any(r.path.startswith("/mgAi.aspx") for r in site.requests)
    assert report.failed == []
    store = tmp_path / "s.lbdb"
    api.build([tmp_path / "out"], store)
    rows = _rows(store, "MATCH (i:AgendaItem)-[:AT_MEETING]->(m:Meeting) RETURN m.date AS d, i.title AS t")
    assert ("2025-02-25", "Homelessness Prevention Grant") in {(r["d"], r["t"]) for r in rows}
