"""Which council (or other body publishing minutes) a page belongs to: one canonical name.

`data/councils.csv` lists every UK principal council (England, Wales, Scotland, Northern
Ireland), recently abolished ones whose minutes are still online, and other bodies that publish
committee minutes (combined authorities, fire and rescue authorities, police and crime panels,
national park authorities): the official name, its short forms, and the web host stems its
minutes sites use. A stem is the label that names the body in a host name:
`democracy.kent.gov.uk`, `kent.moderngov.co.uk`, `moderngov.kent.gov.uk`,
`committeemeetings.kent.gov.uk` and `www.kent.gov.uk/moderngov` all have the stem `kent`.

`from_url` and `from_name` give the same canonical name for the same body, so "RBWM", "Royal
Borough of Windsor and Maidenhead" and `democracy.rbwm.gov.uk` are one council, not three.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import compiled_re as re

DATA = Path(__file__).with_name("data") / "councils.csv"

# host labels that name a publishing system, a service or a registry, never the body itself
GENERIC_LABELS = frozenset({
    "www", "democracy", "moderngov", "modgov", "moderngovwebpublic", "committees", "committee", "meetings",
    "democratic", "councillors", "councillor", "minutes", "cmis", "cmttpapers", "services", "gov", "uk", "org",
    "co", "com", "net", "council", "mg", "decisions", "decisionmaking", "publications", "edemocracy",
    "democraticservices", "committeemeetings", "mycouncil", "councilportal", "cds", "cms", "glostext",
    "fireauthority", "wales", "cymru", "llyw", "scot", "ni", "info", "public", "intranet", "apps", "secure",
    "committeedmz", "modgovweb", "mgov", "agendas", "papers", "portal", "online", "eservices", "sites",
})
# type words written after a council's place name
_TYPE_TAIL = re.compile(
    r"\s+(?:london\s+borough|metropolitan\s+borough|metropolitan\s+district|county\s+borough|city\s+and\s+district|"
    r"borough|district|county|city)?\s*council$"
)
_TYPE_HEAD = re.compile(r"^(?:city\s+and\s+county\s+of|city\s+of|royal\s+borough\s+of|london\s+borough\s+of|"
                        r"borough\s+council\s+of|borough\s+of|council\s+of\s+the|council\s+of)\s+")


@dataclass(frozen=True)
class Council:
    name: str
    kind: str
    nation: str
    stems: tuple[str, ...]
    short_forms: tuple[str, ...]


def normalise(name: str) -> str:
    """Lower case, '&' as 'and', no punctuation or leading 'the': the key names are looked up by."""
    s = name.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^a-z0-9' ]+", " ", s).replace("'", "")
    s = re.sub(r"\s+", " ", s).strip()
    return s.removeprefix("the ")


def core(name: str) -> str:
    """The place part of a council name: 'Kent County Council' -> 'kent'."""
    s = normalise(name)
    s = _TYPE_TAIL.sub("", s)
    return _TYPE_HEAD.sub("", s).strip()


@cache
def councils() -> tuple[Council, ...]:
    rows = []
    with DATA.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows.append(Council(
                name=r["name"].strip(), kind=r["kind"].strip(), nation=r["nation"].strip(),
                stems=tuple(s.strip().lower() for s in r["stems"].split(";") if s.strip()),
                short_forms=tuple(s.strip() for s in r["short_forms"].split(";") if s.strip()),
            ))
    return tuple(rows)


@cache
def _indexes() -> tuple[dict[str, Council], dict[str, Council], dict[str, Council]]:
    """(stem -> council, normalised name or short form -> council, all-capitals abbreviation -> council)."""
    by_stem: dict[str, Council] = {}
    by_name: dict[str, Council] = {}
    by_abbrev: dict[str, Council] = {}
    cores: dict[str, list[Council]] = {}
    for c in councils():
        for s in c.stems:
            by_stem[s] = c
        for n in (c.name, *c.short_forms):
            by_name[normalise(n)] = c
            if re.fullmatch(r"[A-Z&]{3,7}", n):
                by_abbrev[n] = c
        cores.setdefault(core(c.name), []).append(c)
    # "Kent Council", "Kent County Council", "County Council of Kent": the place alone names the
    # council only when exactly one listed body has that place (councils are listed before the
    # fire authorities and parks that share a county's name, whose names do not reduce to it)
    for place, cs in cores.items():
        if len(cs) == 1 and place:
            for form in (f"{place} council", f"{place} county council", f"{place} borough council",
                         f"{place} city council", f"{place} district council", f"{place} county borough council",
                         f"{place} metropolitan borough council", f"city of {place} council",
                         f"borough of {place}", f"london borough of {place}", f"royal borough of {place}"):
                by_name.setdefault(form, cs[0])
    return by_stem, by_name, by_abbrev


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"^\s*(?:[a-z][a-z0-9+.\-]*://)?([^/:?#\s]+)", url, re.IGNORECASE)
    return m.group(1).lower() if m else None


def _label_candidates(label: str) -> list[str]:
    out = [label]
    for suffix in ("-council", "council", "-cc", "cc", "dc", "bc", "-gov"):
        if label.endswith(suffix) and len(label) > len(suffix) + 2:
            out.append(label.removesuffix(suffix))
    return out


def from_url(url: str | None) -> Council | None:
    """The listed body whose minutes site this address is on, or None."""
    host = host_of(url)
    if not host:
        return None
    by_stem = _indexes()[0]
    labels = [x for x in host.split(".") if x]
    # the registrable label (just before gov.uk, moderngov.co.uk, gov.wales ...) is the strongest
    for label in reversed(labels):
        if label in GENERIC_LABELS:
            continue
        for cand in _label_candidates(label):
            if cand in by_stem:
                return by_stem[cand]
    path = url.split(host, 1)[-1] if url else ""
    m = re.match(r"/+([a-z][a-z\-]{2,40})(?:/|$)", path.lower())  # www.example.org/kent/...
    if m and m.group(1) in by_stem:
        return by_stem[m.group(1)]
    return None


def guess_from_url(url: str | None) -> str | None:
    """A readable name from an address that is not listed: 'democracy.newtown.gov.uk' -> 'Newtown Council'."""
    host = host_of(url)
    if not host:
        return None
    core_labels = [x for x in host.split(".") if x and x not in GENERIC_LABELS and not x.startswith("democracy")
                   and not re.fullmatch(r"[a-z]+-?\d+", x)]
    if not core_labels:
        return None
    name = core_labels[-1]
    for suffix in ("-council", "council", "-cc", "cc", "-dc", "-bc"):
        name = name.removesuffix(suffix)
    name = re.sub(r"(?<=[a-z])(county|city|borough|district)$", "", name) or name
    if not name:
        return None
    pretty = name.upper() if len(name) <= 4 else " ".join(w.capitalize() for w in name.split("-"))
    return f"{pretty} Council"


def from_name(name: str | None) -> Council | None:
    """The listed body a written name or short form means ('Kent County Council', 'RBWM', 'NPT')."""
    if not name:
        return None
    by_stem, by_name, by_abbrev = _indexes()
    stripped = name.strip()
    if stripped in by_abbrev:
        return by_abbrev[stripped]
    key = normalise(stripped)
    if key in by_name:
        return by_name[key]
    words = key.split()
    if words and words[-1] == "council" and words[0] in ("of", "at", "by", "and", "to", "from"):
        return by_name.get(" ".join(words[1:]))
    return None


def canonical(name: str | None) -> str | None:
    """The listed official name for a written name, or the name as written when it is not listed."""
    if not name:
        return None
    c = from_name(name)
    return c.name if c else name.strip()


# one character class first, so the engine skips to candidates (panels and boards are hosted by a council)
_NAME_END = re.compile(r"[ABCS](?:ouncil\b|uthority\b|orporation\b|iar\b|orough\s+of\s+)")
_BOROUGH_OF = re.compile(r"Borough\s+of\s+((?:[A-Z][\w'’\-]*\s*(?:and\s+|upon\s+)?){1,4})")


def names_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, Council]]:
    """Listed bodies named in full in the text, with where each starts: read back from each
    'Council' (or 'Authority', 'Borough of ...') up to eight words, longest listed name first."""
    end = len(text) if end is None else end
    by_name = _indexes()[1]
    out: list[tuple[int, Council]] = []
    for a in _NAME_END.finditer(text, start, end):
        if a.group().startswith("Borough"):
            tail = _BOROUGH_OF.match(text, a.start(), a.start() + 80)
            if tail:
                head = text[max(start, a.start() - 20):a.start()]
                for lead in ("Royal ", "London ", ""):
                    if head.endswith(lead):
                        words = tail.group(1).split()
                        for n in range(len(words), 0, -1):
                            c = by_name.get(normalise(lead + "Borough of " + " ".join(words[:n])))
                            if c:
                                out.append((a.start() - len(lead), c))
                                break
                        else:
                            continue
                        break
            continue
        before = text[max(start, a.start() - 24):a.start()].split()
        if not before or not before[-1][:1].isupper() or before[-1] in ("The", "This", "Full"):
            continue  # "the Council", "this Authority": no name before it
        words = normalise(text[max(start, a.start() - 90):a.end()]).split()
        for n in range(min(9, len(words)), 1, -1):
            c = by_name.get(" ".join(words[-n:]))
            if c:
                out.append((a.start(), c))
                break
    return out


# all-capitals words of 3 to 7 letters (one character class first: the engine can skip to it)
_ABBREV = re.compile(r"[A-Z](?<![\w&][A-Z])[A-Z&]{2,6}(?![\w&])")


def abbreviations_in(text: str) -> list[Council]:
    """Listed bodies named in the text by an all-capitals short form ("RBWM", "NPT")."""
    by_abbrev = _indexes()[2]
    return [by_abbrev[m.group()] for m in _ABBREV.finditer(text) if m.group() in by_abbrev]
