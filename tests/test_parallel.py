"""A build on a process pool gives the same store as a serial one; the cache is one compact file."""

import io
import shutil

from councilgraph import api
from councilgraph.corpus.generate import generate

from .conftest import SAMPLE


def _json(store) -> str:
    buf = io.StringIO()
    api.export(store, "json", buf)
    return buf.getvalue()


def test_parallel_and_serial_builds_export_identical_json(tmp_path):
    src = tmp_path / "minutes"
    shutil.copytree(SAMPLE / "minutes", src)
    generate(src / "gen", 120, seed=9)
    serial = api.build([src], tmp_path / "serial.lbdb", workers=1)
    parallel = api.build([src], tmp_path / "parallel.lbdb", workers=2)
    assert serial.extracted == parallel.extracted > 50
    assert [s.path for s in serial.skipped] == [s.path for s in parallel.skipped]
    assert _json(tmp_path / "serial.lbdb") == _json(tmp_path / "parallel.lbdb")
    # the cache is one database beside the store, not a file per document
    cache = tmp_path / "parallel.lbdb.cache"
    assert (cache / "extractions.sqlite").is_file() and not list(cache.glob("*.pkl"))
    again = api.build([src], tmp_path / "parallel.lbdb", workers=2)
    assert (again.extracted, again.unchanged) == (0, parallel.extracted)


def test_removed_documents_leave_the_cache(tmp_path):
    import sqlite3

    src = tmp_path / "minutes"
    shutil.copytree(SAMPLE / "minutes", src)
    store = tmp_path / "s.lbdb"
    first = api.build([src], store, workers=2)
    victim = sorted(src.glob("*.txt"))[0]
    victim.unlink()
    api.build([src], store, workers=2)
    db = sqlite3.connect(tmp_path / "s.lbdb.cache" / "extractions.sqlite")
    assert db.execute("SELECT count(*) FROM extraction").fetchone()[0] == first.documents - 1
