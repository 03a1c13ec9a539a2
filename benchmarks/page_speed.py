"""How long a large interactive page takes to open and become interactive in headless Chromium.

    python benchmarks/page_speed.py [ITEMS]     # default 1100 generated items (about 5,200 nodes)

Builds a store from generated minutes, writes the whole-graph page without aggregation, then
opens it in Debian's Chromium (Playwright) and measures from navigation to (a) first drawing and
(b) physics settled and switched off, when the page responds to filters and hovering. Also times a
filter change. Results go in BENCHMARKS.md; this is a script, not a test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from councilgraph import api
from councilgraph.corpus.generate import generate

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 1100
    with tempfile.TemporaryDirectory() as tmp:
        src, store, page_path = Path(tmp) / "m", Path(tmp) / "s.lbdb", Path(tmp) / "graph.html"
        generate(src, items, seed=5)
        api.build([src], store)
        view = api.visualise(store, page_path, max_nodes=1_000_000)
        print(f"{items} items -> page with {len(view.nodes)} nodes, {len(view.edges)} links, "
              f"{page_path.stat().st_size / 1e6:.1f} MB")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            for run in range(3):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                t0 = time.perf_counter()
                page.goto(page_path.as_uri())
                page.wait_for_function("window.cg && window.cg.network", timeout=120_000)
                drawn = time.perf_counter() - t0
                page.wait_for_function("window.cg.ready", timeout=120_000)
                ready = time.perf_counter() - t0
                t1 = time.perf_counter()
                page.uncheck("input.type[value=question]")
                page.wait_for_function("window.cg.visible < window.cg.data.nodes.length")
                filt = time.perf_counter() - t1
                print(f"run {run + 1}: network created {drawn:.2f} s, drawn and interactive {ready:.2f} s, "
                      f"filter {filt * 1000:.0f} ms")
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
