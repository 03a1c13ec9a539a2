"""Evidence by reference: an edge's sentence made from its document's text and span.

The embedded store keeps each document's decoded text once (zlib, a BLOB: `Document.text_z`) and
on each evidenced edge only `doc`, `span_start`, `span_end` (and `page`). Before, every edge carried
its sentence, the paragraph around the span, so a question's paragraph was stored on its ASKED edge,
on the ANSWERED edges of answers in it and on every REPORTED edge of the indicators it names, in
both directions of each edge: more than the text itself. `sentence` here is the one rule used both
when rows are made (`graph.model`) and when edges are read back, so the words are the same.
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from typing import Any


def sentence(text: str, start: int, end: int) -> str:
    """The whole paragraph(s) around a span: from the line break before it to the one after."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    e = len(text) if e < 0 else e
    return text[s:e].strip()


def pack_text(text: str) -> bytes:
    """A document's text as the store keeps it (a BLOB: zlib-compressed UTF-8)."""
    return zlib.compress(text.encode("utf-8"), 6)


# a BLOB in a bulk-load CSV cell: printable ASCII as itself, every other byte (and the comma, quote
# and backslash) as \xHH, so the cell needs no quoting
_BLOB_CELL = [chr(b) if 32 <= b < 127 and b not in (34, 44, 92) else f"\\x{b:02X}" for b in range(256)]


def blob_cell(data: bytes) -> str:
    return "".join(map(_BLOB_CELL.__getitem__, data))


def unpack_text(packed: bytes | None) -> str:
    return zlib.decompress(packed).decode("utf-8") if packed else ""


class Texts:
    """Documents' texts from an open `LadybugStore`, by source. Whoever reads many edges fetches
    their documents first, in one query (`prefetch`, or `preload` for all): the texts are then kept
    packed, and the most recent few unpacked (one document's edges tend to come together)."""

    def __init__(self, store: Any, keep: int = 256) -> None:
        self.store = store
        self.keep = keep
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._packed: dict[str, bytes | None] = {}

    def preload(self) -> None:
        """Every document's packed text (an export reads the whole graph anyway)."""
        self._packed = dict(self.store.query("MATCH (d:Document) RETURN d.source, d.text_z")[1])

    def prefetch(self, sources: Any) -> None:
        """The packed texts of these documents, in one query (replacing the last batch's)."""
        missing = sorted({s for s in sources if s is not None and s not in self._texts and s not in self._packed})
        if missing:
            got = dict(self.store.query("MATCH (d:Document) WHERE d.source IN $s RETURN d.source, d.text_z",
                                        {"s": missing})[1])
            self._packed = {s: got.get(s) for s in missing}

    def text(self, source: str | None) -> str:
        if source is None:
            return ""
        got = self._texts.get(source)
        if got is not None:
            self._texts.move_to_end(source)
            return got
        if source not in self._packed:
            self.prefetch([source])
        got = unpack_text(self._packed.get(source))
        self._texts[source] = got
        while len(self._texts) > self.keep:
            self._texts.popitem(last=False)
        return got

    def sentence(self, source: str | None, start: int | None, end: int | None) -> str | None:
        """The sentence of an edge, or None (as a stored empty sentence read back) when there is none."""
        if source is None or start is None or end is None:
            return None
        return sentence(self.text(source), start, end) or None


# `x.sentence AS name` (or bare `x.sentence`) in a query's final RETURN: answered from the text
_SENTENCE = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\.sentence\b(\s+AS\s+([A-Za-z_][A-Za-z0-9_]*))?", re.I)
_RETURN = re.compile(r"\bRETURN\b", re.I)
_HIDDEN = "__cg_ev"


def rewrite(cypher: str, masked: str) -> tuple[str, list[tuple[str, int]]]:
    """Cypher whose final RETURN asks for sentences, rewritten to return each one's document and
    span (three hidden columns each) instead. `masked` is `cypher` with literals and comments blanked
    (same length), so a sentence inside a string is not touched. Returns the new Cypher and, per
    sentence, (column name, index)."""
    returns = list(_RETURN.finditer(masked))
    if not returns:
        return cypher, []
    start = returns[-1].end()
    out, asked, last = [], [], 0
    for n, m in enumerate(_SENTENCE.finditer(masked, start)):
        var, alias = m.group(1), m.group(3)
        before = masked[:m.start()].rstrip()
        after = masked[m.end():].lstrip()
        # only a projection of its own (`RETURN a, r.sentence AS s`), not inside an expression
        # (`collect(r.sentence)`): those are left for the store to refuse, with the hint
        if not (before.upper().endswith(("RETURN", "DISTINCT")) or before.endswith(",")) or not (
                not after or after.startswith(",") or after.split(None, 1)[0].upper() in ("ORDER", "SKIP", "LIMIT")):
            continue
        name = alias or cypher[m.start():m.start() + len(var) + len(".sentence")]
        out.append(cypher[last:m.start()])
        out.append(f"{var}.doc AS {_HIDDEN}{n}d, {var}.span_start AS {_HIDDEN}{n}s, {var}.span_end AS {_HIDDEN}{n}e")
        asked.append((name, n))
        last = m.end()
    if not asked:
        return cypher, []
    out.append(cypher[last:])
    return "".join(out), asked


def fill(texts: Texts, columns: list[str], rows: list[list[Any]],
         asked: list[tuple[str, int]]) -> tuple[list[str], list[list[Any]]]:
    """Put each asked sentence back in its place, made from the hidden columns `rewrite` added."""
    docs = [columns.index(f"{_HIDDEN}{n}d") for _name, n in asked]
    texts.prefetch({row[i] for row in rows for i in docs})
    for name, n in asked:
        i = columns.index(f"{_HIDDEN}{n}d")
        columns[i:i + 3] = [name]
        for row in rows:
            row[i:i + 3] = [texts.sentence(row[i], row[i + 1], row[i + 2])]
    return columns, rows
