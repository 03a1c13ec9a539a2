"""`councilgraph fetch`: minutes straight from a council's ModernGov site, politely.

    committees (GetCommittees) -> meetings in a date range (GetMeetings, dd/mm/yyyy)
        -> each meeting (GetMeeting XML: items, minutes text, attendees, documents)
        -> its printed minutes when the XML carries no minutes text (mgConvert2PDF.aspx?ID=)

written into one folder with a `manifest.csv` (file, url, council, committee, meeting_date and the
ModernGov ids), so `councilgraph build DIR` needs nothing else. Where the web service is switched
off the HTML pages are read instead (mgListCommittees.aspx, ieListMeetings.aspx,
ieListDocuments.aspx, then each item's mgAi.aspx page, or its ieIssueDetails.aspx page where the
site links items that way, which the HTML loader reads).

The client (`PoliteClient`, over httpx, retrying with tenacity) honours robots.txt, waits `delay`
seconds between requests to a host, sends an identifying User-Agent (with a contact address if given), retries 5xx, 429
(waiting as long as Retry-After says, within reason), timeouts and dropped connections with
exponential backoff, and makes conditional requests (ETag / Last-Modified) against an on-disk
cache in `DIR/.fetch-cache/`, so a second run downloads only what changed. The cache index is
written every few responses and whenever the client closes (an interrupted run included), output
files replace old ones only when complete and the manifest is saved after every meeting, so an
interrupted run loses nothing and the next run carries on from there.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from councilgraph import __version__
from councilgraph.errors import CouncilGraphError, InputError
from councilgraph.loaders.extract.identity import slugify
from councilgraph.loaders.manifest import MANIFEST_NAME
from councilgraph.loaders.moderngov import (
    CommitteeXml,
    LinkedDoc,
    Meeting,
    MeetingStub,
    parse_committees,
    parse_meeting,
    parse_meetings,
)

CACHE_DIR = ".fetch-cache"
MANIFEST_FIELDS = ["file", "url", "council", "committee", "meeting_date", "committee_id", "meeting_id",
                   "agendaitem_id", "attachment_id", "kind"]
MAX_RETRY_AFTER = 300.0  # seconds: a longer Retry-After is a failure to report, not a wait


class FetchError(CouncilGraphError):
    """A request that failed for good (after retries), with the reason a user can act on."""


# -- the polite client ----------------------------------------------------------------------------

@dataclass
class Fetched:
    url: str
    content: bytes
    status: str  # new | changed | unchanged
    final_url: str = ""
    content_type: str = ""


@dataclass
class ClientStats:
    requests: int = 0
    conditional: int = 0  # requests that carried If-None-Match / If-Modified-Since
    not_modified: int = 0  # 304 answers
    downloads: int = 0  # 200 answers with a body
    retries: int = 0
    waits: list[float] = field(default_factory=list)  # every pause taken (rate limit, backoff, Retry-After)
    urls: list[str] = field(default_factory=list)  # every URL requested, in order (robots.txt included)


class _Retryable(Exception):
    """An answer worth asking for again (5xx, 429, a timeout, a dropped connection)."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def user_agent(contact: str | None) -> str:
    ua = f"councilgraph/{__version__} (+https://github.com/councilgraph/councilgraph; committee minutes research"
    return ua + (f"; contact: {contact})" if contact else ")")


class Cache:
    """url -> validators, content hash and the cached body, in DIR/.fetch-cache/ (index.json + bodies/)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.bodies = folder / "bodies"
        self.bodies.mkdir(parents=True, exist_ok=True)
        self.index_file = folder / "index.json"
        self._dirty = 0
        try:
            self.index: dict[str, dict] = json.loads(self.index_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.index = {}

    def _body(self, url: str) -> Path:
        return self.bodies / hashlib.sha256(url.encode()).hexdigest()[:32]

    def get(self, url: str) -> tuple[dict, bytes] | None:
        entry = self.index.get(url)
        body = self._body(url)
        if not entry or not body.is_file():
            return None
        return entry, body.read_bytes()

    FLUSH_EVERY = 25  # index writes: often enough that a killed run loses little, not once per response

    def put(self, url: str, content: bytes, etag: str | None, last_modified: str | None) -> None:
        _atomic_write(self._body(url), content)
        self.index[url] = {"etag": etag, "last_modified": last_modified,
                           "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
        self._dirty += 1
        if self._dirty >= self.FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if self._dirty:
            _atomic_write(self.index_file, json.dumps(self.index, indent=1, sort_keys=True).encode())
            self._dirty = 0


class PoliteClient:
    def __init__(self, cache_dir: Path, *, delay: float = 1.0, contact: str | None = None, timeout: float = 30.0,
                 retries: int = 3, backoff: float = 2.0, robots: bool = True,
                 sleep: Callable[[float], None] = time.sleep, transport=None,
                 on_retry: Callable[[str, str, float], None] | None = None) -> None:
        import httpx

        self.on_retry = on_retry  # (url, reason, seconds to wait) before each retry

        self.httpx = httpx
        self.delay, self.retries, self.backoff, self.robots = delay, retries, backoff, robots
        self.sleep = sleep
        self.cache = Cache(cache_dir)
        self.stats = ClientStats()
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str | None] = {}
        self._crawl_delay: dict[str, float] = {}  # a site's robots.txt Crawl-delay, when longer than ours
        self.agent = user_agent(contact)
        self.client = httpx.Client(headers={"User-Agent": self.agent}, timeout=timeout, follow_redirects=True,
                                   transport=transport)

    def close(self) -> None:
        self.cache.flush()  # also when the run is interrupted: the next one carries on from here
        self.client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # politeness
    def _pause(self, host: str) -> None:
        last = self._last.get(host)
        delay = max(self.delay, self._crawl_delay.get(host, 0.0))
        if last is not None and delay > 0:
            wait = delay - (time.monotonic() - last)
            if wait > 0:
                self.stats.waits.append(wait)
                self.sleep(wait)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        if not self.robots:
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            rp = urllib.robotparser.RobotFileParser()
            try:
                r = self._send(root + "/robots.txt", {})
                if r.status_code >= 500:  # RFC 9309: unreachable, so assume everything is disallowed
                    rp = f"robots.txt answered HTTP {r.status_code}, so the whole site counts as disallowed"
                elif r.status_code >= 400:  # no robots.txt: nothing is disallowed
                    rp = None
                else:
                    rp.parse(r.text.splitlines())
                    crawl = rp.crawl_delay(self.agent)
                    if crawl:
                        self._crawl_delay[parts.netloc] = min(float(crawl), MAX_RETRY_AFTER)
            except self.httpx.HTTPError:
                rp = None  # the site itself will fail to answer, with its own message
            self._robots[root] = rp
        rp = self._robots[root]
        if isinstance(rp, str):
            raise FetchError(f"{url}: {rp}; try later")
        return rp is None or rp.can_fetch(self.agent, url)

    def _send(self, url: str, headers: dict[str, str]):
        self._pause(urlsplit(url).netloc)
        self.stats.requests += 1
        self.stats.urls.append(url)
        return self.client.get(url, headers=headers)

    def _retry_after(self, response) -> float | None:
        value = response.headers.get("retry-after")
        if not value:
            return None
        try:
            return max(float(value), 0.0)
        except ValueError:
            pass
        try:
            when = parsedate_to_datetime(value)
            return max((when - datetime.now(when.tzinfo)).total_seconds(), 0.0)
        except (TypeError, ValueError):
            return None

    def _get_with_retries(self, url: str, headers: dict[str, str]):
        """One answer that is neither 5xx nor 429, retrying (tenacity) with exponential backoff, or as
        long as Retry-After asks; a FetchError naming the last reason when the retries run out."""
        import tenacity

        httpx = self.httpx

        def attempt():
            if headers:
                self.stats.conditional += 1
            try:
                r = self._send(url, headers)
            except httpx.TimeoutException:
                raise _Retryable("timed out") from None
            except httpx.TransportError as exc:
                raise _Retryable(f"connection failed ({exc.__class__.__name__})") from None
            if r.status_code == 429 or r.status_code >= 500:
                after = self._retry_after(r)
                if after is not None and after > MAX_RETRY_AFTER:
                    raise FetchError(f"{url}: HTTP {r.status_code}, asked to wait {after:.0f}s; try later")
                raise _Retryable(f"HTTP {r.status_code}", after)
            return r

        def wait(state: tenacity.RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            after = getattr(exc, "retry_after", None)
            return after if after is not None else self.backoff * (2 ** (state.attempt_number - 1))

        def before_sleep(state: tenacity.RetryCallState) -> None:
            seconds = state.next_action.sleep if state.next_action else 0.0
            self.stats.retries += 1
            if seconds > 0:
                self.stats.waits.append(seconds)
            if self.on_retry:
                self.on_retry(url, str(state.outcome.exception()), seconds)

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.retries + 1), wait=wait,
            retry=tenacity.retry_if_exception_type(_Retryable), before_sleep=before_sleep,
            sleep=lambda seconds: self.sleep(seconds) if seconds > 0 else None, reraise=True)
        try:
            return retrying(attempt)
        except _Retryable as exc:
            raise FetchError(f"{url}: {exc} after {self.retries + 1} attempts") from None

    def get(self, url: str, *, validate: Callable[[bytes], None] | None = None) -> Fetched:
        """GET with the cache's validators. `validate` checks a new body before it is cached (a body that
        fails it raises, and the cached copy stays as it was)."""
        if not self.allowed(url):
            raise FetchError(f"robots.txt disallows {url}")
        cached = self.cache.get(url)
        headers: dict[str, str] = {}
        if cached:
            entry = cached[0]
            if entry.get("etag"):
                headers["If-None-Match"] = entry["etag"]
            if entry.get("last_modified"):
                headers["If-Modified-Since"] = entry["last_modified"]
        r = self._get_with_retries(url, headers)
        final = str(r.url)
        if "mgerror.aspx" in urlsplit(final).path.lower():
            raise FetchError(f"{url}: the site answered with its error page ({final})")
        if r.status_code == 304:
            if not cached:
                raise FetchError(f"{url}: 304 Not Modified for a request that was not conditional")
            self.stats.not_modified += 1
            return Fetched(url, cached[1], "unchanged", final, r.headers.get("content-type", ""))
        if r.status_code >= 400:
            raise FetchError(f"{url}: HTTP {r.status_code}")
        content = r.content
        self.stats.downloads += 1
        if validate:
            validate(content)
        status = "new"
        if cached:
            status = "unchanged" if hashlib.sha256(content).hexdigest() == cached[0].get("sha256") else "changed"
        self.cache.put(url, content, r.headers.get("etag"), r.headers.get("last-modified"))
        return Fetched(url, content, status, final, r.headers.get("content-type", ""))


# -- the fetch ------------------------------------------------------------------------------------

@dataclass
class FetchReport:
    out: Path
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "what: why"
    awaiting: list[str] = field(default_factory=list)  # meetings with no minutes published yet
    mode: str = "web service"
    stats: ClientStats | None = None
    committees: list[CommitteeXml] = field(default_factory=list)  # what the site lists

    def summary(self) -> str:
        s = self.stats or ClientStats()
        return (f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
                f"{len(self.failed)} failed, {len(self.awaiting)} meetings awaiting minutes "
                f"({s.requests} requests, {s.not_modified} not modified, {s.retries} retries; {self.mode}) "
                f"in {self.out}")


@dataclass
class _Target:
    committee_id: str
    committee: str
    meeting_id: str
    meeting_date: date | None


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")  # hidden: a run killed mid-write leaves nothing build would read
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def parse_cli_date(value: str | None) -> date | None:
    """YYYY-MM-DD or DD/MM/YYYY, as the manifest reads them."""
    from councilgraph.loaders.manifest import day

    if not value:
        return None
    try:
        return day(value)
    except ValueError:
        raise InputError(f"date {value!r} is not YYYY-MM-DD or DD/MM/YYYY") from None


_DATE_IN_TITLE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-./]+([A-Za-z]{3,9}|\d{1,2})[\s\-./]+(\d{4})")


def is_minutes_of(doc: LinkedDoc, meeting: Meeting) -> bool:
    """A linked document that is this meeting's printed minutes: "minutes" in its title, and no other
    meeting's date in it (the "Minutes" agenda item links the *previous* meeting's minutes)."""
    title = doc.title or ""
    if "minute" not in title.lower() or doc.is_restricted or not doc.url:
        return False
    for m in _DATE_IN_TITLE.finditer(title):
        d = _title_date(*m.groups())
        if d and meeting.date and d != meeting.date:
            return False
    return True


def _title_date(day: str, month: str, year: str) -> date | None:
    try:
        if month.isdigit():
            return date(int(year), int(month), int(day))
        return datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date()
    except ValueError:
        return None


class _Manifest:
    def __init__(self, out: Path) -> None:
        self.path = out / MANIFEST_NAME
        self.rows: dict[str, dict[str, str]] = {}
        if self.path.is_file():
            with self.path.open(encoding="utf-8", newline="") as fp:
                for row in csv.DictReader(fp):
                    if row.get("file"):
                        self.rows[row["file"]] = {k: row.get(k) or "" for k in MANIFEST_FIELDS}

    def add(self, **row: str | None) -> None:
        self.rows[str(row["file"])] = {k: "" if row.get(k) is None else str(row.get(k)) for k in MANIFEST_FIELDS}

    def save(self) -> None:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
        w.writeheader()
        for name in sorted(self.rows):
            w.writerow(self.rows[name])
        _atomic_write(self.path, buf.getvalue().encode("utf-8"))


def fetch(base_url: str, out: str | Path, *, committees: list[str] | None = None, date_from: date | None = None,
          date_to: date | None = None, council: str | None = None, delay: float = 1.0, contact: str | None = None,
          timeout: float = 30.0, retries: int = 3, backoff: float = 2.0, robots: bool = True,
          sleep: Callable[[float], None] = time.sleep, transport=None,
          on_total: Callable[[int], None] | None = None,
          on_meeting: Callable[[str], None] | None = None,
          on_retry: Callable[[str, str, float], None] | None = None, list_only: bool = False) -> FetchReport:
    """Fetch the minutes of the chosen committees' meetings between two dates into `out`
    (`list_only`: only list the site's committees, in `FetchReport.committees`)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    base = base_url.rstrip("/")
    if not re.match(r"^https?://", base):
        raise InputError(f"{base_url!r} is not a web address (https://democracy.example.gov.uk)")
    for suffix in ("/mgWebService.asmx", "/ieListDocuments.aspx", "/mgListCommittees.aspx"):
        if base.lower().endswith(suffix.lower()):
            base = base[: -len(suffix)]
    date_to = date_to or date.today()
    date_from = date_from or (date_to - timedelta(weeks=12))  # minutes appear weeks after a meeting
    if date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}")
    report = FetchReport(out=out)
    manifest = _Manifest(out)
    with PoliteClient(out / CACHE_DIR, delay=delay, contact=contact, timeout=timeout, retries=retries,
                      backoff=backoff, robots=robots, sleep=sleep, transport=transport, on_retry=on_retry) as client:
        report.stats = client.stats
        try:
            listed = _service_committees(client, base)
        except FetchError as exc:
            report.mode = f"HTML pages (web service unavailable: {exc})"
            listed = None
        if listed is None and list_only:
            try:
                page = client.get(f"{base}/mgListCommittees.aspx").content.decode("utf-8", "replace")
                listed = [CommitteeXml(cid, re.sub(r"\s+", " ", title))
                          for cid, title in dict(_COMMITTEE_LINK.findall(page)).items()]
            except FetchError as exc:
                report.failed.append(f"committee list: {exc}")
                return report
        if list_only:
            report.committees = listed or []
            return report
        if listed is not None:
            chosen = _choose(listed, committees)
            targets: list[_Target] = []
            for c in chosen:
                try:
                    stubs = _service_meetings(client, base, c, date_from, date_to)
                except FetchError as exc:
                    report.failed.append(f"meetings of {c.title}: {exc}")
                    continue
                targets.extend(_Target(c.committee_id, c.title, s.meeting_id, s.date) for s in stubs
                               if (s.status or "").lower() != "cancelled"
                               and not (s.date and not date_from <= s.date <= date_to))  # some sites over-answer
            if on_total:
                on_total(len(targets))
            for t in targets:
                try:
                    _service_meeting(client, base, t, out, council, manifest, report)
                except FetchError as exc:
                    report.failed.append(f"meeting {t.meeting_id} ({t.committee}, {t.meeting_date}): {exc}")
                manifest.save()
                if on_meeting:
                    on_meeting(t.meeting_id)
        else:
            _html_fallback(client, base, out, committees, date_from, date_to, council, manifest, report,
                           on_total, on_meeting)
        manifest.save()
    return report


def _record(report: FetchReport, status: str, what: str) -> None:
    getattr(report, status).append(what)


def _write_if_needed(path: Path, content: bytes) -> str:
    """Write the file unless it already holds these bytes: new, changed or unchanged."""
    if path.is_file():
        if path.read_bytes() == content:
            return "unchanged"
        _atomic_write(path, content)
        return "changed"
    _atomic_write(path, content)
    return "new"


def _service_committees(client: PoliteClient, base: str) -> list[CommitteeXml]:
    def check(body: bytes) -> None:
        parse_committees(body)

    try:
        f = client.get(f"{base}/mgWebService.asmx/GetCommittees", validate=check)
        return parse_committees(f.content)
    except InputError as exc:
        raise FetchError(f"GetCommittees: {exc.message}") from None


def _choose(listed: list[CommitteeXml], wanted: list[str] | None) -> list[CommitteeXml]:
    if not wanted:
        return [c for c in listed if not c.deleted and not c.expired]
    chosen: list[CommitteeXml] = []
    for w in wanted:
        key = w.strip().lower()
        hits = [c for c in listed if c.committee_id == key] or [c for c in listed if c.title.lower() == key] or \
            [c for c in listed if key in c.title.lower()]
        if not hits:
            names = "; ".join(f"{c.committee_id} {c.title}" for c in listed if not c.deleted and not c.expired)
            raise InputError(f"no committee {w!r} on this site; committees: {names}")
        if len(hits) > 1:
            raise InputError(f"{w!r} matches several committees: " + "; ".join(f"{c.committee_id} {c.title}"
                                                                             for c in hits) + " (give its id)")
        if hits[0] not in chosen:
            chosen.append(hits[0])
    return chosen


def _service_meetings(client: PoliteClient, base: str, c: CommitteeXml, start: date, end: date) -> list[MeetingStub]:
    url = (f"{base}/mgWebService.asmx/GetMeetings?lCommitteeId={c.committee_id}"
           f"&sFromDate={_dmy(start)}&sToDate={_dmy(end)}")
    try:
        f = client.get(url, validate=lambda b: parse_meetings(b) and None)
        return parse_meetings(f.content)
    except InputError as exc:
        raise FetchError(f"GetMeetings: {exc.message}") from None


def _meeting_name(t: _Target) -> str:
    when = t.meeting_date.isoformat() if t.meeting_date else "undated"
    return f"{slugify(t.committee)[:60]}_{when}_m{t.meeting_id}"  # flat: the manifest sits beside its files


def _service_meeting(client: PoliteClient, base: str, t: _Target, out: Path, council: str | None,
                     manifest: _Manifest, report: FetchReport) -> None:
    url = f"{base}/mgWebService.asmx/GetMeeting?lMeetingId={t.meeting_id}"
    try:
        f = client.get(url, validate=lambda b: parse_meeting(b) and None)
        meeting = parse_meeting(f.content)
    except InputError as exc:
        raise FetchError(f"GetMeeting: {exc.message}") from None
    page = f"{base}/ieListDocuments.aspx?CId={t.committee_id}&MId={t.meeting_id}"
    name = _meeting_name(t)
    when = meeting.date or t.meeting_date
    common = dict(url=page, council=council, committee=t.committee, meeting_date=when.isoformat() if when else None,
                  committee_id=t.committee_id, meeting_id=t.meeting_id)
    minutes_docs = [d for it in meeting.items for d in it.documents if is_minutes_of(d, meeting)]
    if not meeting.has_minutes and not minutes_docs:
        report.awaiting.append(f"meeting {t.meeting_id} ({t.committee}, {when}): no minutes published yet")
        return
    if meeting.has_minutes:
        path = out / f"{name}.xml"
        _record(report, _write_if_needed(path, f.content), str(path.relative_to(out)))
        manifest.add(file=str(path.relative_to(out)), kind="meeting-xml", **common)
        return
    for d in minutes_docs:  # the XML has no minutes text: its printed minutes are the source
        doc_url = urljoin(base + "/", d.url) if d.url else f"{base}/mgConvert2PDF.aspx?ID={d.attachment_id}"
        doc_url = _same_site(doc_url, base)
        try:
            got = client.get(doc_url)
        except FetchError as exc:
            report.failed.append(f"minutes {d.attachment_id} of meeting {t.meeting_id}: {exc}")
            continue
        ext = ".pdf" if got.content[:5] == b"%PDF-" else ".html" if b"<html" in got.content[:2048].lower() else ".pdf"
        path = out / f"{name}_a{d.attachment_id}{ext}"
        _record(report, _write_if_needed(path, got.content), str(path.relative_to(out)))
        manifest.add(file=str(path.relative_to(out)), kind="minutes-document", attachment_id=d.attachment_id,
                     **{**common, "url": doc_url})


def _same_site(url: str, base: str) -> str:
    """Documents are listed with the site's public address; fetch them from the address we were given
    (the same site behind another name, or a test server)."""
    b, u = urlsplit(base), urlsplit(url)
    if u.path.lower().endswith("mgconvert2pdf.aspx") and u.netloc != b.netloc:
        return f"{b.scheme}://{b.netloc}{b.path.rstrip('/')}/mgConvert2PDF.aspx?{u.query}"
    return url


# -- the HTML pages, where the web service is switched off ------------------------------------------

_COMMITTEE_LINK = re.compile(r"""href=["'][^"']*mgCommitteeDetails\.aspx\?ID=(\d+)["'][^>]*>\s*([^<]+?)\s*<""", re.I)
_MEETING_LINK = re.compile(r"""href=["'][^"']*ieListDocuments\.aspx\?CId=(\d+)(?:&amp;|&)MId=(\d+)[^"']*["'][^>]*>"""
                           r"""\s*([^<]+?)\s*<""", re.I)
_ITEM_LINK = re.compile(r"""href=["']([^"']*mgAi\.aspx\?ID=(\d+)[^"']*)["']""", re.I)
# some sites link a meeting's items to their issue pages (the decision and its history) instead
_ISSUE_LINK = re.compile(r"""href=["']([^"']*ieIssueDetails\.aspx\?IId=(\d+)[^"']*)["']""", re.I)
_DOC_LINK = re.compile(r"""href=["']([^"']*mgConvert2PDF\.aspx\?ID=(\d+)[^"']*)["'][^>]*>([^<]*)<""", re.I)
_TEXT_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}),?\s+(\d{4})")


def _html_fallback(client, base, out, wanted, start, end, council, manifest, report, on_total, on_meeting) -> None:
    try:
        page = client.get(f"{base}/mgListCommittees.aspx").content.decode("utf-8", "replace")
    except FetchError as exc:
        report.failed.append(f"committee list: {exc}")
        return
    found = dict(_COMMITTEE_LINK.findall(page))
    listed = [CommitteeXml(cid, re.sub(r"\s+", " ", title)) for cid, title in found.items()]
    chosen = _choose(listed, wanted)
    targets: list[_Target] = []
    for c in chosen:
        try:
            body = client.get(f"{base}/ieListMeetings.aspx?CommitteeId={c.committee_id}").content
        except FetchError as exc:
            report.failed.append(f"meetings of {c.title}: {exc}")
            continue
        for cid, mid, label in _MEETING_LINK.findall(body.decode("utf-8", "replace")):
            m = _TEXT_DATE.search(label)
            when = _title_date(*m.groups()) if m else None
            if when and start <= when <= end and all(t.meeting_id != mid for t in targets):
                targets.append(_Target(cid, c.title, mid, when))
    if on_total:
        on_total(len(targets))
    for t in targets:
        url = f"{base}/ieListDocuments.aspx?CId={t.committee_id}&MId={t.meeting_id}"
        try:
            listing = client.get(url).content.decode("utf-8", "replace")
            links = _ITEM_LINK.findall(listing) or _ISSUE_LINK.findall(listing)
            items = dict((iid, urljoin(url, href.replace("&amp;", "&"))) for href, iid in links)
            printed = [] if items else [  # no item pages with minutes: the printed minutes, if published
                (aid, urljoin(url, href.replace("&amp;", "&"))) for href, aid, label in _DOC_LINK.findall(listing)
                if is_minutes_of(LinkedDoc(aid, label, href), Meeting(t.meeting_id, t.meeting_date, None, False))]
            if not items and not printed:
                report.awaiting.append(f"meeting {t.meeting_id} ({t.committee}, {t.meeting_date}): no minutes pages")
            for aid, doc_url in printed:
                got = client.get(doc_url)
                ext = ".pdf" if got.content[:5] == b"%PDF-" else ".html"
                path = out / f"{_meeting_name(t)}_a{aid}{ext}"
                _record(report, _write_if_needed(path, got.content), str(path.relative_to(out)))
                manifest.add(file=str(path.relative_to(out)), url=doc_url, council=council, committee=t.committee,
                             meeting_date=t.meeting_date.isoformat() if t.meeting_date else None,
                             committee_id=t.committee_id, meeting_id=t.meeting_id, attachment_id=aid,
                             kind="minutes-document")
            for iid, item_url in items.items():
                got = client.get(item_url)
                path = out / f"{_meeting_name(t)}_i{iid}.html"
                _record(report, _write_if_needed(path, got.content), str(path.relative_to(out)))
                manifest.add(file=str(path.relative_to(out)), url=item_url, council=council, committee=t.committee,
                             meeting_date=t.meeting_date.isoformat() if t.meeting_date else None,
                             committee_id=t.committee_id, meeting_id=t.meeting_id, agendaitem_id=iid,
                             kind="item-page")
        except FetchError as exc:
            report.failed.append(f"meeting {t.meeting_id} ({t.committee}, {t.meeting_date}): {exc}")
        manifest.save()
        if on_meeting:
            on_meeting(t.meeting_id)
