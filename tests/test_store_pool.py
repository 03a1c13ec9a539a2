"""A build that outgrows the bounded buffer pool says which setting to raise, and keeps the old store."""

from __future__ import annotations

from pathlib import Path

import pytest
from councilgraph.graph import store as store_mod

from councilgraph import api
from councilgraph.errors import StoreError

SAMPLE = Path(__file__).resolve().parents[1] / "councilgraph" / "sample" / "minutes"


def test_pool_full_names_the_setting_and_keeps_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.lbdb"
    api.build([SAMPLE], db, workers=1)
    before = db.read_bytes()
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "extra.txt").write_text(
        "Minutes of the Harbour Scrutiny Panel held on 3 March 2025\n\nPresent: Councillor Ada Brook (Chair)\n\n"
        "1. Moorings\n\nCouncillor Brook asked about the waiting list for moorings. The Harbour Master "
        "responded that it had fallen.\n", encoding="utf-8")

    import ladybug

    execute = ladybug.Connection.execute

    def full(self, query, *args, **kwargs):  # the store library's error, on the first load of a build
        q = str(query).lstrip().upper()
        if q.startswith("COPY") or "CREATE (" in q:  # a bulk load, or the CREATE of a few new rows
            raise RuntimeError("Buffer manager exception: Unable to allocate memory! The buffer pool is full "
                               "and no memory could be freed!")
        return execute(self, query, *args, **kwargs)

    monkeypatch.setattr(ladybug.Connection, "execute", full)
    monkeypatch.setenv("COUNCILGRAPH_BUFFER_POOL_MB", "96")
    with pytest.raises(StoreError) as err:
        api.build([SAMPLE, tmp_path / "more"], db, workers=1, prune=True, topics=None)
    message = str(err.value)
    assert "previous store left unchanged" in message
    assert "COUNCILGRAPH_BUFFER_POOL_MB=96" in message and "set it higher" in message
    assert db.read_bytes() == before


def test_other_store_errors_get_no_pool_hint() -> None:
    assert store_mod._pool_hint(RuntimeError("Binder exception: table X does not exist")) == ""
