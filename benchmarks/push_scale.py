"""What pushing a store to Neo4j costs on this side of the wire (results go in BENCHMARKS.md).

    python benchmarks/push_scale.py STORE [--batch B]                 # a stand-in server: client side only
    NEO4J_PASSWORD=... python benchmarks/push_scale.py STORE --neo4j bolt://HOST:7687   # a real push

`councilgraph push` streams the embedded store table by table into batched `UNWIND ... MERGE`
transactions. Without `--neo4j`, a stand-in driver takes each batch and packs its parameters the
way the official driver does before sending (`neo4j`'s PackStream encoder, when importable; JSON
otherwise), so the figures are the store reading, the rows and sentences made, and the bytes that
would go over the wire: what a server adds comes on top. Reports rows, batches, bytes, seconds,
rows/s and the process's peak resident memory (which should not grow with the store). Not a test.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import time
from pathlib import Path
from typing import Any

from councilgraph.graph.store import LadybugStore
from councilgraph.queries.neo4j import Neo4jTarget


def _packer():
    """The driver's own encoder for a query's parameters, or None (the driver's internals move)."""
    try:
        from neo4j._codec.packstream.v1 import Packer
    except ImportError:
        return None

    def size(value: Any) -> int:
        buf = io.BytesIO()
        Packer(buf).pack(value)
        return len(buf.getvalue())

    return size


class _StandIn:
    """Takes the batches a server would: counts them and their encoded size."""

    def __init__(self) -> None:
        self.batches = 0
        self.rows = 0
        self.bytes = 0
        self.size = _packer()

    def execute_query(self, cypher: str, params: dict | None = None, database_: str | None = None):
        rows = (params or {}).get("rows", [])
        self.batches += 1 if rows else 0
        self.rows += len(rows)
        if rows:
            self.bytes += self.size(params) if self.size else len(json.dumps(params, default=str))
        return [], None, []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--neo4j", help="a real server's URI (credentials from NEO4J_USER / NEO4J_PASSWORD)")
    args = ap.parse_args()
    if args.neo4j:
        target = Neo4jTarget(args.neo4j)
        stand_in = None
    else:
        target = Neo4jTarget.__new__(Neo4jTarget)
        stand_in = _StandIn()
        target.driver, target.database, target.uri = stand_in, None, "stand-in"
    t0, c0 = time.perf_counter(), time.process_time()
    with LadybugStore(args.store) as st:
        nodes, edges = target.push_store(st, batch=args.batch)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pushed {nodes} nodes and {edges} edges in {wall:.1f} s ({cpu:.1f} s CPU): "
          f"{(nodes + edges) / wall:,.0f} rows/s; peak RSS {peak:.0f} MiB")
    if stand_in is not None:
        how = "PackStream" if stand_in.size else "JSON (driver encoder not importable)"
        print(f"stand-in server: {stand_in.batches} batches of up to {args.batch} rows, "
              f"{stand_in.bytes / 1e6:.1f} MB of parameters ({how})")
    else:
        target.close()


if __name__ == "__main__":
    main()
