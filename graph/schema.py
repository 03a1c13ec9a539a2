"""The graph schema, declared once: the embedded store's DDL, Neo4j's constraints, docs/schema.md
and the RDF export all read it, so they cannot drift apart."""

from __future__ import annotations

EVIDENCE = {"doc": "STRING", "span_start": "INT64", "span_end": "INT64", "sentence": "STRING", "page": "INT64"}

NODES: dict[str, dict[str, str]] = {
    "Council": {"name": "STRING", "slug": "STRING"},
    "Committee": {"name": "STRING", "council": "STRING", "moderngov_id": "STRING"},
    "Meeting": {"date": "STRING", "municipal_year": "INT64", "committee": "STRING", "council": "STRING",
                "moderngov_id": "STRING"},
    "AgendaItem": {"number": "STRING", "title": "STRING", "doc": "STRING", "span_start": "INT64", "span_end": "INT64",
                   "moderngov_id": "STRING"},
    "Document": {"source": "STRING", "url": "STRING", "content_hash": "STRING", "format": "STRING"},
    "Report": {"title": "STRING", "author": "STRING", "fiscal_year": "STRING", "fiscal_year_start": "INT64",
               "quarter": "INT64", "period_start": "STRING", "period_end": "STRING", "moderngov_id": "STRING",
               "url": "STRING"},
    "Person": {"name": "STRING", "kind": "STRING", "council": "STRING", "moderngov_id": "STRING", "party": "STRING",
               "ward": "STRING"},
    "Post": {"title": "STRING", "council": "STRING", "kind": "STRING"},
    "Question": {"text": "STRING", "doc": "STRING", "span_start": "INT64", "span_end": "INT64", "date": "STRING",
                 "municipal_year": "INT64", "implicit": "BOOLEAN"},
    "Answer": {"text": "STRING", "doc": "STRING", "span_start": "INT64", "span_end": "INT64"},
    "Topic": {"name": "STRING", "uri": "STRING", "depth": "INT64"},
    "Indicator": {"name": "STRING"},
    "Resolution": {"text": "STRING", "doc": "STRING", "span_start": "INT64", "span_end": "INT64"},
    "Action": {"text": "STRING", "doc": "STRING", "span_start": "INT64", "span_end": "INT64", "status": "STRING",
               "date": "STRING"},
}

# type -> (allowed (from, to) label pairs, properties)
RELS: dict[str, tuple[list[tuple[str, str]], dict[str, str]]] = {
    "ASKED": ([("Person", "Question")], {"as_post": "STRING", **EVIDENCE}),
    "ANSWERED": ([("Person", "Answer")], {"as_post": "STRING", **EVIDENCE}),
    "RESPONDS_TO": ([("Answer", "Question")], {}),
    "ABOUT": ([("Question", "Topic"), ("Answer", "Topic"), ("Report", "Topic"), ("Indicator", "Topic")],
              {"rank": "INT64", "words": "STRING"}),
    "CONCERNS": ([("Question", "Indicator")], {}),
    "RAISED_AT": ([("Question", "AgendaItem")], {}),
    "AT_MEETING": ([("AgendaItem", "Meeting")], {}),
    "OF_COMMITTEE": ([("Meeting", "Committee")], {}),
    "OF_COUNCIL": ([("Committee", "Council"), ("Post", "Council"), ("Person", "Council")], {}),
    "CONSIDERED": ([("AgendaItem", "Report")], {}),
    "REPORTED": ([("AgendaItem", "Indicator")], {"item_values": "STRING", "direction": "STRING", **EVIDENCE}),
    "RESOLVED": ([("AgendaItem", "Resolution")], {}),
    "REQUESTED": ([("AgendaItem", "Action")], {}),
    "FROM_DOCUMENT": ([("AgendaItem", "Document")], {}),
    "HOLDS": ([("Person", "Post")], {"first_seen": "STRING", "last_seen": "STRING"}),
    "ATTENDED": ([("Person", "Meeting")], {"event": "STRING", **EVIDENCE}),
    "DECLARED": ([("Person", "Meeting")], {"interest": "STRING", **EVIDENCE}),  # a declaration of interest
}

# -- what the embedded store keeps on disk -------------------------------------------------------------
# Evidence by reference: an edge's sentence is the paragraph of its document around its span, so the
# store keeps each document's text once (zlib-compressed, a BLOB: `Document.text_z`) and no sentence on any edge;
# reading an edge makes its sentence from the text (`graph.evidence`), so exports, Neo4j pushes,
# pages and queries show the same words as when sentences were stored on every edge.
DERIVED = frozenset({"sentence"})
STORED_NODES: dict[str, dict[str, str]] = {**NODES, "Document": {**NODES["Document"], "text_z": "BLOB"}}
STORED_RELS: dict[str, tuple[list[tuple[str, str]], dict[str, str]]] = {
    rel: (pairs, {k: t for k, t in props.items() if k not in DERIVED}) for rel, (pairs, props) in RELS.items()}
# The store's own schema version (table `StoreInfo`): a store of another version is refused with a
# message, never misread. 2: sentences by reference, documents' texts in the store.
STORE_VERSION = 2
