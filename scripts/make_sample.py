"""Regenerate the generated part of the bundled sample corpus in councilgraph/sample/.

    python scripts/make_sample.py

Generated items (NNNN_*.txt and their gold) come from councilgraph.corpus.generate with a fixed
seed and are replaced. The hand-written files (h*: a procedural-only item, a page that is not
minutes, an XSS payload, an HTML page, numbered paragraphs with a partner witness) live only in
councilgraph/sample/ with their gold and are left as they are; their manifest rows are kept.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from councilgraph.corpus.generate import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "councilgraph" / "sample"
GENERATED = re.compile(r"^\d{4}_")


def main() -> None:
    minutes, gold = OUT / "minutes", OUT / "gold"
    manifest = minutes / "manifest.csv"
    hand_rows = [r for r in csv.DictReader(manifest.open(encoding="utf-8")) if not GENERATED.match(r["file"])]
    for folder in (minutes, gold):
        for f in folder.iterdir():
            if GENERATED.match(f.name) or f.name == "identities.json":
                f.unlink()
    generate(minutes, 46, seed=20261124, gold_dir=gold)
    rows = list(csv.DictReader(manifest.open(encoding="utf-8"))) + hand_rows
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["file", "url", "council", "committee", "meeting_date"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    manifest.write_text(buf.getvalue(), encoding="utf-8")
    print(f"sample corpus: {len(rows)} files in {minutes.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
