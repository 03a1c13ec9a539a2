"""Summary tables kept at build time, so that the named queries over concerns do not walk the graph.

`recurring_concerns` and `compare_councils` aggregate every question in the store through a five-hop
traversal (topic <- question -> item -> meeting -> committee -> council): their cost grows with the
corpus although their answer does not. At build time, once the new store is loaded, that same
traversal, run a committee at a time, fills the `ConcernSummary` table, one row per topic x
committee x municipal year x council with the number of questions, the askers' names and the first and last meeting
dates. The queries then read a few thousand summary rows instead of every question, and roll them
up in Python (`recurring_concerns_from_summary`, `compare_councils_from_summary`) into exactly the
rows the traversal gives (tests/test_summaries.py compares them).

Why the roll-up is exact: a question has one rank-0 topic and is raised at one item of one meeting
of one committee of one council, so each question falls in exactly one summary row; question counts
add up, and the DISTINCT sets (committee names, council names, years, askers) are unions of the
rows' sets. The table is not part of `graph.schema` (it is derived, not data): exports and Neo4j
pushes do not carry it, and a store built before it existed is queried by traversal as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

TABLE = "ConcernSummary"

_DDL = (f"CREATE NODE TABLE {TABLE}(id STRING, topic STRING, label STRING, council_id STRING, council STRING, "
        "committee_id STRING, committee STRING, year INT64, questions INT64, askers STRING, first_date STRING, "
        "last_date STRING, PRIMARY KEY(id))")

_INSERT = (f"UNWIND $rows AS r CREATE (:{TABLE} {{id: r.id, topic: r.topic, label: r.label, "
           "council_id: r.council_id, council: r.council, committee_id: r.committee_id, committee: r.committee, "
           "year: r.year, "
           "questions: r.questions, askers: r.askers, first_date: r.first_date, last_date: r.last_date})")


def build_summaries(conn: Any, batch: int = 5000) -> int:
    """Fill the summary table of a freshly loaded store through an open read-write connection.

    One committee at a time, not in one traversal of every question: the store library holds a
    query's joins and DISTINCT sets in its bounded buffer pool, so a single pass needs pool in
    proportion to the corpus (a 1,000,000-item build ran out of a 768 MB pool in it), while one
    committee's pass needs the pool of one committee. Each question falls in one committee's rows,
    so the table is the one a single pass gives."""
    conn.execute(_DDL)
    return _fill_committees(conn, _ALL_COMMITTEES, {}, batch)


def refresh_summaries(conn: Any, councils: list[str], batch: int = 5000) -> int:
    """Recompute the summary rows of some councils (an incremental build's): a council's rows
    depend only on its own questions, meetings and people, so the others' rows stand."""
    if not councils:
        return 0
    conn.execute(f"MATCH (s:{TABLE}) WHERE s.council_id IN $c DELETE s", {"c": councils})
    return _fill_committees(conn, "MATCH (c:Committee)-[:OF_COUNCIL]->(co:Council) WHERE co.id IN $c "
                                  "RETURN c.id ORDER BY c.id", {"c": councils}, batch)


def _fill_committees(conn: Any, committees: str, params: dict[str, Any], batch: int) -> int:
    """The summary rows of every committee the `committees` query returns, one committee's traversal
    at a time (see `build_summaries`)."""
    n = 0
    for (committee,) in _all(conn, committees, params):
        n += _fill(conn, _GROUP.format(year="true"), {"c": committee}, batch)
    return n


# One group's traversal, started from its committee (the store finds it by id), not from every question.
_GROUP = """
MATCH (c:Committee {{id: $c}})<-[:OF_COMMITTEE]-(m:Meeting)<-[:AT_MEETING]-(i:AgendaItem)<-[:RAISED_AT]-(q:Question)
      -[ab:ABOUT]->(t:Topic)
WHERE ab.rank = 0 AND {year}
MATCH (c)-[:OF_COUNCIL]->(co:Council)
OPTIONAL MATCH (p:Person)-[:ASKED]->(q)
RETURN t.id, t.name, co.id, co.name, c.id, c.name, m.municipal_year, count(DISTINCT q),
       collect(DISTINCT p.name), min(m.date), max(m.date)"""

# What some new questions are about, where they were raised and who asked them: read in three small
# steps and grouped in Python by both deltas (`_delta_groups`, `_person_aggregates`). One traversal of
# all five hops with the askers joined on made the store library build hash tables over whole
# tables, and a 1,000,000-item store's incremental build ran out of its pool there.
_Q_TOPICS = "MATCH (q:Question)-[ab:ABOUT]->(t:Topic) WHERE q.id IN $ids AND ab.rank = 0 RETURN q.id, t.id, t.name"
_Q_PLACES = """
MATCH (q:Question)-[:RAISED_AT]->(:AgendaItem)-[:AT_MEETING]->(m:Meeting)-[:OF_COMMITTEE]->(c:Committee)
      -[:OF_COUNCIL]->(co:Council)
WHERE q.id IN $ids
RETURN q.id, co.id, co.name, c.id, c.name, m.municipal_year, m.date"""
_Q_ASKERS = "MATCH (p:Person)-[:ASKED]->(q:Question) WHERE q.id IN $ids RETURN q.id, p.id, p.name"
_CHUNK = 5000


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


_FEW = 100


def by_ids(conn: Any, query: str, ids: Iterable[str]) -> list[list[Any]]:
    """The rows of `query`, which finds its nodes by `x.id IN $ids`, for some ids. The store reads
    the whole table for an `IN` (50-130 ms a query at 100,000 items, whatever the number of ids,
    and ten times that at a million) but finds `x.id = $i` by its primary key (0.2-1 ms): an
    incremental build asks about a few dozen questions and answers, one at a time; more go in
    chunks of an `IN`."""
    if query.count(" IN $ids") != 1:
        raise ValueError(f"by_ids needs one 'IN $ids' in {query!r}")
    wanted = sorted(set(ids))
    if len(wanted) <= _FEW:
        one = query.replace(" IN $ids", " = $i")
        return [row for i in wanted for row in _all(conn, one, {"i": i})]
    return [row for chunk in _chunks(wanted) for row in _all(conn, query, {"ids": chunk})]


def _question_facts(conn: Any, question_ids: list[str]) -> tuple[dict[str, list[tuple]], ...]:
    """question id -> its (topic id, label) of rank 0, its (council id, council, committee id,
    committee, municipal year, date) places, and its (person id, name) askers."""
    topics: dict[str, list[tuple]] = {}
    places: dict[str, list[tuple]] = {}
    askers: dict[str, list[tuple]] = {}
    for out, query in ((topics, _Q_TOPICS), (places, _Q_PLACES), (askers, _Q_ASKERS)):
        for qid, *facts in by_ids(conn, query, question_ids):
            out.setdefault(qid, []).append(tuple(facts))
    return topics, places, askers


def summary_facts(conn: Any, questions: dict[str, tuple], answers: dict[str, tuple]) -> tuple[list, list]:
    """Everything both summaries read of some questions and answers, each named by `questions[id]`
    and `answers[id]` (its document's source and place) instead of its id: the questions' rank-0
    topics, places and askers, and who gave the answers. A document changed without changing any of
    this (a typo, a figure, a line added) gives the same facts under other ids, and the summary rows,
    aggregates over such facts, are then what they were (`incremental.apply` compares the leaving and
    entering documents' facts)."""
    topics, places, askers = _question_facts(conn, sorted(questions))
    q_facts = sorted(((questions[q], sorted(topics.get(q, ()), key=repr), sorted(places.get(q, ()), key=repr),
                       sorted(askers.get(q, ()), key=repr)) for q in questions), key=repr)
    a_facts = [(answers[aid], pid) for pid, aid in by_ids(
        conn, "MATCH (p:Person)-[:ANSWERED]->(a:Answer) WHERE a.id IN $ids RETURN p.id, a.id", answers)]
    return q_facts, sorted(a_facts, key=repr)


def _delta_groups(conn: Any, question_ids: list[str]) -> list[tuple]:
    """The summary groups of some questions, as the committee traversal (`_GROUP`) reports them:
    (topic id, label, council id, council, committee id, committee, year, questions, askers,
    first date, last date), counted over these questions only."""
    topics, places, askers = _question_facts(conn, question_ids)
    groups: dict[tuple, list[Any]] = {}
    for qid, about in topics.items():
        names = {name for _pid, name in askers.get(qid, ()) if name is not None}
        for tid, label in about:
            for coid, coname, cid, cname, year, date in places.get(qid, ()):
                g = groups.setdefault((tid, label, coid, coname, cid, cname, year), [set(), set(), None, None])
                g[0].add(qid)
                g[1] |= names
                g[2], g[3] = _min(g[2], date), _max(g[3], date)
    return [(*key, len(qs), sorted(names), first, last)
            for key, (qs, names, first, last) in sorted(groups.items(), key=lambda kv: json.dumps(kv[0], default=str))]


def refresh_groups(conn: Any, groups: set[tuple[str, int | None]], batch: int = 5000) -> int:
    """Recompute the summary rows of some (committee id, municipal year) groups: what an incremental
    build touched. Each question falls in one group, so the other groups' rows stand."""
    n = 0
    for committee, year in sorted(groups, key=lambda g: (g[0], g[1] is None, g[1] or 0)):
        year_is = "s.year IS NULL" if year is None else "s.year = $y"
        params: dict[str, Any] = {"c": committee} if year is None else {"c": committee, "y": year}
        conn.execute(f"MATCH (s:{TABLE}) WHERE s.committee_id = $c AND {year_is} DELETE s", params)
        where = "m.municipal_year IS NULL" if year is None else "m.municipal_year = $y"
        n += _fill(conn, _GROUP.format(year=where), params, batch)
    return n


def add_questions(conn: Any, question_ids: list[str]) -> None:
    """Add new questions to the summaries (an incremental build that only added documents, with no
    person, committee or council renamed): counts add up, askers and years are unions, dates are
    minimum and maximum, so the rows are those a recomputation gives."""
    if not question_ids:
        return
    got = _delta_groups(conn, question_ids)
    keys = [json.dumps([r[2], r[4], r[0], r[6]]) for r in got]
    old = {r[0]: r[1:] for r in conn.execute(f"MATCH (s:{TABLE}) WHERE s.id IN $ids RETURN s.id, s.questions, "
                                             "s.askers, s.first_date, s.last_date", {"ids": keys}).get_all()}
    fresh = []
    for key, (tid, label, coid, coname, cid, cname, year, questions, askers, first, last) in zip(keys, got,
                                                                                             strict=True):
        names = {a for a in askers if a is not None}
        if key in old:
            n, had, f, la = old[key]
            conn.execute(f"MATCH (s:{TABLE} {{id: $id}}) SET s.questions = $q, s.askers = $a, s.first_date = $f, "
                         "s.last_date = $l", {"id": key, "q": n + questions,
                                              "a": json.dumps(sorted(names | set(json.loads(had))), ensure_ascii=False),
                                              "f": _min(f, first), "l": _max(la, last)})
        else:
            fresh.append({"id": key, "topic": tid, "label": label, "council_id": coid, "council": coname,
                          "committee_id": cid, "committee": cname, "year": year, "questions": questions,
                          "askers": json.dumps(sorted(names), ensure_ascii=False), "first_date": first,
                          "last_date": last})
    if fresh:
        conn.execute(_INSERT, {"rows": fresh})


def _fill(conn: Any, query: str, params: dict[str, Any], batch: int) -> int:
    result = conn.execute(query, params)
    rows = []
    n = 0
    while result.has_next():
        (tid, label, coid, coname, cid, cname, year, questions, askers, first, last) = result.get_next()
        n += 1
        # the id names the row's group, so a refresh of one council never collides with another's
        rows.append({"id": json.dumps([coid, cid, tid, year]), "topic": tid, "label": label, "council_id": coid,
                     "council": coname, "committee_id": cid,
                     "committee": cname, "year": year, "questions": questions,
                     "askers": json.dumps(sorted(a for a in askers if a is not None), ensure_ascii=False),
                     "first_date": first, "last_date": last})
        if len(rows) >= batch:
            conn.execute(_INSERT, {"rows": rows})
            rows = []
    if rows:
        conn.execute(_INSERT, {"rows": rows})
    return n


def has_summaries(store: Any) -> bool:
    """Whether an open `LadybugStore` holds the summary table (stores built before it do not)."""
    cached = getattr(store, "_has_summaries", None)
    if cached is None:
        _, rows = store.query("CALL show_tables() RETURN name")
        cached = any(r[0] == TABLE for r in rows)
        store._has_summaries = cached
    return cached


_READ = (f"MATCH (s:{TABLE}) WHERE $council = '' OR s.council_id = $council "
         "RETURN s.topic, s.label, s.council_id, s.council, s.committee, s.year, s.questions, s.askers, "
         "s.first_date, s.last_date")


def _min(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else min(a, b)


def _max(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else max(a, b)


_RC_COLUMNS = ["topic", "label", "questions", "n_committees", "n_years", "n_councils", "committees", "councils",
               "years", "askers", "first_year", "last_year", "first_date", "last_date"]


def recurring_concerns_from_summary(store: Any, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    _, rows = store.query(_READ, {"council": params["council"]})
    acc: dict[str, dict[str, Any]] = {}
    for tid, label, _coid, coname, cname, year, questions, askers, first, last in rows:
        a = acc.get(tid)
        if a is None:
            a = acc[tid] = {"label": label, "questions": 0, "committees": set(), "councils": set(), "years": set(),
                            "askers": set(), "first_date": None, "last_date": None}
        a["questions"] += questions
        if cname is not None:
            a["committees"].add(cname)
        if coname is not None:
            a["councils"].add(coname)
        if year is not None:
            a["years"].add(year)
        a["askers"].update(json.loads(askers))
        a["first_date"] = _min(a["first_date"], first)
        a["last_date"] = _max(a["last_date"], last)
    out = []
    for tid, a in acc.items():
        if len(a["committees"]) < params["min_committees"] and len(a["years"]) < params["min_years"]:
            continue
        years = sorted(a["years"])
        out.append([tid, a["label"], a["questions"], len(a["committees"]), len(years), len(a["councils"]),
                    sorted(a["committees"]), sorted(a["councils"]), years, sorted(a["askers"]),
                    years[0] if years else None, years[-1] if years else None, a["first_date"], a["last_date"]])
    out.sort(key=lambda r: (-r[3], -r[4], -r[2], r[0]))
    return list(_RC_COLUMNS), out


def compare_councils_from_summary(store: Any, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    a_id, b_id = params["a"], params["b"]
    _, rows = store.query(f"MATCH (s:{TABLE}) WHERE s.council_id = $a OR s.council_id = $b "
                          "RETURN s.topic, s.label, s.council_id, s.questions", {"a": a_id, "b": b_id})
    acc: dict[str, list[Any]] = {}
    for tid, label, coid, questions in rows:
        r = acc.setdefault(tid, [tid, label, 0, 0])
        if coid == a_id:
            r[2] += questions
        if coid == b_id:
            r[3] += questions
    out = [[tid, label, a, b, a + b] for tid, label, a, b in acc.values()]
    out.sort(key=lambda r: (-r[4], r[0]))
    return ["topic", "label", "council_a", "council_b", "total"], out


# -- one person's questions, answers, committees and topics: what `person_profile` reads -------------------

PERSON_TABLE = "PersonSummary"
_PERSON_DDL = (f"CREATE NODE TABLE {PERSON_TABLE}(id STRING, questions INT64, answers INT64, committees STRING, "
               "topics STRING, PRIMARY KEY(id))")

# person_profile's three traversals, grouped by person in Python: some new questions' from their
# facts (`_question_facts`); people's asked counts a committee at a time, started from the
# committee, the one form whose pool is bounded (a chunk of people is no bound: a few people can
# ask most of a corpus's questions, and a 1,000,000-item build ran out of 768 MB that way)
_P_ASKED_AT = """
MATCH (c:Committee {{id: $c}})<-[:OF_COMMITTEE]-(:Meeting)<-[:AT_MEETING]-(:AgendaItem)<-[:RAISED_AT]-(q:Question)
      <-[:ASKED]-(p:Person)
{where}
RETURN p.id, c.name, count(DISTINCT q)"""
_ALL_COMMITTEES = "MATCH (c:Committee) RETURN c.id ORDER BY c.id"
_THEIR_COMMITTEES = """
MATCH (p:Person)-[:OF_COUNCIL]->(:Council)<-[:OF_COUNCIL]-(c:Committee)
WHERE p.id IN $ids
RETURN DISTINCT c.id ORDER BY c.id"""
_P_ANSWERED = """
MATCH (p:Person)-[:ANSWERED]->(a:Answer)
{where}
RETURN p.id, count(DISTINCT a)"""
_P_TOPICS = """
MATCH (p:Person)-[:ASKED]->(q:Question)-[ab:ABOUT]->(t:Topic)
WHERE ab.rank = 0 {and_where}
RETURN p.id, collect(DISTINCT t.name)"""

Row = Callable[[str], list[Any]]  # a person's [questions, answers, committees, topics], made if new


def _person_aggregates(conn: Any, people: list[str] | None = None, questions: list[str] | None = None,
                       answers: list[str] | None = None) -> dict[str, list[Any]]:
    """person id -> [questions, answers, committees, topics] over all of some people's questions and
    answers (`people`), or over only the given questions and answers: what person_profile's
    traversals give (a question counts where it reaches a committee; topics are its first ones)."""
    out: dict[str, list[Any]] = {}

    def row(pid: str) -> list[Any]:
        return out.setdefault(pid, [0, 0, [], []])

    if people is not None:
        for chunk in _chunks(sorted(set(people))):
            ids = {"ids": chunk}
            _asked_by_committee(conn, _THEIR_COMMITTEES, ids, "WHERE p.id IN $ids", row)
            _topics_and_answers(conn, chunk, row)
        return out
    topics, places, askers = _question_facts(conn, questions or [])
    asked: dict[str, set[str]] = {}
    for qid, who in askers.items():
        for pid, _name in who:
            asked.setdefault(pid, set()).add(qid)
    for pid, qs in asked.items():
        placed = [q for q in qs if q in places]
        if placed:
            r = row(pid)
            r[0] = len(placed)
            r[2] = sorted({place[3] for q in placed for place in places[q] if place[3] is not None})
        named = {label for q in qs for _tid, label in topics.get(q, ()) if label is not None}
        if named:
            row(pid)[3] = sorted(named)
    for pid, n in by_ids(conn, _P_ANSWERED.format(where="WHERE a.id IN $ids"), answers or []):
        row(pid)[1] += n  # (each answer counted once: one id, or distinct ids in a chunk)
    return out


def _asked_by_committee(conn: Any, committees: str, params: dict[str, Any], where: str, row: Row) -> None:
    """People's asked counts and committees, one committee's traversal at a time (the committees the
    `committees` query returns). Each question is in one committee, so the counts add up."""
    named: dict[str, set[Any]] = {}
    for (committee,) in _all(conn, committees, params):
        for pid, name, n in _all(conn, _P_ASKED_AT.format(where=where), {**params, "c": committee}):
            row(pid)[0] += n
            if name is not None:  # as collect() leaves out a committee with no name
                named.setdefault(pid, set()).add(name)
    for pid, names in named.items():
        row(pid)[2] = sorted(names)


def _topics_and_answers(conn: Any, people: list[str], row: Row) -> None:
    """Some people's topics and answer counts: small sets a person, read for thousands at a time."""
    ids = {"ids": people}
    for pid, topics in _all(conn, _P_TOPICS.format(and_where="AND p.id IN $ids"), ids):
        row(pid)[3] = topics
    for pid, n in _all(conn, _P_ANSWERED.format(where="WHERE p.id IN $ids"), ids):
        row(pid)[1] = n


def _all(conn: Any, query: str, params: dict[str, Any]) -> list[list[Any]]:
    result = conn.execute(query, params)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def _person_rows(aggregates: dict[str, list[Any]]) -> list[dict[str, Any]]:
    return [{"id": pid, "questions": q, "answers": a, "committees": _list_text(c), "topics": _list_text(t)}
            for pid, (q, a, c, t) in sorted(aggregates.items())]


def _list_text(values: list[Any]) -> str:
    return json.dumps(sorted(values, key=lambda v: (v is None, v or "")), ensure_ascii=False)


_P_INSERT = (f"UNWIND $rows AS r CREATE (:{PERSON_TABLE} {{id: r.id, questions: r.questions, answers: r.answers, "
             "committees: r.committees, topics: r.topics})")


def _insert_people(conn: Any, rows: list[dict[str, Any]], batch: int = 5000) -> None:
    for i in range(0, len(rows), batch):
        conn.execute(_P_INSERT, {"rows": rows[i:i + batch]})


def build_person_summaries(conn: Any, chunk: int = _CHUNK) -> int:
    """Fill the person summary table of a freshly loaded store: the asked counts and committees a
    committee at a time (see `_P_ASKED_AT`), topics and answers some thousands of people at a time."""
    conn.execute(_PERSON_DDL)
    out: dict[str, list[Any]] = {}

    def row(pid: str) -> list[Any]:
        return out.setdefault(pid, [0, 0, [], []])

    _asked_by_committee(conn, _ALL_COMMITTEES, {}, "", row)
    ids = [r[0] for r in _all(conn, "MATCH (p:Person) RETURN p.id ORDER BY p.id", {})]
    for i in range(0, len(ids), chunk):
        _topics_and_answers(conn, ids[i:i + chunk], row)
    rows = _person_rows(out)
    _insert_people(conn, rows)
    return len(rows)


def refresh_people(conn: Any, people: set[str]) -> None:
    """Recompute some people's rows from all their questions and answers (an incremental build's
    people who lost a question or answer, or whose committees or topics were renamed)."""
    ids = sorted(people)
    for i in range(0, len(ids), 5000):
        chunk = ids[i:i + 5000]
        conn.execute(f"MATCH (s:{PERSON_TABLE}) WHERE s.id IN $ids DELETE s", {"ids": chunk})
        _insert_people(conn, _person_rows(_person_aggregates(conn, people=chunk)))


def add_people_questions(conn: Any, questions: list[str], answers: list[str]) -> None:
    """Add new questions and answers to their people's rows (an incremental build that only added
    documents, nothing renamed): counts add up, committees and topics are unions, so the rows are
    those a recomputation gives (a question or answer has one asker or responder)."""
    if not questions and not answers:
        return
    delta = _person_aggregates(conn, questions=questions, answers=answers)
    if not delta:
        return
    old = {r[0]: r[1:] for r in conn.execute(
        f"MATCH (s:{PERSON_TABLE}) WHERE s.id IN $ids RETURN s.id, s.questions, s.answers, s.committees, s.topics",
        {"ids": sorted(delta)}).get_all()}
    fresh = {}
    for pid, (q, a, committees, topics) in delta.items():
        if pid in old:
            oq, oa, oc, ot = old[pid]
            conn.execute(f"MATCH (s:{PERSON_TABLE} {{id: $id}}) SET s.questions = $q, s.answers = $a, "
                         "s.committees = $c, s.topics = $t",
                         {"id": pid, "q": oq + q, "a": oa + a,
                          "c": _list_text(list(set(json.loads(oc)) | set(committees))),
                          "t": _list_text(list(set(json.loads(ot)) | set(topics)))})
        else:
            fresh[pid] = [q, a, committees, topics]
    _insert_people(conn, _person_rows(fresh))


_PROFILE = """
MATCH (p:Person)
WHERE p.id = $person OR lower(p.name) CONTAINS lower($person)
OPTIONAL MATCH (p)-[h:HOLDS]->(post:Post)
RETURN p.id, p.name, p.kind, collect({title: post.title, first_seen: h.first_seen, last_seen: h.last_seen})
ORDER BY p.id"""


def person_profile_from_summary(store: Any, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """`person_profile`: the person and its posts as the traversal reads them, the rest from the
    person summary table instead of every question the person asked."""
    _, people = store.query(_PROFILE, {"person": params["person"]})
    ids = [r[0] for r in people]
    got = {}
    if ids:
        _, rows = store.query(f"MATCH (s:{PERSON_TABLE}) WHERE s.id IN $ids RETURN s.id, s.questions, s.answers, "
                              "s.committees, s.topics", {"ids": ids})
        got = {r[0]: r[1:] for r in rows}
    out = []
    for pid, name, kind, posts in people:
        q, a, committees, topics = got.get(pid, (0, 0, "[]", "[]"))
        out.append([pid, name, kind, posts, json.loads(committees), q, a, json.loads(topics)])
    return ["id", "name", "kind", "posts", "committees", "questions", "answers", "topics"], out


def has_table(store: Any, table: str) -> bool:
    """Whether an open `LadybugStore` holds a derived table."""
    cached = getattr(store, "_tables", None)
    if cached is None:
        _, rows = store.query("CALL show_tables() RETURN name")
        cached = store._tables = {r[0] for r in rows}
    return table in cached
