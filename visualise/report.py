"""One self-contained HTML report: recurring concerns, the heatmap, topic timelines, and the graph.

Plots are embedded as SVG text, the interactive graph as an iframe's `srcdoc`; nothing is fetched,
so the file can be mailed or opened offline. All text from the minutes is HTML-escaped.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

from councilgraph.graph.export import load_graph
from councilgraph.queries.run import run_query

from . import plots
from .page import render
from .views import build_view


def _svg(paths: list[Path]) -> str:
    svg = next(p for p in paths if p.suffix == ".svg").read_text(encoding="utf-8")
    return svg[svg.find("<svg"):]


def write_report(store: str | Path, out: str | Path, *, title: str = "Recurring concerns", timelines: int = 3,
                 max_nodes: int = 3000) -> Path:
    out = Path(out)
    rows = run_query("recurring_concerns", store=store).records()
    esc = html.escape
    table = ["<table><thead><tr><th>Concern</th><th>Questions</th><th>Committees</th><th>Years</th>"
             "<th>Councils</th><th>First</th><th>Last</th><th>Asked by</th></tr></thead><tbody>"]
    for r in rows:
        table.append("<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in (
            r["label"], r["questions"], r["n_committees"], r["n_years"], "; ".join(r["councils"]),
            r["first_year"], r["last_year"], "; ".join(r["askers"]))) + "</tr>")
    table.append("</tbody></table>")
    with tempfile.TemporaryDirectory() as tmp:
        heat = _svg(plots.heatmap(store, Path(tmp) / "heatmap"))
        lines = [(r["label"], _svg(plots.timeline(store, r["topic"], Path(tmp) / f"t{i}")))
                 for i, r in enumerate(rows[:timelines])]
    graph_html = render(build_view(load_graph(store), max_nodes=max_nodes), title)
    sections = "".join(f"<h3>{esc(label)}</h3><div class='plot'>{svg}</div>" for label, svg in lines)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:24px;max-width:1200px}}table{{border-collapse:collapse;font-size:13px}}
td,th{{border:1px solid #ccc;padding:4px 6px;vertical-align:top}}th{{background:#f3f3f3}}
.plot svg{{max-width:100%;height:auto}}
iframe{{width:100%;height:800px;border:1px solid #ccc}}</style></head>
<body><h1>{esc(title)}</h1>
<p>Concerns are the most specific topic of each question; a concern recurs when it is raised in two or more
committees or two or more municipal years. Every count links back to the minutes through the graph below.</p>
<h2>Recurring concerns</h2>{''.join(table)}
<h2>Concerns by municipal year</h2><div class="plot" id="heatmap">{heat}</div>
<h2>Timelines</h2>{sections}
<h2>Explore the graph</h2>
<iframe id="graph" title="interactive graph" srcdoc="{html.escape(graph_html, quote=True)}"></iframe>
</body></html>
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_suffix(out.suffix + ".tmp")
    tmp_out.write_text(page, encoding="utf-8")
    tmp_out.replace(out)
    return out
