"""Summary-backed named queries give exactly the rows of the traversal they replace."""

from pathlib import Path

import pytest
from councilgraph.graph.summaries import TABLE
from councilgraph.queries.run import run_query, run_traversal

from councilgraph import api
from councilgraph.corpus.generate import generate

from .conftest import SAMPLE

PARAMS = [{}, {"min_committees": 1, "min_years": 1}, {"min_committees": 3, "min_years": 99},
          {"min_committees": 99, "min_years": 2}]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("sum") / "sample.lbdb"
    api.build([SAMPLE / "minutes"], store)
    return store


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("gen")
    generate(tmp / "minutes", 400, seed=5)
    store = tmp / "gen.lbdb"
    api.build([tmp / "minutes"], store)
    return store


def _councils(store: Path) -> list[str]:
    return [r[0] for r in api.cypher("MATCH (c:Council) RETURN c.id ORDER BY c.id", store=store).rows]


@pytest.mark.parametrize("which", ["sample_store", "generated_store"])
def test_summary_queries_equal_traversal(which, request):
    store = request.getfixturevalue(which)
    councils = _councils(store)
    assert len(councils) >= 2
    with api.open_store(store) as s:
        for params in PARAMS + [{"council": c, "min_committees": 1, "min_years": 1} for c in councils]:
            got = s.query("recurring_concerns", params)
            want = run_traversal("recurring_concerns", params, store=store)
            assert got.columns == want.columns
            assert got.rows == want.rows, params
        assert s.query("recurring_concerns", {"min_committees": 1, "min_years": 1}).rows  # not vacuous
        for a, b in [(councils[0], councils[1]), (councils[1], councils[0]), (councils[0], councils[0])]:
            got = s.query("compare_councils", {"a": a, "b": b})
            assert got.rows and got.rows == run_traversal("compare_councils", {"a": a, "b": b}, store=store).rows


@pytest.mark.parametrize("which", ["sample_store", "generated_store"])
def test_person_profile_from_its_summary_equals_the_traversal(which, request):
    """Issue 10: person_profile reads the person summary (kept at build time), not every question
    the person asked; the rows are the traversal's for every person, and for name fragments that
    match several people or none."""
    store = request.getfixturevalue(which)
    with api.open_store(store) as s:
        people = [r[0] for r in s.cypher("MATCH (p:Person) RETURN p.id ORDER BY p.id").rows]
        names = [r[0] for r in s.cypher("MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT 5").rows]
        asked = 0
        for person in people + [n.split()[-1].lower() for n in names if n] + ["", "no such person"]:
            got = s.query("person_profile", {"person": person})
            want = run_traversal("person_profile", {"person": person}, store=s._store)
            assert got.columns == want.columns
            assert got.rows == want.rows, person
            asked += sum(1 for r in got.rows if r[5])
        assert asked >= 3  # not vacuous: people who asked questions, with their committees and topics


def test_summary_table_is_used_and_a_store_without_it_falls_back(tmp_path, sample_store):
    import ladybug as lb

    store = tmp_path / "old.lbdb"
    api.build([SAMPLE / "minutes"], store)
    n = api.cypher(f"MATCH (s:{TABLE}) RETURN count(s)", store=store).rows[0][0]
    assert n > 0
    want = run_query("recurring_concerns", {}, store=sample_store).rows
    db = lb.Database(str(store))
    conn = lb.Connection(db)
    conn.execute(f"DROP TABLE {TABLE}")
    conn.close()
    db.close()
    assert run_query("recurring_concerns", {}, store=store).rows == want  # by traversal now


def test_open_store_runs_cypher_and_named_queries(sample_store):
    with api.open_store(sample_store) as s:
        assert s.cypher("MATCH (c:Council) RETURN count(c)").rows[0][0] >= 2
        assert s.query("recurring_concerns").rows == api.query("recurring_concerns", store=sample_store).rows


def test_rows_found_one_id_at_a_time_are_those_of_one_in_list(sample_store, monkeypatch):
    """`summaries.by_ids` asks for a few ids one primary-key lookup each and for many with `IN`
    lists: both give the same rows (and a query it cannot rewrite is refused)."""
    import ladybug as lb
    from councilgraph.graph import summaries

    db = lb.Database(str(sample_store), read_only=True)
    conn = lb.Connection(db)
    try:
        questions = [r[0] for r in conn.execute("MATCH (q:Question) RETURN q.id ORDER BY q.id").get_all()]
        assert len(questions) > 100
        got = {}
        for few in (10_000, 0):  # one at a time, then all in one list
            monkeypatch.setattr(summaries, "_FEW", few)
            got[few] = [sorted(map(repr, d.items())) for d in summaries._question_facts(conn, questions)]
        assert got[10_000] == got[0] and all(got[0])
        with pytest.raises(ValueError):
            summaries.by_ids(conn, "MATCH (q:Question) WHERE q.id = $i RETURN q.id", questions)
    finally:
        conn.close()
        db.close()
