"""Meeting and item metadata from the top of a page, and where the minutes body starts and ends.

ModernGov pages open with a page-type line ("Agenda item", "Issue - meetings"), the item title,
sometimes "Meeting: 24/09/2019 - Committee name (Item 7)", a purpose line, then "Minutes:". The
body runs to "Supporting documents:". Printed minutes open "Minutes of the meeting of the X
Committee held on ...". Only these header forms name the committee: a committee mentioned in the
body ("would go to the Adults ... Committee") is somewhere else, not this meeting.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from . import compiled_re as re
from . import councils
from .lexicon import LineStart, may_hold
from .periods import MONTHS
from .segment import lowered

PAGE_TYPES = re.compile(r"^(?:Agenda item|Issue - meetings|Issue details|Decision details|Minutes|"
                        r"Agenda and (?:draft )?minutes|Agenda, decisions and minutes|Meeting documents|"
                        r"Printed minutes|Record of decisions?|Agendas, Meetings and Minutes - Agenda item|"
                        r"Items|No\.? Item|Media)\s*:?$", re.IGNORECASE)
MEETING_LINE = LineStart(
    r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(?P<committee>.+?)(?:\s*\(Item\s*(?P<item>[\w.]+)\))?\s*$",
    re.MULTILINE,
)
MINUTES_OF = re.compile(
    r"(?i:minutes\s+of\s+(?:the|a|an)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?)(?P<committee>[A-Z][^\n]{3,150}?)"
    r"(?:\s+of\s+(?P<council>[A-Z][^\n]{3,80}?Council))?\s+held\s+(?:on|at|in)\b[^\n]*?"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})",
)
# "MINUTES of the Planning Committee (meeting) held on Tuesday, 5th March, 2019"
MINUTES_OF_BODY = re.compile(
    r"(?i:minutes\s+of\s+(?:the\s+)?)(?P<committee>[A-Z][^\n]{2,150}?(?i:Committee|Sub-Committee|Panel|Board|Cabinet|"
    r"Executive|Forum|Commission|Authority|Council))(?:\s+of\s+(?P<council>[A-Z][^\n]{3,80}?Council))?"
    r"(?i:\s+meeting)?\s+(?i:held)\s+(?:on|at|in)\b[^\n]*?"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})",
)
# printed minutes: the item is a numbered heading ("31. Highway Maintenance Programme 2023/24")
ITEM_HEADING = LineStart(r"^(?P<num>\d{1,3}[a-z]?)\.?\s+(?P<title>[A-Z][^\n]{2,150}?)\s*$", re.MULTILINE)
_COMMITTEE = r"(?P<committee>[A-Z][\w'’&,\- ]{2,140}?(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum))"
RESOLUTION_SUBJECT = re.compile(
    rf"(?:Resolved|RESOLVED|Agreed|AGREED)[^:\n]*:\s*(?:That\s+)?[Tt]he\s+{_COMMITTEE}\s+(?:noted|agreed|"
    r"resolved|received|considered|endorsed|approved|recommended|requested)"
)
# the meeting's body deciding or being asked to decide, at the start of a line: "Cabinet AGREED to note",
# "Following consideration of the report, the Executive:", "The Leisure Panel is asked to note the report"
DECIDER = re.compile(rf"(?:^|(?<=[.!?] ))(?:Following\s[^\n]{{0,120}}?,\s+)?(?:[Tt]he\s+)?"
                     rf"(?P<committee>Cabinet|Executive|"
                     rf"{_COMMITTEE[len('(?P<committee>'):-1]})(?:\s+(?:RESOLVED|AGREED|is\s+(?:asked|invited|requested)\s+to|"
                     r"(?:resolved|agreed)\s*:)|\s*:\s*$)", re.MULTILINE)
RECEIVED_SUBJECT = LineStart(rf"^[Tt]he\s+{_COMMITTEE}\s+(?:received|considered|noted)", re.MULTILINE)
COUNCIL_RE = re.compile(
    r"\b(?P<council>(?:Royal|London|Metropolitan)\s+Borough\s+of\s+[A-Z][\w'’\-]+(?:\s+(?:and|upon|on)\s+"
    r"[A-Z][\w'’\-]+)*|City\s+of\s+[A-Z][\w'’\-]+\s+Council|(?:[A-Z][\w'’\-]+\s+){1,3}"
    r"(?:County|Borough|City|District|Metropolitan\s+Borough|Town|Unitary)\s+Council)\b"
)
SUPPORTING = LineStart(r"^\s*(?:Supporting documents|Background papers|Attachments|Documents)\s*:",
                        re.MULTILINE | re.IGNORECASE)
_SUPPORTING_WORDS = ("documents", "papers", "attachments")  # one is in every SUPPORTING match
MINUTES_MARK = LineStart(r"^\s*Minutes\s*:\s*$", re.MULTILINE)
ITEM_LINE = re.compile(r"^(?P<num>\d{1,3}[a-z]?)\.?\s+(?P<title>.+?)(?:\s+pdf icon PDF\s+[\d.]+\s*[KM]B)?\s*$")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
LONG_DATE = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_NAMES})\.?,?\s+(?P<y>\d{{4}})",
                       re.IGNORECASE)
# a date as meeting headers print it: "Thursday, 16th November, 2017", "3 December 2019", "24/05/2018"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_DATE = (rf"(?:{_WEEKDAY}?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\.?,?\s+\d{{4}}"
         r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}))")
_WEEKDAY_STARTS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|hrs|noon)?)"
_BODY_WORD = re.compile(r"\b(?:Committee|Sub-Committee|Panel|Board|Cabinet|Executive|Council|Forum|Commission|"
                        r"Authority|Group|Partnership|Assembly|Meeting)\b", re.IGNORECASE)
# "Scrutiny Committee - Tuesday, 14th March, 2023 6.30 pm": a meeting page's title line
MEETING_TITLE = re.compile(rf"^(?P<committee>[A-Z][^\n]{{2,150}}?)\s+[-–]\s+(?P<date>{_DATE}){_TIME}?[^\S\n]*$",
                           re.MULTILINE | re.IGNORECASE)
# "Health and Community Committee" then "Thursday 9 July 2020 4.00 pm" on the next line
DATE_LINE = re.compile(rf"^[^\S\n]*(?P<date>{_DATE}){_TIME}?[^\S\n]*$", re.MULTILINE | re.IGNORECASE)
# "Minutes of the meeting held on 3 December 2019 at 7.00 pm", "Minutes of a meeting held on 5th November, 2012."
MEETING_HELD = re.compile(rf"^[^\S\n]*(?:(?:Draft|Confirmed|Unconfirmed)\s+)?Minutes\s+of\s+(?:the|a|an)\s+"
                          rf"(?:\w+\s+)?meeting\s+held\s+(?:on\s+)?(?P<date>{_DATE})", re.MULTILINE | re.IGNORECASE)
# ModernGov decision pages: "Decision Maker: Cabinet", "Decided at meeting: 25/07/2024 - Planning Control Committee"
DECISION_MAKER = LineStart(r"^[^\S\n]*(?:Decision Maker|Committee|Meeting of)\s*:\s*"
                            r"(?P<committee>[A-Z][^\n]{2,150}?)\s*$", re.MULTILINE)
DECIDED_AT = LineStart(rf"^[^\S\n]*Decided at meeting\s*:\s*(?P<date>{_DATE})\s*[-–]\s*"
                        r"(?P<committee>[A-Z][^\n]{2,150}?)\s*$", re.MULTILINE | re.IGNORECASE)
# "Date: 23rd February 2009", "Date of meeting: 3 March 2021"
DATE_FIELD = LineStart(rf"^[^\S\n]*(?:Date(?: of meeting)?|Meeting date)\s*:\s*(?P<date>{_DATE})",
                        re.MULTILINE | re.IGNORECASE)
# an issue or decision history line: "24/05/2018 - Planning Enforcement Activity Report"
DATED_LINE = LineStart(r"^[^\S\n]*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+[-–]\s+\S", re.MULTILINE)
# the committee approving its own previous minutes: "the Minutes of the Scrutiny Committee held on ..."
OWN_MINUTES = re.compile(r"(?i:minutes\s+of\s+(?:the\s+)?(?:(?:previous|last)\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)"
                         r"(?P<committee>[A-Z][\w'’&,\- ]{2,120}?(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum))"
                         r"\s+(?:held|meeting|of|dated)\b")


@dataclass
class ItemSpan:
    """One agenda item of a page with several: its number, title and where it runs."""
    number: str | None
    title: str
    title_start: int
    start: int  # the heading's start
    end: int  # the next heading's start, or the body's end


@dataclass
class Header:
    title: str | None = None
    title_offset: int = 0
    preamble: tuple[int, int] | None = None  # printed minutes: Present / Apologies lists before the item
    item_number: str | None = None
    committee: str | None = None
    council: str | None = None  # printed in the header ("Minutes of the meeting of X of Y Council")
    council_mentioned: str | None = None  # the first council named near the top of the page
    meeting_date: date | None = None
    body_start: int = 0
    body_end: int = 0
    items: list[ItemSpan] | None = None  # two or more agenda items (meeting pages, printed minutes)


def parse_date(text: str) -> date | None:
    text = text.strip()
    m = re.search(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = LONG_DATE.search(text)
        if m:
            return date(int(m.group("y")), MONTHS[m.group("m").lower()], int(m.group("d")))
    except ValueError:
        return None
    return None


def _lines(text: str, limit: int):
    pos = 0
    for line in text[:limit].splitlines(keepends=True):
        yield pos, line
        pos += len(line)


# ModernGov names a renamed committee with its dates: "Executive - for meetings from 03/06/00 to 26/04/11"
_FOR_MEETINGS = re.compile(r"\s*[-–(]\s*for meetings (?:from|until|before|after)\b.*$", re.IGNORECASE)


def _body_name(line: str) -> str | None:
    """A line that can be a committee's name in a header: short, a body word, not a sentence."""
    s = line.strip()
    if not s or len(s) > 150 or s.endswith((".", ",", ";", ":")) or PAGE_TYPES.match(s) or ":" in s:
        return None
    if len(s.split()) > 14 or not _BODY_WORD.search(s):
        return None
    return s


def _line_before(text: str, pos: int) -> str:
    """The last non-blank line ending before `pos`."""
    for line in reversed(text[max(0, pos - 400):pos].splitlines()):
        if line.strip():
            return line
    return ""


def _meeting_header(text: str, h: Header) -> None:
    """Committee and date from the header forms meeting and decision pages print, strongest first;
    each form is tried only while something is missing, and only where its literal is (see "Keeping
    extraction fast" in docs/architecture.md)."""
    def take(committee: str | None, when: str | None) -> bool:
        if committee and not h.committee:
            h.committee = _FOR_MEETINGS.sub("", committee.strip())
        if when and h.meeting_date is None:
            h.meeting_date = parse_date(when)
        return bool(h.committee and h.meeting_date)

    if h.committee and h.meeting_date:
        return
    head = text[:2500]
    low = head.lower()
    m = DECIDED_AT.search(head) if "decided at" in low else None
    if m and take(m.group("committee"), m.group("date")):
        return
    title = date_line = None
    pos = 0
    for line in head[:1500].splitlines(keepends=True):
        s = line.rstrip("\r\n")
        t = s.strip()
        if len(t) > 200 or (title and date_line):
            break  # the minuted text has begun: headers are above it
        if title is None and (" - " in t or " – " in t) and t[-1:].isalnum():
            m = MEETING_TITLE.match(head, pos, pos + len(s))  # "Scrutiny Committee - Tuesday, 14th March, 2023"
            if m and _body_name(m.group("committee")):
                title = (m.group("committee"), m.group("date"))
        if date_line is None and t and (t[0].isdigit() or t[:3].lower() in _WEEKDAY_STARTS) and len(t) < 60:
            m = DATE_LINE.match(head, pos, pos + len(s))  # a line that is only a date, under the committee's
            if m:
                date_line = (_body_name(_line_before(head, pos)), m.group("date"))
        pos += len(line)
    for x in (title, date_line):
        if x and take(*x):
            return
    at = low.find("meeting held")
    if at >= 0:
        m = MEETING_HELD.match(head, head.rfind("\n", 0, at) + 1)
        if m and take(_body_name(_line_before(head, m.start())), m.group("date")):
            return
    if not h.committee and ("maker" in low or "committee:" in low or "meeting of:" in low):
        m = DECISION_MAKER.search(head, 0, 1500)
        if m and _body_name(m.group("committee")) and take(m.group("committee"), None):
            return
    if h.meeting_date is None:
        m = DATE_FIELD.search(head) if ("date:" in low or "date of meeting" in low or "meeting date" in low) else None
        if m and take(None, m.group("date")):
            return
    if h.meeting_date is None and "/" in head[:800]:
        m = DATED_LINE.search(head, 0, 800)
        if m:
            take(None, m.group("date"))


def _minutes_heading(head: str) -> re.Match | None:
    """'Minutes of the meeting of X held on ...' as a heading: it opens its line ('that the Minutes of
    the meeting of ... be confirmed' is the last meeting's). Tried only where "minutes of" is."""
    low = head.lower()
    starts = []
    at = low.find("minutes of")
    while at >= 0:
        lead = head[head.rfind("\n", 0, at) + 1:at].strip(" \t*#").lower()
        if lead in ("", "draft", "confirmed", "unconfirmed", "approved"):
            starts.append(at)
        at = low.find("minutes of", at + 10)
    for rx in (MINUTES_OF, MINUTES_OF_BODY):
        for at in starts:
            mo = rx.match(head, at)
            if mo:
                return mo
    return None


def parse_header(text: str) -> Header:
    h = Header(body_end=len(text))
    # most pages have no "Supporting documents:" line: a substring test on the page first
    low = lowered(text)
    sup = SUPPORTING.search(text) if low is None or may_hold(text, low, _SUPPORTING_WORDS) else None
    if sup:
        h.body_end = sup.start()
    meeting = MEETING_LINE.search(text[:3000])
    if meeting:
        h.meeting_date = parse_date(meeting.group("date"))
        h.committee = _FOR_MEETINGS.sub("", meeting.group("committee").strip())
        h.item_number = meeting.group("item")
    _meeting_header(text, h)
    mo = _minutes_heading(text[:3000]) if "minutes of" in text[:3000].lower() else None
    if mo:
        h.committee = h.committee or mo.group("committee").strip()
        h.meeting_date = h.meeting_date or parse_date(mo.group("date"))
        if mo.group("council"):
            h.council = councils.canonical(mo.group("council").strip())
        item = ITEM_HEADING.search(text, mo.end(), min(len(text), mo.end() + 6000))
        if item:
            h.item_number, h.title = item.group("num"), item.group("title").strip()
            h.title_offset = item.start("title")
            line_end = text.find("\n", mo.end())
            h.preamble = (line_end if 0 <= line_end < item.start() else mo.end(), item.start())
            h.body_start = min(item.end(), h.body_end)
            return _finish(text, h)
    # title: first meaningful short line
    body_start = None
    seen_meeting = False
    for pos, line in _lines(text, 3000):
        s = line.strip()
        if not s:
            continue
        if PAGE_TYPES.match(s):
            if MINUTES_MARK.match(line):
                body_start = pos + len(line)
                break
            continue
        if MEETING_LINE.match(s):
            seen_meeting = True
            continue
        if _NAVIGATION.match(s) or _FIELD_LINE.match(s) or _CHROME.match(s) or (
                (" - " in s or " – " in s) and MEETING_TITLE.fullmatch(s)) or (
                (s[0].isdigit() or s[:3].lower() in _WEEKDAY_STARTS) and DATE_LINE.fullmatch(s)):
            continue  # site chrome, "Decision Maker: Cabinet", "Scrutiny Committee - Tuesday, 14th March, 2023"
        item = ITEM_LINE.match(s)
        if h.title and item and _same_title(item.group("title"), h.title):
            h.item_number = h.item_number or item.group("num")
            continue
        if h.title and item and seen_meeting and item.group("num") == h.item_number:
            # an issue page: the title, "Meeting: ... (Item 220)", then the item's own heading
            title = _clean_title(item.group("title"))
            h.title, h.title_offset = title, pos + (len(line) - len(line.lstrip())) + s.index(title)
            continue
        if h.title is None and len(s) > 150:
            break  # the minuted text has begun: no title above it
        if h.title is None and len(s) <= 200 and not s.endswith((".", ",", ";", ":")):
            lead = len(line) - len(line.lstrip())
            num = ITEM_LINE.match(s)
            if num and not re.match(r"^\d{4}\b", s):
                h.item_number = h.item_number or num.group("num")
                title = num.group("title")
                h.title, h.title_offset = title, pos + lead + s.index(title)
            else:
                h.title, h.title_offset = s, pos + lead
            continue
        if h.title is not None:
            break
    mm = MINUTES_MARK.search(text[:4000])
    if body_start is None and mm:
        body_start = mm.end()
    if body_start is None:
        body_start = h.title_offset + len(h.title) if h.title else 0
    h.body_start = min(body_start, h.body_end)
    return _finish(text, h)


# an item number alone on its line (ModernGov meeting pages): "66.", "1a", "HC109/20"
_NUMBER_LINE = re.compile(r"(?:\d{1,3}[a-z]?\.?|\d{1,3}\.\d{1,2}\.?|[A-Z]{1,6}\s?\d{1,4}/\d{2,4}\.?|\([a-z0-9]{1,3}\))")
# a numbered heading on one line (printed minutes): "4.            Internal Audit Quarterly Update"
_NUMBERED_HEADING = re.compile(r"(?P<num>\d{1,3}[a-z]?|[A-Z]{1,6}\s?\d{1,4}/\d{2,4})(?:\.|\s*[-–:])?[^\S\n]+"
                               r"(?P<title>[A-Z][^\n]{2,150}?)[\s\-–.:]*")
_LINK_NOISE = re.compile(r"\s*(?:pdf icon\s*)?PDF\s+[\d.]+\s*[KM]B\b.*$|\s*View the (?:reasons|background)[^\n]*$",
                         re.IGNORECASE)
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
                          "to", "with", "under", "&", "-", "–", "v", "vs", "upon", "its", "their", "our"})
_NAVIGATION = re.compile(r"^(?:Skip (?:to|navigation)|Home(?: Page)?\b|H1 - do not remove|Menu\b|Search\b|"
                         r"Cookies?\b|Accessibility\b|Sign in\b|Log in\b|Print this page)", re.IGNORECASE)


# "Decision Maker: Cabinet", "Venue: Town Hall", "Is Key decision?: No": a header field, never a title
_FIELD_LINE = re.compile(r"[A-Z][\w ?'’()/.\-]{1,40}\s*:(?:\s|$)")
_CHROME = re.compile(r"(?:Modern\.gov \w+|- Agenda item|Issue - decisions|View the (?:meeting|decision)\b.*|"
                     r"[·•*▪\-–|].*|No\.?\s*\|.*|Decision\(s\) and Reason\(s\)|"
                     r"Agendas?, (?:Meetings|reports) and (?:Minutes|decisions).*)$", re.IGNORECASE)


def _heading_like(title: str, share: float = 0.6) -> bool:
    """A title as agenda headings are written: short, title case or capitals, not a sentence."""
    words = title.split()
    if not words or len(words) > 18 or len(title) > 160 or _NAVIGATION.match(title):
        return False
    if title.endswith((",", ";")) or re.search(r"[a-z]\.\s+[A-Z]", title):
        return False
    content = [w for w in words if w.lower().strip("()'\"’") not in _SMALL_WORDS and w[:1].isalpha()]
    if not content:
        return False
    capital = sum(1 for w in content if w[0].isupper())
    return capital / len(content) >= share


def _clean_title(title: str) -> str:
    return _LINK_NOISE.sub("", title).strip().rstrip(".:–- ").strip()


# a page with several items: a meeting page's item table, printed minutes' numbered headings
_MANY_ITEMS = LineStart(r"^[^\S\n]*(?:No\.?\s+Item|Items|Item Description|Apologies(?: for absence)?|Declarations? of "
                         r"(?:Members['’]? )?Interests?|Minutes of (?:the )?(?:Previous|Last) Meeting|Present)\b",
                         re.MULTILINE | re.IGNORECASE)


def split_items(text: str, start: int, end: int) -> list[ItemSpan]:
    """The agenda items of a page that has several, in order; [] when it has fewer than two.

    ModernGov meeting pages put each item's number alone on a line and its title on the next
    ("66." / "Disclosures of Interest. pdf icon PDF 256 KB"); printed minutes put both on one line
    ("4.   Internal Audit Quarterly Update"). A heading's title is short and written in title case
    or capitals, and numbers only go up, so numbered points within the discussion are not items.
    """
    lines: list[tuple[int, str]] = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    found: list[ItemSpan] = []
    last_num = -1
    i = 0
    while i < len(lines):
        p, line = lines[i]
        s = line.strip()
        item = None
        if s and len(s) <= 12 and _NUMBER_LINE.fullmatch(s):
            j = i + 1
            while j < len(lines) and j <= i + 3 and not lines[j][1].strip():
                j += 1
            if j < len(lines) and j <= i + 3:
                tp, tline = lines[j]
                title = _clean_title(tline.strip())
                # the number's own line marks the heading: a title in sentence case is enough
                if title and title[0].isupper() and _heading_like(title, 0.25):
                    item = ItemSpan(s.rstrip("."), title, tp + tline.index(tline.strip()[:1]), p, end)
                    i = j
        elif s and len(s) <= 200 and (s[0].isdigit() or (s[:2].isupper() and "/" in s[:12])):
            m = _NUMBERED_HEADING.fullmatch(s)
            if m:
                title = _clean_title(m.group("title"))
                if title and _heading_like(title):
                    lead = line.index(s[:1])
                    item = ItemSpan(m.group("num"), title, p + lead + m.start("title"), p, end)
        if item:
            digits = re.match(r"\d+", item.number or "")
            n = int(digits.group()) if digits else None
            if n is None or n >= last_num:
                found.append(item)
                last_num = n if n is not None else last_num
        i += 1
    if len(found) < 2 and text.count("\n\n\n\n", start, end) >= 2:  # wide gaps between headings
        found = _unnumbered_items(lines, end)
    for a, b in zip(found, found[1:], strict=False):
        a.end = b.start
    return found if len(found) >= 2 else []


_PROCEDURAL = re.compile(r"\b(?:Apologies|Declarations?|Interests?|Minutes|Urgent|Announcements|"
                         r"Public (?:Participation|Questions?)|Exempt)\b", re.IGNORECASE)


def _unnumbered_items(lines: list[tuple[int, str]], end: int) -> list[ItemSpan]:
    """Meeting pages rendered without item numbers: each heading stands alone after a wide gap (three
    or more blank lines, or the meeting's title line). Three headings, one of them procedural
    ("Apologies", "Declarations of Interest"), make it a meeting page and not a report's subheadings."""
    found: list[ItemSpan] = []
    blanks, prev = 3, ""
    for p, line in lines:
        s = line.strip()
        if not s:
            blanks += 1
            continue
        if len(s) <= 160 and not s.endswith((".", ":", ",", ";", "-")) and (blanks >= 3 or (
                blanks >= 1 and ((" - " in prev and MEETING_TITLE.fullmatch(prev)) or (
                    (prev[:1].isdigit() or prev[:3].lower() in _WEEKDAY_STARTS) and DATE_LINE.fullmatch(prev))))):
            title = _clean_title(s)
            if title and title[0].isupper() and _heading_like(title) and not MEETING_TITLE.fullmatch(s):
                found.append(ItemSpan(None, title, p + line.index(title[:1]), p, end))
        blanks, prev = 0, s
    if len(found) >= 3 and any(_PROCEDURAL.search(i.title) for i in found):
        return found
    return []


_DECIDER_ANCHOR = re.compile(r"[ARi:](?:GREED|ESOLVED|s (?:asked|invited|requested) to|(?<=:)[^\S\n]*$)", re.MULTILINE)


def _decider(text: str, end: int) -> str | None:
    """The meeting's body deciding (DECIDER), tried only on the lines that have one of its verbs."""
    done = -1
    for a in _DECIDER_ANCHOR.finditer(text, 0, end):
        line_start = text.rfind("\n", 0, a.start()) + 1
        if line_start <= done:
            continue
        done = line_start
        for dm in DECIDER.finditer(text, line_start, a.end()):
            name = re.split(r"\b(?:That|that|The|the)\s+", dm.group("committee").strip())[-1]
            if (len(name.split()) >= 2 or name in ("Cabinet", "Executive")) and _heading_like(name, 0.75):
                return name
    return None


def _finish(text: str, h: Header) -> Header:
    items = split_items(text, h.preamble[0] if h.preamble else 0, h.body_end) if _MANY_ITEMS.search(text, 0, 4000) \
        else []
    if items:
        h.items = items
        if h.preamble:  # printed minutes: Present / Apologies lists up to the first item
            h.preamble = (h.preamble[0], items[0].start)
        h.item_number, h.title, h.title_offset = items[0].number, items[0].title, items[0].title_start
        h.body_start = min(h.body_start, items[0].start)
    if not h.committee:
        rs = (RESOLUTION_SUBJECT.search(text) if ("esolved" in text or "ESOLVED" in text or "greed" in text
                                                  or "GREED" in text) else None) \
            or RECEIVED_SUBJECT.search(text, h.body_start, h.body_end)
        if rs:
            h.committee = rs.group("committee").strip()
    if not h.committee:
        h.committee = _decider(text, h.body_end)
    if not h.committee and "inutes of" in text:
        # a committee approving its own previous minutes names itself
        for om in OWN_MINUTES.finditer(text, h.body_start, h.body_end):
            after = text[om.end():om.end() + 200].lower()
            if any(w in after for w in ("correct record", "approved", "confirmed", "signed", "agreed")):
                h.committee = om.group("committee").strip()
                break
    if not h.committee:
        h.committee = _self_named(text, h.body_end)
    cm = next(council_mentions(text, 0, min(len(text), 600)), None)
    if cm:
        h.council_mentioned = councils.canonical(cm.group("council"))
    return h


# Found from the head word (a literal the engine can skip to): "Board", then what stands before it.
_BODY_HEAD = re.compile(r"(?:Sub-Committee|Committee|Panel|Board|Forum|Commission)\b")
# "update the Board": the meeting speaking of itself (no more capitalised words after the head)
_SHORT_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "the Health and Wellbeing Board", "a Special Meeting of the Westshire Health and Wellbeing Board"
_NAME_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?P<met>(?:Special\s+|Extraordinary\s+)?Meeting\s+of\s+the\s+)?"
                          r"(?P<name>(?:[A-Z][\w’'\-]*\s+(?:(?:and|&|of|for|on)\s+)?){1,6}?)$")
# a body something is sent to is another body, not this meeting ("would go to the Transport Committee")
_SENT_TO = re.compile(r"\b(?:to|before|by|with|from)\s+$")
_MET_AS = re.compile(r"(?:meeting|members?|chair(?:man|person)?)\s+of\s+the\s+$", re.IGNORECASE)


def _self_named(text: str, end: int) -> str | None:
    """The body the minutes call by its short form ('the Board noted'), named once in full ('a Special
    Meeting of the Health and Wellbeing Board') on a page whose header names no committee.

    Only when the page uses the short form, and only a full name with that head; a name the text
    sends something to ('to the Transport Committee') is another body. Several such names: the one
    met as 'meeting/members of the ...' wins, else none.
    """
    heads: set[str] = set()
    names: list[tuple[str, str, bool]] = []
    for m in _BODY_HEAD.finditer(text, 0, end):
        prev = text[m.start() - 1] if m.start() else " "
        if prev == "-" or prev.isalnum() or re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
            continue  # inside a word, or a longer name ("Committee Room", "Board Meeting")
        before = text[max(0, m.start() - 100):m.start()]
        if _SHORT_BEFORE.search(before):
            heads.add(m.group(0))
            continue
        nm = _NAME_BEFORE.search(before)
        if not nm:
            continue
        name = (nm.group("name") + m.group(0)).strip()
        met = bool(nm.group("met")) or bool(_MET_AS.search(before, 0, nm.start("name")))
        if not met and _SENT_TO.search(before, 0, nm.start()):
            continue
        if len(name.split()) >= 2 and _heading_like(name, 0.75):
            names.append((m.group(0), name, met))
    if len(heads) != 1:
        return None
    found: dict[str, bool] = {}
    for head, name, met in names:
        if head in heads:
            found[name] = found.get(name, False) or met
    if len(found) == 1:
        return next(iter(found))
    met_names = [n for n, ok in found.items() if ok]
    return met_names[0] if len(met_names) == 1 else None


def _same_title(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower().startswith(re.sub(r"\W+", " ", b).strip().lower()[:40])


_COUNCIL_ANCHOR = re.compile(r"Council\b|Borough\s+of\b")


def council_mentions(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """COUNCIL_RE's matches, tried only around each "Council" or "Borough of".

    Every council name contains one of them; run over a whole page the pattern backtracks through
    each capitalised word, and cost more than the rest of header parsing together.
    """
    end = len(text) if end is None else end
    last = start
    for a in _COUNCIL_ANCHOR.finditer(text, start, end):
        if a.start() < last:
            continue
        m = COUNCIL_RE.search(text, max(last, a.start() - 100), min(end, a.end() + 120))
        if m and m.start() <= a.start() < m.end():
            last = m.end()
            yield m


def council_from_text(text: str) -> str | None:
    """The council named most often in full in the text ("Durham County Council"), as its listed
    official name; an all-capitals short form of a listed council ("RBWM") when none is named in full."""
    counts: dict[str, int] = {}
    for _, c in councils.names_in(text):
        counts[c.name] = counts.get(c.name, 0) + 1
    for m in council_mentions(text) if not counts else ():
        name = councils.canonical(re.sub(r"^(?:The|the|of|at|by|and)\s+", "", m.group("council")))
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        for c in councils.abbreviations_in(text):
            counts[c.name] = counts.get(c.name, 0) + 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def council_from_url(url: str | None) -> str | None:
    """The listed council whose minutes site the address is on ('democracy.durham.gov.uk' -> 'Durham
    County Council'); for an unlisted host, a name made from it ('Newtown Council')."""
    c = councils.from_url(url)
    return c.name if c else councils.guess_from_url(url)


def listed_council_from_url(url: str | None) -> str | None:
    """Only a listed council: the publisher of the page, stronger than a council the text mentions."""
    c = councils.from_url(url)
    return c.name if c else None
