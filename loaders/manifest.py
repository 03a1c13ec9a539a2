"""The manifest: a CSV beside the inputs giving what the collector knows about each page.

Columns (header required, any order, extra columns ignored): file, url, council, committee,
meeting_date, and the site's own committee_id and meeting_id (written by `councilgraph fetch`).
Rows are matched to inputs by file name. A `manifest.csv` in an input folder is picked up without
being named, because that is where people keep it.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from councilgraph.errors import ManifestError

from .decoding import decode
from .document import SourceInfo

MANIFEST_NAME = "manifest.csv"


def parse_date(value: str, *, path: str, line: int) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        if "/" in value:
            d, m, y = (int(x) for x in value.split("/"))
            return date(y, m, d)
        return date.fromisoformat(value)
    except ValueError:
        raise ManifestError(f"line {line}: meeting_date {value!r} is not YYYY-MM-DD or DD/MM/YYYY",
                            path=path) from None


def read_manifest(path: str | Path) -> dict[str, SourceInfo]:
    """File name -> SourceInfo."""
    p = Path(path)
    try:
        text = decode(p.read_bytes(), path=str(p))
    except OSError as exc:
        raise ManifestError(f"cannot read manifest: {exc.strerror}", path=str(p)) from exc
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if "file" not in fields:
        raise ManifestError("manifest needs a 'file' column", path=str(p))
    out: dict[str, SourceInfo] = {}
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        name = Path(row.get("file", "")).name
        if not name:
            continue
        out[name] = SourceInfo(
            url=row.get("url") or None,
            council=row.get("council") or None,
            committee=row.get("committee") or None,
            meeting_date=parse_date(row.get("meeting_date", ""), path=str(p), line=n),
            committee_id=row.get("committee_id") or None,
            meeting_id=row.get("meeting_id") or None,
        )
    return out
