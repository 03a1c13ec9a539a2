"""Who asked what, and who answered: reporting clauses turned into questions and answers.

Minutes report speech as "<speaker> <reporting verb> ...". We find every such clause, decide
whether it is a member's question (asks, queries, raises a concern, requests) or an answer, and
pair answers with the questions still open. Pairing follows layout: consecutive questions share
the answers that follow them, a bulleted exchange stays inside its bullet, and an explicit
"In response to a question from Councillor X, the Y said" overrides position.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from . import compiled_re as re
from .lexicon import (
    ADVERBS,
    ANSWER_VERBS,
    ASK_VERBS,
    COLLECTIVE_SUBJECT,
    MEMBER_OFFICE,
    NEUTRAL_VERBS,
    PRESENT_VERBS,
    PROCEDURE_VERBS,
    SPEECH_VERBS,
    SUPPORT_CUES,
    Folded,
    Lazy,
    at_word_start,
    has_concern_cue,
    lower_is_exact,
    may_hold,
    may_match,
)
from .people import _APPOSITIVE, _VERB_AFTER, ASIDE, ROLE_BODY, is_committee_office
from .records import Answer, Mention, Person, Question, Span
from .segment import Block, Sentence, lowered

_ASKING = ["asked", "asking", "queried", "enquired", "inquired", "questioned", "sought", "requested", "raised",
           "challenged", "urged", "pressed", "probed", "wondered",
           r"wanted\s+(?:to\s+know|reassurance|assurance|clarification|confirmation|an?\s+update|more|further|"
           r"details?|information|officers|to\s+understand)", r"wished\s+to\s+know", r"called\s+for", "suggested",
           r"expressed\s+(?:\w+\s+){0,2}(?:concerns?|disappointment|dissatisfaction|frustration|worry|worries|"
           r"surprise|reservations|doubts?)"]
ASK_IN_CLAUSE = re.compile(rf"(?:{at_word_start(_ASKING, escape=False)})\b")
FRAME_VERBS = {"referred", "drew", "made", "spoke"}
RESPONSE_ONLY = {"responded", "replied", "confirmed", "clarified", "assured", "reassured", "answered",
                 "undertook", "agreed"}
# every match starts at the pronoun or at the spaces before it: the look-ahead rejects other places before the
# four openings (look-behinds, entered at every position of the sentence) are tried
_PRONOUN = re.compile(
    r"(?=[\sHhSs])(?:^|(?<=[;:,(])\s*|(?<=\band\s)|(?<=\bbut\s))(?P<p>[Hh]e|[Ss]he)\s+(?:(?:"
    + "|".join(sorted(ADVERBS)) + r")\s+)*(?P<verb>[a-z]+)"
)
_PASSIVE_ANSWER = Folded(
    r"\b(?:members|the\s+(?:committee|panel|board)|councillors)\s+(?:were|was)\s+(?:also\s+)?"
    r"(?P<verb>advised|informed|told|assured|reassured|reminded|updated)\b")
_PASSIVE_QUESTION = Folded(
    r"\b(?:(?:a\s+)?concerns?|(?:a\s+)?questions?|(?:a\s+)?quer(?:y|ies)|points?|issues?)\s+(?:was|were)\s+"
    r"(?:also\s+)?(?:raised|expressed|asked|voiced|put)(?:\s+by\s+(?P<who>[^,.;]{2,60}))?|"
    r"\bit\s+was\s+(?:also\s+)?(?:further\s+)?(?:asked|queried|questioned|requested|suggested|raised)\b|"
    r"\b(?:(?:further\s+|more\s+|additional\s+)?(?:information|clarification|details?|data|assurances?|"
    r"an?\s+(?:explanation|update|breakdown|briefing))(?:\s+(?:on|about|regarding|concerning|as\s+to|of)\s+"
    r"[^.;]{2,120}?)?|reference)\s+(?:was|were)\s+(?:also\s+)?(?:requested|sought|made)\b|"
    r"\bit\s+would\s+be\s+(?:helpful|useful|beneficial)\b")
# the verbs every match of the passive patterns holds: most passive sentences have none, and a
# substring test is cheaper than the search (lexicon.may_match)
_PASSIVE_ANSWER_WORDS = ("advised", "informed", "told", "assured", "reminded", "updated")
_PASSIVE_QUESTION_WORDS = ("raised", "expressed", "asked", "voiced", "put", "queried", "questioned", "requested",
                           "suggested", "sought", "made", "helpful", "useful", "beneficial")
_OFFICERS_ANSWER = re.compile(
    r"(?:the\s+)?(?:relevant\s+|senior\s+)?officers?\s+(?:also\s+|then\s+|further\s+)?(?P<verb>advised|confirmed|"
    r"explained|responded|replied|clarified|informed|assured|reassured|stated|said|reported|agreed|undertook|"
    r"acknowledged|accepted|noted|indicated|outlined|highlighted|provided|gave|offered)\b", re.I)
# a listed point that records a decision or a finding, not a member's question
_DECISION_LEAD = re.compile(r"\s*(?:it\s+was\s+(?:also\s+)?(?:agreed|resolved|noted|confirmed|accepted|decided)|"
                            r"(?:resolved|agreed|noted)\b)", re.I)
_GAVE_ANSWERS = r"\s+(?:a\s+|detailed\s+|further\s+)?(?:responses?|answers?|replies)\s+to"
# Every lead opens with a literal (both cases written out, "In|in", not "[Ii]n"), so the engine skips to
# those letters instead of trying the pattern at every position; leads that open with the same letter
# keep their order, so the same lead matches.
_EXPLICIT = re.compile(
    r"(?P<lead>In\s+(?:response|reply|answer)\s+to|in\s+(?:response|reply|answer)\s+to|"
    r"Responding\s+to|responding\s+to|Replying\s+to|replying\s+to|Responded\s+to|responded\s+to|"
    rf"Replied\s+to|replied\s+to|provided{_GAVE_ANSWERS}|gave{_GAVE_ANSWERS}|offered{_GAVE_ANSWERS}|"
    r"Following|following)\s+"
    # "In answer to Councillor Ames," names the asker with no noun
    r"(?:(?P<who2>(?:Councillors?|Cllrs?\.?|Mrs?|Ms|Miss|Dr)\s+[^,.;]{1,60}?)(?=,)|"
    r"(?:(?:a|the|further|several|various|some|these|those|this|that|his|her|their|members['’]?)\s+)?"
    r"(?:\w+\s+)?(?:questions?|quer(?:y|ies)|concerns?|comments?|points?|issues?)"
    r"(?:\s+(?:raised|asked|posed))?(?:\s+(?:from|by)\s+(?P<who>[^,.;]{2,80}?))?(?=,|\s+(?:the|stating|"
    r"that|he|she|it|and|about|on|regarding|concerning|as\s+to|why|whether|how|what|if|over|around|relating|"
    r"into|in\s+relation)\b|\.|$))"
)
# "When asked about the rota, the Manager explained ...": the question is the clause, its asker unnamed
_WHEN_ASKED = re.compile(r"(?P<lead>[Ww]hen\s+(?:asked|questioned))\s+(?:about|on|whether|if|why|how|what)\b"
                         r"[^,;.]{0,120}(?=,)")


WRITTEN_Q = re.compile(r"^\s*(?:\(?\d{1,3}[a-z]?[.):]?\s+)?(?:Supplementary\s+)?Questions?\s+"
                       r"(?:(?:on|with|without)\s+notice\s+)?"
                       r"(?:from|by|submitted\s+by|asked\s+by)\s+"
                       r"\S.{0,120}?:?\s*$",
                       re.IGNORECASE)
WRITTEN_A = re.compile(r"^\s*(?:Response|Reply|Answer)\s+(?:from|by|given\s+by)\s+\S.{0,120}?:?\s*$", re.IGNORECASE)


def _written_heading(heading: str, plow: str | None = None, at: int = 0) -> tuple[re.Match | None, re.Match | None]:
    """WRITTEN_Q's and WRITTEN_A's matches of a paragraph; most paragraphs hold neither word, and a
    substring test is cheaper than the two matches.

    `plow` is the page lower-cased where that is exact for case-blind patterns (see `_exact_page`), the
    paragraph at `at` in it: the words are found there, without lower-casing each paragraph again.
    """
    if plow is None:
        low = heading.lower()
        wq = WRITTEN_Q.match(heading) if may_hold(heading, low, ("question",)) else None
        wa = WRITTEN_A.match(heading) if may_hold(heading, low, ("response", "reply", "answer")) else None
        return wq, wa
    end = at + len(heading)
    wq = WRITTEN_Q.match(heading) if plow.find("question", at, end) >= 0 else None
    wa = WRITTEN_A.match(heading) if (plow.find("response", at, end) >= 0 or plow.find("reply", at, end) >= 0
                                      or plow.find("answer", at, end) >= 0) else None
    return wq, wa


def _exact_page(text: str) -> str | None:
    """The page lower-cased, where a substring test on it says what `lexicon.may_hold` says of any part
    of it: lower-casing keeps every offset (so a part's lower-casing is that part of the page's, up to
    a final sigma, which no ASCII word contains) and the page has neither "ı" nor "ſ".
    A part's lower-casing is then that part of the page's (`_find_acts` slices it) but for a final
    sigma, which lower-casing reads from the letters around it: a page with a capital sigma has none.
    """
    low = lowered(text)
    return low if low is not None and "Σ" not in text and lower_is_exact(text, low) else None


# "the following points were raised:" introduces members' points; "the reports are attached as follows:" does not
_INTRODUCES_POINTS = re.compile(r"\b(?:raised|asked|made|put|submitted|queried|discussed|summari[sz]ed|comments|"
                                r"questions|concerns|issues\s+(?:were|was)|focus(?:ed|sed)\s+on|discussions?\s+(?:are|"
                                r"were|was|is|focus\w*)|(?:in|during)\s+(?:the\s+)?(?:course\s+of\s+(?:the\s+)?)?"
                                r"(?:ensuing\s+)?(?:discussion|debate))\b", re.I)
# "Questions and discussions with the Cabinet Member ... focused on the following:": those named answer
_DISCUSSED_WITH = re.compile(r"\b(?:questions?|discussions?|debate|dialogue)\s+(?:(?:and|&)\s+(?:questions?|"
                             r"discussions?|answers?)\s+)?with\b", re.I)
_PLURAL_OFFICE = re.compile(r"\b(?:Cabinet|Executive|Lead)\s+Members\b|\bPortfolio\s+Holders\b")
_ANNOUNCES_QUESTION = re.compile(r"\basked\s+(?:a|one|her|his|their)\s+(?:supplementary\s+|further\s+|follow[- ]up\s+)?"
                                 r"question\b")
# "23-04 – Councillor A to Councillor B", "Question 3: Cllr A to the Leader": a written question's heading
# (which asks nothing: "what value does the Valuer give to The Grange?" is the question itself)
_PUT_TO = re.compile(r"\s*(?:(?:Question\s*)?[\w./-]{0,10}\s*[–—:-]\s*)?(?:(?:Councillors?|Cllrs?\.?|Mrs?|Ms|Dr)\s+)?"
                     r"[A-Z][^.;:\n]{1,60}?(?P<to>\s+to\s+)(?:the\s+)?[A-Z][^.;:?\n]{1,80}?\.?\s*$")
_SPEAKER_LABEL = re.compile(r"\s*(?:(?:Councillors?|Cllrs?\.?|Mrs?|Ms|Miss|Dr)\s+)?[A-Z][\w’'.\- ]{1,60}:\s*")
_TOPIC_AFTER = re.compile(r"\s+(?:about|regarding|concerning|on|over|around|relating\s+to|in\s+relation\s+to|"
                          r"as\s+to)\b")
# what a committee chair says in answer: an undertaking ("noted that this would be investigated"), not a view
_CHAIR_ANSWERS = {"agreed", "undertook", "confirmed", "assured", "reassured", "clarified", "explained", "answered"}
_TAKEN_UP = re.compile(r"\b(?:this|that|it|these|they)\s+would\s+be\s+(?:\w+ed|taken|looked|followed|picked|raised)\b")
_NOTED_THAT = re.compile(r"\bit\s+was\s+(?:also\s+)?(?:noted|reported|agreed|confirmed|explained|advised|"
                         r"clarified|resolved)\s+that\s*:$", re.I)
_NOTHING_MORE = re.compile(r"(?:\s+(?:and|&)\s+(?:\w+\s+)?(?:comments?|questions?|queries|points?|issues?))?"
                           r"(?:\s+(?:raised|made|put))?\s*[.;]?\s*$")
_DASH_THEN = re.compile(r"\s+[–—-]\s+(?=\S)")
# "[Ii](?<!\w[Ii])" is "\b[Ii]" opened by a class, which the engine skips ahead to (lexicon.at_word_start)
_IT_WAS_EXPLAINED = re.compile(r"[Ii](?<!\w[Ii])t\s+was\s+(?:also\s+|further\s+)?(?:explained|confirmed|clarified)"
                               r"\s+that\b")
_NAME_DASH = re.compile(r"\s*[–—:-]\s*(?:(?:concerned|worried)\s+(?:about|that|at|by|over)|queried|asked|raised|"
                        r"questioned|requested|regarding|re:?)\s", re.I)
_RESPONSE_LINE = re.compile(r"\s*(?:Officer\s+)?(?:Response|Answer|Reply)s?\s*[:–—-]\s*\S", re.I)
_DESCRIBED = re.compile(r",\s+(?:a|an)\s+[^,.;()]{2,50},")
# the chair asking the members what they want ("whether the councillor would like to see ..."): procedure
_ASKS_THE_MEMBERS = re.compile(r"\basked\s+(?:if|whether)\s+(?:the\s+)?(?:councillors?|members?|committee|panel|"
                               r"board)\b")
# the answer to an explicit "In response to a question about X," when no one is named as giving it
_IT_WAS_SAID = re.compile(r"[Ii](?<!\w[Ii])t\s+was\s+(?:also\s+|further\s+)?(?P<verb>explained|acknowledged|"
                          r"confirmed|clarified|stated|reported|noted|advised|suggested|indicated|highlighted|agreed|accepted)\b")
_RECEIVED_QUESTION = re.compile(r"\b(?:received\s+(?:a|an|one|two|three|\d+)\s+(?:written\s+)?"
                                r"(?:questions?|quer(?:y|ies))|"
                                r"(?:questions?|quer(?:y|ies))\s+(?:were|was|had\s+been)\s+received)\s+"
                                r"from\s+(?P<who>[^,.;]{2,60}?)(?=\s+(?:regarding|about|on|concerning|"
                                r"in\s+relation|relating|and|which|who|asking|,)|[.;,]|$)")
# "Flying Start" between such an introduction and its bullets: a heading of the list, not its end
_SUBHEADING = re.compile(r"\s*[A-Z][^.:;?!\n]{0,60}[^.:;?!\s]\s*$")
# Anyone who "asked whether ..." asks, whatever their kind (a co-opted member read as an officer);
# "asked members to note" does not
_DIRECT_ASK = {"asked", "queried", "enquired", "inquired"}
_ASKS_SOMETHING = re.compile(r"[^.;:]{0,120}?\b(?:asked|queried|enquired|inquired)\s+"
                             r"(?:(?:if|whether|what|how|why|when|where|who|which|about|for|after)\b|(?!(?:the\s+)?(?:members?|committee|panel|board|"
                             r"councillors|everyone|all|those)\b)[a-z])")
_NOTICE_OF_QUESTION = re.compile(r"\b(?:notice\s+of|submitted|put|asked|tabled)\s+the\s+following\s+"
                                 r"(?:supplementary\s+|written\s+|oral\s+)?question\b", re.I)
_PASSIVE_VIEW = Folded(r"\bit\s+was\s+(?:also\s+|further\s+)?(?:emphasised|emphasized|stressed|felt|commented|"
                       r"highlighted|pointed\s+out|observed)\s+(?:by\s+(?:members|the\s+committee)\s+)?that\b")
# every COLLECTIVE_SUBJECT holds one (tested inline in _find_acts)
_COLLECTIVE_WORDS = ("member", "councillors", "committee", "panel", "board")
_PASSIVE_VIEW_WORDS = ("emphasised", "emphasized", "stressed", "felt", "commented", "highlighted", "pointed",
                       "observed")
_PROCEDURE = re.compile(r"declarations?\s+of\s+(?:interest|party\s+whip)|apologies\s+for\s+absence|urgent\s+business|"
                        r"standing\s+order|(?:was|were)\s+quorate|minutes\s+of\s+the\s+(?:previous|last)\s+meeting|"
                        r"(?:questions?|petitions?|deputations?)\s+(?:had\s+been|have\s+been|were|was)\s+"
                        r"(?:received|submitted|lodged|tabled)|"
                        r"(?:had|have|has)\s+(?:lodged|submitted|tabled)\s+(?:\w+\s+){0,2}questions?")
# every match of _PROCEDURE holds one of these (it is case-sensitive and run on lower-cased clauses)
_PROCEDURE_WORDS = ("declaration", "apologies", "urgent", "standing", "quorate", "minutes", "received", "submitted",
                    "lodged", "tabled")


def _procedural(low: str) -> bool:
    """_PROCEDURE in a lower-cased clause; most clauses hold none of its words, and `in` is cheaper."""
    return any(w in low for w in _PROCEDURE_WORDS) and _PROCEDURE.search(low) is not None


_REPORTED_EARLIER = re.compile(r"(?:\s*\([^()]{0,80}\)|\s*,[^,.;]{0,80},)?\s+had\s+"
                               r"(?:also\s+|previously\s+|earlier\s+)?[a-z]+ed\b")
_FEELING = re.compile(r"[^.;]{0,60}?\b(?:were|was)\s+(?:also\s+|still\s+|particularly\s+|very\s+)?(?:concerned|worried|"
                      r"disappointed|anxious|unclear|unhappy|frustrated|surprised|keen\s+to\s+(?:know|understand|see)|"
                      r"not\s+(?:satisfied|convinced|assured|clear))\b", re.I)
_OF_THE_VIEW = re.compile(r"[^.;]{0,60}?\b(?:was|were)\s+(?:also\s+)?of\s+the\s+(?:view|opinion)\b", re.I)
_THAT_INTRO = re.compile(r"[^,.;:]{0,60}?\bthat\s+(?=(?:a|one|another|some|several|the)\s+|members?\b|councillors\b)",
                         re.I)
# "(2) the progress made to date be noted;": a numbered resolution, never a question
_RESOLUTION_LIKE = re.compile(r"(?:that\s+)?[^.;?]{0,200}?\b(?:be|is|are|were)\s+(?:duly\s+|formally\s+)?(?:noted|"
                              r"agreed|approved|endorsed|received|accepted|adopted|supported|confirmed|signed)\b"
                              r"[^?]{0,80}[;.]?\s*(?:and)?\s*$", re.I)
_REPORTED_POINTS = re.compile(r"\b(?:noted|reported|highlighted|advised|informed|explained)\b", re.I)
_RAISING = {"commented", "mentioned", "highlighted", "emphasised", "emphasized", "stressed", "pointed", "observed",
            "felt", "remarked", "argued", "warned", "cautioned", "suggested"}
_ANSWERED_BY = re.compile(r"\b(?:was|were)\s+(?:(?:all|each|then|also)\s+)?(?:responded\s+to|answered|addressed|"
                          r"replied\s+to|dealt\s+with|informed|advised|told|assured|reassured)\s+by\b|\b(?:responses?|answers?|replies)\s+(?:was|were)\s+"
                          r"(?:given|provided|made)\s+by\b", re.I)
_QA_LABEL = re.compile(r"(?:Q\d*[.:)]?|Question\s*\d*[.:)]?)\s+(?:(?P<who>[^:?\n]{2,80}):\s+)?\S.*\?$")
# "A1 The Cabinet Member for Highways: 1,240 were repaired": the answer, under its speaker's label
_A_LABEL = re.compile(r"(?:A\d*[.:)]?|Answer\s*\d*[.:)]?|Response\s*\d*[.:)]?|Reply\s*\d*[.:)]?)\s+"
                      r"(?:(?P<who>[^:\n]{2,80}):\s+)?\S")
_THEN_ASKED = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+)?(?:asked|queried|enquired|sought|questioned|"
                         r"requested|expressed\s+(?:some\s+)?concern)\b")
_REPLY_VERBS = {"responded", "replied", "answered"}
# a listed point led by a member's name and what it was about: "Councillor Ames regarding the bus lanes"
_NAME_ON = re.compile(r"\s*,?\s*(?P<verb>regarding|concerning|about|on|seeking|expressing|asking|querying|"
                      r"requesting|raising|questioning|highlighting|in\s+relation\s+to|with\s+regard\s+to)\b")
_ROLE_THEN_COMMA = Lazy(rf"(?:the\s+)?{ROLE_BODY}\s*,\s*")
_AND_NEXT = re.compile(r",?\s+(?:and|&)\s+")
_ANSWERING_INTRO = {"responded", "replied", "answered", "explained", "clarified", "confirmed"}
# "Members asked a number of questions." reports that questions were asked, not what they were
_GENERIC_QUESTIONS = re.compile(r"(?:asked|raised|put)\s+(?:a\s+(?:number|range|series)\s+of|various|several|some|"
                                r"many|further)\s+questions\s*(?:[,.;]|and\b|to\s+which\b|$)", re.I)
_ATTENDING = re.compile(r"\s+(?:was|were)\s+(?:also\s+)?(?:in attendance|present)")
_INTRO = re.compile(r"(?:[^,]{0,80},\s*|[^,–—]{0,40}\s[–—-]\s+)?")  # "In relation to X, " or "Minute 12 - "
_STRONG_CONCERN = Folded(r"concern|worr|disappoint")


@dataclass
class Act:
    pos: int
    end: int
    person: Person | None
    verb: str
    collective: bool = False
    kind: str = "statement"  # question | frame | answer | passive_answer | statement
    cue: bool = False
    explicit_asker: Person | None = None
    new_topic: bool = False
    explicit: bool = False
    q_start: int | None = None
    block: int = 0
    co: list[Person] = field(default_factory=list)  # "Mr A and Mrs B responded": both speak


@dataclass
class Exchange:
    questions: list[Question] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    pronoun_mentions: list[tuple[Person, Mention]] = field(default_factory=list)


class SpeechReader:
    """Walks the body sentences once, keeping the open questions and the last speaker."""

    def __init__(self, text: str, people: list[Person]) -> None:
        self.text = text
        self.people = people
        self.by_start: dict[int, Person] = {}
        for p in people:
            for m in p.mentions:
                self.by_start[m.span.start] = p
        self._starts = sorted(self.by_start)
        self.out = Exchange()
        self.window: list[Question] = []
        self.window_answered = False
        self.window_block: Block | None = None
        self.last_subject: Person | None = None
        self.frame: Act | None = None
        self.last_answer: Answer | None = None
        self.last_kind: str | None = None
        # "Councillor X raised the following points:" then bullets: each bullet is X's question
        # "Officers responded to members' comments with the following points:" then bullets: each bullet
        # answers a question the minutes leave out
        self.list_intro: tuple[Person | None, tuple[Person, ...]] | None = None
        self.blocks: list[Block] = []
        self.last_statement: Act | None = None  # a member's remark that a next sentence may turn into a concern
        self.answer_block = -1  # the paragraph of the last answer
        self._block_starts: list[int] = []
        self.written_q: Question | None = None  # a written question that may run on over paragraphs
        self.put_to: tuple[Person, Person] | None = None  # a written question's heading: who asks whom
        self._acts: dict[int, list[Act]] = {}  # acts() records pronoun mentions: run it once a sentence
        self._plow = _exact_page(text)  # the page lower-cased once, where its parts' substring tests are exact
        # person id -> (person, mention count, starts, ends) for _mention_end (a plain attribute: reading
        # self.__dict__ would make the instance keep a real dict, and every attribute read slower)
        self._mention_index: dict[int, tuple[Person, int, list[int], list[int]]] = {}

    # -- act detection ----------------------------------------------------------------------------
    def _mentions_in(self, s: int, e: int) -> list[tuple[int, Person]]:
        i = bisect.bisect_left(self._starts, s)
        out = []
        while i < len(self._starts) and self._starts[i] < e:
            out.append((self._starts[i], self.by_start[self._starts[i]]))
            i += 1
        return out

    def _mention_end(self, person: Person, start: int) -> int:
        """End of `person`'s first mention starting at `start` (else `start`): a bisect over the
        mentions sorted once per person, not a scan of them all for every mention."""
        index = self._mention_index
        entry = index.get(id(person))
        if entry is None or entry[0] is not person or entry[1] != len(person.mentions):
            order = sorted(range(len(person.mentions)), key=lambda i: (person.mentions[i].span.start, i))
            entry = (person, len(person.mentions), [person.mentions[i].span.start for i in order],
                     [person.mentions[i].span.end for i in order])
            index[id(person)] = entry
        starts, ends = entry[2], entry[3]
        i = bisect.bisect_left(starts, start)
        return ends[i] if i < len(starts) and starts[i] == start else start

    def acts(self, sent: Sentence) -> list[Act]:
        if sent.span.start not in self._acts:
            self._acts[sent.span.start] = self._find_acts(sent)
        return self._acts[sent.span.start]

    def _find_acts(self, sent: Sentence) -> list[Act]:
        s, e = sent.span.start, sent.span.end
        found: list[Act] = []
        pending: list[tuple[int, Person, int]] = []  # "Mr A and": (where the partner starts, A, A's start)
        for pos, person in self._mentions_in(s, e):
            end = self._mention_end(person, pos)
            nxt = self.text[end:end + 2].lstrip()[:1]
            ap = _APPOSITIVE.match(self.text, end, e) if nxt in (",", "(") else None
            if ap is None and nxt == ",":  # "Mr Roberts, a local resident, asked ...", "X, in response to Y, said"
                ap = _DESCRIBED.match(self.text, end, e) or ASIDE.match(self.text, end, e)
            after = ap.end() if ap else end
            if pending and pending[-1][0] != pos and not (
                    pending[-1][0] < pos <= pending[-1][0] + 120
                    and _ROLE_THEN_COMMA.fullmatch(self.text, pending[-1][0], pos)):
                pending = []  # "Cllr A and Portfolio Holder for Y, Cllr B, responded": B's post stands between
            vm = _VERB_AFTER.match(self.text, after, e)
            if vm and vm.group("verb").lower() in SPEECH_VERBS:
                together = [p for _, p, _ in pending if p is not person] + [person]
                # "Councillors Gee and Shah believed ...": the first named leads, the others join in
                found.append(Act(pending[0][2] if pending else pos, e, together[0], vm.group("verb").lower(),
                                 block=sent.block, co=together[1:]))
                pending = []
            elif pos <= s + 1 and (self._opens_point(sent) and _NAME_ON.match(self.text, after, e) or
                                   self._opens_block(sent) and _NAME_DASH.match(self.text, after, e)):
                # "• Councillor Ames regarding the bus lanes", "Councillor Ames – concerned about fly-tipping"
                found.append(Act(pos, e, person, "raised", kind="question", block=sent.block))
            elif (join := _AND_NEXT.match(self.text, after, e)) is not None:
                pending.append((join.end(), person, pending[0][2] if pending else pos))
            elif _ATTENDING.match(self.text, after, e):
                found.append(Act(pos, e, person, "attended", block=sent.block))
        sentence = self.text[s:e]
        plow = self._plow
        # `exact`: a substring test on `low` is what lexicon.may_hold/may_match say, inlined below
        # (several a sentence; every sentence of a page is read)
        if plow is not None:
            low, exact = plow[s:e], True
        else:
            low = sentence.lower()
            exact = lower_is_exact(sentence, low)
        has_pronoun = low.startswith(("he ", "she ")) or " he " in low or " she " in low
        for m in _PRONOUN.finditer(sentence) if has_pronoun else ():
            verb = m.group("verb")
            person = self.last_or_current(found, s + m.start())
            if verb in SPEECH_VERBS and person is not None:
                ps, pe = s + m.start("p"), s + m.end("p")
                found.append(Act(ps, e, person, verb, block=sent.block))
                self.out.pronoun_mentions.append((person, Mention(m.group("p"), Span(ps, pe), "pronoun")))
        cm = None
        if not found:  # "Members queried ..." or "In relation to X, members queried ..."
            intro = -1  # where the words after a lead-in start, read once a sentence
            collective = not exact or "member" in low or "councillors" in low or "committee" in low or \
                "panel" in low or "board" in low  # _COLLECTIVE_WORDS
            cm = COLLECTIVE_SUBJECT.match(sentence) if collective else None
            if cm is None and collective:
                intro = _INTRO.match(sentence).end()
                cm = COLLECTIVE_SUBJECT.match(sentence, intro)
            om = None
            if not exact or "officer" in low:
                om = _OFFICERS_ANSWER.match(sentence)
                if om is None:
                    om = _OFFICERS_ANSWER.match(sentence, intro if intro >= 0 else _INTRO.match(sentence).end())
            if om:  # "Officers advised that ...": an answer from officers the minutes do not name
                found.append(Act(s + om.start(), e, None, om.group("verb").lower(), collective=True,
                                 kind="passive_answer", block=sent.block))
                cm = None
        if not found and not cm and (not exact or "that" in low) and \
                (tm := _THAT_INTRO.match(sentence)) is not None:
            # "It was noted that a Member had enquired about ...": only an asking verb makes it a question
            cm = COLLECTIVE_SUBJECT.match(sentence, tm.end())
            vm = _VERB_AFTER.match(sentence, cm.end()) if cm else None
            if not (vm and vm.group("verb").lower() in ASK_VERBS):
                cm = None
        if cm:
            vm = _VERB_AFTER.match(sentence, cm.end())
            if vm and vm.group("verb").lower() in (ASK_VERBS | NEUTRAL_VERBS | {"were"}):
                found.append(Act(s + cm.start(), e, None, vm.group("verb").lower(), collective=True,
                                 block=sent.block))
        passive = " were " in low or " was " in low
        pb = _ANSWERED_BY.search(sentence) if passive and "by" in low else None
        if pb:  # "These points were responded to by Chief Inspector Rowe and the Cabinet Member"
            who = [p for _, p in self._mentions_in(s + pb.end(), e)]
            if who:
                found.append(Act(s + pb.start(), e, who[0], "responded", block=sent.block,
                                 co=[p for p in who[1:] if p is not who[0]]))
        pa = _PASSIVE_ANSWER.search(sentence, low) if passive and may_match(sentence, low, _PASSIVE_ANSWER_WORDS) \
            else None
        if pa and not any(a.pos <= s + pa.start() for a in found if a.person):
            found.append(Act(s + pa.start(), e, None, "advised", collective=True, kind="passive_answer",
                             block=sent.block))
        elif passive and not found and (told := _IT_WAS_EXPLAINED.search(sentence)) is not None:
            # "The cost of agency staff – it was explained that recruitment was under way": answered, unnamed
            found.append(Act(s + told.start(), e, None, "explained", collective=True, kind="passive_answer",
                             block=sent.block))
        # "the following points were raised:" introduces the questions; it is not one
        # "Further information was requested and members were informed ...": the point before its answer
        pq = _PASSIVE_QUESTION.search(sentence, low) if passive and not any(a.person for a in found) and \
            not sentence.rstrip().endswith(":") and may_match(sentence, low, _PASSIVE_QUESTION_WORDS) else None
        if pq and any(a.pos <= s + pq.start() for a in found):
            pq = None
        pv = _PASSIVE_VIEW.search(sentence, low) if passive and not found and not pq and \
            may_match(sentence, low, _PASSIVE_VIEW_WORDS) else None
        if pv:  # "It was emphasised that the breaches warranted robust action": a view put by members unnamed
            found.append(Act(s + pv.start(), e, None, "view", collective=True, block=sent.block))
        if pq:
            who = self._person_in(s + pq.start("who"), s + pq.end("who")) if pq.group("who") else None
            found.append(Act(s + pq.start(), e, who, "raised", collective=who is None, kind="question",
                             block=sent.block))
        found.sort(key=lambda a: a.pos)
        for i, a in enumerate(found):
            a.end = found[i + 1].pos if i + 1 < len(found) else e
        ex = _EXPLICIT.search(sentence) if ("respon" in low or "repl" in low or "answer" in low or "following" in low
                                            or "when " in low) else None
        if ex is None and "when " in low:
            ex = _WHEN_ASKED.search(sentence)
        if ex:
            self._mark_explicit(found, s, e, ex)
        rq = _RECEIVED_QUESTION.search(sentence) if "received" in low and "from" in low else None
        who = self._person_in(s + rq.start("who"), s + rq.end("who")) if rq else None
        if who is not None and not any(a.person is who for a in found):
            # "The Leader received a question from Cllr A regarding X", "3 questions were received from Mrs B"
            found.append(Act(s + rq.start(), e, who, "asked", kind="question", block=sent.block))
            receiver = [p for pos, p in self._mentions_in(s, s + rq.start()) if p is not who]
            if receiver:  # the Leader stays the subject: "In response, he advised ..." is the Leader
                found.append(Act(e, e, receiver[-1], "received", block=sent.block))
            found.sort(key=lambda a: a.pos)
            for i, a in enumerate(found):
                a.end = found[i + 1].pos if i + 1 < len(found) else e
        return _merge_same_speaker(found)

    def _answered_next(self, sent: Sentence) -> bool:
        """A Q&A list alternates question and answer; a run of questions is a slide's headings."""
        def asks(i: int) -> bool:
            return 0 <= i < len(self.blocks) and self.text[self.blocks[i].span.start:
                                                           self.blocks[i].span.end].rstrip().endswith("?")
        return sent.block + 1 < len(self.blocks) and not asks(sent.block + 1) and not asks(sent.block - 1)

    def _opens_block(self, sent: Sentence) -> bool:
        return sent.block < len(self.blocks) and self.blocks[sent.block].span.start == sent.span.start

    def _opens_point(self, sent: Sentence) -> bool:
        block = self.blocks[sent.block] if sent.block < len(self.blocks) else None
        return block is not None and block.is_list_item and block.span.start == sent.span.start

    def last_or_current(self, found: list[Act], pos: int) -> Person | None:
        before = [a for a in found if a.pos < pos and a.person]
        return before[-1].person if before else self.last_subject

    def _person_in(self, s: int, e: int) -> Person | None:
        ms = self._mentions_in(s, e)
        return ms[0][1] if ms else None

    def _mark_explicit(self, found: list[Act], s: int, e: int, ex: re.Match) -> None:
        who = None
        groups = ex.groupdict()
        g = "who" if groups.get("who") else "who2" if groups.get("who2") else None
        if g:
            who = self._person_in(s + ex.start(g), s + ex.end(g))
        lead = ex.group("lead").lower()
        if lead.startswith(("responded", "replied", "provided", "gave", "offered")) and who is None and \
                _NOTHING_MORE.match(self.text, s + ex.end(), e):
            return  # "presented the plan and responded to members' queries and comments.": a summary, no question
        if lead.startswith(("responded", "replied", "provided", "gave", "offered")):
            responder_acts = [a for a in found if a.pos <= s + ex.start() and a.person is not None]
            target = responder_acts[-1] if responder_acts else None
        else:
            after = [a for a in found if a.pos >= s + ex.end() and a.person is not None and a.person is not who]
            target = after[0] if after else None
        if target is not None and target.verb in PROCEDURE_VERBS:
            target = None  # "Following questions from members, the Convener moved that the report be noted"
            if who is None:
                return
        if target is None and lead.startswith("following"):  # "X agreed to act following concerns raised by Y"
            before = [a for a in found if a.pos < s + ex.start() and a.person is not None and a.person is not who]
            target = before[-1] if before else None
        if target is None:  # "In response to a question, officers advised ...": answered by officers unnamed
            target = next((a for a in found if a.kind == "passive_answer"), None)
        named_after = [a.pos for a in found if a.person is not None and a.pos > s + ex.end()]
        if target is None and (told := _IT_WAS_SAID.search(self.text, s, named_after[0] if named_after
                                                           else e)) is not None:
            # "In response to a question about X, it was explained that ...": answered, by no one named
            for a in [a for a in found if a.person is None and a.pos >= told.start()]:
                found.remove(a)  # "it was suggested that" is the answer here, not a members' point
            target = Act(told.start(), named_after[0] if named_after else e,
                         None, told.group("verb").lower(), collective=True, kind="passive_answer")
            found.append(target)
            found.sort(key=lambda a: a.pos)
        if target is not None:
            target.kind = "answer"
            target.explicit = True
            target.explicit_asker = who
            target.q_start = min(s + ex.start(), target.pos)
            # "... following concerns raised by Cllr A about the fence": the lead says what was asked, so it
            # is a question of its own, not a return to A's earlier one
            target.new_topic = bool(_TOPIC_AFTER.match(self.text, s + ex.end()))
            for a in list(found):
                if a is not target and a.person is who and who is not None and a.pos >= s + ex.start() and \
                        a.pos < s + ex.end():
                    found.remove(a)

    # -- classification -------------------------------------------------------------------------
    def classify(self, act: Act) -> None:
        if act.kind in ("passive_answer", "question") or act.explicit:
            return
        clause = self.text[act.pos:act.end]
        low = clause.lower()
        reported = act.person is not None and act.person.kind != "councillor" and _REPORTED_EARLIER.match(
            self.text, self._mention_end(act.person, act.pos), act.end)
        if _procedural(low) or reported or (is_committee_office(act.person.role if act.person else None)
                                                  and _ASKS_THE_MEMBERS.search(low)):
            # the chair running the meeting ("sought declarations of interest"), or what someone had said
            # elsewhere ("The Inspector had raised concerns"): not a question put at this meeting
            act.kind = "statement"
            return
        asks = bool(ASK_IN_CLAUSE.search(clause))
        needs_cue = act.verb == "view" or act.collective or act.verb in NEUTRAL_VERBS or act.verb in FRAME_VERBS
        act.cue = needs_cue and has_concern_cue(clause, low) and not (
            SUPPORT_CUES.search(clause, low) and not _STRONG_CONCERN.search(clause, low))
        if act.collective:
            if _GENERIC_QUESTIONS.search(clause):
                act.kind = "statement"
                return
            if act.verb in ("were", "was") and (_FEELING.match(self.text, act.pos, act.end) or (
                    act.cue and _OF_THE_VIEW.match(self.text, act.pos, act.end))):
                act.kind = "question"  # "Members were concerned that ...", "The Panel was not satisfied that ..."
                return
            if act.verb == "view":
                act.kind = "question" if act.cue or asks else "statement"
                return
            # "A Member commented that waiting times were too long": a raising verb with a concern is enough;
            # "Members noted ..." needs a strong concern word
            act.kind = "question" if asks or (act.verb in NEUTRAL_VERBS and act.verb != "were" and act.cue and (
                act.verb in _RAISING or _STRONG_CONCERN.search(clause, low))) else "statement"
            return
        person = act.person
        assert person is not None
        in_office = bool(person.role and MEMBER_OFFICE.search(person.role))
        open_from_other = any(q.asker is not person.key for q in self.window) and bool(self.window)
        if person.kind == "officer" and not (act.verb in _DIRECT_ASK and _ASKS_SOMETHING.match(self.text, act.pos)):
            # "Ann Bolt reported that ..." opening a new paragraph after the question was answered in its
            # own: the next update, not more of the answer
            moved_on = act.verb in PRESENT_VERBS and self.window_answered and act.block != self.answer_block
            act.kind = "answer" if self.window and act.verb not in PROCEDURE_VERBS and not moved_on else "statement"
            return
        if act.verb in PROCEDURE_VERBS:
            # "congratulated the team ... and asked why the fines were so small" asks after the courtesy
            act.kind = "question" if _THEN_ASKED.search(clause) else "statement"
            return
        if act.verb in _REPLY_VERBS and self.window:  # "responded that ... requested" still answers
            act.kind = "answer"
            return
        # a cabinet member or leader answers for the executive; the committee's own chair rarely answers
        # members (unless the minutes say so: "responded", above), and their view is a point of their own
        if in_office and open_from_other and act.verb not in ASK_VERBS and (
                not is_committee_office(person.role) or act.verb in _CHAIR_ANSWERS or _TAKEN_UP.search(clause)):
            act.kind = "answer"
            return
        if person.kind == "other" and not asks and self.window and act.verb in ANSWER_VERBS:
            act.kind = "answer"
            return
        if person.kind == "other" and person.role and not (act.verb in _DIRECT_ASK and _ASKS_SOMETHING.match(
                self.text, act.pos)):
            # a partner's officer (fire, police, NHS, an ombudsman) "expressed the view" while presenting:
            # only a direct question from them is one
            act.kind = "answer" if self.window and act.verb not in PROCEDURE_VERBS else "statement"
            return
        if not asks and act.verb == "was" and act.cue and person.kind == "councillor" and _OF_THE_VIEW.match(
                self.text, act.pos, act.end):
            asks = True  # "Councillor Gee was of the view that the report was not the same"
        if asks:
            act.kind = "question"
        elif act.verb in RESPONSE_ONLY and open_from_other:
            act.kind = "answer"
        elif act.verb in FRAME_VERBS:
            act.kind = "frame"
        elif act.verb in NEUTRAL_VERBS and act.verb not in PRESENT_VERBS and act.cue:
            act.kind = "question"
        else:
            act.kind = "statement"

    # -- pairing -------------------------------------------------------------------------------------
    def read(self, sents: list[Sentence], blocks: list[Block]) -> Exchange:
        self.blocks = blocks
        self._block_starts = [b.span.start for b in blocks]
        prev_block = -1
        sents_of: dict[int, list[Sentence]] = {}
        for s in sents:
            sents_of.setdefault(s.block, []).append(s)
        written: tuple[str, Person | None] | None = None  # "Question from ..." / "Response from ..."
        addressee: Person | None = None
        consumed = -1  # a block read whole: a written question or response, or a listed point
        skip_to = -1  # the leading sentences of a listed point already read as its question
        plow = self._plow
        for sent in sents:
            if sent.block == consumed:
                continue
            if sent.block != prev_block:
                block = blocks[sent.block]
                self._enter_block(block)
                prev_block = sent.block
                heading = self.text[block.span.start:block.span.end]
                if self._extends_written(block, heading, sents_of[block.index]):
                    consumed = block.index
                    continue
                wq, wa = _written_heading(heading, plow, block.span.start)
                who = self._mentions_in(block.span.start, block.span.end) if wq or wa else []
                if who or wa:  # "Questions from Committee Members" names no one: an agenda line
                    to = heading.find(" to ") if wq else -1
                    asking = [w for w in who if w[0] < block.span.start + to] if to > 0 else who
                    # "Question from Councillor A to the Cabinet Member for B": A asks (B answers below)
                    written = ("q" if wq else "a", (asking or who)[-1][1] if who else None)
                    consumed = block.index
                    continue
                addressed = _PUT_TO.match(heading) if len(heading) < 200 and " to " in heading else None
                if addressed:  # "23-04 – Councillor A to Councillor B": B answers what A asks under it
                    mentions = self._mentions_in(block.span.start, block.span.end)
                    split = block.span.start + addressed.start("to")
                    before = [(pos, p) for pos, p in mentions if pos < split]
                    after = [(pos, p) for pos, p in mentions if pos > split]
                    # only the two names and "to": "Cllr A spoke to the Leader about X" is a sentence
                    self.put_to = (before[-1][1], after[0][1]) if before and after and \
                        self._mention_end(before[-1][1], before[-1][0]) >= split and \
                        after[0][0] - (split + len(addressed.group("to"))) <= 4 else None
                    if self.put_to:
                        consumed = block.index
                        continue
                if self.list_intro is not None and not block.is_list_item and not _SUBHEADING.match(heading) and \
                        not _RESPONSE_LINE.match(heading):  # "Response: ..." under a point keeps the list going
                    self.list_intro = None  # a short heading between the introduction and its bullets keeps it
                if self.list_intro is not None and _DECISION_LEAD.match(self.text, block.span.start) and \
                        self.text.startswith(("RESOLVED", "AGREED", "Resolved", "Agreed"), block.span.start):
                    self.list_intro = None  # the decision closes the discussion
                if self.list_intro is not None and block.is_list_item:
                    lead = self._listed_point(block, sents_of[block.index])
                    if lead is not None:
                        skip_to = lead
                        if skip_to >= block.span.end:
                            consumed = block.index
                            continue
                if written is not None:
                    kind, who = written
                    written = None
                    if kind == "a?" and any(self.acts(s) for s in sents_of[block.index]):
                        pass  # the reply is reported in its own words ("The Cabinet Member replied that ...")
                    elif kind == "q" or kind.startswith("q:"):
                        self.frame = None
                        self._new_question(Act(block.span.start, block.span.end, who, "asked"), block.span)
                        self.written_q = self.out.questions[-1] if kind == "q" else None
                        if kind.startswith("q:"):  # a notice names whom it asks: their reply follows
                            written = ("a?", addressee)
                        self.last_subject = who or self.last_subject
                        consumed = block.index
                        continue
                    else:
                        label = _SPEAKER_LABEL.fullmatch(heading)
                        mentions = self._mentions_in(block.span.start, block.span.end) if label else []
                        if len(mentions) == 1:  # "Councillor Ames:" above the reply: she answers for the post
                            who = mentions[0][1]
                        self._answer(who, block.span)
                        self.last_subject = who or self.last_subject
                        consumed = block.index
                        continue
            if sent.span.start < skip_to:
                if sent.span.end > skip_to:  # the point ended inside this sentence: its answer follows in it
                    self._apply_all([a for a in self.acts(sent) if a.pos >= skip_to], sent)
                continue
            sentence = self.text[sent.span.start:sent.span.end].rstrip()
            # the notice ends with a colon, or stands on its own line above the quoted question; every notice
            # holds "following" (the case-blind pattern, "\b"-led, is tried at every position otherwise)
            notice = _NOTICE_OF_QUESTION.search(sentence) if (sentence.endswith(":") or (
                sent.span.end >= blocks[sent.block].span.end and sentence[-1:].isalnum())) and (
                self._plow is None or self._plow.find("following", sent.span.start, sent.span.end) >= 0) else None
            if notice:  # "Councillor X had given notice of the following question to the Cabinet Member for Y:"
                mentions = self._mentions_in(sent.span.start, sent.span.end)
                asker = next((p for pos, p in mentions if pos < sent.span.start + notice.start()), None)
                addressee = next((p for pos, p in mentions if pos >= sent.span.start + notice.end()), None)
                if asker is not None:
                    written = ("q:" if addressee is not None else "q", asker)
                    self.list_intro = None
                    continue
            if sentence.endswith(("-", "–", "—")):  # "... focused on the following: -"
                sentence = sentence.rstrip(" -–—")
            if sentence.endswith(":") and _NOTED_THAT.search(sentence):
                self.list_intro = None  # "In discussion, it was noted that:": findings follow, not members' points
                continue
            if sentence.endswith(":") and _INTRODUCES_POINTS.search(sentence):
                with_ = _DISCUSSED_WITH.search(sentence)
                if with_:  # "Questions and discussions with the Cabinet Member and the Head of X covered:"
                    answerers: list[Person] = []
                    named = [p for _, p in self._mentions_in(sent.span.start + with_.end(), sent.span.end)]
                    for office in _PLURAL_OFFICE.findall(sentence, with_.end()):  # "with the Cabinet Members"
                        named += [p for p in self.people if p.role and p.role.startswith(office[:-1])]
                    for p in named:
                        if all(p is not q for q in answerers):
                            answerers.append(p)
                    if answerers:
                        self.list_intro = (None, tuple(answerers))
                        continue
                intro = self.acts(sent)
                lead_act = next((a for a in intro if a.person is not None), None)
                who = lead_act.person if lead_act else None
                # the introducer's own verb decides: "In response, the Chair asked the following" asks
                # "In answer to questions, the Portfolio Holder advised:" and a cabinet member's advice answer too
                answering = lead_act is not None and (lead_act.explicit or lead_act.verb in _ANSWERING_INTRO or (
                    who.kind == "officer" and lead_act.verb not in ASK_VERBS) or (
                    bool(who.role and MEMBER_OFFICE.search(who.role)) and not is_committee_office(who.role)
                    and lead_act.verb in ANSWER_VERBS and lead_act.verb not in ASK_VERBS))
                speakers: list[Person] = []
                for a in intro if answering else ():
                    for p in [a.person, *a.co]:
                        if p is not None and all(p is not q for q in speakers):
                            speakers.append(p)
                self.list_intro = (None, tuple(speakers)) if answering else (who, ())
                self.last_subject = who or self.last_subject
                continue
            acts = self.acts(sent)
            labelled = _QA_LABEL.match(sentence) if not acts else None
            if not acts and sentence.endswith("?") and self._opens_point(sent) and self._answered_next(sent) or (
                    labelled):
                # a bare question in a Q&A list ("• Were gritting routes reviewed?", "Q: ..."): the text after it
                # answers it; "Q1 Councillor A: ...?" names who asks
                asker = self.list_intro[0] if self.list_intro else None
                if labelled and labelled.group("who"):
                    asker = self._person_in(sent.span.start + labelled.start("who"),
                                            sent.span.start + labelled.end("who")) or asker
                block = blocks[sent.block]
                if not self.window_answered and self.window and self.last_kind == "question" and \
                        self.window[-1].span.end >= sent.span.start:
                    continue
                self._new_question(Act(sent.span.start, block.span.end, asker, "asked", collective=asker is None),
                                   Span(sent.span.start, block.span.end))
                consumed = block.index
                continue
            answer_label = _A_LABEL.match(sentence) if not acts and self.window and sentence[:1] in "AR" else None
            if answer_label and answer_label.group("who"):  # "A1 The Cabinet Member for Highways: ..."
                who = self._person_in(sent.span.start + answer_label.start("who"),
                                      sent.span.start + answer_label.end("who"))
                if who is not None:
                    self._answer(who, sent.span)
                    self.last_subject = who
                    continue
            if not acts:
                self._continuation(sent)
                continue
            self._apply_all(acts, sent)
        if self.frame and self.frame.cue:
            self._new_question(self.frame, Span(self.frame.pos, self.frame.end))
        return self.out

    def _extends_written(self, block: Block, heading: str, sents: list[Sentence]) -> bool:
        """A written question set out in paragraphs: the background, then the question that ends '?'.

        Under "Question on Notice from X" the paragraphs up to the one ending with a question mark
        are X's question, not an unnamed answer to it.
        """
        q, self.written_q = self.written_q, None
        if q is None or q.answers or q.text.rstrip().endswith(("?", "?”", '?"')) or \
                WRITTEN_Q.match(heading) or WRITTEN_A.match(heading) or _PUT_TO.match(heading) or \
                _SPEAKER_LABEL.fullmatch(heading) or any(self.acts(s) for s in sents):
            return False
        q.span = Span(q.span.start, block.span.end)
        q.text = self.text[q.span.start:block.span.end]
        self.written_q = q
        return True

    def _listed_point(self, block: Block, sents: list[Sentence]) -> int | None:
        """Read a bullet under "the following points were raised:"; return where normal reading resumes.

        The bullet's leading sentences with no speaker of their own are the point raised (a question
        by the introducer, or by unnamed members); what follows ("Members were advised ...") answers
        it. Under an answering introduction every bullet is an answer to an unrecorded question.
        A bullet that records a decision ("It was agreed ...") is no one's question.
        """
        assert self.list_intro is not None
        asker, answerers = self.list_intro
        if answerers:
            q = Question(asker=None, text=self.text[block.span.start:block.span.end], span=block.span, implicit=True)
            self.out.questions.append(q)
            self.window, self.window_answered = [q], False
            for who in answerers:
                self._answer(who, block.span)
            self.last_subject = answerers[-1]
            return block.span.end
        lead = self.text[block.span.start:block.span.end].rstrip()
        if lead.endswith(":"):  # a point that introduces sub-points
            if _REPORTED_POINTS.search(lead):  # "it was noted that the main points were:": findings follow
                self.list_intro = None
            return block.span.end
        lead_end = None
        own_answer = False
        for sent in sents:
            if acts := self.acts(sent):
                own_answer = True
                dash = _DASH_THEN.search(self.text, sent.span.start, acts[0].pos + 1)
                if dash is not None and acts[0].kind != "question" and not acts[0].cue:
                    # "Whether the new days had been publicised – the Manager confirmed ...": the point, its answer
                    lead_end = dash.start()
                break
            lead_end = sent.span.end
        if lead_end is None and sents and self._answers_unasked(sents[0]):
            # "• Officers confirmed that only the premises had been secured.": the point records only the
            # answer, so the question it answers is implied
            q = Question(asker=asker.key if asker else None, text=self.text[block.span.start:block.span.end],
                         span=block.span, implicit=True)
            self.out.questions.append(q)
            self.window, self.window_answered = [q], False
            return block.span.start
        if lead_end is None or _DECISION_LEAD.match(self.text, block.span.start) or _RESOLUTION_LIKE.match(
                self.text, block.span.start, lead_end) or self._words_besides_people(block.span.start, lead_end) < 4:
            return None  # a decision, or a bare name or heading ("Councillor Ruth Brown"), is no one's point
        span = Span(block.span.start, lead_end)
        if own_answer:  # answered inside its bullet: not the points before it
            self.window = []
        self._new_question(Act(span.start, span.end, asker, "raised", collective=asker is None), span)
        self.window_answered = False
        return lead_end

    def _words_besides_people(self, s: int, e: int) -> int:
        """'Councillor Ruth Brown' or 'The Chairman of the Corporate Board' alone is a name, not a point."""
        n = len(self.text[s:e].split())
        for pos, person in self._mentions_in(s, e):
            n -= len(self.text[pos:min(e, self._mention_end(person, pos))].split())
        return n

    def _answers_unasked(self, sent: Sentence) -> bool:
        acts = self.acts(sent)
        if not acts or acts[0].pos > sent.span.start + 1:
            return False
        a = acts[0]
        # "It was confirmed that ..." alone in a bullet is a finding; "Officers confirmed ..." answers someone
        return (a.kind == "passive_answer" and not _IT_WAS_EXPLAINED.match(self.text, a.pos)) or (
            a.person is not None and a.person.kind == "officer" and a.verb in ANSWER_VERBS
            and a.verb not in PRESENT_VERBS)

    def _enter_block(self, block: Block) -> None:
        if self.frame and self.frame.cue:
            self._new_question(self.frame, Span(self.frame.pos, self.frame.end))
        self.frame = None
        if block.is_list_item and self.window and self.window_answered and self.list_intro is None:
            self.window = []
        self.last_answer = None

    def _continuation(self, sent: Sentence) -> None:
        """A sentence with no speaker continues the answer before it, or answers anonymously."""
        said = self.last_statement if self.last_kind == "statement" else None
        if said is not None and said.block == sent.block and _STRONG_CONCERN.search(
                self.text[sent.span.start:sent.span.end]) is not None:
            self._new_question(said, Span(said.pos, sent.span.end))  # the remark, then the concern it leads to
            return
        if self.last_answer is not None and self.last_kind == "answer":
            self.last_answer.span = Span(self.last_answer.span.start, sent.span.end)
            self.last_answer.text = self.text[self.last_answer.span.start:sent.span.end]
        elif self.last_kind == "question" and self.window:
            self._answer(None, sent.span)

    def _apply(self, act: Act, sent: Sentence) -> None:
        if act.kind == "frame":
            if self.frame and self.frame.cue and self.frame.person is not act.person:
                self._new_question(self.frame, Span(self.frame.pos, self.frame.end))
            self.frame = act
            self.last_kind = "frame"
            return
        if act.kind == "question":
            start = act.pos
            if self.frame is not None and self.frame.person is act.person:
                start = self.frame.pos
                self.frame = None
            elif self.frame is not None and self.frame.cue:
                self._new_question(self.frame, Span(self.frame.pos, self.frame.end))
                self.frame = None
            if self._announced_by_last(act):
                return
            self._new_question(act, Span(start, act.end))
            return
        if self.frame is not None and self.frame.cue:
            self._new_question(self.frame, Span(self.frame.pos, self.frame.end))
        self.frame = None
        if act.kind == "answer" and act.explicit:
            self._explicit_answer(act)
        elif act.kind in ("answer", "passive_answer"):
            if not self.window:
                self.last_kind = "statement"
                return
            responder = act.person if act.kind == "answer" else None
            if (self.last_answer is not None and self.last_kind == "answer" and responder is not None
                    and self.last_answer.responder == responder.key):
                self.last_answer.span = Span(self.last_answer.span.start, act.end)
                self.last_answer.text = self.text[self.last_answer.span.start:act.end]
                return
            self._answer(responder, Span(act.pos, act.end))
            for other in act.co if responder is not None else ():
                self._add_responder(other)
        else:
            self.last_kind = "statement"
            # a member's remark whose concern comes in the next sentence ("... 791 plans had been completed.
            # There was still a significant gap ...")
            self.last_statement = act if act.person is not None and act.person.kind == "councillor" and \
                act.verb in NEUTRAL_VERBS else None

    def _apply_all(self, acts: list[Act], sent: Sentence) -> None:
        for act in acts:
            self.classify(act)
            self._apply(act, sent)
            if act.person is not None:
                self.last_subject = act.person

    def _announced_by_last(self, act: Act) -> bool:
        """'Cllr A asked a supplementary question on X. She asked for an example ...' is one question.

        The first sentence only announces the question the next one puts: the same member, the same
        paragraph, nothing answered in between. The announcement keeps the span it starts.
        """
        last = self.out.questions[-1] if self.out.questions and self.last_kind == "question" else None
        if last is None or act.person is None or last.asker != act.person.key or last.answers or \
                self.blocks[act.block].span.start > last.span.start or \
                not _ANNOUNCES_QUESTION.search(self.text, last.span.start, last.span.end):
            return False
        last.span = Span(last.span.start, act.end)
        last.text = self.text[last.span.start:act.end]
        return True

    def _new_question(self, act: Act, span: Span) -> None:
        q = Question(asker=act.person.key if act.person else None, text=self.text[span.start:span.end],
                     span=span)
        if self.window_answered or not self.window:
            self.window = []
            self.window_answered = False
        self.window.append(q)
        self.out.questions.append(q)
        if self.put_to is not None and act.person is self.put_to[0]:
            q.responders.append(self.put_to[1].key)
        self.last_kind = "question"
        self.last_answer = None

    def _answer(self, responder: Person | None, span: Span) -> None:
        a = Answer(responder=responder.key if responder else None, text=self.text[span.start:span.end], span=span)
        idx = len(self.out.answers)
        self.out.answers.append(a)
        for q in self.window:
            q.answers.append(idx)
            if responder is not None and responder.key != q.asker and responder.key not in q.responders:
                q.responders.append(responder.key)
        self.window_answered = True
        self.answer_block = bisect.bisect_right(self._block_starts, span.start) - 1
        self.last_answer = a
        self.last_kind = "answer"

    def _add_responder(self, person: Person) -> None:
        for q in self.window:
            if person.key != q.asker and person.key not in q.responders:
                q.responders.append(person.key)

    def _explicit_answer(self, act: Act) -> None:
        asker = act.explicit_asker
        target: list[Question] = []
        if asker is not None and not act.new_topic:
            # only a question still in play: an older one by the same member is another exchange
            target = [q for q in self.window if q.asker == asker.key]
            if self.window_answered:  # an answered exchange is over: only its last question may be taken up
                target = target[-1:]
        elif self.window and not self.window_answered:
            target = list(self.window)
        if not target:
            sent_start = act.q_start if act.q_start is not None else act.pos
            q = Question(asker=asker.key if asker else None, text=self.text[sent_start:act.end],
                         span=Span(sent_start, act.end), implicit=True)
            self.out.questions.append(q)
            target = [q]
        self.window = target
        self.window_answered = False
        self._answer(act.person, Span(act.pos, act.end))


def _merge_same_speaker(acts: list[Act]) -> list[Act]:
    """'He suggested ..., he added that ...' is one contribution, not two."""
    out: list[Act] = []
    for a in acts:
        if out and a.person is not None and out[-1].person is a.person and not a.explicit and not out[-1].explicit:
            prev = out[-1]
            prev.end = a.end
            continue
        out.append(a)
    return out


def read_exchanges(text: str, people: list[Person], sents: list[Sentence], blocks: list[Block]) -> Exchange:
    return SpeechReader(text, people).read(sents, blocks)
