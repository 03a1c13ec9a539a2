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
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .people import NameParts, is_committee_office, norm_role, same_role, split_name
from .records import Extraction, Person

_GENERIC = {"county", "borough", "city", "district", "metropolitan", "council", "royal", "of", "the", "london",
            "unitary", "corporation", "and"}


@lru_cache(maxsize=65536)  # ids are made from the same few thousand names, titles and councils
def slugify(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


@lru_cache(maxsize=65536)
def council_slug(council: str | None, source: str) -> str:
    if not council:
        return "unknown-" + hashlib.sha1(source.encode()).hexdigest()[:8]
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
    members: list[Person] = field(default_factory=list)

    def label(self) -> str:
        if self.parts:
            given = self.parts.given
            return " ".join((*given, self.parts.surname))
        return self.roles[0] if self.roles else "unknown"


def _info_rank(p: Person) -> tuple:
    parts = split_name(p.name or "")
    full = sum(len(g) > 1 for g in parts.given)
    return (-full, -len(parts.given))


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


def resolve(extractions: list[Extraction]) -> None:
    """Set `Person.id` on every person of every extraction, deterministically."""
    by_council: dict[str, list[Extraction]] = {}
    for x in sorted(extractions, key=lambda x: x.source):
        by_council.setdefault(council_slug(x.council, x.source), []).append(x)
    for slug, docs in sorted(by_council.items()):
        _resolve_council(slug, docs)


def _resolve_council(slug: str, docs: list[Extraction]) -> None:
    clusters: list[Cluster] = []
    by_surname: dict[str, list[Cluster]] = {}  # compatible names share a surname: compare only those
    by_member: dict[str, Cluster] = {}  # the site's member id: one person whatever the names say
    with_ids = [(x, p) for x in docs for p in x.people if p.member_id]
    with_ids.sort(key=lambda xp: (_info_rank(xp[1]), xp[0].source, xp[1].first_span.start))
    for _x, p in with_ids:
        c = by_member.get(p.member_id)
        if c is None:
            parts = split_name(p.name) if p.name else None
            c = by_member[p.member_id] = Cluster(kind=p.kind, parts=parts)
            clusters.append(c)
            if parts:
                by_surname.setdefault(parts.surname.lower(), []).append(c)
        c.members.append(p)
        if p.role and not any(same_role(p.role, r) for r in c.roles):
            c.roles.append(p.role)
    named = [(x, p) for x in docs for p in x.people if p.name and not p.member_id]
    named.sort(key=lambda xp: (_info_rank(xp[1]), xp[0].source, xp[1].first_span.start))
    for _x, p in named:
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
            c = Cluster(kind=p.kind, parts=parts)
            clusters.append(c)
            same.append(c)
        c.members.append(p)
        if p.role and not any(same_role(p.role, r) for r in c.roles):
            c.roles.append(p.role)
    role_only = [(x, p) for x in docs for p in x.people if not p.name and not p.member_id]
    role_only.sort(key=lambda xp: (xp[0].source, xp[1].first_span.start))
    for x, p in role_only:
        scope = None
        if is_committee_office(p.role):
            scope = x.committee or x.source
            cands = [c for c in clusters if c.parts is None and c.scope == scope and same_role(c.roles[0], p.role)]
        else:
            cands = [c for c in clusters if any(same_role(r, p.role) for r in c.roles)
                     and _kinds_compatible(c.kind, p.kind) and c.scope is None]
            named_cands = [c for c in cands if c.parts]
            cands = named_cands if named_cands else cands
        if len(cands) == 1:
            c = cands[0]
        else:
            c = Cluster(kind=p.kind, parts=None, roles=[p.role or "unknown"], scope=scope)
            clusters.append(c)
        c.members.append(p)
    _assign_ids(slug, clusters)


def _assign_ids(slug: str, clusters: list[Cluster]) -> None:
    def base(c: Cluster) -> str:
        if c.parts:
            return slugify(c.label())
        role = slugify(norm_role(c.roles[0]))
        return f"{slugify(c.scope)}-{role}" if c.scope else role

    ordered = sorted(clusters, key=lambda c: (base(c), c.kind, min((m.first_span.start for m in c.members),
                                                                    default=0)))
    used: dict[str, int] = {}
    for c in ordered:
        b = base(c) or "person"
        n = used.get(b, 0)
        used[b] = n + 1
        pid = f"{slug}/person/{b}" if n == 0 else f"{slug}/person/{b}-{n + 1}"
        for m in c.members:
            m.id = pid
