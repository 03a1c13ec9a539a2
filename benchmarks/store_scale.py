"""Build throughput, recurring-concerns query time and peak memory on a large generated corpus.

    python benchmarks/store_scale.py [N]      # default 100000 agenda items

Writes N items with the generator, builds the embedded store from scratch (extraction + identity +
topics + bulk load), rebuilds it with nothing changed (cache hits), then times the
recurring_concerns query. Peak memory is the process's maximum resident set size. Results go
in BENCHMARKS.md; this is a script, not a test.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from councilgraph import api
from councilgraph.corpus.generate import generate


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "minutes"
        t0 = time.perf_counter()
        generate(src, n, seed=11)
        size = sum(p.stat().st_size for p in src.glob("*.txt"))
        print(f"generated {n} items ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f} s", flush=True)
        store = Path(tmp) / "big.lbdb"
        t0 = time.perf_counter()
        report = api.build([src], store)
        build_s = time.perf_counter() - t0
        print(f"first build: {build_s:.0f} s ({n / build_s:.0f} items/s); {report.summary()}; "
              f"peak RSS {peak_mb():.0f} MB", flush=True)
        t0 = time.perf_counter()
        api.build([src], store)
        print(f"rebuild, nothing changed: {time.perf_counter() - t0:.0f} s", flush=True)
        api.query("recurring_concerns", store=store)  # warm
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            res = api.query("recurring_concerns", store=store)
            times.append(time.perf_counter() - t0)
        print(f"recurring_concerns: {len(res.rows)} rows, median {sorted(times)[2] * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f} ms); store {store.stat().st_size / 1e6:.0f} MB; "
              f"peak RSS {peak_mb():.0f} MB", flush=True)


if __name__ == "__main__":
    main()
