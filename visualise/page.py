"""Self-contained interactive graph pages (pyvis's network model and bundled vis-network).

pyvis assembles the network and its options; the page itself is our own template, because the
one pyvis ships fetches Bootstrap from a CDN (so it is not self-contained) and writes node data
into a script unescaped. Here all data travels as JSON inside `<script type="application/json">`
with every `<` escaped, and tooltips and panels are built with `textContent`, so text from the
minutes (even `<script>` or `"onmouseover=`) can only ever show as text.
"""

from __future__ import annotations

import json
from pathlib import Path
from string import Template

import networkx as nx

from .views import STYLE, View, build_view, edge_payload, escape, node_payload

ASSETS = Path(__file__).resolve().parent / "assets"


def _vis_lib() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text("utf-8")


def _network(view: View):
    """The pyvis Network for a view: nodes, edges and physics that settles, then stops."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for n in view.nodes.values():
        p = node_payload(n)
        net.add_node(p["id"], label=p["label"], color=p["color"], shape=p["shape"], value=p["value"], cg=p["cg"])
    for i, e in enumerate(view.edges):
        p = edge_payload(e, i)
        net.add_edge(p["from"], p["to"], id=p["id"], value=p["value"], label=p["label"], cg=p["cg"])
    big = len(view.nodes) > 1500
    net.set_options(json.dumps({
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"enabled": True, "iterations": 120 if big else 300,
                                                                     "updateInterval": 50},
                    "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 90}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "navigationButtons": False},
        "nodes": {"scaling": {"min": 6, "max": 40}, "font": {"size": 12}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "smooth": False,
                  "scaling": {"min": 1, "max": 6}, "color": {"inherit": "from", "opacity": 0.5}, "font": {"size": 9}},
        "layout": {"randomSeed": 7, "improvedLayout": not big},
    }))
    return net


def render(view: View, title: str) -> str:
    net = _network(view)
    nodes, edges, _, _, _, options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options) if isinstance(options, str) else options,
            "style": STYLE, "note": view.note}
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
    payload = payload.replace("&", "\\u0026")
    js, css = _vis_lib()
    note = f'<div class="note" id="aggregate-note">{escape(view.note)}</div>' if view.note else ""
    return Template((ASSETS / "page.html").read_text(encoding="utf-8")).substitute(
        title=escape(title), viscss=css, visjs=js.replace("</script", "<\\/script"), data=payload, note=note)


def write_page(g: nx.MultiDiGraph, out: str | Path, *, title: str = "councilgraph", max_nodes: int = 3000) -> View:
    view = build_view(g, max_nodes=max_nodes)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(render(view, title), encoding="utf-8")
    tmp.replace(out)
    return view
