"""Named Cypher queries: the questions people bring to minutes, written once for both stores.

Every query is written in the Cypher that LadybugDB and Neo4j 5 both accept: map literals rather
than projections, `EXISTS { MATCH ... }`, years stored as integers, `left()` not `substring()`,
no `labels()`/`type()` in results. tests/test_queries.py checks each one with Neo4j's own parser.
User values only ever travel as parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from councilgraph.graph.summaries import (
    PERSON_TABLE,
    TABLE,
    compare_councils_from_summary,
    person_profile_from_summary,
    recurring_concerns_from_summary,
)
from councilgraph.loaders.extract.identity import council_slug

# Questions, where and when they were raised: the spine of most queries.
_RAISED = ("(q:Question)-[:RAISED_AT]->(i:AgendaItem)-[:AT_MEETING]->(m:Meeting)-[:OF_COMMITTEE]->"
           "(c:Committee)-[:OF_COUNCIL]->(co:Council)")


def _topic_id(v: str) -> str:
    return v if v.startswith("topic/") else "topic/" + v


def _council(v: str) -> str:
    return "" if not v else ("council/" + council_slug(v, "")) if not v.startswith("council/") else v


@dataclass(frozen=True)
class NamedQuery:
    name: str
    doc: str
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)  # name -> default (None: required)
    example: str = ""
    prepare: dict[str, Callable[[str], Any]] = field(default_factory=dict)
    list_columns: tuple[str, ...] = ()  # lists to sort so output is repeatable
    # same rows from the embedded store's build-time summary tables (graph/summaries.py), if any
    summary: Callable[[Any, dict[str, Any]], tuple[list[str], list[list[Any]]]] | None = None
    summary_table: str = TABLE  # the table `summary` reads (a store without it is queried by traversal)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        from councilgraph.errors import QueryError

        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise QueryError(f"query {self.name!r} takes {', '.join(self.params) or 'no parameters'}; "
                             f"not {', '.join(unknown)}")
        out: dict[str, Any] = {}
        for k, default in self.params.items():
            if k in given:
                v = given[k]
            elif default is not None:
                v = default
            else:
                raise QueryError(f"query {self.name!r} needs --param {k}=VALUE")
            if isinstance(default, int) and not isinstance(v, int):
                try:
                    v = int(v)
                except ValueError:
                    raise QueryError(f"parameter {k} must be a whole number, not {v!r}") from None
            out[k] = self.prepare[k](v) if k in self.prepare else v
        return out


QUERIES: dict[str, NamedQuery] = {}


def _q(**kw: Any) -> NamedQuery:
    q = NamedQuery(**kw)
    QUERIES[q.name] = q
    return q


_q(name="recurring_concerns",
   doc="Concerns (a question's most specific topic) raised in at least min_committees committees or "
       "min_years municipal years: how many questions, where, when, and who asked.",
   cypher=f"""
MATCH (t:Topic)<-[ab:ABOUT]-{_RAISED}
WHERE ab.rank = 0 AND ($council = '' OR co.id = $council)
OPTIONAL MATCH (p:Person)-[:ASKED]->(q)
WITH t, count(DISTINCT q) AS questions, collect(DISTINCT c.name) AS committees,
     collect(DISTINCT co.name) AS councils, collect(DISTINCT m.municipal_year) AS years,
     collect(DISTINCT p.name) AS askers, min(m.municipal_year) AS first_year, max(m.municipal_year) AS last_year,
     min(m.date) AS first_date, max(m.date) AS last_date
WHERE size(committees) >= $min_committees OR size(years) >= $min_years
RETURN t.id AS topic, t.name AS label, questions, size(committees) AS n_committees, size(years) AS n_years,
       size(councils) AS n_councils, committees, councils, years, askers, first_year, last_year,
       first_date, last_date
ORDER BY n_committees DESC, n_years DESC, questions DESC, topic""",
   params={"min_committees": 2, "min_years": 2, "council": ""},
   prepare={"council": _council},
   list_columns=("committees", "councils", "years", "askers"),
   summary=recurring_concerns_from_summary,
   example="councilgraph query recurring_concerns --param min_committees=2 --param min_years=3")

_q(name="person_questions",
   doc="What a member asked, where and when, who answered and what they said.",
   cypher=f"""
MATCH (p:Person)-[:ASKED]->{_RAISED}
WHERE p.id = $person OR lower(p.name) CONTAINS lower($person)
OPTIONAL MATCH (r:Person)-[:ANSWERED]->(a:Answer)-[:RESPONDS_TO]->(q)
RETURN p.name AS asker, m.date AS date, c.name AS committee, i.title AS item, q.text AS question,
       collect(DISTINCT r.name) AS responders, collect(DISTINCT a.text) AS answers, q.doc AS source,
       q.span_start AS span_start
ORDER BY date, source, span_start""",
   params={"person": None}, list_columns=("responders", "answers"),
   example="councilgraph query person_questions --param person=Lomax")

_q(name="officer_answers",
   doc="What an officer (or any responder) answered, in which post, to whom.",
   cypher="""
MATCH (r:Person)-[an:ANSWERED]->(a:Answer)-[:RESPONDS_TO]->(q:Question)
WHERE r.id = $person OR lower(r.name) CONTAINS lower($person)
OPTIONAL MATCH (p:Person)-[:ASKED]->(q)
RETURN r.name AS responder, an.as_post AS as_post, q.date AS date, p.name AS asker, q.text AS question,
       a.text AS answer, a.doc AS source, a.span_start AS span_start
ORDER BY date, source, span_start""",
   params={"person": None},
   example="councilgraph query officer_answers --param person=Whitlock")

_q(name="topic_timeline",
   doc="Every question on one topic in date order, with council, committee and asker.",
   cypher=f"""
MATCH (t:Topic)<-[:ABOUT]-{_RAISED}
WHERE t.id = $topic
OPTIONAL MATCH (p:Person)-[:ASKED]->(q)
RETURN m.municipal_year AS year, m.date AS date, co.name AS council, c.name AS committee, p.name AS asker,
       q.text AS question, q.doc AS source, q.span_start AS span_start
ORDER BY year, date, source, span_start""",
   params={"topic": None}, prepare={"topic": _topic_id},
   example="councilgraph query topic_timeline --param topic=social-worker-caseloads")

_q(name="person_profile",
   doc="One person: posts held (first and last seen), committees they asked at, topics they raise.",
   cypher="""
MATCH (p:Person)
WHERE p.id = $person OR lower(p.name) CONTAINS lower($person)
OPTIONAL MATCH (p)-[h:HOLDS]->(post:Post)
WITH p, collect({title: post.title, first_seen: h.first_seen, last_seen: h.last_seen}) AS posts
OPTIONAL MATCH (p)-[:ASKED]->(q:Question)-[:RAISED_AT]->(:AgendaItem)-[:AT_MEETING]->(:Meeting)
               -[:OF_COMMITTEE]->(c:Committee)
WITH p, posts, collect(DISTINCT c.name) AS committees, count(DISTINCT q) AS questions
OPTIONAL MATCH (p)-[:ANSWERED]->(a:Answer)
WITH p, posts, committees, questions, count(DISTINCT a) AS answers
OPTIONAL MATCH (p)-[:ASKED]->(:Question)-[ab:ABOUT]->(t:Topic)
WHERE ab.rank = 0
RETURN p.id AS id, p.name AS name, p.kind AS kind, posts, committees, questions, answers,
       collect(DISTINCT t.name) AS topics
ORDER BY id""",
   params={"person": None}, list_columns=("posts", "committees", "topics"),
   summary=person_profile_from_summary, summary_table=PERSON_TABLE,
   example="councilgraph query person_profile --param person=Whitlock")

_q(name="topic_indicators",
   doc="Performance indicators on one topic: values and direction each time they were reported.",
   cypher="""
MATCH (ind:Indicator)-[:ABOUT]->(t:Topic)
WHERE t.id = $topic
MATCH (i:AgendaItem)-[r:REPORTED]->(ind)
MATCH (i)-[:AT_MEETING]->(m:Meeting)-[:OF_COMMITTEE]->(c:Committee)
RETURN ind.name AS indicator, r.item_values AS item_values, r.direction AS direction, m.date AS date,
       c.name AS committee, r.sentence AS evidence, r.doc AS source
ORDER BY indicator, date, source""",
   params={"topic": None}, prepare={"topic": _topic_id},
   example="councilgraph query topic_indicators --param topic=potholes")

_q(name="open_actions",
   doc="Follow-up actions requested of officers that are still open, by council and committee.",
   cypher="""
MATCH (i:AgendaItem)-[:REQUESTED]->(a:Action)
WHERE a.status = 'open'
MATCH (i)-[:AT_MEETING]->(m:Meeting)-[:OF_COMMITTEE]->(c:Committee)-[:OF_COUNCIL]->(co:Council)
WHERE $council = '' OR co.id = $council
RETURN co.name AS council, c.name AS committee, m.date AS date, i.title AS item, a.text AS action,
       a.doc AS source
ORDER BY council, committee, date, source, action""",
   params={"council": ""}, prepare={"council": _council},
   example="councilgraph query open_actions --param council='Northmoor County Council'")

_q(name="compare_councils",
   doc="Concerns raised at two councils side by side: questions on each topic at each council.",
   cypher=f"""
MATCH (t:Topic)<-[ab:ABOUT]-{_RAISED}
WHERE ab.rank = 0 AND (co.id = $a OR co.id = $b)
WITH t, count(DISTINCT CASE WHEN co.id = $a THEN q.id END) AS council_a,
     count(DISTINCT CASE WHEN co.id = $b THEN q.id END) AS council_b
RETURN t.id AS topic, t.name AS label, council_a, council_b, council_a + council_b AS total
ORDER BY total DESC, topic""",
   params={"a": None, "b": None}, prepare={"a": _council, "b": _council},
   summary=compare_councils_from_summary,
   example="councilgraph query compare_councils --param a=Northmoor --param b='Castlebridge City Council'")

_q(name="topic_askers",
   doc="Who raises a topic most: members ranked by questions on it (unnamed members left out).",
   cypher="""
MATCH (p:Person)-[:ASKED]->(q:Question)-[ab:ABOUT]->(t:Topic)
WHERE t.id = $topic
RETURN p.id AS id, p.name AS name, count(DISTINCT q) AS questions
ORDER BY questions DESC, name""",
   params={"topic": None}, prepare={"topic": _topic_id},
   example="councilgraph query topic_askers --param topic=potholes")
