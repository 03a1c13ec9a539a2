"""A fictional ModernGov site on 127.0.0.1 for the fetch tests: Fenwick Marsh District Council.

It serves the web service (GetCommittees, GetMeetings, GetMeeting) in the shapes real sites use,
the printed minutes (mgConvert2PDF.aspx), robots.txt and, with `service=False`, the HTML pages
instead. Its faults: GetCommittees answers 500 once; meeting 7007 answers 429 with Retry-After once;
meeting 7008 answers too slowly once; meeting 7005 is malformed XML; meeting 7006 redirects to
mgError.aspx; meeting 7003 has no minutes yet; meeting 7004 was cancelled. `site.revise()` changes
the printed minutes of meeting 7002 (a new ETag), as between two runs. Every request is recorded.
All people, places and text are invented.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "moderngov"
HOUSING, AUDIT = "212", "230"
COMMITTEES = {HOUSING: "Housing and Communities Scrutiny Committee", AUDIT: "Audit and Standards Committee"}

MEMBERS = {  # memberid: (name as the site writes it, party, ward)
    "3101": ("Councillor Imelda Brackwater", "Marsh Independents", "Saltings"),
    "3102": ("Councillor Osric Pennywhistle", "Liberal Democrats", "Fenwick Town"),
    "3103": ("Councillor Tobias Quarrendon", "Conservative", "Reedham Fen"),
    "3104": ("Councillor Hester Marchbank", "Labour", "Dykeside"),
}


@dataclass
class FakeMeeting:
    meeting_id: str
    committee_id: str
    when: date
    status: str = "Confirmed"
    items: list[tuple[str, str, str, str, int]] = field(default_factory=list)  # id, number, title, minutes, decl.
    attendees: list[tuple[str, str, str]] = field(default_factory=list)  # memberid, role, attendance
    documents: list[tuple[str, str, str]] = field(default_factory=list)  # attachment id, title, owner title


def _meetings() -> list[FakeMeeting]:
    return [
        FakeMeeting("7001", HOUSING, date(2025, 1, 14)),  # served from fixtures/moderngov/meeting_7001.xml
        FakeMeeting("7002", HOUSING, date(2025, 3, 11),
                    items=[("42001", "1", "Apologies for Absence", "", 0), ("42002", "2", "Voids Performance", "", 0)],
                    attendees=[("3101", "Chair", "Present"), ("3104", "Committee Member", "Present")],
                    documents=[("88250", "Printed minutes 11th-Mar-2025 18.30 Housing and Communities Scrutiny "
                                         "Committee", "Printed minutes")]),
        FakeMeeting("7003", HOUSING, date(2025, 5, 20),
                    items=[("43001", "1", "Apologies for Absence", "", 0)],
                    attendees=[("3101", "Chair", "Expected")]),
        FakeMeeting("7004", HOUSING, date(2025, 4, 8), status="Cancelled"),
        FakeMeeting("7005", HOUSING, date(2025, 2, 4)),  # malformed
        FakeMeeting("7006", HOUSING, date(2025, 2, 18)),  # redirects to mgError.aspx
        FakeMeeting("7007", HOUSING, date(2025, 2, 25),
                    items=[("44001", "1", "Declarations of Interest",
                            "<p>There were no declarations of interest.</p>", 0),
                           ("44002", "2", "Homelessness Prevention Grant",
                            "<p>Councillor Hester Marchbank asked whether the grant would continue after March.</p>"
                            "<p>The Head of Housing Options, Wilfred Ashcombe, replied that it had been confirmed "
                            "for one more year.</p><p>RESOLVED: That the update be noted.</p>", 0)],
                    attendees=[("3101", "Chair", "Present"), ("3104", "Committee Member", "Present"),
                               ("3102", "Committee Member", "Absent")]),
        FakeMeeting("7008", HOUSING, date(2025, 3, 25),
                    items=[("45001", "1", "Declarations of Interest",
                            "<p>Councillor Hester Marchbank declared a personal interest in item 2 as a member "
                            "of the Fenwick Marsh Tenants Forum.</p>", 1),
                           ("45002", "2", "Tenant Engagement Strategy",
                            "<p>The Committee received a report on tenant engagement.</p>"
                            "<p>RESOLVED: That the strategy be endorsed.</p>", 1)],
                    attendees=[("3104", "Vice-Chair", "Present"), ("3103", "Committee Member", "Present as "
                                                                             "substitute")]),
        FakeMeeting("7101", AUDIT, date(2025, 2, 10),
                    items=[("46001", "1", "Internal Audit Progress",
                            "<p>Councillor Tobias Quarrendon queried the number of overdue audit actions.</p>"
                            "<p>RESOLVED: That the progress report be noted.</p>", 0)],
                    attendees=[("3103", "Chair", "Present")]),
        FakeMeeting("7102", AUDIT, date(2024, 6, 3),  # outside the tests' date range
                    items=[("46101", "1", "Annual Governance Statement", "<p>RESOLVED: Approved.</p>", 0)],
                    attendees=[("3103", "Chair", "Present")]),
    ]


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def meeting_xml(m: FakeMeeting, site: str) -> bytes:
    """GetMeeting in the web service's shape (escaped HTML minutes, attendee attributes)."""
    committee = COMMITTEES[m.committee_id]
    d = m.when.strftime("%d/%m/%Y")
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<meeting>", f"  <meetingid>{m.meeting_id}</meetingid>",
           f"  <meetingdate>{d}</meetingdate>", f"  <meetingstatus>{m.status}</meetingstatus>",
           "  <meetingtime>6.30 pm</meetingtime>", "  <meetinglocation>Marsh House</meetinglocation>",
           f"  <minutepublished>{any(i[3] for i in m.items)}</minutepublished>", "  <agendaitems>"]
    for n, (iid, number, title, minutes, decl) in enumerate(m.items):
        out += ["    <agendaitem>", f"      <agendaitemid>{iid}</agendaitemid>",
                f"      <agendaitemtitle>{_esc(title)}</agendaitemtitle>",
                f"      <agendaitemnumber>{number}</agendaitemnumber>",
                f"      <fulldisplaynumberformat>{number}.</fulldisplaynumberformat>",
                f"      <minutesnonemptyhtmlbody>{_esc(minutes)}</minutesnonemptyhtmlbody>" if minutes else
                "      <minutesnonemptyhtmlbody>\n      </minutesnonemptyhtmlbody>",
                f"      <declarationcount>{decl}</declarationcount>",
                f"      <refertocommittee>{_esc(committee)}</refertocommittee>", "      <linkeddocuments>"]
        for aid, dtitle, owner in (m.documents if n == 0 else []):
            out += ["        <linkeddoc>", f"          <attachmentid>{aid}</attachmentid>",
                    f"          <title>{_esc(dtitle)}</title>", "          <isurl>False</isurl>",
                    f"          <url>{site}/mgConvert2PDF.aspx?ID={aid}</url>",
                    "          <isrestricted>False</isrestricted>",
                    f"          <meetingdate>{d}</meetingdate>",
                    f"          <committeetitle>{_esc(committee)}</committeetitle>",
                    f"          <ownertitle>{_esc(owner)}</ownertitle>", "        </linkeddoc>"]
        out += ["      </linkeddocuments>", "    </agendaitem>"]
    out += ["  </agendaitems>", "  <attendees>"]
    for mid, role, attendance in m.attendees:
        name, party, ward = MEMBERS[mid]
        out += [f'    <attendee membertype="U" memberid="{mid}" name="{_esc(name)}" roledescription="{_esc(role)}" '
                f'attendance="{_esc(attendance)}" politicalparty="{_esc(party)}" ward="{_esc(ward)}">',
                f"      <url>{site}/mgUserInfo.aspx?UID={mid}</url>", "    </attendee>"]
    out += ["  </attendees>", "</meeting>", ""]
    return "\n".join(out).encode("utf-8")


def printed_minutes_pdf(version: int) -> bytes:
    """The printed minutes of meeting 7002; version 2 corrects a figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    voids = "142" if version == 1 else "124"
    lines = ["Fenwick Marsh District Council", "", "Minutes of the Housing and Communities Scrutiny Committee",
             "held on 11 March 2025", "", "Present: Councillor Imelda Brackwater (Chair), Councillor Hester Marchbank",
             "", "2. Voids Performance", "",
             f"The Committee received a report on empty council homes; {voids} homes were empty at the end",
             "of February. Councillor Hester Marchbank asked how long the average void took to relet.",
             "The Head of Housing Options replied that the average was 38 days.", "",
             "RESOLVED: That the report be noted."]
    buf = io.BytesIO()
    with PdfPages(buf, metadata={"CreationDate": None, "ModDate": None}) as pdf:
        fig = plt.figure(figsize=(8.27, 11.69))
        fig.text(0.08, 0.95, "\n".join(lines), va="top", fontsize=10)
        pdf.savefig(fig)
        plt.close(fig)
    return buf.getvalue()


@dataclass
class Request:
    path: str  # path and query
    status: int
    headers: dict[str, str]

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


class FakeSite:
    def __init__(self, *, service: bool = True, slow_seconds: float = 1.5,
                 robots: bytes = b"User-agent: *\nDisallow: /private/\n", robots_status: int = 200,
                 issue_pages: bool = False) -> None:
        self.service = service
        self.issue_pages = issue_pages  # meeting pages link items to ieIssueDetails.aspx, not mgAi.aspx
        self.robots, self.robots_status = robots, robots_status
        self.slow_seconds = slow_seconds
        self.meetings = {m.meeting_id: m for m in _meetings()}
        self.requests: list[Request] = []
        self.version = 1
        self._once: set[str] = set()
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._pdf = {v: printed_minutes_pdf(v) for v in (1, 2)}  # made before serving: rendering takes a while

    def __enter__(self) -> FakeSite:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def revise(self) -> None:
        """The printed minutes of meeting 7002 are corrected (as between two runs)."""
        self.version += 1

    def first_time(self, key: str) -> bool:
        with self._lock:
            if key in self._once:
                return False
            self._once.add(key)
            return True

    def pdf(self) -> bytes:
        return self._pdf[min(self.version, 2)]

    # -- routes
    def route(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        xml = {"Content-Type": "text/xml; charset=utf-8"}
        if path == "/robots.txt":
            return self.robots_status, {"Content-Type": "text/plain"}, self.robots
        if path.startswith("/mgWebService.asmx/"):
            if not self.service:
                return 404, {"Content-Type": "text/html"}, b"<html><body>Service switched off</body></html>"
            op = path.rsplit("/", 1)[1]
            if op == "GetCommittees":
                if self.first_time("committees-500"):
                    return 500, {"Content-Type": "text/html"}, b"<html><body>Server Error</body></html>"
                return 200, xml, (FIXTURES / "committees.xml").read_bytes()
            if op == "GetMeetings":
                return 200, xml, self.meetings_xml(query)
            if op == "GetMeeting":
                return self.meeting(query.get("lMeetingId", ""))
        if path == "/broken":  # always fails
            return 503, {"Content-Type": "text/plain"}, b"Service Unavailable"
        if path == "/closed":  # asks for a wait far too long to honour
            return 429, {"Retry-After": "86400", "Content-Type": "text/plain"}, b"Come back tomorrow"
        if path == "/later":  # Retry-After as an HTTP date
            if self.first_time("later"):
                return 503, {"Retry-After": formatdate(time.time() + 30, usegmt=True)}, b"Busy"
            return 200, {"Content-Type": "text/plain"}, b"ok"
        if path == "/mgError.aspx":
            return 200, {"Content-Type": "text/html"}, b"<html><body>Sorry, an error has occurred.</body></html>"
        if path == "/mgConvert2PDF.aspx" and query.get("ID") == "88250":
            return 200, {"Content-Type": "application/pdf",
                         "Last-Modified": formatdate(1735689600 + self.version * 86400, usegmt=True)}, self.pdf()
        if not self.service:
            return self.html_page(path, query)
        return 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"

    def meetings_xml(self, query: dict[str, str]) -> bytes:
        def dmy(s: str) -> date:
            d, m, y = (int(x) for x in s.split("/"))
            return date(y, m, d)

        cid = query.get("lCommitteeId", "")
        start, end = dmy(query["sFromDate"]), dmy(query["sToDate"])
        chosen = [m for m in self.meetings.values() if m.committee_id == cid and start <= m.when <= end]
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<getmeetings>", f"  <meetingscount> {len(chosen)}"
               "</meetingscount>", "  <committeescount> 1</committeescount>", "  <committee>",
               f"    <committeeid>{cid}</committeeid>",
               f"    <committeetitle>{_esc(COMMITTEES.get(cid, ''))}</committeetitle>", "    <committeemeetings>"]
        for m in sorted(chosen, key=lambda m: m.when):
            out += ["      <meeting>", f"        <meetingid>{m.meeting_id}</meetingid>",
                    f"        <meetingdate>{m.when.strftime('%d/%m/%Y')}</meetingdate>",
                    f"        <meetingstatus>{m.status}</meetingstatus>", "      </meeting>"]
        out += ["    </committeemeetings>", "  </committee>", "</getmeetings>", ""]
        return "\n".join(out).encode()

    def meeting(self, mid: str) -> tuple[int, dict[str, str], bytes]:
        xml = {"Content-Type": "text/xml; charset=utf-8"}
        if mid == "7005":
            return 200, xml, b'<?xml version="1.0"?>\n<meeting><meetingid>7005</meetingid><agendaitems>'
        if mid == "7006":
            return 302, {"Location": "/mgError.aspx"}, b""
        if mid == "7007" and self.first_time("7007-429"):
            return 429, {"Retry-After": "7", "Content-Type": "text/plain"}, b"Too many requests"
        if mid == "7008" and self.first_time("7008-slow"):
            time.sleep(self.slow_seconds)
        if mid == "7001":
            return 200, xml, (FIXTURES / "meeting_7001.xml").read_bytes().replace(b"http://SITE", self.url.encode())
        m = self.meetings.get(mid)
        if m is None:
            return 302, {"Location": "/mgError.aspx"}, b""
        return 200, xml, meeting_xml(m, self.url)

    def html_page(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        page = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/mgListCommittees.aspx":
            links = "".join(f'<li><a href="mgCommitteeDetails.aspx?ID={cid}">{_esc(t)}</a></li>'
                            for cid, t in COMMITTEES.items())
            return 200, page, f"<html><body><div id='modgov'><ul>{links}</ul></div></body></html>".encode()
        if path == "/ieListMeetings.aspx":
            cid = query.get("CommitteeId", "")
            links = "".join(f'<li><a href="ieListDocuments.aspx?CId={cid}&amp;MId={m.meeting_id}&amp;Ver=4">'
                            f'{m.when.day} {m.when.strftime("%b %Y")} 6.30 pm</a></li>'
                            for m in self.meetings.values() if m.committee_id == cid)
            return 200, page, f"<html><body><div id='modgov'><ul>{links}</ul></div></body></html>".encode()
        if path == "/ieListDocuments.aspx":
            m = self.meetings.get(query.get("MId", ""))
            if m is None or not any(i[3] for i in m.items):
                docs = "".join(f'<li><a href="mgConvert2PDF.aspx?ID={aid}">{_esc(t)}</a></li>'
                               for aid, t, _owner in (m.documents if m else []))
                body = f"<html><body><div id='modgov'><p>Agenda.</p><ul>{docs}</ul></div></body></html>"
                return 200, page, body.encode()
            target = "ieIssueDetails.aspx?IId=" if self.issue_pages else "mgAi.aspx?ID="
            links = "".join(f'<li><a href="{target}{i[0]}">{_esc(i[2])}</a></li>' for i in m.items if i[3])
            return 200, page, f"<html><body><div id='modgov'><ul>{links}</ul></div></body></html>".encode()
        if path in ("/mgAi.aspx", "/ieIssueDetails.aspx"):
            for m in self.meetings.values():
                for iid, number, title, minutes, _ in m.items:
                    if iid == query.get("ID", query.get("IId")):
                        body = (f"<h1>Agenda item</h1><h2>{_esc(title)}</h2><p>Meeting: "
                                f"{m.when.strftime('%d/%m/%Y')} - {_esc(COMMITTEES[m.committee_id])} (Item {number})"
                                f"</p><h3>Minutes:</h3>{minutes}")
                        return 200, page, f"<html><body><div id='modgov'>{body}</div></body></html>".encode()
        return 404, page, b"<html><body>Not found</body></html>"

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                record = Request(self.path, 0, {k.lower(): v for k, v in self.headers.items()})
                with site._lock:
                    site.requests.append(record)  # on arrival: a request the client gave up on still counts
                status, headers, body = site.route(parts.path, query)
                etag = None
                if status == 200 and body:
                    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        status, body = 304, b""
                record.status = status
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        if status != 304 or k.lower() in ("last-modified",):
                            self.send_header(k, v)
                    if etag:
                        self.send_header("ETag", etag)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the slow meeting)

        return Handler


def paths(requests: list[Request], pattern: str) -> list[Request]:
    return [r for r in requests if re.search(pattern, r.path)]
