"""Assign concepts from a SKOS scheme to questions, answers, reports and indicators.

Matching is by labels (preferred and alternative) over lightly stemmed tokens, so "caseloads",
"case loads" and "caseload" meet. The most specific concepts win: a concept is dropped when a
narrower one also matched. A concept with several broader concepts (social-worker-recruitment:
recruitment + social workers) is also matched when all its broader concepts are mentioned, one of
them in the text itself and the rest in the text or its context (the paragraph so far), because
minutes say "She also asked if recruitment had improved" right after talking about social workers.
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
        self._starts: dict[str, int] = {}  # first token -> longest label starting with it
        for key in self._index:
            self._starts[key[0]] = max(self._starts.get(key[0], 0), len(key))
        self._exact_starts: dict[str, int] = {}
        for key in self._exact:
            self._exact_starts[key[0]] = max(self._exact_starts.get(key[0], 0), len(key))
        self._ancestors: dict[str, set[str]] = {cid: self._compute_ancestors(cid) for cid in concepts}
        self._lineage = {cid: frozenset(a | {cid}) for cid, a in self._ancestors.items()}
        for cid in concepts:
            concepts[cid].depth = self._depth(cid, set())
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
        from rdflib import RDF, SKOS, Graph

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
            )
        for c in concepts.values():
            c.broader = [b for b in c.broader if b in concepts]
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

    def find(self, text: str) -> list[TopicMatch]:
        """Every label occurrence in the text, ordered by where it starts."""
        toks = tokens(text)
        norms = [t[0] for t in toks]
        raws = [t[1] for t in toks]
        out: list[TopicMatch] = []
        tables = [(self._index, norms, self._starts)]
        if _CAPS.search(text):  # acronym labels (SEND, EHCP) need two capitals in a row
            tables.append((self._exact, raws, self._exact_starts))
        for table, words, starts in tables:
            for i, w in enumerate(words):
                longest = starts.get(w)
                if not longest:
                    continue
                for n in range(min(longest, len(words) - i), 0, -1):
                    for cid in table.get(tuple(words[i : i + n]), ()):
                        s, e = toks[i][2], toks[i + n - 1][3]
                        out.append(TopicMatch(cid, s, e, text[s:e]))
        out.sort(key=lambda m: (m.start, -m.end, m.concept))
        return out

    def assign(self, text: str, context: str = "", limit: int = 5) -> list[TopicMatch]:
        """Most specific concepts for `text`, best first: deepest, then strongest match, then earliest."""
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
        for cid in candidates:
            c = self.concepts[cid]
            if all(b in covered for b in c.broader):  # at least one part is in the text: it was a candidate
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
        ranked = sorted(
            specific, key=lambda cid: (-self.concepts[cid].depth, -self._strength(first[cid]), first[cid].start, cid)
        )
        return [first[cid] for cid in ranked[:limit]]


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


# reports that range over many subjects (plans, performance, governance): their title never leads
_CONTAINERS = frozenset({"performance", "governance"})


def _lead_with_item_topic(scheme: TopicScheme, own: list[str], item: list[str]) -> list[str]:
    """A question under a specific agenda item ("Pothole Blitz", "Fly-tipping") is first about that item.

    Recurrence is counted by a question's first topic, so the points members raise under one item
    group together even when a point's own words lean elsewhere ("the highways contract"). A broad
    item (depth 0: "Performance report", "Budget") does not lead, and a narrower concept of the
    item's topic the question itself names keeps first place.
    """
    if not item:
        return own
    lead = item[0]
    if scheme.concepts[lead].depth < 1 or lead in own[:1] or scheme.lineage(lead) & _CONTAINERS:
        return own or list(item)
    if own and lead in scheme.ancestors(own[0]):
        return own
    return [lead] + [t for t in own if t != lead]


def annotate(x, scheme: TopicScheme) -> None:
    """Put topics on every question, answer, report and indicator of one Extraction.

    A question's context is its paragraph up to where it starts; a question that matches nothing
    takes the topics of its agenda item's title ("Q2 Performance Report" -> performance).
    (Tokenising each text separately measured faster than tokenising whole documents once.)
    """
    title = x.items[0].title if x.items and x.items[0].title else ""
    title_topics = [m.concept for m in scheme.assign(title)]
    item_starts = [it.span.start for it in x.items]
    item_topics: dict[int, list[str]] = {}
    for q in x.questions:
        para_start = x.text.rfind("\n", 0, q.span.start) + 1
        found = scheme.assign(q.text, context=x.text[para_start:q.span.start])
        k = max(bisect.bisect_right(item_starts, q.span.start) - 1, 0)
        if k not in item_topics:
            it_title = x.items[k].title if x.items and x.items[k].title else ""
            item_topics[k] = [m.concept for m in scheme.assign(it_title)] if k else list(title_topics)
        q.topics = _lead_with_item_topic(scheme, [m.concept for m in found], item_topics[k])
        q.topic_evidence = [m.words for m in found]
    for a in x.answers:
        a.topics = [m.concept for m in scheme.assign(a.text)]
    for it in x.items:
        if it.report:
            it.report.topics = list(title_topics)
    for ind in x.indicators:
        ind.topics = [m.concept for m in scheme.assign(ind.name)]
