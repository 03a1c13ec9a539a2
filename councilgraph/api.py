"""The public API. Every CLI command is a thin wrapper over one function here.

    from councilgraph.api import extract
    extractions = extract(["minutes/"], manifest="minutes/manifest.csv")
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

# The extractor, the topic scheme and the store are imported where they are used, so that
# `councilgraph --help` and commands that need none of them start quickly.
if TYPE_CHECKING:
    from councilgraph.graph.topics import TopicScheme
    from councilgraph.loaders import Document, Skip
    from councilgraph.loaders.extract import Extraction

SAMPLE_DIR = Path(__file__).resolve().parent / "sample"


def sample_corpus() -> Path:
    """Folder of the bundled fictional minutes (with manifest.csv and gold/)."""
    return SAMPLE_DIR / "minutes"


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch is extracted.

    Extraction makes millions of small objects and no reference cycles (tests/test_robustness.py
    checks that none are left to collect), so the collector's repeated walks over the growing list
    of results free nothing; pausing it makes `extract` 10-15% faster on 1,000 items. Loaders can
    make cycles (pypdf's object graphs do), so `_YOUNG_EVERY` documents the young objects are
    collected once: each object is walked once at most. The previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_YOUNG_EVERY = 50


def extract(
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    fmt: str | None = None,
    strict: bool = False,
    topics: TopicScheme | str | Path | None = None,
    on_skip: Callable[[Skip], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_inputs: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Load, extract, resolve identities across documents and assign topics.

    Files that cannot be read, or are not minutes, are reported through `on_skip` and left out;
    with `strict=True` the first one raises `InputError` instead; nothing at all to read is a
    `UsageError`. `on_inputs(n)` hears how many
    files the walk of `paths` found before any is read (a progress bar's total, without a second walk).
    """
    from councilgraph.errors import InputError
    from councilgraph.graph.topics import TopicScheme, annotate, default_scheme
    from councilgraph.loaders import Skip, iter_documents, walk_inputs
    from councilgraph.loaders.extract import extract_document
    from councilgraph.loaders.extract.identity import resolve

    scheme = topics if isinstance(topics, TopicScheme) else (
        TopicScheme.load(topics) if topics else default_scheme())
    out: list[Extraction] = []

    def skip(s: Skip) -> None:
        if strict:
            raise InputError(s.reason, path=s.path)
        if on_skip:
            on_skip(s)

    paths = list(paths)
    walked = walk_inputs(paths, on_skip, untouched="nothing written")
    if on_inputs:
        on_inputs(len(walked[0]))
    with cyclic_gc_paused():
        for i, doc in enumerate(iter_documents(paths, manifest=manifest, fmt=fmt, strict=strict, on_skip=skip,
                                               walked=walked), 1):
            if on_document:
                on_document(doc)
            if i % _YOUNG_EVERY == 0:
                gc.collect(0)
            try:
                x = extract_document(doc)
            except InputError as exc:
                skip(Skip(doc.source, exc.message))
                continue
            out.append(x)
        resolve(out)
        for x in out:
            annotate(x, scheme)
    return out


# -- graph, store and queries (each CLI command calls one of these) -----------------------------------

def build(sources: Iterable[str | Path], store: str | Path, **kw):
    """Build or update the embedded store from minutes; see `councilgraph.graph.build.build`."""
    from councilgraph.graph.build import build as _build

    return _build(sources, store, **kw)


def query(name: str, params: dict | None = None, *, store: str | Path | None = None, neo4j=None):
    """Run a named query from the library (`councilgraph.queries.library.QUERIES`)."""
    from councilgraph.queries.run import run_query

    return run_query(name, params, store=store, neo4j=neo4j)


class OpenStore:
    """An embedded store kept open for repeated queries: opening costs 100-170 ms, a query on an open
    store can cost a millisecond. Use as `with api.open_store(path) as s: s.query(name, params)`."""

    def __init__(self, path: str | Path) -> None:
        from councilgraph.graph.store import LadybugStore

        self.path = Path(path)
        self._store = LadybugStore(path)

    def query(self, name: str, params: dict | None = None):
        """A named query, as `api.query` gives it (summary tables where the query has them)."""
        from councilgraph.queries.run import run_query

        return run_query(name, params, store=self._store)

    def cypher(self, text: str, params: dict | None = None):
        from councilgraph.queries.run import run_cypher

        return run_cypher(text, params, store=self._store)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> OpenStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path) -> OpenStore:
    """Open an embedded store once for many queries (read-only)."""
    return OpenStore(path)


def cypher(text: str, params: dict | None = None, *, store: str | Path | None = None, neo4j=None):
    """Run your own Cypher, parameters checked before it runs."""
    from councilgraph.queries.run import run_cypher

    return run_cypher(text, params, store=store, neo4j=neo4j)


def export(store: str | Path, fmt: str, out) -> None:
    """Write the store as node-link JSON or RDF (turtle, nt, xml, json-ld) to a text stream."""
    from councilgraph.graph.export import export_file

    export_file(store, fmt, out)


def load_graph(store: str | Path, **filters):
    """The store as a networkx MultiDiGraph, whole or the part around council/committee/topic/person."""
    from councilgraph.graph.export import load_graph as _load

    return _load(store, **filters)


def push(store: str | Path, uri: str, *, user: str | None = None, password: str | None = None,
         database: str | None = None, on_progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Merge the store's graph into a Neo4j database (idempotent), streamed in batched UNWIND
    transactions with bounded memory; `on_progress(done, total)` after each batch."""
    from councilgraph.graph.store import LadybugStore
    from councilgraph.queries.neo4j import Neo4jTarget

    with LadybugStore(store) as st, Neo4jTarget(uri, user, password, database) as target:
        return target.push_store(st, on_progress=on_progress)


# -- pictures --------------------------------------------------------------------------------------------

def visualise(store: str | Path, out: str | Path, *, topic: str | None = None, person: str | None = None,
              committee: str | None = None, council: str | None = None, years: tuple[int, int] | None = None,
              max_nodes: int = 3000, title: str | None = None):
    """Write an interactive graph page: whole store, or a focused view.

    A topic view follows one concern (topic -> questions -> meetings, committees, askers,
    responders); a person view is their ego network; a committee view with years is a committee's
    year. Returns the drawn view (nodes, edges, and a note when the graph was aggregated).
    """
    from councilgraph.graph.export import load_graph as _load
    from councilgraph.visualise.page import write_page

    g = _load(store, topic=topic, person=person, committee=committee, council=council, years=years)
    label = title or "councilgraph: " + (", ".join(f"{k} {v}" for k, v in (("topic", topic), ("person", person),
                                                                          ("committee", committee),
                                                                          ("council", council)) if v)
                                        or "all minutes") + (f" ({years[0]}–{years[1]})" if years else "")
    return write_page(g, out, title=label, max_nodes=max_nodes)


def report(store: str | Path, out: str | Path, **kw) -> Path:
    """One self-contained HTML report: recurring concerns, heatmap, timelines and the graph."""
    from councilgraph.visualise.report import write_report

    return write_report(store, out, **kw)


def plot(store: str | Path, kind: str, out: str | Path, *, topic: str | None = None, council: str = "",
         committee: str = "") -> list[Path]:
    """PNG and SVG plots: kind is heatmap, timeline (needs topic) or askers (needs topic)."""
    from councilgraph.errors import QueryError
    from councilgraph.visualise import plots

    if kind == "heatmap":
        return plots.heatmap(store, out, council=council, committee=committee)
    if not topic:
        raise QueryError(f"a {kind} plot needs --topic")
    if kind == "timeline":
        return plots.timeline(store, topic, out)
    if kind == "askers":
        return plots.askers(store, topic, out)
    raise QueryError(f"unknown plot {kind!r}: heatmap, timeline or askers")


def candidate_topics(store: str | Path, *, min_docs: int = 3, limit: int = 40,
                     topics: str | Path | None = None) -> list[tuple[str, int]]:
    """Phrases that recur in questions across documents but match no concept: (phrase, documents).

    A list to read when extending the concern scheme (scripts/concepts_outline.txt, or your own
    scheme passed with --topics).
    """
    from councilgraph.graph.store import LadybugStore
    from councilgraph.graph.topics import TopicScheme, default_scheme
    from councilgraph.graph.topics import candidate_topics as _candidates

    scheme = TopicScheme.load(topics) if topics else default_scheme()
    with LadybugStore(store) as st:
        _, rows = st.query("MATCH (q:Question) RETURN q.doc, q.text ORDER BY q.doc, q.span_start")
    by_doc: dict[str, list[str]] = {}
    for doc, text in rows:
        by_doc.setdefault(doc, []).append(text or "")
    return _candidates([(d, " ".join(t)) for d, t in sorted(by_doc.items())], scheme, min_docs=min_docs,
                       limit=limit)


def fetch(url: str, out: str | Path, **options):
    """Fetch minutes from a ModernGov site into `out` (with manifest.csv); see `councilgraph.fetch.fetch`
    for the options. Returns a FetchReport (new, changed, unchanged, failed, awaiting minutes)."""
    from councilgraph.fetch import fetch as run

    return run(url, out, **options)
