"""The streaming push sends Neo4j the same batches of rows as the whole-graph push (no server needed:
a recording driver stands in for Neo4j's)."""

from pathlib import Path

import pytest
from councilgraph.graph.export import load_graph
from councilgraph.graph.store import LadybugStore
from councilgraph.queries.neo4j import Neo4jTarget

from councilgraph import api

from .conftest import SAMPLE


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, list]] = []

    def execute_query(self, cypher, params=None, database_=None):
        self.calls.append((cypher, list((params or {}).get("rows", []))))
        return [], None, []


def _target() -> Neo4jTarget:
    t = Neo4jTarget.__new__(Neo4jTarget)
    t.driver, t.database, t.uri = _Recorder(), None, "bolt://fake"
    return t


def _sent(t: Neo4jTarget) -> dict[str, list]:
    out: dict[str, list] = {}
    for cypher, rows in t.driver.calls:
        out.setdefault(cypher, []).extend(rows)
    return {k: sorted(v, key=repr) for k, v in out.items()}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    s = tmp_path_factory.mktemp("push") / "s.lbdb"
    api.build([SAMPLE / "minutes"], s)
    return s


def test_streamed_push_sends_what_the_graph_push_sends_in_bounded_batches(store):
    whole, streamed = _target(), _target()
    counts = whole.push(load_graph(store))
    progress: list[tuple[int, int]] = []
    with LadybugStore(store) as st:
        got = streamed.push_store(st, batch=100, on_progress=lambda d, t: progress.append((d, t)))
    assert got == counts
    assert _sent(streamed) == _sent(whole)
    assert max(len(rows) for _, rows in streamed.driver.calls) <= 100
    assert progress[-1] == (sum(counts), sum(counts))
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_streamed_push_unpacks_each_documents_text_once_a_table(store, monkeypatch):
    """Edges with evidence are streamed a document at a time, so a document's text is unpacked once
    for all its edges of a table, however few texts are kept unpacked (in id order a person's edges
    run across every document: a 100,000-item store's push unpacked a text for each sentence)."""
    from councilgraph.graph import evidence
    from councilgraph.graph.schema import RELS

    calls: list[int] = []
    real = evidence.unpack_text
    monkeypatch.setattr(evidence, "unpack_text", lambda packed: calls.append(1) or real(packed))
    t = _target()
    with LadybugStore(store) as st:
        st.texts.keep = 1  # one text kept unpacked: only the order of the edges saves unpacking
        # (document, table) pairs with evidence: a text unpacked at most once each
        runs = sum(st.query(f"MATCH (:{a})-[r:{rel}]->(:{b}) RETURN count(DISTINCT r.doc)")[1][0][0]
                   for rel, (pairs, props) in RELS.items() if "sentence" in props for a, b in pairs)
        edges = st.query("MATCH ()-[r]->() WHERE r.doc IS NOT NULL RETURN count(r)")[1][0][0]
        t.push_store(st, batch=100_000)
    assert edges > 2 * runs  # several edges a run: one text unpacked an edge would show
    assert 0 < len(calls) <= runs
