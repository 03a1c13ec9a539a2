"""Plain-text minutes, as ModernGov's "Agenda item" and "Issue - meetings" pages copy out."""

from __future__ import annotations

from .decoding import decode, looks_binary
from .document import Document, SourceInfo
from .registry import Loader, register_loader


def sniff(data: bytes) -> float:
    if not data or looks_binary(data):
        return 0.0
    return 0.1  # the fallback: anything that is text


def load(data: bytes, path: str, info: SourceInfo) -> Document:
    return Document(source=path, text=decode(data, path=path), format="text", info=info)


register_loader(Loader("text", (".txt", ".text", ".md"), sniff, load))
