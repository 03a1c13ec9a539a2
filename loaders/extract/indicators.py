"""Performance indicators mentioned in discussion, with values and direction of travel.

"reduced from 19.8 in June to 18.8", "75% (9) of KBMs were on track", "the reduction in the
completion of care act assessments", "our vacancy rate had reduced". The indicator name is the
noun phrase the change is about; acronyms defined in the text ("key business measures (KBMs)")
are expanded so the same measure gets the same name across documents.
"""

from __future__ import annotations

import re

from .lexicon import at_word_start
from .records import Indicator, Span
from .segment import Sentence, cues

_DIGIT = re.compile(r"\d")
_NUM = r"£?\d[\d,]*(?:\.\d+)?%?"
# A noun phrase is read greedily (fast) and then cut at the first word that ends it (_STOPWORDS),
# rather than with a lazy regex and a look-ahead at every word (slow).
_NP = r"(?P<name>[\w’'\-]+(?:[ \t]+[\w’'\-]+){0,11})"
_STOPWORDS = {"had", "has", "have", "was", "were", "is", "are", "which", "that", "who", "but", "because", "as",
              "since", "despite", "compared", "from", "to", "during", "over", "remained", "would", "could",
              "should", "needed", "and", "within", "for", "in", "this", "it", "been", "being", "did", "does"}
_KEEP_AFTER = {"and": {"training", "employment", "skills", "retention", "recruitment", "health", "care"},
               "in": {"care", "employment", "education", "pregnancy", "hospital", "work"},
               "within": {"12", "20", "28", "timescale", "timescales", "target"}, "for": {"more"}}


def _cut(name: str) -> str:
    words = name.split()
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _STOPWORDS and out:
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            if nxt and nxt in _KEEP_AFTER.get(low, ()):
                out.append(w)
                continue
            if low in ("in", "within", "for") and nxt in {"the", "a"} and len(words) > i + 2 and \
                    words[i + 2].lower() in {"time", "number"}:
                out.append(w)
                continue
            break
        out.append(w)
    return " ".join(out)


DOWN = re.compile(r"\b(reduc\w*|decreas\w*|drop\w*|fall\w*|fell|declin\w*|lower\w*|fewer|down)\b", re.I)
UP = re.compile(r"\b(increas\w*|ris\w+|rose|grow\w*|grew|higher|more|up|upward)\b", re.I)
_DIR_WORDS = ("reduc", "decreas", "drop", "fall", "fell", "rise", "rose", "risen", "increas", "declin", "improv",
              "deterior", "grow", "grew", "worse")
_CHANGE_NOUNS = ["reductions?", "decreases?", "drops?", "falls?", "rises?", "increases?", "declines?",
                 "improvements?", "deteriorations?", "reduced", "increased"]
_QUANTITIES = ["percentage", "proportion", "number", "numbers", "rate", "levels?", r"average\s+numbers?", "average",
               "total"]
PATTERNS = [  # most start with lexicon.at_word_start, so the engine skips to candidate letters
    re.compile(rf"(?P<dir>{at_word_start(_CHANGE_NOUNS, ignore_case=True, escape=False)})\s+in\s+(?:the\s+)?"
               r"(?:overall\s+)?" + _NP, re.I),
    re.compile(r"\b(?:performance\s+)?(?:indicator|measure|KPI|PI)s?\s+(?:relating\s+to|in\s+relation\s+to|"
               r"for|on|regarding|around)\s+(?:the\s+)?" + _NP, re.I),
    re.compile(rf"(?P<name0>(?:{at_word_start(_QUANTITIES, ignore_case=True, escape=False)})\s+of\s+(?:the\s+)?"
               + _NP[len("(?P<name>"):], re.I),
    re.compile(rf"(?:{at_word_start(['our', 'the'], ignore_case=True)})\s+(?P<name>(?:[\w’'\-]+\s+){{0,5}}"
               r"(?:rate|levels?|numbers?|times?|count))\s+(?:had|has|have)?\s*(?:been\s+)?(?P<dir>reduced|increased|"
               r"dropped|fallen|risen|improved|declined|decreased|grown|worsened)\b", re.I),
]
PATTERNS.append(re.compile(  # "The households in temporary accommodation had increased from 212 to 247"
    rf"(?:{at_word_start(['the', 'our'], ignore_case=True)})\s+(?P<name>[\w’'\- ]{{3,80}}?)\s+(?:had|has|have)\s+"
    r"(?:been\s+)?(?P<dir>increased|reduced|risen|fallen|dropped|improved|declined|decreased|grown|gone\s+up|"
    r"gone\s+down)\s+from\s+\d"))
# words a sentence must contain before each pattern is worth running (regexes with re.I cannot skip ahead)
_NEEDS = [_DIR_WORDS, ("indicator", "measure", "kpi", " pi "),
          ("percentage", "proportion", "number", "rate", "level", "average", "total"),
          ("rate", "level", "number", "time", "count"), (" from ",)]
VALUES = re.compile(rf"\bfrom\s+(?P<v1>{_NUM})(?:\s+in\s+\w+(?:\s+\d{{4}})?)?\s+to\s+(?P<v2>{_NUM})")
SHARE = re.compile(r"(?P<v1>\d+(?:\.\d+)?%)\s*\((?P<v2>\d+)\)\s+of\s+(?:the\s+)?(?P<name>[\w’'\- ]{2,60}?)"
                   r"\s+(?:were|was|are|is)\s+(?:currently\s+)?(?P<state>on track|off track|achieving target|"
                   r"below target|above target|rated \w+|red|amber|green)")
ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,6})s?\)")


def acronyms(text: str) -> dict[str, str]:
    """'key business measures (KBMs)' -> {'KBM': 'key business measures'}: the words before the
    brackets whose initials spell the acronym."""
    out: dict[str, str] = {}
    for m in ACRONYM.finditer(text):
        acr = m.group("acr")
        words = re.findall(r"[A-Za-z][\w’'-]*", text[max(0, m.start() - 120):m.start()])[-len(acr):]
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
        first = d if d and (not u or d.start() < u.start()) else u
        if first and _NEGATED.search(w[max(0, first.start() - 30):first.start()]):
            return None  # "had not increased", "did not fall": no direction of travel is stated
        if d and (not u or d.start() < u.start()):
            return "down"
        if u:
            return "up"
    return None


# a sentence is only read when it has one of these (a change, a measure or a number)
_TRIGGER_WORDS = ("reduc", "increas", "decreas", "drop", "fall", "fell", "rise", "rose", "improv", "declin",
                  "deteriorat", "indicator", "measure", "kpi")
_TRIGGER_RX = re.compile(r"[\dPp](?:(?<=\d)|(?<!\w[Pp])[Ii]\b)")  # a digit or "PI"; one leading class
_SHARE_CUE, _TRIGGER_CUE, _GONE_CUE = len(_NEEDS), len(_NEEDS) + 1, len(_NEEDS) + 2
# patterns 3 and 4 also need their verb of change ("had increased", "has gone up"), all of which
# contain a word of the first cue group
_ALSO_NEEDS = {3: {0}, 4: {0, _GONE_CUE}}


def _candidates(text: str, sents: list[Sentence]) -> list[tuple[Sentence, set[int]]]:
    """Sentences worth reading, each with the cues it has (pattern indexes, `_SHARE_CUE`, `_TRIGGER_CUE`).

    The trigger (a number, a change or a measure) is only looked for in sentences that have some
    pattern's cue.
    """
    found = cues(text, [(x.span.start, x.span.end) for x in sents], (*_NEEDS, ("%",), _TRIGGER_WORDS, ("gone",)))
    out = []
    for k in sorted(found, key=lambda k: sents[k].span.start):
        sent, cue = sents[k], found[k]
        if _TRIGGER_CUE in cue or _TRIGGER_RX.search(text, sent.span.start, sent.span.end):
            out.append((sent, cue))
    return out


# counts and shares as printed: "412 plans were finalised", "41% of assessments met the timescale",
# "an overspend of £4.7m"; and named scorecards ("the Performance Scorecard for Adult Services")
_COUNT = re.compile(r"(?P<v>[\d£](?<![\w.,/£(-].)(?:(?<=£)\d|(?<!£))[\d,]*(?:\.\d+)?"
                    r"(?:%|\s?per\s?cent|m\b|bn\b|k\b| million\b)?)"
                    r"(?!\s*(?:/|-|–|:|\.\d|\)))[ \t]+(?:of\s+(?:the\s+|all\s+|our\s+)?)?(?P<name>[A-Za-z][\w’'\-]*"
                    r"(?:[ \t]+[\w’'\-]+){0,6})")
_AMOUNT = re.compile(r"(?P<name>(?:[A-Za-z][\w’'\-]*[ \t]+){0,3}(?:overspend|underspend|deficit|surplus|savings?|"
                     r"shortfall|budget|cost|costs|spend|reserves?|balance|gap|pressure|pressures|income)),?\s+"
                     r"(?:of|was|is|stood\s+at|at|totalling)\s+(?:around\s+|approximately\s+|some\s+)?"
                     r"(?P<v>£\d[\d,]*(?:\.\d+)?(?:m\b|bn\b|k\b| million\b| billion\b)?)")
_SCORECARD = re.compile(r"(?P<name>(?:Performance\s+|Corporate\s+|Balanced\s+)?(?:[Ss]corecard|[Dd]ashboard)s?\s+"
                        r"(?:for|on)\s+(?:the\s+)?[\w’'\-]+(?:[ \t]+[\w’'\-]+){0,6})")
_NOT_COUNTED = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minutes",
                "pm", "am", "page", "pages", "per", "of", "the", "a", "an", "to", "and", "or", "in", "on", "at",
                "by", "january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "item", "items", "paragraph", "appendix", "times", "members",
                "councillors", "people", "percent", "cent", "out", "million", "billion", "st", "nd", "rd", "th",
                "working", "square", "he", "she", "they", "it", "we", "i", "you", "which", "who", "pdf", "kb",
                "mb", "metres", "miles", "km", "places", "occasions", "hundred", "thousand"}
_REF_BEFORE = re.compile(r"\b(?:page|pages|item|items|paragraph|paragraphs|appendix|section|minute|minutes|para|"
                         r"no|number|table|figure|at|on|in|since|by|until|from|to|and|of|Q|rule|regulation|"
                         r"act|route|room|ward)\s*$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no\s+longer|never|neither|nor)\s+(?:\w+\s+){0,2}$|n[’']t\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)


def _count_name(raw: str) -> str:
    words = []
    for w in raw.split():
        low = w.lower().strip("’'")
        if low in _STOPWORDS or low in {"of", "on", "at", "by", "with", "per", "than", "against", "compared",
                                        "across", "between", "a", "an", "the", "so", "far", "this", "last",
                                        "next", "also", "now", "currently", "still", "being", "be", "not"}:
            if words and low in _KEEP_AFTER.get(low, ()):
                words.append(w)
                continue
            break
        words.append(w)
    return " ".join(words)


def _counts(text: str, s: int, sentence: str, acr: dict[str, str], seen: set[str]) -> list[Indicator]:
    out = []
    e = s + len(sentence)
    for rx in (_SCORECARD, _AMOUNT, _COUNT):
        if rx is _SCORECARD and "corecard" not in sentence and "ashboard" not in sentence:
            continue
        if rx is _AMOUNT and "£" not in sentence:
            continue
        for m in rx.finditer(sentence):
            if rx is _COUNT:
                v = m.group("v")
                digits = v.strip("£%").replace(",", "")
                before = sentence[max(0, m.start() - 12):m.start()]
                if re.search(r"[-–]\s*$", before):
                    continue  # "2017- 20": the end of a span of years
                if re.fullmatch(r"(?:19|20)\d\d", digits) or _REF_BEFORE.search(sentence[max(0, m.start() - 12):
                                                                                         m.start()]):
                    continue
                name = _count_name(m.group("name"))
                head = name.split()[:2]
                if len(head) == 2 and all(t[:1].isupper() and not t.isupper() for t in head):
                    continue  # "91 Budget Monitoring Report": an item number before a heading
                toks = [t.lower() for t in name.split()]
                if not toks or toks[0] in _NOT_COUNTED or not any(len(t) > 3 and t not in _NOT_COUNTED for t in toks):
                    continue
                values = [v]
            elif rx is _AMOUNT:
                name = m.group("name")
                kept = name.split()
                for i in range(len(kept) - 1, -1, -1):
                    if kept[i].lower() in _STOPWORDS or kept[i].lower() in {"an", "a", "projected", "of", "with"}:
                        kept = kept[i + 1:]
                        break
                name = " ".join(kept)
                values = [m.group("v")]
            else:
                head, sep, tail = re.split(r"(\s+(?:for|on)\s+(?:the\s+)?)", m.group("name"), maxsplit=1)
                name = head + sep + _cut(tail)
                values = []
            name = _clean(name, acr)
            if len(name) < 6 or len(name.split()) < 2 or name.lower() in seen:
                continue
            seen.add(name.lower())
            out.append(Indicator(name, values, None, m.group(0), Span(s + m.start(), s + m.end()), Span(s, e)))
    return out


def find_indicators(text: str, sents: list[Sentence]) -> list[Indicator]:
    acr = acronyms(text)
    out: list[Indicator] = []
    seen: set[str] = set()
    counted: list[Indicator] = []
    for sent in sents:
        s, e = sent.span.start, sent.span.end
        if _DIGIT.search(text, s, e) or text.find("corecard", s, e) >= 0 or text.find("ashboard", s, e) >= 0:
            counted.extend(_counts(text, s, text[s:e], acr, set()))
    for sent, found in _candidates(text, sents):
        s, e = sent.span.start, sent.span.end
        sentence = text[s:e]
        for m in SHARE.finditer(sentence) if _SHARE_CUE in found else ():
            name = _clean(f"{m.group('name')} {m.group('state')}", acr)
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(Indicator(name, [m.group("v1"), m.group("v2")], None, m.group(0),
                                     Span(s + m.start(), s + m.end()), Span(s, e)))
        for i, rx in enumerate(PATTERNS):
            if i not in found or (i in _ALSO_NEEDS and not _ALSO_NEEDS[i] & found):
                continue
            for m in rx.finditer(sentence):
                raw = m.groupdict().get("name") or ""
                if "name0" in m.groupdict() and m.group("name0"):
                    raw = m.group("name0")
                    raw = raw.split(" of ", 1)[0] + " of " + _cut(raw.split(" of ", 1)[1]) if " of " in raw \
                        else _cut(raw)
                elif rx not in (PATTERNS[3], PATTERNS[4]):
                    raw = _cut(raw)
                cut_at = sentence.find(raw, m.start())
                tail_start = cut_at + len(raw) if cut_at >= 0 else m.end()
                name = _clean(raw, acr)
                if len(name) < 6 or len(name.split()) < 2 or name.lower() in seen:
                    continue
                rest = sentence[tail_start:]
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
    # a count is kept unless a measure read above already names it ("Of the 58 KBMs" beside "75% of KBMs on track")
    named = [set(i.name.lower().split()) for i in out]
    for ind in counted:
        words = set(ind.name.lower().split())
        if ind.name.lower() not in seen and not any(words < n for n in named):
            seen.add(ind.name.lower())
            out.append(ind)
    return out
