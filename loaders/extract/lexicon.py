"""Words minutes use, in one place so every step agrees on them.

These lists describe how UK committee minutes are written in general (the reporting verbs of
minute-taking, the shape of local-government job titles); nothing here names a particular council.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import compiled_re as re

# Reporting verbs that make the preceding person the speaker of a clause.
ASK_VERBS = {
    "asked", "queried", "enquired", "inquired", "questioned", "sought", "requested", "raised", "challenged",
    "urged", "pressed", "probed", "wondered", "wanted", "wished", "demanded", "called",
    "expressed", "voiced", "suggested", "proposed", "recommended",
}
NEUTRAL_VERBS = {
    "said", "stated", "commented", "noted", "advised", "added", "felt", "considered", "believed", "remarked",
    "observed", "highlighted", "pointed", "mentioned", "emphasised", "emphasized", "stressed", "reiterated",
    "warned", "cautioned", "argued", "indicated", "echoed", "referred", "spoke", "drew", "made", "was", "were",
    "questioned", "thought", "hoped", "recognised", "recognized", "acknowledged", "accepted", "encouraged",
    "addressed",
}
ANSWER_VERBS = {
    "responded", "replied", "explained", "confirmed", "clarified", "assured", "reassured", "advised", "informed",
    "told", "agreed", "undertook", "outlined", "reported", "updated", "answered", "acknowledged", "accepted",
    "stated", "said", "added", "noted", "commented", "indicated", "highlighted", "emphasised", "emphasized",
    "stressed", "described", "gave", "provided", "set", "shared", "summarised", "summarized",
    "concluded", "offered", "detailed", "conceded", "admitted", "expected", "anticipated", "believed",
    "felt", "considered", "recognised", "recognized", "mentioned", "pointed",
}
PRESENT_VERBS = {
    "introduced", "presented", "outlined", "summarised", "summarized", "delivered", "gave", "took",
    "led", "reported", "updated", "provided", "set",
}
PROCEDURE_VERBS = {
    "thanked", "welcomed", "praised", "congratulated", "commended", "moved", "seconded", "declared",
    "left", "arrived", "joined", "returned", "withdrew", "abstained", "voted", "chaired", "opened", "closed",
    "attended",
}
SPEECH_VERBS = ASK_VERBS | NEUTRAL_VERBS | ANSWER_VERBS | PRESENT_VERBS | PROCEDURE_VERBS
ADVERBS = {"also", "then", "further", "additionally", "subsequently", "again", "briefly", "both",
           "specifically", "particularly", "in", "later", "therefore", "however", "had", "has", "would",
           "separately", "similarly", "likewise", "kindly"}


def by_first_letter(fragments: Iterable[str]) -> str:
    """Regex alternation of `fragments` (each starting with a plain letter), grouped by that letter.

    "(?:Chair|Chief Executive|Director|...)" makes the engine test every alternative's first letter
    at each place it tries; "(?:C(?:hair|hief Executive)|D(?:irector)|...)" tests each letter once.
    Alternatives with different first letters never match at the same place and each group keeps the
    given order, so the same text matches, the same way (in a case-sensitive pattern).
    """
    groups: dict[str, list[str]] = {}
    for f in fragments:
        assert f[:1].isalpha() and f[:1].isascii(), f
        groups.setdefault(f[0], []).append(f[1:])
    return "|".join(c + (rest[0] if len(rest) == 1 else f"(?:{'|'.join(rest)})") for c, rest in groups.items())


class Folded:
    """A case-insensitive pattern, written in lower case and matched against lower-cased text.

    Python's regex engine skips an alternative on its first literal only without IGNORECASE, so
    long word lists match about twice as fast this way. Text whose lower-casing changes length
    (a dotted capital I) falls back to IGNORECASE, so match offsets always point into the text.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.lower = re.compile(pattern)
        self._any_case: re.Pattern | None = None  # compiled when first needed: start-up pays for one form

    @property
    def any_case(self) -> re.Pattern:
        if self._any_case is None:
            self._any_case = re.compile(self.pattern, re.IGNORECASE)
        return self._any_case

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        low = text.lower() if low is None else low
        return self.lower.search(low) if len(low) == len(text) else self.any_case.search(text)


def exact_lower(text: str) -> str | None:
    """`text` lower-cased, where a lower-case pattern run on it matches exactly what the same pattern
    with IGNORECASE matches in `text`; else None.

    Lower-casing must keep every offset (not "İ"), and the text must hold neither "ı" nor "ſ",
    which IGNORECASE matches to "i" and "s" and lower-casing leaves alone (`str.isascii` is O(1),
    so an ASCII page costs no scan). Python's engine skips alternatives by their first literal only
    without IGNORECASE, so lower-case patterns on lower-cased text run 2-3x faster.
    """
    low = text.lower()
    return low if lower_is_exact(text, low) else None


def lower_is_exact(text: str, low: str) -> bool:
    """Whether a lower-case pattern on `low` (text.lower()) matches what IGNORECASE matches in `text`."""
    return len(low) == len(text) and (text.isascii() or ("ı" not in text and "ſ" not in text))


def may_match(text: str, low: str, words: tuple[str, ...]) -> bool:
    """A cheap test before a Folded pattern every match of which holds one of `words` (lower case).

    False only where `Folded.search(text, low)` would search the lower-cased text and none of the
    words is in it; where Folded falls back to searching `text` itself, True (no test is made).
    """
    return len(low) != len(text) or any(w in low for w in words)


def may_hold(text: str, low: str, words: tuple[str, ...]) -> bool:
    """Whether `text` may hold one of `words` (lower case) as an IGNORECASE pattern sees it: a test
    before such a pattern every match of which holds one of them. `low` is text.lower(); the `in`
    test on it is exact unless lower-casing moves offsets or the text has "ı" or "ſ" (which
    IGNORECASE takes for "i" and "s"), and then the answer is True.
    """
    return not lower_is_exact(text, low) or any(w in low for w in words)


class Lazy:
    """A pattern compiled when first used: start-up need not pay for the rarely needed big ones.

    The job-title patterns embed the whole list of heads and take 10-30 ms each to compile;
    `councilgraph extract ONE_FILE` should not spend that on patterns its page never reaches.
    """

    __slots__ = ("_args", "_re")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._re: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._re is None:
            self._re = re.compile(*self._args)
        return getattr(self._re, name)


class LineStart:
    """A pattern that starts at a line start ("^..." under re.MULTILINE), searched from line breaks.

    The engine finds nothing to skip ahead to in "^Minutes" and tries the pattern at every position
    of a page; "\\nMinutes" it finds by a fast scan for the line break. `search` returns the match
    the pattern's own search would: at `pos` if a line starts there, else at the first line break
    after which the pattern matches (the same pattern, flags and `endpos`, so the same match).
    `match` and `fullmatch` are the pattern's own.
    """

    __slots__ = ("pattern", "_after_break", "match", "fullmatch")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        assert pattern.startswith("^") and flags & re.MULTILINE, pattern
        self.pattern = re.compile(pattern, flags)
        self._after_break = re.compile("\n" + pattern[1:], flags)
        self.match = self.pattern.match
        self.fullmatch = self.pattern.fullmatch

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        end = len(text) if endpos is None else endpos
        pos = min(max(pos, 0), len(text))
        if pos == 0 or text[pos - 1] == "\n":
            m = self.pattern.match(text, pos, end)
            if m is not None:
                return m
        brk = self._after_break.search(text, pos, end)
        return None if brk is None else self.pattern.match(text, brk.start() + 1, end)


# Words that show a councillor's contribution is a concern or a request even with a neutral verb.
# (Callers ask only whether a sentence has one, so the words are grouped by first letter: see by_first_letter.)
_CONCERN_WORDS = [
    r"concern\w*", r"worr\w*", r"disappoint\w*", r"need(?:ed|s)? to", r"should", r"must", r"monitor\w*", r"risk\w*",
    r"delay\w*", r"problem\w*", r"pressure\w*", r"poor\w*", r"lack\w*", r"fail\w*", r"unacceptable", r"inadequate",
    r"shortage\w*", r"struggl\w*", r"difficult\w*", r"challeng\w*", r"why", r"whether", r"how", r"what", r"when",
    r"clarif\w*", r"reassur\w*", r"assurance", r"update", r"breakdown", r"more (?:detail|information)",
    r"further (?:detail|information)", r"explain", r"impact\w*", r"reduc\w*", r"increas\w*", r"declin\w*", r"drop\w*",
    r"fall\w*", r"rising", r"backlog\w*", r"waiting", r"vacanc\w*", r"caseload\w*", r"case loads?", r"question\w*",
    r"query", r"queries", r"cost\w*", r"overspend\w*", r"deficit", r"not (?:being )?met", r"below target", r"off track",
    r"red", r"urgent\w*", r"sufficient", r"enough", r"adequate\w*", r"serious\w*", r"robust", r"prefer\w*",
    r"would like", r"incorrect", r"inaccura\w*", r"wrong",
    r"too (?:small|low|high|few|many|slow|long|late|little|much|expensive)", r"inconsisten\w*", r"unclear",
    r"confus\w*", r"discrepanc\w*", r"breach\w*", r"not the same", r"gap", r"shortfall\w*", r"clos(?:ure|ing|e)",
]
CONCERN_CUES = Folded(
    rf"\b(?:{by_first_letter(_CONCERN_WORDS)}|(?:not|\w+n't|\w+n’t) (?:appear|seem))\b|\?"
)
# CONCERN_CUES in three parts for `has_concern_cue`: its "\w+n't" is tried at every word, backing off
# over each word's letters, and only clauses with "appear" or "seem" can match it
_CONCERN_WORD = Folded(rf"\b(?:{by_first_letter(_CONCERN_WORDS)})\b")
_CONCERN_NEGATED = Folded(r"\b(?:not|\w+n't|\w+n’t) (?:appear|seem)\b")


def has_concern_cue(text: str, low: str) -> bool:
    """Whether CONCERN_CUES finds anything in `text` (`low` is text.lower())."""
    return "?" in text or _CONCERN_WORD.search(text, low) is not None or (
        may_hold(text, low, ("appear", "seem")) and _CONCERN_NEGATED.search(text, low) is not None)
_SUPPORT_WORDS = [r"positive\w*", r"welcom\w*", r"pleased", r"prais\w*", r"commend\w*", r"congratulat\w*", r"thank\w*",
                  r"good news", r"encourag\w*", r"excellent", r"delighted", r"impressed", r"reassured"]
SUPPORT_CUES = Folded(rf"\b(?:{by_first_letter(_SUPPORT_WORDS)})\b")

# Heads of local-government job titles and offices. A role is Title-Case words ending in a head,
# optionally followed by "of ..." / "for ...".
ROLE_HEADS = [
    "Chief Executive", "Deputy Chief Executive", "Vice Convener", "Vice-Convener", "Depute Convener", "Convener",
    "Depute Provost", "Lord Provost", "Provost", "Depute Leader", "Monitoring Officer", "Section 151 Officer",
    "Section 151 officer",
    "Portfolio Holder", "Cabinet Member", "Executive Member", "Lead Member", "Lead Officer", "Team Leader",
    "Leader of the Council", "Deputy Leader", "Vice-Chairman", "Vice Chairman", "Vice-Chair", "Vice Chair",
    "Chairman", "Chairwoman", "Chairperson", "Chair", "Mayor", "Deputy Mayor", "Leader", "Head Teacher",
    "Headteacher", "Manager", "Director", "Head", "Officer", "Lead", "Coordinator", "Co-ordinator", "Adviser",
    "Advisor", "Consultant", "Commissioner", "Solicitor", "Clerk", "Accountant", "Analyst", "Inspector",
    "Superintendent", "Nurse", "Engineer", "Planner", "Scientist", "Specialist", "Partner", "Secretary",
    "Treasurer", "Auditor", "Principal", "Practitioner", "Registrar", "Chief Constable", "Representative",
    "Controller", "Administrator", "Lawyer", "Economist", "Surveyor", "Architect", "Designer", "Assessor",
    "Strategist", "Champion", "Executive", "Member", "Governor", "Ombudsman", "Worker", "Minister",
    "Cabinet Secretary", "Secretary of State", "MP", "MSP", "MLA", "Valuer", "Warden", "Steward", "Ranger", "Therapist",
    "Psychologist", "Pharmacist", "Paramedic",
]
# A service area written straight after a head, with no "of"/"for": "Assistant Director Finance",
# "Executive Director Communities", "Interim Chief Officer Governance". A closed list: after a head an
# open run of capitalised words would swallow the holder's name ("the Director Jane Smith").
REMITS = [
    "Finance", "Governance", "Resources", "Legal", "Law", "Housing", "Planning", "Education", "Learning",
    "Children's Services", "Children’s Services", "Children", "Adults", "Adult Services", "Adult Social Care",
    "Social Care", "Communities", "Community", "Place", "People", "Operations", "Regeneration", "Environment",
    "Transport", "Highways", "HR", "Human Resources", "ICT", "IT", "Digital", "Customer Services", "Health",
    "Public Health", "Commissioning", "Safeguarding", "Strategy", "Policy", "Performance", "Economy", "Growth",
    "Culture", "Leisure", "Waste", "Property", "Assets", "Procurement", "Democratic Services", "Corporate Services",
    "Neighbourhoods", "Audit", "Revenues", "Benefits", "Partnerships", "Transformation", "Infrastructure",
]
# Offices held by elected members: people in them are councillors and may answer questions.
MEMBER_OFFICE = re.compile(
    r"\b(Chair\w*|Vice[- ]Chair\w*|Cabinet Member|Executive Member|Lead Member|Portfolio Holder|Leader|"
    r"Mayor|Member Champion|Chairperson|(?:Vice[- ]|Depute )?Convener|Provost|Bailie)\b"
)
# Offices whose holder depends on the committee, not the council: never merged across committees.
COMMITTEE_OFFICE = re.compile(r"^(?:(?:Vice|Depute)[- ])?(?:Chair(?:man|woman|person)?|Convener)$", re.IGNORECASE)
# Roles of people from partner bodies (NHS, police, ...): kind "other".
PARTNER_CUES = re.compile(
    r"\b(NHS|CCG|ICB|Integrated Care|Trust|Police|Constable|Fire|Healthwatch|Ofsted|CQC|University|"
    r"College|Hospital|Clinical|Commissioner for|Crime Commissioner|Voluntary|Charity|Representative|"
    r"Governor|Diocese|Church|resident|member of the public|Youth Parliament|Ombudsman|Superintendent|Inspector|"
    r"Sergeant|Sgt|PCSO|(?:Station|Group|Watch|Crew|Area) Manager|MP|MSP|MLA|Minister|Secretary of State)\b"
)

# Capitalised words that are never part of a person's name.
NOT_NAME = {
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her",
    "their", "our", "members", "member", "officers", "officer", "council", "councils", "committee", "panel",
    "board", "plan", "report", "reports", "service", "services", "care", "social", "health", "manager",
    "director", "head", "team", "strategy", "performance", "quality", "commission", "group", "partnership",
    "authority", "trust", "nhs", "cabinet", "chair", "chairman", "vice", "leader", "mayor", "executive",
    "portfolio", "holder", "county", "borough", "district", "city", "town", "parish", "government",
    "department", "office", "people", "needs", "families", "children", "adults", "call", "signed",
    "and", "of", "for", "in", "on", "at", "to", "with", "from", "by", "as", "or",
    "but", "if", "when", "while", "where", "which", "who", "what", "how", "why", "all", "any", "some",
    "each", "every", "other", "another", "further", "following", "there", "here", "after", "before",
    "during", "also", "however", "although", "though", "regarding", "within", "without", "into",
    "agenda", "item", "minutes", "resolved", "supporting", "documents", "meeting", "appendix", "section",
    "quarter", "year", "month", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "councillor", "councillors", "cllr", "cllrs", "mr", "mrs", "ms", "miss", "dr",
    "education", "adult", "public", "housing", "finance", "policy", "scrutiny",
    "overview", "programme", "project", "school", "schools", "centre", "fund", "budget", "act", "bill",
    "inspection", "action", "update", "review", "covid", "covid19", "send", "ofsted", "cqc", "uk",
    "england", "wales", "scotland", "national", "local", "corporate", "strategic", "interim", "acting",
    "deputy", "assistant", "senior", "principal", "chief", "lead", "unit", "hub", "network",
    "forum", "workforce", "safeguarding", "commissioning", "integrated", "community", "communities",
    "economic", "development", "planning", "highways", "transport", "environment", "waste", "climate",
    "emergency", "support", "information", "data", "police", "fire", "rescue", "library", "libraries",
    "west", "east", "north", "south", "midlands", "yorkshire", "building", "worker", "workers", "staff",
    "agency", "speech",
    "language", "key", "business", "measures", "independent", "reviewing", "educational", "employment",
    "years", "note", "noted", "please", "thank", "thanks", "welcome", "questions", "question",
    "answer", "answers", "response", "responses", "comments", "comment", "left", "arrived", "present",
    "apologies", "absent", "substitute", "declarations", "interest", "interests", "pdf", "icon", "kb", "mb",
    "party", "parties", "whip", "whips", "whipped", "votes",
}
TITLES = ["Councillors", "Councillor", "Councilor", "Cllrs.", "Cllrs", "Cllr.", "Cllr",
          # Scotland's and Northern Ireland's titles for members
          "Bailies", "Bailie", "Aldermen", "Alderman", "Provost"]  # before a member's name
HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Professor", "Prof", "Sir", "Dame", "Rev", "Reverend",
              "Lord", "Lady", "Canon"}
PARTICLES = {"da", "de", "del", "della", "di", "du", "van", "von", "der", "den", "le", "la", "ter", "bin",
             "al", "dos", "das", "st"}

COLLECTIVE_SUBJECT = re.compile(
    r"\b(?:(?:a|one|another|some|several|other|many|two|three|a number of|the)\s+)?"
    r"(?:(?:elected|committee|panel|board|independent|co-opted)\s+)?"
    r"(?:members?|councillors)(?:\s+of\s+the\s+(?:committee|panel|board|sub-committee|public))?\b"
    r"|\bthe\s+(?:committee|panel|board|sub-committee)\b",
    re.IGNORECASE,
)


def at_word_start(words: Iterable[str], *, ignore_case: bool = False, escape: bool = True) -> str:
    """Regex alternation of words that must start a word, written so the regex engine can skip ahead.

    Python's engine tries "\\b(?:Mr|Mrs|Dr)" at every position of a page. Started by one
    character class, with the boundary and each word's first letter checked after it,
    "[DM](?<!\\w[DM])(?:(?<=D)(?:r)|(?<=M)(?:rs|r))", it jumps between candidate letters instead:
    2-4x faster over a page of minutes. `words` are regex fragments when `escape` is false (their
    first character must be a plain letter); longer ones are tried first.
    """
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        first = w[0].lower() if ignore_case else w[0]
        by_first.setdefault(first, []).append(re.escape(w[1:]) if escape else w[1:])

    def cls(c: str) -> str:
        return f"[{c.upper()}{c}]" if ignore_case and c.isalpha() else re.escape(c)

    letters = "".join((c.upper() + c) if ignore_case and c.isalpha() else re.escape(c) for c in sorted(by_first))
    branches = "|".join(f"(?<={cls(c)})(?:{'|'.join(rest)})" for c, rest in sorted(by_first.items()))
    return f"[{letters}](?<!\\w[{letters}])(?:{branches})"
