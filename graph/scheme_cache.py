"""The concept scheme in a fast form: parsing Turtle with rdflib costs about 0.12 s (plus rdflib's
own import) at every start; the parsed concepts are kept as JSON in the user's cache folder
(`$COUNCILGRAPH_CACHE`, else `$XDG_CACHE_HOME/councilgraph`, else `~/.cache/councilgraph`), keyed
by the hash of the scheme file's bytes and the row format, so a changed scheme (or a cache written
by a version that kept fewer fields) is parsed again. If the folder cannot be
written the scheme is simply parsed each time."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

_FORMAT = b"rows-v3: id uri label alt broader generic related"  # change it whenever the rows change


def cache_dir() -> Path:
    if os.environ.get("COUNCILGRAPH_CACHE"):
        return Path(os.environ["COUNCILGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "councilgraph"


def load_concepts(path: Path, parse: Callable[[], dict[str, Any]], make: Callable[..., Any]) -> dict[str, Any]:
    """Concepts of the scheme at `path`: from the JSON cache if it matches the file, else `parse()`d."""
    key = hashlib.sha256(path.read_bytes() + _FORMAT).hexdigest()[:20]
    f = cache_dir() / f"scheme-{key}.json"
    try:
        rows = json.loads(f.read_text(encoding="utf-8"))
        return {r["id"]: make(**r) for r in rows}
    except (OSError, ValueError, TypeError, KeyError):
        pass
    concepts = parse()
    rows = [{"id": c.id, "uri": c.uri, "label": c.label, "alt": c.alt, "broader": c.broader,
             "generic": c.generic, "related": c.related} for c in concepts.values()]
    try:
        f.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=f.parent, prefix=".scheme-")
        with os.fdopen(fd, "w", encoding="utf-8") as fp:
            json.dump(rows, fp, ensure_ascii=False)
        os.replace(tmp, f)
    except OSError:
        pass
    return concepts
