"""Push a built graph to the user's Neo4j and run the query library there (official driver).

Constraints first (one uniqueness constraint on `id` per label), then nodes and edges in batches
of `UNWIND $rows AS row MERGE ...`, so pushing twice changes nothing. Credentials come from
options or NEO4J_USER / NEO4J_PASSWORD and are never printed.
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

from councilgraph.graph.schema import NODES, RELS

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
