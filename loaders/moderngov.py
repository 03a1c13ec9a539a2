"""ModernGov web-service XML (`mgWebService.asmx/GetMeeting`): one meeting, read as facts.

A GetMeeting response carries the meeting's id and date, every agenda item (id, number, title, the
minutes as escaped HTML in `minutesnonemptyhtmlbody`, `declarationcount`, linked documents) and the
attendees (`memberid`, name, `roledescription`, `attendance`, `politicalparty`, `ward`). The loader
parses that into a `Meeting` and renders it as plain text (a heading, the attendees, then each item
with its minutes), recording where each part lies, so that evidence still slices `Document.text`
and the ordinary extraction rules can read the minutes of each item.

The other web-service responses (GetCommittees, GetMeetings) are parsed here too, for `fetch`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date

from councilgraph.errors import InputError

from .document import Document, SourceInfo
from .registry import Loader, register_loader


@dataclass(frozen=True)
class LinkedDoc:
    attachment_id: str
    title: str
    url: str | None
    owner_title: str | None = None
    is_restricted: bool = False


@dataclass(frozen=True)
class AgendaItemXml:
    item_id: str | None
    number: str | None
    title: str
    minutes_html: str
    declaration_count: int = 0
    documents: tuple[LinkedDoc, ...] = ()
    committee: str | None = None


@dataclass(frozen=True)
class Attendee:
    member_id: str | None
    name: str
    role: str | None
    attendance: str | None
    party: str | None = None
    ward: str | None = None
    member_type: str | None = None


@dataclass(frozen=True)
class Meeting:
    meeting_id: str
    date: date | None
    status: str | None
    minutes_published: bool
    items: tuple[AgendaItemXml, ...] = ()
    attendees: tuple[Attendee, ...] = ()

    @property
    def committee(self) -> str | None:
        for it in self.items:
            if it.committee:
                return it.committee
        return None

    @property
    def has_minutes(self) -> bool:
        return any(it.minutes_html.strip() for it in self.items)


@dataclass(frozen=True)
class ItemLayout:
    start: int  # the item's heading
    title: tuple[int, int]
    body: tuple[int, int]  # its minutes text (empty range when there are none)


@dataclass(frozen=True)
class Layout:
    """Where each part of the meeting lies in the rendered text."""

    attendees: tuple[tuple[int, int], ...]  # each attendee's name
    attendee_lines: tuple[tuple[int, int], ...]
    items: tuple[ItemLayout, ...]
    items_start: int


@dataclass(frozen=True)
class MeetingData:
    meeting: Meeting
    layout: Layout


@dataclass(frozen=True)
class CommitteeXml:
    committee_id: str
    title: str
    deleted: bool = False
    expired: bool = False


@dataclass(frozen=True)
class MeetingStub:
    meeting_id: str
    date: date | None
    status: str | None
    committee_id: str | None = None
    committee: str | None = None


@dataclass
class _Text:
    parts: list[str] = field(default_factory=list)
    n: int = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        return start, self.n


# -- parsing --------------------------------------------------------------------------------------

def parse_xml(data: bytes, path: str = "") -> ET.Element:
    """The document element; malformed XML is an InputError naming the problem. (ElementTree's
    expat does not fetch external entities; a service response is not trusted further than that.)"""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"malformed XML: {exc}", path=path) from None
    for el in root.iter():  # some installs answer in a namespace (xmlns="http://..."); the names are the same
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
    return root


def _t(el: ET.Element | None, tag: str) -> str:
    if el is None:
        return ""
    child = el.find(tag)
    return (child.text or "").strip() if child is not None else ""


def parse_date(value: str) -> date | None:
    """ModernGov writes dates as dd/mm/yyyy."""
    m = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _true(value: str) -> bool:
    return value.strip().lower() == "true"


def parse_meeting(data: bytes, path: str = "") -> Meeting:
    root = parse_xml(data, path)
    if root.tag != "meeting":
        found = root.find(".//meeting")
        if found is None:
            raise InputError(f"not a GetMeeting response (document element <{root.tag}>)", path=path)
        root = found
    meeting_id = _t(root, "meetingid")
    if not meeting_id:
        raise InputError("GetMeeting response has no meetingid", path=path)
    items = []
    for it in root.iterfind("agendaitems/agendaitem"):
        docs, seen = [], set()
        for ld in it.iterfind("linkeddocuments/linkeddoc"):
            aid = _t(ld, "attachmentid")
            if not aid or aid in seen:
                continue
            seen.add(aid)
            docs.append(LinkedDoc(attachment_id=aid, title=_t(ld, "title"), url=_t(ld, "url") or None,
                                  owner_title=_t(ld, "ownertitle") or None,
                                  is_restricted=_true(_t(ld, "isrestricted"))))
        try:
            declarations = int(_t(it, "declarationcount") or 0)
        except ValueError:
            declarations = 0
        number = _t(it, "fulldisplaynumberformat").rstrip(".") or _t(it, "minutesitemnumber") or \
            _t(it, "agendaitemnumber") or None
        items.append(AgendaItemXml(
            item_id=_t(it, "agendaitemid") or None, number=number, title=_t(it, "agendaitemtitle"),
            minutes_html=_t(it, "minutesnonemptyhtmlbody"), declaration_count=declarations,
            documents=tuple(docs), committee=_t(it, "refertocommittee") or None))
    attendees = []
    for a in root.iterfind("attendees/attendee"):
        name = (a.get("name") or "").strip()
        if not name:
            continue
        attendees.append(Attendee(member_id=(a.get("memberid") or "").strip() or None, name=name,
                                  role=(a.get("roledescription") or "").strip() or None,
                                  attendance=(a.get("attendance") or "").strip() or None,
                                  party=(a.get("politicalparty") or "").strip() or None,
                                  ward=(a.get("ward") or "").strip() or None,
                                  member_type=(a.get("membertype") or "").strip() or None))
    return Meeting(meeting_id=meeting_id, date=parse_date(_t(root, "meetingdate")),
                   status=_t(root, "meetingstatus") or None, minutes_published=_true(_t(root, "minutepublished")),
                   items=tuple(items), attendees=tuple(attendees))


def parse_committees(data: bytes, path: str = "") -> list[CommitteeXml]:
    root = parse_xml(data, path)
    if root.tag not in ("committees", "getcommittees"):
        raise InputError(f"not a GetCommittees response (document element <{root.tag}>)", path=path)
    out = []
    for c in root.iter("committee"):
        cid = _t(c, "committeeid")
        if cid:
            out.append(CommitteeXml(cid, _t(c, "committeetitle"), _true(_t(c, "committeedeleted")),
                                    _true(_t(c, "committeeexpired"))))
    return out


def parse_meetings(data: bytes, path: str = "") -> list[MeetingStub]:
    root = parse_xml(data, path)
    if root.tag not in ("getmeetings", "meetings"):
        raise InputError(f"not a GetMeetings response (document element <{root.tag}>)", path=path)
    out = []
    for c in root.iter("committee"):
        cid, title = _t(c, "committeeid") or None, _t(c, "committeetitle") or None
        for m in c.iter("meeting"):
            mid = _t(m, "meetingid")
            if mid:
                out.append(MeetingStub(mid, parse_date(_t(m, "meetingdate")), _t(m, "meetingstatus") or None,
                                       cid, title))
    return out


# -- rendering ------------------------------------------------------------------------------------

def minutes_text(markup: str) -> str:
    """The minutes of one item, HTML to block-aware text."""
    if not markup.strip():
        return ""
    from .html import html_to_text

    return html_to_text(markup if "<" in markup else f"<p>{markup}</p>").strip()


def render(m: Meeting, committee: str | None) -> tuple[str, Layout]:
    """Plain text of the meeting, and where its parts are. Every fact the XML gives is in the text
    (ids in brackets), so the content hash, and the build's cache, change whenever any of them does."""
    out = _Text()
    when = m.date.strftime("%d %B %Y").lstrip("0") if m.date else "date not given"
    out.add(f"Minutes of {committee or 'the meeting'}, {when} [meeting {m.meeting_id}]\n\n")
    names, lines = [], []
    if m.attendees:
        out.add("Attendees:\n")
        for a in m.attendees:
            line_start = out.n
            names.append(out.add(a.name))
            extra = ", ".join(x for x in (a.role, a.party, a.ward) if x)
            out.add(f" ({extra})" if extra else "")
            out.add(f" - {a.attendance}" if a.attendance else "")
            lines.append((line_start, out.n))
            out.add(f" [member {a.member_id}]" if a.member_id else "")
            out.add("\n")
        out.add("\n")
    items_start = out.n
    layouts = []
    for it in m.items:
        start = out.n
        out.add(f"{it.number} " if it.number else "")
        title = out.add(it.title or "Untitled item")
        out.add(f" [item {it.item_id}]\n" if it.item_id else "\n")
        body_text = minutes_text(it.minutes_html)
        body = out.add(f"Minutes:\n{body_text}") if body_text else (out.n, out.n)
        if body_text:
            body = (body[0] + len("Minutes:\n"), body[1])
        for d in it.documents:
            out.add(f"\nDocument: {d.title} [attachment {d.attachment_id}]")
        out.add("\n\n")
        layouts.append(ItemLayout(start, title, body))
    return "".join(out.parts), Layout(tuple(names), tuple(lines), tuple(layouts), items_start)


# -- the loader -----------------------------------------------------------------------------------

def sniff(data: bytes) -> float:
    head = data[:4096].lstrip().lower()
    if not head.startswith((b"<?xml", b"<meeting")):
        return 0.0
    if re.search(rb"<meeting[\s>]", head) and (b"<meetingid>" in head or b"<agendaitems" in head):
        return 0.95
    return 0.0


def load(data: bytes, path: str, info: SourceInfo) -> Document:
    m = parse_meeting(data, path)
    committee = info.committee or m.committee
    text, layout = render(m, committee)
    if not info.meeting_date and m.date:
        info = SourceInfo(url=info.url, council=info.council, committee=info.committee, meeting_date=m.date,
                          committee_id=info.committee_id, meeting_id=info.meeting_id)
    return Document(source=path, text=text, format="moderngov-xml", info=info, data=MeetingData(m, layout))


register_loader(Loader("moderngov-xml", (".xml",), sniff, load))
