"""Issue 9: nothing lost, nothing let in. Each test holds one promise of docs/reliability.md."""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from councilgraph.graph import store as store_mod
from councilgraph.graph.store import LadybugStore, read_state

from councilgraph import api
from councilgraph.errors import QueryError, StoreError, UsageError

from .bad_inputs import minutes


def corpus(folder: Path, ids, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in ids:
        (folder / f"m{i:03d}.txt").write_text(minutes(i, f"\nItem number {i}{extra}.\n"))
    return folder


def sources_in(store: Path) -> set[str]:
    with LadybugStore(store) as st:
        return {r[0] for r in st.query("MATCH (d:Document) RETURN d.source")[1]}


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "councilgraph.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "COLUMNS": "400"}, timeout=600)


# -- data loss ------------------------------------------------------------------------------------------

def test_mistyped_path_against_a_store_changes_nothing(tmp_path):
    store = tmp_path / "s.lbdb"
    api.build([corpus(tmp_path / "a", range(3))], store)
    before = store.read_bytes()
    with pytest.raises(UsageError, match="nothing to read"):
        api.build([tmp_path / "mistypd"], store)
    with pytest.raises(UsageError, match="nothing to read"):
        api.build([], store)
    assert store.read_bytes() == before
    assert len(sources_in(store)) == 3


def test_nothing_readable_among_files_changes_nothing(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "empty.txt").write_text("")
    with pytest.raises(UsageError, match="nothing readable"):
        api.build([tmp_path / "src"], tmp_path / "s.lbdb")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.lbdb.lock", "src"]  # the lock file only


def test_building_one_folder_keeps_the_others_until_prune(tmp_path):
    store = tmp_path / "s.lbdb"
    a, b = corpus(tmp_path / "a", range(3)), corpus(tmp_path / "b", range(3, 5))
    api.build([a], store)
    report = api.build([b], store)
    assert (report.kept, report.removed) == (3, 0)
    assert len(sources_in(store)) == 5
    before = store.read_bytes()
    dry = api.build([b], store, prune=True, dry_run=True)
    assert dry.dry_run and sorted(Path(s).name for s in dry.removed_sources) == ["m000.txt", "m001.txt", "m002.txt"]
    assert store.read_bytes() == before
    report = api.build([b], store, prune=True)
    assert report.removed == 3
    assert {Path(s).name for s in sources_in(store)} == {"m003.txt", "m004.txt"}


def test_a_file_deleted_from_a_folder_given_again_is_removed(tmp_path):
    store = tmp_path / "s.lbdb"
    a = corpus(tmp_path / "a", range(3))
    api.build([a], store)
    (a / "m001.txt").unlink()
    assert api.build([a], store).removed == 1
    assert len(sources_in(store)) == 2


def test_same_content_under_two_paths_never_fails_the_build(tmp_path):
    a = corpus(tmp_path / "a", range(2))
    (a / "copy.txt").write_bytes((a / "m000.txt").read_bytes())
    (a / "crlf.txt").write_bytes((a / "m000.txt").read_bytes().replace(b"\n", b"\r\n"))
    report = api.build([a], tmp_path / "s.lbdb")
    assert len(report.duplicates) == 2
    assert len(sources_in(tmp_path / "s.lbdb")) == 2


def test_crash_between_swap_and_state_leaves_store_and_state_agreeing(tmp_path, monkeypatch):
    store = tmp_path / "s.lbdb"
    a = corpus(tmp_path / "a", range(2))
    api.build([a], store)
    corpus(a, [7])

    def crash(_store):
        raise KeyboardInterrupt("killed after the swap")

    monkeypatch.setattr("councilgraph.graph.build.commit_state", crash)
    with pytest.raises(KeyboardInterrupt):
        api.build([a], store)
    monkeypatch.undo()
    state, agrees = read_state(store)
    assert agrees and set(state["documents"]) == sources_in(store)
    assert len(sources_in(store)) == 3


def test_crash_before_swap_keeps_old_store_and_next_build_catches_up(tmp_path, monkeypatch):
    store = tmp_path / "s.lbdb"
    a = corpus(tmp_path / "a", range(2))
    api.build([a], store)
    corpus(a, [8])
    real = os.replace

    def fail_swap(src, dst):
        if Path(dst) == store:
            raise KeyboardInterrupt("killed before the swap")
        return real(src, dst)

    monkeypatch.setattr(store_mod.os, "replace", fail_swap)
    with pytest.raises(KeyboardInterrupt):
        api.build([a], store)
    monkeypatch.undo()
    state, agrees = read_state(store)
    assert agrees and set(state["documents"]) == sources_in(store) and len(sources_in(store)) == 2
    report = api.build([a], store)
    assert report.unchanged == 3 and report.stats.nodes > 0
    assert len(sources_in(store)) == 3


def test_leftovers_of_a_dead_build_are_cleaned_and_cache_is_bounded(tmp_path):
    store = tmp_path / "s.lbdb"
    a = corpus(tmp_path / "a", range(3))
    api.build([a], store)
    (tmp_path / ".cg-build-s.lbdb-dead").mkdir()
    (tmp_path / ".cg-build-k3j_9x2q").mkdir()  # the unnamed kind older versions left
    (tmp_path / ".cg-build-s.lbdb-dead" / "x.csv").write_text("x")
    cache = Path(str(store) + ".cache")
    (cache / ("0" * 32 + ".pkl")).write_bytes(b"stale")  # the one-file-per-document cache of old versions
    (cache / "half.tmp").write_bytes(b"half")
    from councilgraph.graph.cache import ExtractionCache

    stale = ExtractionCache(cache)
    stale.put("f" * 32, (b"", {}))  # an entry for a document the store does not hold
    stale.close()
    api.build([a], store)
    assert not list(tmp_path.glob(".cg-build-*"))
    assert not list(cache.glob("*.pkl")) and not list(cache.glob("*.tmp"))
    kept = ExtractionCache(cache)
    assert len(kept) == 3 and "f" * 32 not in kept
    kept.close()


def test_second_build_of_one_store_names_the_builder(tmp_path):
    store = tmp_path / "s.lbdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from councilgraph.graph.store import store_lock\n"
         f"with store_lock(Path({str(store)!r})):\n    print('locked', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match=f"being built by process {holder.pid}"):
            api.build([corpus(tmp_path / "a", range(1))], store)
    finally:
        holder.communicate("")
    assert not store.exists()
    api.build([tmp_path / "a"], store)  # released: the next build runs
    assert len(sources_in(store)) == 1


def test_store_path_with_quotes_builds(tmp_path):
    store = tmp_path / "o'brien's minutes\\x" / "s.lbdb"
    api.build([corpus(tmp_path / "a", range(2))], store)
    assert len(sources_in(store)) == 2


# -- the kill test ----------------------------------------------------------------------------------------

def test_kill_9_at_random_moments_store_and_state_always_agree(tmp_path):
    store = tmp_path / "k.lbdb"
    src = corpus(tmp_path / "src", range(4))
    api.build([src], store)
    rng = random.Random(9)
    for round_ in range(6):
        corpus(src, [10 + round_])
        p = subprocess.Popen([sys.executable, "-m", "councilgraph.cli", "build", str(src), "--store", str(store)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            p.wait(timeout=rng.uniform(0.2, 2.5))
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
        state, agrees = read_state(store)
        if agrees:  # the state says what the store holds, or it is known not to
            assert set(state["documents"]) == sources_in(store)
        api.build([src], store)
        state, agrees = read_state(store)
        on_disk = {str(f) for f in src.iterdir()}
        assert agrees and set(state["documents"]) == sources_in(store) == on_disk
        assert not list(tmp_path.glob(".cg-build-*"))
        assert not list(Path(str(store) + ".cache").glob("*.tmp"))


# -- queries cannot reach outside the store ----------------------------------------------------------------

@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    store = root / "s.lbdb"
    api.build([corpus(root / "a", range(4), extra=" \x07 =SUM(A1)")], store)
    return store


@pytest.mark.parametrize("text", [
    "LOAD EXTENSION '/tmp/evil.so'",
    "load extension json",
    "LOAD FROM '/etc/passwd' RETURN *",
    "COPY (MATCH (n) RETURN n.id) TO '/tmp/out.csv'",
    "COPY Person FROM '/tmp/x.csv'",
    "INSTALL json",
    "ATTACH '/tmp/other.lbdb' AS o",
    "EXPORT DATABASE '/tmp/dump'",
    "IMPORT DATABASE '/tmp/dump'",
    "CALL threads=1",
    "CALL clear_warnings()",
    "MATCH (n) RETURN n LIMIT 1; LOAD FROM '/etc/passwd' RETURN *",
    "MATCH (p:Person) SET p.name = 'x'",
    "MATCH (p:Person) DETACH DELETE p",
    "CREATE (p:Person {id: 'x'})",
])
def test_cypher_that_would_leave_the_graph_is_refused(small_store, text):
    with pytest.raises(QueryError, match="may only read the graph"):
        api.cypher(text, store=small_store)


def test_reads_still_run_including_words_inside_strings(small_store):
    res = api.cypher("MATCH (q:Question) WHERE q.text <> 'load from copy install' RETURN count(q) AS n // copy",
                     store=small_store)
    assert res.rows[0][0] > 0
    assert api.cypher("CALL show_tables() RETURN *", store=small_store).rows


def test_param_values_stay_strings_unless_typed():
    from councilgraph.queries.run import parse_params

    assert parse_params(["person=007", "n:int=3", "x:float=1.5", "b:bool=true", "s:str=4"]) == \
        {"person": "007", "n": 3, "x": 1.5, "b": True, "s": "4"}
    with pytest.raises(QueryError):
        parse_params(["n:int=three"])


@pytest.mark.parametrize("fmt", ["xml", "turtle", "nt", "json-ld"])
def test_every_rdf_serialisation_parses_back_with_control_characters_in_text(small_store, fmt):
    import rdflib

    buf = io.StringIO()
    api.export(small_store, fmt, buf)
    assert "\x07" not in buf.getvalue()
    rdflib.Graph().parse(data=buf.getvalue(), format=fmt)


def test_csv_output_neutralises_formula_cells():
    from councilgraph.queries.run import Result, format_result

    out = format_result(Result(["=a", "b"], [["=SUM(A1)", -3], ["@x", "+1"], ["-y", "ok"]]), "csv")
    assert out.splitlines() == ["'=a,b", "'=SUM(A1),-3", "'@x,'+1", "'-y,ok"]


# -- expected failures: a message and status 2, never a traceback --------------------------------------------

def test_expected_failures_have_messages_not_tracebacks(small_store, tmp_path):
    s = str(small_store)
    cases = [
        (["export", "--store", s, "--format", "csv", "-o", str(tmp_path / "g.csv")], "unknown export format"),
        (["plot", "pie", "--store", s, "-o", str(tmp_path / "p")], "unknown plot kind"),
        (["plot", "timeline", "--store", s], "needs --topic"),
        (["push", "--store", s, "--neo4j", "http://localhost:7474"], "bolt:// or neo4j://"),
        (["query", "recurring_concerns", "--neo4j", "http://x"], "bolt:// or neo4j://"),
        (["visualise", "--store", s, "--topic", "potholez", "-o", str(tmp_path / "v.html")], "did you mean"),
        (["visualise", "--store", s, "--person", "Zebedee Nobody", "-o", str(tmp_path / "v.html")],
         "no person in the store matches"),
        (["plot", "timeline", "--store", s, "--topic", "zzzz-nothing"], "no topic in the store matches"),
        (["cypher", "LOAD FROM '/etc/passwd' RETURN *", "--store", s], "may only read the graph"),
        (["query", "person_questions", "--store", s, "--param", "person=Nadia Vass"], "did you mean Nadia Voss"),
    ]
    for args, message in cases:
        r = cli(*args, cwd=tmp_path)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr and message in r.stderr, (args, r.stderr)
    assert not list(tmp_path.glob("*.tmp")) and not (tmp_path / "g.csv").exists()
    r = cli("candidate-topics", "--store", s, "--min-docs", "99", cwd=tmp_path)
    assert r.returncode == 0 and "no candidate topics" in r.stderr


def test_markup_in_data_and_names_is_printed_not_interpreted(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "[bold]x[").mkdir()
    (src / "[bold]x[" / "]y.txt").write_text("")  # the path holds "[/]"
    (src / "line\nbreak.txt").write_text("")
    (src / "ok.txt").write_text(minutes(0))
    store = tmp_path / "s.lbdb"
    r = cli("build", str(src), "--store", str(store), cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "[bold]x[/]y.txt: empty file" in r.stderr
    assert "line\\nbreak.txt: empty file" in r.stderr
    r = cli("cypher", "RETURN '[bold]loud[/bold] [/]' AS t", "--store", str(store), cwd=tmp_path)
    assert r.returncode == 0 and "[bold]loud[/bold] [/]" in r.stdout, r.stdout + r.stderr
