"""Reporting periods in the many ways councils write them, mapped to the April–March year.

"Q4 2022-23", "Quarter One 2023/24", "quarter two, July to September 2022", "1 April to 30 June
2019", "2nd Qtr 2009/10", "Month 6", "Period 7". A quarter with no year in the title takes the
year stated nearest to it in the text, else the most recent such quarter before the meeting.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from . import compiled_re as re
from .lexicon import Lazy, exact_lower
from .records import ReportPeriod, Span


class _case_blind:  # noqa: N801 - reads as the re.compile it stands for
    """A case-insensitive pattern: in lower case on `exact_lower` text, else with IGNORECASE.

    `needs`: words (lower case) one of which every match holds. These patterns open with "\\b" and a
    group, which the engine can skip ahead on no better than to every word, over a whole item's text;
    a page without one of the words is answered by a few `in` tests instead.
    """

    __slots__ = ("lower", "any_case", "needs")

    def __init__(self, pattern: str, needs: tuple[str, ...] = ()) -> None:
        assert not re.search(r"\\[A-Z]", pattern)  # lower-casing must not turn \S into \s
        self.lower = re.compile(re.sub(r"\(\?p([<=])", r"(?P\1", pattern.lower()))  # group names stay "(?P<"
        self.any_case = Lazy(pattern, re.IGNORECASE)
        self.needs = needs

    def search(self, text: str, pos: int = 0, endpos: int | None = None, *, low: str | None = None) -> re.Match | None:
        """As re.Pattern.search; `low` is exact_lower(text), or None where it could not be had."""
        end = len(text) if endpos is None else endpos
        if low is None:
            return self.any_case.search(text, pos, end)
        if self.needs and not any(w in low for w in self.needs):
            return None
        return self.lower.search(low, pos, end)

    def finditer(self, text: str):
        low = exact_lower(text)
        return self.lower.finditer(low) if low is not None else self.any_case.finditer(text)

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
          "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# The case-blind patterns below run in lower case on lower-cased text (lexicon.exact_lower), and
# with IGNORECASE, compiled when first needed, on the rare text where that would not be exact.
QUARTER_RE = _case_blind(
    r"\b(?:Q(?P<q1>[1-4])|(?:Quarter|Qtr\.?)\s*(?P<q2>[1-4]|one|two|three|four)|"
    r"(?P<q3>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr\.?))\b",
    needs=("q1", "q2", "q3", "q4", "quarter", "qtr"),
)
# "\b19|\b20" written so the pattern starts with "1" or "2": the engine skips to those digits
FY_RE = re.compile(r"(?P<y1>(?:1(?<!\w1)9|2(?<!\w2)0)\d\d)\s*[/\-–]\s*(?P<y2>\d{4}|\d{2})\b")
SHORT_FY_RE = _case_blind(r"\b(?:Q[1-4]|Qtr\.?\s*[1-4])\s+(?P<a>\d\d)/(?P<b>\d\d)\b",
                          needs=("q1", "q2", "q3", "q4", "qtr"))
MONTH_RANGE_RE = _case_blind(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>(?:19|20)\d\d))?\s*"
    rf"(?:to|until|-|–|and)\s*(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m2>{_MONTH})\s+(?P<y2>(?:19|20)\d\d)\b"
)
# "\b(?:[Mm]onth|[Pp]eriod|P)", started by one class so the engine skips to those letters
MONTH_PERIOD_RE = re.compile(r"[MmPp](?<!\w[MmPp])(?:(?<=[Mm])onth|(?<=[Pp])eriod|(?<=P))"
                             r"\s?(?P<n>1[0-2]|[1-9])\b(?!\s*(?:%|per))")
# "the first nine months of the (financial) year": month-based monitoring in words
_NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12}
FIRST_MONTHS_RE = _case_blind(r"\b(?:first|opening)\s+(?P<n>three|four|five|six|seven|eight|nine|ten|eleven|"
                              r"twelve|\d{1,2})\s+months\s+of\s+the\s+(?:financial\s+|current\s+|municipal\s+)?year\b",
                              needs=("months",))
# "December's budget monitoring", "period ending September 2013", "as at the end of June": the last month covered
MONTH_END_RE = _case_blind(rf"\b(?:(?P<m1>{_MONTH})['’]s\s+(?:revenue\s+|capital\s+)?(?:budget|monitoring|"
                          rf"performance|financial|forecast)|(?:period|quarter|year|months?)\s+(?:ending|ended|to)\s+"
                          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m2>{_MONTH})(?:\s+(?P<y>(?:19|20)\d\d))?|"
                          rf"as\s+at\s+(?:the\s+)?end\s+of\s+(?P<m3>{_MONTH})(?:\s+(?P<y3>(?:19|20)\d\d))?)")
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


def _fy(text: str, near: int | None = None, low: str | None = None) -> tuple[int, re.Match] | None:
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
        m = SHORT_FY_RE.search(text, low=low)
        if m and int(m.group("b")) == (int(m.group("a")) + 1) % 100:
            return 2000 + int(m.group("a")), m
        return None
    return best[1], best[2]


_YEAR = re.compile(r"(?:19|20)\d\d\b")
_UNSET = object()


def _month_ranges(text: str, low: str | None | object = _UNSET) -> Iterator[re.Match]:
    """MONTH_RANGE_RE's matches, found from the year that ends each one.

    Every range ends "<month> <year>", so the pattern is tried only in a short window before each
    year: run over a whole page it was the slowest search in extraction (0.07 ms a page).
    """
    low = exact_lower(text) if low is _UNSET else low
    last_end = 0
    for y in _YEAR.finditer(text):
        if y.start() < last_end:
            continue
        m = MONTH_RANGE_RE.search(text, max(last_end, y.start() - 80), y.end(), low=low)
        if m and m.end() == y.end():
            last_end = m.end()
            yield m


def _month_range(text: str, low: str | None) -> tuple[int | None, int, date, date, re.Match] | None:
    """'1 April to 30 June 2019' / 'July to September 2022' -> (quarter|None, fy start, start, end)."""
    for m in _month_ranges(text, low):
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
    tlow, blow = exact_lower(title), exact_lower(body)
    tq = QUARTER_RE.search(title, low=tlow)
    if tq:
        q = _quarter(tq)
        ev = (title_offset + tq.start(), title_offset + tq.end())
    tfy = _fy(title, low=tlow)
    if tfy:
        fy = tfy[0]
        m = tfy[1]
        ev = (title_offset + min(m.start(), tq.start() if tq else m.start()),
              title_offset + max(m.end(), tq.end() if tq else m.end()))
    if q is None:
        mr = _month_range(body, blow)
        bq = QUARTER_RE.search(body, low=blow)
        if mr and (mr[0] is not None or not bq):
            q, fy_r, start, end, m = mr
            fy = fy if fy is not None else fy_r
            ev = (body_offset + m.start(), body_offset + m.end())
        elif bq:
            q = _quarter(bq)
            ev = (body_offset + bq.start(), body_offset + bq.end())
        else:
            month = _month_number(title, body, tlow, blow)
            if month and REPORTISH.search(title + " " + body[:400]):
                n, mstart, mend, year_fy = month
                q = (n - 1) // 3 + 1
                ev = (body_offset + mstart, body_offset + mend) if mstart >= 0 else \
                    (title_offset - mstart - 1, title_offset - mend - 1)
                fyb = _fy(title, low=tlow) or _fy(body, max(mstart, 0), blow)
                fy = year_fy if year_fy is not None else fyb[0] if fyb else \
                    (fiscal_start_of(meeting) if meeting else None)
                if fy is not None:
                    month = (n + 2) % 12 + 1
                    year = fy + (1 if month < 4 else 0)
                    start, end = date(fy, 4, 1), date(year, month, calendar.monthrange(year, month)[1])
                    return ReportPeriod(fiscal_year_label(fy), q, start, end, _ev_text(title, body, ev,
                                        body_offset, title_offset), Span(*ev))
                return ReportPeriod(None, q, None, None, _ev_text(title, body, ev, body_offset, title_offset),
                                    Span(*ev))
            if fy is None:  # "Annual report", "outturn": a fiscal year stated in the text, no shorter period
                bfy = _fy(body, low=blow)
                if bfy:
                    fy = bfy[0]
                    ev = (body_offset + bfy[1].start(), body_offset + bfy[1].end())
    if q is None and fy is None:
        return None
    if fy is None:
        near = _fy(body, (ev[0] - body_offset) if ev and ev[0] >= body_offset else None, blow)
        if near:
            fy = near[0]
        elif meeting and q:
            fy = _latest_fy_for_quarter(q, meeting)
    if fy is None:  # "Quarter 4 Performance Report" with no year anywhere: the quarter alone
        return ReportPeriod(None, q, None, None, _ev_text(title, body, ev, body_offset, title_offset),
                            Span(*ev)) if q is not None and ev else None
    if q is not None and start is None:
        start, end = quarter_dates(fy, q)
    elif start is None:
        start, end = date(fy, 4, 1), date(fy + 1, 3, 31)
    return ReportPeriod(fiscal_year_label(fy), q, start, end,
                        _ev_text(title, body, ev, body_offset, title_offset), Span(*ev))


def _month_number(title: str, body: str, tlow: str | None, blow: str | None) -> tuple[int, int, int, int | None] | None:
    """The last month of the year a report covers (1 = April): (n, start, end, fiscal year or None).

    Offsets are in the body; a match in the title is returned as -(offset + 1).
    """
    for src, sign, low in ((title, -1, tlow), (body, 1, blow)):
        found = []
        m = MONTH_PERIOD_RE.search(src)
        if m:
            found.append((m.start(), int(m.group("n")), m, None))
        m = FIRST_MONTHS_RE.search(src, low=low)
        if m:
            raw = m.group("n").lower()
            n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
            if 1 <= n <= 12:
                found.append((m.start(), n, m, None))
        m = MONTH_END_RE.search(src, low=low)
        if m:
            name = (m.group("m1") or m.group("m2") or m.group("m3")).lower().rstrip(".")
            cal = MONTHS[name]
            y = m.group("y") or m.group("y3")
            fy = fiscal_start_of(date(int(y), cal, 1)) if y else None
            found.append((m.start(), (cal - 4) % 12 + 1, m, fy))
        if found:
            _, n, m, fy = min(found, key=lambda t: t[0])
            if sign < 0:
                return n, -m.start() - 1, -m.end() - 1, fy
            return n, m.start(), m.end(), fy
    return None


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
