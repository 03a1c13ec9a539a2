"""Performance indicators mentioned in discussion, with values and direction of travel.

"reduced from 19.8 in June to 18.8", "75% (9) of KBMs were on track", "the reduction in the
completion of care act assessments", "our vacancy rate had reduced". The indicator name is the
noun phrase the change is about; acronyms defined in the text ("key business measures (KBMs)")
are expanded so the same measure gets the same name across documents.
"""

from __future__ import annotations

import re

from .records import Indicator, Span
from .segment import Sentence

_NUM = r"£?\d[\d,]*(?:\.\d+)?%?"
_STOP = r"(?=\s+(?:had|has|have|was|were|is|are|which|that|who|and\s+(?:asked|stated|said|noted|that|was|were|had|is|are)|but|" \
        r"because|as|since|despite|compared|from|to|in\s+(?:June|July|the\s+last|recent)|during|over|for\s+the|" \
        r"within\s+the|remained|would|could|should|needed)\b|[,.;:()]|$)"
_NP = r"(?P<name>(?:[\w’'\-]+\s+){0,9}?[\w’'\-]+)" + _STOP
DOWN = re.compile(r"\b(reduc\w*|decreas\w*|drop\w*|fall\w*|fell|declin\w*|lower\w*|fewer|down)\b", re.I)
UP = re.compile(r"\b(increas\w*|ris\w+|rose|grow\w*|grew|higher|more|up|upward)\b", re.I)
PATTERNS = [
    re.compile(r"\b(?P<dir>reductions?|decreases?|drops?|falls?|rises?|increases?|declines?|"
               r"improvements?|deteriorations?|reduced|increased)\s+in\s+(?:the\s+)?(?:overall\s+)?" + _NP, re.I),
    re.compile(r"\b(?:performance\s+)?(?:indicator|measure|KPI|PI)s?\s+(?:relating\s+to|in\s+relation\s+to|"
               r"for|on|regarding|around)\s+(?:the\s+)?" + _NP, re.I),
    re.compile(r"\b(?P<name0>(?:percentage|proportion|number|numbers|rate|levels?|average\s+numbers?|"
               r"average|total)\s+of\s+" + _NP[len("(?P<name>"):], re.I),
    re.compile(r"\b(?:our|the)\s+(?P<name>(?:[\w’'\-]+\s+){0,5}(?:rate|levels?|numbers?|times?|count))\s+"
               r"(?:had|has|have)?\s*(?:been\s+)?(?P<dir>reduced|increased|dropped|fallen|risen|improved|"
               r"declined|decreased|grown|worsened)\b", re.I),
]
VALUES = re.compile(rf"\bfrom\s+(?P<v1>{_NUM})(?:\s+in\s+\w+(?:\s+\d{{4}})?)?\s+to\s+(?P<v2>{_NUM})")
SHARE = re.compile(r"(?P<v1>\d+(?:\.\d+)?%)\s*\((?P<v2>\d+)\)\s+of\s+(?:the\s+)?(?P<name>[\w’'\- ]{2,60}?)"
                   r"\s+(?:were|was|are|is)\s+(?:currently\s+)?(?P<state>on track|off track|achieving target|"
                   r"below target|above target|rated \w+|red|amber|green)")
ACRONYM = re.compile(r"\b(?P<full>(?:[A-Z]?[a-z]+\s+){1,5}[a-z]+)\s+\((?P<acr>[A-Z]{2,6})s?\)", re.I)


def acronyms(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in ACRONYM.finditer(text):
        full, acr = m.group("full").split(), m.group("acr")
        words = full[-len(acr):]
        if len(words) == len(acr) and all(w[0].lower() == c.lower() for w, c in zip(words, acr, strict=True)):
            out[acr] = " ".join(words).lower()
    return out


def _clean(name: str, acr: dict[str, str]) -> str:
    name = re.sub(r"^(?:the|a|an|our)\s+", "", name.strip(), flags=re.I)
    for a, full in acr.items():
        name = re.sub(rf"\b{a}s?\b", full, name)
    return name


def _direction(word: str | None, sentence: str) -> str | None:
    for w in (word or "", sentence):
        if not w:
            continue
        d, u = DOWN.search(w), UP.search(w)
        if d and (not u or d.start() < u.start()):
            return "down"
        if u:
            return "up"
    return None


def find_indicators(text: str, sents: list[Sentence]) -> list[Indicator]:
    acr = acronyms(text)
    out: list[Indicator] = []
    seen: set[str] = set()
    for sent in sents:
        s, e = sent.span.start, sent.span.end
        sentence = text[s:e]
        for m in SHARE.finditer(sentence):
            name = _clean(f"{m.group('name')} {m.group('state')}", acr)
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(Indicator(name, [m.group("v1"), m.group("v2")], None, m.group(0),
                                     Span(s + m.start(), s + m.end()), Span(s, e)))
        for rx in PATTERNS:
            for m in rx.finditer(sentence):
                raw = m.groupdict().get("name") or ""
                if "name0" in m.groupdict() and m.group("name0"):
                    raw = m.group("name0")
                name = _clean(raw, acr)
                if len(name) < 6 or len(name.split()) < 2 or name.lower() in seen:
                    continue
                rest = sentence[m.end():]
                vals = VALUES.search(rest) or VALUES.search(sentence[m.start():])
                values = [vals.group("v1"), vals.group("v2")] if vals else []
                word = m.groupdict().get("dir")
                direction = _direction(word, rest) if word else _direction(None, rest)
                if values and direction is None:
                    try:
                        a, b = (float(v.strip("£%").replace(",", "")) for v in values)
                        direction = "up" if b > a else "down" if b < a else None
                    except ValueError:
                        pass
                seen.add(name.lower())
                out.append(Indicator(name, values, direction, m.group(0), Span(s + m.start(), s + m.end()),
                                     Span(s, e)))
    return out
