"""The embedded default store: LadybugDB (in-process, one file, Cypher).

`write_store` streams graph rows into one CSV file per table on disk, keeping in memory only the
nodes shared between documents (people, posts, topics, councils, committees, meetings,
indicators), then bulk-loads every file with COPY into a *new* database file and swaps it in only
when everything loaded, so a failed build leaves the previous store as it was.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from councilgraph.errors import QueryError, StoreError

from .model import Edge, Node, Row, merge_holds, merge_node
from .schema import NODES, RELS

_CSV = "header=true, parallel=false, auto_detect=false, delim=',', quote='\"', escape='\"'"
SHARED = {"Council", "Committee", "Meeting", "Person", "Post", "Topic", "Indicator", "Document"}
_TYPE = {"STRING": str, "INT64": int, "BOOLEAN": bool}


def ddl() -> list[str]:
    """CREATE statements for the schema in `graph.schema`."""
    out = []
    for label, props in NODES.items():
        cols = ", ".join(f"{k} {t}" for k, t in props.items())
        out.append(f"CREATE NODE TABLE {label}(id STRING, {cols}, PRIMARY KEY(id))")
    for rel, (pairs, props) in RELS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        cols = "".join(f", {k} {t}" for k, t in props.items())
        out.append(f"CREATE REL TABLE {rel}({ends}{cols})")
    return out


def _cell(value: Any, typ: str) -> Any:
    if value is None:
        return ""
    if typ == "BOOLEAN":
        return "true" if value else "false"
    return value


@dataclass
class StoreStats:
    nodes: int = 0
    edges: int = 0


class _Writer:
    """One CSV per node table and per (rel, from, to); shared nodes and their edges deduplicated."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[tuple, Any] = {}
        self.writers: dict[tuple, csv.writer] = {}
        self.shared: dict[str, dict[str, dict]] = {label: {} for label in SHARED}
        self.holds: dict[tuple[str, str], dict] = {}
        self.shared_edges: set[tuple] = set()
        self.stats = StoreStats()

    def _writer(self, key: tuple, header: list[str]) -> csv.writer:
        if key not in self.writers:
            path = self.folder / ("__".join(key) + ".csv")
            fp = path.open("w", newline="", encoding="utf-8")
            self.files[key] = fp
            w = csv.writer(fp)
            w.writerow(header)
            self.writers[key] = w
        return self.writers[key]

    def add(self, row: Row) -> None:
        if isinstance(row, Node):
            if row.label in SHARED:
                table = self.shared[row.label]
                if row.id in table:
                    merge_node(table[row.id], row.props)
                else:
                    table[row.id] = dict(row.props)
                return
            self._node(row.label, row.id, row.props)
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
        self._edge(row)

    def _node(self, label: str, nid: str, props: dict) -> None:
        cols = NODES[label]
        w = self._writer(("node", label), ["id", *cols])
        w.writerow([nid, *(_cell(props.get(k), t) for k, t in cols.items())])
        self.stats.nodes += 1

    def _edge(self, e: Edge) -> None:
        pairs, cols = RELS[e.type]
        if (e.src_label, e.dst_label) not in pairs:
            raise StoreError(f"{e.type} cannot join {e.src_label} to {e.dst_label}")
        w = self._writer(("rel", e.type, e.src_label, e.dst_label), ["from", "to", *cols])
        w.writerow([e.src, e.dst, *(_cell(e.props.get(k), t) for k, t in cols.items())])
        self.stats.edges += 1

    def close(self) -> list[tuple]:
        for props in self.shared["Person"].values():
            if not props.get("name"):
                props["name"] = props.get("fallback_name")
        for label, table in self.shared.items():
            for nid in sorted(table):
                self._node(label, nid, table[nid])
        for (src, dst), props in sorted(self.holds.items()):
            self._edge(Edge("HOLDS", "Person", src, "Post", dst, props))
        for fp in self.files.values():
            fp.close()
        return sorted(self.files)


def write_store(rows: Iterable[Row], path: str | Path) -> StoreStats:
    """Build a new store at `path` from rows; the old store is replaced only on success."""
    import ladybug as lb

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(prefix=".cg-build-", dir=target.parent))
    try:
        writer = _Writer(tmpdir)
        for row in rows:
            writer.add(row)
        keys = writer.close()
        new_db = tmpdir / "store.lbdb"
        db = lb.Database(str(new_db))
        conn = lb.Connection(db)
        for stmt in ddl():
            conn.execute(stmt)
        for key in [k for k in keys if k[0] == "node"] + [k for k in keys if k[0] == "rel"]:
            csv_path = (tmpdir / ("__".join(key) + ".csv")).as_posix()
            # the dialect is stated, never sniffed: a sniffer that sees "a; b" in early rows picks ";"
            if key[0] == "node":
                conn.execute(f"COPY {key[1]} FROM '{csv_path}' ({_CSV})")
            else:
                conn.execute(f"COPY {key[1]} FROM '{csv_path}' ({_CSV}, from='{key[2]}', to='{key[3]}')")
        from .summaries import build_summaries

        build_summaries(conn)  # derived tables the concern queries read (graph/summaries.py)
        conn.close()
        db.close()
        for extra in tmpdir.glob("store.lbdb.*"):
            os.replace(extra, target.with_name(target.name + extra.name[len("store.lbdb"):]))
        os.replace(new_db, target)
        return writer.stats
    except StoreError:
        raise
    except Exception as exc:  # the store library's own errors: name the store, keep the old one
        raise StoreError(f"build failed, previous store left unchanged: {exc}", path=str(target)) from exc
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def check_params(cypher: str, params: dict[str, Any]) -> None:
    """LadybugDB treats a missing parameter as NULL and quietly returns nothing: refuse instead."""
    missing = sorted(set(_PARAM.findall(cypher)) - set(params))
    if missing:
        raise QueryError(f"missing parameter(s): {', '.join('$' + m for m in missing)}")


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

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        params = params or {}
        check_params(cypher, params)
        try:
            result = self._conn.execute(cypher, params)
        except Exception as exc:
            raise QueryError(f"Cypher failed: {exc}") from exc
        columns = result.get_column_names()
        return columns, result.get_all()

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
