"""Extraction throughput on one core over a generated corpus (results go in BENCHMARKS.md).

    python benchmarks/extract_speed.py [N] [REPEATS]

Generates N agenda items (default 2000) into a temporary folder, then times loading + extraction
+ identity + topics (single-threaded) REPEATS times (default 5), reporting the best and the median
run in items/s and MB/s. The best run is the code's speed; the spread is the machine's (a shared
VM here varies by about 20% between runs of the same code). Not a test: timings vary by machine.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from councilgraph.api import extract
from councilgraph.corpus.generate import generate


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        generate(tmp, n, seed=1)
        size = sum(p.stat().st_size for p in Path(tmp).glob("*.txt"))
        extract([tmp])  # warm caches (regexes, topic scheme)
        times = []
        for _ in range(repeats):
            c0 = time.process_time()
            result = extract([tmp])
            times.append(time.process_time() - c0)
    questions = sum(len(x.questions) for x in result)
    best, median = min(times), statistics.median(times)
    print(f"{n} items ({size / 1e6:.2f} MB, {questions} questions), CPU time over {repeats} runs: "
          f"best {best:.2f} s = {n / best:.0f} items/s ({size / 1e6 / best:.2f} MB/s); "
          f"median {median:.2f} s = {n / median:.0f} items/s")


if __name__ == "__main__":
    main()
