"""Assign concepts from a SKOS scheme to questions, answers, reports and indicators.

Matching is by labels (preferred and alternative) over lightly stemmed tokens, so "caseloads",
"case loads" and "caseload" meet. The most specific concepts win: a concept is dropped when a
narrower one also matched. A concept with several broader concepts (social-worker-recruitment:
recruitment + social workers) is also matched when all its broader concepts are mentioned, one of
them in the text itself and the rest in the text or its context (the paragraph so far), because
minutes say "She also asked if recruitment had improved" right after talking about social workers.

A question's first topic is where recurrence counts it (the scorer and `recurring_concerns` compare
first topics), so it must be shared exactly by questions on one concern: cross-cutting aspects (the
scheme's `generic` collection) never lead, a concern narrowed only by an aspect is counted at the
concern (`TopicScheme.counted_as`), and only a specific agenda item leads (`annotate`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_CAPS = re.compile(r"[A-Z]{2}")
_DROP = {"the", "a", "an", "of", "for", "to", "in", "on", "and", "&"}
DEFAULT_SCHEME = Path(__file__).resolve().parent / "data" / "concerns.ttl"
# The skos:Collection (by local name, so a scheme of one's own can have one) whose members are
# cross-cutting aspects: performance, timeliness, scrutiny, consultation ... (see TopicScheme.assign)
GENERIC_COLLECTION = "generic"


_STEMS: dict[str, str] = {}


def _stem_new(raw: str) -> str:
    norm = _STEMS[raw] = stem(raw)
    return norm


def stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def tokens(text: str) -> list[tuple[str, str, int, int]]:
    out = []
    known = _STEMS.get
    for m in _TOKEN.finditer(text):
        raw = m.group()
        norm = known(raw) or _stem_new(raw)
        if norm not in _DROP:
            out.append((norm, raw, m.start(), m.end()))
    return out  # (norm, raw, start, end) tuples: this runs for every sentence of every page


@dataclass
class Concept:
    id: str
    uri: str
    label: str
    alt: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    depth: int = 0
    generic: bool = False  # a member of the scheme's `generic` collection: never leads (see TopicScheme)
    related: list[str] = field(default_factory=list)  # skos:related: a staff group's services


class TopicMatch(NamedTuple):
    """One label occurrence (a tuple: tens of thousands are made per thousand pages)."""

    concept: str
    start: int
    end: int
    words: str
    composed: bool = False


class TopicScheme:
    """A SKOS concept scheme ready for matching."""

    def __init__(self, concepts: dict[str, Concept]) -> None:
        self.concepts = concepts
        self._index: dict[tuple[str, ...], set[str]] = {}
        self._exact: dict[tuple[str, ...], set[str]] = {}  # acronyms: case-sensitive
        for c in concepts.values():
            for label in [c.label, *c.alt]:
                toks = tokens(label)
                if not toks:
                    continue
                if label.isupper() and len(label) <= 8 and " " not in label:
                    self._exact.setdefault(tuple(t[1] for t in toks), set()).add(c.id)
                else:
                    self._index.setdefault(tuple(t[0] for t in toks), set()).add(c.id)
        self._starts = _label_lengths(self._index)  # first token -> the lengths of labels starting with it
        self._exact_starts = _label_lengths(self._exact)
        self._ancestors: dict[str, set[str]] = {cid: self._compute_ancestors(cid) for cid in concepts}
        self._lineage = {cid: frozenset(a | {cid}) for cid, a in self._ancestors.items()}
        for cid in concepts:
            concepts[cid].depth = self._depth(cid, set())
        self._counted = {cid: self._count_level(c) for cid, c in concepts.items()}
        self._areas = {cid: frozenset(a for a in self._lineage[cid] if not concepts[a].broader) for cid in concepts}
        self._served = {cid: self._areas[cid].union(*[self._areas[r] for r in concepts[cid].related])
                        for cid in concepts}
        self._composites = [c for c in concepts.values() if len(c.broader) >= 2]
        self._composites_by_part: dict[str, list[Concept]] = {}
        for c in self._composites:
            for b in c.broader:
                self._composites_by_part.setdefault(b, []).append(c)

    @classmethod
    def load(cls, path: str | Path | None = None) -> TopicScheme:
        from .scheme_cache import load_concepts  # parsed once, then read from a JSON cache

        return cls(load_concepts(Path(path) if path else DEFAULT_SCHEME, lambda: cls._parse(path), Concept))

    @staticmethod
    def _parse(path: str | Path | None) -> dict[str, Concept]:
        from rdflib import RDF, SKOS, Graph, URIRef

        g = Graph()
        if path is None:
            g.parse(str(DEFAULT_SCHEME), format="turtle")
        else:
            g.parse(str(path))
        concepts: dict[str, Concept] = {}
        for uri in g.subjects(RDF.type, SKOS.Concept):
            cid = _local_id(str(uri))
            pref = g.value(uri, SKOS.prefLabel)
            concepts[cid] = Concept(
                id=cid,
                uri=str(uri),
                label=str(pref) if pref else cid,
                alt=sorted(str(a) for a in g.objects(uri, SKOS.altLabel)),
                broader=sorted(_local_id(str(b)) for b in g.objects(uri, SKOS.broader)),
                related=sorted(_local_id(str(r)) for r in g.objects(uri, SKOS.related)),
            )
        for c in concepts.values():
            c.broader = [b for b in c.broader if b in concepts]
            c.related = [r for r in c.related if r in concepts]
        for col in g.subjects(RDF.type, SKOS.Collection):
            if isinstance(col, URIRef) and _local_id(str(col)) == GENERIC_COLLECTION:
                for m in g.objects(col, SKOS.member):
                    if _local_id(str(m)) in concepts:
                        concepts[_local_id(str(m))].generic = True
        return concepts

    def _compute_ancestors(self, cid: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.concepts[cid].broader)
        while stack:
            b = stack.pop()
            if b not in seen and b in self.concepts:
                seen.add(b)
                stack.extend(self.concepts[b].broader)
        return seen

    def _depth(self, cid: str, seen: set[str]) -> int:
        c = self.concepts[cid]
        if not c.broader or cid in seen:
            return 0
        return 1 + max(self._depth(b, seen | {cid}) for b in c.broader)

    def _count_level(self, c: Concept) -> str:
        """The concept a question about `c` is counted under (see `counted_as`)."""
        if c.generic:
            return c.id
        subjects = [b for b in c.broader if not self.concepts[b].generic]
        return subjects[0] if len(subjects) == 1 and len(subjects) < len(c.broader) else c.id

    def counted_as(self, cid: str) -> str:
        """Where recurrence counts a concept: a concern narrowed only by a cross-cutting aspect rolls up
        to the concern (EHCP timeliness -> EHCPs, pothole repair times -> potholes, SEND inspection
        -> SEND), because one recurring concern is raised in both ways ("EHCPs issued within 20
        weeks", "the number of EHC plans completed"); a concept narrowed by another concern keeps its
        own level (social worker caseloads and social worker recruitment are two concerns)."""
        return self._counted.get(cid, cid)

    def areas(self, cid: str) -> frozenset[str]:
        """The service areas (top concepts) a concept belongs to: itself if it is one."""
        return self._areas.get(cid, frozenset())

    def served_areas(self, cid: str) -> frozenset[str]:
        """A concept's service areas and those of its skos:related concepts: social workers are
        workforce, and they work in children's and adults' social care (see `_lead_with_item_topic`)."""
        return self._served.get(cid, frozenset())

    def ancestors(self, cid: str) -> set[str]:
        return self._ancestors.get(cid, set())

    def lineage(self, cid: str) -> frozenset[str]:
        """The concept and everything broader than it."""
        return self._lineage.get(cid, frozenset({cid}))

    def _strength(self, m: TopicMatch) -> int:
        """2: a composite concept named by its own label ("social worker recruitment"); 1: composed
        from its parts ("recruitment" ... "social workers"); 0: any other label."""
        if m.composed:
            return 1
        return 2 if len(self.concepts[m.concept].broader) >= 2 else 0

    def _narrowed_away(self, c: Concept, named: set[str]) -> bool:
        """Whether a composite's concern part is there only as a concern as specific as the composite
        itself: "care leavers" are children in care, but care leavers' education is theirs, not the
        schooling of children in care (children in care + education), while "school attendance" of
        children in care is that schooling. A part named itself, through an aspect, through a concept
        the composite lies under, or through one less deep than the composite does compose."""
        concepts, lineage = self.concepts, self._lineage
        for b in c.broader:
            if concepts[b].generic or b in named:
                continue
            if not any(n in lineage[c.id] or concepts[n].generic or concepts[n].depth < c.depth
                       for n in named if b in lineage[n]):
                return True
        return False

    def find(self, text: str) -> list[TopicMatch]:
        """Every label occurrence in the text that no longer one contains, ordered by where it starts."""
        # tokens() inlined into four lists: this runs for every question, answer and context of every page
        norms: list[str] = []
        raws: list[str] = []
        starts_at: list[int] = []
        ends_at: list[int] = []
        known = _STEMS.get
        for m in _TOKEN.finditer(text):
            raw = m.group()
            norm = known(raw) or _stem_new(raw)
            if norm not in _DROP:
                norms.append(norm)
                raws.append(raw)
                starts_at.append(m.start())
                ends_at.append(m.end())
        out: list[TopicMatch] = []
        tables = [(self._index, norms, self._starts)]
        if _CAPS.search(text):  # acronym labels (SEND, EHCP) need two capitals in a row
            tables.append((self._exact, raws, self._exact_starts))
        count = len(norms)
        for table, words, starts in tables:
            for i, w in enumerate(words):
                lengths = starts.get(w)
                if lengths is None:
                    continue
                for n in lengths:  # longest first, only lengths some label has
                    if n > count - i:
                        continue
                    for cid in table.get(tuple(words[i : i + n]), ()):
                        s, e = starts_at[i], ends_at[i + n - 1]
                        if words is raws and _in_reference(text, s, e):
                            continue
                        out.append(TopicMatch(cid, s, e, text[s:e]))
        out.sort(key=lambda m: (m.start, -m.end, m.concept))
        return _outermost(out)

    def assign(self, text: str, context: str = "", limit: int = 5) -> list[TopicMatch]:
        """Most specific concepts for `text`, best first: a concern before a cross-cutting aspect (the
        `generic` collection: "targets in relation to child immunisation" is first about immunisation,
        "scrutiny of the budget" about the budget), then deepest, strongest match and earliest."""
        own = self.find(text)
        if not own:  # the context only completes composites begun in the text itself
            return []
        ctx = self.find(context) if context else []
        first: dict[str, TopicMatch] = {}
        for m in own:  # sorted by start: the first mention of each concept
            first.setdefault(m.concept, m)
        lineage, by_part = self._lineage, self._composites_by_part
        covered_own = set().union(*[lineage[cid] for cid in first])
        covered = covered_own.union(*[lineage[m.concept] for m in ctx])
        candidates = sorted({c.id for part in covered_own if part in by_part for c in by_part[part]} - first.keys())
        named = first.keys() | {m.concept for m in ctx}
        for cid in candidates:
            c = self.concepts[cid]
            if all(b in covered for b in c.broader) and not self._narrowed_away(c, named):
                # where the composition is complete: the latest of each part's first mention
                firsts = []
                for b in c.broader:
                    hit = next((m for m in own if b in lineage[m.concept]), None)
                    if hit:
                        firsts.append(hit)
                if firsts:
                    last = max(firsts, key=lambda h: h.start)
                    words = "; ".join(sorted({h.words for h in firsts}))
                    first[c.id] = TopicMatch(c.id, last.start, last.end, words, composed=True)
        if len(first) == 1:
            return list(first.values())[:limit]
        above = Counter(a for o in first for a in self._ancestors[o])  # how many chosen concepts each is broader than
        specific = [cid for cid in first if above[cid] - (cid in self._ancestors[cid]) <= 0]
        concepts = self.concepts
        ranked = sorted(specific, key=lambda cid: (concepts[cid].generic, -concepts[cid].depth,
                                                   -self._strength(first[cid]), first[cid].start, cid))
        return [first[cid] for cid in ranked[:limit]]


def _label_lengths(index: dict[tuple[str, ...], set[str]]) -> dict[str, tuple[int, ...]]:
    """For each first token, the token counts of the labels it starts, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[0], set()).add(len(key))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}


def _in_reference(text: str, s: int, e: int) -> bool:
    """Whether an acronym at text[s:e] is part of a document reference ("report CSC/22/1", "ASC/07"):
    the reference names the report's series, not a subject the words raise."""
    return (e + 1 < len(text) and text[e] == "/" and text[e + 1].isalnum()) or (s > 0 and text[s - 1] == "/")


def _outermost(found: list[TopicMatch]) -> list[TopicMatch]:
    """Drop label occurrences inside a longer one: the words of "fly tips" are not also "tips" (the
    household waste sites), nor those of "EHC needs assessments" also adults' "needs assessments".
    `found` is sorted by start, longest first, so a match is inside an earlier one exactly when it
    ends no later than the furthest end so far and does not share that earlier span (two concepts
    with one label keep both)."""
    out: list[TopicMatch] = []
    reach = -1
    for m in found:
        if m.end <= reach and not (out and out[-1].start == m.start and out[-1].end == m.end):
            continue
        out.append(m)
        reach = max(reach, m.end)
    return out


def _local_id(uri: str) -> str:
    return re.split(r"[/#]", uri.rstrip("/#"))[-1]


@cache
def default_scheme() -> TopicScheme:
    return TopicScheme.load()


# -- candidate topics -----------------------------------------------------------------------------
_STOPWORDS = set(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "members",
        "member",
        "councillor",
        "committee",
        "officer",
        "officers",
        "report",
        "noted",
        "asked",
        "advised",
        "stated",
        "said",
        "explained",
        "council",
        "panel",
        "chair",
        "whether",
        "there",
        "were",
        "had",
        "been",
        "being",
        "this",
        "that",
        "they",
        "them",
        "their",
        "also",
        "work",
        "number",
        "people",
        "year",
        "years",
        "month",
        "months",
        "time",
        "service",
        "services",
        "area",
        "areas",
        "new",
        "current",
        "level",
        "levels",
        "further",
    ]
)


_VAGUE = {"many", "much", "long", "short", "high", "low", "less", "concern", "concerns", "support", "update",
          "good", "well", "need", "needs", "still", "already", "however", "every", "next", "last", "first",
          "currently", "whether", "question", "questions", "response", "officer", "cabinet", "lead", "within",
          "without", "since", "stating", "following", "including"}


def candidate_topics(
    texts: list[tuple[str, str]], scheme: TopicScheme, *, min_docs: int = 2, limit: int = 50
) -> list[tuple[str, int]]:
    """Phrases (2-3 words) that recur across documents but match no concept: (phrase, documents)."""
    docs_with: Counter[str] = Counter()
    for _doc, text in texts:
        seen: set[str] = set()
        # capitalised words are names of people and places, not concerns: they break phrases
        words = [w if w[0].islower() else "" for w in re.findall(r"[A-Za-z][A-Za-z'’\-]+", text)]
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                # noun-like phrases only: no function words, no past-tense verbs, no vague quantities
                if any(not w or w in _STOPWORDS or w in _VAGUE or len(w) < 3 or w.endswith("ed") for w in gram):
                    continue
                seen.add(" ".join(gram))
        for phrase in seen:
            docs_with[phrase] += 1
    out = []
    for phrase, n in docs_with.most_common():
        if n < min_docs:
            break
        if scheme.find(phrase):
            continue
        out.append((phrase, n))
        if len(out) >= limit:
            break
    return out


def _lead_with_item_topic(scheme: TopicScheme, own: list[str], item: list[str], *, opening: str | None = None,
                          lend_only: bool = False) -> list[str]:
    """A question under a specific agenda item ("Pothole Blitz", "Fly-tipping") is first about that item.

    Recurrence is counted by a question's first topic, so the points members raise under one item
    group together even when a point's own words lean elsewhere ("the highways contract"), and a
    point with no topic words of its own ("the graph in the report was unclear") takes the item's.
    A broad item (depth 0: "Budget monitoring", "Children's services report") or a cross-cutting one
    (the `generic` collection: "Performance report", "Scrutiny work programme", "Risk register")
    ranges over many subjects: it neither leads nor lends its topic, since two points under it share
    no concern by that alone. A narrower concept of the item's topic the question itself names keeps
    first place, and so does a question that has changed the subject: one naming a specific concern
    whose service area (top concept) is not the item's, and nothing in the item's area ("home care
    staff's training" under "Better Care Fund"). A staff group is of the services it is related to
    (skos:related: social workers under an item on children's social care are the item's). A point
    opening on an aspect (`opening`, the concept its words name first, is generic) is about that
    aspect of the item, whatever it goes on to name: "consultation on the action plan was limited by
    the pandemic" under "Climate Emergency Action Plan" is not about the pandemic.
    `lend_only`: the item's topic was read from its opening words, not a title (`_intro_topics`), so
    it only fills points that name no concern of their own.
    """
    if not item:
        return own
    lead = scheme.concepts[scheme.counted_as(item[0])]  # ranked like a question's: generic ones last
    if lead.depth < 1 or lead.generic or lead.id in own[:1]:
        return own
    if own and lead.id in scheme.ancestors(own[0]):
        return own
    concerns = [scheme.concepts[t] for t in own if not scheme.concepts[t].generic]
    if lend_only and concerns:
        return own
    if any(c.depth >= 1 for c in concerns) and not (opening and scheme.concepts[opening].generic):
        area = scheme.areas(lead.id)
        if not any(scheme.served_areas(c.id) & area for c in concerns):
            return own
    return [lead.id] + [t for t in own if t != lead.id]


_BLANK = re.compile(r"[ \t\u00a0]*\n")
# a line ending so names a body (the meeting's own name in a page's header), not a subject
_BODIES = {"committee", "sub-committee", "subcommittee", "board", "panel", "council", "cabinet", "forum",
           "commission", "authority", "executive", "partnership", "group"}
_NOT_HEADING = set(".:;?!,\u2022\u00b7()\"“”")
_HEADING_MAX = 60  # characters: a sub-heading names a subject; a longer line is a sentence or a list


def _names_body(title: str) -> bool:
    """Whether a title or heading is the name of a body ("Audit and Governance Committee", "Schools
    Forum"): the meeting's own name or the body a report comes from, which says nothing of what its
    points are about."""
    words = title.split()
    return bool(words) and words[-1].lower() in _BODIES


def _subheadings(text: str, mentioned: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where an item's text has headings of its own: a short line standing alone between blank lines,
    starting with a capital and without a sentence's punctuation ("Winter Maintenance Plan", "Flying
    Start"). Minutes group the points raised under one item by such headings, so the points under a
    heading are first about its subject, as points under an item are about the item's. A line naming
    a person (a list of those present) or a body ("Audit and Governance Committee") is no heading.
    Hard-wrapped paragraphs do not qualify: their short last line has a line before it. Offsets are
    of the heading's words (start, end).
    """
    out = []
    at = 0
    n = len(text)
    while at < n:
        nl = text.find("\n", at)
        end = n if nl < 0 else nl
        line = text[at:end]
        words = line.strip()
        if (words and len(words) <= _HEADING_MAX and words[0].isupper() and not _NOT_HEADING & set(words)
                and not _names_body(words)
                and (at == 0 or _BLANK.fullmatch(text, text.rfind("\n", 0, at - 1) + 1, at))
                and (end == n or _BLANK.match(text, end + 1) or end + 1 == n)):
            s = at + line.index(words[0])
            e = s + len(words)
            i = bisect.bisect_left(mentioned, (s, s))
            named = (i < len(mentioned) and mentioned[i][0] < e) or (i and mentioned[i - 1][1] > s)
            if not named:
                out.append((s, e))
        at = end + 1
    return out


def _intro_topics(scheme: TopicScheme, x, begin: int, end: int,
                  mentioned: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """The subject of an item printed without a title, read from its words before the first question
    ("The officer presented the report, noting the household recycling rate ... missed bins ...";
    "an update on enforcement ... the backlog of enforcement cases"): the first topic of those words,
    without the people they name. Used only for points naming no concern of their own."""
    begin = max(begin, end - _INTRO_MAX)
    found = scheme.assign(_without_people(x.text, begin, end, mentioned))
    return [(m.concept, m.words) for m in found[:1]]


_INTRO_MAX = 2000  # characters before an untitled item's first question read for its subject


# where a question's own sentence may begin before the question's span does
_SENTENCE_ENDS = (". ", "? ", "! ", "; ", "\n", "\u2022")
_LEAD_IN_MAX = 160  # characters: beyond this the "lead-in" is more likely another point's words


def _own_words_start(text: str, start: int, floor: int) -> int:
    """Where the sentence holding a question begins, if the question's span starts inside it.

    Minutes put the subject in front of the speech act: "In relation to child sexual exploitation it
    was suggested that ..." or "On the 20 week timescale, Members asked ...": the question's span
    starts at "it was suggested", but the words before it in the same sentence are the question's
    own. Nothing before `floor` (the end of the last answer or question before this one, or the
    paragraph start) is taken, so a neighbour's question or answer never lends its topics.
    """
    begin = max(text.rfind(end, floor, start) for end in _SENTENCE_ENDS)
    begin = floor if begin < 0 else begin + 1
    while begin < start and text[begin] in " \t":
        begin += 1
    return begin if start - begin <= _LEAD_IN_MAX else start


# where a question known only through its answer ("responded to questions from Members on the
# forecast overspend, stating that ...") turns from what was asked to what was answered
_ANSWER_CLAUSE = re.compile(r",? (?:stating|confirming|explaining|advising|adding|saying|reporting|noting|"
                            r"assuring|acknowledging)\b|\b(?:and|who) (?:stated|confirmed|explained|advised|said)\b")


def _people_spans(x) -> list[tuple[int, int]]:
    """Where the page names its people: every mention, and every occurrence of a post title a person
    holds ("the Cabinet Member for Adult Services, Councillor Dee, said" records only the name as a
    mention, the title as the person's role)."""
    spans = [(m.span.start, m.span.end) for p in x.people for m in p.mentions]
    for role in {p.role for p in x.people if p.role and len(p.role) > 5}:
        at = x.text.find(role)
        while at >= 0:
            spans.append((at, at + len(role)))
            at = x.text.find(role, at + len(role))
    return spans


def _without_people(text: str, begin: int, end: int, mentioned: list[tuple[int, int]]) -> str:
    """text[begin:end] with the people mentioned in it blanked out (offsets kept).

    Who is named is not what is asked: "the Lead Member for Adult Services responded" or
    "Councillor Parks asked" say nothing of adult social care or parks. `mentioned` holds every
    mention's (start, end), sorted.
    """
    i = max(bisect.bisect_left(mentioned, (begin, begin)) - 1, 0)
    out, at = [], begin
    while i < len(mentioned) and mentioned[i][0] < end:
        s, e = mentioned[i]
        if e > at:
            s = max(s, at)
            out += [text[at:s], " " * (min(e, end) - s)]
            at = min(e, end)
        i += 1
    return "".join(out) + text[at:end] if out else text[begin:end]


def _continued(scheme: TopicScheme, own: list[str], before: list[str]) -> str | None:
    """The concern a point continues: that of the points before it, when the point names nothing new.

    Lettered points follow one another on one concern: "(a) asked why the number of people waiting
    for a care act assessment had risen ... (b) sought assurance that people waiting were contacted
    ... (c) asked for waiting times by locality". (b) and (c) name only an aspect (waiting), which the
    concept of (a) is narrowed by, so they are about (a)'s concern. So is a point naming only what
    the points before it on that concern named (and broader concepts of it): after "why the treasury
    management report seen by the audit committee had changed", "the report the audit committee
    agreed was not the one the executive saw" pursues the treasury management report. `before` is
    the lead concern of the points before and everything they named.

    A point naming a concern of its own continues nothing; nor does one naming only broader concepts
    of the lead ("the finance costs" may widen the subject, and "EHC plans completed" after "waiting
    for an EHC needs assessment" is not about the wait), or an aspect the lead is not narrowed by.
    """
    if not own or not before:
        return None
    lead = before[0]
    if scheme.concepts[lead].generic or own[0] == lead:
        return None
    if all(scheme.concepts[t].generic for t in own):
        return lead if set(own) & scheme.ancestors(lead) else None
    concerns = [t for t in own if not scheme.concepts[t].generic]
    broader = scheme.ancestors(lead)
    if all(t in before or t in broader for t in concerns) and any(t in before for t in concerns):
        return lead
    return None


def annotate(x, scheme: TopicScheme) -> None:
    """Put topics on every question, answer, report and indicator of one Extraction.

    A question's words are its span, up to any answer reported inside it ("In response to a question
    as to why ..., the Lead Member responded that ..."), and the lead-in of its sentence
    (`_own_words_start`), without the people it names (`_without_people`); its context, which only
    completes composite concepts the words begin ("She also asked if recruitment had improved" after
    her point on social workers), is its paragraph up to there but not before the last answer (a
    neighbour's answer lends no topics). The first topic is where recurrence counts the question
    (`TopicScheme.counted_as`); a point naming only an aspect continues the point before it under
    the same item or heading (`_continued`), and the agenda item's topic leads where the item is
    specific (`_lead_with_item_topic`): a heading of the item's own (`_subheadings`) stands for the
    item over the points under it, and an untitled item's opening words (`_intro_topics`) lend their
    subject to points naming no concern.
    (Tokenising each text separately measured faster than tokenising whole documents once.)
    """
    title = x.items[0].title if x.items and x.items[0].title else ""
    title_topics = [(m.concept, m.words) for m in scheme.assign(title)]
    item_starts = [it.span.start for it in x.items]
    item_topics: dict[int, list[tuple[str, str]]] = {}
    answer_ends = sorted(a.span.end for a in x.answers)
    answer_starts = sorted(a.span.start for a in x.answers)
    mentioned = sorted(_people_spans(x))
    headings = _subheadings(x.text, mentioned)
    heading_starts = [h[0] for h in headings]
    heading_topics: dict[int, list[tuple[str, str]]] = {}
    first_asked: dict[int, int] = {}  # item -> where its first question starts
    for q in x.questions:
        k = max(bisect.bisect_right(item_starts, q.span.start) - 1, 0)
        first_asked[k] = min(first_asked.get(k, q.span.start), q.span.start)
    introduced: set[int] = set()  # untitled items whose topic was read from their opening words
    before: tuple[object, list[str]] = (-1, [])  # the item (or heading) and own concepts of the question before
    asked_to = 0  # where the question before ended
    for q in x.questions:
        para_start = x.text.rfind("\n", 0, q.span.start) + 1
        k = bisect.bisect_right(answer_ends, q.span.start)
        floor = max(para_start, answer_ends[k - 1]) if k else para_start
        begin = _own_words_start(x.text, q.span.start, max(floor, asked_to))
        asked_to = q.span.end
        j = bisect.bisect_right(answer_starts, q.span.start)
        end = answer_starts[j] if j < len(answer_starts) and answer_starts[j] < q.span.end else q.span.end
        found = []
        if q.implicit:  # "X responded to questions on the overspend, stating that placements ...": what
            said_at = _ANSWER_CLAUSE.search(x.text, begin, end)  # was asked, unless only the answer says
            if said_at:
                found = scheme.assign(_without_people(x.text, begin, said_at.start(), mentioned),
                                      context=x.text[floor:begin])
        found = found or scheme.assign(_without_people(x.text, begin, end, mentioned),
                                       context=x.text[floor:begin])
        k = max(bisect.bisect_right(item_starts, q.span.start) - 1, 0)
        if k not in item_topics:
            it_title = x.items[k].title if x.items and x.items[k].title else ""
            item_topics[k] = [(m.concept, m.words) for m in scheme.assign(it_title)] if k else title_topics
            if not it_title.strip() or _names_body(it_title):  # no subject printed: read the opening words
                it_start = (x.items[k].span.end if it_title else x.items[k].span.start) if x.items else 0
                item_topics[k] = _intro_topics(scheme, x, it_start, first_asked[k], mentioned)
                introduced.add(k)
        item = item_topics[k]
        scope: object = k
        lend_only = k in introduced
        h = bisect.bisect_right(heading_starts, q.span.start) - 1
        item_words_end = x.items[k].span.end if x.items else 0
        if h >= 0 and headings[h][0] >= item_words_end and headings[h][1] <= q.span.start:
            scope = (k, h)  # a heading of the item's own: its subject leads the points under it
            if h not in heading_topics:
                hs, he = headings[h]
                heading_topics[h] = [(m.concept, m.words) for m in scheme.assign(x.text[hs:he])]
            if heading_topics[h]:
                item, lend_only = heading_topics[h], False
        own = [m.concept for m in found]
        said = {m.concept: m.words for m in found}
        opening = min(found, key=lambda m: m.start).concept if found else None
        going_on = _continued(scheme, own, before[1]) if before[0] == scope else None
        if going_on:  # said in the words of what it named
            said.setdefault(going_on, found[0].words)
            own = [going_on] + [t for t in own if t != going_on]
            before = (scope, own + [t for t in before[1] if t not in own])
        elif before[0] != scope or (own and not (before[1] and set(own) <= scheme.lineage(before[1][0]))):
            before = (scope, own)  # a point naming nothing, or only broader concepts, breaks no thread
        counted = scheme.counted_as(own[0]) if own else None
        if counted and counted != own[0]:  # counted at the concern, the narrower concept kept next
            said.setdefault(counted, said[own[0]])
            own = [counted] + [t for t in own if t != counted]
        q.topics = _lead_with_item_topic(scheme, own, [t for t, _ in item], opening=opening, lend_only=lend_only)
        if item:  # an item's topic that leads: its title's (or heading's, or opening) words
            said.setdefault(scheme.counted_as(item[0][0]), item[0][1])
        q.topic_evidence = [said[t] for t in q.topics]  # by rank
    for a in x.answers:
        a.topics = [m.concept for m in scheme.assign(a.text)]
    for it in x.items:
        if it.report:
            it.report.topics = [t for t, _ in title_topics]
    for ind in x.indicators:
        ind.topics = [m.concept for m in scheme.assign(ind.name)]
