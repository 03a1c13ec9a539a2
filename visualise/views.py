"""What a page draws: the store's graph projected to the things people look for.

Councillors, officers, committees, meetings, questions, topics, indicators and reports, joined by
who asked, who answered, what it was about and where it was raised. Above `max_nodes` the
questions are folded into counts on person-topic edges, and the page says so.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

STYLE = {  # view type -> (colour, vis-network shape, legend label)
    "councillor": ("#1f77b4", "dot", "Councillor"),
    "officer": ("#2ca02c", "diamond", "Officer"),
    "other": ("#17becf", "triangle", "Partner / other"),
    "committee": ("#9467bd", "box", "Committee"),
    "council": ("#7f7f7f", "ellipse", "Council"),
    "meeting": ("#c7c7c7", "square", "Meeting"),
    "question": ("#ff7f0e", "dot", "Question"),
    "topic": ("#d62728", "star", "Topic"),
    "indicator": ("#8c564b", "hexagon", "Indicator"),
    "report": ("#e377c2", "box", "Report"),
}


@dataclass
class ViewNode:
    id: str
    vtype: str
    label: str
    details: list[tuple[str, str]] = field(default_factory=list)
    text: str | None = None
    source: str | None = None
    committees: set[str] = field(default_factory=set)
    councils: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    weight: int = 1


@dataclass
class ViewEdge:
    src: str
    dst: str
    kind: str
    evidence: str | None = None
    source: str | None = None
    count: int = 1


@dataclass
class View:
    nodes: dict[str, ViewNode]
    edges: list[ViewEdge]
    note: str | None = None


def _short(text: str | None, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def build_view(g: nx.MultiDiGraph, *, max_nodes: int = 3000, urls: dict[str, str] | None = None) -> View:
    urls = urls or {n_attrs.get("source"): n_attrs.get("url") for _, n_attrs in g.nodes(data=True)
                    if n_attrs.get("type") == "Document" and n_attrs.get("url")}
    nodes: dict[str, ViewNode] = {}
    edges: list[ViewEdge] = []
    t = {n: a.get("type") for n, a in g.nodes(data=True)}

    def out(n: str, rel: str) -> list[tuple[str, dict]]:
        return [(d, a) for _, d, a in g.out_edges(n, data=True) if a["type"] == rel]

    def inn(n: str, rel: str) -> list[tuple[str, dict]]:
        return [(s, a) for s, _, a in g.in_edges(n, data=True) if a["type"] == rel]

    # where each item/meeting sits
    meeting_of_item = {i: out(i, "AT_MEETING")[0][0] for i in g if t[i] == "AgendaItem" and out(i, "AT_MEETING")}
    committee_of_meeting = {m: out(m, "OF_COMMITTEE")[0][0] for m in g if t[m] == "Meeting" and out(m, "OF_COMMITTEE")}
    council_of_committee = {c: out(c, "OF_COUNCIL")[0][0] for c in g if t[c] == "Committee" and out(c, "OF_COUNCIL")}

    def name(n: str) -> str:
        a = g.nodes[n]
        return a.get("name") or a.get("title") or n.rsplit("/", 1)[-1]

    def ensure(n: str) -> ViewNode:
        if n in nodes:
            return nodes[n]
        a = g.nodes[n]
        typ = t[n]
        vtype = a.get("kind", "other") if typ == "Person" else typ.lower()
        if typ == "Question":
            label = _short(a.get("text"), 40)
        elif typ == "Meeting":
            label = a.get("date") or "undated meeting"
        else:
            label = _short(name(n), 50) or n
        details = [("Type", STYLE.get(vtype, ("", "", typ))[2])]
        for k in ("date", "municipal_year", "fiscal_year", "quarter", "author", "kind"):
            if a.get(k) not in (None, ""):
                details.append((k.replace("_", " "), str(a[k])))
        vn = ViewNode(n, vtype, label, details, text=a.get("text"), source=a.get("doc"))
        nodes[n] = vn
        return vn

    for q in [n for n in g if t[n] == "Question"]:
        qn = ensure(q)
        item = next((d for d, _ in out(q, "RAISED_AT")), None)
        meeting = meeting_of_item.get(item)
        committee = committee_of_meeting.get(meeting)
        council = council_of_committee.get(committee)
        year = g.nodes[q].get("municipal_year")
        for node in filter(None, (meeting, committee, council)):
            ensure(node)
        scope = [qn] + [nodes[x] for x in (meeting,) if x]
        for vn in scope:
            if committee:
                vn.committees.add(name(committee))
            if council:
                vn.councils.add(name(council))
            if year:
                vn.years.add(int(year))
        if meeting:
            edges.append(ViewEdge(q, meeting, "raised at"))
        speakers = [(p, a, "asked") for p, a in inn(q, "ASKED")] + [
            (p, a, "answered") for ans, _ in inn(q, "RESPONDS_TO") for p, a in inn(ans, "ANSWERED")]
        for p, a, kind in speakers:
            pn = ensure(p)
            pn.weight += 1
            _scope(pn, qn)
            edges.append(ViewEdge(p, q, kind, a.get("sentence"), a.get("doc")))
        for topic, a in out(q, "ABOUT"):
            if a.get("rank", 0) == 0:
                tn = ensure(topic)
                tn.weight += 1
                _scope(tn, qn)
                edges.append(ViewEdge(q, topic, "about", f"matched: {a.get('words') or ''}", None))
    for m, c in committee_of_meeting.items():
        if m in nodes:
            edges.append(ViewEdge(m, c, "meeting of"))
            nodes[c].weight += 1
    for c, co in council_of_committee.items():
        if c in nodes and co in nodes:
            edges.append(ViewEdge(c, co, "committee of"))
    for item, meeting in meeting_of_item.items():
        if meeting not in nodes:
            continue
        for rep, _ in out(item, "CONSIDERED"):
            rn = ensure(rep)
            _scope(rn, nodes[meeting])
            edges.append(ViewEdge(meeting, rep, "considered"))
        for ind, a in out(item, "REPORTED"):
            iname = ensure(ind)
            iname.weight += 1
            _scope(iname, nodes[meeting])
            edges.append(ViewEdge(meeting, ind, "reported", a.get("sentence"), a.get("doc")))
    for n in nodes.values():
        if n.source and urls.get(n.source):
            n.source = urls[n.source]
    view = View(nodes, _dedupe(edges))
    if len(nodes) > max_nodes:
        view = _aggregate(view)
    return view


def _scope(target: ViewNode, src: ViewNode) -> None:
    target.committees |= src.committees
    target.councils |= src.councils
    target.years |= src.years


def _dedupe(edges: list[ViewEdge]) -> list[ViewEdge]:
    seen: dict[tuple[str, str, str], ViewEdge] = {}
    for e in edges:
        key = (e.src, e.dst, e.kind)
        if key in seen:
            seen[key].count += 1
        else:
            seen[key] = e
    return sorted(seen.values(), key=lambda e: (e.src, e.dst, e.kind))


def _aggregate(view: View) -> View:
    """Fold questions into person-topic edges carrying counts (and drop meetings)."""
    qtopic: dict[str, list[str]] = defaultdict(list)
    for e in view.edges:
        if e.kind == "about":
            qtopic[e.src].append(e.dst)
    counts: Counter[tuple[str, str, str]] = Counter()
    for e in view.edges:
        if e.kind in ("asked", "answered"):
            for topic in qtopic.get(e.dst, []):
                counts[(e.src, topic, e.kind)] += 1
    n_questions = sum(1 for n in view.nodes.values() if n.vtype == "question")
    keep = {k: v for k, v in view.nodes.items() if v.vtype not in ("question", "meeting")}
    edges = [ViewEdge(p, t, kind, f"{n} question(s) on this topic", None, n) for (p, t, kind), n in
             sorted(counts.items())]
    edges += [e for e in view.edges if e.src in keep and e.dst in keep]
    note = (f"Large graph: {n_questions} questions and their meetings are folded into counts on "
            f"person–topic edges ({len(keep)} nodes shown).")
    return View(keep, _dedupe(edges), note)


def node_payload(n: ViewNode) -> dict[str, Any]:
    colour, shape, _ = STYLE.get(n.vtype, ("#999999", "dot", n.vtype))
    return {"id": n.id, "label": n.label, "color": colour, "shape": shape, "value": n.weight,
            "cg": {"type": n.vtype, "details": n.details, "text": n.text, "source": n.source,
                   "committees": sorted(n.committees), "councils": sorted(n.councils), "years": sorted(n.years)}}


def _around(text: str | None, limit: int = 320) -> str | None:
    """Evidence paragraphs can be long: keep the start (where the speaker is named) within a limit."""
    if not text or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + " …"


def edge_payload(e: ViewEdge, i: int) -> dict[str, Any]:
    return {"id": f"e{i}", "from": e.src, "to": e.dst, "value": e.count,
            "label": str(e.count) if e.count > 1 else "",
            "cg": {"kind": e.kind, "evidence": _around(e.evidence), "source": e.source}}


def escape(text: str) -> str:
    return html.escape(text, quote=True)
