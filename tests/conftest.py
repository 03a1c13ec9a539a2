from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from councilgraph.loaders import Document, SourceInfo
from councilgraph.loaders.extract import extract_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "councilgraph" / "sample"


def doc(text: str, **info) -> Document:
    return Document(source="t.txt", text=text, format="text", info=SourceInfo(**info))


@pytest.fixture
def extract():
    def run(text: str, **info):
        return extract_document(doc(text, **info), check_minutes=False)
    return run


def score(gold_dir: Path, pred_path: Path) -> dict:
    """Run the project's scorer (../shared/eval/score.py) and return its figures."""
    out = pred_path.with_suffix(".score.json")
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold_dir), "--pred",
                    str(pred_path), "--json", str(out)], check=True, capture_output=True)
    return json.loads(out.read_text())
