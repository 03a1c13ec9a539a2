"""Resolutions, follow-up actions and attendance: what the meeting decided, asked for, and who came and went."""

from __future__ import annotations

from . import compiled_re as re
from .attendance_lists import read_lists
from .lexicon import Folded, may_hold
from .people import role_kind, split_name
from .records import Mention, Person, Span, Statement
from .segment import Block, Sentence, cues, lowered
from .segment import sentences as split_sentences

RESOLUTION_START = re.compile(
    r"^(?:(?:RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision|RECOMMENDED|Recommended|Decided|DECIDED)"
    r"\b[^:\n]{0,40}(?::|\s*[-–]|\s+that\b|\s*$)|That\s+(?:the\s+)?(?:Committee|Panel|Board|Cabinet|Council|"
    r"Sub-Committee|Members)\b[^\n]{0,60}?\b(?:noted|agreed|resolved|approved|endorsed)\b[^\n]{0,30}?"
    r"(?:following|below|:)\s*:?\s*$)"
)
# What a follow-up is done by, and what it does. UK minutes record one as a promise ("the Director
# agreed to provide a written response"), a passive future ("figures would be circulated"), a request
# ("Members asked officers to circulate ..."), a subjunctive decision ("RESOLVED that officers
# circulate ...", "(2) the Chair write to the Minister") or an action line ("ACTION: Clerk").
_ACTOR = (r"(?:officers?|(?:[\w’']+\s+){0,2}?officer|chair(?:man|person)?|vice[- ]chair(?:man|person)?|director|clerk|"
          r"manager|head\s+of\s+\w+|cabinet\s+member|portfolio\s+holder|lead\s+member|leader|chief\s+executive|"
          r"democratic\s+services|scrutiny\s+(?:officer|team|manager))"
          r"(?:\s+(?:of|for)(?:\s+(?!to\b|be\b)[\w&’']+){1,4}?)?")


def _by_lead(branches: list[tuple[list[str], str]]) -> str:
    """An alternation of branches, each some lead words (regex fragments starting with a plain
    lower-case letter) then a tail, regrouped by the leads' first letters:
    [(["would", "to"], "X"), (["the"], "Y")] gives "w(?:(?:ould)X)|t(?:(?:o)X|(?:he)Y)", to be put
    straight into the top-level alternation (a group around it would be one more branch to enter).

    _ACTION is tried at every word of every sentence. Its engine enters every branch that opens with
    a group (a lead of several words) to test that group's letters, at every word; a branch
    opening with a literal it rejects on the word's first character without entering it. So each
    letter's branches are gathered under that one literal, the tails copied under each letter their
    leads start with. Within a letter the branches and words keep their order; callers use only where
    a match starts, which no order of the alternatives changes. The three long tails are copied too
    (13.9k -> 40k characters of pattern, about 0.1 s more to compile, once: compiled_re keeps the
    result between runs), for 0.22 M instructions a real page.
    """
    groups: dict[str, list[str]] = {}
    for words, tail in branches:
        by_first: dict[str, list[str]] = {}
        for w in words:
            assert w[:1].isalpha() and w[:1].islower(), w
            by_first.setdefault(w[0], []).append(w[1:])
        for c, rest in by_first.items():
            groups.setdefault(c, []).append(f"(?:{'|'.join(rest)}){tail}")
    return "|".join(f"{c}(?:{'|'.join(alts)})" for c, alts in groups.items())


# searched for anywhere, the actor starts at its head word ("officer", not the word before it): a
# leading "\w+" would be tried at every word of every sentence
_ACTOR_ANYWHERE = ["officers?", "officer", "chair(?:man|person)?", r"vice[- ]chair(?:man|person)?", "director",
                   "clerk", "manager", r"head\s+of\s+\w+", r"cabinet\s+member", r"portfolio\s+holder",
                   r"lead\s+member", "leader", r"chief\s+executive", r"democratic\s+services",
                   r"scrutiny\s+(?:officer|team|manager)"]
_ACTOR_REMIT = r"(?:\s+(?:of|for)(?:\s+(?!to\b|be\b)[\w&’']+){1,4}?)?"
_DO = (r"provide|circulate|share|send|bring|report|arrange|add|look|investigate|follow|find|write|check|review|"
       r"update|explore|come\s+back|feed\s+back|advise|discuss|establish|monitor|involve|meet|contact|liaise|seek|"
       r"confirm|clarify|pursue|consider|prepare|produce|draft|organise|organize|raise|chase|convey|forward|"
       r"investigate|respond|supply|obtain|invite|approach|amend|correct|publish|notify|inform|examine|submit|"
       r"finalise|finalize|reinstate|re-instate")
# what only a promise does (a service "will provide support"; an officer "would provide a briefing note")
_PROMISE = (r"circulate|send\s+(?:the|members|details|them|it|this|a\s+copy|an?\s+(?:written|e-?mail|letter|"
            r"note|link|summary|briefing|update|reply))|share|write\s+to|look\s+into|investigate|"
            r"follow\s+(?:this\s+|it\s+|that\s+)?up|report\s+back|feed\s+back|come\s+back|liaise\s+with|find\s+out|"
            r"take\s+(?:this|it|that|these|the\s+\w+)\s+(?:away|back|forward)|pick\s+(?:this|it|that)\s+up|"
            r"speak\s+(?:to|with)|arrange\s+(?:a|an|for)|check\s+(?:whether|if|the|this|that)|"
            r"confirm\s+(?:whether|if|the)|respond\s+in\s+writing|provide\s+(?:members|the\s+committee|the\s+panel|"
            r"councillors|(?:a|an|the)\s+(?:written|briefing|note|breakdown|summary|response|update|figures|details))|"
            r"e-?mail|forward|update\s+(?:the\s+)?(?:committee|panel|board|members)|look\s+at|"
            r"keep\s+(?:the\s+)?(?:[\w’']+\s+){0,3}?(?:informed|updated|apprised|briefed)|"
            r"brief\s+(?:the\s+)?(?:committee|panel|board|members|councillors)|"
            r"(?:raise|discuss)\s+(?:this|it|that|these|the\s+\w+)\s+(?:with|further)|"
            r"consider\s+(?:this|that|it|the\s+(?:suggestion|request|point|issue|matter|comments?))|"
            r"give\s+(?:further\s+)?consideration\s+to")
_PASSIVE = (r"provided|circulated|shared|sent|brought|reported|held(?!\s+up\b)|arranged|added|scheduled|included|"
            r"given|made available|followed up|forwarded|distributed|presented|considered|submitted|reviewed|updated|"
            r"incorporated|costed|re-?instated|reintroduced|"
            r"investigated|looked into|explored|published|placed|"
            # "would be taken on board", "taken into account": an assurance, not a follow-up
            r"taken(?!\s+(?:on\s+board|into\s+account|account\s+of))|sought|covered|involved|scrutinised|"
            r"implemented|written|discussed|reflected")
# passives that describe a service's own work after "to be" ("measures to be undertaken"): only after a modal
_MODAL_PASSIVE = (r"undertaken|carried\s+out|conducted|produced|prepared|organised|set\s+up|amended|corrected|"
                  r"addressed|passed\s+on|picked\s+up|clarified|confirmed|raised\s+with|referred|passed\s+to|"
                  r"fed\s+(?:back|into)|relayed|communicated|informed|notified|kept\s+(?:informed|updated|apprised|"
                  r"up\s+to\s+date)|put\s+in\s+place|e-?mailed|monitored|looked\s+at|chased(?:\s+up)?|progressed|"
                  r"developed|pursued|requested|invited\s+to|contacted|checked|revisited")
_BODY = r"(?:committee|panel|board|cabinet|council|forum|group)"
# Top-level branches are grouped by their first word: the engine tries every branch at every word,
# so one branch per leading word set keeps the search cheap however many phrasings it knows.
# (Callers use only where a match starts, so the branches' order is free.)
# Each branch is (its leading words, its tail), all grouped by first letter with `_by_lead`.
# after a modal: "would be circulated", "should receive an update", "to come back to the Panel"
_AFTER_MODAL: tuple[list[str], str] = (["would", "will", "should", "could", "to", "be"], (
    r"\s+(?:"
    r"(?:also\s+)?receive\s+(?:an?\s+)?(?:further\s+)?(?:update|report|briefing|breakdown|information)|"
    rf"(?:be\s+)?(?:{_PASSIVE})\b|"
    rf"(?<!to\s)(?<!be\s)(?<!could\s)(?:also\s+|now\s+)?be\s+(?:{_MODAL_PASSIVE})\b|"
    r"continue\s+to\s+be\s+monitored|"
    r"(?:come|go|return|be\s+brought)\s+(?:back\s+|forward\s+)?(?:to|before)\s+(?:the\s+|a\s+|its\s+)?"
    rf"(?:[\w’']+\s+){{0,2}}?{_BODY}\b|"
    r"(?:also\s+)?(?:write\s+to|advise\s+(?:the\s+)?(?:committee|panel|board|members)|liaise\s+with|"
    r"provide\s+(?:a\s+|an\s+)?(?:written|further|more|update|details|information|figures|data|briefing|"
    r"breakdown|report))|"
    r"further\s+(?:explore|investigate|examine|consider|review|develop)\b|"
    rf"(?<=be\s)(?:asked|requested|instructed|invited|tasked)\s+to\s+(?:also\s+)?(?:{_DO})\b|"
    # reported speech: "she would take this away", "Ms Hale would be happy to circulate the figures"
    r"(?<=would\s)(?:be\s+(?:happy|pleased|willing)\s+to\s+(?!note|see|hear|support|receive|welcome)\w+|"
    rf"(?:also\s+|personally\s+)?(?:{_PROMISE})\b))"))
_ACTOR_DOES: tuple[list[str], str] = (_ACTOR_ANYWHERE, (
    rf"{_ACTOR_REMIT}\s+(?:(?:would\s+|to\s+|agreed\s+to\s+)(?:also\s+)?"
    rf"(?:{_DO}|issue|remove|speak\s+to|look\s+(?:at|into)|develop|incorporate|finalise|take\s+\w+\s+away)\b|"
    # "the Chairman would be finalising these with the Scrutiny Officer"
    r"(?:would|will)\s+be\s+(?:finalising|finalizing|circulating|providing|writing|arranging|contacting|reviewing|"
    r"looking\s+into|following\s+up|sending|preparing|bringing|reporting|liaising|updating|investigating|"
    r"producing|drafting|meeting)\b)"))
# requests: "asked the Director to provide", "asked Mr Gill to look into", "requested a briefing note"
_REQUEST: tuple[list[str], str] = (["asked", "requested", "instructed", "invited", "tasked"], (
    rf"\s+(?:(?:the\s+)?{_ACTOR}\s+to\s+(?:{_DO})\b|"
    rf"(?<!instructed\s)(?<!tasked\s)(?:[\w’'.]+\s+){{1,4}}?to\s+(?:{_PROMISE})\b|"
    r"(?<=requested\s)(?:that\b|(?:that\s+)?(?:a|an)\s+(?:\w+\s+){0,3}?(?:report|briefing|note|breakdown|paper|"
    r"presentation|session|visit|workshop|summary)\b))"))
_ACTION_BRANCHES: list[tuple[list[str], str]] = [_AFTER_MODAL, _ACTOR_DOES, _REQUEST,
    # "was being sought", "was scheduled for 4 May", "were asked to check"
    (["was", "were", "is", "are"], r"\s+(?:being\s+(?:sought|arranged|organised|drafted|prepared|scheduled)\b|"
     r"(?:anticipated|scheduled|planned|due)\s+(?:on|in|for|at|to\s+(?:take\s+place|be))\b|"
     # "the report was due to Committee at the September meeting" (not "due to Council staff shortages")
     rf"due\s+(?:to|before|at)\s+(?:the\s+|a\s+)?(?:[\w’']+\s+){{0,2}}?{_BODY}"
     r"(?=\s+(?:at|in|on|for|by|meeting|later|next)\b|\s*[.,;]|\s*$)|"
     rf"(?:(?<=was\s)|(?<=were\s))(?:asked|requested|instructed|invited|tasked)\s+to\s+(?:also\s+)?(?:{_DO})\b)"),
    # a future occasion: "at an upcoming board session", "in the next quarterly report", "in future reports"
    (["a", "an", "the", "its"], r"\s+(?:next|future|forthcoming|subsequent|upcoming)\s+"
     r"(?:[\w’']+\s+){0,3}?(?:meeting|report|update|session|forum|agenda|round|seminar|workshop)s?\b"),
    ([r"in\s+(?:the\s+)?future\s+(?:[\w’']+\s+)?(?:reports?|meetings?|updates?|papers?|rounds?)\b"], ""),
    (["agreed", "undertook", "offered", "promised", "committed"], rf"\s+to\s+(?:further\s+)?(?:{_DO})"),
    ([r"undertaking\s+to\b"], ""),
    ([rf"that\s+(?:the\s+)?(?:relevant\s+)?{_ACTOR}\s+(?:(?:{_DO})(?:e?s)?)\b"], ""),
    (["required", "requires", "needed", "needs", "need", "require"],
     r"\s+(?:updating|amending|correcting|amendment|correction|to\s+be\s+(?:updated|amended|corrected))\b"),
    ([r"report(?:ing)?\s+back", r"come\s+back\s+to"], ""),
    (["include", "included", "add", "added", "placed", "put", "scheduled"],
     r"\s+(?:\w+\s+){0,4}(?:on|in|to|into)\s+the\s+(?:\w+['’]s\s+)?(?:forward\s+)?work\s+programme"),
]
# the action lines: "(Action: Clerk)", "Action - ...", "Requested ..." (not led by a letter and a tail)
_ACTION_LINES = r"\(action:?\s*[^)]+\)|^action\s*(?::|[-–]\s)|^requested\b"
_ACTION = Folded(r"\b(?:" + _by_lead(_ACTION_BRANCHES) + "|" + _ACTION_LINES + ")")
# Follow-ups recorded in passing, searched only in sentences with one of their cue words (each branch
# added to _ACTION would be tried at every word of every sentence).
_IN_PASSING_CUES = ("reviewing", "looking", "exploring", "investigating", "considering", "be made", "it would be",
                    "ongoing", "continuing", "under way", "suggested", "proposed", "recommended")
_IN_PASSING = Folded(
    r"\b(?:"
    # an officer's report of work in hand: "they were reviewing the web pages", "officers are looking into it"
    r"(?:they|officers|he|she|we)\s+(?:were|was|are|is)\s+(?:currently\s+|now\s+|already\s+)?(?:reviewing|"
    r"looking\s+(?:into|at)|exploring|investigating|considering\s+(?:how|whether|options))\b|"
    # "a check would be made on whether ...", "enquiries would be made"
    r"(?:checks?|enquiries|inquiries|enquiry|inquiry|referral|request)\s+(?:would|will|should|to)\s+(?:also\s+)?"
    r"be\s+made\b|"
    # a proposal put as a wish to do something: "it would be useful to undertake site visits"; a wish to
    # see or have information ("it would be helpful to have a breakdown") is a question, and is left out
    r"it\s+would\s+be\s+(?:useful|helpful|beneficial|valuable|worthwhile|sensible)\s+(?:for\s+(?:the\s+)?"
    rf"[\w’']+\s+)?to\s+(?:also\s+)?(?:undertake|hold|visit|invite|add|{_DO})\s+(?!this\b|that\b|it\b|these\b|them\b)|"
    # work in hand: "evaluation of the feedback was ongoing", "discussions with the trust are continuing"
    r"(?:evaluation|review|analysis|investigations?|work|discussions|negotiations)\s+(?:[\w’']+\s+){0,5}?"
    r"(?:was|were|is|are|remained|remains)\s+(?:still\s+|currently\s+)?(?:ongoing|continuing|under\s+way)\b|"
    # a proposal: "Members suggested the working group should plan ...", "proposed that X could be looked at"
    r"(?:suggested|proposed|recommended)\s+(?:that\s+)?(?:[\w’'()]+\s+){1,6}?(?:should|could|might)\s+(?:also\s+)?"
    rf"(?:be\s+(?:{_PASSIVE}|{_MODAL_PASSIVE})|{_DO}|plan|undertake|hold|visit)\b)"
)
# "the actions to be taken forward" describes a plan's contents, not a follow-up
_PLAN_CONTENTS = re.compile(r"(?:actions|steps|measures)\s+(?:to\s+)?$", re.IGNORECASE)
# in a decision, an item of its own: "(2) officers circulate the figures", "That the Chair write to ..."
_DECIDED_ACTION = Folded(rf"^\W{{0,3}}(?:\(?[0-9ivx]{{1,4}}[.)]\s*|\(?[a-h][.)]\s+)?(?:that\s+)?(?:the\s+)?"
                         rf"(?:relevant\s+)?{_ACTOR}\s+(?:{_DO})(?:e?s)?\b")
# "what action could be taken": a question, not a promise
_WH_QUESTION = Folded(r"\b(?:what|how|why)\s+(?:\w+\s+){0,6}?(?:could|can|might|should)\s+be\s+\w+")
# "queried whether officers would be conducting a review": the member's question, not a promise
_YN_QUESTION = Folded(r"\b(?:queried|asked|enquired|inquired|questioned|wondered)\s+(?:whether|if)\b")
# "Members believed the report should be presented again": a view, not a follow-up anyone took on
_OPINION = Folded(r"\b(?:believed|felt|thought|considered|(?:was|were)\s+of\s+the\s+(?:view|opinion))\b")
# the answer after the question, in the same sentence: "She asked whether ... – the Leader responded and
# undertook to provide a written response"
_ANSWER_TURN = re.compile(r"\s[–—-]\s|\b(?:responded|replied|undertook|agreed|confirmed|advised|explained|"
                          r"said|stated|answered)\b")
# one follow-up a clause: "..., and she added that ...", "; ", "... would be circulated and that a report ..."
# Case-blind only where it must be ("(?i:...)"), so each branch opens with a plain literal (",", ";", "a"
# or "A" of "and", whose "\b" a look-behind checks): the engine skips ahead to those characters; with
# IGNORECASE it tried the "and" branch at every position
_AND_TWO = r"(?=(?i:that\s|(?:he|she|they)\s+(?:would|will)\s))"  # "he would speak to X and he would write to Y"
_CLAUSE_SPLIT = re.compile(r",\s+(?:(?i:and)\s+)?(?=(?i:(?:he|she|they|it was|members)\s+(?:also\s+)?"
                           r"(?:added|suggested|asked|requested|noted|said)\b))|;\s+|"
                           rf"a(?<!\wa)[nN][dD]\s+{_AND_TWO}|A(?<!\wA)[nN][dD]\s+{_AND_TWO}")
# and in a decision, its numbered parts printed as one paragraph ("RESOLVED (1) that ... (2) that ...")
_NUMBERED_SPLIT = re.compile(r"\s(?=\((?:[0-9]{1,2}|[ivx]{1,4}|[a-h])\)\s+(?:that\s+)?[A-Za-z])|"
                             r"(?<=[.:;])\s+(?=(?:[0-9]{1,2}|[ivx]{1,4}|[a-h])[.)]\s+(?:that\s+)?[A-Za-z])",
                             re.IGNORECASE)
# procedure, not a follow-up: urgency and exclusion of the press, emergency drills, agenda lines ("To receive ...")
# In two parts (`_procedural`): an agenda line is matched at the clause's start; the rest each open with a
# literal, the "\b" of "called in" and of the bodies checked by a look-behind after their first letter, so
# the engine skips ahead to those letters instead of trying a "\b"-led branch at every position.
_PROCEDURAL_START = Folded(r"^\s*to\s+(?:receive|consider|note|approve|agree)\b")
# an agenda's or a report's own words: "The Committee is asked to reflect upon ..."
_ASKED_TO = (r"\s+(?:is|are|was|were)\s+(?:asked\s+|invited\s+|requested\s+|recommended\s+)?to\s+(?:receive|consider|"
             r"note|approve|agree|comment|reflect|endorse|scrutinise|scrutinize)\b")
_PROCEDURAL = Folded(r"matter\s+of\s+urgency|press\s+and\s+public\s+(?:be\s+)?excluded|in\s+(?:the\s+)?"
                     r"(?:case|event)\s+of\s+(?:an?\s+)?(?:emergency|fire|evacuation)|proposed\s+to\s+be\s+taken|"
                     r"declare\s+any\s+interests?|goods\s+or\s+services|"
                     rf"c(?<!\wc)(?:alled\s+in\b|all[- ]in\b|ommittee{_ASKED_TO}|abinet{_ASKED_TO}|ouncil{_ASKED_TO})|"
                     rf"come\s+into\s+force|p(?<!\wp)anel{_ASKED_TO}|b(?<!\wb)oard{_ASKED_TO}|"
                     rf"m(?<!\wm)embers{_ASKED_TO}|f(?<!\wf)orum{_ASKED_TO}")


def _procedural(text: str, low: str) -> bool:
    """Whether a clause is procedure (`low` is text.lower())."""
    return bool(_PROCEDURAL_START.search(text, low) or _PROCEDURAL.search(text, low))


_VAGUE = re.compile(r"\b(?:this|that|it|these|they)\s+(?:would|will)\s+be\s+\w+(?:\s+(?:further|later|"
                    r"in\s+due\s+course|outside\s+the\s+meeting))?\W*$", re.IGNORECASE)
_VAGUE_LEAD = 8  # words before a vague "this would be done" that are only who said it

# each with words (lower case) one of which every match holds: the patterns open with "\b" (tried at
# every position of the sentence) and a sentence with some cue word is tried against all five
ATTEND: list[tuple[str, re.Pattern, tuple[str, ...]]] = [
    ("left", re.compile(r"\b(?:had\s+)?left\s+the\s+(?:meeting|room|chamber)|"
                        r"\bleave\s+the\s+(?:meeting|room|chamber)|\bleft\s+(?:at\s+\d|during\b|before\b|prior\s+to\b)|"
                        r"\bdeparted\b|\bwithdrew\s+from\s+the\s+(?:meeting|room|chamber)", re.IGNORECASE),
     ("left", "leave", "departed", "withdrew")),
    # "was present from item 4" is an arrival; "was present at the meeting" is presence
    ("arrived", re.compile(r"\b(?:arrived|joined\s+the\s+meeting|entered\s+the\s+meeting)\b|\bwas\s+(?:now\s+)?"
                           r"present\s+(?:at|from)\s+(?:\d|item\b|minute\b)", re.IGNORECASE),
     ("arrived", "joined", "entered", "present")),
    # "Councillor Reilly was unable to attend due to illness": an apology, but not "unable to attend the visit"
    ("apologies", re.compile(r"\bapologies\b|\bapology\s+for\s+absence\b|\bapology\s+(?:was|had\s+been)\s+"
                             r"(?:received|submitted|given|tendered)|(?P<unable>\b(?:was|were)\s+unable\s+to\s+(?:attend|"
                             r"be\s+present)|\b(?:could|did)\s+not\s+attend)(?:\s+(?:the|this|today's)\s+meeting)?"
                             r"(?=\s*(?:[.,;]|$|due\b|owing\b|because\b|as\b|through\b))", re.IGNORECASE),
     ("apolog", "unable", "attend")),
    ("substitute", re.compile(r"\bsubstitut\w*\b|\bin\s+place\s+of\b|\b(?:attend\w*|present)\s+(?:as\s+(?:an?\s+|"
                              r"the\s+|his\s+|her\s+|their\s+)?(?:alternate|deputy)\b|in\s+(?:his|her|their)\s+"
                              r"(?:absence|place)\b)", re.IGNORECASE),
     ("substitut", "place", "alternate", "deputy", "absence")),
    ("present", re.compile(r"^\s*(?:Present|In attendance)\s*:|\b(?:was|were)\s+(?:also\s+)?(?:in\s+attendance|"
                           r"present)\b", re.IGNORECASE),
     ("present", "attendance")),
]
# "Councillor Ward was substituted by Councillor Hill": the substitute is named after the verb
_SUBSTITUTED_BY = re.compile(r"\b(?:substituted|replaced|represented)\s+by\b", re.IGNORECASE)
_SUBSTITUTE_SAID = re.compile(r"\b(?:attend\w*|present)\s+(?:as\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?"
                              r"(?:substitute|alternate|deputy)|in\s+(?:his|her|their)\s+(?:absence|place))|"
                              r"\bsubstitut\w*\s+(?:for|by)\b|\breplaced\s+by\b", re.IGNORECASE)


_ATTEND_WORDS = ("leave", "left", "arrived", "joined", "entered", "apolog", "substitut", "place", "present",
                 "attendance", "departed", "withdrew", "unable to", "not attend", "alternate", "absence",
                 "deputy")  # cue words: a sentence without one has no event


def resolution_start(text: str, blocks: list[Block], body_start: int, body_end: int) -> int:
    """Offset where the decision text starts (end of discussion), or body_end if none."""
    for b in blocks:
        if b.span.start < body_start or b.span.start >= body_end:
            continue
        line = text[b.span.start:b.span.end]
        if RESOLUTION_START.match(line) and not b.is_list_item:
            return b.span.start
    return body_end


def resolutions(text: str, blocks: list[Block], start: int, end: int) -> list[Statement]:
    out: list[Statement] = []
    for b in blocks:
        if b.span.start < start or b.span.end > end:
            continue
        s, e = b.span.start, b.span.end
        body = text[s:e]
        head = RESOLUTION_START.match(body)
        if head:
            rest = body[head.end():].strip()
            if not rest or rest.endswith(":") and len(rest) < 80:
                continue
            s = e - len(body[head.end():].lstrip())
        out.append(Statement(text=text[s:e], span=Span(s, e)))
    return out


def actions(text: str, sents: list[Sentence], extra: list[Statement]) -> list[Statement]:
    out: list[Statement] = []
    # a decision is read sentence by sentence, as the discussion is
    spans = [(s.span.start, s.span.end) for s in sents] + [
        piece for r in extra for piece in _sentences_of(text, r.span.start, r.span.end)]
    plow = lowered(text)  # the page lower-cased once, shared with the other steps
    passing = _cued(plow, spans, _IN_PASSING_CUES)
    for k, (s, e) in enumerate(spans):
        decided = k >= len(sents)
        whole = text[s:e]
        low = plow[s:e] if plow is not None else whole.lower()
        # a clause that matches is in a sentence that matches, but for the clause-start "Action:" / "Requested"
        cued = k in passing
        whole_match = None if decided else _action_match(whole, low, cued)
        if not decided and not whole_match and "action" not in low and "requested" not in low:
            continue
        for ps, pe in _split_clauses(text, s, e, decided=decided):
            clause = text[ps:pe]
            low = plow[ps:pe] if plow is not None else clause.lower()
            # a sentence of one clause was searched just above
            m = whole_match if (ps, pe) == (s, e) and not decided else _action_match(clause, low, cued) or (
                _DECIDED_ACTION.search(clause, low) if decided else None)
            if not m or _procedural(clause, low) or clause.rstrip().endswith("?"):
                continue
            vague = _VAGUE.search(clause)
            if vague and len(clause[:vague.start()].split()) <= _VAGUE_LEAD:
                # "She said this would be considered": nothing says what ("the target ..., but this would be
                # checked" does)
                continue
            wh = _WH_QUESTION.search(clause, low)
            if wh and wh.start() <= m.start() < wh.end():
                continue  # "asked what action could be taken"
            yn = _YN_QUESTION.search(clause, low)
            if yn and yn.start() < m.start() and not _ANSWER_TURN.search(clause, yn.end(), m.start()):
                continue  # "asked whether the figures could be circulated": the answer, if any, is the action
            if clause[m.start():m.start() + 6].lower() in ("should", "could "):
                op = _OPINION.search(clause, low)
                if op and op.start() < m.start():
                    continue
            out.append(Statement(text=clause.strip(), span=Span(ps, pe)))
    out = _restated_by_action_lines(text, out)
    seen: set[tuple[int, int]] = set()
    unique = []
    for st in out:
        key = (st.span.start, st.span.end)
        if key not in seen:
            seen.add(key)
            unique.append(st)
    return unique


def _cued(low: str | None, spans: list[tuple[int, int]], words: tuple[str, ...]) -> set[int]:
    """Indexes of the spans holding one of `words` (lower-case substrings) in the lower-cased page.

    One str.find a word over the page, so a page without a cue word costs a few microseconds; most
    pages have none, and the few hits are placed by a walk over the spans.
    """
    if low is None:  # a dotted capital I: offsets would drift, so every span is searched
        return set(range(len(spans)))
    hits = []
    for w in words:
        pos = low.find(w)
        while pos >= 0:
            hits.append(pos)
            pos = low.find(w, pos + 1)
    return {k for pos in hits for k, (s, e) in enumerate(spans) if s <= pos < e} if hits else set()


def _action_match(text: str, low: str, passing: bool) -> re.Match | None:
    """The first follow-up phrase in a sentence or clause (`low` is its lower-cased text).

    `passing`: the sentence has a cue word of the follow-ups recorded in passing (_IN_PASSING_CUES).
    """
    rx, subject = (_ACTION.lower, low) if len(low) == len(text) else (_ACTION.any_case, text)
    m = rx.search(subject)
    while m and subject.startswith(("to", "be"), m.start()) and _PLAN_CONTENTS.search(
            subject, max(0, m.start() - 12), m.start()):
        m = rx.search(subject, m.start() + 1)
    if m is None and passing:
        m = _IN_PASSING.search(text, low)
    return m


_ACTION_LINE = re.compile(r"\W{0,3}action\s*(?::|[-–])", re.IGNORECASE)
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][a-z’']{2,}")


def _restated_by_action_lines(text: str, out: list[Statement]) -> list[Statement]:
    """Drop a follow-up that the next sentence restates as an action line.

    Minutes that mark actions ("He asked Mr Cole to look into X. ACTION – Mr Cole to report on X")
    record each one in the marker line; the discussion sentence just before it is the same follow-up.
    The two must be adjacent and name someone in common (a capitalised word inside each).
    """
    drop: set[int] = set()
    for k in range(1, len(out)):
        cur, prev = out[k], out[k - 1]
        if not _ACTION_LINE.match(cur.text) or text[prev.span.end:cur.span.start].strip(" \t.;"):
            continue
        names = {w for w in _NAME_WORD.findall(cur.text)}
        if names & set(_NAME_WORD.findall(prev.text)):
            drop.add(k - 1)
    return [st for k, st in enumerate(out) if k not in drop] if drop else out


def _sentences_of(text: str, s: int, e: int) -> list[tuple[int, int]]:
    block = Block(Span(s, e), None, -1)
    return [(x.span.start, x.span.end) for x in split_sentences(text, block)] or [(s, e)]


def _split_clauses(text: str, s: int, e: int, *, decided: bool = False) -> list[tuple[int, int]]:
    cuts = [s, *(m.end() for m in _CLAUSE_SPLIT.finditer(text, s, e))]
    if decided:
        cuts = sorted({*cuts, *(m.end() for m in _NUMBERED_SPLIT.finditer(text, s, e))})
    cuts.append(e)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg_end = b
        # trim the separator that ended this clause
        while seg_end > a and text[seg_end - 1] in " ,;":
            seg_end -= 1
        if b < e and text.endswith(" and", a, seg_end):  # "... about the repairs and | she would write ..."
            seg_end -= 4
            while seg_end > a and text[seg_end - 1] in " ,;":
                seg_end -= 1
        if seg_end > a:
            out.append((a, seg_end))
    return out


def attendance(text: str, blocks: list[Block], sents: list[Sentence], people: list[Person],
               preamble: list[Block] = (), list_blocks: list[Block] | None = None) -> list[Statement]:
    """Attendance events: each entry of the page's lists, then comings and goings sentence by sentence.

    `list_blocks`: where attendance lists are read (the whole page: a meeting's lists head it);
    by default the preamble and `blocks`.
    """
    listed = attendance_lists(text, list_blocks if list_blocks is not None else
                              [*preamble, *(b for b in blocks if b not in preamble)], people)
    out: list[Statement] = []
    units = [(s.span.start, s.span.end) for s in sents]
    seen: set[tuple[str, str]] = set()
    for st in listed:
        if (st.person, st.event) not in seen:
            seen.add((st.person, st.event))
            out.append(st)
    for k in sorted(cues(text, units, [_ATTEND_WORDS])):
        s, e = units[k]
        chunk = text[s:e]
        # a list in this sentence was read entry by entry: its own events are not read again
        listed_here = {st.event for st in listed if s <= st.span.start < e}
        listed_people = {st.person for st in listed if s <= st.span.start < e}
        low = chunk.lower()
        for event, rx, needs in ATTEND:
            m = rx.search(chunk) if may_hold(chunk, low, needs) else None
            if not m:
                continue
            if listed_here and (event in ("apologies", "present") or event == "substitute" and (
                    "substitute" in listed_here or not _SUBSTITUTE_SAID.search(chunk))):
                continue  # "Apologies from A, with B attending as substitute": only B's event is left to read
            mentioned = []
            for p in people:
                for mn in p.mentions:
                    if s <= mn.span.start < e and mn.kind != "pronoun" and (
                            event in ("left", "arrived") or p.key not in listed_people):
                        mentioned.append((mn.span.start, p))
            mentioned.sort(key=lambda t: t[0])
            if event in ("left", "arrived") or event == "present" and m.start() > 0 or m.lastgroup == "unable":
                mentioned = [t for t in mentioned if t[0] < s + m.start()]
                if event == "present":  # "the Strategy Manager was in attendance to present the report": a post
                    mentioned = [t for t in mentioned if t[1].name]
            elif event == "substitute":
                by = _SUBSTITUTED_BY.search(chunk)
                mentioned = [t for t in mentioned if t[0] >= s + by.end()][:1] if by else mentioned[:1]
            for _, p in mentioned:
                if (p.key, event) in seen:
                    continue
                seen.add((p.key, event))
                out.append(Statement(text=chunk, span=Span(s, e), person=p.key, event=event))
            break
    return out


def _person_for(name: str, span: Span, councillor: bool, role: str | None, people: list[Person], text: str) -> Person:
    """The document's person with this name (a mention inside the span first), else a new Person."""
    parts = split_name(name)
    fits = [p for p in people if p.name and split_name(p.name).compatible(parts)]
    inside = [p for p in fits if any(span.start <= m.span.start < span.end for m in p.mentions)]
    person = (inside or fits or [None])[0]
    mention = Mention(text[span.start:span.end], span, "name")
    if person is None:
        kind = "councillor" if councillor else role_kind(role) if role else "other"
        used = {p.key for p in people}
        n = len(people) + 1
        while f"p{n}" in used:
            n += 1
        person = Person(key=f"p{n}", name=name, kind=kind, role=role, mentions=[mention])
        people.append(person)
    elif not inside:
        person.mentions.append(mention)
        person.mentions.sort(key=lambda m: m.span.start)
    return person


_NOT_A_ROLE = re.compile(r"\b(?:chair|chairman|vice|substitute|in the|sat|audience)\b", re.IGNORECASE)


def attendance_lists(text: str, blocks: list[Block], people: list[Person]) -> list[Statement]:
    """One event per list entry (attendance_lists.read_lists), each entry found as a person of the document.

    The people finder reads the same lists, so an entry is normally a person already; one it passed
    over (a lone surname) is added here.
    """
    out: list[Statement] = []
    for entry in read_lists(text, blocks):
        role = entry.bracket if entry.bracket and not _NOT_A_ROLE.search(entry.bracket) else None
        p = _person_for(entry.name, entry.span, entry.councillor, role, people, text)
        out.append(Statement(text=text[entry.span.start:entry.span.end], span=entry.span, person=p.key,
                             event=entry.event))
    return out
