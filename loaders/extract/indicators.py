"""Performance indicators mentioned in discussion, with values and direction of travel.

"reduced from 19.8 in June to 18.8", "75% (9) of KBMs were on track", "the reduction in the
completion of care act assessments", "our vacancy rate had reduced". The indicator name is the
noun phrase the change is about; acronyms defined in the text ("key business measures (KBMs)")
are expanded so the same measure gets the same name across documents.

Minutes name most measures without a figure, or with one in a shape of their own, so `_named`
reads those too: a head with its travel ("caseloads had started to reduce", "targets were not
being met"), a measure at a figure ("Sickness absence stood at 9.1 days") or against a comparator
or status ("below the national average", "rated amber"), a head with a word of its own ("the staff
vacancy rate"), counts written in words with what was done to them ("four audit reviews
completed"), trends, rates per head of population, waiting lists, the money position, averages,
timeliness and audit assurance levels; backlogs, what a service overspent, counts a member asks
for ("how many carers there were"), inspection grades ("judged as outstanding"), national
indicators by number, floors ("a minimum of nine firefighters"), the parts of a count given before
("Of the 16 complaints considered, 10 were referred") and a measure that "would go from" one figure
to another. Negated travel ("had not increased") gives no direction; "a number of" or "a reducing
number of" (several), procedural counts ("the number of questions", "3 questions were received"),
times ("previous years"), names of which or when only ("the first three measures", "a quarterly
figure"), bodies ("statistics for Eastfold Council") and a reading cut off by the end of an excerpt
are not measures; one measure named several ways in a document is one indicator.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import compiled_re as re
from .lexicon import at_word_start
from .records import Indicator, Span
from .segment import Sentence, cues, lowered

_DIGIT = re.compile(r"\d")
# A reading of a sentence: start, end (offsets in the sentence), name, values, direction.
_Reading = tuple[int, int, str, list[str], str | None]
_NUM = r"£?\d[\d,]*(?:\.\d+)?%?"
# A noun phrase is read greedily (fast) and then cut at the first word that ends it (_STOPWORDS),
# rather than with a lazy regex and a look-ahead at every word (slow).
_NP = r"(?P<name>[\w’'\-]+(?:[ \t]+(?:[\w’'\-]+|\([A-Z]{2,6}s?\))){0,11})"
_STOPWORDS = {"had", "has", "have", "was", "were", "is", "are", "which", "that", "who", "but", "because", "as",
              "since", "despite", "compared", "from", "to", "during", "over", "remained", "would", "could",
              "should", "needed", "and", "within", "for", "in", "this", "it", "been", "being", "did", "does", "due",
              "by", "continues", "continue", "remains", "remain", "seems", "appears"}
_KEEP_AFTER = {"and": {"training", "employment", "skills", "retention", "recruitment", "health", "care"},
               "in": {"care", "employment", "education", "pregnancy", "hospital", "work", "crisis", "need", "poverty",
                      "temporary", "receipt", "custody", "treatment"},
               "within": {"12", "20", "28", "timescale", "timescales", "target"}, "for": {"more"}}


# "the rate of exclusions needs to fall": a verb, where the word is a noun elsewhere ("needs assessments")
_VERB_BEFORE_TO = {"needs", "need", "has", "have", "wants", "ought", "used", "tends"}


def _cut(name: str) -> str:
    words = name.split()
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if out and (low in _STOPWORDS or low in _VERB_BEFORE_TO and i + 1 < len(words) and words[i + 1] == "to"):
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
_MEASURE_WORDS = ["indicator", "measure", "KPI", "PI", "target", "figure", "statistic"]
PATTERNS = [  # most start with lexicon.at_word_start, so the engine skips to candidate letters
    re.compile(rf"(?P<dir>{at_word_start(_CHANGE_NOUNS, ignore_case=True, escape=False)})\s+in\s+(?:the\s+)?"
               r"(?:overall\s+)?" + _NP, re.I),
    re.compile(rf"(?:{at_word_start(_MEASURE_WORDS, ignore_case=True)})s?\s+"
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
# the verb of change that patterns 3 and 4 end with, searched first: from each "the" they read up to
# five words (or 80 characters) of name, which costs much more than finding that no verb follows any
_TAILS = {3: re.compile(r"\s(?:rate|levels?|numbers?|times?|count)\s+(?:had|has|have)?\s*(?:been\s+)?(?:reduced|"
                        r"increased|dropped|fallen|risen|improved|declined|decreased|grown|worsened)\b", re.I),
          4: re.compile(r"\s(?:had|has|have)\s+(?:been\s+)?(?:increased|reduced|risen|fallen|dropped|improved|"
                        r"declined|decreased|grown|gone\s+up|gone\s+down)\s+from\s+\d")}
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


_ARTICLE = re.compile(r"^(?:the|a|an|our)\s+", re.I)
_BRACKETED = re.compile(r"\s*\((?P<a>[A-Z]{2,6})s?\)")
_PRICE_BEFORE = re.compile(r"\bfor[ \t]+$", re.I)
_YEAR_SPAN_END = re.compile(r"[-–]\s*$")
_FOR_ON = re.compile(r"(\s+(?:for|on)\s+(?:the\s+)?)")


def _clean(name: str, acr: dict[str, str]) -> str:
    name = _ARTICLE.sub("", name.strip())
    # "school transport appeals (STAs) heard": a defined acronym beside its words adds nothing
    if "(" in name:
        name = _BRACKETED.sub(lambda m: "" if m.group("a") in acr else m.group(0), name)
    for a, full in acr.items():
        if a in name:  # the pattern needs the letters; most names have no acronym
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
_CANDIDATE_CUES = (*_NEEDS, ("%",), _TRIGGER_WORDS, ("gone",))
# patterns 3 and 4 also need their verb of change ("had increased", "has gone up"), all of which
# contain a word of the first cue group
_ALSO_NEEDS = {3: {0}, 4: {0, _GONE_CUE}}


def _candidates(sents: list[Sentence], found: dict[int, set[int]]) -> list[tuple[Sentence, set[int]]]:
    """Sentences worth reading, each with the cues it has (pattern indexes, `_SHARE_CUE`, `_TRIGGER_CUE`):
    some pattern's cue, and a trigger (a figure, "PI", a change or a measure). `found` is `_page_cues`."""
    return [(sents[k], cue) for k, cue in sorted(found.items(), key=lambda kc: sents[kc[0]].span.start)
            if (_TRIGGER_CUE in cue or _DIGIT_FLAG in cue or _PI_FLAG in cue) and min(cue) < _DIGIT_FLAG]


# counts and shares as printed: "412 plans were finalised", "41% of assessments met the timescale",
# "an overspend of £4.7m"; and named scorecards ("the Performance Scorecard for Adult Services")
_COUNT = re.compile(r"(?P<v>[\d£](?<![\w.,/£(-].)(?:(?<=£)\d|(?<!£))[\d,]*(?<!,)(?:\.\d+)?"
                    r"(?:%|\s?per\s?cent|m\b|bn\b|k\b| million\b)?)"
                    r"(?!\s*(?:/|-|–|:|\.\d|\)))[ \t]+(?:of\s+(?:the\s+|all\s+|our\s+)?)?(?P<name>[A-Za-z][\w’'\-]*"
                    r"(?:[ \t]+[\w’'\-]+){0,6})")
_AMOUNT_HEAD = (r"(?:overspend|underspend|deficit|surplus|savings?|shortfall|budget|cost|costs|spend|reserves?|"
                r"balance|gap|pressure|pressures|income)")
_AMOUNT_VALUE = r",?\s+(?:of|was|is|stood\s+at|at|totalling)\s+(?:around\s+|approximately\s+|some\s+)?"
_AMOUNT = re.compile(rf"(?P<name>(?:[A-Za-z][\w’'\-]*[ \t]+){{0,3}}{_AMOUNT_HEAD}){_AMOUNT_VALUE}"
                     r"(?P<v>£\d[\d,]*(?:\.\d+)?(?:m\b|bn\b|k\b| million\b| billion\b)?)")
# every _AMOUNT match holds one of these (its head and the value after it): _AMOUNT tries its three
# leading words at every position of a sentence, this skips ahead to the head words' letters
_AMOUNT_NEEDS = re.compile(rf"{_AMOUNT_HEAD}{_AMOUNT_VALUE}£\d")
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


_COUNT_OF = re.compile(r"[ \t]+(?P<prep>to|from|for|on|of)[ \t]+(?:the[ \t]+)?"
                       r"(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,4})")
_OUT_OF = re.compile(r"[ \t]+out[ \t]+of[ \t]+(?:a[ \t]+total[ \t]+of[ \t]+)?(?P<d>\d[\d,]*(?<!,))"
                     r"(?:[ \t]*\((?P<p>\d+(?:\.\d+)?%)\))?")
# a share with what it says of the group: "around 25% of adults were still classified as inactive",
# "38% of assessments met the 20 week timescale"
_PCT_OF = re.compile(r"(?P<v>\d(?<![\d.,]\d)\d*(?:\.\d+)?(?:%|[ \t]?per[ \t]?cent\b))[ \t]+of[ \t]+"
                     r"(?:(?:the|all|our)[ \t]+)?(?P<name>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,10})")
_SHARE_END = {"which", "that", "and", "but", "compared", "against", "while", "whilst", "although", "however",
              "than", "because", "so", "this", "it", "an", "a", "from", "during", "since", "when", "whereas",
              "despite", "who", "with", "by", "if", "or", "over", "up", "to"}
_SHARE_SKIP = {"were", "was", "are", "is", "had", "have", "has", "been", "being", "still", "currently", "now",
               "also", "already", "all"}


def _shares(sentence: str, acr: dict[str, str]) -> list[_Reading]:
    """Shares with their predicate, spans relative to the sentence (the caller places them)."""
    out: list[_Reading] = []
    if "%" not in sentence and "per cent" not in sentence and "percent" not in sentence:
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
        out.append((m.start(), _name_end(sentence, m.start("name"), " ".join(words)), name, [m.group("v")], None))
    return out


def _counts(sentence: str, acr: dict[str, str]) -> list[_Reading]:
    """Shares, amounts, counts and named scorecards of a sentence with a figure, spans relative to it
    (readings, not `Indicator`s: most are dropped by `find_indicators` as named already)."""
    seen: set[str] = set()
    shares = _shares(sentence, acr)
    taken = {r[0] for r in shares}
    out = [r for r in shares if r[2].lower() not in seen and not seen.add(r[2].lower())]
    for rx in (_SCORECARD, _AMOUNT, _COUNT):
        if rx is _SCORECARD and "corecard" not in sentence and "ashboard" not in sentence:
            continue
        if rx is _AMOUNT and ("£" not in sentence or _AMOUNT_NEEDS.search(sentence) is None):
            continue
        for m in _each(rx, sentence):
            if rx is _COUNT:
                if m.start() in taken:
                    continue
                v = m.group("v")
                digits = v.strip("£%").replace(",", "")
                before = sentence[max(0, m.start() - 12):m.start()]
                if _YEAR_SPAN_END.search(before):
                    continue  # "2017- 20": the end of a span of years
                if v[0] == "£" and _PRICE_BEFORE.search(before):
                    continue  # "sold for £1.00 to a charity": a price paid, and the words after it are no count
                if _YEAR.fullmatch(digits) or _REF_BEFORE.search(before):
                    continue
                name = _count_name(m.group("name"))
                head = name.split()[:2]
                if v[0] != "£" and (len(head) == 2 and all(t[:1].isupper() and not t.isupper() for t in head) or
                                    head[:1] and head[0].istitle() and not sentence[:m.start()].strip()):
                    continue  # "91 Budget Monitoring Report", "37 Apologies for Absence": an item number
                toks = [t.lower() for t in name.split()]
                if not toks or toks[0] in _NOT_COUNTED or toks[0] in _PROCEDURAL or \
                        not any(len(t) > 3 and t not in _NOT_COUNTED for t in toks):
                    continue  # "3 questions were received", "seven names had been put forward": the meeting's business
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
                head, sep, tail = _FOR_ON.split(m.group("name"), maxsplit=1)
                name = head + sep + _cut(tail)
                values = []
            name = _clean(name, acr)
            if len(name) < 6 or len(name.split()) < 2 or name.lower() in seen:
                continue
            seen.add(name.lower())
            out.append((m.start(), m.end(), name, values, None))
    return out


# --- named measures: the measure is named, often with no figure ---------------------------------
# "a number of recommendations" means several; "the number of questions" and "the number of years"
# count nothing a service is measured on.
_LOOSE_QUANTITY = re.compile(r"\b(?:a|an)[ \t]+(?:(?:small|large|significant|limited|good|great|high|low|"
                             r"considerable|substantial|wide|huge|certain|reasonable|increasing|reducing|decreasing|"
                             r"growing|rising|falling|declining)[ \t]+)?$", re.I)
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
_SIZE_BEFORE = re.compile(r"(?<![\d.,])(?P<v>\d+(?:\.\d+)?%|£\d[\d,]*(?:\.\d+)?(?:m|bn|k)?)[ \t]+$")
_VALUE_AFTER = re.compile(rf"[ \t]+of[ \t]+(?P<v>{_VALUE})")


def _only_time(name: str) -> bool:
    """'previous years', 'the last quarter': a time, not a measure."""
    return all(w in _TIME_WORDS or w.isdigit() for w in name.lower().split())


_AUXILIARY = {"be", "been", "being", "was", "were", "is", "are", "had", "has", "have", "not", "to", "would", "could",
              "should", "will", "may", "might", "must", "can"}
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
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few",
    "alongside", "across", "beyond", "among", "amongst", "including", "excluding", "like", "via", "under"}


def _back(sentence: str, end: int, limit: int = 4) -> int:
    """Start of the modifiers before a head that ends at `end`: up to `limit` words, stopping at a
    function word or a punctuation mark. Reads a short window, so it costs nothing per sentence."""
    lo = max(0, end - 80)
    toks = list(_TOKEN.finditer(sentence, lo, end))
    start, n = end, 0
    for i in range(len(toks) - 1, -1, -1):
        t, w = toks[i], toks[i].group(0)
        if n >= limit or not (w[0].isalnum() or w[0] in "£") or w.lower() in _BACK_STOP or \
                (t.start() == lo and lo > 0):
            break
        if w.lower().endswith("ed") and i and toks[i - 1].group(0).lower() in _AUXILIARY:
            break  # "be viewed alongside other indicators": a verb, not a modifier like "delayed"
        start, n = t.start(), n + 1
    return start


# heads that name a measure, read with what states its travel ("caseloads had started to reduce",
# "in-patient numbers have not spiked", "the risk scores had remained unchanged")
# things a service counts, each a measure even alone ("referrals had increased", "Sickness absence was 9.1 days")
_MEASURABLE = {"caseload", "caseloads", "referrals", "admissions", "exclusions", "vacancies", "absence", "absences",
               "attendance", "recycling", "turnover", "demand", "complaints", "arrears", "uptake", "take-up",
               "participation", "satisfaction", "timeliness", "delays", "placements", "enquiries", "incidents",
               "crime", "offending", "reoffending", "re-offending", "homelessness", "usage", "footfall", "visits",
               "discharges", "waits", "backlog", "evictions", "casualties", "burglaries", "re-referrals",
               "sickness", "spend", "income", "reserves", "savings", "overspend", "underspend"}
_HEADS = ["rates?", "levels?", "numbers", "figures", "times", "caseloads?", "scores", "targets?", "counts",
          r"waiting[ \t]+lists?", "performance", *sorted(_MEASURABLE - {"caseload", "caseloads"})]
_SINGLE_OK = _MEASURABLE
_STATE_VERBS = [
    "reduc(?:e|ed|es|ing)", "decreas(?:e|ed|es|ing)", "f(?:all|alls|alling|allen|ell)", "dropp?(?:ed|ing|s)?",
    "ris(?:e|en|es|ing)", "rose", "increas(?:e|ed|es|ing)", "improv(?:e|ed|es|ing)", "declin(?:e|ed|es|ing)",
    "gr(?:ow|own|ows|owing|ew)", "spik(?:e|ed|es|ing)", "worsen(?:ed|ing|s)?", "deteriorat(?:e|ed|es|ing)",
    r"remain(?:ed|s)?[ \t]+(?:unchanged|stable|static|steady|the[ \t]+same|high|low)", "met", "achieved", "missed",
    "exceeded", "stabilised", "plateaued", "doubled", "halved", r"gone[ \t]+(?:up|down)",
    # a level against an earlier one, after a verb "to be": "caseloads were now more manageable"
    "higher", "lower", "better", "worse", "longer", "shorter", "manageable"]
_COMPARATIVE = {"higher", "lower", "better", "worse", "longer", "shorter", "manageable"}
_BE_WORDS = {"were", "was", "are", "is", "been", "remained", "remain", "remains"}
# read from its verb (the engine skips to those), then back over "had not been", "have started to" to the head
_STATE = re.compile(rf"(?P<verb>{at_word_start(_STATE_VERBS, ignore_case=True, escape=False)})\b", re.I)
_STATE_LEAD = {"had", "has", "have", "were", "was", "are", "is", "not", "never", "hadn’t", "hasn’t", "haven’t",
               "weren’t", "wasn’t", "aren’t", "isn’t", "hadn't", "hasn't", "haven't", "weren't", "wasn't", "aren't",
               "isn't", "also", "now", "still", "further", "significantly", "slightly", "steadily", "consistently",
               "generally", "been", "being", "started", "begun", "began", "continued", "continues", "continue",
               "starting", "more", "less", "much", "far"}
_STARTED_TO = re.compile(r"\b(?:started|begun|began|continued|continues|continue|starting)[ \t]+to[ \t]+$")
_HEAD_SET = {"rate", "rates", "level", "levels", "numbers", "figures", "times", "caseload", "caseloads", "scores",
             "target", "targets", "counts", "performance"} | _MEASURABLE
_UP_VERBS = ("ris", "rose", "increas", "gr", "spik")
_DOWN_VERBS = ("reduc", "decreas", "f", "drop", "declin")
# "in the context of increasing referrals and overall caseload numbers"
_TRENDING = ["increasing", "rising", "growing", "falling", "declining", "reducing", "worsening",
             # a level or persistence with no travel: "continued staff turnover", "high caseloads"
             "continued", "continuing", "persistent", "persistently", "high", "low"]
_NO_TRAVEL = {"continued", "continuing", "persistent", "persistently", "high", "low"}
_TREND = re.compile(rf"(?P<dir>{at_word_start(_TRENDING, ignore_case=True)})[ \t]+"
                    r"(?P<np>[\w’'\-]+(?:[ \t]+[\w’'\-]+){0,5})")
_HEAD_WORDS = {"rate", "rates", "level", "levels", "numbers", "figures", "times", "scores", "counts", "list",
               "lists"} | _MEASURABLE
# "the lowest workforce per 100k population"
_PER = re.compile(r"\bper[ \t]+(?:\d[\d,]*(?<!,)(?:[ \t]?k)?|head|capita)(?:[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?"
                  r"(?:population|residents|people|pupils|children|adults|households|inhabitants))?\b")
_WAITING = re.compile(r"\bwaiting[ \t]+(?:lists?|times?)\b", re.I)
# a measure named by its head alone: "the vacancy rate", "pupil numbers", "staffing levels", "risk scores",
# "the delayed discharge indicator", "the housing KPIs"; a head is only a measure with a word of its own
_NAMED_HEADS = ["rate", "rates", "levels", "numbers", "times", "scores", "ratios?", "indicators?", "KPIs?",
                "metrics"]
_NAMED_HEAD = re.compile(rf"(?P<head>{at_word_start(_NAMED_HEADS, ignore_case=True, escape=False)})\b")
_GENERIC_MODIFIERS = {
    "latest", "current", "new", "key", "overall", "national", "local", "high", "low", "higher", "lower", "similar",
    "different", "other", "various", "same", "fixed", "agreed", "performance", "corporate", "such", "many",
    "several", "record", "unprecedented", "increased", "reduced", "increasing", "reducing", "rising", "falling",
    "good", "poor", "significant", "certain", "relevant", "appropriate", "existing", "future", "previous", "target",
    "both", "senior", "varying", "old", "main", "core", "proposed", "statutory", "specific", "individual",
    "council's", "council’s", "government's", "government’s", "its", "flat", "standard", "full", "reasonable",
    "compulsory", "mandatory", "above", "below"}
# quantifiers, ordinals and reporting periods say which or when, not what is measured ("most indicators",
# "the remaining measures", "the first three measures", "a quarterly figure of 255")
_WHICH = {"most", "remaining", "some", "all", "these", "those", "first", "second", "third", "last", "final", "two",
          "three", "four", "five", "six", "quarterly", "monthly", "weekly", "annual", "yearly", "provisional",
          "actual", "headline", "total"}
_GENERIC_MODIFIERS |= _WHICH
# a head that modifies the noun after it names the scheme, not a measure: "a compulsory KPI system",
# "the rate card", "the indicator set for 2024"
_HEAD_AS_MODIFIER = re.compile(r"[ \t]+(?:system|systems|framework|frameworks|regime|management|set|sets|card|"
                               r"cards|report|reports|table|tables|definitions?|guidance|methodology|review)\b", re.I)
_GENERIC_HEADS = {"indicator", "indicators", "kpi", "kpis", "measure", "measures", "targets", "target", "figures",
                  "data", "numbers", "levels", "rates", "performance", "figure", "statistics"}
_NOT_MEASURE_BEFORE = {  # the word before a head that makes it no measure: "business rates", "phone numbers"
    "rate": {"interest", "hourly", "discount", "exchange", "pay", "tax", "mortgage", "flat", "daily", "first"},
    "rates": {"business", "interest", "hourly", "discount", "exchange", "pay", "mortgage", "non-domestic",
              "domestic", "national", "council"},
    "numbers": {"telephone", "phone", "contact", "reference", "house", "mobile", "serial", "item", "page",
                "policy", "account", "registration", "plot", "bus", "route"},
    "times": {"opening", "closing", "meeting", "start", "finish", "bus", "train", "collection", "three", "two",
              "many", "several", "different", "all", "peak"},
    "levels": {"all", "senior", "management", "different", "various", "ground", "floor"},
}
# a measure at a level: "a collection rate of 96.5%", "a satisfaction score of 8.2"
_OF_A_VALUE = re.compile(rf"of(?<!\wof)[ \t]+(?:(?:around|approximately|about|over|nearly|almost|just[ \t]+over|"
                         rf"just[ \t]+under)[ \t]+)?(?P<v>{_VALUE})")
_LEVEL_HEADS = {"rate", "level", "score", "ratio", "figure", "target", "average", "share", "percentage", "uptake",
                "take-up", "occupancy", "turnover", "coverage"}
# a subject that moved, with no object after the verb ("Council tax arrears had doubled since 2022"; not
# "the service had reduced its spend"), or that saw a change ("Fly-tipping reports had seen a sharp rise")
_MOVED_VERBS = {"increased", "decreased", "risen", "rose", "fallen", "fell", "dropped", "declined", "doubled",
                "halved", "reduced", "gone up", "gone down"}  # read with `_STATE`'s verbs
_NO_OBJECT = re.compile(r"[ \t]*(?:[.,;:)]|$|(?:from|to|by|in|over|since|during|compared|significantly|"
                        r"slightly|sharply|considerably|steadily|further|again|and|this|last|year|each|every)\b)",
                        re.I)
_SEEN = re.compile(r"seen(?<!\wseen)[ \t]+an?[ \t]+(?:(?:significant|slight|sharp|small|large|marked|further|"
                   r"\d+(?:\.\d+)?%)[ \t]+)?(?P<seen>increase|rise|fall|reduction|decrease|drop|decline|improvement)\b")
# "a national target to reduce the number of ...", "the top quartile for household waste recycled"
_TARGET_TO = re.compile(r"\btargets?[ \t]+(?:to|of)[ \t]+(?:reduce|increase|improve|halve|cut|achieve|meet|raise|"
                        r"eliminate|end)[ \t]+(?:the[ \t]+)?" + _NP)
# measured amounts and timeliness: "3,400 tonnes of food waste", "applications decided within 8 weeks"
_UNIT_OF = re.compile(r"(?P<v>\d(?<![\w.,£]\d)[\d,]*(?<!,)(?:\.\d+)?[ \t]+(?P<unit>square[ \t]+metres|tonnes|miles|"
                      r"kilometres|km|hours|litres|hectares|acres|metres))[ \t]+of[ \t]+(?:the[ \t]+)?"
                      r"(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,4})")
_WITHIN = re.compile(r"\bwithin[ \t]+(?:(?:the|a|an)[ \t]+)?(?:target[ \t]+(?:of[ \t]+)?)?(?P<v>\d+|one|two|three|"
                     r"four|five|six|seven|eight|ten|twelve)[ \t]+(?:working[ \t]+|calendar[ \t]+)?(?:days?|weeks?|"
                     r"months?|hours?)\b")
# internal audit's assurance levels: "The audit of Payroll received Limited assurance"
_ASSURANCE = re.compile(
    r"\b(?:(?:[Tt]he|[Aa]n?)[ \t]+)?(?P<name>(?:[\w’'\-]+[ \t]+){0,4}?(?:audit|review)(?:[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"[\w’'\-.,&/ \t]{3,80}?)?)[ \t]+(?:had[ \t]+)?(?:received|was[ \t]+given|was[ \t]+awarded|achieved|"
    r"was[ \t]+assessed[ \t]+as|was[ \t]+rated)[ \t]+(?:an?[ \t]+)?(?:opinion[ \t]+of[ \t]+)?"
    r"(?P<level>(?:substantial|reasonable|limited|no|moderate|adequate|full|partial|minimal)"
    r"(?:[ \t]*/[ \t]*\w+)?)[ \t]+assurance", re.I)
_QUARTILE = re.compile(r"\b(?:top|bottom|upper|lower|second|third|first|fourth)[ \t]+quartile[ \t]+(?:for|in|on)"
                       r"[ \t]+(?:the[ \t]+)?" + _NP)
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
_QUANTITY_HEADS = {"rate", "rates", "level", "levels", "number", "numbers", "figure", "score", "time", "times",
                   "cost", "costs", "count"}
_FOR_WHAT = re.compile(r"[ \t]+for[ \t]+(?:(?:the|an?)[ \t]+)?(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,5})")
_AVERAGE_AS_COMPARATOR = re.compile(r"\b(?:than|above|below)[ \t]+$", re.I)
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
    r"carried[ \t]+out|registered|finalised|repaired|inspected|installed|built|housed|placed|supported|"
    r"distributed|collected|removed|cleared|spread|answered|put[ \t]+out)\b")
_PROCEDURAL = {"questions", "question", "petitions", "deputations", "apologies", "declarations", "motions",
               "amendments", "items", "members", "councillors", "minutes", "recommendations", "speakers", "names",
               "nominations"}


# a measure at a figure, or moved to or by one: "Sickness absence stood at 9.1 days", "the collection
# rate had fallen from 97.2% to 96.1%", "Missed bins were 0.3%"
_MOVES = ["increased", "decreased", "fallen", "fell", "rose", "risen", "reduced", "dropped", "improved", "declined",
          "grown", "grew", r"gone[ \t]+(?:up|down)", "reached", "totalled", "doubled", "halved"]
_BE = ["was", "were", "is", "are", "stood", "stands", "remained", "remains"]
_AT_VALUE = re.compile(  # starts at its verb (the engine skips to it); `_subject` steps over "had also"
    rf"(?:(?P<move>{at_word_start(_MOVES, escape=False)})|(?P<be>{at_word_start(_BE)})(?:[ \t]+at)?)\b[ \t]+"
    r"(?:(?:currently|now|just|around|approximately|about|over|under|nearly|almost|only|still|some)[ \t]+){0,2}"
    rf"(?:from[ \t]+(?P<v1>{_VALUE})[ \t]+(?:in[ \t]+[A-Za-z]+[ \t]+)?)?(?:(?:to|by)[ \t]+)?"
    rf"(?P<v>{_VALUE})(?P<unit>[ \t]+(?:weeks?|days?|months?|hours?|minutes|points?)\b)?"
    r"(?![\d/:\-]|\.\d|(?:st|nd|rd|th)\b|[ \t]*(?:am|pm|years?|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)")
# against a comparator or a status: "Reablement outcomes were below the national average", "rated amber"
_STATUS = ["red", "amber", "green", r"on[ \t]+track", r"off[ \t]+track", r"on[ \t]+target", r"below[ \t]+target",
           r"above[ \t]+target", r"behind[ \t]+target", r"ahead[ \t]+of[ \t]+target", r"off[ \t]+target"]
_COMPARED = ["above", "below", r"better[ \t]+than", r"worse[ \t]+than", r"in[ \t]+line[ \t]+with", r"higher[ \t]+than",
             r"lower[ \t]+than"]
_VERSUS = re.compile(  # read from the status or comparison; `_BE_BEFORE` then finds "was (rated)" before it
    rf"(?P<rag>{at_word_start(_STATUS, ignore_case=True, escape=False)})\b"
    rf"|(?P<cmp>{at_word_start(_COMPARED, ignore_case=True, escape=False)})[ \t]+(?:the[ \t]+|our[ \t]+)?"
    r"(?:national|regional|england|english|welsh|london|statistical|comparator|target|average|benchmark|peer|"
    r"similar)\b", re.I)
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|remained|remains|been)[ \t]+(?:(?:currently|now|still|well|slightly|"
                        r"significantly|consistently|generally|rated|assessed[ \t]+as|just)[ \t]+){0,2}$", re.I)
_VERSUS_CUES = ("target", "track", "average", "national", " red ", " red.", " red,", "amber", "green", "regional",
                "benchmark", " than ", "line with")
_NOT_A_SUBJECT = {"he", "she", "it", "they", "this", "that", "there", "which", "who", "what", "we", "i", "you",
                  "these", "those", "one", "all", "each", "item", "items", "meeting", "report", "page", "paragraph",
                  "date", "deadline", "age", "aged"}


_VERB_LEAD = {"had", "has", "have", "also", "now", "further", "significantly", "slightly", "steadily", "continued",
              "to", "been", "not", "still", "currently", "generally", "consistently"}


def _before_verb(sentence: str, at: int, lead: set[str] = _VERB_LEAD) -> int:
    """Where the words before a verb stop being its auxiliaries ("had also", "has continued to")."""
    while at > 0:
        j = sentence.rfind(" ", 0, at - 1) + 1 if sentence[at - 1:at] == " " else at
        word = sentence[j:at].strip()
        if j == at or word.lower() not in lead:
            return at
        at = j
    return at


def _subject(sentence: str, at: int) -> tuple[int, str] | None:
    """The measure a verb at `at` is about, read backwards: two words or more, or one a service
    counts; not a pronoun, a person or a heading (all capitalised words), nor a time."""
    at = _before_verb(sentence, at)
    start = _back(sentence, at)
    words = sentence[start:at].split()
    if not words or words[-1].lower() in _NOT_A_SUBJECT | _NOT_COUNTED or not words[-1][:1].isalpha():
        return None
    if len(words) < 2 and words[0].lower() not in _MEASURABLE:
        return None
    if all(w[:1].isupper() for w in words) and words[-1].lower() not in _MEASURABLE and not \
            any(w.isupper() and len(w) > 1 for w in words):
        return None  # "Councillor Ames was 10 minutes late", "Budget Monitoring was ..."
    name = " ".join(words)
    if all(w.lower() in _GENERIC_MODIFIERS | _GENERIC_HEADS for w in words):
        return None  # "performance indicators had dropped": which measure is not said
    return None if _only_time(name) else (start, name)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a figure, not a year, a date or a time: no rule reads a measure at "2019", "16/02/2010", "10:30" or
# "23rd November" (they say when), and more than half the sentences with a digit have only those
_FIGURE_RUN = re.compile(
    r"\d(?<![\d/:]\d)[\d,.]*+(?:(?=%)|(?<!(?<![£\d,.])(?:19|20)\d\d)(?<!(?<![£\d,.])(?:19|20)\d\d[.,])"
    rf"(?![/:]\d|[ \t]*(?:st|nd|rd|th)?[ \t]*(?:{_MONTHS})\b))")


def _digit_windows(sentence: str) -> list[tuple[int, int]]:
    """Stretches of a sentence around its figures, where a rule that needs a figure can match: a
    verb or "of" up to 60 characters before it, a unit just after. Searching only these keeps the
    cost of those rules off sentences (and stretches of sentences) with no figure; a sentence with
    no window is not read for counts or amounts at all."""
    out: list[tuple[int, int]] = []
    n = len(sentence)
    for m in _FIGURE_RUN.finditer(sentence):
        lo, hi = m.start() - 60, m.end() + 30
        lo, hi = lo if lo > 0 else 0, hi if hi < n else n
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


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


# words a sentence needs before each rule of `_named` is worth running (see `segment.cues`)
_STATE_CUE, _HEAD_CUE, _WORDS_CUE, _VERSUS_CUE, _DIGIT_CUE, _TREND_CUE, _OTHER_CUE, _SERVICE_CUE = range(8)
_NAMED_CUES = (
    # with the change words of `_DIR_WORDS` (the patterns' first group, which `find_indicators` adds)
    ("spik", "remain", "met ", "met.", "met,", "achieved", "missed", "exceeded", "stabilis", "plateau", "doubled",
     "halved", "gone ", "higher", "lower", "better", "worse", "longer", "shorter", "manageable"),
    (" rate", "levels", "numbers", "times", "scores", "ratio", "indicator", "kpi", "metrics"),
    tuple(f"{w} " for w in _NUMBER_WORDS),  # "ten " not "often", "attention"
    _VERSUS_CUES,
    (),  # figures: found per sentence by `find_indicators`, cheaper than a word search for each digit
    tuple(_TRENDING),
    ("average", "within", "assurance", "target", "quartile", " per ", "waiting", "underspend", "overspend",
     "outturn", "deficit", "surplus", "position", " gap"),
    ("backlog", "overspend", "underspend", "how many", "judged", "graded", "rated", "assessed", "found", "ni ",
     "delayed", "persistent", "neet", "minimum", "maximum"),
)


_ALL_CUES = frozenset(range(len(_NAMED_CUES)))
_PAGE_CUES = (*_CANDIDATE_CUES, *_NAMED_CUES)


# flags a sentence's words can raise besides the cue groups: a figure, a scorecard or dashboard, "PI"
_DIGIT_FLAG, _BOARD_FLAG, _PI_FLAG = len(_PAGE_CUES), len(_PAGE_CUES) + 1, len(_PAGE_CUES) + 2
# a page cue or flag -> the `_named` cue it gives (a change word of the patterns' first group is a travel's)
_NAMED_OF = {**{len(_CANDIDATE_CUES) + g: g for g in range(len(_NAMED_CUES))}, 0: _STATE_CUE, _DIGIT_FLAG: _DIGIT_CUE}
_LETTERS = re.compile(r"[a-z]+")


def _cue_entries(groups: tuple[tuple[str, ...], ...]) -> tuple[dict[str, set[int]], dict[str, set[int]],
                                                                 dict[str, list[tuple[str, int]]]]:
    """Cue words sorted by how a word of a sentence meets them: whole ("met ", " from "), as its start
    ("reduc" in "reduced") or as the first word of a phrase ("number of"), checked in the sentence."""
    whole: dict[str, set[int]] = {}
    prefix: dict[str, set[int]] = {}
    phrases: dict[str, list[tuple[str, int]]] = {}
    for g, words in enumerate(groups):
        for w in words:
            lit = w.lstrip()
            if (first := _LETTERS.match(lit)) is None:
                continue  # "%": a flag of the word it is in
            rest = lit[first.end():]
            if not rest:
                prefix.setdefault(lit, set()).add(g)
            elif not rest.strip(" .,"):
                whole.setdefault(first.group(0), set()).add(g)
            else:
                phrases.setdefault(first.group(0), []).append((lit, g))
    return whole, prefix, phrases


_WHOLE, _PREFIX, _PHRASES = _cue_entries(_PAGE_CUES)
_PREFIX_LENGTHS = sorted({len(p) for p in _PREFIX})
_STARTS = {w[:3] for w in (*_WHOLE, *_PREFIX, *_PHRASES)}  # no word starting otherwise is a cue word
# what each word seen so far (lower-cased, as `str.split` gives it) cues; words that cue something
_WORD_CUES: dict[str, tuple[frozenset[int], tuple[tuple[str, int], ...]]] = {}
_SEEN_WORDS: set[str] = set()
_CUE_WORDS: set[str] = set()  # the keys of `_WORD_CUES`, as a set: `set & set` walks the smaller one


def _learn(word: str) -> None:
    if len(_SEEN_WORDS) > 100_000:  # a bound on memory over a long run; results do not depend on it
        _SEEN_WORDS.clear()
        _WORD_CUES.clear()
        _CUE_WORDS.clear()
    if word.isalpha() and word[:3] not in _STARTS and "corecard" not in word and "ashboard" not in word:
        _SEEN_WORDS.add(word)  # most words: no cue, nothing more to read
        return
    groups: set[int] = set()
    phrases: list[tuple[str, int]] = []
    for part in (word,) if word.isalpha() else _LETTERS.findall(word):  # "rate/level", "(kpis)"
        groups.update(_WHOLE.get(part, ()))
        for n in _PREFIX_LENGTHS:
            if n > len(part):
                break
            groups.update(_PREFIX.get(part[:n], ()))
        phrases.extend(_PHRASES.get(part, ()))
        if part == "pi":
            groups.add(_PI_FLAG)
    if _DIGIT.search(word):
        groups.add(_DIGIT_FLAG)
    if "%" in word:
        groups.add(_SHARE_CUE)
    if "corecard" in word or "ashboard" in word:
        groups.add(_BOARD_FLAG)
    _SEEN_WORDS.add(word)
    if groups or phrases:
        _WORD_CUES[word] = (frozenset(groups), tuple(phrases))
        _CUE_WORDS.add(word)


def _page_cues(text: str, sents: list[Sentence]) -> dict[int, set[int]]:
    """For each sentence (by index) with some cue, the `_PAGE_CUES` groups and flags it has.

    A cue word is met at the start of a word of the sentence. Each distinct word is read against
    the cue lists once (`_learn`), so a sentence costs a split and two set operations in C, not a
    `str.find` for each of the hundred-odd cue words over the page (`segment.cues`), which was most
    of this step's time.
    """
    low = lowered(text)
    found: dict[int, set[int]] = {}
    if low is None:  # lower-casing moves offsets: the cue words by `segment.cues`, flags by pattern
        found = cues(text, [(x.span.start, x.span.end) for x in sents], _PAGE_CUES)
        for k, x in enumerate(sents):
            s, e = x.span.start, x.span.end
            flags = {f for f, hit in ((_DIGIT_FLAG, _DIGIT.search(text, s, e)),
                                      (_PI_FLAG, _TRIGGER_RX.search(text, s, e)),
                                      (_BOARD_FLAG, text.find("corecard", s, e) >= 0 or
                                       text.find("ashboard", s, e) >= 0)) if hit}
            if flags:
                found.setdefault(k, set()).update(flags)
        return found
    for k, x in enumerate(sents):
        span = x.span
        s, e = span.start, span.end
        words = low[s:e].split()  # no set of them: the word sets take the list as it is, in C
        if not _SEEN_WORDS.issuperset(words):
            for w in set(words).difference(_SEEN_WORDS):
                _learn(w)
        cued = _CUE_WORDS.intersection(words)
        if not cued:
            continue
        hit: set[int] = set()
        for w in cued:
            groups, phrases = _WORD_CUES[w]
            hit |= groups
            for lit, g in phrases:
                if g not in hit and low.find(lit, s, e) >= 0:
                    hit.add(g)
        if hit:
            found[k] = hit
    return found




def _changes_of_a_figure(sentence: str) -> list[_Reading]:
    """"an improvement of £1.2 million from the previous forecast overspend\""""
    out = []
    for m in _CHANGE_OF.finditer(sentence):
        rest = _cut(m.group("name"))
        if _only_time(rest):
            continue
        d = m.group("dir").lower()
        direction = "up" if d.startswith(("increase", "rise")) else "down" if d.startswith(
            ("reduction", "decrease", "fall", "drop", "decline")) else None
        out.append((m.start(), m.start("name") + len(m.group("name")), f"{m.group('dir')} {m.group('prep')} {rest}",
                    [m.group("v")], direction))
    return out


def _averages(sentence: str) -> list[_Reading]:
    """"The average wait time for an assessment ... was 33 weeks": the average and its figure."""
    out = []
    for m in _AVERAGE.finditer(sentence):
        np = _cut(m.group("np"))
        if not np or np.split()[0].lower() in {"of", "number", "numbers"} or \
                _AVERAGE_AS_COMPARATOR.search(sentence, max(0, m.start() - 8), m.start()):
            continue  # "better than average outcomes": the average is what they are compared with
        after = sentence.find(np, m.start("np")) + len(np)
        if np.split()[-1].lower() in _QUANTITY_HEADS and (of := _FOR_WHAT.match(sentence, after)) and \
                (what := _cut(of.group("np"))) and not _only_time(what):
            np = f"{np} for {what}"  # "the average monthly rate for missed bins": what the rate is of
            after = sentence.find(what, of.start("np")) + len(what)
        v = _AVERAGE_VALUE.search(sentence, after)
        out.append((m.start(), v.end() if v else after, f"{m.group(0)[:7].lower()} {np}", [v.group("v")] if v else [],
                    None))
    return out


def _word_counts(sentence: str) -> list[_Reading]:
    """"four internal audit assignments completed": a count in words, kept only with what was done."""
    out = []
    for m in _WORD_COUNT.finditer(sentence):
        words = []
        for w in m.group("name").split():
            if w.lower() in _BACK_STOP or _DONE.match(" " + w):
                break
            words.append(w)
        if not words or words[0].lower() in _NOT_COUNTED | _PROCEDURAL:
            continue
        done = _DONE.match(sentence, sentence.find(words[-1], m.start("name")) + len(words[-1]))
        if done:
            out.append((m.start(), done.end(), " ".join([*words, done.group("done")]), [m.group("v").lower()], None))
    return out


# the parts of a count given before: "Of the 40 appeals heard, 12 were allowed by the inspector"
_PARTS = re.compile(
    rf"\b[Oo]f[ \t]+(?:the|these|those)[ \t]+\d[\d,]*[ \t]+(?P<np>[^,.;:()]{{3,100}}?)[ \t]*,?[ \t]+"
    rf"(?:only[ \t]+|just[ \t]+)?(?P<v>\d[\d,]*(?:\.\d+)?%?|{'|'.join(_NUMBER_WORDS)}|one)[ \t]+"
    r"(?:were|was|had[ \t]+been|have[ \t]+been|has[ \t]+been)[ \t]+(?:also[ \t]+|then[ \t]+|subsequently[ \t]+)?"
    r"(?P<done>[a-z]{3,}ed|upheld|held|met|made|sent|kept|paid|taken|given|seen|won|lost)\b"
    r"(?P<to>[ \t]+(?:to|by|within|on)[ \t]+(?:the[ \t]+)?[\w’'\-]+(?:[ \t]+[A-Z0-9][\w’'\-]*){0,3})?")


def _parts_of_a_count(sentence: str) -> list[_Reading]:
    """"Of the 16 complaints considered, 10 were referred to the Ombudsman": the part is a measure of
    its own (what was done to it), the whole is read as a count elsewhere."""
    out = []
    for m in _PARTS.finditer(sentence):
        head: list[str] = []
        for w in m.group("np").split():
            low = w.lower()
            if head and (low in _BACK_STOP or low.endswith("ed")):
                break
            head.append(w)
        if not head or head[0].lower() in _NOT_COUNTED or not any(len(w) > 3 for w in head):
            continue
        name = " ".join([*head, m.group("done"), *(m.group("to") or "").split()])
        out.append((m.start("v"), m.end(), name, [m.group("v")], None))
    return out


# a measure that would go, or went, from one figure to another: "the cost per pupil would go from £410 to £436"
_GO_FROM = re.compile(
    rf"(?:(?:would|will|could|might|to)[ \t]+(?:go|move|change)|go(?:es|ne)?|went|moved|changed)[ \t]+from[ \t]+"
    rf"(?P<v1>{_VALUE})[ \t]+(?:in[ \t]+[A-Za-z]+[ \t]+)?to[ \t]+(?:an?[ \t]+[a-z]+[ \t]+of[ \t]+)?(?P<v2>{_VALUE})")
_JOINED_BY = re.compile(r"(?:^|[ \t])(?:of|per|for)[ \t]*$")


def _subject_across(sentence: str, at: int) -> tuple[int, str] | None:
    """`_subject`, with what the head is of or per: "the cost of debt per household" (a measure's
    name often joins two nouns, where the plain reading back stops at the first "of")."""
    at = _before_verb(sentence, at, _VERB_LEAD | {"would", "will", "could", "might", "to"})
    start = _back(sentence, at)
    for _ in range(2):
        j = _JOINED_BY.search(sentence, max(0, start - 6), start)
        if start == at or j is None:
            break
        s2 = _back(sentence, j.start() if sentence[j.start()] not in " \t" else j.start())
        if s2 >= j.start():
            break
        start = s2
    words = sentence[start:at].split()
    if len(words) < 2 or words[-1].lower() in _NOT_A_SUBJECT | _NOT_COUNTED or not words[-1][:1].isalpha():
        return None
    name = " ".join(words)
    return None if _only_time(name) else (start, name)


def _gone_from(sentence: str) -> list[_Reading]:
    out = []
    for m in _GO_FROM.finditer(sentence):
        if (sub := _subject_across(sentence, m.start())) is None:
            continue
        values = [m.group("v1"), m.group("v2")]
        try:
            a, b = (float(v.strip("£%").replace(",", "").split()[0].rstrip("mbk")) for v in values)
            direction = "up" if b > a else "down" if b < a else None
        except ValueError:
            direction = None
        out.append((sub[0], m.end(), sub[1], values, direction))
    return out


def _at_values(sentence: str, windows: list[tuple[int, int]]) -> list[_Reading]:
    """"Sickness absence stood at 9.1 days", "the collection rate had fallen from 97.2% to 96.1%\""""
    out = []
    for m in (m for lo, hi in windows for m in _AT_VALUE.finditer(sentence, lo, hi)):
        v = m.group("v")
        if _YEAR.fullmatch(v) or (sub := _subject(sentence, m.start())) is None:
            continue
        values = [x for x in (m.group("v1"), v + (m.group("unit") or "")) if x]
        move = m.group("move")
        negated = bool(_NEGATED.search(sentence, max(0, m.start() - 30), m.start()))
        direction = _direction_of(move, negated) if move else None
        if m.group("v1") and direction is None and not negated:
            try:
                a, b = (float(x.strip("£%").replace(",", "").split()[0].rstrip("mbk")) for x in (m.group("v1"), v))
                direction = "up" if b > a else "down" if b < a else None
            except ValueError:
                pass
        out.append((sub[0], m.end(), sub[1], values, direction))
    return out


def _versus(sentence: str) -> list[_Reading]:
    """"Reablement outcomes were below the national average", "Household recycling was rated amber\""""
    out = []
    for m in _VERSUS.finditer(sentence):
        be = _BE_BEFORE.search(sentence, max(0, m.start() - 50), m.start())
        if be and (sub := _subject(sentence, be.start())) is not None:
            out.append((sub[0], m.end(), sub[1], [], None))
    return out


def _travels(sentence: str) -> list[_Reading]:
    """A head with its travel ("response times had started to fall"), else a subject that moved with
    no object after the verb ("Council tax arrears had doubled") or that saw a change."""
    out: list[_Reading] = []
    moved: list[re.Match[str]] = [*_SEEN.finditer(sentence)] if "seen a" in sentence else []
    for m in _STATE.finditer(sentence):
        at = m.start()
        if "to" in sentence[at - 20 if at > 20 else 0:at] and \
                (started := _STARTED_TO.search(sentence, max(0, at - 20), at)) is not None:
            at = started.start()  # "had started to reduce"
        at = _before_verb(sentence, at, _STATE_LEAD)
        h = sentence.rfind(" ", 0, at - 1) + 1 if sentence[at - 1:at] == " " else at
        head = sentence[h:at].strip()
        if head.lower() in ("list", "lists") and sentence[:h].rstrip().lower().endswith("waiting"):
            h = sentence.rfind(" ", 0, h - 1) + 1  # "waiting list"
            head = sentence[h:at].strip()
        elif head.lower() not in _HEAD_SET:
            if " ".join(m.group("verb").lower().split()) in _MOVED_VERBS and _NO_OBJECT.match(sentence, m.end()):
                moved.append(m)
            continue
        start = _back(sentence, h)
        name = " ".join((sentence[start:h] + head).split())
        if len(name.split()) < 2 and head.lower() not in _SINGLE_OK:
            continue
        between = sentence[at:m.start()]
        if m.group("verb").lower() in _COMPARATIVE and not _BE_WORDS.intersection(between.lower().split()):
            continue  # "lower caseloads" is a head after its adjective, read elsewhere; "caseloads were lower"
        negated = bool(_NEGATED.search(sentence, max(0, at - 1), m.start()) or "n’t" in between or "n't" in between)
        out.append((start, m.end(), name, [], _direction_of(m.group("verb"), negated)))
    for m in moved:
        if (sub := _subject(sentence, m.start())) is not None:
            negated = bool(_NEGATED.search(sentence, max(0, m.start() - 30), m.start()))
            out.append((sub[0], m.end(), sub[1], [], _direction_of(m.group(1), negated)))
    return out


def _trends(sentence: str) -> list[_Reading]:
    """"in the context of rising referrals and overall caseload numbers\""""
    out = []
    for m in _TREND.finditer(sentence):
        toks = m.group("np").split()
        keep = 0
        for i, w in enumerate(toks):
            lw = w.lower()
            if lw in _STOPWORDS and lw != "and" or lw in {"of", "the", "a", "an", "on", "at", "with", "by"}:
                break
            if lw in _HEAD_WORDS:
                keep = i + 1
        if not keep or toks[keep - 1].lower() == "and" or (keep == 1 and toks[0].lower() not in _SINGLE_OK):
            continue
        end = sentence.find(toks[keep - 1], m.start("np")) + len(toks[keep - 1])
        d = m.group("dir").lower()
        out.append((m.start(), end, " ".join(toks[:keep]), [], None if d in _NO_TRAVEL else "down" if d in
                    ("falling", "declining", "reducing") else "up"))
    return out


def _levels_and_units(sentence: str, windows: list[tuple[int, int]]) -> list[_Reading]:
    """"a resident satisfaction score of 8.2", "3,400 tonnes of food waste\""""
    out: list[_Reading] = []
    for m in (m for lo, hi in windows for m in _OF_A_VALUE.finditer(sentence, lo, hi)):
        sub = _subject(sentence, m.start())
        if sub and sub[1].split()[-1].lower() in _LEVEL_HEADS | _MEASURABLE and len(sub[1].split()) >= 2:
            out.append((sub[0], m.end(), sub[1], [m.group("v")], None))
    for m in _UNIT_OF.finditer(sentence):
        np = _count_name(m.group("np"))
        if np and not _only_time(np):
            end = m.start("np") + len(np)
            name = f"{m.group('unit')} of {np}"
            if done := _DONE.match(sentence, end):  # "60 tonnes of grit had been spread": one amount of several
                name, end = f"{name} {' '.join(done.group('done').split())}", done.end()
            out.append((m.start(), end, name, [m.group("v")], None))
    return out


def _named_elsewise(sentence: str, low: str) -> list[_Reading]:
    """Timeliness ("repairs completed within 28 days"), audit assurance levels, targets to move a
    measure and quartiles, rates per head of population, waiting lists, and the money position."""
    out: list[_Reading] = []
    if "within" in sentence:
        for m in _WITHIN.finditer(sentence):
            if (sub := _subject(sentence, m.start())) is not None:
                out.append((sub[0], m.end(), f"{sub[1]} {' '.join(m.group(0).split())}", [], None))
    if "assurance" in low:
        out.extend((m.start("name"), m.end(), " ".join(m.group("name").split()), [m.group("level")], None)
                   for m in _ASSURANCE.finditer(sentence))
    if "arget" in sentence or "quartile" in sentence:
        for rx in (_TARGET_TO, _QUARTILE):
            for m in rx.finditer(sentence):
                np = _cut(m.group("name"))
                if len(np.split()) >= 2 or np.lower() in _MEASURABLE:
                    out.append((m.start(), m.start("name") + len(np), np, [], None))
    if "per " in sentence:
        for m in _PER.finditer(sentence):
            start = _back(sentence, m.start())
            if start < m.start():
                out.append((start, m.end(), " ".join(sentence[start:m.end()].split()), [], None))
    if "waiting" in low:
        for m in _WAITING.finditer(sentence):
            start = _back(sentence, m.start())
            out.append((start, m.end(), " ".join(sentence[start:m.end()].split()), [], None))
    if any(w in low for w in ("spend", "outturn", "deficit", "surplus", "position", "gap")):
        out.extend((m.start(), m.end(), " ".join(m.group(0).split()).replace(" for the ", " for "), [], None)
                   for m in _POSITION.finditer(sentence))
    return out


# a backlog is a measure wherever it is named: "the backlog of enforcement cases", "the repairs backlog"
_BACKLOG = re.compile(r"\b(?P<head>backlogs?)\b(?:[ \t]+of[ \t]+(?:the[ \t]+)?"
                      r"(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,4}))?", re.I)
# money overspent or underspent by a service: "the overspends in Adult Social Care"
_SPENT_IN = re.compile(r"\b(?P<name>(?:over|under)spends?[ \t]+(?:in|on|within|across)[ \t]+(?:the[ \t]+)?"
                       r"(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+(?:[\w’'\-]+|&)){0,5}))", re.I)
# a member asking for a count: "asked how many foster carers there were"
_HOW_MANY = re.compile(r"\b[Hh]ow[ \t]+many[ \t]+(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,5})")
_NOT_COUNTABLE = {"there", "times", "people", "members", "councillors", "of", "more", "other", "others"}
# an inspection grade (Ofsted, CQC): "the adoption service was judged as outstanding", "rated Requires Improvement"
_GRADES = ("outstanding", "good", "requires improvement", "inadequate", "satisfactory")
_GRADE = re.compile(r"\b(?:judged|graded|rated|assessed|found)[ \t]+(?:as[ \t]+|to[ \t]+be[ \t]+)?[‘'\"“]?"
                    r"(?P<grade>outstanding|good|requires[ \t]+improvement|inadequate|satisfactory)\b", re.I)
# national indicators by their numbers: "the national indicator NI 192"
_NI = re.compile(r"\b(?:(?:national[ \t]+)?indicators?[ \t]+)?NI[ \t]?\d{1,3}\b(?![/.\d])", re.I)
# measures every council reports under one name, named without a head word of their own
_KNOWN = re.compile(r"\bdelayed[ \t]+(?:transfers?[ \t]+of[ \t]+care|discharges?|hospital[ \t]+discharges?)\b|"
                    r"\bpersistent(?:ly)?[ \t]+absen(?:ce|t|tees)\b|\bNEETs?\b", re.I)
# a floor or ceiling at a figure: "a minimum of nine firefighters", "a maximum of 40 places"
_BOUND = re.compile(rf"\b(?P<k>minimum|maximum)[ \t]+of[ \t]+(?P<v>\d[\d,]*|{'|'.join(_NUMBER_WORDS)}|one)[ \t]+"
                    r"(?P<np>[A-Za-z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,3})", re.I)


def _service_measures(sentence: str, low: str) -> list[_Reading]:
    """Backlogs, what a service overspent, counts members ask for, inspection grades, national
    indicators by number, measures with a name of their own, and floors or ceilings at a figure."""
    out: list[_Reading] = []
    if "backlog" in low:
        for m in _BACKLOG.finditer(sentence):
            start = _back(sentence, m.start(), 2)  # "the repairs backlog"
            name, end = " ".join(sentence[start:m.end("head")].split()), m.end("head")
            if m.group("np") and (np := _count_name(m.group("np"))):
                name, end = f"{name} of {np}", m.start("np") + len(np)  # "the backlog of annual reviews"
            out.append((start, end, name, [], None))
    if "spend" in low:
        for m in _SPENT_IN.finditer(sentence):
            np = _cut(m.group("np"))
            if np and not _only_time(np):
                head = m.group("name")[:m.start("np") - m.start("name")]
                out.append((m.start(), m.start("np") + len(np), " ".join(f"{head}{np}".split()), [], None))
    if "many" in low:
        for m in _HOW_MANY.finditer(sentence):
            words = _count_name(m.group("np")).split()
            np = " ".join(words[:words.index("there")] if "there" in words else words)  # "how many carers there were"
            first = np.split()[0].lower() if np else ""
            if first and first not in _NOT_COUNTABLE and first not in _NOT_MEASURED and first not in _PROCEDURAL and \
                    not _only_time(np):
                out.append((m.start(), m.start("np") + len(np), f"number of {np}", [], None))
    if any(g in low for g in _GRADES):
        for m in _GRADE.finditer(sentence):
            be = _BE_BEFORE.search(sentence, max(0, m.start() - 50), m.start())
            if be and (sub := _subject(sentence, be.start())) is not None:
                out.append((sub[0], m.end(), sub[1], [" ".join(m.group("grade").lower().split())], None))
    if "NI" in sentence:
        out.extend((m.start(), m.end(), " ".join(m.group(0).split()), [], None) for m in _NI.finditer(sentence))
    if "delayed" in low or "persistent" in low or "NEET" in sentence:
        out.extend((m.start(), m.end(), " ".join(m.group(0).split()), [], None) for m in _KNOWN.finditer(sentence))
    if "imum" in low:
        for m in _BOUND.finditer(sentence):
            np = _count_name(m.group("np"))
            if np and not _only_time(np) and np.split()[0].lower() not in _NOT_COUNTED:
                out.append((m.start(), m.start("np") + len(np), f"{m.group('k').lower()} of {np}",
                            [m.group("v").lower()], None))
    return out


def _named_heads(sentence: str) -> list[_Reading]:
    """"the staff vacancy rate", "pupil numbers": a head with a word of its own."""
    out = []
    for m in _NAMED_HEAD.finditer(sentence):
        head = m.group("head")
        start = _back(sentence, m.start())
        mods = sentence[start:m.start()].split()
        values = []
        if mods and mods[0][0].isdigit() and not _YEAR.fullmatch(mods[0]) and len(mods) > 1:
            values = [mods.pop(0)]  # "the 61 corporate performance indicators": how many, not which
            start = sentence.find(mods[0], start)
        if not mods or not values and all(w.lower() in _GENERIC_MODIFIERS for w in mods) or \
                mods[-1].lower() in _NOT_MEASURE_BEFORE.get(head.lower(), ()) or \
                _HEAD_AS_MODIFIER.match(sentence, m.end()):
            continue
        name = " ".join([*mods, head])
        if not _only_time(name):
            out.append((start, m.end(), name, values, None))
    return out


def _named(sentence: str, acr: dict[str, str], cue: set[int] | frozenset[int] = _ALL_CUES,
           windows: list[tuple[int, int]] | None = None) -> list[_Reading]:
    """Measures a sentence names with or without a figure, each rule run only where its cue words
    are (`_NAMED_CUES`). The readings with a figure come first, as they win an overlap."""
    low = sentence.lower()
    if windows is None:
        windows = _digit_windows(sentence) if _DIGIT_CUE in cue else []
    found: list[_Reading] = []
    if windows and _STATE_CUE in cue and " of " in sentence:  # its change nouns are all change words
        found += _changes_of_a_figure(sentence)
    if "verage" in sentence:
        found += _averages(sentence)
    if _WORDS_CUE in cue:
        found += _word_counts(sentence)
    if windows:
        found += _at_values(sentence, windows)
        if "f the" in sentence:
            found += _parts_of_a_count(sentence)
        if " from " in sentence:
            found += _gone_from(sentence)
    if _VERSUS_CUE in cue:
        found += _versus(sentence)
    if _STATE_CUE in cue:
        found += _travels(sentence)
    if _TREND_CUE in cue:
        found += _trends(sentence)
    if windows and " of " in sentence:
        found += _levels_and_units(sentence, windows)
    if _OTHER_CUE in cue:
        found += _named_elsewise(sentence, low)
    if _HEAD_CUE in cue:
        found += _named_heads(sentence)
    if _SERVICE_CUE in cue:
        found += _service_measures(sentence, low)
    out = []
    for start, end, name, values, direction in found:
        name = _clean(name, acr)
        if len(name) >= 5 and not _only_time(name):
            out.append((start, end, name, values, direction))
    return out


def find_indicators(text: str, sents: list[Sentence]) -> list[Indicator]:
    acr = acronyms(text)
    out: list[Indicator] = []
    seen: set[str] = set()
    counted: list[tuple[int, int, _Reading]] = []  # sentence start and end, a reading of it
    windows: dict[int, list[tuple[int, int]]] = {}  # a sentence's stretches around its figures, by index
    all_cues = _page_cues(text, sents)
    # the named rules' cues, numbered from 0; a change word of the patterns' first group is a travel's cue too
    named_cues: dict[int, set[int]] = {}
    for k, c in all_cues.items():
        named = {_NAMED_OF[g] for g in c if g in _NAMED_OF}
        if named:
            named_cues[k] = named
        if _DIGIT_FLAG in c or _BOARD_FLAG in c:
            s, e = sents[k].span.start, sents[k].span.end
            w = windows[k] = _digit_windows(text[s:e]) if _DIGIT_FLAG in c else []
            if w or _BOARD_FLAG in c:
                counted.extend((s, e, r) for r in _counts(text[s:e], acr))
    for sent, found in _candidates(sents, all_cues):
        s, e = sent.span.start, sent.span.end
        sentence = text[s:e]
        for m in SHARE.finditer(sentence) if _SHARE_CUE in found else ():
            name = _clean(f"{m.group('name')} {m.group('state')}", acr)
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(Indicator(name, [m.group("v1"), m.group("v2")], None, m.group(0),
                                     Span(s + m.start(), s + m.end()), Span(s, e)))
        for i, rx in enumerate(PATTERNS):
            if i not in found or (i in _ALSO_NEEDS and not _ALSO_NEEDS[i] & found) or \
                    (i in _TAILS and not _TAILS[i].search(sentence)):
                continue
            for m in rx.finditer(sentence):
                raw = m.groupdict().get("name") or ""
                if "name0" in m.groupdict() and m.group("name0"):
                    raw = m.group("name0")
                    raw = raw.split(" of ", 1)[0] + " of " + _cut(raw.split(" of ", 1)[1]) if " of " in raw \
                        else _cut(raw)
                    if _LOOSE_QUANTITY.search(sentence, max(0, m.start() - 40), m.start()) and \
                            raw.split()[0].lower() in _LOOSE_HEADS:
                        continue  # "a number of recommendations": several, not a measure
                    of_what = raw.split(" of ", 1)[1].split() if " of " in raw else []
                    if not of_what or of_what[0].lower() in _NOT_MEASURED or of_what[0][0].isdigit():
                        continue  # "the number of questions", "the number of years": no measure
                elif rx not in (PATTERNS[3], PATTERNS[4]):
                    raw = _cut(raw)
                by_value = _OF_VALUE.search(raw) if rx is PATTERNS[0] else None
                if by_value:  # "a reduction in crime of 30%": the figure is the change, not the name
                    raw = raw[:by_value.start()]
                sized = _SIZE_BEFORE.search(sentence, max(0, m.start() - 20), m.start()) \
                    if rx is PATTERNS[0] else None  # "a 12% rise in complaints"
                if (by_value or sized) and len(raw.split()) == 1 and not m.group("dir").lower().endswith("ed") \
                        and not _only_time(raw):
                    raw = f"{m.group('dir')} in {raw}"  # "a reduction in crime of 30%": one word is no name alone
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
                elif not values and sized:
                    values = [sized.group("v")]
                word = m.groupdict().get("dir")
                direction = _direction(word, rest) if word else _direction(None, rest)
                if values and direction is None:
                    try:
                        a, b = (float(v.strip("£%").replace(",", "")) for v in values)
                        direction = "up" if b > a else "down" if b < a else None
                    except ValueError:
                        pass
                seen.add(name.lower())
                first = sized.start() if sized and values == [sized.group("v")] else m.start()
                out.append(Indicator(name, values, direction, sentence[first:m.end()], Span(s + first, s + m.end()),
                                     Span(s, e)))
    # a count is kept unless a measure read above already names it ("Of the 58 KBMs" beside "75% of KBMs on track")
    named = [set(i.name.lower().split()) for i in out]
    for s, e, (start, end, name, values, _) in counted:
        low = name.lower()
        if low not in seen and not any(set(low.split()) < n for n in named):
            seen.add(low)
            out.append(Indicator(name, values, None, text[s + start:s + end], Span(s + start, s + end), Span(s, e)))
    # measures named without the shapes above, unless their words are already read as one
    spans = [(i.span.start, i.span.end) for i in out]
    for k in sorted(named_cues):
        s, e = sents[k].span.start, sents[k].span.end
        for start, end, name, values, direction in _named(text[s:e], acr, named_cues[k], windows.get(k, [])):
            a0, b0 = s + start, s + end
            if name.lower() in seen or any(a < b0 and a0 < b for a, b in spans):
                continue
            seen.add(name.lower())
            spans.append((a0, b0))
            out.append(Indicator(name, values, direction, text[a0:b0], Span(a0, b0), Span(s, e)))
    end = len(text.rstrip())
    if end and text[end - 1] not in ".!?;:)”\"’'":  # an excerpt cut mid-word: its last reading is a fragment
        out = [i for i in out if i.span.end < end]
    return _one_per_measure(out)


_OF_QUANTITY = re.compile(r"^(?:the\s+)?(?:average\s+)?(?:number|numbers|percentage|proportion|rates?|levels?)\s+of\s+")
_MONEY_HEADS = {"overspend", "underspend", "outturn", "deficit", "surplus"}


_BODY_ENDS = {"council", "councils", "authority", "board", "trust", "committee", "panel", "partnership",
              "government", "ombudsman", "commissioner", "service", "police", "cabinet", "executive"}
_JOINS = {"the", "of", "for", "a", "an", "and", "on", "in"}


def _names_no_measure(name: str, words: list[str]) -> bool:
    """Which or whose, not what: "the first three measures" (generic words only) or "West Kirby Town
    Council" (a body, as the statistics are "for" it): every reading is checked here once, at the end."""
    if all(w in _GENERIC_MODIFIERS or w in _GENERIC_HEADS or w in _JOINS for w in words) and \
            any(w in _WHICH for w in words):
        return True
    return words[-1] in _BODY_ENDS and all(w[:1].isupper() or w.lower() in _JOINS for w in name.split())


def _one_per_measure(found: list[Indicator]) -> list[Indicator]:
    """The first reading of each measure. Discussion names one measure several ways: "the percentage
    of mothers smoking" then "the number of mothers smoking", "the forecast overspend of £4.7m" then
    "a projected overspend of £4.7 million", "the scorecards for A and B" after "the Scorecard for A"."""
    out, keys = [], set()
    for ind in found:
        low = ind.name.lower()
        words = low.split()
        if _names_no_measure(ind.name, words):
            continue
        if len(words) <= 4 and (money := _MONEY_HEADS.intersection(words)):
            key = f"money:{min(money)}"  # "the estimated outturn", then "the forecast outturn for 2024/25"
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
