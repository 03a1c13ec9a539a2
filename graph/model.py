"""Extractions -> graph rows (nodes and edges) with deterministic ids and evidence on every fact.

Rows are produced one document at a time (`document_rows`) so that a store can be bulk-loaded in
batches whatever the corpus size; people, posts, topics and councils are shared between documents
and deduplicated by id by whoever consumes the rows. Ids depend only on the input: the same
documents give the same ids, so a rebuild gives a byte-identical export.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from councilgraph.graph.evidence import blob_cell, pack_text, sentence
from councilgraph.graph.topics import TopicScheme
from councilgraph.loaders.document import page_at
from councilgraph.loaders.extract.identity import council_slug, slugify
from councilgraph.loaders.extract.records import Extraction, Span


@dataclass(frozen=True)
class Node:
    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Edge:
    type: str
    src_label: str
    src: str
    dst_label: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


Row = Node | Edge


def municipal_year(d: date | None) -> int | None:
    """Council years run April-March: a meeting on 2024-02-10 is in 2023 (2023/24)."""
    if d is None:
        return None
    return d.year if d.month >= 4 else d.year - 1


def _ev(x: Extraction, span: Span) -> dict[str, Any]:
    """Evidence: the document, the span, and the whole sentence(s) around it."""
    return {"doc": x.source, "span_start": span.start, "span_end": span.end,
            "sentence": sentence(x.text, span.start, span.end), "page": page_at(x.page_starts, span.start)}


def doc_key(x: Extraction) -> str:
    return x.content_hash[:16]


def council_id(x: Extraction) -> str:
    return "council/" + council_slug(x.council, x.source)


def committee_id(x: Extraction) -> str:
    return f"committee/{council_slug(x.council, x.source)}/{slugify(x.committee) if x.committee else 'unknown'}"


def meeting_id(x: Extraction) -> str:
    when = x.meeting_date.isoformat() if x.meeting_date else f"undated-{doc_key(x)[:8]}"
    return f"meeting/{committee_id(x).split('/', 1)[1]}/{when}"


def post_id(x: Extraction, title: str) -> str:
    return f"{council_slug(x.council, x.source)}/post/{slugify(title)}"


def post_title(role: str | None, kind: str | None) -> str:
    """The post a mention holds: its role, or one named by its kind when none is given."""
    return role or ("Councillor" if kind == "councillor" else "Officer" if kind == "officer" else "Witness")


def _post_of(x: Extraction, person) -> tuple[str, str]:
    title = post_title(person.role, person.kind)
    return post_id(x, title), title


def document_rows(x: Extraction, scheme: TopicScheme) -> Iterator[Row]:
    """Every node and edge one document contributes (shared nodes repeat; consumers dedupe)."""
    dk = doc_key(x)
    cslug = council_slug(x.council, x.source)
    cid, comid, mid = council_id(x), committee_id(x), meeting_id(x)
    my = municipal_year(x.meeting_date)
    report = x.items[0].report if x.items else None
    if my is None and report and report.period and report.period.start:
        my = municipal_year(report.period.end)
    when = x.meeting_date.isoformat() if x.meeting_date else None

    yield Node("Council", cid, {"name": x.council or "Unknown council", "slug": cslug})
    yield Node("Committee", comid, {"name": x.committee, "council": cid,
                                    "moderngov_id": x.source_ids.get("committeeid")})
    yield Edge("OF_COUNCIL", "Committee", comid, "Council", cid)
    yield Node("Meeting", mid, {"date": when, "municipal_year": my, "committee": comid, "council": cid,
                                "moderngov_id": x.source_ids.get("meetingid")})
    yield Edge("OF_COMMITTEE", "Meeting", mid, "Committee", comid)
    did = f"document/{dk}"
    yield Node("Document", did, {"source": x.source, "url": x.url, "content_hash": x.content_hash,
                                 "format": x.source.rsplit(".", 1)[-1].lower() if "." in x.source else "text",
                                 "text": x.text})
    item_ids = []
    linked: set[str] = set()
    for n, it in enumerate(x.items):
        iid = f"item/{dk}/{n}"
        item_ids.append(iid)
        yield Node("AgendaItem", iid, {"number": it.number, "title": it.title, "doc": x.source,
                                       "span_start": it.span.start, "span_end": it.span.end,
                                       "moderngov_id": it.source_id})
        yield Edge("AT_MEETING", "AgendaItem", iid, "Meeting", mid)
        yield Edge("FROM_DOCUMENT", "AgendaItem", iid, "Document", did)
        if it.report:
            rid = f"report/{dk}/{n}"
            per = it.report.period
            yield Node("Report", rid, {
                "title": it.report.title, "author": it.report.author,
                "fiscal_year": per.fiscal_year if per else None,
                "fiscal_year_start": int(per.fiscal_year[:4]) if per and per.fiscal_year else None,
                "quarter": per.quarter if per else None,
                "period_start": per.start.isoformat() if per and per.start else None,
                "period_end": per.end.isoformat() if per and per.end else None})
            yield Edge("CONSIDERED", "AgendaItem", iid, "Report", rid)
            for rank, t in enumerate(it.report.topics):
                yield from _topic(scheme, "Report", rid, t, rank, it.report.title)
        for d in it.documents:  # linked documents (ModernGov attachments), keyed on their attachment id
            rid = f"report/{dk}/attachment/{d.source_id}"
            if rid not in linked:  # one document can be linked from several items
                linked.add(rid)
                yield Node("Report", rid, {"title": d.title, "author": d.author, "moderngov_id": d.source_id,
                                           "url": d.url})
            yield Edge("CONSIDERED", "AgendaItem", iid, "Report", rid)
    item = item_ids[0] if item_ids else None
    item_starts = [it.span.start for it in x.items]

    def item_at(span: Span) -> str | None:
        """The agenda item a fact lies in (a one-item page: that item)."""
        if len(item_ids) < 2:
            return item
        return item_ids[max(bisect.bisect_right(item_starts, span.start) - 1, 0)]

    # people and the posts they hold (first/last seen are merged across documents by consumers)
    for p in x.people:
        pid = p.id or f"{cslug}/person/{dk}-{p.key}"
        # a role-only mention names the person by post only if no document gives a name
        yield Node("Person", pid, {"name": p.name, "fallback_name": p.role, "kind": p.kind, "council": cid,
                                   "moderngov_id": p.member_id, "party": p.party, "ward": p.ward})
        yield Edge("OF_COUNCIL", "Person", pid, "Council", cid)
        post, title = _post_of(x, p)
        yield Node("Post", post, {"title": title, "council": cid, "kind": p.kind})
        yield Edge("OF_COUNCIL", "Post", post, "Council", cid)
        yield Edge("HOLDS", "Person", pid, "Post", post, {"first_seen": when, "last_seen": when})

    def pid_of(key: str | None) -> str | None:
        p = x.person(key)
        return (p.id or f"{cslug}/person/{dk}-{p.key}") if p else None

    indicator_ids = []
    for ind in x.indicators:
        nid = "indicator/" + slugify(ind.name)[:80]
        indicator_ids.append((nid, ind))
        yield Node("Indicator", nid, {"name": ind.name})
        if item:
            yield Edge("REPORTED", "AgendaItem", item_at(ind.span), "Indicator", nid,
                       {"item_values": json.dumps(ind.values), "direction": ind.direction, **_ev(x, ind.span)})
        for rank, t in enumerate(ind.topics):
            yield from _topic(scheme, "Indicator", nid, t, rank, ind.name)

    for qn, q in enumerate(x.questions):
        qid = f"question/{dk}/{qn}"
        yield Node("Question", qid, {"text": q.text, "doc": x.source, "span_start": q.span.start,
                                     "span_end": q.span.end,
                                     "date": when, "municipal_year": my, "implicit": q.implicit})
        if item:
            yield Edge("RAISED_AT", "Question", qid, "AgendaItem", item_at(q.span))
        asker = pid_of(q.asker)
        if asker:
            post, _ = _post_of(x, x.person(q.asker))
            yield Edge("ASKED", "Person", asker, "Question", qid, {"as_post": post, **_ev(x, q.span)})
        for rank, t in enumerate(q.topics):
            words = q.topic_evidence[rank] if rank < len(q.topic_evidence) else ""
            yield from _topic(scheme, "Question", qid, t, rank, words)
        for nid, ind in indicator_ids:
            if q.span.start <= ind.span.start < q.span.end:
                yield Edge("CONCERNS", "Question", qid, "Indicator", nid)

    for an, a in enumerate(x.answers):
        aid = f"answer/{dk}/{an}"
        yield Node("Answer", aid, {"text": a.text, "doc": x.source, "span_start": a.span.start, "span_end": a.span.end})
        responder = pid_of(a.responder)
        if responder:
            post, _ = _post_of(x, x.person(a.responder))
            yield Edge("ANSWERED", "Person", responder, "Answer", aid, {"as_post": post, **_ev(x, a.span)})
        for rank, t in enumerate(a.topics[:3]):
            yield from _topic(scheme, "Answer", aid, t, rank, "")
    for qn, q in enumerate(x.questions):
        for an in q.answers:
            yield Edge("RESPONDS_TO", "Answer", f"answer/{dk}/{an}", "Question", f"question/{dk}/{qn}")

    for rn, r in enumerate(x.resolutions):
        rid = f"resolution/{dk}/{rn}"
        yield Node("Resolution", rid, {"text": r.text, "doc": x.source, "span_start": r.span.start,
                                       "span_end": r.span.end})
        if item:
            yield Edge("RESOLVED", "AgendaItem", item_at(r.span), "Resolution", rid)
    for an, a in enumerate(x.actions):
        aid = f"action/{dk}/{an}"
        yield Node("Action", aid, {"text": a.text, "doc": x.source, "span_start": a.span.start, "span_end": a.span.end,
                                   "status": "open", "date": when})
        if item:
            yield Edge("REQUESTED", "AgendaItem", item_at(a.span), "Action", aid)
    for a in x.attendance:
        who = pid_of(a.person)
        if who:
            yield Edge("ATTENDED", "Person", who, "Meeting", mid, {"event": a.event, **_ev(x, a.span)})
    for d in x.declarations:
        who = pid_of(d.person)
        if who:
            yield Edge("DECLARED", "Person", who, "Meeting", mid, {"interest": d.event, **_ev(x, d.span)})


def _topic(scheme: TopicScheme, label: str, nid: str, concept: str, rank: int, words: str) -> Iterator[Row]:
    c = scheme.concepts.get(concept)
    if c is None:
        return
    yield Node("Topic", f"topic/{concept}", {"name": c.label, "uri": c.uri, "depth": c.depth})
    yield Edge("ABOUT", label, nid, "Topic", f"topic/{concept}", {"rank": rank, "words": words})


def merge_node(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Shared nodes seen in several documents: keep the first non-empty value of each property,
    except names, where the fullest wins ("Agnes Thornycroft" over "A Thornycroft", "Royal Borough
    of Kestrel Vale" over the "Kestrelvale Council" read from a web address)."""
    for k, v in new.items():
        if v in (None, ""):
            continue
        old = existing.get(k)
        if old in (None, "") or (k == "name" and isinstance(v, str) and (len(v), v) > (len(old), old)):
            existing[k] = v
    return existing


def merge_shared(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Councils, committees, meetings, topics and indicators seen in several documents: names as in
    `merge_node` (the fullest), and where documents give another non-empty value (only a site's
    own id can differ), the smallest. Unlike "the first document's", this does not depend on the
    order documents are merged in, so an incremental build can merge a node's stored properties
    with a new document's and get what merging every document gives."""
    for k, v in new.items():
        if v in (None, ""):
            continue
        old = existing.get(k)
        if old in (None, ""):
            existing[k] = v
        elif k == "name" and isinstance(v, str):
            if (len(v), v) > (len(old), old):
                existing[k] = v
        elif v != old and str(v) < str(old):
            existing[k] = v
    return existing


def merge_holds(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    dates = [d for d in (existing.get("first_seen"), existing.get("last_seen"), new.get("first_seen"),
                         new.get("last_seen")) if d]
    if dates:
        existing["first_seen"], existing["last_seen"] = min(dates), max(dates)
    return existing



# -- a document's rows in the form a build stores and loads ----------------------------------------------

# Labels whose nodes several documents share: a build merges their properties across documents.
# People and posts are shared too, but their rows are made by the build from identity resolution
# (`person_rows`), since which person a mention is depends on every document of the council.
SHARED = ("Council", "Committee", "Meeting", "Topic", "Indicator")
# shared-to-shared edges that follow from their nodes (a committee's council, a meeting's committee)
_IMPLIED = {("OF_COUNCIL", "Committee", "Council"), ("OF_COMMITTEE", "Meeting", "Committee")}
_PERSON_SIDE = {"Person", "Post"}
LOCAL = ("Document", "AgendaItem", "Report", "Question", "Answer", "Resolution", "Action")


def cell(value: Any, typ: str) -> Any:
    """One CSV cell as the store's COPY reads it."""
    if value is None:
        return ""
    if typ == "BOOLEAN":
        return "true" if value else "false"
    return value


def table_key(row: Row) -> tuple[str, ...]:
    return ("node", row.label) if isinstance(row, Node) else ("rel", row.type, row.src_label, row.dst_label)


def csv_values(row: Row) -> list[Any]:
    """A row's CSV cells as the store keeps them (`schema.STORED_NODES`, `STORED_RELS`): no
    sentences, and a document's text packed (`graph.evidence`)."""
    from .schema import STORED_NODES, STORED_RELS

    if isinstance(row, Node):
        if row.label == "Document" and row.props.get("text") is not None:
            row = Node(row.label, row.id, {**row.props, "text_z": blob_cell(pack_text(row.props["text"]))})
        return [row.id, *(cell(row.props.get(k), t) for k, t in STORED_NODES[row.label].items())]
    pairs, cols = STORED_RELS[row.type]
    if (row.src_label, row.dst_label) not in pairs:
        from councilgraph.errors import StoreError

        raise StoreError(f"{row.type} cannot join {row.src_label} to {row.dst_label}")
    return [row.src, row.dst, *(cell(row.props.get(k), t) for k, t in cols.items())]


def document_parts(x: Extraction, scheme: TopicScheme) -> dict[str, Any]:
    """Everything one document puts in a store, made where it was extracted (a build's worker):

    - `tables`: CSV lines of the document's own rows, per table (nodes only it has, and its edges to
      shared nodes), ready to append to the bulk-load files;
    - `person_edges`: its rows that start at a person, as (person index, the rest of the CSV line),
      the person's id being known only once identities are resolved;
    - `text`: the document's text, which its Document line (written with an empty `text_z`) gets
      packed when the line is written (`document_line`); the ids of its own nodes are the first
      cells of its node lines (`local_ids`);
    - `shared`: its contributions to shared nodes, merged within the document: (label, id, props),
      and ("ABOUT", key, {}) for an indicator's topic edge;
    - `people`: per person, what identity resolution and the person and post rows need.
    The build merges `shared` and `people` across documents exactly as whole-corpus rows would be.
    """
    import csv
    import io

    saved = [p.id for p in x.people]
    for i, p in enumerate(x.people):
        p.id = f"\x00{i}"
    bufs: dict[tuple[str, ...], io.StringIO] = {}
    writers: dict[tuple[str, ...], Any] = {}
    person_edges: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    shared: dict[tuple[str, str], dict[str, Any]] = {}
    nodes = edges = 0
    line = io.StringIO()
    line_writer = csv.writer(line)
    try:
        for row in document_rows(x, scheme):
            if isinstance(row, Node):
                if row.label in _PERSON_SIDE:
                    continue
                if row.label in SHARED:
                    key = (row.label, row.id)
                    if key in shared:
                        merge_shared(shared[key], row.props)
                    else:
                        shared[key] = dict(row.props)
                    continue
                if row.label == "Document":  # its text goes in once, packed when the line is written
                    row = Node(row.label, row.id, {k: v for k, v in row.props.items() if k != "text"})
                nodes += 1
            else:
                if row.src_label in _PERSON_SIDE and row.dst_label in _PERSON_SIDE | {"Council"}:
                    continue  # HOLDS, a person's or a post's council: made from resolved identities
                if (row.type, row.src_label, row.dst_label) in _IMPLIED:
                    continue
                if row.src_label in SHARED and row.dst_label in SHARED:  # an indicator's topic
                    key = ("ABOUT", json.dumps([row.src, row.dst, row.props], sort_keys=True, default=str))
                    shared.setdefault(key, {})
                    continue
                if row.src.startswith("\x00"):
                    line.seek(0)
                    line.truncate()
                    values = csv_values(row)
                    line_writer.writerow(values[1:])
                    person_edges.setdefault(table_key(row), []).append((int(row.src[1:]), line.getvalue()))
                    continue
                edges += 1
            k = table_key(row)
            w = writers.get(k)
            if w is None:
                bufs[k] = io.StringIO()
                w = writers[k] = csv.writer(bufs[k])
            w.writerow(csv_values(row))
    finally:
        for p, old in zip(x.people, saved, strict=True):
            p.id = old
    cslug = council_slug(x.council, x.source)
    cid = council_id(x)
    when = x.meeting_date.isoformat() if x.meeting_date else None
    people = []
    for p in x.people:
        post, title = _post_of(x, p)
        people.append((p.name, p.kind, p.role, p.member_id, p.first_span.start, p.party, p.ward, post, title, when))
    return {"source": x.source, "council": cslug, "council_id": cid, "committee": x.committee,
            "meeting": meeting_id(x), "tables": {k: b.getvalue() for k, b in bufs.items()},
            "person_edges": person_edges, "text": x.text,
            "shared": [(label, nid, props) for (label, nid), props in shared.items()],
            "people": people, "nodes": nodes, "edges": edges}


def document_line(parts: dict[str, Any], lines: str) -> str:
    """A document's own Document line with its text packed in (its last cell, `text_z`)."""
    if not lines.endswith(",\r\n"):
        from councilgraph.errors import StoreError

        raise StoreError("a cached Document line does not end with its empty text cell: rebuild the cache")
    return lines[:-2] + blob_cell(pack_text(parts["text"])) + "\r\n"


def local_ids(parts: dict[str, Any]) -> dict[str, list[str]]:
    """The ids of a document's own nodes, per label: the first cells of its node lines (what an
    incremental build takes out of the store when the document leaves)."""
    import csv
    import io

    out: dict[str, list[str]] = {}
    for key, lines in parts["tables"].items():
        if key[0] == "node":
            out[key[1]] = [row[0] for row in csv.reader(io.StringIO(lines, newline=""))]
    return out


def person_props(rec: tuple, cid: str, named: bool | None = None) -> dict[str, Any]:
    """What one mention says of its person node. `named` (whether the person's cluster has a name)
    decides what a role-only mention contributes to the name: its post, if no one names the person."""
    name, kind, role, member_id, _start, party, ward, _post, _title, _when = rec
    props = {"name": name, "fallback_name": role, "kind": kind, "council": cid, "moderngov_id": member_id,
             "party": party, "ward": ward}
    if named is not None:  # merging into a stored node, whose name is already the name or the post
        props["name"] = name if named else role
        del props["fallback_name"]
    return props


def merge_person(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """People seen in several mentions: the fullest name (and post, for the name of someone only
    known by post), a kind rather than "other", and otherwise the smallest value where mentions
    differ. It does not depend on the order mentions are merged in, so an incremental build can
    merge a stored person with its new mentions and get what merging all of them gives."""
    for k, v in new.items():
        if v in (None, ""):
            continue
        old = existing.get(k)
        if old in (None, ""):
            existing[k] = v
        elif k in ("name", "fallback_name"):
            if (len(v), v) > (len(old), old):
                existing[k] = v
        elif k == "kind" and "other" in (old, v):
            if old == "other":
                existing[k] = v
        elif v != old and str(v) < str(old):
            existing[k] = v
    return existing


def person_rows(cid: str, people: list[tuple[tuple, str]]) -> tuple[dict[str, dict], dict[str, dict],
                                                                     dict[tuple[str, str], dict]]:
    """Person and Post nodes and HOLDS edges from resolved people: (the person's `document_parts`
    record, resolved id), in any order (every merge here is order-free)."""
    persons: dict[str, dict] = {}
    posts: dict[str, dict] = {}
    holds: dict[tuple[str, str], dict] = {}
    for rec, pid in people:
        props = person_props(rec, cid)
        if pid in persons:
            merge_person(persons[pid], props)
        else:
            persons[pid] = props
        post, title, kind, when = rec[7], rec[8], rec[1], rec[9]
        pprops = {"title": title, "council": cid, "kind": kind}
        if post in posts:
            merge_shared(posts[post], pprops)
        else:
            posts[post] = pprops
        h = {"first_seen": when, "last_seen": when}
        key = (pid, post)
        holds[key] = merge_holds(holds[key], h) if key in holds else h
    for props in persons.values():
        if not props.get("name"):
            props["name"] = props.get("fallback_name")
    return persons, posts, holds


def shared_node_rows(label: str, nid: str, props: dict) -> list[Row]:
    """A shared node's row and the edges implied by it (a committee's council, a meeting's committee)."""
    out: list[Row] = [Node(label, nid, props)]
    if label == "Committee":
        out.append(Edge("OF_COUNCIL", "Committee", nid, "Council", props["council"]))
    elif label == "Meeting":
        out.append(Edge("OF_COMMITTEE", "Meeting", nid, "Committee", props["committee"]))
    return out
