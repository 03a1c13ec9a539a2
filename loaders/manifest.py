"""The manifest: a CSV beside the inputs giving what the collector knows about each page.

Columns (header required, any order, extra columns ignored): file, url, council, committee,
meeting_date, and the site's own committee_id and meeting_id (written by `councilgraph fetch`).
Rows are matched to inputs by file name. A `manifest.csv` in an input folder is picked up without
being named, because that is where people keep it.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from councilgraph.errors import InputError, ManifestError

from .decoding import decode
from .document import SourceInfo

MANIFEST_NAME = "manifest.csv"


def day(value: str) -> date:
    """YYYY-MM-DD or DD/MM/YYYY (the two forms collectors and ModernGov use); ValueError otherwise."""
    try:
        if "/" in value:
            d, m, y = (int(x) for x in value.split("/"))
            return date(y, m, d)
        return date.fromisoformat(value)
    except OverflowError:
        raise ValueError(value) from None


def parse_date(value: str, *, path: str, line: int) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return day(value)
    except ValueError:
        raise ManifestError(f"line {line}: meeting_date {value!r} is not YYYY-MM-DD or DD/MM/YYYY",
                            path=path) from None


MAX_FIELD = 128 * 1024  # characters in one manifest cell; a longer cell makes its row bad


def read_manifest(path: str | Path,
                  on_bad_row: Callable[[str | None, str, str], None] | None = None) -> dict[str, SourceInfo]:
    """File name -> SourceInfo.

    A manifest that cannot be read, or has no `file` column, raises `ManifestError`. A bad row (a
    date that is not a date, extra cells, a cell over 128 KB, broken quoting) is left out and
    reported as `on_bad_row(file name or None, "MANIFEST line N", reason)`; without `on_bad_row`
    it raises `ManifestError`, as before."""
    p = Path(path)
    where = source_name(p)
    try:
        text = decode(p.read_bytes(), path=where)
    except OSError as exc:
        raise ManifestError(f"cannot read manifest: {exc.strerror}", path=where) from exc
    except InputError as exc:
        raise ManifestError(f"cannot read manifest: {exc.message}", path=where) from exc

    def bad(name: str | None, line: int, reason: str) -> None:
        if on_bad_row is None:
            raise ManifestError(f"line {line}: {reason}", path=where)
        on_bad_row(name, f"{where} line {line}", f"manifest row left out: {reason}")

    rows = csv.reader(_lines(text))
    try:
        header = [h.strip().lower() for h in next(rows)]
    except (StopIteration, csv.Error):
        header = []
    if "file" not in header:
        raise ManifestError("manifest needs a 'file' column", path=where)
    out: dict[str, SourceInfo] = {}
    # each column's place (the last of a repeated name, as a dict of the row would keep): a manifest
    # of 100,000 rows is read on every build, so no dict, Path or date parse is made per row twice
    at = {k: i for i, k in enumerate(header)}
    cols = [at.get(k) for k in ("file", "url", "council", "committee", "meeting_date", "committee_id", "meeting_id")]
    width = len(header)
    dates: dict[str, date | None] = {}
    one = {}.setdefault  # one object for each council and committee name, not one a row
    line = 1
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            line = rows.line_num
            bad(None, line, f"cannot be parsed ({exc})")
            continue
        line = rows.line_num
        if not "".join(cells).strip():
            continue
        n = len(cells)
        file, url, council, committee, when, committee_id, meeting_id = (
            cells[i].strip() if i is not None and i < n else "" for i in cols)
        name = _file_name(file)
        if n > width:
            bad(name or None, line, f"{n} cells, the header has {width}")
            continue
        if max(map(len, cells)) > MAX_FIELD:
            bad(name or None, line, f"a cell is over {MAX_FIELD // 1024} KB")
            continue
        if not name:
            continue
        meeting_date = dates.get(when, False)
        if meeting_date is False:
            try:
                meeting_date = dates[when] = parse_date(when, path=where, line=line)
            except ManifestError as exc:
                bad(name, line, exc.message.split(": ", 1)[-1])
                continue
        out[name] = SourceInfo(url=url or None, council=one(council, council) or None,
                               committee=one(committee, committee) or None,
                               meeting_date=meeting_date, committee_id=committee_id or None,
                               meeting_id=meeting_id or None)
    return out


def _lines(text: str) -> Iterator[str]:
    """The text's lines, one at a time (its newlines are already LF: `decode`). A StringIO of a
    150 MB manifest (a million rows) holds it again at four bytes a character."""
    start, end = 0, text.find("\n")
    while end >= 0:
        yield text[start:end + 1]
        start, end = end + 1, text.find("\n", end + 1)
    if start < len(text):
        yield text[start:]


def _file_name(cell: str) -> str:
    """`Path(cell).name`, without making a Path for each of a large manifest's rows."""
    if "/" in cell or os.sep in cell or (os.altsep and os.altsep in cell) or cell in (".", ".."):
        return Path(cell).name
    return cell


def source_name(p: Path) -> str:
    return str(p).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
