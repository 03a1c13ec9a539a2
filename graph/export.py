"""Exports of a built store: networkx, node-link JSON and RDF (Turtle via rdflib).

Everything is read back in a fixed order (nodes by id, edges by source, target, type, then
properties) so that exporting the same store twice, or a store rebuilt from the same input, gives
the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Any

import networkx as nx

from councilgraph.errors import UsageError

from .schema import NODES, RELS, STORED_RELS
from .store import LadybugStore


def read_graph(store: LadybugStore) -> nx.MultiDiGraph:
    """The whole store as a networkx MultiDiGraph: node attribute `type` is the node label (Person,
    Question, ...), edge attribute `type` the relationship type."""
    g = nx.MultiDiGraph()
    nodes: list[tuple[str, dict]] = []
    for label, props in NODES.items():
        cols = ", ".join(f"n.{k}" for k in props)
        _, rows = store.query(f"MATCH (n:{label}) RETURN n.id, {cols}")
        for row in rows:
            attrs = {"type": label, **{k: v for k, v in zip(props, row[1:], strict=True) if v is not None}}
            nodes.append((row[0], attrs))
    for nid, attrs in sorted(nodes, key=lambda t: t[0]):
        g.add_node(nid, **attrs)
    edges: list[tuple[str, str, str, dict]] = []
    texts = store.texts
    texts.preload()
    for rel, (pairs, _props) in RELS.items():
        props = STORED_RELS[rel][1]
        derived = "sentence" in _props
        for a, b in pairs:
            cols = "".join(f", r.{k}" for k in props)
            _, rows = store.query(f"MATCH (x:{a})-[r:{rel}]->(y:{b}) RETURN x.id, y.id{cols}")
            for row in rows:
                attrs = {k: v for k, v in zip(props, row[2:], strict=True) if v is not None}
                if derived:  # evidence by reference: the sentence is made from the document's text
                    said = texts.sentence(attrs.get("doc"), attrs.get("span_start"), attrs.get("span_end"))
                    if said is not None:
                        attrs["sentence"] = said
                edges.append((row[0], row[1], rel, attrs))
    edges.sort(key=lambda e: (e[0], e[1], e[2], json.dumps(e[3], sort_keys=True, default=str)))
    for src, dst, rel, attrs in edges:
        g.add_edge(src, dst, type=rel, **attrs)
    return g


def subgraph(g: nx.MultiDiGraph, *, council: str | None = None, committee: str | None = None,
             topic: str | None = None, person: str | None = None,
             years: tuple[int, int] | None = None) -> nx.MultiDiGraph:
    """The part of the graph about some questions, with everything that gives them context.

    Questions are chosen by topic, by a person who asked or answered them, by committee or council
    (matched on id or name, case-insensitively) and by municipal years (inclusive); every filter
    given must hold. Each chosen question comes with its agenda item, meeting, committee, council,
    askers, answers and responders, topics, indicators, reports and source document.
    """
    def out(n: str, rel: str) -> list[str]:
        return [d for _, d, a in g.out_edges(n, data=True) if a["type"] == rel]

    def inn(n: str, rel: str) -> list[str]:
        return [s_ for s_, _, a in g.in_edges(n, data=True) if a["type"] == rel]

    def hit(n: str, value: str) -> bool:
        v = value.lower()
        a = g.nodes[n]
        return v == n.lower() or n.lower().endswith("/" + v) or v in str(a.get("name") or "").lower()

    chosen = []
    for q, a in g.nodes(data=True):
        if a.get("type") != "Question":
            continue
        if years and (a.get("municipal_year") is None or not years[0] <= a["municipal_year"] <= years[1]):
            continue
        items = out(q, "RAISED_AT")
        meetings = [m for i in items for m in out(i, "AT_MEETING")]
        committees = [c for m in meetings for c in out(m, "OF_COMMITTEE")]
        councils = [co for c in committees for co in out(c, "OF_COUNCIL")]
        if topic and not any(hit(t, topic) for t in out(q, "ABOUT")):
            continue
        if committee and not any(hit(c, committee) for c in committees):
            continue
        if council and not any(hit(co, council) for co in councils):
            continue
        if person:
            people = inn(q, "ASKED") + [p for ans in inn(q, "RESPONDS_TO") for p in inn(ans, "ANSWERED")]
            if not any(hit(p, person) for p in people):
                continue
        chosen.append(q)
    keep: set[str] = set()
    for q in chosen:
        keep.add(q)
        keep.update(inn(q, "ASKED"), out(q, "ABOUT"), out(q, "CONCERNS"))
        for ans in inn(q, "RESPONDS_TO"):
            keep.add(ans)
            keep.update(inn(ans, "ANSWERED"))
        for i in out(q, "RAISED_AT"):
            keep.add(i)
            keep.update(out(i, "CONSIDERED"), out(i, "FROM_DOCUMENT"))
            # in a topic view, only the indicators on that topic
            keep.update(ind for ind in out(i, "REPORTED") if not topic or any(hit(t, topic) for t in out(ind, "ABOUT")))
            for m in out(i, "AT_MEETING"):
                keep.add(m)
                for c in out(m, "OF_COMMITTEE"):
                    keep.add(c)
                    keep.update(out(c, "OF_COUNCIL"))
    return g.subgraph(sorted(keep)).copy()


def node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    return nx.node_link_data(g, edges="edges")


def write_json(g: nx.MultiDiGraph, fp: IO[str]) -> None:
    json.dump(node_link(g), fp, ensure_ascii=False, sort_keys=True, indent=1, default=str)
    fp.write("\n")


CG = "https://w3id.org/councilgraph/"


# characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF): text from
# minutes can hold them, and RDF/XML with them does not parse back, so no serialisation writes them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def to_rdf(g: nx.MultiDiGraph):
    """Linked data: each node a resource typed cg:<Label>, properties as literals, edges as
    predicates; topics point at their SKOS concept URIs. Edge evidence is kept by reifying each
    evidenced edge as a cg:Statement with cg:doc, cg:span_start, cg:span_end, cg:sentence (and cg:page
    for PDFs)."""
    from rdflib import RDF, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import XSD

    cg = Namespace(CG)
    out = Graph()
    out.bind("cg", cg)

    def uri(nid: str) -> URIRef:
        return URIRef(CG + "id/" + xml_safe(nid).replace(" ", "_"))

    for nid, attrs in g.nodes(data=True):
        s = uri(nid)
        out.add((s, RDF.type, cg[attrs["type"]]))
        for k, v in attrs.items():
            if k == "type":
                continue
            if k == "uri":
                out.add((s, cg.concept, URIRef(v)))
                continue
            out.add((s, cg[k], Literal(v, datatype=XSD.integer) if isinstance(v, int) and not isinstance(v, bool)
                     else Literal(xml_safe(v))))
    for n, (src, dst, attrs) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))):
        pred = cg[attrs["type"].lower()]
        out.add((uri(src), pred, uri(dst)))
        if "sentence" in attrs:
            st = URIRef(f"{CG}statement/{n}")
            out.add((st, RDF.type, cg.Statement))
            out.add((st, RDF.subject, uri(src)))
            out.add((st, RDF.predicate, pred))
            out.add((st, RDF.object, uri(dst)))
            for k in ("doc", "span_start", "span_end", "sentence", "page"):
                if attrs.get(k) is not None:
                    out.add((st, cg[k], Literal(xml_safe(attrs[k]))))
    return out


FORMATS = ("json", "turtle", "ttl", "rdf", "nt", "xml", "json-ld")


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: json, turtle, nt, xml or json-ld")


def write_export(g: nx.MultiDiGraph, fmt: str, out: IO[str]) -> None:
    check_format(fmt)
    if fmt == "json":
        write_json(g, out)
    elif fmt in ("turtle", "ttl", "rdf", "nt", "xml", "json-ld"):
        rdf_fmt = {"rdf": "turtle", "ttl": "turtle"}.get(fmt, fmt)
        out.write(to_rdf(g).serialize(format=rdf_fmt))


def export_file(store: str | Path, fmt: str, out: IO[str]) -> None:
    check_format(fmt)
    with LadybugStore(store) as st:
        write_export(read_graph(st), fmt, out)


def load_graph(store: str | Path, **filters: Any) -> nx.MultiDiGraph:
    """The graph of a built store as networkx, whole or (with filters) the part around them.

    >>> g = load_graph("councils.lbdb", topic="social-worker-caseloads", years=(2022, 2024))  # doctest: +SKIP
    """
    with LadybugStore(store) as st:
        g = read_graph(st)
    return subgraph(g, **filters) if any(v for v in filters.values()) else g

