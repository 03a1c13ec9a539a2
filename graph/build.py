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

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.loaders import Document, Skip, iter_documents
from councilgraph.loaders.extract.identity import resolve

from councilgraph.errors import InputError

from .cache import ExtractionCache
from .model import Row, document_rows
from .parallel import default_workers, extract_stream
from .store import StoreStats, write_store
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
    return hashlib.sha256(facts.encode()).hexdigest()[:32]


@dataclass
class BuildReport:
    store: Path
    documents: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[Skip] = field(default_factory=list)
    stats: StoreStats | None = None

    def summary(self) -> str:
        s = self.stats or StoreStats()
        return (f"{self.documents} documents ({self.extracted} extracted, {self.unchanged} unchanged, "
                f"{self.removed} removed, {len(self.skipped)} skipped): {s.nodes} nodes, {s.edges} edges "
                f"in {self.store}")


def build(sources: Iterable[str | Path], store: str | Path, *, manifest: str | Path | None = None,
          fmt: str | None = None, strict: bool = False, topics: str | Path | None = None,
          on_skip: Callable[[Skip], None] | None = None,
          on_document: Callable[[Document], None] | None = None, workers: int | None = None) -> BuildReport:
    store = Path(store)
    cache = Path(str(store) + ".cache")
    cache.mkdir(parents=True, exist_ok=True)
    scheme_path = Path(topics) if topics else DEFAULT_SCHEME
    scheme = TopicScheme.load(scheme_path) if topics else TopicScheme.load()
    version = _code_version(scheme_path)
    state_file = cache / "state.json"
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    previous: dict[str, str] = state.get("documents", {}) if state.get("version") == version else {}
    report = BuildReport(store=store)

    def skip(s: Skip) -> None:
        if strict:
            raise InputError(s.reason, path=s.path)
        report.skipped.append(s)
        if on_skip:
            on_skip(s)

    current: dict[str, str] = {}
    xcache = ExtractionCache(cache)

    def todo() -> Iterator[tuple[Document, bool]]:
        for doc in iter_documents(sources, manifest=manifest, fmt=fmt, strict=strict, on_skip=skip):
            yield doc, cache_key(doc, version) not in xcache

    w = default_workers() if workers is None else workers
    for doc, packed, refused in extract_stream(todo(), scheme=scheme, scheme_path=Path(topics) if topics else None,
                                               workers=w):
        if on_document:
            on_document(doc)
        key = cache_key(doc, version)
        if refused is not None:
            skip(Skip(doc.source, refused))
            continue
        if packed is None:
            report.unchanged += 1
        else:
            xcache.put(key, packed)
            report.extracted += 1
        current[doc.source] = key
    xcache.commit()
    report.documents = len(current)
    report.removed = len(set(previous) - set(current))
    if current == previous and store.exists() and state.get("stats"):
        report.stats = StoreStats(**state["stats"])  # nothing changed: the store is already this corpus
        xcache.close()
        return report

    ids = _resolve_ids(xcache, current)
    report.stats = write_store(_rows(xcache, current, ids, scheme), store)
    state_file.write_text(json.dumps({"version": version, "stats": vars(report.stats), "documents": current},
                                     indent=1, sort_keys=True))
    xcache.prune(current.values())
    xcache.close()
    for f in cache.glob("*.pkl"):  # the one-file-per-document cache of earlier versions
        f.unlink()
    return report


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
