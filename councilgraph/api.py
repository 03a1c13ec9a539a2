"""The public API. Every CLI command is a thin wrapper over one function here.

    from councilgraph.api import extract
    extractions = extract(["minutes/"], manifest="minutes/manifest.csv")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from councilgraph.errors import InputError
from councilgraph.graph.topics import TopicScheme, annotate, default_scheme
from councilgraph.loaders import Document, Skip, expand_paths, iter_documents
from councilgraph.loaders.extract import Extraction, extract_document
from councilgraph.loaders.extract.identity import resolve

SAMPLE_DIR = Path(__file__).resolve().parent / "sample"


def sample_corpus() -> Path:
    """Folder of the bundled fictional minutes (with manifest.csv and gold/)."""
    return SAMPLE_DIR / "minutes"


def extract(
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    fmt: str | None = None,
    strict: bool = False,
    topics: TopicScheme | str | Path | None = None,
    on_skip: Callable[[Skip], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> list[Extraction]:
    """Load, extract, resolve identities across documents and assign topics.

    Files that cannot be read, or are not minutes, are reported through `on_skip` and left out;
    with `strict=True` the first one raises `InputError` instead.
    """
    scheme = topics if isinstance(topics, TopicScheme) else (
        TopicScheme.load(topics) if topics else default_scheme())
    out: list[Extraction] = []

    def skip(s: Skip) -> None:
        if strict:
            raise InputError(s.reason, path=s.path)
        if on_skip:
            on_skip(s)

    for doc in iter_documents(paths, manifest=manifest, fmt=fmt, strict=strict, on_skip=skip):
        if on_document:
            on_document(doc)
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


def count_inputs(paths: Iterable[str | Path]) -> int:
    files, _ = expand_paths(paths)
    return len(files)
