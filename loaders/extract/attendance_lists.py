"""Attendance lists: who the minutes print as present, sending apologies or substituting.

Minutes head a meeting with lists ("Present: Cllr A Smith (Chair), Cllr B Jones", "Officers: D Lee
(Clerk)", "Apologies for absence were received from Councillors Brown and Green", "Councillor C Hill
for Councillor D Ward", a members line with no label at all). Two steps need them: the people finder
(a list names people no other rule finds, "Present: A Powrie, B Marks") and the attendance events
(every entry is an event). Both read lists here, so a list is parsed one way and its two uses
cannot drift apart. This module only reads text; matching entries to people is the caller's.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import compiled_re as re
from .lexicon import NOT_NAME, lower_is_exact
from .records import Span
from .segment import Block, cues, lowered

# A list's label, with the event its entries record. "Other Members" attend without being members
# of the committee (present); "Absent" lists are recorded as apologies (the contract has no absent).
_LABEL = re.compile(
    r"\b(?:(?P<officers>(?:Other\s+)?Officers(?:\s+present|\s+in\s+attendance)?|(?:Also\s+)?in\s+attendance)|"
    r"(?P<present>(?<!not\s)Present|Also\s+present|(?:Other\s+)?(?:Members|Councillors)\s+present|Other\s+(?:Members|"
    r"Councillors))|(?P<apologies>Apologies(?:\s+for\s+absence)?|Absent|(?:Members\s+)?not\s+present)|"
    r"(?P<substitute>Substitute(?:s|\s+Members?)?))\s*:[ \t]*"
    r"|(?P<sentence>apolog(?:ies|y))\s+(?:for\s+absence\s+)?(?:had\s+been|have\s+been|were|was|are|is)\s+(?:also\s+)?(?:received|"
    r"submitted|made|given|tendered|noted|reported|intimated)\s+(?:on\s+behalf\s+of|from|by)\s+"
    r"|(?P<present_sentence>(?:also\s+)?(?:present|in\s+attendance))\s+(?:were|was)\s+(?:also\s+)?",
    re.IGNORECASE)
# _LABEL in lower case, run on the lower-cased page where that is exact (lexicon.exact_lower):
# with IGNORECASE the engine enters every branch at every word, in lower case it rejects most on their
# first letter
_LABEL_LOW = re.compile(re.sub(r"\(\?p([<=])", r"(?P\1", _LABEL.pattern.lower()))  # group names stay "(?P<"
# a block can hold a list when it has a label word and a colon, or a list sentence's words ("present" alone
# is in every "presented the report")
_SENTENCE_CUES = ("apolog", "substitut", "present w", "attendance w")
_TITLED_START = ("Coun", "coun", "COUN", "Cllr", "cllr", "CLLR")  # blocks start at their first character
_LABEL_CUES = ("present", "attendance", "absent", "other members", "other councillors", "officers")
# a list ends at a sentence's full stop, not at an initial's or a title's ("Cllr J. Smith, Dr. K. Lane")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!Cllr)(?<!Mrs)(?<!Mr)(?<!Ms)(?<!Dr)\.(?=\s|$)")
_CLAUSE_COLON = re.compile(r":(?=\s)")
_SEPARATOR = re.compile(r"\s*(?:[,;]|\band\b|&)\s*|$")
_TITLE = re.compile(r"(?:(?:County\s+)?(?:Councillors?|Cllrs?)|Mr|Mrs|Ms|Miss|Mx|Dr|Prof(?:essor)?|Sir|Dame|"
                    r"Alderman|Bailie|Provost|Rev(?:erend)?)(?:\.?\s+|\.(?-i:(?=[A-Z])))", re.IGNORECASE)
_COUNCILLOR_TITLE = re.compile(r"(?:County\s+)?(?:Councillors?|Cllrs?)\b", re.IGNORECASE)
_PLURAL_TITLE = re.compile(r"(?:County\s+)?(?:Councillors|Cllrs)\b", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-ÞŴŶ][\w’'\-]*\.?$")
_NOT_NAME = {"council", "committee", "officer", "officers", "members", "member", "chair", "chairman",
             "the", "all", "none", "other", "public", "no", "nil", "substitute", "vice", "present", "apologies"}
# a role after a dash ("Cllr A Bell – Vice Chair") belongs to the entry, as a bracket does
_DASH_ROLE = re.compile(r"\s+[–—-]\s+\S.*$")
_PAREN_SUB = re.compile(r"\(\s*(?:substitute[:\s]+(?:(?:Councillor|Cllr)\.?\s*)?(?P<n1>[A-Z][\w.’'\- ]{1,40}?)\s*\)|"
                        r"(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?P<n2>[A-Z][\w.’'\- ]{1,40}?),?\s+"
                        r"(?:[^()]{0,40}?)(?:attended|was\s+present|present)\s+(?:as\s+(?:an?\s+|the\s+|her\s+|his\s+|"
                        r"their\s+)?(?:substitute|alternate|deputy)|in\s+(?:his|her|their)\s+(?:absence|place)\s*\)))",
                        re.IGNORECASE)
_SUB_PAIR = re.compile(r"C(?<!\wC)(?:ouncillor|llr)\.?\s*(?P<a>[A-Z][\w.’'\- ]{1,40}?)\s+(?:for|substitut\w*\s+for|"
                       r"in\s+place\s+of|replacing)\s+(?:Councillor|Cllr)\.?\s*(?P<b>[A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+)*)")
_BLANK = " \t\n\u00a0?"
_PROSE = re.compile(r"\s+(?=(?:who|which|with|as|due|owing|because|and|for|but|had|has|was|were|is)\b)")
_SUB_MARK = re.compile(r"\(\s*substitute\s*\)", re.IGNORECASE)


@dataclass(frozen=True)
class ListEntry:
    """One name of an attendance list, with the evidence it was read from."""

    span: Span  # the entry as printed: title, name and bracket ("Cllr A Bell (Chair)")
    name: str  # initials or given names and surname, titles and dots dropped ("A Bell")
    name_span: Span  # where that name is printed
    event: str  # present | apologies | substitute
    bracket: str | None  # what the entry's bracket (or dash) says: a role, "in the chair", ...
    councillor: bool  # printed with a councillor's title, or under "Councillors A, B and C"
    officers: bool  # under an "Officers" or "In attendance" label: staff unless a role says otherwise


def read_lists(text: str, blocks: list[Block]) -> list[ListEntry]:
    """Every attendance-list entry in `blocks` (in page order), read from labels, sentences and member lines.

    The people finder and the attendance events ask for the same page's lists: the second asking is
    answered from a small cache.
    """
    key = (text, tuple(b.span.start for b in blocks))  # a page's blocks are fixed by its text
    got = _CACHE.get(key)
    if got is None:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        got = _CACHE[key] = _read_lists(text, blocks)
    return list(got)


_CACHE: dict[tuple[str, tuple[int, ...]], tuple[ListEntry, ...]] = {}


def _read_lists(text: str, blocks: list[Block]) -> tuple[ListEntry, ...]:
    out: list[ListEntry] = []
    hits = cues(text, [(b.span.start, b.span.end) for b in blocks],
                [_SENTENCE_CUES, (":",), _LABEL_CUES, ("substitut",)])
    cued = {k for k, groups in hits.items() if 0 in groups or {1, 2} <= groups}
    used: set[int] = set()  # blocks already read as the continuation of a label printed alone
    low = lowered(text) if cued else None  # the page's lower case, shared with the other steps
    if low is not None and not lower_is_exact(text, low):  # "ı" or "ſ", which IGNORECASE reads as i and s
        low = None
    label, subject = (_LABEL_LOW, low) if low is not None else (_LABEL, text)
    for k, b in enumerate(blocks):
        if k in used:
            continue
        bs, be = b.span.start, b.span.end
        titled_line = text.startswith(_TITLED_START, bs)
        if not titled_line and k not in hits:
            continue
        found = False
        labels = list(label.finditer(subject, bs, be)) if k in cued else []
        for i, m in enumerate(labels):
            event = ("present" if m.group("present") or m.group("officers") or m.group("present_sentence") else
                     "substitute" if m.group("substitute") else "apologies")
            sentence = bool(m.group("sentence") or m.group("present_sentence"))
            officers = bool(m.group("officers"))
            stop = labels[i + 1].start() if i + 1 < len(labels) else be
            end = _SENTENCE_END.search(text, m.end(), stop)
            if sentence:  # "... from A and B: C attended as her alternate": the clause after a colon is prose
                colon = _CLAUSE_COLON.search(text, m.end(), end.start() if end else stop)
                end = colon or end
            got = _read_lines(text, m.end(), end.start() if end else stop, event, officers, sentence=sentence)
            if not got and not text[m.end():stop].strip():
                # the label printed alone ("In attendance:"), its names in the blocks that follow
                for j in range(k + 1, len(blocks)):
                    nb = blocks[j]
                    if j in cued and label.search(subject, nb.span.start, nb.span.end):
                        break
                    more = _entries(text, nb.span.start, nb.span.end, event, officers, strict=True)
                    if not more or not all(x.councillor or x.span.start < x.name_span.start or " " in x.name
                                           for x in more):
                        break  # a lone untitled word ("Welcome") is a heading, not a name
                    got += more
                    used.add(j)
            out += got
            found = found or bool(got)
        if not found and titled_line and "\n" not in text[bs:be].strip() and \
                text.count(",", bs, be) + text.count(";", bs, be) >= 2:
            # printed minutes: the members-present line with no label ("Councillor A (Chair); Councillors B, C"),
            # recorded as its heading says ("Apologies for Absence" above it), not at all under "Membership"
            event = _heading_event(text, blocks[k - 1]) if k else "present"
            entries = _entries(text, bs, be, event, False, strict=True) if event else []
            if len(entries) >= 3:
                out += entries
        if titled_line or 3 in hits.get(k, ()):
            for sm in _SUB_PAIR.finditer(text, bs, be):
                raw = sm.group("a").strip()
                a = sm.start("a")
                name = " ".join(t.rstrip(".") for t in raw.replace(".", ". ").split())
                out.append(ListEntry(Span(sm.start(), sm.end()), name, Span(a, a + len(raw)), "substitute", None,
                                     True, False))
    return tuple(out)


_HEADING = re.compile(r"\W*(?:\d{1,3}[a-z]?\.?\s+)?(?:(?P<apologies>apologies(?:\s+for\s+absence)?|absent|"
                      r"absences?)|(?P<substitute>substitut\w*(?:\s+members?)?)|(?P<none>(?:committee\s+)?membership|"
                      r"members(?:\s+of\s+the\s+\w+(?:\s+\w+){0,3})?|distribution|copies\s+to|circulation))"
                      r"(?:\s+and\s+\w+(?:\s+\w+){0,3})?\W*$", re.IGNORECASE)


def _heading_event(text: str, block: Block) -> str | None:
    """The event a heading gives the unlabelled name line under it; None under a membership heading."""
    m = _HEADING.match(text, block.span.start, block.span.end)
    if m is None or m.end() != block.span.end:
        return "present"
    return "apologies" if m.group("apologies") else "substitute" if m.group("substitute") else None


def _read_lines(text: str, s: int, e: int, event: str, officers: bool, *, sentence: bool) -> list[ListEntry]:
    """A labelled list, line by line: it ends at the first line after its first that names no one."""
    out: list[ListEntry] = []
    pos = s
    while pos < e:
        nl = text.find("\n", pos, e)
        line_end = e if nl < 0 else nl
        got = _entries(text, pos, line_end, event, officers, strict=sentence, sentence=sentence)
        if not got and (out or text[pos:line_end].strip()):
            break  # a line that names no one ends the list (a label alone on its line does not)
        out += got
        if sentence:
            break  # "Apologies were received from ...": the sentence's line only
        pos = line_end + 1
    return out


def _entries(text: str, s: int, e: int, event: str, officers: bool, *, strict: bool,
             sentence: bool = False) -> list[ListEntry]:
    """The names between s and e, split at commas, semicolons and 'and'.

    After a label an entry that is not a name ("Public attendance: 4", "and officers of the Council")
    is passed over; without one (`strict`: a sentence, an unlabelled line, a block after a label
    printed alone) any entry that is not a name means the text is not a list, and nothing is read.
    """
    out: list[ListEntry] = []
    subs: list[ListEntry] = []
    councillor = plural = False
    pos = s
    masked = re.sub(r"\([^()]*\)", lambda m: "(" + "x" * (len(m.group()) - 2) + ")", text[s:e])
    for m in _SEPARATOR.finditer(masked):
        a, b = pos, s + m.start()
        pos = s + m.end()
        raw = text[a:b]
        if raw.strip(_BLANK):  # "?" stands for a space lost in conversion ("and?Suthers")
            a += len(raw) - len(raw.lstrip(_BLANK))
            z = a + len(raw.strip(_BLANK))
            entry = _entry(text, a, z, event, officers, councillor, plural, subs)
            if entry is None and sentence and text[a].islower():
                break  # "..., who was unwell": the list has ended
            tail = _PROSE.search(text, a, z) if entry is None and sentence else None
            if tail:
                # "... from Councillor Bell, who was unwell" / "Cllr Bell with Cllr Dunn attending as substitute":
                # the name that opens the prose is the list's last entry
                entry = _entry(text, a, tail.start(), event, officers, councillor, plural, subs) or None
                if entry is not None and (entry.councillor or entry.span.start < entry.name_span.start or
                                          " " in entry.name):
                    out.append(entry)
                break
            if entry is None:
                if strict:
                    return []
            elif entry is not False:
                out.append(entry)
                councillor, plural = entry.councillor, plural or bool(_PLURAL_TITLE.match(text, a))
        if m.end() == m.start():
            break
    return out + subs


def _entry(text: str, a: int, z: int, event: str, officers: bool, councillor: bool, plural: bool,
           subs: list[ListEntry]) -> ListEntry | bool | None:
    """One entry read as a name; None when it is not one, False for a body to pass over ("NHS England")."""
    raw = text[a:z]
    sub = _PAREN_SUB.search(raw)
    if sub:
        g = "n1" if sub.group("n1") else "n2"
        name = sub.group(g).strip()
        toks = name.replace(".", ". ").split()
        if toks and toks[-1][:1].isupper():
            ns = a + sub.start(g)
            subs.append(ListEntry(Span(ns, ns + len(name)), " ".join(t.rstrip(".") for t in toks),
                                  Span(ns, ns + len(name)), "substitute", None, False, False))
    bracket_m = re.search(r"\(([^()]*)\)?", raw)
    dash = _DASH_ROLE.search(raw)
    cut = min(x.start() for x in (bracket_m, dash) if x) if bracket_m or dash else len(raw)
    bracket = (bracket_m.group(1) if bracket_m else dash.group(0).strip(" –—-") if dash else None)
    p = 0
    if _COUNCILLOR_TITLE.match(raw):
        councillor = True
    elif _TITLE.match(raw) and not plural:
        councillor = False
    while (t := _TITLE.match(raw, p, cut)) is not None:
        p = t.end()
    head = raw[p:cut].rstrip().rstrip(".").replace("?", " ")
    toks = head.replace(".", ". ").split()
    if not p and any(len(t.rstrip(".")) > 1 and t.isupper() for t in toks):
        return False  # "NHS England": the body a member is from (a title vouches for "Cllr A SMITH")
    if not 1 <= len(toks) <= 4 or not all(_NAME_TOKEN.match(t) for t in toks) or len(toks[-1].rstrip(".")) < 2 \
            or any(_not_a_name_word(t.lower().strip("."), titled=bool(p)) for t in toks):
        return None
    ns = a + p
    ne = ns + len(head.rstrip())
    ev = "substitute" if _SUB_MARK.search(raw) else event
    return ListEntry(Span(a, z), " ".join(t.rstrip(".") for t in toks), Span(ns, ne), ev,
                     bracket.strip() if bracket else None, councillor, officers)


def _not_a_name_word(word: str, *, titled: bool) -> bool:
    """A word no name has; untitled, also a word of a heading or a post ("Minutes", "Chief Executive")."""
    return word in _NOT_NAME or not titled and len(word) > 1 and word in NOT_NAME
