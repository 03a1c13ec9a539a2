"""The build cache: one SQLite file beside the store (`STORE.cache/extractions.sqlite`).

It holds, per document (keyed by content, manifest facts and the extractor's code), what the
document puts in a store, made by the worker that extracted it (`graph.model.document_parts`):

- `extraction`: the document's own rows as compressed CSV lines, ready to append to the bulk-load
  files, with its contributions to shared nodes and the ids of its own nodes;
- `person`: one row per person the document mentions (name, kind, post, first mention...): what
  identity resolution reads, a council at a time, without unpacking any document, and the id that
  resolution gave the person in the store the state describes (`meta.ids` names that build);
- `contrib`: which documents contribute to which shared node (council, committee, meeting, topic,
  indicator) and with which properties (interned in `props`), so an incremental build can merge a
  shared node again from its remaining documents without reading the others.

The extraction itself is not kept: a document's rows depend only on it, the topic scheme and the
code, which the key covers; what depends on other documents (person ids, shared nodes) is made
from the `person` and `contrib` rows. One file instead of one per document: 100,000 documents are
one database, not 100,000 inodes.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FILE = "extractions.sqlite"
_SCHEMA = [
    # row ids are never reused (AUTOINCREMENT): person and contrib rows name their document by it
    "CREATE TABLE IF NOT EXISTS extraction(rowid INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT UNIQUE, source TEXT, "
    "council TEXT, committee TEXT, parts BLOB)",
    "CREATE INDEX IF NOT EXISTS extraction_council ON extraction(council, source)",
    "CREATE TABLE IF NOT EXISTS person(doc INTEGER, idx INTEGER, name TEXT, kind TEXT, role TEXT, member_id TEXT, "
    "start INTEGER, party TEXT, ward TEXT, post TEXT, title TEXT, whn TEXT, id TEXT, PRIMARY KEY(doc, idx)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS contrib(nid TEXT, doc INTEGER, props INTEGER, PRIMARY KEY(nid, doc)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS props(id INTEGER PRIMARY KEY, json TEXT UNIQUE)",
    "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT)",
]
_PERSON_COLS = "name, kind, role, member_id, start, party, ward, post, title, whn"


def pack(parts: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    """(compressed parts, the small record the parent files in the person and contrib tables): done
    in the worker that extracted the document."""
    blob = zlib.compress(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL), 6)
    return blob, {k: parts[k] for k in ("source", "council", "committee", "people", "shared")}


def unpack(blob: bytes) -> dict[str, Any]:
    return pickle.loads(zlib.decompress(blob))


class ExtractionCache:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILE
        self._db: sqlite3.Connection | None = sqlite3.connect(self.path)
        db = self._db
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=NORMAL")
        cols = [r[1] for r in db.execute("PRAGMA table_info(extraction)")]
        if cols and "parts" not in cols:  # the cache of an earlier version (pickled extractions): start again
            for table in ("extraction", "person", "contrib", "props", "meta"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
        for stmt in _SCHEMA:
            db.execute(stmt)
        self._keys = {k for (k,) in db.execute("SELECT key FROM extraction")}
        self._props: dict[str, int] | None = None
        self._pending = 0

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def _prop_id(self, props: dict[str, Any]) -> int:
        if self._props is None:
            self._props = {j: i for i, j in self._db.execute("SELECT id, json FROM props")}
        text = json.dumps(props, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)
        pid = self._props.get(text)
        if pid is None:
            pid = self._db.execute("INSERT INTO props(json) VALUES (?)", (text,)).lastrowid
            self._props[text] = pid
        return pid

    def put(self, key: str, packed: tuple[bytes, dict[str, Any]]) -> None:
        if key in self._keys:
            return  # the same key is the same document, code and scheme: the same parts
        blob, meta = packed
        db = self._db
        doc = db.execute("INSERT INTO extraction(key, source, council, committee, parts) VALUES (?, ?, ?, ?, ?)",
                         (key, meta.get("source"), meta.get("council"), meta.get("committee"), blob)).lastrowid
        db.executemany(f"INSERT INTO person(doc, idx, {_PERSON_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [(doc, i, *p) for i, p in enumerate(meta.get("people", ()))])
        db.executemany("INSERT OR IGNORE INTO contrib(nid, doc, props) VALUES (?, ?, ?)",
                       [(nid, doc, self._prop_id(props)) for _label, nid, props in meta.get("shared", ())])
        self._keys.add(key)
        self._pending += 1
        if self._pending >= 500:
            self.commit()

    def commit(self) -> None:
        self._db.commit()
        self._pending = 0

    # -- reading ----------------------------------------------------------------------------------------

    def docs(self, keys: Iterable[str]) -> dict[str, tuple[int, str, str]]:
        """key -> (row id, source, council slug) for the given keys."""
        wanted = set(keys)
        return {k: (rid, src, council) for rid, k, src, council in
                self._db.execute("SELECT rowid, key, source, council FROM extraction") if k in wanted}

    def councils(self, rowids: Iterable[int]) -> set[str]:
        ids = list(rowids)
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT DISTINCT council FROM extraction WHERE rowid IN ({','.join('?' * len(chunk))})"
            out.update(c for (c,) in self._db.execute(q, chunk))
        return out

    def people(self, council: str, live: set[int]) -> Iterator[tuple[int, str, str | None, int, tuple, str | None]]:
        """(doc row id, source, committee, index, person record, stored id) for the council's live
        documents, in document order (sources sorted, each document's people in order)."""
        cols = ", ".join("p." + c.strip() for c in _PERSON_COLS.split(","))
        q = (f"SELECT e.rowid, e.source, e.committee, p.idx, {cols}, p.id FROM extraction e "
             "JOIN person p ON p.doc = e.rowid WHERE e.council = ? ORDER BY e.source, p.idx")
        for row in self._db.execute(q, (council,)):
            if row[0] in live:
                yield row[0], row[1], row[2], row[3], tuple(row[4:14]), row[14]

    def parts(self, council: str, live: set[int]) -> Iterator[tuple[int, dict[str, Any]]]:
        """(doc row id, parts) of the council's live documents, sources sorted."""
        for rid, blob in self._db.execute("SELECT rowid, parts FROM extraction WHERE council = ? ORDER BY source",
                                          (council,)):
            if rid in live:
                yield rid, unpack(blob)

    def parts_of(self, rowids: Iterable[int]) -> Iterator[tuple[int, dict[str, Any]]]:
        for rid in sorted(rowids):
            row = self._db.execute("SELECT parts FROM extraction WHERE rowid = ?", (rid,)).fetchone()
            if row is not None:
                yield rid, unpack(row[0])

    def set_dead(self, live: set[int]) -> None:
        """Name the documents in the cache that are not in the store being made (removed ones, and
        any a failed build left), so that contributions leave them out."""
        db = self._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS dead(id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM dead")
        db.executemany("INSERT INTO dead VALUES (?)",
                       [(r,) for (r,) in db.execute("SELECT rowid FROM extraction") if r not in live])

    def contributions(self, nid: str) -> list[dict[str, Any]]:
        """The distinct properties the live documents give a shared node (merged in any order:
        `graph.model.merge_shared`)."""
        rows = self._db.execute("SELECT p.json FROM props p WHERE p.id IN (SELECT DISTINCT c.props FROM contrib c "
                                "WHERE c.nid = ? AND c.doc NOT IN (SELECT id FROM dead)) ORDER BY p.id", (nid,))
        return [json.loads(j) for (j,) in rows]

    # -- the ids the store holds ---------------------------------------------------------------------------

    def ids_generation(self) -> str | None:
        row = self._db.execute("SELECT v FROM meta WHERE k = 'ids'").fetchone()
        return row[0] if row else None

    def set_ids(self, changes: Iterable[tuple[str, int, int]], generation: str) -> None:
        """Record the person ids of the store just swapped in (id, doc row id, index), with its generation."""
        self.commit()
        db = self._db
        db.executemany("UPDATE person SET id = ? WHERE doc = ? AND idx = ?", changes)
        db.execute("INSERT OR REPLACE INTO meta(k, v) VALUES ('ids', ?)", (generation,))
        db.commit()

    def prune(self, live: Iterable[str]) -> int:
        dead = self._keys - set(live)
        if not dead:
            return 0
        db = self._db
        for key in dead:
            row = db.execute("SELECT rowid FROM extraction WHERE key = ?", (key,)).fetchone()
            if row is None:
                continue
            db.execute("DELETE FROM person WHERE doc = ?", row)
            db.execute("DELETE FROM extraction WHERE rowid = ?", row)
        # contributions of dead documents: one pass (contrib is keyed by node, not document)
        db.execute("DELETE FROM contrib WHERE doc NOT IN (SELECT rowid FROM extraction)")
        self._keys -= dead
        self.commit()
        return len(dead)

    def close(self) -> None:
        if self._db is None:  # closed already (a failed build closes before removing the folder)
            return
        self.commit()
        self._db.close()
        self._db = None
