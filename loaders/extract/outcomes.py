"""Resolutions, follow-up actions and attendance: what the meeting decided, asked for, and who came and went."""

from __future__ import annotations

import re

from .attendance import read_lists
from .lexicon import Folded
from .people import role_kind, split_name
from .records import Mention, Person, Span, Statement
from .segment import Block, Sentence, cues

RESOLUTION_START = re.compile(
    r"^(?:(?:RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision|RECOMMENDED|Recommended|Decided|DECIDED)"
    r"\b[^:\n]{0,40}(?::|\s*[-–]|\s+that\b|\s*$)|That\s+(?:the\s+)?(?:Committee|Panel|Board|Cabinet|Council|"
    r"Sub-Committee|Members)\b[^\n]{0,60}?\b(?:noted|agreed|resolved|approved|endorsed)\b[^\n]{0,30}?"
    r"(?:following|below|:)\s*:?\s*$)"
)
_ACTION = Folded(
    r"\b(?:(?:should|would|will|to|could)\s+(?:also\s+)?receive\s+(?:an?\s+)?(?:further\s+)?(?:update|report|"
    r"briefing|breakdown|information)|"
    r"(?:would|will|to|should|\bbe)\s+(?:be\s+)?(?:provided|circulated|shared|sent|brought|reported|held|arranged|added|"
    r"scheduled|included|given|made available|followed up|forwarded|distributed|presented|considered|"
    r"submitted|reviewed|updated|investigated|looked into|explored|published|taken|placed|sought|covered|"
    r"involved|scrutinised|implemented|written|discussed|reflected|circulated)\b|"
    r"(?:would|will|to)\s+continue\s+to\s+be\s+monitored|"
    r"\b(?:in\s+future\s+(?:reports|meetings|updates)|(?:at|to)\s+a\s+future\s+meeting)\b|"
    r"(?:officers?|chair(?:man|person)?|leader|director|manager|head\s+of\s+\w+)\s+(?:would\s+|to\s+|agreed\s+to\s+)"
    r"(?:check|review|issue|remove|speak\s+to|look\s+(?:at|into)|develop|incorporate|finalise|confirm)\b|"
    r"(?:would|will|to)\s+(?:also\s+)?(?:write\s+to|advise\s+(?:the\s+)?(?:committee|panel|board|members)|"
    r"liaise\s+with|provide\s+(?:a\s+|an\s+)?(?:written|further|more|update|details|information|figures|data|"
    r"briefing|breakdown|report))|"
    r"(?:agreed|undertook|offered|promised|committed)\s+to\s+(?:provide|circulate|share|send|bring|report|"
    r"arrange|add|look|investigate|follow|find|write|check|review|update|explore|come back|feed back|advise|"
    r"discuss|establish|monitor|involve|meet|contact|liaise|seek|confirm|clarify|pursue|consider)|"
    r"report(?:ing)?\s+back|come\s+back\s+to|\(action:?\s*[^)]+\)|^action\s*:|^requested\b|"
    r"\brequested\s+that\b|(?:include|included|add|added|placed|put|scheduled)\s+(?:\w+\s+){0,4}(?:on|in|to|into)\s+"
    r"the\s+(?:\w+['’]s\s+)?(?:forward\s+)?work\s+programme)"
)
_ACTION_WORDS = ("future", "check", "issue", "remove", "speak", "look", "develop", "incorporate", "finalise",
                 "confirm", "write", "advise", "liaise", "provide", "placed", "sought", "covered", "monitored",
                 "involved", "scrutinised", "implemented", "written", "discussed", "reflected", "receive",
                 "provided", "circulated", "shared", "sent", "brought", "reported", "held", "arranged",
                 "added", "scheduled", "included", "given", "available", "followed", "forwarded", "distributed",
                 "presented", "considered", "submitted", "reviewed", "updated", "investigated", "looked",
                 "explored", "published", "taken", "undert", "agreed", "offered", "promised", "committed",
                 "report", "come back", "action", "requested", "programme")
_CLAUSE_SPLIT = re.compile(r",\s+(?:and\s+)?(?=(?:he|she|they|it was|members)\s+(?:also\s+)?"
                           r"(?:added|suggested|asked|requested|noted|said)\b)|;\s+", re.IGNORECASE)
# procedure, not a follow-up: urgency and exclusion of the press, emergency drills, agenda lines ("To receive ...")
_PROCEDURAL = re.compile(r"matter\s+of\s+urgency|press\s+and\s+public\s+(?:be\s+)?excluded|in\s+(?:the\s+)?"
                         r"(?:case|event)\s+of\s+(?:an?\s+)?(?:emergency|fire|evacuation)|^\s*To\s+(?:receive|consider|"
                         r"note|approve|agree)\b|proposed\s+to\s+be\s+taken|declare\s+any\s+interests?|goods\s+or\s+services",
                         re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:this|that|it|these|they)\s+(?:would|will)\s+be\s+\w+(?:\s+(?:further|later|"
                    r"in\s+due\s+course|outside\s+the\s+meeting))?\W*$", re.IGNORECASE)
ATTEND = [
    ("left", re.compile(r"\b(?:had\s+)?left\s+the\s+(?:meeting|room|chamber)|"
                        r"\bleave\s+the\s+(?:meeting|room|chamber)|\bleft\s+at\s+\d|"
                        r"\bdeparted\b|\bwithdrew\s+from\s+the\s+meeting", re.IGNORECASE)),
    ("arrived", re.compile(r"\b(?:arrived|joined\s+the\s+meeting|entered\s+the\s+meeting|was\s+(?:now\s+)?"
                           r"present\s+at)\b", re.IGNORECASE)),
    ("apologies", re.compile(r"\bapologies\b", re.IGNORECASE)),
    ("substitute", re.compile(r"\bsubstitut\w*\b|\bin\s+place\s+of\b", re.IGNORECASE)),
    ("present", re.compile(r"^\s*(?:Present|In attendance)\s*:", re.IGNORECASE)),
]


_ATTEND_WORDS = ("leave", "left", "arrived", "joined", "entered", "apologies", "substitut", "place", "present",
                 "attendance", "departed", "withdrew")  # cue words: a sentence without one has no event


def resolution_start(text: str, blocks: list[Block], body_start: int, body_end: int) -> int:
    """Offset where the decision text starts (end of discussion), or body_end if none."""
    for b in blocks:
        if b.span.start < body_start or b.span.start >= body_end:
            continue
        line = text[b.span.start:b.span.end]
        if RESOLUTION_START.match(line) and not b.is_list_item:
            return b.span.start
    return body_end


def resolutions(text: str, blocks: list[Block], start: int, end: int) -> list[Statement]:
    out: list[Statement] = []
    for b in blocks:
        if b.span.start < start or b.span.end > end:
            continue
        s, e = b.span.start, b.span.end
        body = text[s:e]
        head = RESOLUTION_START.match(body)
        if head:
            rest = body[head.end():].strip()
            if not rest or rest.endswith(":") and len(rest) < 80:
                continue
            s = e - len(body[head.end():].lstrip())
        out.append(Statement(text=text[s:e], span=Span(s, e)))
    return out


def actions(text: str, sents: list[Sentence], extra: list[Statement]) -> list[Statement]:
    out: list[Statement] = []
    spans = [(s.span.start, s.span.end) for s in sents] + [(r.span.start, r.span.end) for r in extra]
    for k in sorted(cues(text, spans, [_ACTION_WORDS])):
        s, e = spans[k]
        for ps, pe in _split_clauses(text, s, e):
            clause = text[ps:pe]
            if _ACTION.search(clause) and not _VAGUE.search(clause.strip()) and not _PROCEDURAL.search(clause) and \
                    not clause.rstrip().endswith("?"):
                out.append(Statement(text=clause.strip(), span=Span(ps, pe)))
    seen: set[tuple[int, int]] = set()
    unique = []
    for st in out:
        key = (st.span.start, st.span.end)
        if key not in seen:
            seen.add(key)
            unique.append(st)
    return unique


def _split_clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    cuts = [s]
    for m in _CLAUSE_SPLIT.finditer(text, s, e):
        cuts.append(m.end())
    cuts.append(e)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg_end = b
        # trim the separator that ended this clause
        while seg_end > a and text[seg_end - 1] in " ,;":
            seg_end -= 1
        if seg_end > a:
            out.append((a, seg_end))
    return out


def attendance(text: str, blocks: list[Block], sents: list[Sentence], people: list[Person],
               preamble: list[Block] = (), list_blocks: list[Block] | None = None) -> list[Statement]:
    """Attendance events: each entry of the page's lists, then comings and goings sentence by sentence.

    `list_blocks`: where attendance lists are read (the whole page: a meeting's lists head it);
    by default the preamble and `blocks`.
    """
    listed = attendance_lists(text, list_blocks if list_blocks is not None else
                              [*preamble, *(b for b in blocks if b not in preamble)], people)
    out: list[Statement] = []
    units = [(s.span.start, s.span.end) for s in sents]
    seen: set[tuple[str, str]] = set()
    for st in listed:
        if (st.person, st.event) not in seen:
            seen.add((st.person, st.event))
            out.append(st)
    for k in sorted(cues(text, units, [_ATTEND_WORDS])):
        s, e = units[k]
        chunk = text[s:e]
        for event, rx in ATTEND:
            m = rx.search(chunk)
            if not m:
                continue
            if event in ("apologies", "substitute", "present") and any(s <= st.span.start < e for st in listed):
                break  # the list in this sentence was read entry by entry
            mentioned = []
            for p in people:
                for mn in p.mentions:
                    if s <= mn.span.start < e and mn.kind != "pronoun":
                        mentioned.append((mn.span.start, p))
            mentioned.sort(key=lambda t: t[0])
            if event in ("left", "arrived"):
                mentioned = [t for t in mentioned if t[0] < s + m.start()]
            elif event == "substitute":
                mentioned = mentioned[:1]
            for _, p in mentioned:
                if (p.key, event) in seen:
                    continue
                seen.add((p.key, event))
                out.append(Statement(text=chunk, span=Span(s, e), person=p.key, event=event))
            break
    return out


def _person_for(name: str, span: Span, councillor: bool, role: str | None, people: list[Person], text: str) -> Person:
    """The document's person with this name (a mention inside the span first), else a new Person."""
    parts = split_name(name)
    fits = [p for p in people if p.name and split_name(p.name).compatible(parts)]
    inside = [p for p in fits if any(span.start <= m.span.start < span.end for m in p.mentions)]
    person = (inside or fits or [None])[0]
    mention = Mention(text[span.start:span.end], span, "name")
    if person is None:
        kind = "councillor" if councillor else role_kind(role) if role else "other"
        used = {p.key for p in people}
        n = len(people) + 1
        while f"p{n}" in used:
            n += 1
        person = Person(key=f"p{n}", name=name, kind=kind, role=role, mentions=[mention])
        people.append(person)
    elif not inside:
        person.mentions.append(mention)
        person.mentions.sort(key=lambda m: m.span.start)
    return person


_NOT_A_ROLE = re.compile(r"\b(?:chair|chairman|vice|substitute|in the|sat|audience)\b", re.IGNORECASE)


def attendance_lists(text: str, blocks: list[Block], people: list[Person]) -> list[Statement]:
    """One event per list entry (attendance.read_lists), each entry found as a person of the document.

    The people finder reads the same lists, so an entry is normally a person already; one it passed
    over (a lone surname) is added here.
    """
    out: list[Statement] = []
    for entry in read_lists(text, blocks):
        role = entry.bracket if entry.bracket and not _NOT_A_ROLE.search(entry.bracket) else None
        p = _person_for(entry.name, entry.span, entry.councillor, role, people, text)
        out.append(Statement(text=text[entry.span.start:entry.span.end], span=entry.span, person=p.key,
                             event=entry.event))
    return out
