"""`councilgraph build`: sources in, an embedded store out, updated incrementally.

Documents are extracted on every core (`graph.parallel`, results in input order, so the store is the
same whatever the number of workers). Each document's extraction is cached beside the store
(`STORE.cache/extractions.sqlite`, `graph.cache`), keyed by its content hash,
its manifest facts and the extractor's own code, so an unchanged document is never extracted
again, a changed one is re-extracted and a removed one drops out. Identities are then resolved
over the whole corpus (whether "S Tracey" is "Stephen Tracey" depends on every document) holding
only people in memory, and the store is rewritten from the cache into a new file that replaces
the old one only when it is complete.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.loaders import Document, Skip, expand_paths, iter_documents
from councilgraph.loaders.extract.identity import resolve

from councilgraph.errors import InputError, UsageError

from .cache import ExtractionCache
from .model import Row, document_rows
from .parallel import default_workers, extract_stream
from .store import StoreStats, clean_leftovers, commit_state, read_state, store_lock, write_state_next, write_store
from .topics import DEFAULT_SCHEME, TopicScheme

_CODE = [Path(__file__).resolve().parent.parent / "loaders" / "extract", Path(__file__).resolve().parent]


def _code_version(scheme_path: Path) -> str:
    h = hashlib.sha256()
    for folder in _CODE:
        for f in sorted(folder.glob("*.py")):
            h.update(f.read_bytes())
    h.update(scheme_path.read_bytes())
    return h.hexdigest()[:16]


def cache_key(doc: Document, version: str) -> str:
    info = doc.info
    facts = f"{version}|{doc.source}|{doc.content_hash}|{info.url}|{info.council}|{info.committee}|{info.meeting_date}"
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
          on_document: Callable[[Document], None] | None = None, workers: int | None = None) -> BuildReport:
    """Build or update `store` from `sources` (extracting on `workers` processes; default: every core).

    Documents already in the store but not read this time are kept unless `prune` is given, except
    those whose file was below a folder given here and is gone from disk (deleted from a folder that
    was read again). Nothing readable among `sources` is a `UsageError` and the store is not touched.
    `dry_run` reads and extracts nothing new into the store and reports what a build would change.
    """
    sources = [Path(s) for s in sources]
    store = Path(store)
    files, _ = expand_paths(sources)
    if not files:
        shown = ", ".join(str(s) for s in sources) or "(none)"
        raise UsageError(f"nothing to read in {shown}: no minutes files there; store left unchanged",
                         path=str(store))
    with store_lock(store, wait=wait):
        return _build_locked(sources, store, manifest=manifest, fmt=fmt, strict=strict, topics=topics,
                             prune=prune, dry_run=dry_run, on_skip=on_skip, on_document=on_document,
                             workers=workers)


def _build_locked(sources: list[Path], store: Path, *, manifest, fmt, strict, topics, prune, dry_run,
                  on_skip, on_document, workers) -> BuildReport:
    cache = Path(str(store) + ".cache")
    cache_existed = cache.exists()
    if not dry_run:
        clean_leftovers(store)
    cache.mkdir(parents=True, exist_ok=True)
    scheme_path = Path(topics) if topics else DEFAULT_SCHEME
    scheme = TopicScheme.load(scheme_path) if topics else TopicScheme.load()
    version = _code_version(scheme_path)
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

    def todo() -> Iterator[tuple[Document, bool]]:
        for doc in iter_documents(sources, manifest=manifest, fmt=fmt, strict=strict, on_skip=skip):
            first = seen_hash.setdefault(doc.content_hash, doc.source)
            if first != doc.source:  # one document seen twice (a byte or CRLF copy): keep the first
                report.duplicates.append((doc.source, first))
                continue
            yield doc, not dry_run and cache_key(doc, version) not in xcache

    w = default_workers() if workers is None else workers
    try:
        for doc, packed, refused in extract_stream(todo(), scheme=scheme, scheme_path=Path(topics) if topics
                                                   else None, workers=w):
            if on_document:
                on_document(doc)
            key = cache_key(doc, version)
            if refused is not None:
                skip(Skip(doc.source, refused))
                continue
            if packed is not None:
                xcache.put(key, packed)
                report.extracted += 1
            elif key in xcache:
                report.unchanged += 1
            else:  # a dry run: this one would be extracted
                report.extracted += 1
            current[doc.source] = key
        xcache.commit()
        return _finish(report, sources, store, cache, cache_existed, xcache, current, known, previous, state,
                       version, scheme, prune=prune, dry_run=dry_run)
    finally:
        xcache.close()


def _finish(report: BuildReport, sources: list[Path], store: Path, cache: Path, cache_existed: bool,
            xcache: ExtractionCache, current: dict[str, str], known: dict[str, str], previous: dict[str, str],
            state: dict, version: str, scheme: TopicScheme, *, prune: bool, dry_run: bool) -> BuildReport:
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

    ids = _resolve_ids(xcache, current)
    record = {"version": version, "documents": current}

    def before_swap(new_db: Path, stats: StoreStats) -> None:
        write_state_next(store, {**record, "stats": vars(stats)}, new_db)

    report.stats = write_store(_rows(xcache, current, ids, scheme), store, before_swap=before_swap)
    commit_state(store)
    _trim_cache(cache, xcache, current)
    return report


def _trim_cache(cache: Path, xcache: ExtractionCache, current: dict[str, str]) -> None:
    """The cache holds what the store holds: entries for other documents go, and so do the
    one-file-per-document entries (`*.pkl`, half-written `*.tmp`) of earlier versions."""
    xcache.prune(current.values())
    xcache.commit()
    for f in cache.iterdir():
        if f.suffix in (".pkl", ".tmp"):
            with contextlib.suppress(OSError):
                f.unlink()


def _resolve_ids(xcache: ExtractionCache, current: dict[str, str]) -> dict[tuple[str, str], str]:
    """Resolve identities over every document, reading only the cached identity views (people, not texts)."""
    views = [xcache.view(current[source]) for source in sorted(current)]
    resolve(views)
    return {(v.source, p.key): p.id for v in views for p in v.people if p.id}


def _rows(xcache: ExtractionCache, current: dict[str, str], ids: dict[tuple[str, str], str],
          scheme: TopicScheme) -> Iterator[Row]:
    for source in sorted(current):
        x = xcache.full(current[source])
        for p in x.people:
            p.id = ids.get((x.source, p.key))
        yield from document_rows(x, scheme)
