"""The pages, tested in a real browser: Playwright driving Debian's Chromium, headless."""

import os
import shutil
from pathlib import Path

import pytest

from councilgraph import api

from .conftest import ROOT, SAMPLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
DOC_IMAGES = ROOT / "docs" / "images"

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None

pytestmark = pytest.mark.skipif(
    sync_playwright is None or not Path(CHROMIUM).exists(),
    reason="needs playwright (pip install -e '.[test]') and Chromium (apt-get install chromium); .ci/run installs both")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    store = out / "sample.lbdb"
    api.build([SAMPLE / "minutes"], store)
    views = {
        "graph": api.visualise(store, out / "graph.html"),
        "topic": api.visualise(store, out / "topic.html", topic="social-worker-caseloads"),
        "person": api.visualise(store, out / "person.html", person="Whitlock"),
        "committee": api.visualise(store, out / "committee.html", committee="Resources Scrutiny Committee",
                                   years=(2023, 2023)),
        "xss": api.visualise(store, out / "xss.html", council="Kestrel Vale"),
        "aggregated": api.visualise(store, out / "aggregated.html", max_nodes=100),
    }
    api.report(store, out / "report.html")
    return out, views


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _open(browser, path: Path, dialogs: list | None = None):
    page = browser.new_page(viewport={"width": 1300, "height": 850})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append("network request: " + r.url) if not r.url.startswith(
        ("file:", "data:", "about:")) else None)
    if dialogs is not None:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("window.cg && window.cg.ready", timeout=60_000)
    return page, errors


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    if os.environ.get("CG_UPDATE_DOC_IMAGES"):
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOC_IMAGES / f"{name}.png"))


@pytest.mark.parametrize("name", ["graph", "topic", "person", "committee", "aggregated"])
def test_page_loads_without_errors_and_draws_every_node(site, browser, name):
    out, views = site
    page, errors = _open(browser, out / f"{name}.html")
    drawn = page.evaluate("window.cg.network.body.nodeIndices.length")
    assert drawn == len(views[name].nodes) > 0
    assert page.evaluate("window.cg.edges.length") == len(views[name].edges)
    assert errors == []
    _shot(page, f"view-{name}")
    page.close()


def test_large_graph_is_aggregated_and_says_so(site, browser):
    out, views = site
    assert views["aggregated"].note and "folded into counts" in views["aggregated"].note
    page, _ = _open(browser, out / "aggregated.html")
    assert "folded into counts" in page.inner_text("#aggregate-note")
    assert page.evaluate("window.cg.data.nodes.filter(n => n.cg.type === 'question').length") == 0
    page.close()


def test_type_and_council_filters_hide_what_they_should(site, browser):
    out, views = site
    page, _ = _open(browser, out / "graph.html")
    total = len(views["graph"].nodes)
    questions = sum(1 for n in views["graph"].nodes.values() if n.vtype == "question")
    page.uncheck("input.type[value=question]")
    assert page.evaluate("window.cg.visible") == total - questions
    hidden = page.evaluate("window.cg.nodes.get({filter: n => n.hidden}).map(n => n.cg.type)")
    assert set(hidden) == {"question"}
    page.check("input.type[value=question]")
    page.select_option("#council", "Castlebridge City Council")
    shown = page.evaluate("window.cg.nodes.get({filter: n => !n.hidden}).map(n => n.cg.councils)")
    assert shown and all(c == [] or "Castlebridge City Council" in c for c in shown)
    assert page.evaluate("window.cg.visible") < total
    page.close()


def test_hovering_an_edge_shows_its_evidence(site, browser):
    out, _ = site
    page, _ = _open(browser, out / "person.html")
    # a point that vis-network itself hit-tests to an evidence edge and to no node: where nodes and
    # labels fall depends on the layout, which depends on the ids, so it is found, not assumed
    edge = page.evaluate("""(() => {
        const net = window.cg.network, pos = net.getPositions();
        const box = document.getElementById('graph').getBoundingClientRect();
        for (const e of window.cg.edges.get({filter: e => !!e.cg.evidence && e.cg.kind !== 'about'})) {
            for (let t = 0.5, k = 0; k < 9; k++, t = 0.5 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.08) {
                const at = {x: pos[e.from].x + t * (pos[e.to].x - pos[e.from].x),
                            y: pos[e.from].y + t * (pos[e.to].y - pos[e.from].y)};
                const dom = net.canvasToDOM(at);
                if (dom.x < 40 || dom.y < 40 || dom.x > box.width - 40 || dom.y > box.height - 40) continue;
                if (net.getNodeAt(dom) !== undefined || net.getEdgeAt(dom) !== e.id) continue;
                return {x: dom.x + box.left, y: dom.y + box.top, evidence: e.cg.evidence};
            }
        }
        return null;
    })()""")
    assert edge is not None, "no evidence edge has a point clear of every node"
    page.mouse.move(edge["x"] - 30, edge["y"] - 30)
    page.mouse.move(edge["x"], edge["y"], steps=5)
    tip = page.wait_for_selector(".vis-tooltip .cg-edge-tip", state="visible", timeout=5000)
    assert edge["evidence"][:60] in tip.inner_text()
    assert "Source:" in tip.inner_text()
    _shot(page, "edge-evidence")
    page.close()


def test_minutes_text_with_script_renders_as_text_and_runs_nothing(site, browser):
    out, _ = site
    dialogs: list[str] = []
    page, errors = _open(browser, out / "xss.html", dialogs)
    qid = page.evaluate("window.cg.data.nodes.find(n => (n.cg.text || '').includes('<script>')).id")
    page.evaluate(f"void window.cg.network.selectNodes([{qid!r}])")
    page.evaluate(f"void window.cg.network.body.emitter.emit('click', {{nodes: [{qid!r}], edges: []}})")
    text = page.inner_text("#detail")
    assert "<script>alert('cg')</script>" in text
    page.fill("#search", "onmouseover")
    assert page.evaluate("window.cg.searchHits") >= 1
    other = page.evaluate("window.cg.data.nodes.find(n => (n.cg.text || '').includes('onmouseover')).id")
    page.evaluate(f"void window.cg.network.body.emitter.emit('click', {{nodes: [{other!r}], edges: []}})")
    assert '"onmouseover=alert(1)' in page.inner_text("#detail")
    page.mouse.move(400, 400)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("document.scripts.length") == 3  # vis-network, the data block, the page script
    assert page.evaluate("document.querySelectorAll('[onmouseover]').length") == 0
    assert errors == []
    _shot(page, "xss-as-text")
    page.close()


def test_report_is_self_contained(site, browser):
    out, _ = site
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "about:"))
            else None)
    page.goto((out / "report.html").as_uri())
    assert page.locator("table tbody tr").count() >= 10
    assert page.locator("#heatmap svg").count() == 1
    frame = page.frame_locator("#graph")
    frame.locator("#graph").wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert requests == []
    _shot(page, "report")
    page.close()


def test_clicking_a_line_shows_the_minutes_words(site, browser):
    out, _ = site
    page, _ = _open(browser, out / "person.html")
    eid, evidence = page.evaluate("""(() => { const e = window.cg.edges.get({filter: e => e.cg.kind === 'answered'})[0];
                                             return [e.id, e.cg.evidence]; })()""")
    page.evaluate(f"void window.cg.network.body.emitter.emit('click', {{nodes: [], edges: [{eid!r}]}})")
    assert evidence[:50] in page.inner_text("#detail")
    assert page.locator("#detail a").count() == 1
    page.close()


def test_plots_write_png_and_svg_with_labels(site, tmp_path):
    out, _ = site
    store = out / "sample.lbdb"
    heat = api.plot(store, "heatmap", tmp_path / "heat", committee="Resources Scrutiny Committee")
    line = api.plot(store, "timeline", tmp_path / "line", topic="social-worker-caseloads")
    bars = api.plot(store, "askers", tmp_path / "bars", topic="potholes")
    for paths in (heat, line, bars):
        assert sorted(p.suffix for p in paths) == [".png", ".svg"]
        assert all(p.stat().st_size > 2000 for p in paths)
    assert "Resources Scrutiny Committee" in heat[1].read_text()
    assert "Delphine Ward" in bars[1].read_text()
