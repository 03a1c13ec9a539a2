"""Loaders register by format name; the right one is chosen by sniffing the bytes.

Chosen by explicit format first, then by content (sniff scores), then by file suffix, as rdflib
does for parsers, so a `.txt` file that is really a saved HTML page still loads as HTML. Heavy
dependencies (pypdf, selectolax) are imported inside each loader's `load`, only when used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from councilgraph.errors import InputError

from .document import Document, SourceInfo


@dataclass(frozen=True)
class Loader:
    """A format: `sniff` scores how sure it is (0..1) that bytes are its format; `load` decodes."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], float]
    load: Callable[[bytes, str, SourceInfo], Document]


_LOADERS: dict[str, Loader] = {}


def register_loader(loader: Loader) -> Loader:
    _LOADERS[loader.name] = loader
    return loader


def loaders() -> list[Loader]:
    _ensure_builtin()
    return list(_LOADERS.values())


def get_loader(name: str) -> Loader:
    _ensure_builtin()
    try:
        return _LOADERS[name]
    except KeyError:
        raise InputError(f"unknown format {name!r}; known: {', '.join(sorted(_LOADERS))}") from None


def choose_loader(data: bytes, path: str, fmt: str | None = None) -> Loader:
    """Explicit format, else the best sniff score, else the suffix."""
    if fmt:
        return get_loader(fmt)
    scored = sorted(((ld.sniff(data), ld.name) for ld in loaders()), reverse=True)
    if scored and scored[0][0] > 0:
        return _LOADERS[scored[0][1]]
    lower = path.lower()
    for ld in loaders():
        if lower.endswith(ld.suffixes):
            return ld
    return _LOADERS["text"]


_BUILTIN_LOADED = False


def _ensure_builtin() -> None:
    global _BUILTIN_LOADED
    if _BUILTIN_LOADED:  # asked for every file read: the import statement's own work is not free
        return
    from . import html, moderngov, pdf, text  # noqa: F401  (modules register themselves on first import)
    _BUILTIN_LOADED = True
