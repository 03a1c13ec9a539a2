"""Turn bytes into text the way council websites actually serve it.

ModernGov exports are UTF-8, sometimes with a BOM; pages saved from older browsers or pasted
through Word are Windows-1252. We try those in order rather than guessing with a detector,
because a detector's guess on a short page is less reliable than the two encodings we see.
"""

from __future__ import annotations

from councilgraph.errors import InputError

_CONTROL = bytes(c for c in range(32) if c not in {9, 10, 12, 13})


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or many control characters: images, zips, office files."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return control / len(sample) > 0.05


def decode(data: bytes, *, path: str) -> str:
    """Decode UTF-8 (with or without BOM), else Windows-1252; normalise newlines to LF."""
    if not data.strip():
        raise InputError("empty file", path=path)
    if looks_binary(data):
        raise InputError("binary file, not text minutes", path=path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
