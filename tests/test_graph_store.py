"""Build, rebuild, update, export: the store behaves as users rely on."""

import io
import shutil
from pathlib import Path

import pytest
from councilgraph.graph.store import check_params, ddl

from councilgraph import api
from councilgraph.errors import QueryError, StoreError

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("store") / "sample.lbdb"
    api.build([SAMPLE / "minutes"], store)
    return store


def _json(store: Path) -> str:
    buf = io.StringIO()
    api.export(store, "json", buf)
    return buf.getvalue()


def test_schema_ddl_declares_every_table():
    stmts = ddl()
    assert sum(s.startswith("CREATE NODE TABLE") for s in stmts) == 15  # the schema's 14 and StoreInfo
    assert any("CREATE REL TABLE ASKED(FROM Person TO Question, as_post STRING" in s for s in stmts)
    # evidence by reference: no sentence stored on any edge, each document's text once
    assert not any("sentence" in s for s in stmts)
    assert any(s.startswith("CREATE NODE TABLE Document(") and "text_z BLOB" in s for s in stmts)


def test_rebuild_is_byte_identical_and_skips_unchanged(tmp_path, sample_store):
    store = tmp_path / "again.lbdb"
    report = api.build([SAMPLE / "minutes"], store)
    assert (report.documents, report.extracted) == (50, 50)
    assert _json(store) == _json(sample_store)
    again = api.build([SAMPLE / "minutes"], store)
    assert (again.extracted, again.unchanged) == (0, 50)
    assert _json(store) == _json(sample_store)


def test_adding_changing_and_removing_a_file(tmp_path):
    src = tmp_path / "minutes"
    shutil.copytree(SAMPLE / "minutes", src)
    store = tmp_path / "s.lbdb"
    api.build([src], store)
    before = api.load_graph(store)
    extra = src / "zz_new.txt"
    extra.write_text("Agenda item\n\nLibrary Opening Hours\n\nMinutes:\n\nCouncillor Nadia Voss asked why "
                     "library opening hours had been reduced.\n\nThe Head of Culture explained that staffing "
                     "had been reviewed.\n\nResolved: That the report be noted.\n")
    report = api.build([src], store)
    assert (report.extracted, report.unchanged) == (1, 50)
    after = api.load_graph(store)
    added = set(after.nodes) - set(before.nodes)
    assert set(before.nodes) <= set(after.nodes)
    added_types = {after.nodes[n]["type"] for n in added}
    assert {"AgendaItem", "Document", "Question", "Answer", "Person"} <= added_types
    assert added_types <= {"AgendaItem", "Answer", "Document", "Meeting", "Person", "Post", "Question",
                           "Resolution", "Committee", "Council", "Topic"}
    extra.write_text(extra.read_text().replace("library opening hours", "the mobile library"))
    assert api.build([src], store).extracted == 1
    extra.unlink()
    report = api.build([src], store)
    assert (report.documents, report.removed) == (50, 1)
    assert set(api.load_graph(store).nodes) == set(before.nodes)


def test_failed_build_leaves_previous_store_usable(tmp_path, sample_store, monkeypatch):
    store = tmp_path / "keep.lbdb"
    shutil.copyfile(sample_store, store)
    before = _json(store)
    import councilgraph.graph.store as st

    monkeypatch.setattr(st, "ddl", lambda: ["CREATE NODE TABLE Broken(id STRING, end INT64, PRIMARY KEY(id))"])
    with pytest.raises(StoreError, match="previous store left unchanged"):
        api.build([SAMPLE / "minutes"], store)
    assert _json(store) == before
    assert not list(tmp_path.glob(".cg-build-*"))


def test_every_fact_edge_carries_evidence(sample_store):
    g = api.load_graph(sample_store)
    for _src, _dst, a in g.edges(data=True):
        if a["type"] in ("ASKED", "ANSWERED", "REPORTED", "ATTENDED"):
            doc = Path(a["doc"]).read_text(encoding="utf-8") if a["doc"].endswith(".txt") else None
            assert a["sentence"]
            if doc is not None:
                assert doc.replace("\r\n", "\n")[a["span_start"]:a["span_end"]] in a["sentence"]


def test_networkx_subgraph_by_topic_and_years(sample_store):
    g = api.load_graph(sample_store, topic="potholes", years=(2023, 2024))
    labels = {a["type"] for _, a in g.nodes(data=True)}
    assert {"Topic", "Question", "Person"} <= labels
    assert all(a.get("municipal_year") in (None, 2023, 2024) for _, a in g.nodes(data=True)
               if a["type"] == "Question")


def test_rdf_export_parses(sample_store):
    from rdflib import Graph

    buf = io.StringIO()
    api.export(sample_store, "turtle", buf)
    g = Graph().parse(data=buf.getvalue(), format="turtle")
    assert len(g) > 3000


def test_missing_parameter_is_an_error_not_an_empty_result(sample_store):
    with pytest.raises(QueryError, match=r"missing parameter\(s\): \$who"):
        api.cypher("MATCH (p:Person) WHERE p.name = $who RETURN p.id", {}, store=sample_store)
    with pytest.raises(QueryError, match="needs --param person=VALUE"):
        api.query("person_profile", {}, store=sample_store)
    check_params("RETURN 1", {})


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        api.query("recurring_concerns", store=tmp_path / "nope.lbdb")


def test_csv_fields_with_semicolons_and_commas_load(tmp_path):
    """Regression: the store's CSV dialect must not be sniffed (rows like "a; b, c" fooled it)."""
    from councilgraph.graph.model import Edge, Node
    from councilgraph.graph.store import LadybugStore, write_store

    rows = [Node("Topic", "topic/t", {"name": "T", "uri": "u", "depth": 1})]
    for i in range(600):
        words = "backlog; delays" if i < 500 else 'backlog; education, health and "care" plans'
        rows.append(Node("Question", f"q{i}", {"text": f"text {i}, with; both", "doc": "d", "span_start": 0,
                                               "span_end": 1}))
        rows.append(Edge("ABOUT", "Question", f"q{i}", "Topic", "topic/t", {"rank": 0, "words": words}))
    write_store(rows, tmp_path / "s.lbdb")
    with LadybugStore(tmp_path / "s.lbdb") as st:
        _, got = st.query("MATCH (q:Question)-[a:ABOUT]->(t:Topic) WHERE q.id = 'q599' RETURN a.words, q.text")
    assert got == [['backlog; education, health and "care" plans', "text 599, with; both"]]


def test_candidate_topics_are_recurring_phrases_outside_the_scheme(sample_store):
    found = dict(api.candidate_topics(sample_store, min_docs=3, limit=100))
    assert found and all(n >= 3 for n in found.values())
    from councilgraph.graph.topics import default_scheme
    assert not any(default_scheme().find(phrase) for phrase in found)


def test_tables_loaded_a_chunk_at_a_time_give_the_same_store(tmp_path, sample_store, monkeypatch):
    """A large table is COPYed in chunks (one statement each) so a build needs the buffer pool of a
    chunk, not of the table: chunks of 4 KB give the store one COPY a table gives."""
    from councilgraph.graph import store as store_mod

    copied: list[str] = []
    real_copy = store_mod.copy_files

    def spy(conn, folder, parts):
        copied.extend(name for _, name in parts)
        return real_copy(conn, folder, parts)

    monkeypatch.setattr(store_mod, "copy_files", spy)
    monkeypatch.setenv("COUNCILGRAPH_COPY_CHUNK_KB", "4")
    store = tmp_path / "chunked.lbdb"
    api.build([SAMPLE / "minutes"], store)
    assert len(copied) > len({name.split(".")[0] for name in copied}) + 10  # many tables came in several chunks
    assert _json(store) == _json(sample_store)


def test_evidence_is_kept_by_reference_and_read_back_as_words(sample_store):
    """Issue 10: no edge stores its sentence; each document's text is stored once and the sentence
    is the paragraph around the edge's span in it, the same words whether read by export, by a named
    query or by a user's `RETURN r.sentence`."""
    from councilgraph.graph.evidence import sentence
    from councilgraph.graph.store import LadybugStore

    g = api.load_graph(sample_store)
    by_edge = {(s, d, a["span_start"]): a["sentence"] for s, d, a in g.edges(data=True)
               if a["type"] == "ASKED"}
    assert len(by_edge) > 50
    with LadybugStore(sample_store) as st:
        cols, rows = st.query("MATCH (p:Person)-[r:ASKED]->(q:Question) RETURN p.id AS pid, q.id AS qid, "
                              "r.span_start AS s, r.sentence AS evidence, 'r.sentence' AS literal ORDER BY qid")
        assert cols == ["pid", "qid", "s", "evidence", "literal"]
        assert {(p, q, s): e for p, q, s, e, _ in rows} == by_edge
        assert {r[4] for r in rows} == {"r.sentence"}  # a string is not touched
        _, docs = st.query("MATCH (d:Document) RETURN d.source, d.text_z LIMIT 3")
        for source, packed in docs:  # the text itself, once: the file's decoded text
            assert st.texts.text(source) == Path(source).read_text(encoding="utf-8").replace("\r\n", "\n")
            assert isinstance(packed, bytes) and len(packed) < Path(source).stat().st_size
        with pytest.raises(QueryError, match="sentences are not stored"):
            st.query("MATCH ()-[r:ASKED]->() WHERE r.sentence CONTAINS 'asked' RETURN count(*)")
    for (_p, _q, start), said in list(by_edge.items())[:5]:
        assert said and start is not None
    text = "Item 4\nCllr Oakes asked about the bins.\nThe officer replied.\n"
    assert sentence(text, text.index("asked"), text.index("bins")) == "Cllr Oakes asked about the bins."
    evidence = api.query("topic_indicators", {"topic": "potholes"}, store=sample_store)
    assert evidence.rows and all(r[evidence.columns.index("evidence")] for r in evidence.rows)


def test_a_store_of_an_earlier_layout_is_refused_with_a_message(tmp_path, sample_store):
    import ladybug as lb
    from councilgraph.graph.store import INFO

    store = tmp_path / "old.lbdb"
    shutil.copyfile(sample_store, store)
    db = lb.Database(str(store))
    conn = lb.Connection(db)
    conn.execute(f"DROP TABLE {INFO}")  # as a store written before the schema was versioned
    conn.close()
    db.close()
    with pytest.raises(StoreError, match="rebuild it with `councilgraph build"):
        api.query("recurring_concerns", store=store)
    with pytest.raises(StoreError, match="store schema 1"):
        api.export(store, "json", io.StringIO())


def test_a_cache_of_an_earlier_layout_is_started_again(tmp_path):
    import sqlite3

    from councilgraph.graph.cache import FILE, VERSION, ExtractionCache

    folder = tmp_path / "s.lbdb.cache"
    folder.mkdir()
    old = sqlite3.connect(folder / FILE)  # an earlier layout: no version, parts of another form
    old.execute("CREATE TABLE extraction(rowid INTEGER PRIMARY KEY, key TEXT UNIQUE, parts BLOB)")
    old.execute("INSERT INTO extraction(key, parts) VALUES ('k', x'00')")
    old.commit()
    old.close()
    cache = ExtractionCache(folder)
    assert len(cache) == 0 and "k" not in cache
    cache.close()
    db = sqlite3.connect(folder / FILE)
    assert db.execute("SELECT v FROM meta WHERE k = 'version'").fetchone() == (str(VERSION),)
    assert db.execute("PRAGMA page_size").fetchone()[0] == 32768
