"""The embedded default store: LadybugDB (in-process, one file, Cypher).

`write_store` streams graph rows into one CSV file per table on disk, keeping in memory only the
nodes shared between documents (people, posts, topics, councils, committees, meetings,
indicators), then bulk-loads every file with COPY into a *new* database file and swaps it in only
when everything loaded, so a failed build leaves the previous store as it was.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby, islice
from pathlib import Path
from typing import Any

from councilgraph.errors import QueryError, StoreError

from .model import Edge, Node, Row, csv_values, merge_holds, merge_node, table_key
from .schema import STORE_VERSION, STORED_NODES, STORED_RELS

_CSV = "header=true, parallel=false, auto_detect=false, delim=',', quote='\"', escape='\"'"
SHARED = {"Council", "Committee", "Meeting", "Person", "Post", "Topic", "Indicator", "Document"}


INFO = "StoreInfo"  # one row: the store's schema version (`schema.STORE_VERSION`)


def ddl() -> list[str]:
    """CREATE statements for the schema in `graph.schema`."""
    out = [f"CREATE NODE TABLE {INFO}(id STRING, version INT64, PRIMARY KEY(id))",
           f"CREATE (:{INFO} {{id: 'schema', version: {STORE_VERSION}}})"]
    for label, props in STORED_NODES.items():
        cols = ", ".join(f"{k} {t}" for k, t in props.items())
        out.append(f"CREATE NODE TABLE {label}(id STRING, {cols}, PRIMARY KEY(id))")
    for rel, (pairs, props) in STORED_RELS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        cols = "".join(f", {k} {t}" for k, t in props.items())
        out.append(f"CREATE REL TABLE {rel}({ends}{cols})")
    return out


@dataclass
class StoreStats:
    nodes: int = 0
    edges: int = 0


class _Writer:
    """Rows to bulk-load files, shared nodes and their edges deduplicated (for `write_store`)."""

    def __init__(self, files: CsvFiles) -> None:
        self.files = files
        self.shared: dict[str, dict[str, dict]] = {label: {} for label in SHARED}
        self.holds: dict[tuple[str, str], dict] = {}
        self.shared_edges: set[tuple] = set()
        self.stats = StoreStats()

    def add(self, row: Row) -> None:
        if isinstance(row, Node):
            if row.label in SHARED:
                table = self.shared[row.label]
                if row.id in table:
                    merge_node(table[row.id], row.props)
                else:
                    table[row.id] = dict(row.props)
                return
            self.files.row(row)
            self.stats.nodes += 1
            return
        if row.type == "HOLDS":
            key = (row.src, row.dst)
            self.holds[key] = merge_holds(self.holds.get(key, {}), row.props) if key in self.holds else dict(row.props)
            return
        if row.src_label in SHARED and row.dst_label in SHARED:
            key = (row.type, row.src, row.dst, json.dumps(row.props, sort_keys=True, default=str))
            if key in self.shared_edges:
                return
            self.shared_edges.add(key)
        self.files.row(row)
        self.stats.edges += 1

    def close(self) -> None:
        for props in self.shared["Person"].values():
            if not props.get("name"):
                props["name"] = props.get("fallback_name")
        for label, table in self.shared.items():
            for nid in sorted(table):
                self.files.row(Node(label, nid, table[nid]))
                self.stats.nodes += 1
        for (src, dst), props in sorted(self.holds.items()):
            self.files.row(Edge("HOLDS", "Person", src, "Post", dst, props))
            self.stats.edges += 1


def _literal(text: str) -> str:
    """A Cypher string literal: a path with a quote or backslash stays one string."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# -- the record of what a store holds, kept beside it and changed together with it ------------------------

def state_path(store: Path) -> Path:
    return Path(str(store) + ".cache") / "state.json"


def _next_path(store: Path) -> Path:
    return Path(str(store) + ".cache") / "state.next.json"


def _fingerprint(db: Path) -> list[int]:
    st = db.stat()
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def write_state_next(store: Path, state: dict, new_db: Path) -> None:
    """Before the swap: the state of the new store, naming the new file (inode, size, mtime)."""
    nxt = _next_path(store)
    nxt.parent.mkdir(parents=True, exist_ok=True)
    tmp = nxt.with_suffix(".tmp")
    tmp.write_text(json.dumps({**state, "store": _fingerprint(new_db)}, sort_keys=True, separators=(",", ":")))
    os.replace(tmp, nxt)


def commit_state(store: Path) -> None:
    """After the swap: the next state becomes the state."""
    os.replace(_next_path(store), state_path(store))


def read_state(store: Path) -> tuple[dict, bool]:
    """The state of `store` and whether it is known to describe the file there now.

    A crash between the swap and `commit_state` leaves `state.next.json` describing the new store:
    it is adopted. A crash before the swap leaves one describing a store that never arrived: ignored.
    """
    store = Path(store)
    here = _fingerprint(store) if store.is_file() else None
    for candidate in (_next_path(store), state_path(store)):
        try:
            state = json.loads(candidate.read_text())
        except (OSError, ValueError):
            continue
        if here is not None and state.get("store") == here:
            if candidate != state_path(store):
                os.replace(candidate, state_path(store))
            return state, True
    try:
        state = json.loads(state_path(store).read_text())
    except (OSError, ValueError):
        state = {}
    return state, False


# -- one build of a store at a time; leftovers of dead builds removed ---------------------------------------

@contextmanager
def store_lock(store: Path, wait: float = 0) -> Iterator[None]:
    """Hold `STORE.lock` for a build; a second build waits `wait` seconds then names the holder."""
    from filelock import FileLock, Timeout

    store = Path(store)
    store.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(store) + ".lock")
    pid_file = Path(str(store) + ".lock.pid")
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        try:
            holder = pid_file.read_text().strip() or "?"
        except OSError:
            holder = "?"
        raise StoreError(f"store is being built by process {holder}; try again when it ends",
                         path=str(store)) from None
    try:
        pid_file.write_text(str(os.getpid()))
        yield
    finally:
        with contextlib.suppress(OSError):
            pid_file.unlink()
        lock.release()


def _tmp_prefix(target: Path) -> str:
    return f".cg-build-{target.name}-"


_OLD_TMP = re.compile(r"\.cg-build-[a-z0-9_]{8}")


def clean_leftovers(store: Path) -> list[Path]:
    """Remove temporary folders that a killed build of this store left (call holding the lock)."""
    store = Path(store)
    gone = []
    if store.parent.is_dir():
        for d in store.parent.glob(".cg-build-*"):
            # this store's own, or the unnamed ones (".cg-build-" + 8 characters) older versions left
            if d.name.startswith(_tmp_prefix(store)) or _OLD_TMP.fullmatch(d.name):
                shutil.rmtree(d, ignore_errors=True)
                gone.append(d)
    nxt = _next_path(store)
    if nxt.exists() and not read_state(store)[1]:
        with contextlib.suppress(OSError):
            nxt.unlink()
    return gone


def _pool_bytes() -> int:
    """The store library's buffer pool for a build: bounded, so a build's memory does not grow with
    the store (the library's default is most of the machine's memory)."""
    return max(64, int(os.environ.get("COUNCILGRAPH_BUFFER_POOL_MB", "768"))) * 2**20


def _pool_hint(exc: Exception) -> str:
    """What to do when the bounded pool is too small: what the store library keeps in it grows with
    the store (a 30,000-item build fails in a 64 MB pool, a 1,000,000-item one in 768 MB), and the
    library's own message does not say which setting bounds it."""
    if "buffer pool is full" not in str(exc):
        return ""
    return (f" (the build's buffer pool, COUNCILGRAPH_BUFFER_POOL_MB={_pool_bytes() // 2**20}, is too small for "
            "this store: set it higher and build again)")


def _chunk_bytes() -> int:
    """How much one COPY loads: a COPY holds its pages until it commits, so a table loaded in one
    statement needs buffer pool in proportion to the table (a 300,000-item build ran out of a 768 MB
    pool that way); loaded a chunk at a time it needs the pool of one chunk."""
    return max(1, int(os.environ.get("COUNCILGRAPH_COPY_CHUNK_KB", "65536"))) * 1024


class CsvFiles:
    """The bulk-load files of a new store: CSVs per node table and per (rel, from, to), headed with
    the schema's columns, appended to as documents' lines arrive, and started again after
    `_chunk_bytes()` so that each is one modest COPY."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[tuple, Any] = {}
        self.writers: dict[tuple, Any] = {}
        self.size: dict[tuple, int] = {}
        self.parts: list[tuple[tuple, str]] = []  # (table key, file name), in the order written
        self.limit = _chunk_bytes()

    def _fp(self, key: tuple) -> Any:
        fp = self.files.get(key)
        if fp is not None and self.size[key] >= self.limit:
            fp.close()  # this chunk is full: the table's rows go on in a new file
            fp = None
        if fp is None:
            header = ["id", *STORED_NODES[key[1]]] if key[0] == "node" else ["from", "to", *STORED_RELS[key[1]][1]]
            n = sum(1 for k, _ in self.parts if k == key)
            name = "__".join(key) + (f".{n}" if n else "") + ".csv"
            self.parts.append((key, name))
            fp = self.files[key] = (self.folder / name).open("w", newline="", encoding="utf-8")
            self.writers[key] = csv.writer(fp)
            self.writers[key].writerow(header)
            self.size[key] = 0
        return fp

    def write(self, key: tuple, text: str) -> None:
        """Append CSV lines already formatted (`graph.model.document_parts`): whole lines, so a
        chunk never ends inside a row."""
        self._fp(key).write(text)
        self.size[key] += len(text)

    def row(self, row: Row) -> None:
        key = table_key(row)
        self._fp(key)
        self.writers[key].writerow(csv_values(row))
        self.size[key] += 128  # about a row of a shared node or a person: only the chunk's size needs it

    def close(self) -> list[tuple[tuple, str]]:
        """Close the files; the (table key, file name) of every chunk, nodes' and edges' in table order."""
        for fp in self.files.values():
            fp.close()
        order = {key: i for i, key in enumerate(sorted(self.files))}
        return sorted(self.parts, key=lambda part: order[part[0]])  # stable: a table's chunks in order


def _load_order(parts: list[tuple[tuple, str]]) -> list[tuple[tuple, str]]:
    """Nodes first, then edges (whose ends must exist); a table's chunks stay together, in order."""
    return [p for p in parts if p[0][0] == "node"] + [p for p in parts if p[0][0] == "rel"]


def copy_files(conn: Any, folder: Path, parts: list[tuple[tuple, str]]) -> None:
    """COPY every chunk into its table, in load order; one statement a chunk, each committed before
    the next (see `_chunk_bytes`)."""
    for key, name in _load_order(parts):
        csv_path = _literal((folder / name).as_posix())
        # the dialect is stated, never sniffed: a sniffer that sees "a; b" in early rows picks ";"
        if key[0] == "node":
            conn.execute(f"COPY {key[1]} FROM {csv_path} ({_CSV})")
        else:
            conn.execute(f"COPY {key[1]} FROM {csv_path} ({_CSV}, from='{key[2]}', to='{key[3]}')")


# an incremental build's new rows are created one statement a row up to this many, else COPYed: a COPY
# into a large table costs about the same for 20 rows as for thousands (90-300 ms a table at 30,000
# items, more as the store grows), a CREATE that finds its ends by primary key about 1.5 ms
# (BENCHMARKS.md); an UNWIND of many rows is planned as a scan of both ends' tables
SMALL_LOAD = 2000


def load_files(conn: Any, folder: Path, parts: list[tuple[tuple, str]], small: int | None = None) -> None:
    """Load an incremental build's bulk-load files into an existing store: by `copy_files`, or,
    when they hold few rows, a CREATE a row (nodes, then edges whose ends are found by id)."""
    room = SMALL_LOAD if small is None else small
    tables = []
    for key, name in _load_order(parts):  # read only while the rows stay few: a large load is COPYed
        with (folder / name).open(newline="", encoding="utf-8") as fp:
            reader = csv.reader(fp)
            header = next(reader, None)
            rows = list(islice(reader, room + 1))
        room -= len(rows)
        if room < 0:
            copy_files(conn, folder, parts)
            return
        tables.append((key, header or [], rows))
    for key, header, rows in tables:
        if key[0] == "node":
            types = {"id": "STRING", **STORED_NODES[key[1]]}
            cols = ", ".join(f"{c}: $c{i}" for i, c in enumerate(header))
            cypher = f"CREATE (n:{key[1]} {{{cols}}}) RETURN count(*)"
        else:
            types = {"from": "STRING", "to": "STRING", **STORED_RELS[key[1]][1]}
            cols = ", ".join(f"{c}: $c{i}" for i, c in enumerate(header) if i >= 2)
            cypher = (f"MATCH (a:{key[2]} {{id: $c0}}), (b:{key[3]} {{id: $c1}}) "
                      f"CREATE (a)-[:{key[1]} {{{cols}}}]->(b) RETURN count(*)")
        kinds = [types[c] for c in header]
        for cells in rows:
            params = {f"c{i}": _cell_value(v, kinds[i]) for i, v in enumerate(cells)}
            if conn.execute(cypher, params).get_next()[0] != 1:  # as a COPY would, refuse an edge to nowhere
                raise StoreError(f"cannot load a {key[1]} row: {', '.join(cells[:2])} not found in the store")


def _cell_value(cell: str, kind: str) -> Any:
    """A bulk-load CSV cell as COPY reads it: empty is NULL; BLOBs are written by `evidence.blob_cell`."""
    if cell == "":
        return None
    if kind == "INT64":
        return int(cell)
    if kind == "BOOLEAN":
        return cell == "true"
    if kind == "BLOB":
        return _blob(cell)
    return cell


_HEX = re.compile(r"\\x([0-9A-F]{2})")


def _blob(cell: str) -> bytes:
    return _HEX.sub(lambda m: chr(int(m.group(1), 16)), cell).encode("latin-1")


def write_store(rows: Iterable[Row], path: str | Path, *,
                before_swap: Callable[[Path, StoreStats], None] | None = None) -> StoreStats:
    """Build a new store at `path` from rows (shared nodes merged here); the old store is replaced
    only on success."""
    def fill(files: CsvFiles) -> StoreStats:
        writer = _Writer(files)
        for row in rows:
            writer.add(row)
        writer.close()
        return writer.stats

    return new_store(fill, path, before_swap=before_swap)


def new_store(fill: Callable[[CsvFiles], StoreStats], path: str | Path, *,
              before_swap: Callable[[Path, StoreStats], None] | None = None) -> StoreStats:
    """Build a new store at `path`: `fill` writes the bulk-load files, they are COPYed into a new
    database file with its summary tables, and that file replaces the old store only when complete.

    `before_swap(new_file, stats)` runs when the new file is complete and closed, before it
    replaces the old one (the build writes the store's state there)."""
    def make(tmpdir: Path, new_db: Path) -> tuple[Any, Any, StoreStats]:
        import ladybug as lb

        files = CsvFiles(tmpdir)
        stats = fill(files)
        parts = files.close()
        db = lb.Database(str(new_db), buffer_pool_size=_pool_bytes())
        conn = lb.Connection(db)
        for stmt in ddl():
            conn.execute(stmt)
        # a table at a time, the database closed and opened again after each: the store library keeps
        # memory a COPY used beyond its buffer pool until the database is closed (at 300,000 items the
        # parent grew by 1.0 GB over the COPYs with a 0.77 GB pool and peaked at 1.6 GB; this way 1.0
        # GB, in the same time: BENCHMARKS.md)
        for _table, chunks in groupby(_load_order(parts), key=lambda part: part[0]):
            copy_files(conn, tmpdir, list(chunks))
            conn.close()
            db.close()
            db = lb.Database(str(new_db), buffer_pool_size=_pool_bytes())
            conn = lb.Connection(db)
        from .summaries import build_person_summaries, build_summaries

        build_summaries(conn)  # derived tables the concern and person queries read (graph/summaries.py)
        build_person_summaries(conn)
        return db, conn, stats

    return _swap_in(make, Path(path), before_swap)


def update_store(apply: Callable[[Any, Path], StoreStats], path: str | Path, *,
                 before_swap: Callable[[Path, StoreStats], None] | None = None) -> StoreStats:
    """Change a copy of the store at `path` with `apply(connection, scratch folder)` and swap the
    copy in when it is complete: the store in place is never written, so a failed or killed update
    leaves it exactly as it was (the same promise as a new build, at the cost of one file copy)."""
    target = Path(path)

    def make(tmpdir: Path, new_db: Path) -> tuple[Any, Any, StoreStats]:
        import ladybug as lb

        shutil.copyfile(target, new_db)
        db = lb.Database(str(new_db), buffer_pool_size=_pool_bytes())
        conn = lb.Connection(db)
        return db, conn, apply(conn, tmpdir)

    return _swap_in(make, target, before_swap)


def _swap_in(make: Callable[[Path, Path], tuple[Any, Any, StoreStats]], target: Path,
             before_swap: Callable[[Path, StoreStats], None] | None) -> StoreStats:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(prefix=_tmp_prefix(target), dir=target.parent))
    try:
        new_db = tmpdir / "store.lbdb"
        db, conn, stats = make(tmpdir, new_db)
        conn.close()
        db.close()
        if before_swap:
            before_swap(new_db, stats)
        for extra in tmpdir.glob("store.lbdb.*"):
            os.replace(extra, target.with_name(target.name + extra.name[len("store.lbdb"):]))
        os.replace(new_db, target)
        return stats
    except StoreError:
        raise
    except Exception as exc:  # the store library's own errors: name the store, keep the old one
        raise StoreError(f"build failed, previous store left unchanged: {exc}{_pool_hint(exc)}",
                         path=str(target)) from exc
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def check_params(cypher: str, params: dict[str, Any]) -> None:
    """LadybugDB treats a missing parameter as NULL and quietly returns nothing: refuse instead."""
    missing = sorted(set(_PARAM.findall(cypher)) - set(params))
    if missing:
        raise QueryError(f"missing parameter(s): {', '.join('$' + m for m in missing)}")


# What user Cypher on the embedded store may not do. The store is opened read-only (no writes), but
# LadybugDB has no setting that stops reading files (LOAD FROM), writing them (COPY ... TO, EXPORT),
# native code (LOAD EXTENSION, INSTALL) or other databases (ATTACH): the statement is checked.
_REFUSED = {
    "LOAD": "LOAD (extensions or files outside the store)", "COPY": "COPY (reads or writes files)",
    "INSTALL": "INSTALL (downloads extensions)", "ATTACH": "ATTACH (other databases)", "DETACH": "DETACH",
    "EXPORT": "EXPORT (writes files)", "IMPORT": "IMPORT (reads files)", "USE": "USE (other databases)",
    "CREATE": "CREATE (writes)", "MERGE": "MERGE (writes)", "SET": "SET (writes)", "DELETE": "DELETE (writes)",
    "REMOVE": "REMOVE (writes)", "DROP": "DROP (writes)", "ALTER": "ALTER (writes)", "BEGIN": "transactions",
    "COMMIT": "transactions", "ROLLBACK": "transactions", "CHECKPOINT": "CHECKPOINT (writes)",
}
# procedures that only describe the store
READ_PROCEDURES = {"show_tables", "table_info", "show_connection", "db_version", "show_functions",
                   "show_indexes", "show_sequences", "current_setting"}
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'?|\"(?:[^\"\\]|\\.)*\"?|`[^`]*`?|//[^\n]*|/\*.*?(?:\*/|$)", re.S)
_WORD = re.compile(r"(?<![.:$\w])([A-Za-z_][A-Za-z0-9_]*)")


def check_read_only(cypher: str) -> None:
    """Refuse Cypher that would do anything but read the graph (see `_REFUSED`); strings, quoted
    names and comments are not looked at, so `WHERE q.text CONTAINS 'copy'` is fine."""
    code = _LITERALS.sub(" ", cypher)
    words = [m.group(1) for m in _WORD.finditer(code)]
    for i, w in enumerate(words):
        up = w.upper()
        if up in _REFUSED:
            raise QueryError(f"cypher on the embedded store may only read the graph: {_REFUSED[up]} is not allowed")
        if up == "CALL":
            proc = words[i + 1].lower() if i + 1 < len(words) else ""
            if proc not in READ_PROCEDURES:
                raise QueryError(f"cypher on the embedded store may only read the graph: CALL {proc or '?'} is not "
                                 f"allowed (allowed: {', '.join(sorted(READ_PROCEDURES))})")


class LadybugStore:
    """A read-only connection to a built store."""

    def __init__(self, path: str | Path) -> None:
        import ladybug as lb

        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError("no store here; build one with `councilgraph build SOURCES --store PATH`",
                             path=str(self.path))
        try:
            self._db = lb.Database(str(self.path), read_only=True)
            self._conn = lb.Connection(self._db)
        except Exception as exc:
            raise StoreError(f"cannot open store: {exc}", path=str(self.path)) from exc
        self._texts = None
        self._check_version()

    def _check_version(self) -> None:
        """Refuse a store written with another layout (before 2, sentences were stored on edges and
        documents' texts were not): reading it with this code would give wrong evidence."""
        version = None
        try:
            tables = {r[0] for r in self._conn.execute("CALL show_tables() RETURN name").get_all()}
            if INFO in tables:
                rows = self._conn.execute(f"MATCH (i:{INFO} {{id: 'schema'}}) RETURN i.version").get_all()
                version = rows[0][0] if rows else None
        except Exception as exc:
            self.close()
            raise StoreError(f"cannot read store: {exc}", path=str(self.path)) from exc
        if version != STORE_VERSION:
            self.close()
            raise StoreError(f"this store was written by another version of councilgraph (store schema "
                             f"{version or 1}, this version reads {STORE_VERSION}); rebuild it with "
                             "`councilgraph build SOURCES --store PATH` (the build rewrites it)", path=str(self.path))

    @property
    def texts(self):
        """The documents' texts, for evidence sentences (`graph.evidence.Texts`)."""
        if self._texts is None:
            from .evidence import Texts

            self._texts = Texts(self)
        return self._texts

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        """Run read-only Cypher. A sentence asked for in the final RETURN (`RETURN r.sentence AS
        evidence`) is made from the document's text and the edge's span: the store keeps no
        sentences (`graph.evidence`)."""
        params = params or {}
        check_params(cypher, params)
        check_read_only(cypher)
        asked: list = []
        if "sentence" in cypher.lower():
            from .evidence import rewrite

            cypher, asked = rewrite(cypher, _LITERALS.sub(lambda m: " " * len(m.group()), cypher))
        try:
            result = self._conn.execute(cypher, params)
        except Exception as exc:
            hint = (" (sentences are not stored: they are made from the document's text when returned, "
                    "so `RETURN r.sentence AS s` works but filtering, ordering or aggregating on it does not; "
                    "use the node's text, or r.doc and the span)" if asked or "sentence" in str(exc) else "")
            raise QueryError(f"Cypher failed: {exc}{hint}") from exc
        columns = result.get_column_names()
        rows = result.get_all()
        if asked:
            from .evidence import fill

            columns, rows = fill(self.texts, columns, rows, asked)
        return columns, rows

    def stream(self, cypher: str, params: dict[str, Any] | None = None):
        """Rows one at a time (no list of the whole result in Python): for pushes and exports at scale."""
        params = params or {}
        check_params(cypher, params)
        try:
            result = self._conn.execute(cypher, params)
        except Exception as exc:
            raise QueryError(f"Cypher failed: {exc}") from exc
        while result.has_next():
            yield result.get_next()

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def __enter__(self) -> LadybugStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
