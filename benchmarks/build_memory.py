"""Where a whole build's parent process holds memory, phase by phase (results go in BENCHMARKS.md).

    python benchmarks/build_memory.py DIR    # DIR as `store_scale.py N --keep DIR` left it

Writes DIR/big.lbdb again from its cache (nothing is extracted: the store's code version is
salted so the build cannot reuse the store) and prints the resident set size on entering and
leaving each phase (a council's identities, the fill, the COPYs, the two summary builds) and the
highest seen within it, sampled every half second. Peak figures from `store_scale.py` say how much;
this says where. Not a test: figures vary with the machine.
"""

from __future__ import annotations

import argparse
import resource
import threading
import time
from pathlib import Path

import councilgraph.graph.build as build_mod
import councilgraph.graph.store as store_mod
import councilgraph.graph.summaries as summaries_mod

from councilgraph import api


def rss_mb() -> int:
    with open("/proc/self/status") as fp:
        for line in fp:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path, help="a folder store_scale.py --keep left (minutes/, big.lbdb, its cache)")
    args = ap.parse_args()
    peak = [0]

    def sample() -> None:
        while True:
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.5)

    threading.Thread(target=sample, daemon=True).start()
    t0 = time.perf_counter()

    def traced(module, name: str) -> None:
        real = getattr(module, name)

        def wrapper(*a, **kw):
            peak[0] = rss_mb()
            print(f"{time.perf_counter() - t0:7.1f} s  enter {name:24} RSS {rss_mb():6d} MiB", flush=True)
            out = real(*a, **kw)
            print(f"{time.perf_counter() - t0:7.1f} s  leave {name:24} RSS {rss_mb():6d} MiB, "
                  f"highest within {peak[0]} MiB", flush=True)
            return out

        setattr(module, name, wrapper)

    for module, name in [(build_mod, "_resolve"), (build_mod, "_fill_store"), (store_mod, "copy_files"),
                         (summaries_mod, "build_summaries"), (summaries_mod, "build_person_summaries")]:
        traced(module, name)
    version = build_mod._code_version
    build_mod._code_version = lambda scheme: version(scheme) + f"-memory-{time.time_ns()}"
    report = api.build([args.dir / "minutes"], args.dir / "big.lbdb")
    print(f"{report.summary()}; {time.perf_counter() - t0:.0f} s; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
