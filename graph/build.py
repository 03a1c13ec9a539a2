"""`councilgraph build`: sources in, an embedded store out, updated incrementally.

Documents are extracted on every core (`graph.parallel`, results in input order, so the store is the
same whatever the number of workers); the worker also makes the document's rows and people
(`graph.model.document_parts`), which the build files in one SQLite cache beside the store
(`STORE.cache/extractions.sqlite`, `graph.cache`), keyed by content hash, manifest facts and the
extraction's own code (`_EXTRACTION_CODE`), so an unchanged document is never extracted again and
files unchanged since they were read are not even read again. A change to the rest of graph/ (the
store, the summaries) makes the store again from the cache. A whole build resolves identities a council at a time
from the cache's person rows and writes a new store file from the stored rows; an incremental build
(`graph.incremental`) changes a copy of the store where the new or removed documents touch it.
Either way the new file replaces the old one only when it is complete, its state written first."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.loaders import Document, PathList, Skip, iter_documents, source_name, walk_inputs
from councilgraph.loaders.document import SourceInfo
from councilgraph.loaders.extract.identity import Who, resolve_changes, resolve_council, resolve_fast

from councilgraph.errors import InputError, UsageError

from .cache import CouncilPeople, ExtractionCache
from .model import Edge, Node, document_line, merge_shared, person_rows, shared_node_rows
from .parallel import default_workers, extract_stream
from .store import (
    CsvFiles,
    StoreStats,
    clean_leftovers,
    commit_state,
    new_store,
    read_state,
    store_lock,
    update_store,
    write_state_next,
)
from .topics import DEFAULT_SCHEME, TopicScheme

_GRAPH = Path(__file__).resolve().parent
# The code a cached extraction depends on: the extractor, and what a worker makes of its result
# (topics, rows, evidence, the blob). A change anywhere else in graph/ (the store, summaries,
# identity's filing) makes the store again from the cache, without extracting anything again.
_EXTRACTION_CODE = [*sorted((_GRAPH.parent / "loaders" / "extract").glob("*.py")),
                    *(_GRAPH / f"{name}.py" for name in ("evidence", "model", "packing", "parallel", "schema",
                                                       "scheme_cache", "topics"))]


def _digest(files: Iterable[Path], scheme_path: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    h.update(scheme_path.read_bytes())
    return h.hexdigest()[:16]


def _extraction_version(scheme_path: Path) -> str:
    """What a cache key covers besides the document: the extraction code and the topic scheme."""
    return _digest(_EXTRACTION_CODE, scheme_path)


def _code_version(scheme_path: Path) -> str:
    """What the store's state records: all the code that makes a store (a change makes it again)."""
    return _digest([*_EXTRACTION_CODE, *sorted(_GRAPH.glob("*.py"))], scheme_path)


def cache_key(doc: Document, version: str) -> str:
    return _key(doc.source, doc.content_hash, doc.info, version)


def _key(source: str, content_hash: str, info: SourceInfo, version: str) -> str:
    facts = f"{version}|{source}|{content_hash}|{info.url}|{info.council}|{info.committee}|{info.meeting_date}"
    if info.committee_id or info.meeting_id:  # the site's ids (fetch's manifest); absent, the key is as before
        facts += f"|{info.committee_id}|{info.meeting_id}"
    return hashlib.sha256(facts.encode()).hexdigest()[:32]


@dataclass
class BuildReport:
    store: Path
    documents: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: int = 0
    skipped: list[Skip] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, the path it copies)
    removed_sources: list[str] = field(default_factory=list)
    added_sources: list[str] = field(default_factory=list)
    dry_run: bool = False
    incremental: bool = False  # the store was changed where the documents touch it, not written anew
    stats: StoreStats | None = None

    def summary(self) -> str:
        if self.dry_run:
            return (f"dry run, nothing written: {self.documents} documents would be in {self.store} "
                    f"({self.extracted} to extract, {len(self.added_sources)} new, {self.removed} to remove, "
                    f"{self.kept} kept from earlier builds, {len(self.skipped)} skipped)")
        s = self.stats or StoreStats()
        kept = f", {self.kept} kept from earlier builds" if self.kept else ""
        dup = f", {len(self.duplicates)} duplicates" if self.duplicates else ""
        return (f"{self.documents} documents ({self.extracted} extracted, {self.unchanged} unchanged, "
                f"{self.removed} removed{kept}{dup}, {len(self.skipped)} skipped): {s.nodes} nodes, "
                f"{s.edges} edges in {self.store}")


def build(sources: Iterable[str | Path], store: str | Path, *, manifest: str | Path | None = None,
          fmt: str | None = None, strict: bool = False, topics: str | Path | None = None,
          prune: bool = False, dry_run: bool = False, wait: float = 0,
          on_skip: Callable[[Skip], None] | None = None,
          on_document: Callable[[Document], None] | None = None, workers: int | None = None,
          on_inputs: Callable[[int], None] | None = None) -> BuildReport:
    """Build or update `store` from `sources` (extracting on `workers` processes; default: every core).

    Documents already in the store but not read this time are kept unless `prune` is given, except
    those whose file was below a folder given here and is gone from disk (deleted from a folder that
    was read again). Nothing readable among `sources` is a `UsageError` and the store is not touched.
    `dry_run` reads and extracts nothing new into the store and reports what a build would change.
    `on_inputs(n)` hears how many files the one walk of `sources` found (a progress bar's total).
    """
    sources = [Path(s) for s in sources]
    store = Path(store)
    walked = walk_inputs(sources, on_skip, untouched="store left unchanged")  # once: documents are read from it
    if on_inputs:
        on_inputs(len(walked[0]))
    with store_lock(store, wait=wait):
        return _build_locked(sources, store, manifest=manifest, fmt=fmt, strict=strict, topics=topics,
                             prune=prune, dry_run=dry_run, on_skip=on_skip, on_document=on_document,
                             workers=workers, walked=walked)


@dataclass(frozen=True)
class _Unread(Document):
    """A file unchanged since the store was written (same size, times and inode): its content hash
    is the one recorded then, and its text is not read again."""

    stored_hash: str = ""
    key: str = ""  # its cache key, whose extraction is cached (checked once, when it was found unchanged)

    @property
    def content_hash(self) -> str:
        return self.stored_hash


class _FileRows:
    """The cache's rows of the walked files, read a batch of the walk at a time: `iter_documents`
    asks `reuse` of the files in walk order, so the next few hundred are fetched together."""

    BATCH = 2000

    def __init__(self, xcache: ExtractionCache, texts: list[str]) -> None:
        self.xcache, self.texts, self.next, self.rows = xcache, texts, 0, {}

    def get(self, path: str, name: str) -> tuple | None:
        if name not in self.rows:
            if self.next < len(self.texts) and self.texts[self.next] == path:  # the walk's order, as expected
                batch = self.texts[self.next:self.next + self.BATCH]
                self.next += len(batch)
                self.rows = self.xcache.file_records([source_name(t) for t in batch])
            else:  # asked out of order: one query
                return self.xcache.file_record(name)
        return self.rows.pop(name, None)


def _stat(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _build_locked(sources: list[Path], store: Path, *, manifest, fmt, strict, topics, prune, dry_run,
                  on_skip, on_document, workers, walked) -> BuildReport:
    cache = Path(str(store) + ".cache")
    cache_existed = cache.exists()
    if not dry_run:
        clean_leftovers(store)
    cache.mkdir(parents=True, exist_ok=True)
    scheme_path = Path(topics) if topics else DEFAULT_SCHEME
    scheme = TopicScheme.load(scheme_path) if topics else TopicScheme.load()
    version = _code_version(scheme_path)  # the store's: a change makes the store again
    xversion = _extraction_version(scheme_path)  # the cache keys': a change extracts again
    state, state_agrees = read_state(store)
    known: dict[str, str] = state.get("documents", {})
    previous: dict[str, str] = known if state.get("version") == version and state_agrees else {}
    report = BuildReport(store=store)

    def skip(s: Skip) -> None:
        if strict:
            raise InputError(s.reason, path=s.path)
        report.skipped.append(s)
        if on_skip:
            on_skip(s)

    current: dict[str, str] = {}
    seen_hash: dict[str, str] = {}
    xcache = ExtractionCache(cache)
    # what each file of the store was when it was read (kept in the cache: a million files' stats
    # held in memory and in the state file cost about 400 bytes each): unchanged ones are not read
    stats_now: dict[str, list[int]] = {}

    file_rows = _FileRows(xcache, walked[0].texts() if isinstance(walked[0], PathList) else [str(f) for f in walked[0]])

    def reuse(path: str, info: SourceInfo | None) -> Document | None:
        name = source_name(path)
        st = _stat(path)  # before any reading: a file changed after this is read again next time
        if st is None:
            return None
        stats_now[name] = st
        rec = file_rows.get(path, name)
        if rec is None or list(rec[:4]) != st:
            return None
        info = info or SourceInfo()
        # the manifest's facts are part of the key: if they changed, the file is read as usual
        key = _key(name, rec[4], info, xversion)
        if not (rec[6] if key == rec[5] else key in xcache):
            return None
        if key != rec[5] and not dry_run:  # a row from before keys were recorded (or a manifest change back)
            xcache.put_file(name, st, rec[4], key)
        return _Unread(source=name, text="", format="", info=info, stored_hash=rec[4], key=key)

    def todo() -> Iterator[tuple[Document, bool]]:
        for doc in iter_documents(sources, manifest=manifest, fmt=fmt, strict=strict, on_skip=skip,
                                  walked=walked, reuse=reuse):
            first = seen_hash.setdefault(doc.content_hash, doc.source)
            if first != doc.source:  # one document seen twice (a byte or CRLF copy): keep the first
                report.duplicates.append((doc.source, first))
                continue
            yield doc, not dry_run and not isinstance(doc, _Unread) and cache_key(doc, xversion) not in xcache

    w = default_workers() if workers is None else workers
    try:
        for doc, packed, refused in extract_stream(todo(), scheme=scheme, scheme_path=Path(topics) if topics
                                                   else None, workers=w):
            if on_document:
                on_document(doc)
            unread = isinstance(doc, _Unread)
            key = doc.key if unread else cache_key(doc, xversion)
            if refused is not None:
                skip(Skip(doc.source, refused))
                continue
            if packed is not None:
                xcache.put(key, packed)
                report.extracted += 1
            elif unread or key in xcache:
                report.unchanged += 1
            else:  # a dry run: this one would be extracted
                report.extracted += 1
            current[doc.source] = key
            st = stats_now.pop(doc.source, None)
            if st is not None and not unread and not dry_run:
                xcache.put_file(doc.source, st, doc.content_hash, key)
        xcache.commit()
        return _finish(report, sources, store, cache, cache_existed, xcache, current, known, previous, state,
                       version, prune=prune, dry_run=dry_run)
    finally:
        xcache.close()


def _finish(report: BuildReport, sources: list[Path], store: Path, cache: Path, cache_existed: bool,
            xcache: ExtractionCache, current: dict[str, str], known: dict[str, str], previous: dict[str, str],
            state: dict, version: str, *, prune: bool, dry_run: bool) -> BuildReport:
    """Decide what the store holds (kept, pruned, removed documents) and write it with its state."""
    if not current and not dry_run:
        if not cache_existed:
            xcache.close()
            shutil.rmtree(cache, ignore_errors=True)
        raise UsageError("nothing readable among the sources given; store left unchanged", path=str(store))
    report.documents = len(current)
    roots = [os.path.abspath(s) for s in sources if s.is_dir()]
    for source in sorted(set(known) - set(current)):
        gone = not os.path.lexists(source)
        below = any(os.path.abspath(source).startswith(r.rstrip(os.sep) + os.sep) for r in roots)
        if prune or (gone and below):
            report.removed_sources.append(source)
        elif known[source] in xcache:
            current[source] = known[source]  # not read this time, still in the store
            report.kept += 1
        else:
            report.removed_sources.append(source)
    report.removed = len(report.removed_sources)
    report.documents = len(current)
    if dry_run:
        report.dry_run = True
        report.added_sources = sorted(set(current) - set(known))
        return report
    if current == previous and store.exists() and state.get("stats"):
        report.stats = StoreStats(**state["stats"])  # nothing changed: the store is already this corpus
        _trim_cache(cache, xcache, current)
        return report

    record = {"version": version, "documents": current, "ids": uuid.uuid4().hex}
    def before_swap(new_db: Path, stats: StoreStats) -> None:
        write_state_next(store, {**record, "stats": vars(stats)}, new_db)

    plan = _plan_update(xcache, current, previous, state, store) if previous else None
    if plan is not None:
        report.incremental = True
        report.stats = update_store(lambda conn, tmp: _apply_update(conn, tmp, xcache, plan), store,
                                    before_swap=before_swap)
    else:
        report.stats = new_store(lambda files: _fill_store(files, xcache, current), store,
                                 before_swap=before_swap)
    commit_state(store)
    xcache.set_ids(record["ids"])  # after the swap: a crash before this makes the next build a full one
    _trim_cache(cache, xcache, current)
    return report


def _trim_cache(cache: Path, xcache: ExtractionCache, current: dict[str, str]) -> None:
    """The cache holds what the store holds: entries for other documents go, and so do the
    one-file-per-document entries (`*.pkl`, half-written `*.tmp`) of earlier versions."""
    xcache.prune(current.values())
    xcache.keep_files(current)
    xcache.commit()
    for f in cache.iterdir():
        if f.suffix in (".pkl", ".tmp"):
            with contextlib.suppress(OSError):
                f.unlink()


# -- identities, a council at a time -----------------------------------------------------------------------

def _resolve(xcache: ExtractionCache, council: str, live: set[int]) -> tuple[dict[tuple[int, int], str],
                                                                           list[tuple[tuple, str]]]:
    """Resolve one whole council's people from the cache's person rows (nothing else is read).

    Returns the ids by (document row id, person index) and the (person record, id) pairs in
    document order for `person_rows`; the ids that changed are staged in the cache, to be recorded
    once the new store is in place."""
    whos = xcache.people(council, live)
    resolve_council(council, whos)
    ids: dict[tuple[int, int], str] = {}
    recs: list[tuple[tuple, str]] = []
    for w in whos:
        ids[(w.rid, w.order)] = w.id
        recs.append((w.rec, w.id))
    xcache.stage_ids([(w.id, w.base, w.creator, w.rid, w.order) for w in whos
                      if (w.id, w.base, w.creator) != (w.old, w.old_base, w.old_creator)])
    return ids, recs


@dataclass
class CouncilChange:
    """What an incremental build changes among one council's people.

    A person who only gained mentions is its stored node merged with the new ones (person and holds
    merges are order-free); one who lost some (a document left, or a mention now resolves to someone
    else) is made again from all its mentions. Posts likewise."""

    moved: set[int]  # live documents some of whose people now have another id
    ids: dict[tuple[int, int], str]  # the people of entering documents (new and moved): their ids
    persons: set[str]  # made again from all their mentions
    members: list[tuple[tuple, str]]  # (record, id) pairs that make the rows of `persons` (all their mentions')
    gained: dict[str, list[tuple[tuple, bool]]]  # person id -> (record, named cluster) of its new mentions
    posts: set[str]  # made again from all their holders
    holders: list[tuple[tuple, str]]  # (record, id) pairs that make the rows of `posts` (their holders' titles)
    posts_gained: dict[str, list[tuple]]  # post id -> records of its new holders


def _place(p: Who) -> tuple:
    return (p.start, p.order)


def _described_alike(a: Who, b: Who) -> bool:
    """Two mentions resolution cannot tell apart: same place in the same document, same description."""
    return (a.source, a.committee, a.name, a.kind, a.role, a.member_id, a.start, a.order) == \
        (b.source, b.committee, b.name, b.kind, b.role, b.member_id, b.start, b.order)


def keep_unchanged(delta_added: list[Who], delta_removed: list[Who], src: CouncilPeople) -> tuple[list[Who], list[Who]]:
    """A document changed with the same people in the same places (a typo corrected, a line added at
    the end, a figure updated) changes no one's identity: resolution sees exactly what it saw, in the
    same order (by source, then place). Its new mentions take its old ones' ids, and what is left
    (other documents, or changes that moved or renamed someone) is returned for `resolve_fast`.
    Without this, such a change is resolved the slow way whenever one of its people started a
    cluster (that person has no earlier twin). (Here, not in identity.py: a change there is a change of
    the extraction code, which extracts every cached document again.)"""
    added: dict[str, list[Who]] = {}
    removed: dict[str, list[Who]] = {}
    for p in delta_added:
        added.setdefault(p.source, []).append(p)
    for p in delta_removed:
        removed.setdefault(p.source, []).append(p)
    rest_added: list[Who] = []
    rest_removed: list[Who] = []
    for source in sorted(added.keys() | removed.keys()):
        new, old = sorted(added.get(source, []), key=_place), sorted(removed.get(source, []), key=_place)
        if new and len(new) == len(old) and all(b.old and b.old_base and _described_alike(a, b)
                                                for a, b in zip(new, old, strict=True)):
            for a, b in zip(new, old, strict=True):
                a.id, a.base, a.creator = b.old, b.old_base, b.old_creator
                a.named = src.is_named(b.old)
        else:
            rest_added += new
            rest_removed += old
    return rest_added, rest_removed


def _identities(xcache: ExtractionCache, council: str, plan: _Plan) -> CouncilChange:
    """Resolve again what the documents entering or leaving a council can change (identity's
    `resolve_changes`; the whole council when site member ids are involved), and gather what the
    council's person, post and holds rows are made from."""
    src = CouncilPeople(xcache, council, plan.live)
    delta = src.of_docs(plan.added | plan.removed, live_only=False)
    entering = [w for w in delta if w.rid in plan.added]
    if any(p.member_id for p in delta) or src.has_member_ids():
        result = xcache.people(council, plan.live)
        resolve_council(council, result)
    elif resolve_fast(*keep_unchanged(entering, [w for w in delta if w.rid in plan.removed], src), src):
        result = entering  # everyone else keeps their id
    else:
        result = resolve_changes(council, delta, src)
    changed = [w for w in result if (w.id, w.base, w.creator) != (w.old, w.old_base, w.old_creator)]
    xcache.stage_ids([(w.id, w.base, w.creator, w.rid, w.order) for w in changed])
    now = {(w.rid, w.order): w for w in result}
    moved_people = [w for w in changed if w.id != w.old]
    moved = {w.rid for w in moved_people}
    leaving = [w for w in delta if w.rid in plan.removed]
    # a leaving mention whose record an entering one repeats under the same id takes nothing away: a
    # person's rows are a merge of the set of its records (`person_rows`), so the person only gains
    # (a document changed with its people as they were: they keep their rows, and no one's thousands
    # of mentions are read again); a post's rows read only its holders' records, likewise
    staying = {(w.rec, w.id) for w in now.values() if w.rid in plan.live and w.id}
    staying_recs = {rec for rec, _ in staying}
    lost = {w.old for w in moved_people if w.old} | {w.old for w in leaving if w.old and (w.rec, w.old) not in staying}
    gained: dict[str, list[tuple[tuple, bool]]] = {}
    for w in moved_people:
        if w.id not in lost:
            gained.setdefault(w.id, []).append((w.rec, w.named))
    ids: dict[tuple[int, int], str] = {}
    for w in src.of_docs(plan.added | moved):
        ids[(w.rid, w.order)] = now[(w.rid, w.order)].id if (w.rid, w.order) in now else w.old

    # everyone who lost a mention is made again from all their mentions, and so is every post a leaving
    # document's people held: the mentions resolution just placed (`now`) as placed, the rest as stored,
    # read as the few records that make the same rows (`CouncilPeople.records_of_people`, `records_of_posts`)
    members: list[tuple[tuple, str]] = []
    if lost:
        members = [(w.rec, w.id) for w in now.values() if w.id in lost and (
            w.id != w.old or (w.old in lost and w.rid in plan.live))]
        members += src.records_of_people(lost, now)
    posts = {w.rec[7] for w in leaving if w.rec not in staying_recs}
    holders: list[tuple[tuple, str]] = []
    if posts:
        holders = [(w.rec, w.id or "") for w in now.values() if w.rid in plan.live and w.rec[7] in posts]
        holders += [(rec, "") for rec in src.records_of_posts(posts, now)]
    posts_gained: dict[str, list[tuple]] = {}
    for w in delta:
        if w.rid in plan.added and w.rec[7] not in posts:
            posts_gained.setdefault(w.rec[7], []).append(w.rec)
    return CouncilChange(moved=moved, ids=ids, persons=lost, members=members, gained=gained, posts=posts,
                         holders=holders, posts_gained=posts_gained)


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(ch in value for ch in ',"\r\n') else value


def _write_parts(files: CsvFiles, parts: dict, rid: int, ids: dict[tuple[int, int], str], stats: StoreStats) -> None:
    """Append one document's own rows to the bulk-load files, its people's ids filled in."""
    for key, text in parts["tables"].items():
        files.write(key, document_line(parts, text) if key == ("node", "Document") else text)
    for key, lines in parts["person_edges"].items():
        out = [_quote(ids[(rid, idx)]) + "," + rest for idx, rest in lines]
        if key[1] in ("ATTENDED", "DECLARED"):  # both ends shared: one edge per distinct row, as rows merge
            out = list(dict.fromkeys(out))
        files.write(key, "".join(out))
        stats.edges += len(out)
    stats.nodes += parts["nodes"]
    stats.edges += parts["edges"]


def _person_side(files: CsvFiles, cid: str, recs: list[tuple[tuple, str]], stats: StoreStats) -> None:
    persons, posts, holds = person_rows(cid, recs)
    for pid in sorted(persons):
        files.row(Node("Person", pid, persons[pid]))
        files.row(Edge("OF_COUNCIL", "Person", pid, "Council", cid))
    for post in sorted(posts):
        files.row(Node("Post", post, posts[post]))
        files.row(Edge("OF_COUNCIL", "Post", post, "Council", cid))
    for (pid, post), props in sorted(holds.items()):
        files.row(Edge("HOLDS", "Person", pid, "Post", post, props))
    stats.nodes += len(persons) + len(posts)
    stats.edges += len(persons) + len(posts) + len(holds)


def _fill_store(files: CsvFiles, xcache: ExtractionCache, current: dict[str, str]) -> StoreStats:
    """A whole new store's bulk-load files, a council at a time: its identities resolved, then its
    documents' stored rows appended (nothing re-extracted, nothing regenerated), then its people and
    posts. Only one council's people and the shared nodes are in memory at once."""
    stats = StoreStats()
    by_council: dict[str, set[int]] = {}
    for rid, _src, council in xcache.docs(current.values()).values():
        by_council.setdefault(council, set()).add(rid)
    shared: dict[tuple[str, str], dict] = {}
    for council in sorted(by_council):
        live = by_council[council]
        ids, recs = _resolve(xcache, council, live)
        for rid, parts in xcache.parts(council, live):
            _write_parts(files, parts, rid, ids, stats)
            for label, nid, props in parts["shared"]:
                key = (label, nid)
                if key in shared:
                    merge_shared(shared[key], props)
                else:
                    shared[key] = dict(props)
        _person_side(files, "council/" + council, recs, stats)
        del ids, recs
    for (label, nid), props in sorted(shared.items()):
        if label == "ABOUT":
            src, dst, eprops = json.loads(nid)
            files.row(Edge("ABOUT", "Indicator", src, "Topic", dst, eprops))
            stats.edges += 1
            continue
        for row in shared_node_rows(label, nid, props):
            files.row(row)
            if isinstance(row, Node):
                stats.nodes += 1
            else:
                stats.edges += 1
    return stats


# -- incremental: a copy of the store changed where the new documents touch it --------------------------

@dataclass
class _Plan:
    live: set[int]
    removed: set[int]  # documents leaving the store
    added: set[int]  # documents entering it
    councils: list[str]  # councils whose identities are resolved again


def _plan_update(xcache: ExtractionCache, current: dict[str, str], previous: dict[str, str], state: dict,
                 store: Path) -> _Plan | None:
    """What an incremental build changes, or None when the store must be written anew: no store,
    no record of the ids it holds, or a cache that does not describe it."""
    if not store.is_file() or not state.get("ids") or xcache.ids_generation() != state["ids"]:
        return None
    cur, prev = set(current.values()), set(previous.values())
    docs = xcache.docs(cur | prev)
    if len(docs) != len(cur | prev):
        return None  # a document the store holds is not in the cache: rewrite from what is
    removed = {docs[k][0] for k in prev - cur}
    added = {docs[k][0] for k in cur - prev}
    if len(added) + len(removed) > max(1000, len(cur) // 5):
        return None  # a large change: loading everything again is quicker than editing
    councils = sorted({docs[k][2] for k in (prev - cur) | (cur - prev)})
    return _Plan(live={docs[k][0] for k in cur}, removed=removed, added=added, councils=councils)


def _apply_update(conn, tmp: Path, xcache: ExtractionCache, plan: _Plan) -> StoreStats:
    from . import incremental

    return incremental.apply(conn, tmp, xcache, plan.live, plan.removed, plan.added, plan.councils,
                             lambda council: _identities(xcache, council, plan), _write_parts)
