"""The build cache: one SQLite file beside the store (`STORE.cache/extractions.sqlite`).

It holds, per document (keyed by content, manifest facts and the extractor's code), what the
document puts in a store, made by the worker that extracted it (`graph.model.document_parts`):

- `extraction`: the document's own rows as CSV lines (no sentences: the store makes them from the
  text), its text once, and its people's edges, compressed together in one blob, ready to append to
  the bulk-load files; the ids of its own nodes are the first cells of its node lines;
- `who` and `mention` (joined as the view `person`): one row per person the document mentions (its
  document, place, first mention and a reference to its description - council, surname or post
  bucket, name, kind, post... - interned in `who`, since the same people are mentioned again and
  again): what identity resolution reads, a council at a time, without unpacking any document, and
  the id that resolution gave the person in the store the state describes (`meta.ids` names that
  build);
- `contrib`: which documents contribute to which shared node (council, committee, meeting, topic,
  indicator; ids interned in `nids`) and with which properties (interned in `props`), so an
  incremental build can merge a shared node again from its remaining documents without reading the
  others; it is also where a document's `shared` parts are read back from (they are not in the blob).

The extraction itself is not kept: a document's rows depend only on it, the topic scheme and the
code, which the key covers; what depends on other documents (person ids, shared nodes) is made
from the `person` and `contrib` rows. One file instead of one per document: 100,000 documents are
one database, not 100,000 inodes. Nothing is kept twice: what the person rows say is not in the
blob, and what follows from other columns (a post's title, the meeting date) is made again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from councilgraph.loaders.extract.identity import Who, bucket

from .model import post_title
from .packing import unpack

FILE = "extractions.sqlite"
# The layout of the file: another value (or none, in a file with tables) is an earlier version's,
# which is removed and filled again. 5 (3 and 4 were steps towards it): no sentences in the lines, the
# document's text in the blob once, people only in the person tables (descriptions interned, ids
# that are their council's prefix and stem kept short, nothing that follows from the rest), shared
# parts only in contrib, shared nodes' ids interned, tables numbered in the blob, 32 KB pages.
VERSION = 5
_PAGE = 32768


def _version(db: sqlite3.Connection) -> int | None:
    """The file's layout version; None for a new, empty file; 0 for an earlier one without it."""
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "meta" not in tables:
        return 0
    row = db.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()
    return int(row[0]) if row else 0
_SCHEMA = [
    # row ids are never reused (AUTOINCREMENT): person and contrib rows name their document by it
    "CREATE TABLE IF NOT EXISTS extraction(rowid INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT UNIQUE, source TEXT, "
    "council TEXT, committee TEXT, whn TEXT, parts BLOB)",
    "CREATE INDEX IF NOT EXISTS extraction_council ON extraction(council, source)",
    # a mention's description (council, surname or post bucket, name, kind, post...) is interned in
    # `who`: the same councillor mentioned in a thousand documents is one row there, and each mention
    # is its document, place, description and the id resolution gave it; `person` joins them back
    "CREATE TABLE IF NOT EXISTS who(id INTEGER PRIMARY KEY, council TEXT, bucket TEXT, name TEXT, kind TEXT, "
    "role TEXT, member_id TEXT, party TEXT, ward TEXT, post TEXT)",
    "CREATE TABLE IF NOT EXISTS mention(doc INTEGER, idx INTEGER, who INTEGER, start INTEGER, id TEXT, base TEXT, "
    "creator INTEGER DEFAULT 0, PRIMARY KEY(doc, idx)) WITHOUT ROWID",
    # a resolved id that is its council's prefix and its stem (most are) is kept as '' (`sid`)
    "CREATE VIEW IF NOT EXISTS person AS SELECT m.doc AS doc, m.idx AS idx, w.council AS council, w.bucket AS bucket, "
    "w.name AS name, w.kind AS kind, w.role AS role, w.member_id AS member_id, m.start AS start, w.party AS party, "
    "w.ward AS ward, w.post AS post, "
    "CASE WHEN m.id = '' THEN w.council || '/person/' || m.base ELSE m.id END AS id, m.id AS sid, "
    "m.base AS base, m.creator AS creator FROM mention m JOIN who w ON w.id = m.who",
    # what an incremental resolution asks for: a council's people by surname or post, by stored id or stem
    "CREATE INDEX IF NOT EXISTS who_bucket ON who(council, bucket, role)",
    "CREATE INDEX IF NOT EXISTS who_post ON who(council, post)",
    # with `creator`: an incremental build asks for the one mention that started a surname's or a
    # stem's cluster, which (who) or (base) alone finds only by reading all of a councillor's
    # 20,000 mentions at 100,000 items (140 ms a question, against 0.3); caches made with the
    # one-column indexes get these once, on first open
    "DROP INDEX IF EXISTS mention_who",
    "DROP INDEX IF EXISTS mention_base",
    "CREATE INDEX IF NOT EXISTS mention_who_creator ON mention(who, creator)",
    "CREATE INDEX IF NOT EXISTS mention_id ON mention(id)",
    "CREATE INDEX IF NOT EXISTS mention_base_creator ON mention(base, creator)",
    # shared nodes' ids and property sets interned: a meeting's id is one row in nids, not one in every
    # document's contributions
    "CREATE TABLE IF NOT EXISTS nids(id INTEGER PRIMARY KEY, nid TEXT UNIQUE)",
    "CREATE TABLE IF NOT EXISTS contrib(nid INTEGER, doc INTEGER, props INTEGER, PRIMARY KEY(nid, doc)) WITHOUT ROWID",
    # a document's contributions are its `shared` parts (not kept in its blob as well)
    "CREATE INDEX IF NOT EXISTS contrib_doc ON contrib(doc)",
    "CREATE TABLE IF NOT EXISTS props(id INTEGER PRIMARY KEY, json TEXT UNIQUE)",
    "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT)",
    # what each input file was (size, times, inode) when it was read, and its content hash: a file
    # unchanged since is not read again. A fact about the file, not the store: the build uses a row
    # only when the file's stats still match and the hash's extraction is still cached
    "CREATE TABLE IF NOT EXISTS file(source TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ctime INTEGER, "
    "ino INTEGER, hash TEXT, key TEXT) WITHOUT ROWID",
]
# a person record is these, the post's title (from role and kind: `model.post_title`) and the
# document's meeting date (kept once, on the document's row)
_PERSON_COLS = "name, kind, role, member_id, start, party, ward, post"
_WHO = ("council", "bucket", "name", "kind", "role", "member_id", "party", "ward", "post")  # a mention's description


_LABELS = {"council": "Council", "committee": "Committee", "meeting": "Meeting", "topic": "Topic",
           "indicator": "Indicator"}


def _label(nid: str) -> str:
    """A shared part's label from its id (an indicator's topic edge is keyed by a JSON list)."""
    return "ABOUT" if nid.startswith("[") else _LABELS[nid.split("/", 1)[0]]


class ExtractionCache:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILE
        self._db: sqlite3.Connection | None = sqlite3.connect(self.path)
        db = self._db
        if _version(db) not in (None, VERSION):  # an earlier layout: start again, in a new file
            db.close()
            self.path.unlink()
            self._db = db = sqlite3.connect(self.path)
        # a document's blob is 1-3 KB: on 4 KB pages one or two fit and most of each page stays empty
        db.execute(f"PRAGMA page_size={_PAGE}")
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: the person indexes stay in memory while filling
        db.execute("PRAGMA synchronous=NORMAL")
        for stmt in _SCHEMA:
            db.execute(stmt)
        if "key" not in {r[1] for r in db.execute("PRAGMA table_info(file)")}:  # a cache from before the column
            db.execute("ALTER TABLE file ADD COLUMN key TEXT")
        db.execute("INSERT OR IGNORE INTO meta(k, v) VALUES ('version', ?)", (str(VERSION),))
        db.commit()
        # membership is asked of the file (its unique index), not of a set of every key: a million
        # keys held in memory cost about 150 MB
        self._interned: dict[str, dict[tuple, int]] = {}
        self._parsed: dict[int, dict[str, Any]] = {}  # property sets read back, by id (never changed)
        self._pending = 0
        self._files: list[tuple] = []  # file rows waiting for the next commit

    def __contains__(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM extraction WHERE key = ?", (key,)).fetchone() is not None

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM extraction").fetchone()[0]

    def _intern(self, table: str, cols: tuple[str, ...], value: tuple) -> int:
        """The id of `value` in a lookup table (people's descriptions, shared node ids, property
        texts: each stored once and referred to by number), added if new."""
        memo = self._interned.get(table)
        if memo is None:
            memo = self._interned[table] = {tuple(r[1:]): r[0] for r in self._db.execute(
                f"SELECT id, {', '.join(cols)} FROM {table}")}
        got = memo.get(value)
        if got is None:
            got = self._db.execute(f"INSERT INTO {table}({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                   value).lastrowid
            memo[value] = got
        return got

    def put(self, key: str, packed: tuple[bytes, dict[str, Any]]) -> None:
        if key in self:
            return  # the same key is the same document, code and scheme: the same parts
        blob, meta = packed
        db = self._db
        people = list(meta.get("people", ()))
        whn = people[0][9] if people else None
        for p in people:  # what the person table leaves out must be what it is made from again
            if p[8] != post_title(p[2], p[1]) or p[9] != whn:
                raise ValueError(f"person record not in the cache's form: {p!r}")
        doc = db.execute("INSERT INTO extraction(key, source, council, committee, whn, parts) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (key, meta.get("source"), meta.get("council"), meta.get("committee"), whn, blob)).lastrowid
        council = meta.get("council")
        db.executemany("INSERT INTO mention(doc, idx, who, start) VALUES (?, ?, ?, ?)",
                       [(doc, i, self._intern("who", _WHO, (council, b, *p[:4], *p[5:8])), p[4])
                        for i, (p, b) in enumerate(zip(people, meta.get("buckets", ()), strict=True))])
        db.executemany("INSERT OR IGNORE INTO contrib(nid, doc, props) VALUES (?, ?, ?)",
                       [(self._intern("nids", ("nid",), (nid,)), doc, self._intern("props", ("json",), (text,)))
                        for nid, text in meta.get("shared", ())])
        self._pending += 1
        if self._pending >= 500:
            self.commit()

    def commit(self) -> None:
        if self._files:
            self._db.executemany("INSERT OR REPLACE INTO file(source, size, mtime, ctime, ino, hash, key) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)", self._files)
            self._files = []
        self._db.commit()
        self._pending = 0

    # -- the input files' stats ---------------------------------------------------------------------------

    def file_record(self, source: str) -> tuple[int, int, int, int, str, str | None, bool] | None:
        """(size, mtime_ns, ctime_ns, inode, content hash, cache key, whether that key's extraction is
        still cached) of `source` when it was last read: one query, as an unchanged build asks it of
        every file (a row written before keys were recorded has key None)."""
        return self._db.execute("SELECT size, mtime, ctime, ino, hash, key, "
                                "EXISTS(SELECT 1 FROM extraction e WHERE e.key = f.key) FROM file f WHERE source = ?",
                                (source,)).fetchone()

    def file_records(self, sources: list[str]) -> dict[str, tuple[int, int, int, int, str, str | None, bool]]:
        """`file_record` of many sources, in one query a few hundred (the walk's next files: an
        unchanged build asks of every file, and a million round trips cost more than the lookups)."""
        out = {}
        for i in range(0, len(sources), 500):
            chunk = sources[i:i + 500]
            for row in self._db.execute("SELECT source, size, mtime, ctime, ino, hash, key, EXISTS(SELECT 1 FROM "
                                        "extraction e WHERE e.key = f.key) FROM file f WHERE source IN "
                                        f"({','.join('?' * len(chunk))})", chunk):
                out[row[0]] = row[1:]
        return out

    def put_file(self, source: str, stat: list[int], content_hash: str, key: str) -> None:
        """Record what a file was when it was read and the key it was extracted under (written with
        the next commit)."""
        self._files.append((source, *stat, content_hash, key))
        if len(self._files) >= 10000:
            self.commit()

    def keep_files(self, sources: Iterable[str]) -> None:
        """Forget the files of documents the store no longer holds (it keeps `sources`')."""
        db = self._db
        self.commit()
        live = set(sources)
        if db.execute("SELECT count(*) FROM file").fetchone()[0] <= len(live):
            return  # no more rows than documents: nothing worth trimming (a stale row costs only space)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS live_source(source TEXT PRIMARY KEY) WITHOUT ROWID")
        db.execute("DELETE FROM live_source")
        db.executemany("INSERT OR IGNORE INTO live_source VALUES (?)", ((s,) for s in live))
        db.execute("DELETE FROM file WHERE source NOT IN (SELECT source FROM live_source)")
        db.execute("DELETE FROM live_source")
        db.commit()

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

    def people(self, council: str, live: set[int] | None, where: str = "1", params: Iterable[Any] = (),
               ) -> list[Who]:
        """A council's people (of live documents; all if `live` is None) as identity resolution
        sees them, with the id and stem the store holds (`Who.old`, `Who.old_base`), in document
        order (sources sorted, each document's people in order)."""
        # by document: the person table's own key, not the council index (`+` keeps SQLite off it)
        council_is = "+p.council = ?" if where.startswith("p.doc IN") else "p.council = ?"
        q = f"{_SELECT} WHERE {council_is} AND ({where}) ORDER BY e.source, p.idx"
        # one object for each distinct text: a council's mentions repeat a few sources, names, roles
        # and posts thousands of times, and each row read makes its own copies (a 1,000,000-item
        # build held a council's two million mentions at about 700 bytes each)
        texts: dict[Any, Any] = {}
        one = texts.setdefault
        return [_who(tuple([one(v, v) for v in row])) for row in self._db.execute(q, (council, *params))
                if live is None or row[0] in live]

    def distinct(self, council: str, column: str, where: str) -> set[Any]:
        return {v for (v,) in self._db.execute(f"SELECT DISTINCT {column} FROM person WHERE council = ? AND ({where})",
                                               (council,))}

    def parts(self, council: str, live: set[int]) -> Iterator[tuple[int, dict[str, Any]]]:
        """(doc row id, parts) of the council's live documents, sources sorted."""
        for rid, blob in self._db.execute("SELECT rowid, parts FROM extraction WHERE council = ? ORDER BY source",
                                          (council,)):
            if rid in live:
                yield rid, self._with_shared(rid, unpack(blob))

    def parts_of(self, rowids: Iterable[int]) -> Iterator[tuple[int, dict[str, Any]]]:
        for rid in sorted(rowids):
            row = self._db.execute("SELECT parts FROM extraction WHERE rowid = ?", (rid,)).fetchone()
            if row is not None:
                yield rid, self._with_shared(rid, unpack(row[0]))

    def _with_shared(self, rid: int, parts: dict[str, Any]) -> dict[str, Any]:
        """A document's parts with its `shared` contributions, read back from contrib (in any order:
        every consumer merges them order-free). The property dicts are shared: read them, never change them."""
        shared = []
        for nid, pid, text in self._db.execute("SELECT n.nid, c.props, p.json FROM contrib c "
                                               "JOIN nids n ON n.id = c.nid JOIN props p ON p.id = c.props "
                                               "WHERE c.doc = ?", (rid,)):
            props = self._parsed.get(pid)
            if props is None:
                props = self._parsed[pid] = json.loads(text)
            shared.append((_label(nid), nid, props))
        parts["shared"] = shared
        return parts

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
                                "WHERE c.nid = (SELECT id FROM nids WHERE nid = ?) "
                                "AND c.doc NOT IN (SELECT id FROM dead)) ORDER BY p.id", (nid,))
        return [json.loads(j) for (j,) in rows]

    # -- the ids the store holds ---------------------------------------------------------------------------

    def ids_generation(self) -> str | None:
        row = self._db.execute("SELECT v FROM meta WHERE k = 'ids'").fetchone()
        return row[0] if row else None

    def stage_ids(self, changes: list[tuple[str, str, bool, int, int]]) -> None:
        """Hold person ids resolved for the store being made (id, stem, whether it started its
        cluster, doc row id, index) until `set_ids` records them. On disk, not in memory: a first
        build resolves every mention of the corpus (millions at a million items), and they can be
        recorded only once the new store is in place. A temporary table, so a build that dies
        leaves nothing behind; a mention staged twice keeps its last id, as applying in order would."""
        db = self._db
        db.execute(_STAGED)
        db.executemany("INSERT OR REPLACE INTO staged_ids VALUES (?, ?, ?, ?, ?)", changes)

    def set_ids(self, generation: str) -> None:
        """Record the staged person ids as those of the store just swapped in, with its generation."""
        self.commit()
        db = self._db
        db.execute(_STAGED)
        db.execute("UPDATE mention SET id = CASE WHEN s.id = (SELECT w.council FROM who w WHERE w.id = mention.who) "
                   "|| '/person/' || s.base THEN '' ELSE s.id END, base = s.base, creator = s.creator "
                   "FROM staged_ids s WHERE mention.doc = s.doc AND mention.idx = s.idx")
        db.execute("DELETE FROM staged_ids")
        db.execute("INSERT OR REPLACE INTO meta(k, v) VALUES ('ids', ?)", (generation,))
        db.commit()

    def prune(self, live: Iterable[str]) -> int:
        live = set(live)
        dead = {k for (k,) in self._db.execute("SELECT key FROM extraction") if k not in live}
        if not dead:
            return 0
        db = self._db
        keys = sorted(dead)
        rows: list[tuple[int]] = []
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows += db.execute(f"SELECT rowid FROM extraction WHERE key IN ({_marks(chunk)})", chunk).fetchall()
        db.executemany("DELETE FROM mention WHERE doc = ?", rows)
        db.executemany("DELETE FROM extraction WHERE rowid = ?", rows)
        # contributions of dead documents: one pass (contrib is keyed by node, not document)
        db.execute("DELETE FROM contrib WHERE doc NOT IN (SELECT rowid FROM extraction)")
        self.commit()
        free, pages = db.execute("PRAGMA freelist_count").fetchone()[0], db.execute("PRAGMA page_count").fetchone()[0]
        if free > pages // 2:  # most of the file was documents that left: give the space back
            db.execute("VACUUM")
        return len(dead)

    def close(self) -> None:
        if self._db is None:  # closed already (a failed build closes before removing the folder)
            return
        self.commit()
        self._db.close()
        self._db = None


_COLS = ", ".join("p." + c.strip() for c in _PERSON_COLS.split(","))
_SELECT = (f"SELECT e.rowid, e.source, e.committee, p.idx, {_COLS}, e.whn, p.id, p.base, p.creator FROM person p "
           "JOIN extraction e ON e.rowid = p.doc")


_STAGED = ("CREATE TEMP TABLE IF NOT EXISTS staged_ids(id TEXT, base TEXT, creator INTEGER, doc INTEGER, "
           "idx INTEGER, PRIMARY KEY(doc, idx)) WITHOUT ROWID")


def _who(row: tuple) -> Who:
    rec = (*row[4:12], post_title(row[6], row[5]), row[12])
    w = Who(row[1], row[2], rec[0], rec[1], rec[2], rec[3], rec[4], order=row[3])
    w.rid, w.rec, w.old, w.old_base, w.old_creator = row[0], rec, row[13], row[14], bool(row[15])
    w.creator = w.old_creator
    return w


def _record_text(rec: tuple) -> tuple:
    """A repeatable order for person records (no merge needs one; comparing two builds' steps does)."""
    return tuple("" if v is None else str(v) for v in rec)


def _record_order(pair: tuple[tuple, str | None]) -> tuple:
    return _record_text(pair[0]) + (pair[1] or "",)


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


class CouncilPeople:
    """One council's people in the cache, for `identity.resolve_changes` (live documents only)."""

    def __init__(self, cache: ExtractionCache, council: str, live: set[int]) -> None:
        self.cache, self.council, self.live = cache, council, live

    def _many(self, column: str, values: set, extra: str = "1") -> list[Who]:
        vals = sorted(v for v in values if v is not None)
        out: list[Who] = []
        for i in range(0, len(vals), 500):
            chunk = vals[i:i + 500]
            out.extend(self.cache.people(self.council, self.live, f"{extra} AND p.{column} IN ({_marks(chunk)})",
                                         chunk))
        if None in values:
            out.extend(self.cache.people(self.council, self.live, f"{extra} AND p.{column} IS NULL"))
        return out

    def in_buckets(self, buckets: set[str]) -> list[Who]:
        return self._many("bucket", buckets)

    def role_only_roles(self) -> set[str | None]:
        return self.cache.distinct(self.council, "role", "bucket = 'r'")

    def role_only(self, roles: set[str | None]) -> list[Who]:
        return self._many("role", roles, "p.bucket = 'r'")

    def named_roles(self) -> set[str]:
        return self.cache.distinct(self.council, "role", "bucket >= 'n:' AND bucket < 'n;' AND role IS NOT NULL")

    def named_with_roles(self, roles: set[str]) -> list[Who]:
        return self._many("role", roles, "p.bucket >= 'n:' AND p.bucket < 'n;'")

    def with_ids(self, ids: set[str]) -> list[Who]:
        """The mentions that resolution gave one of `ids` (kept short or whole: see the person view)."""
        prefix = self.council + "/person/"
        short = {i[len(prefix):] for i in ids if i and i.startswith(prefix)}
        found: dict[tuple[int, int], Who] = {}
        # (`+`: the stem's index, not the id's, most of whose entries are '')
        for w in self._many("base", short, "+p.sid = ''") + self._many("sid", {i for i in ids if i}):
            if w.old in ids:
                found[(w.rid, w.order)] = w
        if None in ids:
            found.update(((w.rid, w.order), w) for w in self._many("sid", {None}))
        return list(found.values())

    def _skip(self, skip: Iterable[tuple[int, int]]) -> None:
        db = self.cache._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS skip(doc INTEGER, idx INTEGER, PRIMARY KEY(doc, idx)) "
                   "WITHOUT ROWID")
        db.execute("DELETE FROM skip")
        db.executemany("INSERT OR IGNORE INTO skip VALUES (?, ?)", skip)

    def records_of_people(self, ids: set[str], skip: Iterable[tuple[int, int]]) -> list[tuple[tuple, str]]:
        """(person record, stored id) pairs that make the same person and holds rows as every live
        mention whose stored id is one of `ids`, but those at `skip` (doc, idx): one or two a
        description and id, not one a mention.

        Every merge in `graph.model.person_rows` is order-free and gives the same for a value twice,
        and a mention's record is its description (interned in `who`) and its meeting date, which only
        a holding's first and last seen read: so a description's mentions under one id give what its
        earliest- and latest-dated ones give. A busy councillor's 20,000 mentions at 100,000 items are
        a few such rows, grouped by SQLite (records carry no first-mention offset, which no merge
        reads). Needs `set_dead` for this build."""
        self._skip(skip)
        prefix = self.council + "/person/"
        stems = sorted({v[len(prefix):] for v in ids if v and v.startswith(prefix)})
        # `+` keeps SQLite off the council's index (which reads all its mentions) and, for a stem, off
        # the id's (most of whose entries are ''): a person's mentions are found by their stem or id
        paths = [("+m.id = '' AND m.base", stems), ("m.id", sorted(v for v in ids if v))]
        out: set[tuple[tuple, str]] = set()
        for column, vals in paths:
            for i in range(0, len(vals), 500):
                chunk = vals[i:i + 500]
                q = ("SELECT w.name, w.kind, w.role, w.member_id, w.party, w.ward, w.post, "
                     "CASE WHEN m.id = '' THEN w.council || '/person/' || m.base ELSE m.id END AS pid, "
                     "min(NULLIF(e.whn, '')), max(NULLIF(e.whn, '')), max(e.whn) "
                     "FROM mention m JOIN who w ON w.id = m.who JOIN extraction e ON e.rowid = m.doc "
                     f"WHERE +w.council = ? AND {column} IN ({_marks(chunk)}) AND m.doc NOT IN (SELECT id FROM dead) "
                     "AND NOT EXISTS (SELECT 1 FROM skip s WHERE s.doc = m.doc AND s.idx = m.idx) GROUP BY m.who, pid")
                for name, kind, role, member_id, party, ward, post, pid, first, last, raw in self.cache._db.execute(
                        q, (self.council, *chunk)):
                    if pid in ids:
                        rec = (name, kind, role, member_id, 0, party, ward, post, post_title(role, kind))
                        for when in {first, last} if first is not None else {raw}:
                            out.add(((*rec, when), pid))
        return sorted(out, key=_record_order)

    def records_of_posts(self, posts: set[str], skip: Iterable[tuple[int, int]]) -> list[tuple]:
        """Person records that make the same Post rows as every live mention holding one of `posts`,
        but those at `skip`: one a description (a post's row reads only its holders' title and kind,
        not who they are or when), each found by one live mention, not by reading all of them. (The
        council's "Councillor" post is held by every councillor's every mention.) Needs `set_dead`."""
        self._skip(skip)
        vals = sorted(p for p in posts if p is not None)
        wheres = [(f"w.post IN ({_marks(vals[i:i + 500])})", vals[i:i + 500]) for i in range(0, len(vals), 500)]
        if None in posts:
            wheres.append(("w.post IS NULL", []))
        out: set[tuple] = set()
        for where, chunk in wheres:
            q = ("SELECT w.name, w.kind, w.role, w.member_id, w.party, w.ward, w.post FROM who w "
                 f"WHERE w.council = ? AND {where} AND EXISTS (SELECT 1 FROM mention m WHERE m.who = w.id "
                 "AND m.doc NOT IN (SELECT id FROM dead) "
                 "AND NOT EXISTS (SELECT 1 FROM skip s WHERE s.doc = m.doc AND s.idx = m.idx))")
            for name, kind, role, member_id, party, ward, post in self.cache._db.execute(q, (self.council, *chunk)):
                out.add((name, kind, role, member_id, 0, party, ward, post, post_title(role, kind), None))
        return sorted(out, key=_record_text)

    def with_bases(self, bases: set[str]) -> list[Who]:
        return self._many("base", bases)

    def of_docs(self, rids: set[int], live_only: bool = True) -> list[Who]:
        vals = sorted(rids)
        out: list[Who] = []
        for i in range(0, len(vals), 500):
            chunk = vals[i:i + 500]
            out.extend(self.cache.people(self.council, self.live if live_only else None,
                                         f"p.doc IN ({_marks(chunk)})", chunk))
        return out

    def has_member_ids(self) -> bool:
        return bool(self.cache.distinct(self.council, "1", "bucket = 'm'"))

    # -- for identity.resolve_fast ------------------------------------------------------------------------

    def twin(self, p: Who) -> Who | None:
        """A live earlier mention exactly like `p` (same surname or post, name, kind and post held)."""
        # (in resolution's order: for the same name, sources, then first mention, then place in page)
        # for a post, one that joined its cluster (a named person's twin may have started it)
        joined = "" if p.name else "AND p.creator = 0 "
        q = (f"{_SELECT} WHERE p.council = ? AND p.bucket = ? AND p.role IS ? AND p.kind = ? AND p.name IS ? {joined}"
             "AND (e.source < ? OR (e.source = ? AND (p.start < ? OR (p.start = ? AND p.idx < ?))))")
        for row in self.cache._db.execute(q, (self.council, bucket(p), p.role, p.kind, p.name, p.source, p.source,
                                              p.start, p.start, p.order)):
            if row[0] in self.live:
                return _who(row)
        return None

    def creators(self, bucket_: str) -> list[Who]:
        return self.cache.people(self.council, self.live, "p.bucket = ? AND p.creator = 1", (bucket_,))

    def stem_taken(self, base: str, pid: str) -> bool:
        return bool(self.cache.people(self.council, self.live, "p.base = ? AND p.creator = 1 AND p.id != ?",
                                      (base, pid)))

    def is_named(self, pid: str) -> bool:
        council, _, stem = pid.partition("/person/")
        return any(self.cache._db.execute("SELECT 1 FROM person WHERE ((+sid = '' AND base = ? AND council = ?) "
                                          "OR sid = ?) AND name IS NOT NULL LIMIT 1", (stem, council, pid)))
