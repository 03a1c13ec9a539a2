"""Who asked what, and who answered: reporting clauses turned into questions and answers.

Minutes report speech as "<speaker> <reporting verb> ...". We find every such clause, decide
whether it is a member's question (asks, queries, raises a concern, requests) or an answer, and
pair answers with the questions still open. Pairing follows layout: consecutive questions share
the answers that follow them, a bulleted exchange stays inside its bullet, and an explicit
"In response to a question from Councillor X, the Y said" overrides position.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import (
    ADVERBS,
    ANSWER_VERBS,
    ASK_VERBS,
    COLLECTIVE_SUBJECT,
    CONCERN_CUES,
    MEMBER_OFFICE,
    NEUTRAL_VERBS,
    PRESENT_VERBS,
    PROCEDURE_VERBS,
    SPEECH_VERBS,
    SUPPORT_CUES,
    Folded,
    at_word_start,
)
from .people import _APPOSITIVE, _VERB_AFTER
from .records import Answer, Mention, Person, Question, Span
from .segment import Block, Sentence

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
_PRONOUN = re.compile(
    r"(?:^|(?<=[;:,(])\s*|(?<=\band\s)|(?<=\bbut\s))(?P<p>[Hh]e|[Ss]he)\s+(?:(?:" + "|".join(sorted(ADVERBS))
    + r")\s+)*(?P<verb>[a-z]+)"
)
_PASSIVE_ANSWER = Folded(
    r"\b(?:members|the\s+(?:committee|panel|board)|councillors)\s+(?:were|was)\s+(?:also\s+)?"
    r"(?P<verb>advised|informed|told|assured|reassured|reminded|updated)\b")
_PASSIVE_QUESTION = Folded(
    r"\b(?:(?:a\s+)?concerns?|(?:a\s+)?questions?|(?:a\s+)?quer(?:y|ies)|points?|issues?)\s+(?:was|were)\s+"
    r"(?:also\s+)?(?:raised|expressed|asked|voiced|put)(?:\s+by\s+(?P<who>[^,.;]{2,60}))?|"
    r"\bit\s+was\s+(?:also\s+)?(?:asked|queried|questioned|requested)\b")
_EXPLICIT = re.compile(
    r"(?P<lead>[Ii]n\s+(?:response|reply|answer)\s+to|[Rr]esponding\s+to|[Rr]eplying\s+to|[Rr]esponded\s+to|"
    r"[Rr]eplied\s+to)\s+(?:(?:a|the|further|several|various|some|these|those|this|that|his|her|their|"
    r"members['’]?)\s+)?(?:\w+\s+)?(?:questions?|quer(?:y|ies)|concerns?|comments?|points?|issues?)"
    r"(?:\s+(?:raised|asked|posed))?(?:\s+(?:from|by)\s+(?P<who>[^,.;]{2,80}?))?(?=,|\s+(?:the|stating|"
    r"that|he|she|it|and|about|on|regarding|concerning)\b|\.|$)"
)


WRITTEN_Q = re.compile(r"^\s*(?:Supplementary\s+)?Questions?\s+(?:from|by|submitted\s+by|asked\s+by)\s+"
                       r"\S.{0,120}?:?\s*$",
                       re.IGNORECASE)
WRITTEN_A = re.compile(r"^\s*(?:Response|Reply|Answer)\s+(?:from|by|given\s+by)\s+\S.{0,120}?:?\s*$", re.IGNORECASE)
_INTRODUCES_POINTS = re.compile(r"\b(?:raised|asked|made|put|submitted|queried|following|discussed)\b", re.I)
_ATTENDING = re.compile(r"\s+(?:was|were)\s+(?:also\s+)?(?:in attendance|present)")
_INTRO = re.compile(r"(?:[^,]{0,80},\s*)?")
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
    explicit: bool = False
    q_start: int | None = None
    block: int = 0


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
        self.list_intro: tuple[Person | None] | None = None
        self._acts: dict[int, list[Act]] = {}  # acts() records pronoun mentions: run it once a sentence

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
        index = self.__dict__.setdefault("_mention_index", {})
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
        for pos, person in self._mentions_in(s, e):
            end = self._mention_end(person, pos)
            nxt = self.text[end:end + 2].lstrip()[:1]
            ap = _APPOSITIVE.match(self.text, end, e) if nxt in (",", "(") else None
            after = ap.end() if ap else end
            vm = _VERB_AFTER.match(self.text, after, e)
            if vm and vm.group("verb").lower() in SPEECH_VERBS:
                found.append(Act(pos, e, person, vm.group("verb").lower(), block=sent.block))
            elif _ATTENDING.match(self.text, after, e):
                found.append(Act(pos, e, person, "attended", block=sent.block))
        sentence = self.text[s:e]
        low = sentence.lower()
        has_pronoun = low.startswith(("he ", "she ")) or " he " in low or " she " in low
        for m in _PRONOUN.finditer(sentence) if has_pronoun else ():
            verb = m.group("verb")
            person = self.last_or_current(found, s + m.start())
            if verb in SPEECH_VERBS and person is not None:
                ps, pe = s + m.start("p"), s + m.end("p")
                found.append(Act(ps, e, person, verb, block=sent.block))
                self.out.pronoun_mentions.append((person, Mention(m.group("p"), Span(ps, pe), "pronoun")))
        cm = None if found else COLLECTIVE_SUBJECT.match(sentence, _INTRO.match(sentence).end())
        if cm:
            vm = _VERB_AFTER.match(sentence, cm.end())
            if vm and vm.group("verb").lower() in (ASK_VERBS | NEUTRAL_VERBS | {"were"}):
                found.append(Act(s + cm.start(), e, None, vm.group("verb").lower(), collective=True,
                                 block=sent.block))
        passive = " were " in low or " was " in low
        pa = _PASSIVE_ANSWER.search(sentence, low) if passive else None
        if pa and not any(a.pos <= s + pa.start() for a in found if a.person):
            found.append(Act(s + pa.start(), e, None, "advised", collective=True, kind="passive_answer",
                             block=sent.block))
        # "the following points were raised:" introduces the questions; it is not one
        pq = _PASSIVE_QUESTION.search(sentence, low) if passive and not found and not sentence.rstrip().endswith(":") \
            else None
        if pq:
            who = self._person_in(s + pq.start("who"), s + pq.end("who")) if pq.group("who") else None
            found.append(Act(s + pq.start(), e, who, "raised", collective=who is None, kind="question",
                             block=sent.block))
        found.sort(key=lambda a: a.pos)
        for i, a in enumerate(found):
            a.end = found[i + 1].pos if i + 1 < len(found) else e
        ex = _EXPLICIT.search(sentence) if ("respon" in low or "repl" in low or "answer" in low) else None
        if ex:
            self._mark_explicit(found, s, ex)
        return _merge_same_speaker(found)

    def last_or_current(self, found: list[Act], pos: int) -> Person | None:
        before = [a for a in found if a.pos < pos and a.person]
        return before[-1].person if before else self.last_subject

    def _person_in(self, s: int, e: int) -> Person | None:
        ms = self._mentions_in(s, e)
        return ms[0][1] if ms else None

    def _mark_explicit(self, found: list[Act], s: int, ex: re.Match) -> None:
        who = None
        if ex.group("who"):
            who = self._person_in(s + ex.start("who"), s + ex.end("who"))
        lead = ex.group("lead").lower()
        if lead.startswith(("responded", "replied")):
            responder_acts = [a for a in found if a.pos <= s + ex.start() and a.person is not None]
            target = responder_acts[-1] if responder_acts else None
        else:
            after = [a for a in found if a.pos >= s + ex.end() and a.person is not None and a.person is not who]
            target = after[0] if after else None
        if target is not None:
            target.kind = "answer"
            target.explicit = True
            target.explicit_asker = who
            target.q_start = min(s + ex.start(), target.pos)
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
        asks = bool(ASK_IN_CLAUSE.search(clause))
        needs_cue = act.collective or act.verb in NEUTRAL_VERBS or act.verb in FRAME_VERBS
        act.cue = needs_cue and bool(CONCERN_CUES.search(clause, low)) and not (
            SUPPORT_CUES.search(clause, low) and not _STRONG_CONCERN.search(clause, low))
        if act.collective:
            act.kind = "question" if asks or (act.verb in NEUTRAL_VERBS and act.verb != "were" and act.cue
                                              and _STRONG_CONCERN.search(clause, low)) \
                else "statement"
            return
        person = act.person
        assert person is not None
        in_office = bool(person.role and MEMBER_OFFICE.search(person.role))
        open_from_other = any(q.asker is not person.key for q in self.window) and bool(self.window)
        if person.kind == "officer":
            act.kind = "answer" if self.window and act.verb not in PROCEDURE_VERBS else "statement"
            return
        if act.verb in PROCEDURE_VERBS:
            act.kind = "statement"
            return
        if in_office and open_from_other and act.verb not in ASK_VERBS:
            act.kind = "answer"
            return
        if person.kind == "other" and not asks and self.window and act.verb in ANSWER_VERBS:
            act.kind = "answer"
            return
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
        prev_block = -1
        sents_of: dict[int, list[Sentence]] = {}
        for s in sents:
            sents_of.setdefault(s.block, []).append(s)
        written: tuple[str, Person | None] | None = None  # "Question from ..." / "Response from ..."
        consumed = -1  # a block read whole: a written question or response, or a listed point
        for sent in sents:
            if sent.block == consumed:
                continue
            if sent.block != prev_block:
                block = blocks[sent.block]
                self._enter_block(block)
                prev_block = sent.block
                heading = self.text[block.span.start:block.span.end]
                if WRITTEN_Q.match(heading) or WRITTEN_A.match(heading):
                    who = self._mentions_in(block.span.start, block.span.end)
                    written = ("q" if WRITTEN_Q.match(heading) else "a", who[-1][1] if who else None)
                    consumed = block.index
                    continue
                if self.list_intro is not None and not block.is_list_item:
                    self.list_intro = None
                if self.list_intro is not None and block.is_list_item and not any(
                        self.acts(s) for s in sents_of[block.index]):
                    asker = self.list_intro[0]
                    self._new_question(Act(block.span.start, block.span.end, asker, "raised", collective=asker is None),
                                       Span(block.span.start, block.span.end))
                    self.window_answered = False
                    consumed = block.index
                    continue
                if written is not None:
                    kind, who = written
                    written = None
                    if kind == "q":
                        self.frame = None
                        self._new_question(Act(block.span.start, block.span.end, who, "asked"), block.span)
                    else:
                        self._answer(who, block.span)
                    self.last_subject = who or self.last_subject
                    consumed = block.index
                    continue
            sentence = self.text[sent.span.start:sent.span.end].rstrip()
            if sentence.endswith(":") and _INTRODUCES_POINTS.search(sentence):
                intro = self.acts(sent)
                who = next((a.person for a in intro if a.person is not None), None)
                self.list_intro = (who,)
                self.last_subject = who or self.last_subject
                continue
            acts = self.acts(sent)
            if not acts:
                self._continuation(sent)
                continue
            for act in acts:
                self.classify(act)
                self._apply(act, sent)
                if act.person is not None:
                    self.last_subject = act.person
        if self.frame and self.frame.cue:
            self._new_question(self.frame, Span(self.frame.pos, self.frame.end))
        return self.out

    def _enter_block(self, block: Block) -> None:
        if self.frame and self.frame.cue:
            self._new_question(self.frame, Span(self.frame.pos, self.frame.end))
        self.frame = None
        if block.is_list_item and self.window and self.window_answered and self.list_intro is None:
            self.window = []
        self.last_answer = None

    def _continuation(self, sent: Sentence) -> None:
        """A sentence with no speaker continues the answer before it, or answers anonymously."""
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
        else:
            self.last_kind = "statement"

    def _new_question(self, act: Act, span: Span) -> None:
        q = Question(asker=act.person.key if act.person else None, text=self.text[span.start:span.end],
                     span=span)
        if self.window_answered or not self.window:
            self.window = []
            self.window_answered = False
        self.window.append(q)
        self.out.questions.append(q)
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
        self.last_answer = a
        self.last_kind = "answer"

    def _explicit_answer(self, act: Act) -> None:
        asker = act.explicit_asker
        target: list[Question] = []
        if asker is not None:
            # only a question still in play: an older one by the same member is another exchange
            target = [q for q in self.window if q.asker == asker.key][-1:]
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
