"""Extraction: one `Document` in, one `Extraction` out, as an ordered list of small steps.

    header -> blocks/sentences -> people -> speech (questions, answers) -> period/report
           -> indicators -> resolutions/actions -> attendance

Each step reads the text and what earlier steps produced; none mutates the text, so every span
stays valid. Cross-document work (identity, topics) happens after, over the whole batch.
"""

from __future__ import annotations

from councilgraph.errors import NotMinutesError

from ..document import Document
from . import compiled_re as re
from .classify import looks_like_minutes
from .councils import canonical as canonical_council
from .header import council_from_text, council_from_url, listed_council_from_url, parse_header
from .indicators import find_indicators
from .lexicon import Folded, at_word_start
from .outcomes import actions, attendance, resolution_start, resolutions
from .people import PeopleFinder
from .periods import REPORTISH, find_period
from .records import Extraction, Item, Report, Span
from .segment import blocks as split_blocks
from .segment import sentences as split_sentences
from .speech import read_exchanges

__all__ = ["extract_document", "Extraction"]

_AUTHOR = re.compile(  # from "report" (a literal the engine can skip to): "joint report of" names the same author
    r"report(?<!\wreport)\s+(?:of|by|from)\s+(?:the\s+)?(?P<author>(?:[A-Z][\w’'&\-]*\s*(?:,\s*|and\s+|of\s+|"
    r"for\s+|the\s+)?){1,10}?)(?=\s*(?:,|\.|;|\(|which|that|who|on\b|setting|providing|presenting|"
    r"outlining|regarding|about|in\s+relation|$))"
)
_RECEIVED = Folded(rf"(?:{at_word_start(['received', 'considered', 'noted', 'presented', 'introduced'])})"
                   r"\s+(?:a|the)\s+(?:joint\s+)?report\b")


def extract_document(doc: Document, *, check_minutes: bool = True) -> Extraction:
    """Read one document. Raises NotMinutesError for pages that are not minutes."""
    if doc.format == "moderngov-xml":  # the web service's facts, then its minutes text (extract/meeting.py)
        from .meeting import extract_meeting

        return extract_meeting(doc)
    text = doc.text
    if check_minutes and not looks_like_minutes(text):
        raise NotMinutesError("does not look like committee minutes (no members, committee or resolutions)",
                              path=doc.source)
    h = parse_header(text)
    blks = split_blocks(text)
    body_blocks = [b for b in blks if h.body_start <= b.span.start < h.body_end]
    # each agenda item has its own discussion and decision: a resolution never runs into the next item
    # (the text before the first item, such as a Present list, is read as a range of its own)
    ranges = [(h.body_start, h.items[0].start)] + [(it.start, it.end) for it in h.items] if h.items \
        else [(h.body_start, h.body_end)]
    discussion, decision, res = [], [], []
    for start, end in ranges:
        item_blocks = [b for b in body_blocks if start <= b.span.start < end]
        res_start = resolution_start(text, blks, start, end)
        decided = _decision_blocks(text, item_blocks, res_start)
        discussion += [s for b in item_blocks if b.index not in decided for s in split_sentences(text, b)]
        decision += [s for b in item_blocks if b.index in decided for s in split_sentences(text, b)]
        res += resolutions(text, [b for b in item_blocks if b.index in decided], res_start, end)

    finder = PeopleFinder(text)
    people = finder.find()  # attendance lists, contacts and headers name people too
    exchange = read_exchanges(text, people, discussion, blks)
    for person, mention in exchange.pronoun_mentions:
        if mention not in person.mentions:
            person.mentions.append(mention)
    for p in people:
        p.mentions.sort(key=lambda m: m.span.start)

    # printed in the header, then the collector's, then the publisher's address, then the text
    council = h.council or canonical_council(doc.info.council) or listed_council_from_url(doc.info.url) \
        or h.council_mentioned or council_from_text(text[h.body_start:h.body_end]) or council_from_url(doc.info.url)
    committee = h.committee or doc.info.committee
    meeting_date = h.meeting_date or doc.info.meeting_date

    if h.items:
        items = [_item(text, it.number, it.title, it.title_start, it.start, it.end, meeting_date) for it in h.items]
    else:
        items = [_item(text, h.item_number, h.title, h.title_offset, h.body_start, h.body_end, meeting_date)]

    acts = actions(text, discussion, res)
    preamble_blocks = [b for b in blks if h.preamble and h.preamble[0] <= b.span.start < h.preamble[1]]
    att = attendance(text, body_blocks, discussion + decision, people, preamble_blocks, list_blocks=blks)
    inds = find_indicators(text, discussion)

    return Extraction(
        source=doc.source, url=doc.info.url, content_hash=doc.content_hash, council=council,
        committee=committee, meeting_date=meeting_date, items=items, people=people,
        questions=exchange.questions, answers=exchange.answers, indicators=inds, resolutions=res,
        actions=acts, attendance=att, text=text,
        source_ids={k: v for k, v in (("meetingid", doc.info.meeting_id), ("committeeid", doc.info.committee_id)) if v},
        page_starts=doc.page_starts,
    )


_RESOLUTION_TEXT = re.compile(r"\s*(?:that\b|\(?[0-9ivx]{1,4}[.)]|\(?[a-h][.)]\s|resolved|agreed|recommended|decision)",
                              re.IGNORECASE)


def _decision_blocks(text: str, blocks: list, res_start: int) -> set[int]:
    """The blocks of an item's decision: from 'RESOLVED' on, while they read as resolutions.

    Minutes often record the decision first and the discussion after it ("RESOLVED that the
    minutes be signed", then "Minute 32 - Members were advised ..."), so a paragraph after the
    resolution that does not read as one ("that ...", "(2) ...", a list item) is discussion again.
    """
    out: set[int] = set()
    started = False
    for b in blocks:
        if b.span.start < res_start:
            continue
        if not started or b.is_list_item or _RESOLUTION_TEXT.match(text, b.span.start):
            out.add(b.index)
            started = True
            continue
        break  # the decision has ended; what follows is discussed again
    return out


def _item(text: str, number: str | None, title: str | None, title_offset: int, start: int, end: int,
          meeting_date) -> Item:
    """One agenda item; a report (author, period) when its title or text says one was received."""
    body_text = text[start:end]
    item = Item(number=number, title=title, span=Span(title_offset, title_offset + len(title or "")))
    low = body_text.lower()  # "received a report" needs "report": most item texts are rejected by one find
    is_report = ("report" in low and bool(_RECEIVED.search(body_text, low))) or bool(title and REPORTISH.search(title))
    if is_report and title:
        period = find_period(title, body_text, start, meeting_date, title_offset)
        author_m = _AUTHOR.search(body_text)
        author = author_m.group("author").strip(" ,") if author_m else None
        item.report = Report(title=title, author=author, period=period, span=item.span)
    return item
