"""An incremental build: a copy of the store changed only where the new or removed documents touch it.

Adding ten documents to a store of 100,000 should cost ten documents, not the corpus. What a
document changes in a store:

1. its own rows (agenda items, questions, answers, reports, resolutions, actions, its document
   node, and its people's attendance and declarations): taken out for a removed document, loaded
   (COPY, from the rows stored in the cache) for a new one;
2. the identities of its council: `graph.build._resolve` resolves that council's people again from
   the cache's compact person rows (no document is unpacked), and every document whose people
   now have another id than the store holds is taken out and loaded again, like a changed one;
3. the shared nodes it contributes to (council, committee, meeting, topic, indicator, and an
   indicator's topics): merged again from the documents still contributing (the cache's `contrib`
   rows), in the same order a whole build merges them, then created, changed, or deleted when no
   document is left;
4. its council's people, posts and who held which post, made from the resolved identities exactly as
   a whole build makes them, and compared with the store's: only the differences are written;
5. the concern summaries of its council (`graph.summaries.refresh_summaries`).

The result is the store a whole build of the same documents makes (tests/test_incremental.py
compares the exports). The copy replaces the store only when complete (`graph.store.update_store`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cache import ExtractionCache
from .model import (
    Edge,
    Node,
    local_ids,
    merge_holds,
    merge_person,
    merge_shared,
    person_props,
    person_rows,
    shared_node_rows,
)
from .schema import NODES, RELS
from .store import CsvFiles, StoreStats, load_files
from .summaries import (
    TABLE,
    add_people_questions,
    add_questions,
    by_ids,
    refresh_groups,
    refresh_people,
    refresh_summaries,
    summary_facts,
)

_CHUNK = 5000
_PERSON_MEETING = ("ATTENDED", "DECLARED")
_SHARED_ORDER = ("Council", "Committee", "Meeting", "Topic", "Indicator")


def _rows(conn: Any, cypher: str, params: dict | None = None) -> list[list[Any]]:
    return conn.execute(cypher, params or {}).get_all()


def _same(a: Any, b: Any) -> bool:
    return (a if a not in ("", None) else None) == (b if b not in ("", None) else None)


def _existing(conn: Any, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    cols = list(NODES[label])
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), _CHUNK):
        got = _rows(conn, f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id, " + ", ".join(f"n.{c}" for c in cols),
                    {"ids": ids[i:i + _CHUNK]})
        for row in got:
            out[row[0]] = dict(zip(cols, row[1:], strict=True))
    return out


def _set(conn: Any, label: str, nid: str, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Change a node's properties in place (its edges stay)."""
    sets, params = [], {"id": nid}
    for k in NODES[label]:
        v = new.get(k)
        if _same(old.get(k), v):
            continue
        if v in (None, ""):
            sets.append(f"n.{k} = NULL")
        else:
            sets.append(f"n.{k} = $v_{k}")
            params[f"v_{k}"] = v
    if sets:
        conn.execute(f"MATCH (n:{label} {{id: $id}}) SET {', '.join(sets)}", params)


def _delete_nodes(conn: Any, label: str, ids: list[str]) -> None:
    for i in range(0, len(ids), _CHUNK):
        conn.execute(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", {"ids": ids[i:i + _CHUNK]})


def apply(conn: Any, tmp: Path, xcache: ExtractionCache, live: set[int], removed: set[int], added: set[int],
          councils: list[str], resolve: Callable[[str], Any],
          write_parts: Callable[[CsvFiles, dict, int, dict, StoreStats], None]) -> StoreStats:
    """Change the open (copied) store `conn`; returns the new store's counts."""
    ids: dict[tuple[int, int], str] = {}
    change_by: dict[str, Any] = {}
    moved: set[int] = set()
    xcache.set_dead(live)  # before resolving: the people made again read only live documents' mentions
    for council in councils:
        change = change_by[council] = resolve(council)
        ids.update(change.ids)
        moved |= change.moved
    entering = (added | moved) & live
    leaving = removed | (moved - added)
    touched: set[tuple[str, str]] = set()
    left: set[tuple[str, str]] = set()  # shared nodes a leaving document contributed to
    entering_props: dict[tuple[str, str], dict] = {}  # what the entering documents give them, merged
    groups: set[tuple[str, int | None]] = set()  # (committee, municipal year) whose summaries change

    def note(parts: dict, leaving: bool) -> None:
        for label, nid, props in parts["shared"]:
            touched.add((label, nid))
            if leaving:
                left.add((label, nid))
            else:
                merge_shared(entering_props.setdefault((label, nid), {}), props)
            if label == "Meeting":
                groups.add((props["committee"], props["municipal_year"]))

    # 1. the leaving documents' own rows
    by_label: dict[str, list[str]] = defaultdict(list)
    person_meeting: dict[str, list[dict]] = defaultdict(list)
    for _rid, parts in xcache.parts_of(leaving):
        for label, nids in local_ids(parts).items():
            by_label[label].extend(nids)
        for key in parts["person_edges"]:
            if key[1] in _PERSON_MEETING:
                person_meeting[key[1]].append({"m": parts["meeting"], "d": parts["source"]})
        note(parts, leaving=True)
    # the people whose questions or answers leave (their person summaries are made again), and what
    # the summaries read of those questions and answers (compared with the entering ones' at step 7)
    people = _askers(conn, by_label.get("Question", []), by_label.get("Answer", []))
    left_facts = summary_facts(conn, *_placed(xcache.parts_of(leaving))) if leaving else None
    for label, nids in sorted(by_label.items()):
        _delete_nodes(conn, label, nids)
    for rel, rows in sorted(person_meeting.items()):
        conn.execute(f"UNWIND $rows AS r MATCH (:Person)-[e:{rel}]->(m:Meeting {{id: r.m}}) WHERE e.doc = r.d "
                     "DELETE e", {"rows": rows})

    # 2. the entering documents' rows, from the cache, to bulk-load files
    files = CsvFiles(tmp)
    scratch = StoreStats()
    new_questions: list[str] = []
    new_answers: list[str] = []
    for rid, parts in xcache.parts_of(entering):
        write_parts(files, parts, rid, ids, scratch)
        own = local_ids(parts)
        new_questions.extend(own.get("Question", ()))
        new_answers.extend(own.get("Answer", ()))
        note(parts, leaving=False)

    # 3. shared nodes: the stored properties merged with the entering documents' (the merge does not
    # depend on order); merged again from every document still contributing where one left
    renamed: dict[str, set[str]] = defaultdict(set)  # label -> ids whose name changed (summaries show names)
    for label in _SHARED_ORDER:
        nids = sorted(nid for lab, nid in touched if lab == label)
        if not nids:
            continue
        old = _existing(conn, label, nids)
        gone = []
        for nid in nids:
            if (label, nid) in left or nid not in old:
                contribs = xcache.contributions(nid) if (label, nid) in left else [entering_props[(label, nid)]]
                if not contribs:
                    if nid in old:
                        gone.append(nid)
                    continue
                props: dict = {}
                for more in contribs:
                    merge_shared(props, more)
            else:
                props = merge_shared(dict(old[nid]), entering_props[(label, nid)])
            if nid in old:
                if not _same(old[nid].get("name"), props.get("name")):
                    renamed[label].add(nid)
                _set(conn, label, nid, old[nid], props)
            else:
                for row in shared_node_rows(label, nid, props):
                    files.row(row)
        _delete_nodes(conn, label, gone)
    about = sorted(nid for lab, nid in touched if lab == "ABOUT")

    # 4. people and posts: those that lost mentions made again from all of theirs, those that only
    # gained merged with the new ones (order-free merges), and the posts they held likewise
    for council in councils:
        cid = "council/" + council
        change = change_by[council]
        persons, _, holds = person_rows(cid, change.members)
        _, posts, _ = person_rows(cid, change.holders)
        for label, new, wanted, gained in (("Person", persons, change.persons, change.gained),
                                           ("Post", posts, change.posts, change.posts_gained)):
            old = _existing(conn, label, sorted(wanted | set(gained)))
            _delete_nodes(conn, label, sorted((set(old) & wanted) - set(new)))
            for nid, more in gained.items():
                merged = dict(old[nid]) if nid in old else {}
                for item in more:
                    if label == "Person":
                        rec, named = item
                        merge_person(merged, person_props(rec, cid, named))
                    else:
                        merge_shared(merged, {"title": item[8], "council": cid, "kind": item[1]})
                new[nid] = merged
            for nid in sorted(new):
                if nid in old:
                    if not _same(old[nid].get("name"), new[nid].get("name")):
                        renamed[label].add(nid)
                    _set(conn, label, nid, old[nid], new[nid])
                else:
                    files.row(Node(label, nid, new[nid]))
                    files.row(Edge("OF_COUNCIL", label, nid, "Council", cid))
        # posts held: made again for people made again; merged for people who gained
        for pid, more in change.gained.items():
            for rec, _named in more:
                key = (pid, rec[7])
                h = {"first_seen": rec[9], "last_seen": rec[9]}
                holds[key] = merge_holds(holds[key], h) if key in holds else h
        wanted = sorted(change.persons | set(change.gained))
        old_holds: dict[tuple[str, str], tuple] = {}
        for i in range(0, len(wanted), _CHUNK):
            for a, b, f, la in _rows(conn, "MATCH (p:Person)-[h:HOLDS]->(po:Post) WHERE p.id IN $ids RETURN p.id, "
                                           "po.id, h.first_seen, h.last_seen", {"ids": wanted[i:i + _CHUNK]}):
                old_holds[(a, b)] = (f, la)
        for (a, b), (f, la) in old_holds.items():
            if a in change.gained and (a, b) in holds:  # a stored holding and new mentions: merged
                holds[(a, b)] = merge_holds(holds[(a, b)], {"first_seen": f, "last_seen": la})
            elif a in change.gained:
                holds[(a, b)] = {"first_seen": f, "last_seen": la}
        stale = [{"a": a, "b": b} for (a, b), seen in old_holds.items()
                 if (a, b) not in holds or seen != (holds[(a, b)]["first_seen"], holds[(a, b)]["last_seen"])]
        for i in range(0, len(stale), _CHUNK):
            conn.execute("UNWIND $rows AS r MATCH (p:Person {id: r.a})-[h:HOLDS]->(po:Post {id: r.b}) DELETE h",
                         {"rows": stale[i:i + _CHUNK]})
        redo = {(r["a"], r["b"]) for r in stale}
        for (a, b), props in sorted(holds.items()):
            if (a, b) not in old_holds or (a, b) in redo:
                files.row(Edge("HOLDS", "Person", a, "Post", b, props))

    # 5. load what is new: nodes first, then edges (a few rows one CREATE each, finding an edge's ends
    # by id; many by COPY: an UNWIND matching both ends of each new edge ran out of the bounded buffer
    # pool on a 100,000-item store, BENCHMARKS.md)
    load_files(conn, tmp, files.close())

    # 6. an indicator's topics (shared at both ends): present while a document still gives them
    import json

    for key in about:
        src, dst, props = json.loads(key)
        want = bool(xcache.contributions(key)) if ("ABOUT", key) in left else True
        params = {"s": src, "d": dst, "r": props.get("rank"), "w": props.get("words")}
        match = ("MATCH (i:Indicator {id: $s})-[a:ABOUT]->(t:Topic {id: $d}) WHERE a.rank = $r AND a.words = $w")
        have = _rows(conn, match + " RETURN count(*)", params)[0][0]
        if want and not have:
            conn.execute("MATCH (i:Indicator {id: $s}), (t:Topic {id: $d}) "
                         "CREATE (i)-[:ABOUT {rank: $r, words: $w}]->(t)", params)
        elif have and not want:
            conn.execute(match + " DELETE a", params)

    # 7. nothing, when what the summaries read of the leaving documents' questions and answers is what
    # the entering ones give (a document changed elsewhere than its questions, answers and their
    # people, topics and places). The concern summaries: new questions added to their groups when
    # documents were only added and nothing was renamed; otherwise the groups of the documents'
    # meetings, of the questions of people whose name changed and of renamed committees made again
    # (a renamed council's all)
    # the person summaries: new questions and answers added to their people's rows when documents
    # were only added and no committee or topic was renamed; otherwise the rows of everyone whose
    # questions or answers entered or left, who was made again, or asked at a renamed committee or
    # about a renamed topic, made again from all their questions and answers
    # (a meeting's date, and so its municipal year, is in its id: no other question moves year)
    if leaving and not any(renamed.values()) and \
            summary_facts(conn, *_placed(xcache.parts_of(entering))) == left_facts:
        return count(conn)  # the documents changed nothing the summaries count: their rows stand
    if not leaving and not renamed["Committee"] and not renamed["Topic"]:
        add_people_questions(conn, new_questions, new_answers)
    else:
        people |= _askers(conn, new_questions, new_answers)
        for council in councils:
            people |= change_by[council].persons
        if renamed["Committee"]:
            people |= {r[0] for r in _rows(
                conn, "MATCH (p:Person)-[:ASKED]->(:Question)-[:RAISED_AT]->(:AgendaItem)-[:AT_MEETING]->(:Meeting)"
                      "-[:OF_COMMITTEE]->(c:Committee) WHERE c.id IN $ids RETURN DISTINCT p.id",
                {"ids": sorted(renamed["Committee"])})}
        if renamed["Topic"]:
            people |= {r[0] for r in _rows(
                conn, "MATCH (p:Person)-[:ASKED]->(:Question)-[:ABOUT]->(t:Topic) WHERE t.id IN $ids "
                      "RETURN DISTINCT p.id",
                {"ids": sorted(renamed["Topic"])})}
        refresh_people(conn, people)

    if not leaving and not any(renamed.values()):
        add_questions(conn, new_questions)
        return count(conn)
    if renamed["Person"]:
        groups.update((c, y) for c, y in _rows(
            conn, "MATCH (p:Person)-[:ASKED]->(:Question)-[:RAISED_AT]->(:AgendaItem)-[:AT_MEETING]->(m:Meeting)"
                  "-[:OF_COMMITTEE]->(c:Committee) WHERE p.id IN $ids RETURN DISTINCT c.id, m.municipal_year",
            {"ids": sorted(renamed["Person"])}))
    for committee in sorted(renamed["Committee"]):
        groups.update((committee, y) for (y,) in _rows(
            conn, f"MATCH (s:{TABLE}) WHERE s.committee_id = $c RETURN DISTINCT s.year", {"c": committee}))
    if renamed["Council"]:
        refresh_summaries(conn, sorted(renamed["Council"]))
        groups = {(c, y) for c, y in groups if not any(c.startswith("committee/" + co.split("/", 1)[1] + "/")
                                                        for co in renamed["Council"])}
    refresh_groups(conn, groups)
    return count(conn)


def _placed(parts_of: Any) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """The documents' question and answer ids, each mapped to its document's source and its place
    there: what stays the same when a document's text (and so its ids) changes."""
    out: tuple[dict[str, tuple], dict[str, tuple]] = ({}, {})
    for _rid, parts in parts_of:
        own = local_ids(parts)
        for found, label in zip(out, ("Question", "Answer"), strict=True):
            for n, nid in enumerate(own.get(label, ())):
                found[nid] = (parts["source"], n)
    return out


def _askers(conn: Any, questions: list[str], answers: list[str]) -> set[str]:
    """The people who asked these questions or gave these answers."""
    out: set[str] = set()
    for rel, label, ids in (("ASKED", "Question", questions), ("ANSWERED", "Answer", answers)):
        out.update(r[0] for r in by_ids(conn, f"MATCH (p:Person)-[:{rel}]->(n:{label}) WHERE n.id IN $ids "
                                              "RETURN DISTINCT p.id", ids))
    return out


def count(conn: Any) -> StoreStats:
    """The store's node and edge counts (as a whole build reports them)."""
    nodes = sum(_rows(conn, f"MATCH (n:{label}) RETURN count(n)")[0][0] for label in NODES)
    edges = sum(_rows(conn, f"MATCH ()-[r:{rel}]->() RETURN count(r)")[0][0] for rel in RELS)
    return StoreStats(nodes=nodes, edges=edges)
