"""Performance indicators mentioned in discussion, with values and direction of travel.

"reduced from 19.8 in June to 18.8", "75% (9) of KBMs were on track", "the reduction in the
completion of care act assessments", "our vacancy rate had reduced". The indicator name is the
noun phrase the change is about; acronyms defined in the text ("key business measures (KBMs)")
are expanded so the same measure gets the same name across documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import at_word_start
from .records import Indicator, Span
from .segment import Sentence, cues

_DIGIT = re.compile(r"\d")
_NUM = r"£?\d[\d,]*(?:\.\d+)?%?"
# A noun phrase is read greedily (fast) and then cut at the first word that ends it (_STOPWORDS),
# rather than with a lazy regex and a look-ahead at every word (slow).
_NP = r"(?P<name>[\w’'\-]+(?:[ \t]+(?:[\w’'\-]+|\([A-Z]{2,6}s?\))){0,11})"
_STOPWORDS = {"had", "has", "have", "was", "were", "is", "are", "which", "that", "who", "but", "because", "as",
              "since", "despite", "compared", "from", "to", "during", "over", "remained", "would", "could",
              "should", "needed", "and", "within", "for", "in", "this", "it", "been", "being", "did", "does", "due"}
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
_QUANTITIES = ["percentage", "proportion", "number", "numbers", "rates?", "levels?", r"average\s+numbers?", "average",
               "total", *(rf"{w}\s+costs?" for w in ("net", "total", "average", "unit", "overall", "gross", "estimated",
                                                     "projected", "annual"))]
PATTERNS = [  # most start with lexicon.at_word_start, so the engine skips to candidate letters
    re.compile(rf"(?P<dir>{at_word_start(_CHANGE_NOUNS, ignore_case=True, escape=False)})\s+in\s+(?:the\s+)?"
               r"(?:overall\s+)?" + _NP, re.I),
    re.compile(r"\b(?:performance\s+)?(?:indicator|measure|KPI|PI|target|figure|statistic)s?\s+"
               r"(?:relating\s+to|in\s+relation\s+to|for|on|regarding|around)\s+(?:the\s+)?" + _NP, re.I),
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
_NEEDS = [_DIR_WORDS, ("indicator", "measure", "kpi", " pi ", "target", "figure", "statistic"),
          ("percentage", "proportion", "number", "rate", "level", "average", "total", "cost"),
          ("rate", "level", "number", "time", "count"), (" from ",)]
_YEAR = re.compile(r"(?:19|20)\d\d")
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
    # "school transport appeals (STAs) heard": a defined acronym beside its words adds nothing
    name = re.sub(r"\s*\((?P<a>[A-Z]{2,6})s?\)", lambda m: "" if m.group("a") in acr else m.group(0), name)
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
                  "deteriorat", "indicator", "measure", "kpi", "target", "figures", "statistic",
                  "number of", "numbers of", "rate of", "rates of", "percentage of", "proportion of", "cost of",
                  "costs of")
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
_COUNT = re.compile(r"(?P<v>[\d£](?<![\w.,/£(-].)(?:(?<=£)\d|(?<!£))[\d,]*(?<!,)(?:\.\d+)?"
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
                "mb", "metres", "miles", "km", "places", "occasions", "hundred", "thousand", "minute", "mile",
                "metre", "point", "points"}
_REF_BEFORE = re.compile(r"\b(?:page|pages|item|items|paragraph|paragraphs|appendix|section|minute|minutes|para|"
                         r"point|points|recommendation|recommendations|bullet|line|clause|question|annex|"
                         r"no|number|table|figure|at|on|in|since|by|until|from|to|\d+[ \t]+and|of|Q|rule|regulation|"
                         r"act|route|room|ward)\s*$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no\s+longer|never|neither|nor)\s+(?:\w+\s+){0,2}$|n[’']t\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)


def _count_name(raw: str) -> str:
    words = []
    for w in raw.split():
        low = w.lower().strip("’'")
        if low in _STOPWORDS or low in {"of", "on", "at", "by", "with", "per", "than", "against", "compared",
                                        "across", "between", "a", "an", "the", "so", "far", "this", "last",
                                        "next", "also", "now", "currently", "still", "being", "be", "not",
                                        "out", "which", "whom"}:
            if words and low in _KEEP_AFTER.get(low, ()):
                words.append(w)
                continue
            break
        words.append(w)
    return " ".join(words)


def _each(rx: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """Every match, a count's next search starting at its name: "In 2022 there were 120 appeals"
    reads "2022" (a year, dropped) and then "120 appeals", which the year's name had swallowed."""
    if rx is not _COUNT:
        yield from rx.finditer(sentence)
        return
    pos = 0
    while m := rx.search(sentence, pos):
        yield m
        pos = m.start("name")


def _name_end(sentence: str, start: int, name: str) -> int:
    """Where a name read from `start` ends in the sentence (its words may be spaced unevenly)."""
    pos = start
    for w in name.split():
        pos = sentence.find(w, pos) + len(w)
    return pos


_COUNT_OF = re.compile(r"[ \t]+(?P<prep>to|from|for|on)[ \t]+(?:the[ \t]+)?"
                       r"(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,4})")
_OUT_OF = re.compile(r"[ \t]+out[ \t]+of[ \t]+(?:a[ \t]+total[ \t]+of[ \t]+)?(?P<d>\d[\d,]*(?<!,))"
                     r"(?:[ \t]*\((?P<p>\d+(?:\.\d+)?%)\))?")
# a share with what it says of the group: "around 25% of adults were still classified as inactive",
# "38% of assessments met the 20 week timescale"
_PCT_OF = re.compile(r"(?<![\d.,])(?P<v>\d+(?:\.\d+)?(?:%|[ \t]?per[ \t]?cent\b))[ \t]+of[ \t]+"
                     r"(?:(?:the|all|our)[ \t]+)?(?P<name>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,10})")
_SHARE_END = {"which", "that", "and", "but", "compared", "against", "while", "whilst", "although", "however",
              "than", "because", "so", "this", "it", "an", "a", "from", "during", "since", "when", "whereas",
              "despite", "who", "with", "by", "if", "or", "over", "up", "to"}
_SHARE_SKIP = {"were", "was", "are", "is", "had", "have", "has", "been", "being", "still", "currently", "now",
               "also", "already", "all"}


def _shares(sentence: str, acr: dict[str, str]) -> list[Indicator]:
    """Shares with their predicate, spans relative to the sentence (the caller places them)."""
    out = []
    if "%" not in sentence and "per" not in sentence:
        return out
    for m in _PCT_OF.finditer(sentence):
        if _REF_BEFORE.search(sentence[max(0, m.start() - 12):m.start()]):
            continue  # "equated to 3% of the net budget": the size of another figure
        words, end = [], m.start("name")
        for t in m.group("name").split():
            low = t.lower()
            if low in _SHARE_END or len(words) >= 8:
                break
            end = sentence.find(t, end) + len(t)
            if low not in _SHARE_SKIP:
                words.append(t)
        while words and words[-1].lower() in {"the", "of", "in", "as", "on", "at", "for"}:
            words.pop()
        name = _clean(" ".join(words), acr)
        if len(words) < 2 or _only_time(name) or words[0].lower() in _NOT_COUNTED or \
                words[0].lower() in {"budget", "total", "net", "these", "those", "them"}:
            continue
        end = _name_end(sentence, m.start("name"), " ".join(words))
        out.append(Indicator(name, [m.group("v")], None, sentence[m.start():end], Span(m.start(), end),
                             Span(0, len(sentence))))
    return out


def _counts(text: str, s: int, sentence: str, acr: dict[str, str], seen: set[str]) -> list[Indicator]:
    out = []
    e = s + len(sentence)
    shares = _shares(sentence, acr)
    taken = {ind.span.start for ind in shares}
    out.extend(Indicator(i.name, i.values, None, i.text, Span(s + i.span.start, s + i.span.end), Span(s, e))
               for i in shares if i.name.lower() not in seen and not seen.add(i.name.lower()))
    for rx in (_SCORECARD, _AMOUNT, _COUNT):
        if rx is _SCORECARD and "corecard" not in sentence and "ashboard" not in sentence:
            continue
        if rx is _AMOUNT and "£" not in sentence:
            continue
        for m in _each(rx, sentence):
            if rx is _COUNT:
                if m.start() in taken:
                    continue
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
                if len(head) == 2 and all(t[:1].isupper() and not t.isupper() for t in head) or \
                        head[:1] and head[0].istitle() and not sentence[:m.start()].strip():
                    continue  # "91 Budget Monitoring Report", "37 Apologies for Absence": an item number
                toks = [t.lower() for t in name.split()]
                if not toks or toks[0] in _NOT_COUNTED or not any(len(t) > 3 and t not in _NOT_COUNTED for t in toks):
                    continue
                values = [v]
                pos = _name_end(sentence, m.start("name"), name)
                if len(toks) == 1 and (to := _COUNT_OF.match(sentence, pos)):  # "1,700 responses to the survey"
                    tail = _count_name(to.group("np"))
                    if tail and not _only_time(tail):
                        name = f"{name} {to.group('prep')} {tail}"
                        pos = _name_end(sentence, to.start("np"), tail)
                if (done := _DONE.match(sentence, pos)) and name.split()[-1].lower() != done.group("done"):
                    name = f"{name} {' '.join(done.group('done').split())}"  # "1,200 pot holes ... filled"
                elif out_of := _OUT_OF.match(sentence, pos):  # "2,320 plans out of 3,007 (77%)"
                    values += [x for x in out_of.group("d", "p") if x]
            elif rx is _AMOUNT:
                name = m.group("name")
                kept = name.split()
                for i in range(len(kept) - 1, -1, -1):
                    if kept[i].lower() in _STOPWORDS or kept[i].lower() in {"an", "a", "projected", "of", "with"}:
                        # "projected an overspend of £16.3 million": the forecast stays in the name
                        lead = kept[i - 1:i] if kept[i].lower() in {"an", "a"} and i and \
                            kept[i - 1].lower() in {"projected", "forecast", "predicted", "estimated"} else []
                        kept = lead + kept[i + 1:]
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


# --- named measures: the measure is named, often with no figure ---------------------------------
# "a number of recommendations" means several; "the number of questions" and "the number of years"
# count nothing a service is measured on.
_LOOSE_QUANTITY = re.compile(r"\b(?:a|an)[ \t]+(?:(?:small|large|significant|limited|good|great|high|low|"
                             r"considerable|substantial|wide|huge|certain|reasonable)[ \t]+)?$", re.I)
_LOOSE_HEADS = {"number", "numbers", "level", "levels", "proportion", "rate", "total"}
_TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "quarter",
               "quarters", "period", "periods", "time", "times", "minutes", "previous", "last", "next", "this",
               "future", "past", "recent", "current", "coming", "following", "same", "first", "second", "financial",
               "municipal", "calendar", "academic", "school", "the", "a", "an", "of", "for", "in", "each", "every"}
_NOT_MEASURED = _TIME_WORDS - {"the", "a", "an", "of", "for", "in", "current", "financial", "school"} | {
    "questions", "question", "speakers", "members", "councillors", "items", "pages", "words", "seats", "votes",
    "occasions", "meetings", "issues", "points", "ways", "reasons", "options", "areas", "matters", "topics"}
_VALUE = r"£?\d[\d,]*(?<!,)(?:\.\d+)?(?:%|[ \t]?per[ \t]?cent\b|m\b|bn\b|k\b|[ \t]million\b|[ \t]billion\b)?"
_OF_VALUE = re.compile(r"[ \t]+of[ \t]+£?\d")
_VALUE_AFTER = re.compile(rf"[ \t]+of[ \t]+(?P<v>{_VALUE})")


def _only_time(name: str) -> bool:
    """'previous years', 'the last quarter': a time, not a measure."""
    return all(w in _TIME_WORDS or w.isdigit() for w in name.lower().split())


_TOKEN = re.compile(r"[\w’'+\-]+|[^\w\s’'+\-]")
# read backwards from a measure's head, these end its name ("on the whole performance targets")
_BACK_STOP = _STOPWORDS | {
    "of", "on", "at", "by", "with", "per", "than", "a", "an", "the", "our", "their", "its", "his", "her", "my",
    "your", "these", "those", "there", "here", "some", "all", "any", "whole", "lowest", "highest", "best",
    "worst", "also", "not", "so", "very", "too", "more", "less", "both", "each", "every", "many", "much",
    "such", "what", "how", "why", "where", "when", "whether", "if", "although", "while", "whilst", "however",
    "we", "they", "he", "she", "i", "you", "then", "still", "be", "or", "about", "regarding", "whose",
    "said", "noted", "reported", "advised", "explained", "confirmed", "stated", "reduce", "increase",
    "improve", "reducing", "increasing", "improving", "meet", "meeting", "achieve", "noting", "against", "into",
    "ensure", "ensuring", "monitor", "monitoring", "review", "reviewing", "set", "setting", "agree", "agreed",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few"}


def _back(sentence: str, end: int, limit: int = 4) -> int:
    """Start of the modifiers before a head that ends at `end`: up to `limit` words, stopping at a
    function word or a punctuation mark. Reads a short window, so it costs nothing per sentence."""
    lo = max(0, end - 80)
    toks = list(_TOKEN.finditer(sentence, lo, end))
    start, n = end, 0
    for t in reversed(toks):
        w = t.group(0)
        if n >= limit or not (w[0].isalnum() or w[0] in "£") or w.lower() in _BACK_STOP or \
                (t.start() == lo and lo > 0):
            break
        start, n = t.start(), n + 1
    return start


# heads that name a measure, read with what states its travel ("caseloads had started to reduce",
# "in-patient numbers have not spiked", "the risk scores had remained unchanged")
_HEADS = ["rates?", "levels?", "numbers", "figures", "times", "caseloads?", "scores", "targets?", "counts",
          "referrals", "admissions", "exclusions", "vacancies", r"waiting[ \t]+lists?"]
_SINGLE_OK = {"caseload", "caseloads", "referrals", "admissions", "exclusions", "vacancies"}
_STATE = re.compile(
    rf"(?P<head>{at_word_start(_HEADS, ignore_case=True, escape=False)})[ \t]+"
    r"(?:(?:had|has|have|were|was|are|is)[ \t]+)?(?P<neg>(?:not|never)[ \t]+|"
    r"(?:hadn|hasn|haven|weren|wasn|aren|isn)[’']t[ \t]+)?"
    r"(?:(?:also|now|still|further|significantly|slightly|steadily|consistently|generally)[ \t]+)?"
    r"(?:(?:been|being)[ \t]+)?(?:(?:started|begun|began|continued|continues|continue|starting)[ \t]+to[ \t]+)?"
    r"(?P<verb>reduc(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|f(?:all|alls|alling|allen|ell)|dropp?(?:ed|ing|s)?|"
    r"ris(?:e|en|es|ing)|rose|increas(?:e|ed|es|ing)|improv(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|"
    r"gr(?:ow|own|ows|owing|ew)|spik(?:e|ed|es|ing)|worsen(?:ed|ing|s)?|deteriorat(?:e|ed|es|ing)|"
    r"remain(?:ed|s)?[ \t]+(?:unchanged|stable|static|steady|the[ \t]+same|high|low)|met|achieved|missed|exceeded|"
    r"stabilised|plateaued)\b", re.I)
_UP_VERBS = ("ris", "rose", "increas", "gr", "spik")
_DOWN_VERBS = ("reduc", "decreas", "f", "drop", "declin")
# "in the context of increasing referrals and overall caseload numbers"
_TRENDING = ["increasing", "rising", "growing", "falling", "declining", "reducing", "worsening"]
_TREND = re.compile(rf"(?P<dir>{at_word_start(_TRENDING, ignore_case=True)})[ \t]+"
                    r"(?P<np>[\w’'\-]+(?:[ \t]+[\w’'\-]+){0,5})")
_HEAD_WORDS = {"rate", "rates", "level", "levels", "numbers", "figures", "times", "caseload", "caseloads",
               "scores", "counts", "referrals", "admissions", "exclusions", "vacancies", "list", "lists"}
# "the lowest workforce per 100k population"
_PER = re.compile(r"\bper[ \t]+(?:\d[\d,]*(?<!,)(?:[ \t]?k)?|head|capita)(?:[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?"
                  r"(?:population|residents|people|pupils|children|adults|households|inhabitants))?\b")
_WAITING = re.compile(r"\bwaiting[ \t]+(?:lists?|times?)\b", re.I)
# the money position with no figure: "had moved to an overall underspend", "the estimated outturn"
_FORECAST = ["overall", "forecast", "projected", "estimated", "predicted", "anticipated", "year-end"]
_POSITION = re.compile(
    rf"(?P<name>{at_word_start(_FORECAST, ignore_case=True)}[ \t]+(?:(?:revenue|capital|budget)[ \t]+)?"
    r"(?:underspend|overspend|outturn|deficit|surplus|budget[ \t]+position|financial[ \t]+position|"
    r"(?:budget|funding)[ \t]+gap))\b(?:[ \t]+for[ \t]+(?:the[ \t]+)?(?P<fy>\d{4}/\d{2}|\d{4}-\d{2}))?")
# "a small improvement of £1.2 million from the previous forecast overspend"
_CHANGES = ["improvement", "increase", "reduction", "decrease", "rise", "fall", "drop", "decline", "deterioration"]
_CHANGE_OF = re.compile(
    rf"(?P<dir>{at_word_start(_CHANGES, ignore_case=True)})[ \t]+of[ \t]+"
    rf"(?:(?:around|approximately|some|almost|nearly|over|about)[ \t]+)?(?P<v>{_VALUE})[ \t]+"
    r"(?P<prep>from|on|in|against)[ \t]+(?:the[ \t]+)?" + _NP)
# "the average wait time for an assessment ... was 33 weeks"
_AVERAGE = re.compile(r"\b[Aa]verage[ \t]+(?P<np>[a-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,5})")
_AVERAGE_VALUE = re.compile(rf"\b(?:was|were|is|are|stood[ \t]+at|of|at)[ \t]+(?:around[ \t]+|about[ \t]+)?"
                            rf"(?P<v>{_VALUE}(?:[ \t]+(?:weeks|days|months|hours|minutes|years))?)")
# counts written in words, with what was done to them: "four internal audit assignments completed"
_NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "fifteen", "twenty", "thirty", "forty", "fifty", "hundred"]
_WORD_COUNT = re.compile(rf"(?P<v>{at_word_start(_NUMBER_WORDS, ignore_case=True)})\b[ \t]+"
                         r"(?P<name>[A-Za-z][\w’'\-]*(?:[ \t]+[A-Za-z][\w’'\-]*){0,4})")
_DONE = re.compile(
    r"[ \t]+(?:(?:which|that)[ \t]+)?(?:(?:had|have|has|were|was|are|is)[ \t]+)?"
    r"(?:(?:also|now|already|successfully|recently)[ \t]+)?(?:(?:been|being)[ \t]+)?"
    r"(?P<done>completed|received|lodged|filled|undertaken|issued|served|approved|refused|determined|recorded|"
    r"submitted|closed|resolved|opened|delivered|achieved|published|investigated|upheld|processed|granted|"
    r"carried[ \t]+out|registered|finalised|repaired|inspected|installed|built|housed|placed|supported)\b")
_PROCEDURAL = {"questions", "question", "petitions", "deputations", "apologies", "declarations", "motions",
               "amendments", "items", "members", "councillors", "minutes", "recommendations", "speakers"}


def _direction_of(verb: str, negated: bool) -> str | None:
    """Up or down from the verb of a change; none when negated or when the verb gives no sense."""
    low = verb.lower()
    if negated or low.startswith(("improv", "worsen", "deterior", "remain", "met", "achiev", "miss", "exceed",
                                  "stabil", "plateau")):
        return None
    if low.startswith(_UP_VERBS) and not low.startswith(("fall", "fell")):
        return "up"
    if low.startswith(_DOWN_VERBS):
        return "down"
    return None


def _named(text: str, s: int, sentence: str, acr: dict[str, str]) -> list[Indicator]:
    """Measures a sentence names with or without a figure: a head with its travel, a trend
    ("increasing referrals"), a rate per head of population, a waiting list, the budget position,
    a change of a figure from an earlier one, an average, and counts written in words."""
    e = s + len(sentence)
    low = sentence.lower()
    # start, end, name, values, direction; the readings with a figure first, as they win an overlap
    found: list[tuple[int, int, str, list[str], str | None]] = []
    if " of " in sentence:
        for m in _CHANGE_OF.finditer(sentence):
            rest = _cut(m.group("name"))
            if _only_time(rest):
                continue
            name = f"{m.group('dir')} {m.group('prep')} {rest}"
            d = m.group("dir").lower()
            direction = "up" if d.startswith(("increase", "rise")) else "down" if d.startswith(
                ("reduction", "decrease", "fall", "drop", "decline")) else None
            found.append((m.start(), m.start("name") + len(m.group("name")), name, [m.group("v")], direction))
    if "verage" in sentence:
        for m in _AVERAGE.finditer(sentence):
            np = _cut(m.group("np"))
            if not np or np.split()[0].lower() in {"of", "number", "numbers"}:
                continue
            after = sentence.find(np, m.start("np")) + len(np)
            v = _AVERAGE_VALUE.search(sentence, after)
            found.append((m.start(), v.end() if v else after, f"{m.group(0)[:7].lower()} {np}",
                          [v.group("v")] if v else [], None))
    for m in _WORD_COUNT.finditer(sentence):
        words = []
        for w in m.group("name").split():
            if w.lower() in _BACK_STOP or _DONE.match(" " + w):
                break
            words.append(w)
        if not words or words[0].lower() in _NOT_COUNTED | _PROCEDURAL:
            continue
        pos = sentence.find(words[-1], m.start("name")) + len(words[-1])
        done = _DONE.match(sentence, pos)
        if done:
            found.append((m.start(), done.end(), " ".join([*words, done.group("done")]), [m.group("v").lower()],
                          None))
    for m in _STATE.finditer(sentence):
        head = m.group("head")
        start = _back(sentence, m.start("head"))
        name = " ".join((sentence[start:m.start("head")] + head).split())
        if len(name.split()) < 2 and head.lower() not in _SINGLE_OK:
            continue
        found.append((start, m.end(), name, [], _direction_of(m.group("verb"), bool(m.group("neg")))))
    if "ing " in sentence:
        for m in _TREND.finditer(sentence):
            toks = m.group("np").split()
            keep = 0
            for i, w in enumerate(toks):
                lw = w.lower()
                if lw in _STOPWORDS and lw != "and" or lw in {"of", "the", "a", "an", "on", "at", "with", "by"}:
                    break
                if lw in _HEAD_WORDS:
                    keep = i + 1
            name = " ".join(toks[:keep])
            if not keep or toks[keep - 1].lower() == "and" or (keep == 1 and toks[0].lower() not in _SINGLE_OK):
                continue
            end = sentence.find(toks[keep - 1], m.start("np")) + len(toks[keep - 1])
            found.append((m.start(), end, name, [], "down" if m.group("dir").lower() in
                          ("falling", "declining", "reducing") else "up"))
    if "per " in sentence:
        for m in _PER.finditer(sentence):
            start = _back(sentence, m.start())
            if start < m.start():
                found.append((start, m.end(), " ".join(sentence[start:m.end()].split()), [], None))
    if "waiting" in low:
        for m in _WAITING.finditer(sentence):
            start = _back(sentence, m.start())
            found.append((start, m.end(), " ".join(sentence[start:m.end()].split()), [], None))
    if any(w in low for w in ("spend", "outturn", "deficit", "surplus", "position", "gap")):
        for m in _POSITION.finditer(sentence):
            name = " ".join(m.group(0).split()).replace(" for the ", " for ")
            found.append((m.start(), m.end(), name, [], None))
    out = []
    for start, end, name, values, direction in found:
        name = _clean(name, acr)
        if len(name) < 5 or _only_time(name):
            continue
        out.append(Indicator(name, values, direction, sentence[start:end], Span(s + start, s + end), Span(s, e)))
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
                    if _LOOSE_QUANTITY.search(sentence, 0, m.start()) and raw.split()[0].lower() in _LOOSE_HEADS:
                        continue  # "a number of recommendations": several, not a measure
                    of_what = raw.split(" of ", 1)[1].split() if " of " in raw else []
                    if not of_what or of_what[0].lower() in _NOT_MEASURED:
                        continue  # "the number of questions", "the number of years": no measure
                elif rx not in (PATTERNS[3], PATTERNS[4]):
                    raw = _cut(raw)
                by_value = _OF_VALUE.search(raw) if rx is PATTERNS[0] else None
                if by_value:  # "a reduction in crime of 30%": the figure is the change, not the name
                    raw = raw[:by_value.start()]
                if rx is PATTERNS[0] and len(raw.split()) == 1 and not m.group("dir").lower().endswith("ed") \
                        and not _only_time(raw):
                    raw = f"{m.group('dir')} in {raw}"  # "reduction in crime": one word is no name alone
                cut_at = sentence.find(raw, m.start())
                tail_start = cut_at + len(raw) if cut_at >= 0 else m.end()
                name = _clean(raw, acr)
                if len(name) < 6 or len(name.split()) < 2 or name.lower() in seen or _only_time(name):
                    continue
                rest = sentence[tail_start:]
                vals = VALUES.search(rest) or VALUES.search(sentence[m.start():])
                values = [vals.group("v1"), vals.group("v2")] if vals else []
                if values and all(_YEAR.fullmatch(v) for v in values):
                    values = []  # "from 2021 to 2022": when, not how much
                if not values and by_value and (of_value := _VALUE_AFTER.match(sentence, tail_start)):
                    values = [of_value.group("v")]
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
    # measures named without the shapes above, unless their words are already read as one
    spans = [(i.span.start, i.span.end) for i in out]
    for sent in sents:
        for ind in _named(text, sent.span.start, text[sent.span.start:sent.span.end], acr):
            if ind.name.lower() in seen or any(a < ind.span.end and ind.span.start < b for a, b in spans):
                continue
            seen.add(ind.name.lower())
            spans.append((ind.span.start, ind.span.end))
            out.append(ind)
    return _one_per_measure(out)


_OF_QUANTITY = re.compile(r"^(?:the\s+)?(?:average\s+)?(?:number|numbers|percentage|proportion|rates?|levels?)\s+of\s+")
_MONEY_HEADS = {"overspend", "underspend", "outturn", "deficit", "surplus"}


def _one_per_measure(found: list[Indicator]) -> list[Indicator]:
    """The first reading of each measure. Discussion names one measure several ways: "the percentage
    of mothers smoking" then "the number of mothers smoking", "the forecast overspend of £4.7m" then
    "a projected overspend of £4.7 million", "the scorecards for A and B" after "the Scorecard for A"."""
    out, keys = [], set()
    for ind in found:
        low = ind.name.lower()
        words = low.split()
        if words[-1] in _MONEY_HEADS and len(words) <= 3:
            key = f"money:{words[-1]}"
        elif re.match(r"(?:performance\s+)?(?:scorecards|dashboards)\b", low) and \
                any("scorecard" in k or "dashboard" in k for k in keys):
            continue  # the scorecards already read one by one
        else:
            key = _OF_QUANTITY.sub("", low)
        if key in keys:
            continue
        keys.add(key)
        out.append(ind)
    return out
