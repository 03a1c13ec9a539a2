"""Issue 10 (start-up): the extractor's compiled patterns are kept between runs
(`loaders/extract/compiled_re.py`), and what comes back from the file is what `re.compile` makes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLE

# imports the extractor, counting the patterns the standard compiler compiles for it
_RUN = """
import re._compiler as c, sys
made = []
real = c._code
c._code = lambda p, flags: made.append(1) or real(p, flags)
import councilgraph.loaders.extract.contract
from councilgraph.loaders.extract import compiled_re
print(len(compiled_re._made), len(compiled_re._load()), len(made))
"""


def _run(cache: Path, **env: str) -> tuple[int, int]:
    """(patterns the extractor's modules had compiled, entries in the file); a start with nothing
    of ours to compile compiles only the standard library's own few (json, dataclasses) and two
    module-level `re.sub`s."""
    out = subprocess.run([sys.executable, "-c", _RUN], capture_output=True, text=True, check=True,
                         env={**os.environ, "XDG_CACHE_HOME": str(cache), **env})
    ours, held, every = (int(v) for v in out.stdout.split())
    if ours == 0 and env.get("COUNCILGRAPH_PATTERN_CACHE") != "0":
        assert every < 20
    return ours, held


def test_a_second_start_compiles_none_of_the_extractors_patterns_and_a_damaged_file_is_made_again(tmp_path):
    first, _ = _run(tmp_path)
    assert first > 200  # the extractor's patterns, compiled by the standard compiler
    (file,) = (tmp_path / "councilgraph").glob("patterns-*.marshal")
    again, held = _run(tmp_path)
    assert again == 0 and held >= first
    file.write_bytes(b"\x00not marshal")  # damaged: compiled as if there were no file, then written again
    assert _run(tmp_path)[0] == first
    assert _run(tmp_path)[0] == 0
    assert not list((tmp_path / "councilgraph").glob(".patterns-*"))  # no half-written files left
    assert _run(tmp_path, COUNCILGRAPH_PATTERN_CACHE="0") == (0, 0)  # turned off: plain re.compile, no file read


def test_patterns_from_the_file_match_as_the_standard_compiler_s(tmp_path, monkeypatch):
    """Every pattern the file holds, handed back to the engine, finds what `re.compile` finds."""
    import re

    from councilgraph.loaders.extract import compiled_re

    _run(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(compiled_re, "_entries", None)
    monkeypatch.setattr(compiled_re, "_made", {})
    entries = compiled_re._load()
    assert len(entries) > 200
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((SAMPLE / "minutes").rglob("*.txt"))[:6]]
    assert texts
    for (pattern, flags), _ in sorted(entries.items())[::3]:
        cached, plain = compiled_re.compile(pattern, flags), re.compile(pattern, flags)
        assert cached is not plain and not compiled_re._made  # from the file, not compiled again
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        for text in texts:
            assert [m.span() for m in cached.finditer(text)] == [m.span() for m in plain.finditer(text)], pattern


def test_a_bad_pattern_is_refused_as_re_refuses_it():
    from councilgraph.loaders.extract import compiled_re

    with pytest.raises(compiled_re.error):
        compiled_re.compile("(unclosed")


def test_no_home_folder_and_an_unwritable_cache_folder_only_cost_the_compiling(tmp_path):
    """Where there is nowhere to keep the file, patterns are compiled as ever and nothing fails."""
    env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    no_home = "import pathlib\ndef _none(cls):\n    raise RuntimeError('no home')\n" \
              "pathlib.Path.home = classmethod(_none)\n"
    out = subprocess.run([sys.executable, "-c", no_home + _RUN], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.split()[0]) == 0  # nothing kept to write: compiled by re.compile as ever
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")  # the cache folder's parent is a file: nothing can be written below it
    assert _run(blocked)[0] > 200 and _run(blocked)[0] > 200
