"""Push a built graph to the user's Neo4j and run the query library there (official driver).

Constraints first (one uniqueness constraint on `id` per label), then nodes and edges in batches
of `UNWIND $rows AS row MERGE ...`, so pushing twice changes nothing. `push_store` streams the
embedded store table by table, one batch (`BATCH` rows) in memory at a time, and reports progress:
memory stays flat whatever the store's size, which is how a store past one machine's means gets
into a Neo4j server or cluster (docs: BENCHMARKS.md, "Past one machine"). Credentials come from
options or NEO4J_USER / NEO4J_PASSWORD and are never printed.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from councilgraph.graph.schema import NODES, RELS, STORED_RELS

from councilgraph.errors import QueryError, StoreError

from .run import Result

BATCH = 5000


class Neo4jTarget:
    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> None:
        try:
            from neo4j import GraphDatabase
        except ImportError as exc:  # pragma: no cover - neo4j is a dependency
            raise StoreError("the neo4j driver is not installed") from exc
        user = user or os.environ.get("NEO4J_USER", "neo4j")
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.uri = uri
        try:
            self.driver = GraphDatabase.driver(uri, auth=(user, password))
            self.driver.verify_connectivity()
        except Exception as exc:
            raise StoreError(f"cannot connect to Neo4j at {uri}: {type(exc).__name__}") from None

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jTarget:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, cypher: str, params: dict[str, Any]) -> Result:
        try:
            records, _, keys = self.driver.execute_query(cypher, params, database_=self.database)
        except Exception as exc:
            raise QueryError(f"Cypher failed on Neo4j: {exc}") from None
        return Result(list(keys), [[r[k] for k in keys] for r in records])

    def constraints(self) -> None:
        for label in NODES:
            self.driver.execute_query(
                f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE",
                database_=self.database)

    def _nodes(self, label: str, rows: list[dict]) -> None:
        self.driver.execute_query(f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props",
                                  {"rows": rows}, database_=self.database)

    def _edges(self, rel: str, a: str, b: str, rows: list[dict]) -> None:
        self.driver.execute_query(
            f"UNWIND $rows AS row MATCH (x:{a} {{id: row.src}}), (y:{b} {{id: row.dst}}) "
            f"MERGE (x)-[r:{rel} {{key: row.key}}]->(y) SET r += row.props",
            {"rows": rows}, database_=self.database)

    def push_store(self, store: Any, *, batch: int = BATCH,
                   on_progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
        """Merge an open `LadybugStore` into Neo4j, streaming: nodes then edges, `batch` rows a
        transaction, `on_progress(done, total)` after each. Sends exactly what `push` sends for the
        same store read as a graph (the same properties and edge keys), so either can follow the other."""
        tables: list[tuple[str, tuple, str]] = []
        for label, props in NODES.items():
            cols = "".join(f", n.{k}" for k in props)
            tables.append(("node", (label, tuple(props)), f"MATCH (n:{label}) RETURN n.id{cols} ORDER BY n.id"))
        for rel, (pairs, _props) in RELS.items():
            props = STORED_RELS[rel][1]  # the sentence is made from the document's text (graph.evidence)
            # edges with evidence come a document at a time, so its text is unpacked once for them all
            # (in id order a person's edges run across every document: each sentence unpacked its own)
            order = "r.doc, x.id, y.id" if "sentence" in RELS[rel][1] else "x.id, y.id"
            for a, b in pairs:
                cols = "".join(f", r.{k}" for k in props)
                tables.append(("edge", (rel, a, b, tuple(props)),
                               f"MATCH (x:{a})-[r:{rel}]->(y:{b}) RETURN x.id, y.id{cols} ORDER BY {order}"))
        total = 0
        for kind, key, _ in tables:
            if kind == "node":
                total += store.query(f"MATCH (n:{key[0]}) RETURN count(n)")[1][0][0]
            else:
                total += store.query(f"MATCH (:{key[1]})-[r:{key[0]}]->(:{key[2]}) RETURN count(r)")[1][0][0]
        self.constraints()
        done = nodes = edges = 0
        for kind, key, cypher in tables:
            names = key[-1]
            rows: list[dict] = []
            stream = store.stream(cypher)
            while True:
                r = next(stream, None)
                if r is not None:
                    if kind == "node":
                        props = {k: v for k, v in zip(names, r[1:], strict=True) if v is not None}
                        rows.append({"id": r[0], "props": props})
                        nodes += 1
                    else:
                        props = {k: v for k, v in zip(names, r[2:], strict=True) if v is not None}
                        rows.append({"src": r[0], "dst": r[1], "props": props})
                        edges += 1
                if rows and (len(rows) >= batch or r is None):
                    if kind == "node":
                        self._nodes(key[0], rows)
                    else:
                        if "sentence" in RELS[key[0]][1]:  # made from the documents' texts, a batch at a time
                            store.texts.prefetch({row["props"].get("doc") for row in rows})
                            for row in rows:
                                pr = row["props"]
                                said = store.texts.sentence(pr.get("doc"), pr.get("span_start"), pr.get("span_end"))
                                if said is not None:
                                    pr["sentence"] = said
                        for row in rows:
                            row["key"] = f"{row['src']}|{row['dst']}|{sorted(row['props'].items())!r}"
                        self._edges(key[0], key[1], key[2], rows)
                    done += len(rows)
                    rows = []
                    if on_progress:
                        on_progress(done, total)
                if r is None:
                    break
        return nodes, edges

    def push(self, g) -> tuple[int, int]:
        """Merge every node and edge of a networkx graph (as read from a store)."""
        self.constraints()
        by_label: dict[str, list[dict]] = defaultdict(list)
        for nid, attrs in g.nodes(data=True):
            props = {k: v for k, v in attrs.items() if k != "type"}
            by_label[attrs["type"]].append({"id": nid, "props": props})
        for label, rows in sorted(by_label.items()):
            for i in range(0, len(rows), BATCH):
                self.driver.execute_query(
                    f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props",
                    {"rows": rows[i:i + BATCH]}, database_=self.database)
        by_rel: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for src, dst, attrs in g.edges(data=True):
            rel = attrs["type"]
            props = {k: v for k, v in attrs.items() if k != "type"}
            key = (rel, g.nodes[src]["type"], g.nodes[dst]["type"])
            # identity of an edge: its ends, type and properties (two answers by one officer are two edges)
            by_rel[key].append({"src": src, "dst": dst, "props": props,
                                "key": f"{src}|{dst}|{sorted(props.items())!r}"})
        for (rel, a, b), rows in sorted(by_rel.items()):
            if rel not in RELS:
                continue
            for i in range(0, len(rows), BATCH):
                self.driver.execute_query(
                    f"UNWIND $rows AS row MATCH (x:{a} {{id: row.src}}), (y:{b} {{id: row.dst}}) "
                    f"MERGE (x)-[r:{rel} {{key: row.key}}]->(y) SET r += row.props",
                    {"rows": rows[i:i + BATCH]}, database_=self.database)
        return g.number_of_nodes(), g.number_of_edges()
