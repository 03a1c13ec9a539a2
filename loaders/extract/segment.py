"""Split minutes text into blocks (paragraphs, list items) and sentences, keeping offsets.

Blocks matter because minutes mark who-answered-whom by layout: a bullet usually holds one
question and its reply, a numbered paragraph one exchange. Sentence splitting has to survive
"Cllr. J. M. L. A. Griffiths", "5.1" and "e.g." without cutting.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import compiled_re as re
from .records import Span

# Bullets and list markers as they appear in copied ModernGov pages and PDFs.
_MARKER = re.compile(
    r"""^[ \t\u00a0]*(
        [•·▪◦●\-–*](?=[ \t\u00a0])
      | \(?(?:[ivxlc]{1,6}|[a-z]|[0-9]{1,3}(?:\.[0-9]{1,3}){0,2})[.)](?=[ \t\u00a0])
      | [0-9]{1,3}\.[0-9]{1,3}(?=[ \t\u00a0])
    )[ \t\u00a0]*""",
    re.VERBOSE,
)
_ABBREV = {
    "cllr", "cllrs", "mr", "mrs", "ms", "dr", "st", "no", "nos", "prof", "rev", "cc", "e.g", "i.e", "eg",
    "ie", "etc", "approx", "vs", "co", "ltd", "inc", "cf", "para", "paras", "p", "pp", "fig", "ref", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "wk", "govt", "dept",
}
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_CANDIDATE = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"“‘(•]?[A-Z0-9])")


# a line ending in one of these words goes on to the next; a heading never ends so
_RUNS_ON = {"the", "a", "an", "of", "to", "and", "or", "for", "in", "on", "at", "with", "by", "from", "that",
            "which", "who", "was", "were", "is", "are", "be", "been", "has", "had", "have", "would", "will",
            "as", "but", "not", "this", "their", "his", "her", "its", "into", "than", "whether", "if"}
_SENTENCE_INSIDE = re.compile(r"[a-z0-9)][.?!]\s+[A-Z]")

_set = object.__setattr__  # sets a field of a frozen dataclass in a hand-written __init__


@dataclass(frozen=True)
class Block:
    """A paragraph or list item. `marker` is the bullet/number, `span` excludes it."""

    span: Span
    marker: str | None
    index: int

    def __init__(self, span: Span, marker: str | None, index: int) -> None:
        _set(self, "span", span)  # frozen: set as records.Span is (the generated __init__ is slower)
        _set(self, "marker", marker)
        _set(self, "index", index)

    @property
    def is_list_item(self) -> bool:
        return self.marker is not None


@dataclass(frozen=True)
class Sentence:
    span: Span
    block: int

    def __init__(self, span: Span, block: int) -> None:
        _set(self, "span", span)  # frozen: set as records.Span is (the generated __init__ is slower)
        _set(self, "block", block)


def blocks(text: str) -> list[Block]:
    """One block per non-blank line run; a line with a list marker starts a new block.

    Extraction and the people finder both ask for a page's blocks: the second asking is answered
    from a small cache (a copy of the list; blocks are immutable).
    """
    got = _BLOCKS.get(text)
    if got is None:
        if len(_BLOCKS) >= 4:
            _BLOCKS.clear()
        got = _BLOCKS[text] = tuple(_blocks(text))
    return list(got)


_BLOCKS: dict[str, tuple[Block, ...]] = {}


def _blocks(text: str) -> list[Block]:
    out: list[Block] = []
    start: int | None = None
    marker: str | None = None
    pos = 0

    def close(end: int) -> None:
        nonlocal start, marker
        if start is not None:
            s, e = _trim(text, start, end)
            if e > s:
                out.append(Block(Span(s, e), marker, len(out)))
        start, marker = None, None

    for line in text.splitlines(keepends=True):
        line_end = pos + len(line)
        if not line.strip():
            close(pos)
        else:
            m = _MARKER.match(line)
            if m and line[m.end():].strip():
                close(pos)
                start, marker = pos + m.end(), m.group(1)
            elif start is None:
                start = pos
            else:
                # ModernGov text keeps one paragraph per line: a new line is a new paragraph
                # unless the previous line was clearly cut mid-sentence (PDF-like wrapping).
                # A quotation on its own line (a written question or its reply) is its own paragraph.
                prev = text[max(start, pos - 3):pos].rstrip().rstrip("\"”’)")
                if prev.endswith((".", ":", "?", "!")) or _is_heading_line(text, start, pos) or \
                        line.lstrip(" \t\u00a0").startswith(("“", '"')):
                    close(pos)
                    start = pos
        pos = line_end
    close(pos)
    return out


def _is_heading_line(text: str, start: int, pos: int) -> bool:
    """A short line that stands alone; PDF text wrapped mid-sentence ("... package. The") does not."""
    line = text[start:pos].strip()
    if not line or len(line) >= 120 or line.endswith((",", ";")):
        return False
    last = line.rsplit(None, 1)[-1].lower()
    return last not in _RUNS_ON and not _SENTENCE_INSIDE.search(line)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences(text: str, block: Block) -> list[Sentence]:
    """Sentences of one block, split at . ! ? unless the period ends an abbreviation or initial."""
    s0, e0 = block.span.start, block.span.end
    chunk = text[s0:e0]
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(chunk):
        if chunk[m.start()] == "." and _protected(chunk, m.start()):
            continue
        cuts.append(m.end())
    out: list[Sentence] = []
    prev = 0
    for c in cuts + [len(chunk)]:
        s, e = _trim(chunk, prev, c)
        if e > s:
            out.append(Sentence(Span(s0 + s, s0 + e), block.index))
        prev = c
    return out


def _protected(chunk: str, dot: int) -> bool:
    """Is the period at `dot` part of an abbreviation, an initial or a number?"""
    j = dot
    while j > 0 and (chunk[j - 1].isalnum() or chunk[j - 1] == "."):
        j -= 1
    word = chunk[j:dot]
    if not word:
        return False
    if word.lower().rstrip(".") in _ABBREV:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if _DOTTED_INITIALS.fullmatch(word):
        return True  # "J.M.L" in "J.M.L. Griffiths"
    return bool(word.isdigit() and dot + 1 < len(chunk) and chunk[dot + 1].isdigit())


# -- cue words ----------------------------------------------------------------------------------------
# Most steps act on few sentences (ones that mention leaving, an action, a number...). Finding their
# cue words with `str.find` over one lower-cased copy of the page, then placing each hit into its
# sentence by offset, costs a few C-speed scans a page; a case-insensitive regex run over every
# sentence cost several times more, and was most of those steps' time.

@lru_cache(maxsize=4)
def lowered(text: str) -> str | None:
    """The page lower-cased, shared by every step; None where lower-casing would move offsets ("İ")."""
    low = text.lower()
    return low if len(low) == len(text) else None


def cues(text: str, spans: Sequence[tuple[int, int]], groups: Sequence[Iterable[str]]) -> dict[int, set[int]]:
    """For each span (by index) that contains a word of some group, the indexes of those groups.

    Words are lower-case substrings ("substitut" finds "substitute"), so this is a filter: callers
    still run their exact pattern on the spans it keeps.
    """
    low = lowered(text)
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    starts = [spans[i][0] for i in order]
    overlapping = any(spans[a][1] > spans[b][0] for a, b in zip(order, order[1:], strict=False))
    found: dict[int, set[int]] = {}
    if low is None or overlapping:
        for i, (s, e) in enumerate(spans):
            piece = text[s:e].lower()
            hit = {g for g, words in enumerate(groups) if any(w in piece for w in words)}
            if hit:
                found[i] = hit
        return found
    lo, hi = (min(starts), max(spans[i][1] for i in order)) if spans else (0, 0)
    for g, words in enumerate(groups):
        for w in words:
            pos = low.find(w, lo, hi)
            while pos >= 0:
                k = bisect.bisect_right(starts, pos) - 1
                if k >= 0 and pos + len(w) <= spans[order[k]][1]:
                    found.setdefault(order[k], set()).add(g)
                pos = low.find(w, pos + 1, hi)
    return found
