"""Extraction over a process pool: every core works, results come back in input order.

`extract_stream` takes (document, needed) pairs in order and yields, in the same order, either what
each needed document puts in a store (`graph.model.document_parts`: its own rows already as CSV
lines, packed as the cache stores them), or the extractor's refusal (`InputError` message);
documents that are not needed (cache hits) pass through without going to a worker. Each document's
parts depend on that document alone, so a parallel build gives the same bytes as a serial one
(tests/test_parallel.py compares exports). The workers do the per-document work (extraction, topics,
rows, CSV formatting, compression); the parent only files the result and appends lines.

At most `workers * _AHEAD` documents are in flight, so memory stays bounded whatever the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .packing import pack

_AHEAD = 16
_scheme: Any = None


def default_workers() -> int:
    env = os.environ.get("COUNCILGRAPH_WORKERS")
    if env:
        return max(1, int(env))
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _init(scheme_path: str | None) -> None:
    global _scheme
    import gc

    from .topics import TopicScheme

    # as in api.extract: extraction makes no reference cycles, so the cyclic collector's walks free
    # nothing; young objects are collected every _YOUNG_EVERY documents for loaders that do make them
    gc.disable()

    if _scheme is None:  # forked workers inherit the parent's scheme
        _scheme = TopicScheme.load(scheme_path) if scheme_path else TopicScheme.load()


def extract_one(doc: Any, scheme: Any = None) -> tuple[tuple[bytes, dict] | None, str | None]:
    """(packed document parts (graph.packing.pack), None) or (None, why the extractor refused it)."""
    from councilgraph.loaders.extract import extract_document

    from councilgraph.errors import InputError

    from .topics import annotate

    try:
        x = extract_document(doc)
    except InputError as exc:
        return None, exc.message
    from .model import document_parts

    scheme = scheme if scheme is not None else _scheme
    annotate(x, scheme)
    return pack(document_parts(x, scheme)), None


_YOUNG_EVERY = 50
_done = 0


def _work(doc: Any) -> tuple[tuple[bytes, dict] | None, str | None]:
    global _done
    _done += 1
    if _done % _YOUNG_EVERY == 0:
        import gc

        gc.collect(0)
    return extract_one(doc)


def extract_stream(items: Iterable[tuple[Any, bool]], *, scheme: Any, scheme_path: Path | None,
                   workers: int) -> Iterator[tuple[Any, tuple[bytes, dict] | None, str | None]]:
    """Yield (document, packed parts or None, refusal or None) in input order."""
    if workers <= 1:
        for doc, needed in items:
            yield (doc, *extract_one(doc, scheme)) if needed else (doc, None, None)
        return
    import multiprocessing as mp

    global _scheme
    _scheme = scheme

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init, initargs=(str(scheme_path) if scheme_path else None,)) as pool:
        pending: deque = deque()  # (doc, async result or None), in input order
        for doc, needed in items:
            pending.append((doc, pool.apply_async(_work, (doc,)) if needed else None))
            while len(pending) > workers * _AHEAD or (pending and (pending[0][1] is None or pending[0][1].ready())):
                d, r = pending.popleft()
                yield (d, None, None) if r is None else (d, *r.get())
        while pending:
            d, r = pending.popleft()
            yield (d, None, None) if r is None else (d, *r.get())
