"""Extraction for a ModernGov web-service meeting (`loaders/moderngov.py`): facts first, then text.

What the XML states is taken as fact: the meeting's date, committee and id; one item per agenda
item (every one, however short: whether a document is minutes is judged for the meeting, which must
have some published minutes text); attendees as people with their member id, role and attendance;
linked documents as reports keyed on their attachment id. The minutes text of each item is then
read by the ordinary rules (people, questions and answers, resolutions, actions, indicators), and a
name found there joins the attendee it matches. Declarations of interest come from the item that
records them (and from any item whose `declarationcount` is above 0): each sentence that declares
an interest, for each person it names.
"""

from __future__ import annotations

from councilgraph.errors import NotMinutesError

from ..document import Document
from ..moderngov import MeetingData
from . import compiled_re as re
from .header import council_from_url
from .indicators import find_indicators
from .lexicon import TITLES
from .outcomes import actions, attendance, resolution_start, resolutions
from .people import PeopleFinder, split_name
from .records import Extraction, Item, Mention, Person, Report, Span, Statement
from .segment import blocks as split_blocks
from .segment import sentences as split_sentences
from .speech import read_exchanges

_TITLE_PREFIX = re.compile(r"^(?:(?:County|Borough|District|City|Town|Parish)\s+)?(?:"
                           + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
                           + r")\s+", re.IGNORECASE)
_HONORIFIC_PREFIX = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Rev|Reverend)\.?\s+")
_OFFICER_ROLE = re.compile(r"officer|director|clerk|manager|head of|executive|solicitor|adviser|advisor|"
                           r"democratic|legal|finance|treasurer|monitoring", re.IGNORECASE)
_GENERIC_ROLES = {"committee member", "member", "attendee", "councillor", "voting member", "ordinary member"}
# "Apologies, sent substitute" is the member's apologies; "Present as substitute" is a substitute
_ATTENDANCE = [("apologies", re.compile(r"apolog", re.I)), ("substitute", re.compile(r"substitut", re.I)),
               ("absent", re.compile(r"absent|not present", re.I)), ("present", re.compile(r"present|attend", re.I)),
               ("expected", re.compile(r"expected", re.I))]
_DECLARATIONS_ITEM = re.compile(r"declarations?\s+of\s+(?:\w+\s+)?interests?|disclosures?\s+of\s+interests?", re.I)
_DECLARES = re.compile(r"\bdeclar\w*|\bdisclos\w*|\binterest\b", re.I)
_NO_DECLARATIONS = re.compile(r"\b(?:no|none|nil)\b[^.]{0,40}\b(?:declar|disclos|interest)|"
                              r"\b(?:declar|disclos|interest)\w*[^.]{0,40}\b(?:none|nil)\b", re.I)
_INTEREST_KINDS = [("pecuniary", re.compile(r"pecuniary", re.I)),
                   ("prejudicial", re.compile(r"prejudicial", re.I)),
                   ("personal", re.compile(r"personal", re.I))]


def clean_name(name: str) -> str:
    """'Councillor Basil Example' -> 'Basil Example'; 'Mrs Jo Example' -> 'Jo Example'."""
    out = _TITLE_PREFIX.sub("", name.strip())
    out = _HONORIFIC_PREFIX.sub("", out)
    return out.strip() or name.strip()


def attendance_event(value: str | None) -> str | None:
    for event, pattern in _ATTENDANCE:
        if value and pattern.search(value):
            return event
    return None


def _kind(name: str, role: str | None) -> str:
    if _TITLE_PREFIX.match(name):
        return "councillor"
    if role and _OFFICER_ROLE.search(role):
        return "officer"
    return "councillor" if not role or role.lower() in _GENERIC_ROLES or "chair" in role.lower() else "other"


def extract_meeting(doc: Document) -> Extraction:
    md: MeetingData = doc.data
    m, layout, text = md.meeting, md.layout, doc.text
    if not m.has_minutes:
        raise NotMinutesError("meeting has no published minutes yet (no agenda item has minutes text)",
                              path=doc.source)

    # attendees: people with their member id, role and attendance
    people: list[Person] = []
    att: list[Statement] = []
    for n, (a, (s, e), line) in enumerate(zip(m.attendees, layout.attendees, layout.attendee_lines, strict=True), 1):
        role = a.role if a.role and a.role.lower() not in _GENERIC_ROLES else None
        p = Person(key=f"a{n}", name=clean_name(a.name), kind=_kind(a.name, a.role), role=role,
                   mentions=[Mention(text[s:e], Span(s, e), "name")], member_id=a.member_id, party=a.party,
                   ward=a.ward)
        people.append(p)
        event = attendance_event(a.attendance)
        if event:
            att.append(Statement(text=text[line[0]:line[1]], span=Span(*line), person=p.key, event=event))

    # names in the minutes text: a name that matches exactly one attendee is that attendee
    found = PeopleFinder(text).find(layout.items_start, len(text))
    extra = 0
    for p in found:
        target = _attendee_for(p, people) if p.name else None
        if target is not None:
            target.mentions.extend(p.mentions)
            if p.role and not target.role:
                target.role = p.role
            continue
        extra += 1
        p.key = f"t{extra}"
        people.append(p)
    for p in people:
        p.mentions.sort(key=lambda mn: mn.span.start)

    blks = split_blocks(text)
    items, questions, answers, res, acts, inds, decls = [], [], [], [], [], [], []
    for it, lay in zip(m.items, layout.items, strict=True):
        end = lay.body[1]
        item = Item(number=it.number, title=it.title, span=Span(lay.start, max(end, lay.title[1])),
                    source_id=it.item_id)
        for d in it.documents:
            item.documents.append(Report(title=d.title, author=None, period=None, span=Span(*lay.title),
                                         source_id=d.attachment_id, url=d.url))
        items.append(item)
        if lay.body[0] == lay.body[1]:
            continue
        body_blocks = [b for b in blks if lay.body[0] <= b.span.start < end]
        res_start = resolution_start(text, blks, lay.body[0], end)
        discussion = [s for b in body_blocks if b.span.start < res_start for s in split_sentences(text, b)]
        decision = [s for b in body_blocks if b.span.start >= res_start for s in split_sentences(text, b)]
        ex = read_exchanges(text, people, discussion, blks)
        for person, mention in ex.pronoun_mentions:
            if mention not in person.mentions:
                person.mentions.append(mention)
        offset = len(answers)
        for q in ex.questions:
            q.answers = [i + offset for i in q.answers]
        questions.extend(ex.questions)
        answers.extend(ex.answers)
        item_res = resolutions(text, body_blocks, res_start, end)
        res.extend(item_res)
        acts.extend(actions(text, discussion, item_res))
        inds.extend(find_indicators(text, discussion))
        # comings and goings recorded in the minutes (presence itself is the attendee list's)
        att.extend(s for s in attendance(text, body_blocks, discussion + decision, people)
                   if s.event in ("left", "arrived"))
        if it.declaration_count > 0 or _DECLARATIONS_ITEM.search(it.title or ""):
            decls.extend(_declarations(text, discussion + decision, people))
    for p in people:
        p.mentions.sort(key=lambda mn: mn.span.start)

    council = doc.info.council or council_from_url(doc.info.url)
    committee = doc.info.committee or m.committee
    ids = {"meetingid": m.meeting_id, **({"committeeid": doc.info.committee_id} if doc.info.committee_id else {})}
    return Extraction(
        source=doc.source, url=doc.info.url, content_hash=doc.content_hash, council=council, committee=committee,
        meeting_date=m.date or doc.info.meeting_date, items=items, people=people, questions=questions,
        answers=answers, indicators=inds, resolutions=res, actions=acts, attendance=att, text=text,
        declarations=decls, source_ids=ids)


def _attendee_for(p: Person, people: list[Person]) -> Person | None:
    parts = split_name(p.name or "")
    cands = [a for a in people if a.member_id and a.name and split_name(a.name).compatible(parts)]
    return cands[0] if len(cands) == 1 else None


def _declarations(text: str, sents, people: list[Person]) -> list[Statement]:
    out: list[Statement] = []
    for s in sents:
        chunk = text[s.span.start:s.span.end]
        if not _DECLARES.search(chunk) or _NO_DECLARATIONS.search(chunk):
            continue
        kind = next((k for k, pat in _INTEREST_KINDS if pat.search(chunk)), "other")
        named = [p for p in people if any(s.span.start <= mn.span.start < s.span.end and mn.kind != "pronoun"
                                          for mn in p.mentions)]
        for p in sorted(named, key=lambda p: min(mn.span.start for mn in p.mentions
                                                  if s.span.start <= mn.span.start < s.span.end)):
            out.append(Statement(text=chunk.strip(), span=s.span, person=p.key, event=kind))
    return out
