"""Reporting periods in the many ways councils write them, mapped to the April–March year.

"Q4 2022-23", "Quarter One 2023/24", "quarter two, July to September 2022", "1 April to 30 June
2019", "2nd Qtr 2009/10", "Month 6", "Period 7". A quarter with no year in the title takes the
year stated nearest to it in the text, else the most recent such quarter before the meeting.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from .records import ReportPeriod, Span

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
          "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "1": 1, "2": 2, "3": 3, "4": 4}

QUARTER_RE = re.compile(
    r"\b(?:Q(?P<q1>[1-4])|(?:Quarter|Qtr\.?)\s*(?P<q2>[1-4]|one|two|three|four)|"
    r"(?P<q3>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr\.?))\b",
    re.IGNORECASE,
)
FY_RE = re.compile(r"\b(?P<y1>(?:19|20)\d\d)\s*[/\-–]\s*(?P<y2>\d{4}|\d{2})\b")
SHORT_FY_RE = re.compile(r"\b(?:Q[1-4]|Qtr\.?\s*[1-4])\s+(?P<a>\d\d)/(?P<b>\d\d)\b", re.IGNORECASE)
MONTH_RANGE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>(?:19|20)\d\d))?\s*"
    rf"(?:to|until|-|–|and)\s*(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m2>{_MONTH})\s+(?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
MONTH_PERIOD_RE = re.compile(r"\b(?:Month|Period|P)\s?(?P<n>1[0-2]|[1-9])\b(?!\s*(?:%|per))")
REPORTISH = re.compile(r"report|monitoring|performance|quarter|budget|progress|outturn|scorecard|dashboard|"
                       r"\bQ[1-4]\b|forecast", re.IGNORECASE)


def fiscal_year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def quarter_dates(start_year: int, q: int) -> tuple[date, date]:
    """Quarter 1 is April–June of the fiscal year that starts in `start_year`."""
    first_month = 4 + 3 * (q - 1)
    year = start_year + (1 if first_month > 12 else 0)
    first_month = (first_month - 1) % 12 + 1
    last_month = first_month + 2
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def fiscal_start_of(d: date) -> int:
    return d.year if d.month >= 4 else d.year - 1


def _quarter(m: re.Match) -> int:
    raw = (m.group("q1") or m.group("q2") or m.group("q3")).lower()
    return _WORDS[raw]


def _fy(text: str, near: int | None = None) -> tuple[int, re.Match] | None:
    best = None
    for m in FY_RE.finditer(text):
        y1, y2 = int(m.group("y1")), m.group("y2")
        y2n = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2n != y1 + 1:
            continue
        dist = abs(m.start() - near) if near is not None else m.start()
        if best is None or dist < best[0]:
            best = (dist, y1, m)
    if best is None:
        m = SHORT_FY_RE.search(text)
        if m and int(m.group("b")) == (int(m.group("a")) + 1) % 100:
            return 2000 + int(m.group("a")), m
        return None
    return best[1], best[2]


_YEAR = re.compile(r"(?:19|20)\d\d\b")


def _month_ranges(text: str) -> Iterator[re.Match]:
    """MONTH_RANGE_RE's matches, found from the year that ends each one.

    Every range ends "<month> <year>", so the pattern is tried only in a short window before each
    year: run over a whole page it was the slowest search in extraction (0.07 ms a page).
    """
    last_end = 0
    for y in _YEAR.finditer(text):
        if y.start() < last_end:
            continue
        m = MONTH_RANGE_RE.search(text, max(last_end, y.start() - 80), y.end())
        if m and m.end() == y.end():
            last_end = m.end()
            yield m


def _month_range(text: str) -> tuple[int | None, int, date, date, re.Match] | None:
    """'1 April to 30 June 2019' / 'July to September 2022' -> (quarter|None, fy start, start, end)."""
    for m in _month_ranges(text):
        m1, m2 = MONTHS[m.group("m1").lower().rstrip(".")], MONTHS[m.group("m2").lower().rstrip(".")]
        y2 = int(m.group("y2"))
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if m1 <= m2 else y2 - 1)
        start = date(y1, m1, int(m.group("d1")) if m.group("d1") else 1)
        try:
            end = date(y2, m2, int(m.group("d2")) if m.group("d2") else calendar.monthrange(y2, m2)[1])
        except ValueError:
            continue
        if end <= start or (end - start).days > 370:
            continue
        fy = fiscal_start_of(start)
        q = None
        for cand in range(1, 5):
            qs, qe = quarter_dates(fy, cand)
            if start == qs and end == qe:
                q = cand
        return q, fy, start, end, m
    return None


def find_period(title: str | None, body: str, body_offset: int, meeting: date | None,
                title_offset: int = 0) -> ReportPeriod | None:
    """The reporting period of an item, looking at the title first, then the body."""
    title = title or ""
    q = fy = None
    start = end = None
    ev: tuple[int, int] | None = None
    tq = QUARTER_RE.search(title)
    if tq:
        q = _quarter(tq)
        ev = (title_offset + tq.start(), title_offset + tq.end())
    tfy = _fy(title)
    if tfy:
        fy = tfy[0]
        m = tfy[1]
        ev = (title_offset + min(m.start(), tq.start() if tq else m.start()),
              title_offset + max(m.end(), tq.end() if tq else m.end()))
    if q is None:
        mr = _month_range(body)
        bq = QUARTER_RE.search(body)
        if mr and (mr[0] is not None or not bq):
            q, fy_r, start, end, m = mr
            fy = fy if fy is not None else fy_r
            ev = (body_offset + m.start(), body_offset + m.end())
        elif bq:
            q = _quarter(bq)
            ev = (body_offset + bq.start(), body_offset + bq.end())
        else:
            mp = MONTH_PERIOD_RE.search(title) or MONTH_PERIOD_RE.search(body)
            if mp and REPORTISH.search(title + " " + body[:400]):
                n = int(mp.group("n"))
                q = (n - 1) // 3 + 1
                ev = (body_offset + mp.start(), body_offset + mp.end())
                fyb = _fy(title) or _fy(body, mp.start())
                fy = fyb[0] if fyb else (fiscal_start_of(meeting) if meeting else None)
                if fy is not None:
                    month = (n + 2) % 12 + 1
                    year = fy + (1 if month < 4 else 0)
                    start, end = date(fy, 4, 1), date(year, month, calendar.monthrange(year, month)[1])
                    return ReportPeriod(fiscal_year_label(fy), q, start, end, _ev_text(title, body, ev,
                                        body_offset, title_offset), Span(*ev))
    if q is None and fy is None:
        return None
    if fy is None:
        near = _fy(body, (ev[0] - body_offset) if ev and ev[0] >= body_offset else None)
        if near:
            fy = near[0]
        elif meeting and q:
            fy = _latest_fy_for_quarter(q, meeting)
    if fy is None:
        return None
    if q is not None and start is None:
        start, end = quarter_dates(fy, q)
    elif start is None:
        start, end = date(fy, 4, 1), date(fy + 1, 3, 31)
    return ReportPeriod(fiscal_year_label(fy), q, start, end,
                        _ev_text(title, body, ev, body_offset, title_offset), Span(*ev))


def _ev_text(title: str, body: str, ev: tuple[int, int], body_offset: int, title_offset: int) -> str:
    s, e = ev
    if title_offset <= s and e <= title_offset + len(title):
        return title[s - title_offset:e - title_offset]
    return body[s - body_offset:e - body_offset]


def _latest_fy_for_quarter(q: int, meeting: date) -> int:
    """The fiscal year whose quarter q ended most recently before the meeting."""
    fy = fiscal_start_of(meeting)
    for cand in (fy, fy - 1):
        _, qe = quarter_dates(cand, q)
        if qe < meeting:
            return cand
    return fy - 1
