"""Is this page committee minutes at all? A saved search page or a press release is not."""

from __future__ import annotations

from . import compiled_re as re
from .lexicon import TITLES, LineStart, at_word_start

_OCCASION = at_word_start(["meeting", "apologies", "declarations? of interest", "debate", "agenda"], ignore_case=True,
                          escape=False)
_BODY = at_word_start(["Committee", "Panel", "Sub-Committee", "Cabinet", "Board", "Authority", "Executive"])
# full council meetings have no committee: the council, its councillors and cabinet members debate
_COUNCIL = at_word_start(["the Council", "County Council", "Councillors", "Cabinet Member", "Council received"])
_CUES: list[re.Pattern | LineStart] = [  # word-start alternations (lexicon.at_word_start) and line starts
    # (lexicon.LineStart), cheapest and likeliest first: most pages stop at 3
    # a minutes system's page type, and the "Minutes:" line it puts before the minuted text
    LineStart(r"^[^\S\n]*(?:Agenda item|Agenda and minutes|Issue - meetings|Issue details|Decision details|"
              r"Printed minutes|Meeting documents)\b", re.M),
    LineStart(r"^[^\S\n]*Minutes[^\S\n]*:", re.M),
    re.compile(rf"(?:{_OCCASION})\b"),
    re.compile(rf"(?:{_BODY})\b"),
    re.compile(rf"(?:{at_word_start(TITLES)})\s+[A-Z]"),
    re.compile(rf"(?:{at_word_start(['RESOLVED', 'Resolved', 'AGREED'])})\b"),
    re.compile(rf"(?:{at_word_start(['asked', 'queried', 'responded', 'advised', 'explained', 'noted'])})\b"),
    re.compile(rf"(?:{at_word_start(['report', 'reports'], ignore_case=True)})\b"),
    re.compile(rf"(?:{at_word_start(['Members', 'Officers'])})\b"),
    re.compile(rf"(?:{_COUNCIL})\b"),
    re.compile(rf"(?:{at_word_start(['the Chair', 'Chairman', 'Vice-Chair'])})\b"),
]


def minutes_score(text: str, enough: int = len(_CUES)) -> int:
    """How many independent signs of minutes the text shows (0..11), stopping at `enough`."""
    head = text[:6000]
    n = 0
    for rx in _CUES:
        if rx.search(head):
            n += 1
            if n >= enough:
                break
    return n


def looks_like_minutes(text: str) -> bool:
    return minutes_score(text, enough=3) >= 3
