"""Give every person one id across the documents of a council (parlparse-style resolution).

Strongest evidence first: a site's own member id (ModernGov `memberid`, as parlparse uses official
ids) makes one person of every record carrying it, before any name is compared; then names with the
most given-name information are placed first, so a bare
"Crute" is matched only after every "R Crute"/"J Crute" is known, and joins one only when exactly
one is compatible. A role-only officer ("the Corporate Equalities and Strategy Manager") joins the
named person who held a matching title at that council, again only when there is exactly one.
People at different councils never merge; a page whose council is unknown keeps its people to itself.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from . import compiled_re as re
from .people import NameParts, is_committee_office, norm_role, same_role, split_name
from .records import Extraction, Person

_GENERIC = {"county", "borough", "city", "district", "metropolitan", "council", "royal", "of", "the", "london",
            "unitary", "corporation", "and"}


@lru_cache(maxsize=65536)  # ids are made from the same few thousand names, titles and councils
def slugify(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def council_slug(council: str | None, source: str) -> str:
    if not council:
        return "unknown-" + hashlib.sha1(source.encode()).hexdigest()[:8]
    return _named_slug(council)


@lru_cache(maxsize=4096)
def _named_slug(council: str) -> str:
    """Cached by name alone: a cache keyed by source as well would hold an entry a document and
    never hit across documents."""
    words = [w for w in re.findall(r"[a-z0-9']+", council.lower()) if w not in _GENERIC or w == "and"]
    while words and words[0] == "and":
        words.pop(0)
    while words and words[-1] == "and":
        words.pop()
    # compact: the host "kestrelvale" and the name "Kestrel Vale" must give the same council
    return re.sub(r"[^a-z0-9]", "", slugify(" ".join(w for w in words if w != "and"))) or slugify(council)


@dataclass
class Cluster:
    kind: str
    parts: NameParts | None
    roles: list[str] = field(default_factory=list)
    scope: str | None = None  # committee for committee offices
    members: list[Who] = field(default_factory=list)
    key: tuple = ()  # when it was made: (step, its first member's place in that step's order)

    def label(self) -> str:
        if self.parts:
            given = self.parts.given
            return " ".join((*given, self.parts.surname))
        return self.roles[0] if self.roles else "unknown"


class Who:
    """One document's person as identity resolution sees it: a light record, so that a build can
    resolve a council's people from compact cache rows without rebuilding whole extractions."""

    __slots__ = ("source", "committee", "name", "kind", "role", "member_id", "start", "id", "order", "base",
                 "named", "creator", "rid", "old", "old_base", "old_creator", "rec")

    def __init__(self, source: str, committee: str | None, name: str | None, kind: str, role: str | None,
                 member_id: str | None, start: int, order: int = 0) -> None:
        self.source, self.committee, self.name, self.kind, self.role = source, committee, name, kind, role
        self.member_id, self.start, self.order, self.id = member_id, start, order, None
        self.base: str | None = None  # the id's stem (`_assign_ids`): ids are numbered within a stem
        self.named = False  # whether its cluster has a name (`_assign_ids`)
        self.creator = False  # whether it started its cluster
        # a build's bookkeeping: the document's cache row, the id and stem the store holds, the row
        self.rid: int = 0
        self.old: str | None = None
        self.old_base: str | None = None
        self.old_creator = False
        self.rec: tuple = ()


def _info_rank(name: str | None) -> tuple:
    parts = split_name(name or "")
    full = sum(len(g) > 1 for g in parts.given)
    return (-full, -len(parts.given))


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


def resolve(extractions: list[Extraction]) -> None:
    """Set `Person.id` on every person of every extraction, deterministically."""
    by_council: dict[str, list[tuple[Person, Who]]] = {}
    for x in sorted(extractions, key=lambda x: x.source):
        group = by_council.setdefault(council_slug(x.council, x.source), [])
        for i, p in enumerate(x.people):
            group.append((p, Who(x.source, x.committee, p.name, p.kind, p.role, p.member_id, p.first_span.start,
                                 i)))
    for slug, pairs in sorted(by_council.items()):
        resolve_council(slug, [w for _, w in pairs])
        for p, w in pairs:
            p.id = w.id


def resolve_council(slug: str, people: list[Who]) -> None:
    """Set `Who.id` on every person of one council. `Who.order` is the person's place in its
    document (it breaks ties between one document's people as the document's order would)."""
    clusters: list[Cluster] = []
    by_surname: dict[str, list[Cluster]] = {}  # compatible names share a surname: compare only those
    by_member: dict[str, Cluster] = {}  # the site's member id: one person whatever the names say
    with_ids = [p for p in people if p.member_id]
    with_ids.sort(key=lambda p: (_info_rank(p.name), p.source, p.start, p.order))
    for p in with_ids:
        c = by_member.get(p.member_id)
        if c is None:
            parts = split_name(p.name) if p.name else None
            c = by_member[p.member_id] = Cluster(kind=p.kind, parts=parts, key=(1, *_named_key(p)))
            clusters.append(c)
            if parts:
                by_surname.setdefault(parts.surname.lower(), []).append(c)
        p.creator = not c.members
        c.members.append(p)
        if p.role and not any(same_role(p.role, r) for r in c.roles):
            c.roles.append(p.role)
    _named_step([p for p in people if p.name and not p.member_id], by_surname, clusters)
    _resolve_role_only(clusters, [p for p in people if not p.name and not p.member_id])
    _assign_ids(slug, clusters)


def _named_key(p: Who) -> tuple:
    return (_info_rank(p.name), p.source, p.start, p.order)


def _role_key(p: Who) -> tuple:
    return (p.source, p.start, p.order)


def _named_step(named: list[Who], by_surname: dict[str, list[Cluster]], clusters: list[Cluster]) -> None:
    """Named people, most informative names first, each joining the one compatible cluster of its
    surname or starting one."""
    named.sort(key=_named_key)
    for p in named:
        parts = split_name(p.name or "")
        same = by_surname.setdefault(parts.surname.lower(), [])
        cands = [c for c in same if c.parts and c.parts.compatible(parts) and _kinds_compatible(c.kind, p.kind)]
        if len(cands) > 1:
            exact = [c for c in cands if c.parts and c.parts.initials == parts.initials]
            cands = exact if len(exact) == 1 else cands
        if len(cands) == 1:
            c = cands[0]
            if c.kind == "other" and p.kind != "other":
                c.kind = p.kind
        else:
            c = Cluster(kind=p.kind, parts=parts, key=(2, *_named_key(p)))
            clusters.append(c)
            same.append(c)
        p.creator = not c.members
        c.members.append(p)
        if p.role and not any(same_role(p.role, r) for r in c.roles):
            c.roles.append(p.role)


def _resolve_role_only(clusters: list[Cluster], role_only: list[Who]) -> None:
    """A role-only mention joins the one cluster holding that post (named people first).

    Named clusters do not change from here on, so which of them hold a post is worked out once per
    (post, kind); clusters without a name (created here, or a member id without one) are checked as
    they appear. The same candidates as comparing every cluster every time, in far less time."""
    role_only.sort(key=_role_key)
    fixed = list(clusters)
    unnamed = [c for c in fixed if c.parts is None and c.scope is None]
    scoped: dict[str, list[Cluster]] = {}
    memo: dict[tuple[str | None, str], tuple[list[Cluster], list[Cluster], list[int]]] = {}
    for p in role_only:
        scope = None
        if is_committee_office(p.role):
            scope = p.committee or p.source
            cands = [c for c in scoped.get(scope, ()) if same_role(c.roles[0], p.role)]
        else:
            m = memo.get((p.role, p.kind))
            if m is None:
                named_c = [c for c in fixed if c.parts and c.scope is None and _kinds_compatible(c.kind, p.kind)
                           and any(same_role(r, p.role) for r in c.roles)]
                m = memo[(p.role, p.kind)] = (named_c, [], [0])
            named_c, unnamed_c, upto = m
            if not named_c:
                for c in unnamed[upto[0]:]:
                    if _kinds_compatible(c.kind, p.kind) and any(same_role(r, p.role) for r in c.roles):
                        unnamed_c.append(c)
                upto[0] = len(unnamed)
            cands = named_c or unnamed_c
        if len(cands) == 1:
            c = cands[0]
        else:
            c = Cluster(kind=p.kind, parts=None, roles=[p.role or "unknown"], scope=scope, key=(3, *_role_key(p)))
            clusters.append(c)
            if scope is None:
                unnamed.append(c)
            else:
                scoped.setdefault(scope, []).append(c)
        p.creator = not c.members
        c.members.append(p)


def _assign_ids(slug: str, clusters: list[Cluster]) -> None:
    def base(c: Cluster) -> str:
        if c.parts:
            return slugify(c.label())
        role = slugify(norm_role(c.roles[0]))
        return f"{slugify(c.scope)}-{role}" if c.scope else role

    # ties in order of making (`Cluster.key`), as a stable sort of the clusters in that order gives
    ordered = sorted(clusters, key=lambda c: (base(c), c.kind, min((m.start for m in c.members), default=0), c.key))
    used: dict[str, int] = {}
    for c in ordered:
        b = base(c) or "person"
        n = used.get(b, 0)
        used[b] = n + 1
        pid = f"{slug}/person/{b}" if n == 0 else f"{slug}/person/{b}-{n + 1}"
        for m in c.members:
            m.id = pid
            m.base = b
            m.named = c.parts is not None


# -- resolving again only what some people can change (an incremental build) ---------------------------

def bucket(p: Who) -> str:
    """Which people a person's resolution can depend on: named people by surname, role-only ones
    by post (committee offices by committee), people with a site's member id together."""
    if p.member_id:
        return "m"
    if p.name:
        return "n:" + split_name(p.name).surname.lower()
    if is_committee_office(p.role):
        return "s:" + (p.committee or p.source)
    return "r"


class PeopleSource(Protocol):
    """A council's people as a build's cache holds them (live documents only; `Who.old` and
    `Who.old_base` are the id and stem the store holds)."""

    def in_buckets(self, buckets: set[str]) -> list[Who]: ...
    def role_only_roles(self) -> set[str | None]: ...
    def role_only(self, roles: set[str | None]) -> list[Who]: ...
    def named_roles(self) -> set[str]: ...
    def named_with_roles(self, roles: set[str]) -> list[Who]: ...
    def with_ids(self, ids: set[str]) -> list[Who]: ...
    def with_bases(self, bases: set[str]) -> list[Who]: ...


def _closure(seed: set[str | None], roles: set[str | None]) -> set[str | None]:
    """The role-only posts linked to `seed` through chains of `same_role` (a post with no title
    only to itself)."""
    out = {r for r in seed if r is None and None in roles}
    pending = {r for r in roles if r is not None}
    frontier = [r for r in seed if r is not None]
    while frontier:
        r = frontier.pop()
        hits = {q for q in pending if same_role(q, r)}
        pending -= hits
        out |= hits
        frontier.extend(hits)
    return out


def _rebuild(members: list[Who]) -> Cluster:
    """A cluster as resolution made it, from all its members (replaying their joins in order)."""
    named = sorted((m for m in members if m.name), key=_named_key)
    if named:
        c = Cluster(kind=named[0].kind, parts=split_name(named[0].name or ""), key=(2, *_named_key(named[0])))
        for p in named:
            if c.kind == "other" and p.kind != "other":
                c.kind = p.kind
            if p.role and not any(same_role(p.role, r) for r in c.roles):
                c.roles.append(p.role)
    else:
        first = min(members, key=_role_key)
        scope = (first.committee or first.source) if is_committee_office(first.role) else None
        c = Cluster(kind=first.kind, parts=None, roles=[first.role or "unknown"], scope=scope,
                    key=(3, *_role_key(first)))
    c.members = list(members)
    return c


def resolve_changes(slug: str, delta: list[Who], src: PeopleSource) -> list[Who]:
    """Resolve again only the people whose id the `delta` people (of documents entering or leaving
    a council) can change, and return them with their new `id` (everyone else keeps theirs).

    What a person's resolution depends on: a named person only on the named people of its surname;
    a role-only person on the named clusters holding a post like its own and on earlier role-only
    people with such a post (chains of `same_role`); a committee office on its committee's; and ids
    are numbered within a stem. So: the delta's surnames are resolved again whole; then the
    role-only people whose posts are linked to any post those surnames' people (or the delta) hold,
    with the other named clusters holding such posts rebuilt from their members; then every cluster
    sharing a stem with those is numbered again. The caller must resolve the whole council instead
    when member ids are involved (they join people across surnames). The result equals
    `resolve_council` over the whole council (tests/test_incremental.py)."""
    surnames = {bucket(p) for p in delta if p.name}
    named = src.in_buckets(surnames)
    clusters: list[Cluster] = []
    _named_step(list(named), {}, clusters)
    seed: set[str | None] = {p.role for p in named if p.role} | {p.role for p in delta}
    closure = _closure(seed, src.role_only_roles())
    role_people = src.role_only(closure) if closure else []
    matching = {r for r in src.named_roles() if any(c is not None and same_role(r, c) for c in closure)}
    redo = {id(p) for p in named} | {id(p) for p in role_people}
    others = {p.old for p in src.named_with_roles(matching) if bucket(p) not in surnames} if matching else set()
    rebuilt: dict[str, list[Who]] = {}
    for p in src.with_ids({o for o in others if o}):
        if id(p) not in redo:
            rebuilt.setdefault(p.old or "", []).append(p)
    clusters.extend(_rebuild(ms) for _, ms in sorted(rebuilt.items()))
    scoped = src.in_buckets({bucket(p) for p in delta if not p.name and is_committee_office(p.role)})
    _resolve_role_only(clusters, role_people + scoped)
    redo |= {id(p) for p in scoped}
    done = [m for c in clusters for m in c.members]
    left_ids = {m.old for m in done if m.old}
    stems = {m.old_base for m in done if m.old_base}
    _assign_ids(slug, clusters)  # for the stems of the clusters made again
    stems |= {m.base for m in done if m.base}
    rivals: dict[str, list[Who]] = {}
    for p in src.with_bases(stems):
        if p.old not in left_ids and id(p) not in redo:
            rivals.setdefault(p.old or "", []).append(p)
    everyone = clusters + [_rebuild(ms) for _, ms in sorted(rivals.items())]
    _assign_ids(slug, everyone)
    return [m for c in everyone for m in c.members]


class FastSource(Protocol):
    """What `resolve_fast` asks of a build's cache (live documents only)."""

    def twin(self, p: Who) -> Who | None: ...
    def creators(self, bucket: str) -> list[Who]: ...
    def stem_taken(self, base: str, pid: str) -> bool: ...
    def is_named(self, pid: str) -> bool: ...


def resolve_fast(delta_added: list[Who], delta_removed: list[Who], src: FastSource) -> bool:
    """Whether every entering or leaving person provably changes nothing but their own membership,
    setting the entering ones' `id` if so (otherwise `resolve_changes` must run).

    A person changes nothing when an earlier mention exactly like it (same name, kind and post; its
    "twin", earlier in resolution's order) is in a cluster: the state it meets is the state its twin
    met plus clusters made since, so it joins the same cluster provided no other cluster could be a
    candidate (no other cluster of its surname with a compatible name; for a post, no other cluster
    without a name holding a like post) and the cluster's id stem is its alone (a new mention cannot
    reorder it among others of that stem). For a post the twin must have joined, not started, its
    cluster. Leaving is the same argument backwards. New minutes usually name people seen before,
    after them, so this is the usual case of adding a week's minutes."""
    for p in [*delta_added, *delta_removed]:
        if p.member_id or (not p.name and p.role is None) or p.old_creator:
            return False
        twin = src.twin(p)
        if twin is None or not twin.old or not twin.old_base or (p in delta_removed and p.old != twin.old):
            return False
        b = bucket(p)
        if p.name:
            parts = split_name(p.name)
            rivals = [c for c in src.creators(b) if c.old != twin.old and c.name
                      and split_name(c.name).compatible(parts)]
        else:
            if twin.old_creator:
                return False
            rivals = [c for c in src.creators(b) if c.old != twin.old and not c.name and same_role(c.role, p.role)
                      and (b.startswith("s:") or _kinds_compatible(c.kind, p.kind))]
        if rivals or src.stem_taken(twin.old_base, twin.old):
            return False
        p.id, p.base, p.creator = twin.old, twin.old_base, False
        p.named = src.is_named(twin.old)
    return True
