"""Loaders: files in, `Document`s out. Extraction (loaders.extract) turns documents into records.

`iter_documents` is the one entry point: it expands folders, applies manifests, picks a loader
by sniffing, and reports every file it skips (with the reason) instead of raising, so one bad page
never stops a batch. `strict=True` turns the first skip into an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from councilgraph.errors import InputError

from .document import Document, SourceInfo
from .manifest import MANIFEST_NAME, read_manifest
from .registry import Loader, choose_loader, get_loader, loaders, register_loader

__all__ = [
    "Document", "SourceInfo", "Loader", "Skip", "iter_documents", "expand_paths", "load_path",
    "read_manifest", "register_loader", "loaders", "get_loader",
]

_IGNORED_NAMES = {MANIFEST_NAME, "readme.md", ".ds_store"}


@dataclass(frozen=True)
class Skip:
    """A file that was not processed, and why (shown to the user as `path: reason`)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skip]]:
    """Files named directly, plus every file below named folders, in sorted (repeatable) order."""
    files: list[Path] = []
    skips: list[Skip] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # files in hidden folders (.git, fetch's .fetch-cache) are not inputs
            found = sorted(f for f in p.rglob("*") if f.is_file() and not _ignored(f)
                           and not any(part.startswith(".") for part in f.relative_to(p).parts[:-1]))
            if not found:
                skips.append(Skip(str(p), "folder has no minutes files"))
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            skips.append(Skip(str(p), "no such file or folder"))
    return files, skips


def _ignored(f: Path) -> bool:
    return f.name.lower() in _IGNORED_NAMES or f.name.startswith(".") or f.suffix.lower() == ".json"


def load_path(path: str | Path, info: SourceInfo | None = None, fmt: str | None = None) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(p)) from exc
    loader = choose_loader(data, str(p), fmt)
    return loader.load(data, str(p), info or SourceInfo())


def iter_documents(
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    fmt: str | None = None,
    strict: bool = False,
    on_skip: Callable[[Skip], None] | None = None,
) -> Iterator[Document]:
    """Yield documents; report unreadable files through `on_skip` (or raise if `strict`)."""
    files, skips = expand_paths(paths)
    infos: dict[str, SourceInfo] = {}
    manifests = {f.parent / MANIFEST_NAME for f in files if (f.parent / MANIFEST_NAME).is_file()}
    for m in sorted(manifests):
        infos.update(read_manifest(m))
    if manifest:
        infos.update(read_manifest(manifest))

    def skip(s: Skip) -> None:
        if strict:
            raise InputError(s.reason, path=s.path)
        if on_skip:
            on_skip(s)

    for s in skips:
        skip(s)
    for f in files:
        try:
            yield load_path(f, infos.get(f.name), fmt)
        except InputError as exc:
            skip(Skip(str(f), exc.message))
