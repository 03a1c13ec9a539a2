"""Build throughput, query times, disk and peak memory on a large generated corpus.

    python benchmarks/store_scale.py [N] [--workers W] [--keep DIR [--reuse]]  # default 100000 items, all cores

Writes N items with the generator, builds the embedded store from scratch (extraction on a process
pool + identity + topics + bulk load + summary tables), rebuilds it with nothing changed (cache
hits), adds 10 files and rebuilds, changes 10 stored files and rebuilds (and back), then times the
named queries on an open store (`api.open_store`): recurring_concerns from the summary table and, for comparison, by the
traversal it replaces (person_profile for the person who asked most, from the person summary), and
every other named query (rows and time). Peak memory is the maximum
resident set size of this process and of its worker processes (reported separately). The load
average is printed at the start and end: the machine may be shared. Results go in BENCHMARKS.md;
this is a script, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from councilgraph.queries.run import run_traversal

from councilgraph import api
from councilgraph.corpus.generate import generate


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> tuple[float, float]:
    """CPU seconds used so far by this process and by its finished workers (load-independent)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def disk_mb(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
    return path.stat().st_size / 1e6 if path.exists() else 0.0


def timed(fn, runs: int = 7) -> tuple[float, float, object]:
    fn()  # warm
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, min(times) * 1000, out


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def change_ten(src: Path, store: Path, workers: int | None) -> None:
    """Change 10 stored documents (a line appended to each, spread over the corpus) and build, then
    put them back and build: a change is a document leaving and another entering, so the people
    it named lose mentions and are made again, which adding alone never does."""
    files = sorted(src.glob("*.txt"))
    picked = files[:: max(1, len(files) // 10)][:10]
    before = {f: f.read_bytes() for f in picked}
    for label, text in (("change 10 files", lambda f: before[f] + b"\nThe meeting closed at 8.15 pm.\n"),
                        ("change them back", lambda f: before[f])):
        for f in picked:
            f.write_bytes(text(f))
        t0 = time.perf_counter()
        c0 = cpu_s()
        done = api.build([src], store, workers=workers)
        print(f"{label}: {time.perf_counter() - t0:.1f} s, CPU {cpu_s()[0] - c0[0]:.1f} s ({done.extracted} extracted, "
              f"{'incremental' if done.incremental else 'written anew'})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder, kept")
    ap.add_argument("--reuse", action="store_true",
                    help="with --keep: use the minutes already generated there (same N) and build afresh")
    args = ap.parse_args()
    n = args.n
    print(f"load average {load()} ({os.cpu_count()} cores)", flush=True)
    with (contextlib.nullcontext(str(args.keep)) if args.keep else tempfile.TemporaryDirectory()) as tmp:
        src = Path(tmp) / "minutes"
        store = Path(tmp) / "big.lbdb"
        t0 = time.perf_counter()
        if args.reuse and args.keep and (src / "manifest.csv").exists():
            shutil.rmtree(src / "added", ignore_errors=True)  # the last run's 10 added files
            for old in Path(tmp).glob("big.lbdb*"):  # build from scratch, as the first run did
                shutil.rmtree(old) if old.is_dir() else old.unlink()
            size = sum(p.stat().st_size for p in src.glob("*.txt")) / 1e6
            print(f"reused {len(list(src.glob('*.txt')))} generated files ({size:.1f} MB)", flush=True)
        else:
            generate(src, n, seed=11)
            size = sum(p.stat().st_size for p in src.glob("*.txt")) / 1e6
            print(f"generated {n} items ({size:.1f} MB) in {time.perf_counter() - t0:.0f} s", flush=True)
        t0 = time.perf_counter()
        c0 = cpu_s()
        report = api.build([src], store, workers=args.workers)
        build_s = time.perf_counter() - t0
        c1 = cpu_s()
        print(f"first build CPU: parent {c1[0] - c0[0]:.0f} s, workers {c1[1] - c0[1]:.0f} s "
              f"({(c1[0] - c0[0] + c1[1] - c0[1]) / n * 1000:.2f} ms an item)", flush=True)
        cache = Path(str(store) + ".cache")
        print(f"first build: {build_s:.0f} s ({n / build_s:.0f} items/s); {report.summary()}; "
              f"peak RSS {peak_mb():.0f} MiB (workers {child_peak_mb():.0f} MiB)", flush=True)
        print(f"disk: store {disk_mb(store):.1f} MB + cache {disk_mb(cache):.1f} MB = "
              f"{(disk_mb(store) + disk_mb(cache)) / size:.2f}x the minutes ({size:.1f} MB)", flush=True)
        t0 = time.perf_counter()
        api.build([src], store, workers=args.workers)
        print(f"rebuild, nothing changed: {time.perf_counter() - t0:.1f} s", flush=True)
        generate(src / "added", 10, seed=12, start=n)
        t0 = time.perf_counter()
        c0 = cpu_s()
        added = api.build([src], store, workers=args.workers)
        print(f"add 10 files CPU: {cpu_s()[0] - c0[0]:.1f} s", flush=True)
        print(f"add 10 files: {time.perf_counter() - t0:.1f} s ({added.extracted} extracted, "
              f"{'incremental' if added.incremental else 'written anew'}); {added.summary()}", flush=True)
        change_ten(src, store, args.workers)
        t0 = time.perf_counter()
        with api.open_store(store) as s:
            print(f"open store: {(time.perf_counter() - t0) * 1000:.0f} ms", flush=True)
            a, b = [r[0] for r in s.cypher("MATCH (c:Council) RETURN c.id ORDER BY c.id LIMIT 2").rows]
            person = s.cypher("MATCH (p:Person)-[:ASKED]->(:Question) RETURN p.id, count(*) AS n "
                              "ORDER BY n, p.id LIMIT 1").rows[0][0]
            busiest = s.cypher("MATCH (p:Person)-[:ASKED]->(:Question) RETURN p.id, count(*) AS n "
                               "ORDER BY n DESC, p.id LIMIT 1").rows[0][0]
            for name, params in [("recurring_concerns", {}), ("compare_councils", {"a": a, "b": b}),
                                 ("person_profile", {"person": busiest})]:
                med, best, res = timed(lambda name=name, params=params: s.query(name, params))
                print(f"{name} (summary, open store): {len(res.rows)} rows, median {med:.1f} ms (min {best:.1f})",
                      flush=True)
                med, best, trav = timed(lambda name=name, params=params: run_traversal(name, params, store=s._store),
                                        runs=3)
                print(f"{name} (traversal, open store): median {med:.0f} ms (min {best:.0f}); "
                      f"same rows: {trav.rows == res.rows}", flush=True)
            officer = s.cypher("MATCH (p:Person)-[:ANSWERED]->(:Answer) RETURN p.id, count(*) AS n "
                               "ORDER BY n, p.id LIMIT 1").rows[0][0]
            topic = s.cypher("MATCH (t:Topic)<-[:ABOUT]-(:Indicator) RETURN t.id, count(*) AS n "
                             "ORDER BY n, t.id LIMIT 1").rows[0][0]
            for name, params in [("person_profile", {"person": person}), ("topic_askers", {"topic": topic}),
                                 ("person_questions", {"person": person}), ("officer_answers", {"person": officer}),
                                 ("topic_indicators", {"topic": topic}), ("topic_timeline", {"topic": topic}),
                                 ("open_actions", {"council": a})]:
                med, best, res = timed(lambda name=name, params=params: s.query(name, params), runs=3)
                print(f"{name} {params}: {len(res.rows)} rows, median {med:.0f} ms (min {best:.0f})", flush=True)
        print(f"peak RSS {peak_mb():.0f} MiB; load average {load()}", flush=True)


if __name__ == "__main__":
    main()
