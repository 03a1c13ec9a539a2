"""The extraction cache: one SQLite file beside the store (`STORE.cache/extractions.sqlite`).

Each document's annotated extraction is kept twice over, both compressed: the whole extraction
(read once, to write the document's rows) and the small view identity resolution needs (names,
kinds, roles, first mention), so resolving identities across the corpus never unpickles a whole
extraction and no extraction is unpickled twice in a build. One file instead of one file per
document: 100,000 documents are one database, not 100,000 inodes, and compression keeps the text
(the bulk of an extraction) at a fraction of its size.
"""

from __future__ import annotations

import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

from councilgraph.loaders.extract.records import Extraction, Person

FILE = "extractions.sqlite"


def identity_view(x: Extraction) -> Extraction:
    """What identity resolution reads of a document: nothing else (no text, no questions)."""
    # a ModernGov member id is identity's strongest evidence: it travels with the view
    people = [Person(key=p.key, name=p.name, kind=p.kind, role=p.role, mentions=p.mentions[:1],
                     member_id=p.member_id) for p in x.people]
    return Extraction(source=x.source, url=x.url, content_hash="", council=x.council, committee=x.committee,
                      meeting_date=x.meeting_date, people=people)


def pack(x: Extraction) -> tuple[bytes, bytes]:
    """(compressed whole extraction, compressed identity view): done in the worker that extracted it."""
    dump = pickle.HIGHEST_PROTOCOL
    return (zlib.compress(pickle.dumps(x, protocol=dump), 6),
            zlib.compress(pickle.dumps(identity_view(x), protocol=dump), 6))


class ExtractionCache:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILE
        self._db: sqlite3.Connection | None = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=DELETE")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS extraction(key TEXT PRIMARY KEY, full BLOB, view BLOB)")
        self._keys = {k for (k,) in self._db.execute("SELECT key FROM extraction")}
        self._pending = 0

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def put(self, key: str, packed: tuple[bytes, bytes]) -> None:
        self._db.execute("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?)", (key, *packed))
        self._keys.add(key)
        self._pending += 1
        if self._pending >= 500:
            self.commit()

    def commit(self) -> None:
        self._db.commit()
        self._pending = 0

    def _blob(self, key: str, column: str) -> Extraction:
        row = self._db.execute(f"SELECT {column} FROM extraction WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return pickle.loads(zlib.decompress(row[0]))

    def full(self, key: str) -> Extraction:
        return self._blob(key, "full")

    def view(self, key: str) -> Extraction:
        return self._blob(key, "view")

    def prune(self, live: Iterable[str]) -> int:
        dead = self._keys - set(live)
        self._db.executemany("DELETE FROM extraction WHERE key = ?", [(k,) for k in dead])
        self._keys -= dead
        self.commit()
        return len(dead)

    def close(self) -> None:
        if self._db is None:  # closed already (a failed build closes before removing the folder)
            return
        self.commit()
        self._db.close()
        self._db = None
