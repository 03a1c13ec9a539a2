"""Rebuild the bundled sample corpus in councilgraph/sample/ (generated items + hand-written files).

    python scripts/make_sample.py

Generated items come from councilgraph.corpus.generate with a fixed seed; the hand-written files
in scripts/sample_extra/ (a procedural-only item, a page that is not minutes, an XSS payload, an
HTML page, numbered paragraphs with a partner witness) are copied beside them with their gold.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from councilgraph.corpus.generate import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "councilgraph" / "sample"
EXTRA = ROOT / "scripts" / "sample_extra"
EXTRA_MANIFEST = [
    ("h01_northmoor_apologies.txt", "", "Northmoor County Council",
     "Children and Young People's Overview and Scrutiny Committee", "2024-03-14"),
    ("h02_privacy_notice.txt", "", "", "", ""),
    ("h03_kestrelvale_consultation.txt", "https://moderngov.kestrelvale.gov.uk/mgAi.aspx?ID=20931",
     "Royal Borough of Kestrel Vale", "Place Overview and Scrutiny Panel", "2023-11-21"),
    ("h04_northmoor_send.txt", "", "Northmoor County Council", "", ""),
    ("h05_castlebridge_housing.html", "", "Castlebridge City Council", "Housing and Communities Scrutiny Committee",
     "2023-11-08"),
]


def main() -> None:
    minutes, gold = OUT / "minutes", OUT / "gold"
    for d in (minutes, gold):
        if d.exists():
            shutil.rmtree(d)
    generate(minutes, 46, seed=20261124, gold_dir=gold)
    for f in sorted(EXTRA.glob("h*")):
        shutil.copyfile(f, minutes / f.name)
    for f in sorted((EXTRA / "gold").glob("*.json")):
        shutil.copyfile(f, gold / f.name)
    with (minutes / "manifest.csv").open("a", newline="", encoding="utf-8") as fp:
        csv.writer(fp, lineterminator="\n").writerows(EXTRA_MANIFEST)
    print(f"sample corpus: {len(list(minutes.glob('*.*'))) - 1} files in {minutes.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
