"""Issue 10: an incremental build changes the store only where the new or removed documents touch
it, and gives the store a whole build of the same documents gives (compared by export, summary
rows and counts). Fictional councils and people throughout."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from councilgraph.graph import store as store_mod
from councilgraph.graph.store import LadybugStore, read_state
from councilgraph.graph.summaries import PERSON_TABLE, TABLE

from councilgraph import api
from councilgraph.corpus.generate import generate

from .conftest import SAMPLE


def _export(store: Path) -> str:
    buf = io.StringIO()
    api.export(store, "json", buf)
    return buf.getvalue()


def _summaries(store: Path) -> list:
    with LadybugStore(store) as st:
        _, rows = st.query(f"MATCH (s:{TABLE}) RETURN s.id, s.topic, s.council_id, s.committee, s.year, "
                           "s.questions, s.askers, s.first_date, s.last_date ORDER BY s.id")
        _, people = st.query(f"MATCH (s:{PERSON_TABLE}) RETURN s.id, s.questions, s.answers, s.committees, "
                             "s.topics ORDER BY s.id")
    assert people  # the person summaries are kept too (person_profile reads them)
    return rows + people


def _same_as_whole_build(tmp_path: Path, src: Path, store: Path, report) -> None:
    whole = tmp_path / "whole" / "s.lbdb"
    shutil.rmtree(whole.parent, ignore_errors=True)
    full = api.build([src], whole)
    assert not full.incremental
    assert (report.stats.nodes, report.stats.edges) == (full.stats.nodes, full.stats.edges)
    assert _export(store) == _export(whole)
    assert _summaries(store) == _summaries(whole)


def _minutes(day: int, asker: str, officer: str, extra: str = "") -> str:
    return (f"Issue - meetings\n\nHousing Allocations Update\n\nMeeting: {day:02d}/03/2024 - Housing Scrutiny Panel "
            f"(Item 5)\n\n5 Housing Allocations Update\n\nMinutes:\n\nThe Panel received a report on Fenwold District "
            f"Council's housing waiting list.\n\n{officer} presented the report.\n\n{asker} asked how many households "
            f"were waiting for temporary accommodation.\n\nThe Head of Housing advised that 140 households were "
            f"waiting.{extra}\n\nResolved:\n\nThat the report be noted.\n\nSupporting documents:\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "minutes"
    shutil.copytree(SAMPLE / "minutes", src)
    generate(src / "gen", 120, seed=9)
    return src


@pytest.mark.parametrize("small", [store_mod.SMALL_LOAD, 0], ids=["created", "copied"])
def test_adding_documents_changes_only_what_they_touch_and_equals_a_whole_build(tmp_path, corpus, monkeypatch, small):
    """New rows are created a statement a row, or (many) COPYed: either gives a whole build's store."""
    monkeypatch.setattr(store_mod, "SMALL_LOAD", small)
    store = tmp_path / "s.lbdb"
    first = api.build([corpus], store)
    assert not first.incremental
    generate(corpus / "more", 12, seed=10, start=120)
    added = api.build([corpus], store)
    assert added.incremental and (added.extracted, added.unchanged) == (12, first.documents)
    _same_as_whole_build(tmp_path, corpus, store, added)


@pytest.mark.parametrize("small", [store_mod.SMALL_LOAD, 0], ids=["created", "copied"])
def test_removing_and_changing_documents_equals_a_whole_build(tmp_path, corpus, monkeypatch, small):
    monkeypatch.setattr(store_mod, "SMALL_LOAD", small)
    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    for f in sorted((corpus / "gen").glob("*.txt"))[:4]:
        f.unlink()
    changed = sorted((corpus / "gen").glob("*.txt"))[-1]
    changed.write_text(changed.read_text().replace("Councillor", "Cllr", 2) + "\nCouncillor Ada Quill asked about "
                       "fly-tipping.\n")
    report = api.build([corpus], store)
    assert report.incremental and report.removed == 4 and report.extracted == 1
    _same_as_whole_build(tmp_path, corpus, store, report)
    pruned = api.build([corpus / "gen"], store, prune=True)  # the sample's documents leave
    assert pruned.removed > 20
    _same_as_whole_build(tmp_path, corpus / "gen", store, pruned)


def test_a_new_document_that_changes_identities_moves_the_people_it_touches(tmp_path):
    src = tmp_path / "fenwold"
    src.mkdir()
    (src / "a.txt").write_text(_minutes(4, "Councillor R Aldous", "The Head of Housing"))
    (src / "b.txt").write_text(_minutes(11, "Councillor R Aldous", "The Head of Housing"))
    store = tmp_path / "s.lbdb"
    api.build([src], store)

    def askers() -> set[str]:
        with LadybugStore(store) as st:
            return {r[0] for r in st.query("MATCH (p:Person)-[:ASKED]->(q:Question) RETURN p.id")[1]}

    before = askers()
    assert any(i.endswith("/person/r-aldous") for i in before)
    # a later meeting names her in full and names the Head of Housing: both earlier pages' people move
    (src / "c.txt").write_text(_minutes(18, "Councillor Rowena Aldous", "Mark Fenby, Head of Housing"))
    report = api.build([src], store)
    assert report.incremental
    after = askers()
    assert any(i.endswith("/person/rowena-aldous") for i in after)
    assert not any(i.endswith("/person/r-aldous") for i in after)
    with LadybugStore(store) as st:
        _, rows = st.query("MATCH (p:Person) RETURN p.id ORDER BY p.id")
    assert not any(r[0].endswith("/person/r-aldous") for r in rows)  # the old person is gone, not orphaned
    _same_as_whole_build(tmp_path, src, store, report)
    (src / "c.txt").unlink()  # and back again
    report = api.build([src], store)
    assert report.incremental and askers() == before
    _same_as_whole_build(tmp_path, src, store, report)


def test_an_incremental_build_that_fails_before_the_swap_leaves_the_store_and_catches_up(tmp_path, corpus,
                                                                                       monkeypatch):
    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    before = _export(store)
    generate(corpus / "more", 5, seed=10, start=120)
    real = store_mod.os.replace

    def fail_swap(src, dst):
        if Path(dst) == store:
            raise KeyboardInterrupt("killed before the swap")
        return real(src, dst)

    monkeypatch.setattr(store_mod.os, "replace", fail_swap)
    with pytest.raises(KeyboardInterrupt):
        api.build([corpus], store)
    monkeypatch.undo()
    assert _export(store) == before  # the store in place was never written
    state, agrees = read_state(store)
    assert agrees
    report = api.build([corpus], store)
    assert report.incremental and report.extracted == 0 and report.unchanged == report.documents
    _same_as_whole_build(tmp_path, corpus, store, report)


def test_a_crash_after_the_swap_before_the_ids_are_recorded_makes_the_next_build_whole(tmp_path, corpus,
                                                                                    monkeypatch):
    from councilgraph.graph.cache import ExtractionCache

    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    generate(corpus / "more", 5, seed=10, start=120)

    def crash(self, generation):
        raise KeyboardInterrupt("killed after the swap")

    monkeypatch.setattr(ExtractionCache, "set_ids", crash)
    with pytest.raises(KeyboardInterrupt):
        api.build([corpus], store)
    monkeypatch.undo()
    (corpus / "more" / sorted(p.name for p in (corpus / "more").glob("*.txt"))[0]).unlink()
    report = api.build([corpus], store)
    assert not report.incremental  # the cache's ids do not describe the store: written anew, correctly
    _same_as_whole_build(tmp_path, corpus, store, report)


def test_files_unchanged_since_the_store_was_written_are_not_read_again(tmp_path, corpus, monkeypatch):
    import councilgraph.loaders as loaders

    store = tmp_path / "s.lbdb"
    api.build([corpus], store)  # reads every file and records what each looked like
    read: list[str] = []
    real = loaders.load_path

    def counting(path, *a, **kw):
        read.append(str(path))
        return real(path, *a, **kw)

    monkeypatch.setattr(loaders, "load_path", counting)
    again = api.build([corpus], store)
    # only the files that were skipped (not minutes) are read again, to say so again
    assert set(read) == {s.path for s in again.skipped} and again.unchanged == again.documents
    victim = sorted((corpus / "gen").glob("*.txt"))[3]
    victim.write_text(victim.read_text() + "\nCouncillor Ada Quill asked about fly-tipping.\n")
    read.clear()
    changed = api.build([corpus], store)
    assert set(read) - {s.path for s in changed.skipped} == {str(victim)}
    assert changed.extracted == 1 and changed.incremental
    _same_as_whole_build(tmp_path, corpus, store, changed)


def test_a_file_row_from_before_keys_were_recorded_and_a_changed_manifest_row(tmp_path, corpus, monkeypatch):
    """A file row records the key its document was cached under, so an unchanged build asks the
    cache once a file. Rows without it (caches written before) still spare the read; a manifest fact
    that changed (part of the key) still makes its file be read."""
    import csv
    import sqlite3

    import councilgraph.loaders as loaders
    from councilgraph.graph.cache import FILE

    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    db = sqlite3.connect(Path(str(store) + ".cache") / FILE)
    assert db.execute("SELECT count(*) FROM file WHERE key IS NULL").fetchone()[0] == 0
    db.executescript("ALTER TABLE file RENAME TO newer; CREATE TABLE file(source TEXT PRIMARY KEY, size INTEGER, "
                     "mtime INTEGER, ctime INTEGER, ino INTEGER, hash TEXT) WITHOUT ROWID; INSERT INTO file "
                     "SELECT source, size, mtime, ctime, ino, hash FROM newer; DROP TABLE newer;")
    db.commit()
    db.close()
    read: list[str] = []
    real = loaders.load_path
    monkeypatch.setattr(loaders, "load_path", lambda path, *a, **kw: read.append(str(path)) or real(path, *a, **kw))
    again = api.build([corpus], store)
    assert set(read) == {s.path for s in again.skipped} and again.unchanged == again.documents
    db = sqlite3.connect(Path(str(store) + ".cache") / FILE)
    assert db.execute("SELECT count(*) FROM file WHERE key IS NULL").fetchone()[0] == 0  # recorded as it went
    db.close()
    manifest = corpus / "gen" / "manifest.csv"
    rows = list(csv.DictReader(manifest.open(newline="")))
    rows[2]["committee"] = "Fenwold Place Overview Panel"
    with manifest.open("w", newline="") as fp:
        w = csv.DictWriter(fp, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    read.clear()
    changed = api.build([corpus], store)
    assert set(read) - {s.path for s in changed.skipped} == {str(corpus / "gen" / rows[2]["file"])}
    assert changed.extracted == 1
    _same_as_whole_build(tmp_path, corpus, store, changed)


def test_new_store_code_makes_the_store_again_from_the_cache_and_new_extraction_code_extracts_again(
        tmp_path, corpus, monkeypatch):
    from councilgraph.graph import build as build_mod

    store = tmp_path / "s.lbdb"
    first = api.build([corpus], store)
    before = _export(store)
    store_code = build_mod._code_version
    # a change to the store's code only (summaries, the writer): nothing is extracted or read again
    monkeypatch.setattr(build_mod, "_code_version", lambda scheme: store_code(scheme) + "-store-changed")
    read: list[str] = []
    import councilgraph.loaders as loaders
    real = loaders.load_path
    monkeypatch.setattr(loaders, "load_path", lambda path, *a, **kw: read.append(str(path)) or real(path, *a, **kw))
    again = api.build([corpus], store)
    assert not again.incremental and again.extracted == 0 and again.unchanged == first.documents
    assert set(read) == {s.path for s in again.skipped}  # only the non-minutes are read, to say so again
    assert _export(store) == before
    # a change to the extraction's code: every document is read and extracted again
    extraction_code = build_mod._extraction_version
    monkeypatch.setattr(build_mod, "_extraction_version", lambda scheme: extraction_code(scheme) + "-rules-changed")
    third = api.build([corpus], store)
    assert third.extracted == first.documents and third.unchanged == 0
    assert _export(store) == before


class _Memory:
    """identity.PeopleSource over a list of people (what the build's cache answers from SQLite)."""

    def __init__(self, people):
        self.people = people

    def in_buckets(self, buckets):
        return [w for w in self.people if _bucket(w) in buckets]

    def role_only_roles(self):
        return {w.role for w in self.people if _bucket(w) == "r"}

    def role_only(self, roles):
        return [w for w in self.people if _bucket(w) == "r" and w.role in roles]

    def named_roles(self):
        return {w.role for w in self.people if _bucket(w).startswith("n:") and w.role}

    def named_with_roles(self, roles):
        return [w for w in self.people if _bucket(w).startswith("n:") and w.role in roles]

    def with_ids(self, ids):
        return [w for w in self.people if w.old in ids]

    def with_bases(self, bases):
        return [w for w in self.people if w.old_base in bases]


def _bucket(w):
    from councilgraph.loaders.extract.identity import bucket

    return bucket(w)


def test_resolving_only_what_changes_gives_the_ids_of_resolving_everything(tmp_path):
    import random

    from councilgraph.loaders.extract.identity import Who, council_slug, resolve_changes, resolve_council

    src = tmp_path / "gen"
    generate(src, 400, seed=21)
    docs = list(enumerate(sorted(api.extract([src]), key=lambda x: x.source)))

    def people(chosen):
        out: dict[str, list] = {}
        for rid, x in sorted(chosen, key=lambda d: d[1].source):
            for i, p in enumerate(x.people):
                w = Who(x.source, x.committee, p.name, p.kind, p.role, p.member_id, p.first_span.start, order=i)
                w.rid = rid
                out.setdefault(council_slug(x.council, x.source), []).append(w)
        return out

    rng = random.Random(5)
    for trial in range(6):
        chosen = rng.sample(docs, 250)
        k = rng.choice([1, 4, 15])
        delta, rest = chosen[:k], chosen[k:]
        before, after = (chosen, rest) if trial % 2 else (rest, rest + delta)
        old = {}
        for slug, ws in people(before).items():
            resolve_council(slug, ws)
            old.update({(w.rid, w.order): (w.id, w.base) for w in ws})
        for slug, ws in people(after).items():
            whole = people(after)[slug]
            resolve_council(slug, whole)
            for w in ws:
                w.old, w.old_base = old.get((w.rid, w.order), (None, None))
            moved = people(delta).get(slug, [])
            for w in moved:
                w.old, w.old_base = old.get((w.rid, w.order), (None, None))
            got = {(w.rid, w.order): w.old for w in ws}
            got.update({(w.rid, w.order): w.id for w in resolve_changes(slug, moved, _Memory(ws))})
            assert got == {(w.rid, w.order): w.id for w in whole}, (trial, slug)


def test_people_and_posts_made_again_from_their_distinct_records_are_made_as_from_every_mention(tmp_path, corpus):
    """An incremental build makes a person who lost mentions, and a post a leaving document's people
    held, again from a few records a description (`CouncilPeople.records_of_people`,
    `records_of_posts`) rather than from every mention: the rows must be those every mention makes,
    with a document's mentions left out as asked."""
    from councilgraph.graph.cache import CouncilPeople, ExtractionCache
    from councilgraph.graph.model import person_rows

    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    xcache = ExtractionCache(Path(str(store) + ".cache"))
    try:
        docs = xcache.docs(read_state(store)[0]["documents"].values())
        live = {rid for rid, _src, _council in docs.values()}
        xcache.set_dead(live)
        councils = sorted({council for _rid, _src, council in docs.values()})
        checked = 0
        for council in councils:
            cid, src = "council/" + council, CouncilPeople(xcache, council, live)
            every = xcache.people(council, live)
            ids, posts = {w.old for w in every if w.old}, {w.rec[7] for w in every}
            left_out = {(w.rid, w.order) for w in every if w.rid == every[len(every) // 2].rid}
            for skip in (set(), left_out):
                kept = [w for w in every if (w.rid, w.order) not in skip]
                persons, _, holds = person_rows(cid, [(w.rec, w.old) for w in kept if w.old in ids])
                got_persons, _, got_holds = person_rows(cid, src.records_of_people(ids, skip))
                assert (got_persons, got_holds) == (persons, holds), council
                _, post_rows, _ = person_rows(cid, [(w.rec, "") for w in kept])
                _, got_posts, _ = person_rows(cid, [(rec, "") for rec in src.records_of_posts(posts, skip)])
                assert got_posts == post_rows, council
                checked += len(persons)
            # fewer records than mentions: what makes it quick
            assert len(src.records_of_people(ids, set())) < len(every) / 2 or len(every) < 20
        assert checked > 50
        many = max(councils, key=lambda c: len(xcache.people(c, live)))
        first_seen = {k: v["first_seen"] for k, v in person_rows("council/" + many, [
            (w.rec, w.old) for w in xcache.people(many, live) if w.old])[2].items()}
        assert len(set(first_seen.values())) > 1  # holdings with different dates were compared
    finally:
        xcache.close()


def test_a_row_created_for_an_edge_whose_end_is_missing_is_refused_like_a_copy(tmp_path, corpus):
    from councilgraph.errors import StoreError

    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    (tmp_path / "e.csv").write_text("from,to\nquestion/nowhere/1,council/nowhere\n")
    import ladybug as lb

    db = lb.Database(str(store))
    try:
        conn = lb.Connection(db)
        with pytest.raises(StoreError, match="question/nowhere/1"):
            store_mod.load_files(conn, tmp_path, [(("rel", "RESPONDS_TO", "Answer", "Question"), "e.csv")])
        conn.close()
    finally:
        db.close()


def test_file_rows_read_a_batch_at_a_time_are_those_read_one_at_a_time(tmp_path, corpus):
    """An unchanged build reads the cache's file rows a batch of the walk at a time
    (`ExtractionCache.file_records`, `build._FileRows`), in walk order or not."""
    from councilgraph.graph.build import _FileRows
    from councilgraph.graph.cache import ExtractionCache
    from councilgraph.loaders import expand_paths

    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    texts = expand_paths([corpus])[0].texts() + [str(corpus / "not-there.txt")]
    xcache = ExtractionCache(Path(str(store) + ".cache"))
    try:
        one_by_one = {t: xcache.file_record(t) for t in texts}
        assert sum(r is not None for r in one_by_one.values()) > 100 and one_by_one[texts[-1]] is None
        assert xcache.file_records(texts) == {t: r for t, r in one_by_one.items() if r is not None}
        _FileRows.BATCH = 7  # several batches on a small corpus
        rows = _FileRows(xcache, texts)
        assert [rows.get(t, t) for t in texts] == list(one_by_one.values())
        rows = _FileRows(xcache, texts)  # out of order: each asked on its own
        assert [rows.get(t, t) for t in reversed(texts)] == list(reversed(one_by_one.values()))
    finally:
        _FileRows.BATCH = 2000
        xcache.close()


def test_a_change_that_keeps_every_person_in_place_is_resolved_without_resolving_again(tmp_path, corpus,
                                                                                        monkeypatch):
    """A typo corrected or a line added changes no identity: the document's new mentions take the ids
    of its old ones (`identity.keep_unchanged`), even where one of them started its cluster, and
    nothing is resolved again; and since each old mention's record comes back under its id, no one is
    made again from all their mentions (`records_of_people`, `records_of_posts`: a busy councillor's
    thousands). The store is still a whole build's."""
    from councilgraph.graph import build as build_mod
    from councilgraph.graph import incremental
    from councilgraph.graph.cache import CouncilPeople

    store = tmp_path / "s.lbdb"
    api.build([corpus], store)
    changed = sorted((corpus / "gen").glob("*.txt"))[:5]
    for f in changed:
        f.write_text(f.read_text() + "\nThe meeting closed at 8.15 pm.\n")

    def refuse(*_a, **_k):
        raise AssertionError("resolved again")

    monkeypatch.setattr(build_mod, "resolve_changes", refuse)
    monkeypatch.setattr(build_mod, "resolve_council", refuse)
    monkeypatch.setattr(CouncilPeople, "records_of_people", refuse)
    monkeypatch.setattr(CouncilPeople, "records_of_posts", refuse)
    # nor are the summaries counted again: the questions, answers, askers and topics are as they were
    monkeypatch.setattr(incremental, "refresh_groups", refuse)
    monkeypatch.setattr(incremental, "refresh_people", refuse)
    report = api.build([corpus], store)
    assert report.incremental and report.extracted == 5
    monkeypatch.undo()
    _same_as_whole_build(tmp_path, corpus, store, report)
    # a change that moves its people (a mention earlier in the page) is not taken for one that keeps them
    f = changed[0]
    f.write_text("Councillor Ada Quill welcomed everyone.\n\n" + f.read_text())
    report = api.build([corpus], store)
    assert report.incremental
    _same_as_whole_build(tmp_path, corpus, store, report)
