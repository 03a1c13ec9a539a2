"""Start-up: the concept scheme cache gives the scheme rdflib parses; --help needs no extractor."""

import subprocess
import sys

from councilgraph.graph.topics import DEFAULT_SCHEME, TopicScheme


def _concepts(s: TopicScheme) -> list[tuple]:
    return [(c.id, c.uri, c.label, c.alt, c.broader, c.depth) for c in s.concepts.values()]


def test_cached_scheme_equals_parsed_and_follows_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNCILGRAPH_CACHE", str(tmp_path / "cache"))
    parsed = {cid: c for cid, c in TopicScheme._parse(None).items()}
    first = TopicScheme.load()  # parses and writes the cache
    assert list((tmp_path / "cache").glob("scheme-*.json"))
    second = TopicScheme.load()  # reads it
    assert _concepts(first) == _concepts(second) == _concepts(TopicScheme(parsed))
    mine = tmp_path / "mine.ttl"
    mine.write_text(DEFAULT_SCHEME.read_text(encoding="utf-8"), encoding="utf-8")
    assert _concepts(TopicScheme.load(mine)) == _concepts(first)
    text = mine.read_text(encoding="utf-8")
    cid = next(iter(first.concepts))
    label = first.concepts[cid].label
    mine.write_text(text.replace(f'"{label}"@en', '"Renamed concern"@en', 1), encoding="utf-8")
    assert TopicScheme.load(mine).concepts[cid].label == "Renamed concern"


def test_help_imports_neither_extractor_nor_store():
    code = ("import sys; from councilgraph import cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('councilgraph.loaders', 'rdflib', 'ladybug'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_extracting_one_file_imports_no_heavy_library(tmp_path):
    """A one-file extract pays for the extractor only: no RDF parser, store, or pydantic (typer 0.29 adds it)."""
    page = tmp_path / "minutes.txt"
    page.write_text("Minutes of the Scrutiny Panel held on 4 March 2025\n\nCouncillor Ada Quill asked about "
                    "potholes. The Highways Manager replied that repairs were planned.\n", encoding="utf-8")
    code = ("import sys; from councilgraph import cli; sys.argv = ['councilgraph', 'extract', sys.argv[1], '--jsonl']\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(('rdflib', 'ladybug', 'pydantic'))}),"
            " file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True)
    assert '"asker"' in done.stdout  # it did extract
    assert done.stderr.strip().splitlines()[-1] == "[]"
