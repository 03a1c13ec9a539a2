"""Self-contained interactive graph pages (pyvis's network model and bundled vis-network).

pyvis assembles the network and its options; the page itself is our own template, because the
one pyvis ships fetches Bootstrap from a CDN (so it is not self-contained) and writes node data
into a script unescaped. Here all data travels as JSON inside `<script type="application/json">`
with every `<` escaped, and tooltips and panels are built with `textContent`, so text from the
minutes (even `<script>` or `"onmouseover=`) can only ever show as text.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from string import Template

import networkx as nx

from .views import STYLE, View, build_view, edge_payload, escape, node_payload

ASSETS = Path(__file__).resolve().parent / "assets"


def _vis_lib() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text("utf-8")


BIG = 1500  # above this many nodes: draw at once from a precomputed layout, let physics refine live
_RING = {"topic": 1.0, "question": 2.2, "indicator": 2.6, "councillor": 3.4, "officer": 3.4, "other": 3.4,
         "meeting": 4.2, "report": 4.6, "committee": 5.2, "council": 5.8}


def _angle(key: str) -> float:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF * 2 * math.pi


def initial_layout(view: View) -> dict[str, tuple[float, float]]:
    """Rings by type (topics inside, councils outside); a question sits at its topic's angle, so
    concerns start out as spokes. O(n) and deterministic, unlike force layouts at this size."""
    topic_of = {e.src: e.dst for e in view.edges if e.kind == "about"}
    scale = 60 * math.sqrt(len(view.nodes))
    pos = {}
    for n in view.nodes.values():
        key = topic_of.get(n.id, n.id)
        a = _angle(key) + (_angle(n.id) - math.pi) * (0.08 if n.id in topic_of else 1)
        r = _RING.get(n.vtype, 3.0) * scale / 6 * (0.9 + 0.2 * _angle(n.id + "r") / (2 * math.pi))
        pos[n.id] = (round(r * math.cos(a), 1), round(r * math.sin(a), 1))
    return pos


def _network(view: View):
    """The pyvis Network for a view: nodes, edges and physics that settles, then stops."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    big = len(view.nodes) > BIG
    pos = initial_layout(view) if big else {}
    for n in view.nodes.values():
        p = node_payload(n)
        extra = {"x": pos[n.id][0], "y": pos[n.id][1]} if big else {}
        net.add_node(p["id"], label=p["label"], color=p["color"], shape=p["shape"], value=p["value"], cg=p["cg"],
                     **extra)
    for i, e in enumerate(view.edges):
        p = edge_payload(e, i)
        net.add_edge(p["from"], p["to"], id=p["id"], value=p["value"], label=p["label"], cg=p["cg"])
    net.set_options(json.dumps({
        # small graphs settle before they are shown; big ones are drawn at once from the precomputed
        # layout with physics off (the page's "Relax layout" button runs it for a few seconds)
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": not big, "iterations": 300, "updateInterval": 50},
                    "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 90},
                    "maxVelocity": 30, "minVelocity": 1.5},
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
            "style": STYLE, "note": view.note, "big": len(view.nodes) > BIG}
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
