"""Generate graph/data/concerns.ttl (SKOS) from scripts/concepts_outline.txt.

The outline is the source people edit: one concept a line, indentation for broader ("+id" names
broader concepts explicitly, "~id" a skos:related one: the service a staff group works in). A line
`collection <id> | <label> | <member ids, space-separated> | <definition>` makes a skos:Collection
(the `generic` collection names the cross-cutting concepts that never lead a question's topics; see
graph/topics.py). The Turtle file is what ships and what councilgraph loads with rdflib. Run after
editing the outline:

    python scripts/build_concepts.py
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
CG = Namespace("https://w3id.org/councilgraph/concern/")
SCHEME = URIRef("https://w3id.org/councilgraph/concern")


def build(outline: str) -> Graph:
    g = Graph()
    g.bind("skos", SKOS)
    g.bind("concern", CG)
    g.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SCHEME, SKOS.prefLabel, Literal("Local government concerns", lang="en")))
    stack: list[tuple[int, str]] = []
    collections: list[list[str]] = []
    related: list[tuple[str, str]] = []  # "~id": skos:related, checked once every concept is known
    for raw in outline.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith("collection "):  # members are checked once every concept is known
            collections.append([f.strip() for f in raw[len("collection "):].split("|")])
            continue
        depth = (len(raw) - len(raw.lstrip(" "))) // 2
        fields = [f.strip() for f in raw.strip().split("|")]
        cid, pref = fields[0], fields[1]
        alts = [a.strip() for a in fields[2].split(";")] if len(fields) > 2 and fields[2] else []
        marks = fields[3].split() if len(fields) > 3 else []
        extra = [m[1:] for m in marks if m.startswith("+")]
        related.extend((cid, m[1:]) for m in marks if m.startswith("~"))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        c = CG[cid]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, SCHEME))
        g.add((c, SKOS.prefLabel, Literal(pref, lang="en")))
        for a in alts:
            if a and a.lower() != pref.lower():
                g.add((c, SKOS.altLabel, Literal(a, lang="en")))
        # a composite names its broader concepts itself; the outline position is only for reading
        broader = extra or ([stack[-1][1]] if stack else [])
        if not broader:
            g.add((c, SKOS.topConceptOf, SCHEME))
            g.add((SCHEME, SKOS.hasTopConcept, c))
        for b in broader:
            g.add((c, SKOS.broader, CG[b]))
            g.add((CG[b], SKOS.narrower, c))
        stack.append((depth, cid))
    for a, b in related:  # skos:related is symmetric
        if (CG[b], RDF.type, SKOS.Concept) not in g:
            raise ValueError(f"{a}: related {b} is not a concept of the outline")
        g.add((CG[a], SKOS.related, CG[b]))
        g.add((CG[b], SKOS.related, CG[a]))
    for fields in collections:
        col = CG[fields[0]]
        g.add((col, RDF.type, SKOS.Collection))
        g.add((col, SKOS.prefLabel, Literal(fields[1], lang="en")))
        if len(fields) > 3 and fields[3]:
            g.add((col, SKOS.definition, Literal(fields[3], lang="en")))
        for m in fields[2].split():
            if (CG[m], RDF.type, SKOS.Concept) not in g:
                raise ValueError(f"collection {fields[0]}: {m} is not a concept of the outline")
            g.add((col, SKOS.member, CG[m]))
    return g


if __name__ == "__main__":
    graph = build((ROOT / "scripts" / "concepts_outline.txt").read_text(encoding="utf-8"))
    out = ROOT / "graph" / "data" / "concerns.ttl"
    out.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    n = len(set(graph.subjects(RDF.type, SKOS.Concept)))
    print(f"wrote {out.relative_to(ROOT)}: {n} concepts")
