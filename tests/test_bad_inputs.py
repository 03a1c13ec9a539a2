"""The bad-input corpus (tests/bad_inputs.py, over 60 fictional broken and hostile inputs) through
the real command: no traceback, every bad file named with its reason, every good file read, and
the documented exit status (1: something was skipped)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .bad_inputs import entries, write_corpus


def shown(path: str) -> str:
    """How the CLI prints a path: not-UTF-8 bytes as \\xNN, control characters escaped."""
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def stored(path: str) -> str:
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run([sys.executable, "-m", "councilgraph.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=600, errors="replace")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad") / "corpus"
    return root, write_corpus(root)


def test_corpus_is_big_enough():
    assert len(entries()) >= 60


def _check_skips(stderr: str, expected: dict[str, str]) -> None:
    lines = stderr.splitlines()
    for path, want in expected.items():
        if want == "good":
            assert not any(shown(path) + ":" in line for line in lines if line.startswith("skipped")), path
            continue
        named = [line for line in lines if line.startswith(f"skipped {shown(path)}: ")]
        assert named, f"{path!r} not named among skips:\n{stderr}"
        assert want.lower() in named[0].lower(), (path, want, named[0])


def test_extract_reads_every_good_file_and_names_every_bad_one(corpus, tmp_path):
    root, expected = corpus
    out = tmp_path / "x.jsonl"
    r = cli("extract", str(root), "--out", str(out), cwd=tmp_path)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 1, r.stderr
    _check_skips(r.stderr, expected)
    for row in ("line 2", "line 3", "line 4"):  # the manifest's bad rows, each left out with a message
        assert any("manifest.csv " + row + ": manifest row left out" in line for line in r.stderr.splitlines()), row
    assert "not-here" not in r.stderr  # a row for a file not in the batch is no news
    sources = {json.loads(line)["source"] for line in out.read_text().splitlines()}
    good = {stored(p) for p, want in expected.items() if want == "good"}
    assert sources == good
    # the good rows of a manifest with bad rows still apply
    by_source = {json.loads(line)["source"]: json.loads(line) for line in out.read_text().splitlines()}
    assert by_source[str(root / "manifested" / "d.txt")]["meeting_date"] == "2023-03-01"


def test_build_agrees_with_extract(corpus, tmp_path):
    root, expected = corpus
    store = tmp_path / "st.lbdb"
    r = cli("build", str(root), "--store", str(store), cwd=tmp_path)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 1, r.stderr
    _check_skips(r.stderr, expected)
    n_good = sum(1 for w in expected.values() if w == "good")
    docs = cli("cypher", "MATCH (d:Document) RETURN count(d) AS n", "--store", str(store), "--format", "json",
               cwd=tmp_path)
    assert docs.returncode == 0, docs.stderr
    # byte and CRLF copies of one text are one document; everything good is in the store
    assert json.loads(docs.stdout)[0]["n"] == n_good - _copies(root, expected)


def _copies(root: Path, expected: dict[str, str]) -> int:
    from councilgraph.loaders import load_path

    texts = set()
    dup = 0
    for p, want in expected.items():
        if want == "good":
            t = load_path(p).text
            dup += t in texts
            texts.add(t)
    return dup


def test_strict_stops_at_the_first_bad_file_with_status_1(corpus, tmp_path):
    root, _ = corpus
    r = cli("extract", str(root / "text"), "--strict", "--out", str(tmp_path / "o.jsonl"), cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "--strict" in r.stderr
    r = cli("build", str(root / "text"), "--strict", "--store", str(tmp_path / "s.lbdb"), cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "s.lbdb").exists()


def test_nothing_readable_is_status_2_and_writes_nothing(tmp_path):
    for cmd in (["extract", str(tmp_path / "mistyped")], ["build", str(tmp_path / "mistyped"), "--store", "s.lbdb"]):
        r = cli(*cmd, cwd=tmp_path)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert "mistyped: no such file or folder" in r.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_on_the_command_line_is_skipped_with_its_reason(tmp_path):
    from .bad_inputs import minutes

    good, locked = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(minutes(0))
    locked.write_text(minutes(1))
    locked.chmod(0)
    r = cli("extract", str(good), str(locked), "--out", str(tmp_path / "o.jsonl"), cwd=tmp_path)
    assert r.returncode == 1 and "locked.txt: cannot read: Permission denied" in r.stderr
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_unreadable_folder_is_named(tmp_path):
    from .bad_inputs import minutes

    (tmp_path / "src" / "locked").mkdir(parents=True)
    (tmp_path / "src" / "ok.txt").write_text(minutes(0))
    (tmp_path / "src" / "locked").chmod(0)
    try:
        r = cli("extract", str(tmp_path / "src"), "--out", str(tmp_path / "o.jsonl"), cwd=tmp_path)
    finally:
        (tmp_path / "src" / "locked").chmod(0o755)
    assert r.returncode == 1 and "locked: cannot read folder: Permission denied" in r.stderr


def test_a_200_mb_file_is_refused_by_the_size_limit_not_read(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fp:  # sparse: 200 MB long, no disk used
        fp.truncate(200 * 2**20)
    from .bad_inputs import minutes

    (tmp_path / "ok.txt").write_text(minutes(0))
    r = cli("extract", str(tmp_path / "huge.txt"), str(tmp_path / "ok.txt"), "--out", str(tmp_path / "o.jsonl"),
            cwd=tmp_path)
    assert r.returncode == 1 and "huge.txt: file is over the 64 MB limit" in r.stderr, r.stderr
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 1
