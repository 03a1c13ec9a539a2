"""The gold-labelled examples are the benchmark and the test suite (parserator habit)."""

import pytest
from councilgraph.loaders.extract.contract import write_jsonl

from councilgraph.api import extract, sample_corpus

from .conftest import SAMPLE, SHARED, score


def _run(tmp_path, paths, manifest=None):
    result = extract(paths, manifest=manifest)
    pred = tmp_path / "pred.jsonl"
    with pred.open("w") as fp:
        write_jsonl(result, fp)
    return pred


NO_SCORER = pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(),
                               reason="the scorer ../shared/eval/score.py is not present beside the repo")


@NO_SCORER
@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not present beside the repo")
def test_seed_minutes_meet_the_bar(tmp_path):
    pred = _run(tmp_path, sorted((SHARED / "seeds").glob("*.txt")), SHARED / "seeds" / "manifest.csv")
    res = score(SHARED / "gold" / "seeds", pred)
    assert res["headline_f1"] >= 0.90
    assert res["indicators"]["f1"] >= 0.70, res["indicators"]  # measured 0.750
    assert res["identity"]["acc"] >= 0.9
    assert res["report_period"] == {"correct": 5, "of": 5, "acc": 1.0}


@NO_SCORER
def test_sample_corpus_meets_the_bar(tmp_path):
    pred = _run(tmp_path, [sample_corpus()])
    res = score(SAMPLE / "gold", pred)
    assert res["headline_f1"] >= 0.95
    assert res["identity"]["acc"] >= 0.95
    assert res["documents_missing"] == []


def test_sample_corpus_shape():
    import csv
    rows = list(csv.DictReader((sample_corpus() / "manifest.csv").open()))
    files = [p for p in sample_corpus().iterdir() if p.name != "manifest.csv"]
    assert len(files) >= 41
    councils = {r["council"] for r in rows if r["council"]}
    assert len(councils) >= 3


@NO_SCORER
def test_varied_styles_meet_the_bar(tmp_path):
    """Hand-written pages in layouts the generator never writes (printed minutes with Present lists,
    written questions and responses, lettered points, officers by initials)."""
    varied = SAMPLE.parent.parent / "tests" / "fixtures" / "varied"
    pred = _run(tmp_path, [varied])
    res = score(varied / "gold", pred)
    assert res["headline_f1"] >= 0.95
    assert res["attendance"]["f1"] == 1.0
    assert res["meta_committee"]["acc"] == 1.0 and res["meta_meeting_date"]["acc"] == 1.0


def _half(tmp_path, parity: int):
    """One half of ../shared/real (odd or even numbers) scored against its hand-made answers."""
    real, gold = SHARED / "real", SHARED / "gold" / "real"
    pages = sorted(p for p in real.glob("*.txt") if int(p.stem) % 2 == parity)
    half_gold = tmp_path / "gold"
    half_gold.mkdir()
    for p in pages:
        (half_gold / f"{p.stem}.json").write_bytes((gold / f"{p.stem}.json").read_bytes())
    return score(half_gold, _run(tmp_path, pages, real / "manifest.csv"))


@NO_SCORER
@pytest.mark.skipif(not (SHARED / "real").is_dir(), reason="../shared/real not present beside the repo")
@pytest.mark.parametrize("parity,floor,indicators", [(1, 0.92, 0.82), (0, 0.90, 0.80)], ids=["odd", "even"])
def test_real_minutes_from_many_councils_hold_their_level(tmp_path, parity, floor, indicators):
    """Floors a little under the measured scores (BENCHMARKS.md): a rule that breaks real pages fails here."""
    res = _half(tmp_path, parity)
    assert res["headline_f1"] >= floor
    assert res["indicators"]["f1"] >= indicators, res["indicators"]  # measured 0.851 odd, 0.843 even
    for field, least in (("people", 0.92), ("questions", 0.88), ("responders", 0.86), ("concern_grouping", 0.85)):
        assert res[field]["f1"] >= least, (field, res[field])
    assert res["actions"]["f1"] >= 0.85 and res["attendance"]["f1"] >= 0.78, (res["actions"], res["attendance"])
    assert res["documents_missing"] == []
    assert res["meta_council"]["acc"] >= 0.95
