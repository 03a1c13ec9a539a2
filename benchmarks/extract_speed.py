"""Extraction throughput on one core (results go in BENCHMARKS.md).

    python benchmarks/extract_speed.py [N] [--repeats R]
    python benchmarks/extract_speed.py --pages DIR [--copies K] [--repeats R]
    python benchmarks/extract_speed.py 1000 --profile

By default generates N agenda items (default 2000) into a temporary folder; with --pages, times a
folder of your own minutes instead (each file copied K times, so that small folders give stable
timings; copies are identical pages, which identity resolution merges). Times loading +
extraction + identity + topics (`api.extract`, single-threaded) REPEATS times (default 7) and
reports the best and the median run in items/s and MB/s. The best run is the code's speed; the
spread is the machine's (the shared VM here varies by 15-20% between runs of the same code).
`--profile` then prints where one run spends its time. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from councilgraph.api import extract
from councilgraph.corpus.generate import generate


def _fill(folder: Path, args: argparse.Namespace) -> None:
    if args.pages is None:
        generate(folder, args.n, seed=1)
        return
    files = sorted(p for p in Path(args.pages).iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    for k in range(args.copies):
        for f in files:
            shutil.copy(f, folder / f"{f.stem}_{k:04d}{f.suffix}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=2000, help="generated items (ignored with --pages)")
    ap.add_argument("--repeats", type=int, default=7, help="timed runs (best and median are reported)")
    ap.add_argument("--pages", type=Path, help="a folder of minutes to time instead of a generated corpus")
    ap.add_argument("--copies", type=int, default=1, help="copies of each --pages file")
    ap.add_argument("--profile", action="store_true", help="print the functions one run spends its time in")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _fill(folder, args)
        size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and p.suffix != ".csv")
        result = extract([folder])  # warm caches (regexes, topic scheme, stems)
        n = len(result)
        times = []
        for _ in range(args.repeats):
            c0 = time.process_time()
            result = extract([folder])
            times.append(time.process_time() - c0)
        if args.profile:
            prof = cProfile.Profile()
            prof.runcall(extract, [folder])
            pstats.Stats(prof).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(
                os.environ.get("PROFILE_FILTER", r"loaders|graph|councilgraph"), 30)
    questions = sum(len(x.questions) for x in result)
    best, median = min(times), statistics.median(times)
    what = f"{args.pages} x{args.copies}" if args.pages else "generated"
    print(f"{what}: {n} items ({size / 1e6:.2f} MB, {size / n / 1e3:.1f} KB an item, {questions} questions), "
          f"CPU time over {args.repeats} runs: best {best:.2f} s = {n / best:.0f} items/s "
          f"({size / 1e6 / best:.2f} MB/s); median {median:.2f} s = {n / median:.0f} items/s "
          f"({size / 1e6 / median:.2f} MB/s)")


if __name__ == "__main__":
    main()
