"""Extraction throughput on one core over a generated corpus (results go in BENCHMARKS.md).

    python benchmarks/extract_speed.py [N]

Generates N agenda items (default 2000) into a temporary folder, then times loading +
extraction + identity + topics, reporting items/s and MB/s. Not a test: timings vary by machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from councilgraph.api import extract
from councilgraph.corpus.generate import generate


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        generate(tmp, n, seed=1)
        size = sum(p.stat().st_size for p in Path(tmp).glob("*.txt"))
        extract([tmp])  # warm caches (regexes, topic scheme)
        t0 = time.perf_counter()
        result = extract([tmp])
        dt = time.perf_counter() - t0
    questions = sum(len(x.questions) for x in result)
    print(f"{n} items, {size / 1e6:.2f} MB, {questions} questions in {dt:.2f} s: "
          f"{n / dt:.0f} items/s, {size / 1e6 / dt:.2f} MB/s")


if __name__ == "__main__":
    main()
