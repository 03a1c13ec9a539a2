"""Run a named query or raw Cypher on the embedded store or on Neo4j, and print the result."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from councilgraph.graph.store import LadybugStore, check_params

from councilgraph.errors import QueryError

from .library import QUERIES, NamedQuery


@dataclass
class Result:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


def get_query(name: str) -> NamedQuery:
    try:
        return QUERIES[name]
    except KeyError:
        raise QueryError(f"no query named {name!r}; known: {', '.join(sorted(QUERIES))}") from None


def _sort_lists(q: NamedQuery | None, res: Result) -> Result:
    if q is None:
        return res
    for i, col in enumerate(res.columns):
        if col in q.list_columns:
            for row in res.rows:
                if isinstance(row[i], list):
                    row[i] = sorted(row[i], key=lambda v: json.dumps(v, sort_keys=True, default=str))
    return res


def run_cypher(cypher: str, params: dict[str, Any] | None = None, *, store: str | Path | LadybugStore | None = None,
               neo4j: Any = None) -> Result:
    """`store` is a path (opened for this one query) or an open `LadybugStore` (kept open)."""
    params = params or {}
    check_params(cypher, params)
    if neo4j is not None:
        return neo4j.run(cypher, params)
    if store is None:
        raise QueryError("give --store PATH (embedded store) or --neo4j URI")
    if isinstance(store, LadybugStore):
        return Result(*store.query(cypher, params))
    with LadybugStore(store) as st:
        cols, rows = st.query(cypher, params)
    return Result(cols, rows)


def run_query(name: str, params: dict[str, Any] | None = None, *, store: str | Path | LadybugStore | None = None,
              neo4j: Any = None) -> Result:
    """A named query. On the embedded store, queries with a summary form read the build-time summary
    tables (graph/summaries.py) when the store has them: the same rows, without the traversal."""
    q = get_query(name)
    bound = q.bind(params or {})
    if neo4j is None and store is not None and q.summary is not None:
        from councilgraph.graph.summaries import has_table

        if isinstance(store, LadybugStore):
            if has_table(store, q.summary_table):
                return _sort_lists(q, Result(*q.summary(store, bound)))
        else:
            with LadybugStore(store) as st:
                if has_table(st, q.summary_table):
                    return _sort_lists(q, Result(*q.summary(st, bound)))
                return _sort_lists(q, run_cypher(q.cypher, bound, store=st))
    return _sort_lists(q, run_cypher(q.cypher, bound, store=store, neo4j=neo4j))


_TYPES = {"str": str, "int": int, "float": float, "bool": lambda v: _bool(v)}


def _bool(v: str) -> bool:
    if v.lower() in ("true", "1", "yes"):
        return True
    if v.lower() in ("false", "0", "no"):
        return False
    raise ValueError(v)


def run_traversal(name: str, params: dict[str, Any] | None = None, *, store: str | Path | LadybugStore) -> Result:
    """A named query by its Cypher traversal, never by summaries (what the summaries are checked against)."""
    q = get_query(name)
    return _sort_lists(q, run_cypher(q.cypher, q.bind(params or {}), store=store))


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """`key=value` is the string value (`person=007` stays "007"); `key:int=3`, `key:float=`,
    `key:bool=` type it. A named query's integer parameters are converted by the query itself."""
    out: dict[str, Any] = {}
    for p in pairs:
        if "=" not in p:
            raise QueryError(f"--param takes key=value or key:type=value, not {p!r}")
        k, v = p.split("=", 1)
        k = k.strip()
        if ":" in k:
            k, typ = (x.strip() for x in k.split(":", 1))
            if typ not in _TYPES:
                raise QueryError(f"--param {k}:{typ}: type must be one of {', '.join(_TYPES)}")
            try:
                out[k] = _TYPES[typ](v.strip())
            except ValueError:
                raise QueryError(f"--param {k}:{typ}={v!r} is not a {typ}") from None
        else:
            out[k] = v
    return out


def spreadsheet_safe(value: Any) -> Any:
    """A text cell starting with =, +, -, @ (or tab/CR) is a formula to a spreadsheet: quote it."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def format_result(res: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(res.records(), ensure_ascii=False, indent=1, default=str) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([spreadsheet_safe(c) for c in res.columns])
        for r in res.rows:
            w.writerow([spreadsheet_safe(json.dumps(v, ensure_ascii=False, default=str)
                                         if isinstance(v, list | dict) else v) for v in r])
        return buf.getvalue()
    raise QueryError(f"unknown output format {fmt!r}: table, json or csv")
