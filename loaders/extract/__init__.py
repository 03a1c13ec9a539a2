"""Extraction: one `Document` in, one `Extraction` out, as an ordered list of small steps.

    header -> blocks/sentences -> people -> speech (questions, answers) -> period/report
           -> indicators -> resolutions/actions -> attendance

Each step reads the text and what earlier steps produced; none mutates the text, so every span
stays valid. Cross-document work (identity, topics) happens after, over the whole batch.
"""

from __future__ import annotations

import re

from councilgraph.errors import NotMinutesError

from ..document import Document
from .classify import looks_like_minutes
from .header import council_from_text, council_from_url, parse_header
from .indicators import find_indicators
from .lexicon import Folded
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
_RECEIVED = Folded(r"\b(?:received|considered|noted|presented|introduced)\s+(?:a|the)\s+(?:joint\s+)?report\b")


def extract_document(doc: Document, *, check_minutes: bool = True) -> Extraction:
    """Read one document. Raises NotMinutesError for pages that are not minutes."""
    text = doc.text
    if check_minutes and not looks_like_minutes(text):
        raise NotMinutesError("does not look like committee minutes (no members, committee or resolutions)",
                              path=doc.source)
    h = parse_header(text)
    blks = split_blocks(text)
    body_blocks = [b for b in blks if h.body_start <= b.span.start < h.body_end]
    res_start = resolution_start(text, blks, h.body_start, h.body_end)
    discussion = [s for b in body_blocks if b.span.start < res_start for s in split_sentences(text, b)]
    decision = [s for b in body_blocks if b.span.start >= res_start for s in split_sentences(text, b)]

    finder = PeopleFinder(text)
    people = finder.find(h.preamble[0] if h.preamble else h.body_start, h.body_end)
    exchange = read_exchanges(text, people, discussion, blks)
    for person, mention in exchange.pronoun_mentions:
        if mention not in person.mentions:
            person.mentions.append(mention)
    for p in people:
        p.mentions.sort(key=lambda m: m.span.start)

    council = h.council or doc.info.council or council_from_text(text[h.body_start:h.body_end]) \
        or council_from_url(doc.info.url)
    committee = h.committee or doc.info.committee
    meeting_date = h.meeting_date or doc.info.meeting_date

    body_text = text[h.body_start:h.body_end]
    item = Item(number=h.item_number, title=h.title,
                span=Span(h.title_offset, h.title_offset + len(h.title or "")))
    is_report = bool(_RECEIVED.search(body_text)) or bool(h.title and REPORTISH.search(h.title))
    if is_report and h.title:
        period = find_period(h.title, body_text, h.body_start, meeting_date, h.title_offset)
        author_m = _AUTHOR.search(body_text)
        author = author_m.group("author").strip(" ,") if author_m else None
        item.report = Report(title=h.title, author=author, period=period, span=item.span)

    res = resolutions(text, body_blocks, res_start, h.body_end)
    acts = actions(text, discussion, res)
    preamble_blocks = [b for b in blks if h.preamble and h.preamble[0] <= b.span.start < h.preamble[1]]
    att = attendance(text, body_blocks, discussion + decision, people, preamble_blocks, list_blocks=blks)
    inds = find_indicators(text, discussion)

    return Extraction(
        source=doc.source, url=doc.info.url, content_hash=doc.content_hash, council=council,
        committee=committee, meeting_date=meeting_date, items=[item], people=people,
        questions=exchange.questions, answers=exchange.answers, indicators=inds, resolutions=res,
        actions=acts, attendance=att, text=text,
    )
