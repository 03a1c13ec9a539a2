"""The speed-ups in extraction must find exactly what the plain patterns find (docs/architecture.md)."""

import re

from councilgraph.loaders.extract.header import COUNCIL_RE, council_mentions
from councilgraph.loaders.extract.lexicon import CONCERN_CUES, Folded, LineStart, at_word_start, has_concern_cue
from councilgraph.loaders.extract.periods import MONTH_RANGE_RE, _month_ranges
from councilgraph.loaders.extract.segment import cues
from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = st.sampled_from(["April", "to", "June", "2023", "1st", "30", "July", "-", "–", "Sept.", "and", "until",
                          "2019", "20", "of", "County", "Council", "Royal", "Borough", "of", "Kestrel", "Vale",
                          "Northmoor", "City", "Castlebridge", "District", "Councillor", "the", "\n", ",", ".",
                          "Metropolitan", "Windsor", "Town", "Mr", "x2019"])
TEXTS = st.lists(PIECES, max_size=40).map(" ".join)


def test_at_word_start_matches_whole_word_starts_only():
    rx = re.compile(rf"(?:{at_word_start(['Mr', 'Mrs', 'Dr'])})\b")
    assert [m.group() for m in rx.finditer("Mrs Ode, Dr Hale, DrMr, and Mr Amir")] == ["Mrs", "Dr", "Mr"]
    ic = re.compile(rf"(?:{at_word_start(['reductions?', 'falls?'], ignore_case=True, escape=False)})\b")
    assert [m.group() for m in ic.finditer("Reductions and a fall; refalls")] == ["Reductions", "fall"]


def test_folded_matches_any_case_with_offsets_into_the_text():
    rx = Folded(r"\bconcerns?\b")
    text = "Members raised CONCERNS about İstanbul trips"  # "İ" lengthens when lower-cased
    m = rx.search(text)
    assert m and text[m.start():m.end()] == "CONCERNS"
    m = Folded(r"\btrips\b").search(text)
    assert m and text[m.start():m.end()] == "trips"


def test_cues_returns_the_spans_that_hold_each_group():
    text = "She asked about the budget. Members left at 3pm. A breakdown would be provided."
    spans = [(0, 27), (28, 48), (49, 79)]
    assert cues(text, spans, [("budget", "provided"), ("left",)]) == {0: {0}, 1: {1}, 2: {0}}
    # overlapping spans and text whose lower-casing changes length take the slow path, same answer
    assert cues(text, [(0, 48), (28, 79)], [("left",)]) == {0: {0}, 1: {0}}
    dotted = "İ" + text
    assert cues(dotted, [(s + 1, e + 1) for s, e in spans], [("budget", "provided"), ("left",)]) == \
        {0: {0}, 1: {1}, 2: {0}}


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_month_ranges_found_from_their_year_equal_a_whole_page_search(text):
    assert [m.span() for m in _month_ranges(text)] == [m.span() for m in MONTH_RANGE_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_council_mentions_equal_a_whole_page_search(text):
    assert [m.span() for m in council_mentions(text)] == [m.span() for m in COUNCIL_RE.finditer(text)]


LINE_PIECES = st.sampled_from(["Minutes", ":", " ", "\n", "\n\n", "\t", "Items", "Present", "x", "Minutes:", "\u00a0"])
LINE_PATTERNS = [r"^\s*Minutes\s*:\s*$", r"^[^\S\n]*(?:Items|Present)\b", r"^(?P<w>x+)\s*:"]


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_PIECES, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_line_start_search_equals_the_patterns_own(text, pos, endpos):
    for pattern in LINE_PATTERNS:
        plain, fast = re.compile(pattern, re.MULTILINE), LineStart(pattern, re.MULTILINE)
        for args in ((text,), (text, pos), (text, pos, endpos)):
            a, b = plain.search(*args), fast.search(*args)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (pattern, args)


CUE_PIECES = st.sampled_from(["did", "not", "appear", "seem", "doesn't", "isn’t", "concerns", "Concern", "?", "the",
                              "ſeem", "İ", "waiting", "costs", "x", ",", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CUE_PIECES, max_size=20).map(" ".join))
def test_concern_cue_test_equals_the_whole_pattern(text):
    assert has_concern_cue(text, text.lower()) == bool(CONCERN_CUES.search(text, text.lower()))


ACTION_PIECES = st.sampled_from(["would", "will", "be", "to", "circulated", "receive", "an", "update", "the", "officer",
                                 "Director", "of", "Housing", "asked", "requested", "that", "a", "report", "provide",
                                 "was", "scheduled", "for", "next", "meeting", "agreed", "come", "back", "Panel",
                                 "(action:", "Clerk)", "Action:", "Requested", "xwould", "needs", "updating", "\n",
                                 ",", "it", "also", "write", "should", "could", "work", "programme", "added", "on"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ACTION_PIECES, max_size=24).map(" ".join))
def test_action_grouped_by_first_letter_finds_what_the_plain_alternation_finds(text):
    from councilgraph.loaders.extract.outcomes import _ACTION, _ACTION_BRANCHES, _ACTION_LINES
    plain = re.compile(r"\b(?:" + "|".join(f"(?:{'|'.join(words)}){tail}" for words, tail in _ACTION_BRANCHES)
                       + "|" + _ACTION_LINES + ")")
    low = text.lower()
    for pos in range(len(low) + 1):  # callers use where a match starts, searching again after it
        a, b = plain.search(low, pos), _ACTION.lower.search(low, pos)
        assert (a and a.start()) == (b and b.start()), pos


ROLE_PIECES = st.sampled_from(["The", "the", "Director", "of", "Children's", "Services", "Chief", "Executive", "(DCS)",
                               ",", "Interim", "Head", "Planning", "and", "Jane", "xthe", "Officer", "A", "Cabinet",
                               "Member", "for", "Finance", "–", "Councillor", "(Conservation)", "\n", "tHe", "Thea"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ROLE_PIECES, max_size=14).map(" ".join))
def test_role_before_with_its_lookahead_finds_what_the_plain_pattern_finds(text):
    from councilgraph.loaders.extract.people import _ROLE_BEFORE, ROLE_RE
    plain = re.compile(rf"(?:[Tt]he\s+)?{ROLE_RE.pattern}(?:\s*\([A-Z]{{2,6}}\))?\s*,?\s*$")
    for window in (text, text + ","):
        a, b = plain.search(window), _ROLE_BEFORE.search(window)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


PERIOD_PIECES = st.sampled_from(["Q1", "q3", "Qtr", "Qtr.", "2", "Quarter", "quarter", "four", "third", "4th", "23/24",
                                 "first", "opening", "nine", "months", "Months", "of", "the", "financial", "year",
                                 "q", "tr", "xq2", "\n", ",", "12"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PERIOD_PIECES, max_size=16).map(" ".join))
def test_case_blind_patterns_answer_with_their_needed_words_as_the_plain_search(text):
    from councilgraph.loaders.extract.periods import FIRST_MONTHS_RE, QUARTER_RE, SHORT_FY_RE
    low = text.lower()
    for rx in (QUARTER_RE, SHORT_FY_RE, FIRST_MONTHS_RE):
        a, b = rx.lower.search(low), rx.search(text, low=low)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


ATTEND_PIECES = st.sampled_from(["Councillor", "Vale", "left", "LEFT", "the", "meeting", "at", "3", "leave", "room",
                                 "departed", "withdrew", "from", "arrived", "joined", "entered", "was", "now",
                                 "present", "Present:", "apologies", "Apology", "for", "absence", "unable", "to",
                                 "attend", "did", "not", "substitute", "in", "place", "of", "her", "as", "an",
                                 "alternate", "deputy", "In attendance", ":", ".", "\n", "ſubstitute", "İ"])


@settings(max_examples=500, deadline=None)
@given(st.lists(ATTEND_PIECES, max_size=14).map(" ".join))
def test_attendance_patterns_match_only_where_their_needed_words_are(text):
    from councilgraph.loaders.extract.lexicon import may_hold
    from councilgraph.loaders.extract.outcomes import ATTEND
    for event, rx, needs in ATTEND:
        if rx.search(text):
            assert may_hold(text, text.lower(), needs), event


LABEL_PIECES = st.sampled_from(["Present", "PRESENT", ":", "Also", "present", "Officers", "in", "attendance", "not",
                                "Apologies", "for", "absence", "were", "received", "from", "Councillor", "Hale",
                                "Substitutes", "Members", "Other", "Absent", "apology", "was", "given", "by", "\n",
                                ",", "\t", "ſ", "ı", "İ", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(LABEL_PIECES, max_size=14).map(" ".join))
def test_attendance_label_in_lower_case_finds_what_the_case_blind_pattern_finds(text):
    from councilgraph.loaders.extract.attendance_lists import _LABEL, _LABEL_LOW
    from councilgraph.loaders.extract.lexicon import exact_lower
    low = exact_lower(text)
    if low is not None:
        def found(rx: re.Pattern, subject: str) -> list:  # where each match and each group is
            return [[m.span(g) for g in range(rx.groups + 1)] for m in rx.finditer(subject)]
        assert found(_LABEL_LOW, low) == found(_LABEL, text)


HEARD_PIECES = st.sampled_from(["heard", "HEARD", "a", "deputation", "request", "representations", "statement", "were",
                                "received", "made", "petition", "submissions", "was", "supported", "by", "from",
                                "notice", "of", "the", "following", "FOLLOWING", "question", "written", "tabled",
                                "put", "asked", "\n", ",", "ſupported", "İ"])


@settings(max_examples=500, deadline=None)
@given(st.lists(HEARD_PIECES, max_size=10).map(" ".join))
def test_heard_and_notice_patterns_match_only_where_their_needed_words_are(text):
    from councilgraph.loaders.extract.lexicon import may_hold
    from councilgraph.loaders.extract.people import _HEARD_BEFORE, _HEARD_WORDS
    from councilgraph.loaders.extract.speech import _NOTICE_OF_QUESTION
    for rx, words in ((_HEARD_BEFORE, _HEARD_WORDS), (_NOTICE_OF_QUESTION, ("following",))):
        if rx.search(text):
            assert may_hold(text, text.lower(), words)


PROCEDURAL_PIECES = st.sampled_from(["matter", "of", "urgency", "press", "and", "public", "be", "excluded", "in",
                                     "the", "event", "an", "emergency", "to", "receive", "note", "The", "Committee",
                                     "is", "asked", "comment", "called", "call-in", "xcalled", "recall", "come",
                                     "into", "force", "Members", "were", "invited", "forum", "panel", "board", "\n",
                                     " ", ",", "İ", "declare", "any", "interests", "goods", "or", "services"])
PROCEDURAL_PLAIN = (r"matter\s+of\s+urgency|press\s+and\s+public\s+(?:be\s+)?excluded|in\s+(?:the\s+)?"
                    r"(?:case|event)\s+of\s+(?:an?\s+)?(?:emergency|fire|evacuation)|^\s*to\s+(?:receive|consider|"
                    r"note|approve|agree)\b|proposed\s+to\s+be\s+taken|declare\s+any\s+interests?|goods\s+or\s+services|"
                    r"\bcalled\s+in\b|\bcall[- ]in\b|come\s+into\s+force|"
                    r"\b(?:committee|panel|board|cabinet|council|members|forum)\s+(?:is|are|was|were)\s+"
                    r"(?:asked\s+|invited\s+|requested\s+|recommended\s+)?to\s+(?:receive|consider|note|"
                    r"approve|agree|comment|reflect|endorse|scrutinise|scrutinize)\b")


@settings(max_examples=500, deadline=None)
@given(st.lists(PROCEDURAL_PIECES, max_size=12).map(" ".join))
def test_procedural_in_two_parts_answers_as_the_whole_pattern(text):
    from councilgraph.loaders.extract.outcomes import _procedural
    assert _procedural(text, text.lower()) == bool(Folded(PROCEDURAL_PLAIN).search(text))


CLAUSE_PIECES = st.sampled_from(["and", "AND", "And", "band", "that", "he", "She", "would", "will", "also", "added",
                                 "It was", "members", "said", ",", ";", " ", "\n", "they", "ſaid", "x", "K"])
CLAUSE_SPLIT_PLAIN = re.compile(r",\s+(?:and\s+)?(?=(?:he|she|they|it was|members)\s+(?:also\s+)?"
                                r"(?:added|suggested|asked|requested|noted|said)\b)|;\s+|"
                                r"and(?<!\wand)\s+(?=that\s|(?:he|she|they)\s+(?:would|will)\s)", re.IGNORECASE)


@settings(max_examples=500, deadline=None)
@given(st.lists(CLAUSE_PIECES, max_size=16).map(" ".join))
def test_clause_split_with_literal_openings_cuts_where_the_case_blind_pattern_cuts(text):
    from councilgraph.loaders.extract.outcomes import _CLAUSE_SPLIT
    assert [m.span() for m in _CLAUSE_SPLIT.finditer(text)] == [m.span() for m in CLAUSE_SPLIT_PLAIN.finditer(text)]
