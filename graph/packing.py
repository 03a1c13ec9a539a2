"""What a worker makes of one extracted document for the build cache (`pack`), and reading it back
(`unpack`): the blob's form. It is part of the extraction's version (`graph.build`), so a change
here makes every document be extracted again; the SQLite side (`graph.cache`) is not.
"""

from __future__ import annotations

import json
import pickle
import zlib
from typing import Any

from councilgraph.loaders.extract.identity import Who, bucket

from .schema import STORED_NODES, STORED_RELS


def pack(parts: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
    """(compressed parts, the small record the parent files in the person and contrib tables): done
    in the worker that extracted the document."""
    # the people go in the person table only and the shared parts in contrib, not in the blob as well;
    # tables are named by their place in the schema, not by tuples of names in every blob
    blob = zlib.compress(pickle.dumps([parts[k] for k in _BLOB_FIELDS] + [
        [(_TABLE_NO[k], v) for k, v in parts["tables"].items()],
        [(_TABLE_NO[k], v) for k, v in parts["person_edges"].items()]], protocol=pickle.HIGHEST_PROTOCOL), 9)
    source, committee = parts["source"], parts["committee"]
    # the parent only files these: buckets and property texts are made here, in the worker
    buckets = [bucket(Who(source, committee, p[0], p[1], p[2], p[3], p[4])) for p in parts["people"]]
    shared = [(nid, _props_text(props)) for _label, nid, props in parts["shared"]]
    return blob, {"source": source, "council": parts["council"], "committee": committee, "people": parts["people"],
                  "buckets": buckets, "shared": shared}


def _props_text(props: dict[str, Any]) -> str:
    return json.dumps(props, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


# what a blob holds besides the tables (the text first: the lines after it refer back to its words)
_BLOB_FIELDS = ("text", "source", "council", "council_id", "committee", "meeting", "nodes", "edges")
_TABLES = [("node", label) for label in STORED_NODES] + [
    ("rel", rel, a, b) for rel, (pairs, _props) in STORED_RELS.items() for a, b in pairs]
_TABLE_NO = {k: i for i, k in enumerate(_TABLES)}


def unpack(blob: bytes) -> dict[str, Any]:
    values = pickle.loads(zlib.decompress(blob))
    parts = dict(zip(_BLOB_FIELDS, values, strict=False))
    parts["tables"] = {_TABLES[i]: v for i, v in values[len(_BLOB_FIELDS)]}
    parts["person_edges"] = {_TABLES[i]: v for i, v in values[len(_BLOB_FIELDS) + 1]}
    return parts
