"""Find the people a document mentions and group mentions of the same person.

Three ways minutes name people, strongest first: a title ("Councillor R Crute", "Cllr. J. M.
Griffiths", "Mrs Evans"), a name with a job title beside it ("S Tracey, Corporate Equality and
Strategy Manager" or "the Director of Children's Services, Jane Smith"), and a bare name as the
subject of a reporting verb ("Hilary Hall advised"). A job title alone ("The Head of Education and
Skills advised") is a person when it acts, is met ("welcomed the Cabinet Member for Parks"), wrote
the report ("the report of the Director of Public Health"), or is a member's office with its remit
("a decision by the Cabinet Member for Transport"); "to the Director" or "the Lead Member, Directors
and Heads of Service" name no one in particular.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from . import compiled_re as re
from .attendance_lists import read_lists
from .lexicon import (
    ADVERBS,
    COMMITTEE_OFFICE,
    HONORIFICS,
    MEMBER_OFFICE,
    NOT_NAME,
    PARTICLES,
    PARTNER_CUES,
    REMITS,
    ROLE_HEADS,
    SPEECH_VERBS,
    TITLES,
    Lazy,
    at_word_start,
    by_first_letter,
    may_hold,
)
from .records import Mention, Person, Span
from .segment import blocks as split_blocks
from .segment import lowered

_TW = r"(?!(?:The|A|An|In|On|At|Our|Their|His|Her|This|That|These|Those|It|He|She|They|We|And|Of)\b)" \
      r"[A-Z][\w’'\-]*"
# grouped by first letter (lexicon.by_first_letter): every job-title pattern embeds these lists
_HEADS = by_first_letter(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(ROLE_HEADS, key=len, reverse=True))
# a remit runs over a wrapped line but never over a blank one ("... Transport\n\nAdditional documents:")
_SP = r"(?:[ \t\u00a0]|\n(?![ \t\u00a0]*\n))+"
_TAIL = rf"{_TW}(?:{_SP}{_TW})*(?:(?:,{_SP}{_TW}(?:{_SP}{_TW})*)*,?{_SP}(?:and|&){_SP}{_TW}(?:{_SP}{_TW})*)?"
# "Assistant Director – Inclusion & Additional Needs": a dash joins a head to its remit
_REMIT = by_first_letter(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(REMITS, key=len, reverse=True))
ROLE_BODY = rf"(?:{_TW}\s+(?:(?:and|&)\s+)?){{0,6}}(?:{_HEADS})(?:\s+(?:{_HEADS}))?" \
            rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_TAIL}|\s+[–—-]\s+{_TAIL}|" \
            rf"\s+(?:{_REMIT})(?:\s+(?:and|&)\s+(?:{_REMIT}))?)?" \
            rf"(?:[ \t]*\((?=[^()\n]*[a-z])[A-Z][^()\n]{{2,60}}\))?(?![\w’'-])"  # "Officer (Conservation)", not "(DCS)"
ROLE_RE = re.compile(rf"(?P<role>{ROLE_BODY})")
# Page-wide patterns start with one character class and check the word boundary with a look-behind
# after it (lexicon.at_word_start) rather than with "\b": the regex engine then skips ahead to
# candidate characters instead of trying the whole pattern at every position (2-20x faster).
_ROLE_ONLY = re.compile(rf"(?:{at_word_start(['the', 'our'], ignore_case=True)})\s+(?=[A-Z])"  # roles are capitalised
                        rf"(?:(?:Council|Authority)['’]s\s+)?{ROLE_RE.pattern}")
_TITLE = re.compile(rf"(?P<title>{at_word_start(TITLES)})(?=\s)")
_TITLE_PREFIX = re.compile(r"\b(?:County|Borough|District|City|Town|Parish)\s+$")  # "County Councillor"
_HONORIFIC = re.compile(rf"(?P<title>{at_word_start(HONORIFICS)})\.?(?=\s)")
# Names are written in Welsh, Irish and Scottish Gaelic too ("Siân Llŷr", "Ó Súilleabháin"): letters beyond
# ASCII, with a hyphenated surname whose second part may be two words ("O'Neill-Ó Súilleabháin").
_UP = "A-ZÀ-ÖØ-ÞŴŶ"
_LO = "a-zß-öø-ÿŵŷ"
_WORD = rf"[{_UP}][{_LO}’']*[{_LO}](?:[{_UP}][{_LO}]+)?"  # "DuBey", "LeBlanc"
_SURNAME = rf"(?:Mc|Mac|O['’])?{_WORD}(?:-{_WORD}|-[{_LO}’']*[{_LO}]|-[{_UP}]\s+{_WORD})*"
# Police and fire ranks stand before a name as a title does; the rank is the person's role
_RANKS = ["Chief Constable", "Deputy Chief Constable", "Assistant Chief Constable", "Chief Superintendent",
          "Superintendent", "Detective Chief Inspector", "Chief Inspector", "Detective Inspector", "Inspector",
          "Detective Sergeant", "Sergeant", "Sgt", "Constable", "PCSO", "PC", "Station Manager", "Group Manager",
          "Area Manager", "Watch Manager", "Crew Manager"]
_RANK = re.compile(rf"(?P<title>{at_word_start(sorted(_RANKS, key=len, reverse=True))})\.?(?=\s+[A-Z])")
_TOKEN = re.compile(rf"[ \t\u00a0]*(?P<tok>[A-Za-z{_UP}{_LO}][A-Za-z{_UP}{_LO}’'\-]*\.?(?:[A-Z]\.)*)")
_S = r"[ \t\u00a0]+"  # an untitled name stays on its line: "Communities\n\nMoira Wilson" is a heading, then a name
_UNTITLED = re.compile(
    rf"[{_UP}](?<![\w’'\-][{_UP}])(?:\.?{_S}(?:[A-Z]\.?{_S}){{0,2}}|\.?(?=[A-Z][a-z])|[{_LO}]+(?:[-’'][{_UP}][{_LO}]+)?{_S}"
    rf"(?:(?:[A-Z]\.?|[{_UP}][{_LO}]+){_S})?(?:(?:da|de|van|von|le|la|du|di|del){_S})?)"
    rf"{_SURNAME}(?![\w’'\-])"
)
_VERB_AFTER = re.compile(r",?\s+(?:(?:" + "|".join(sorted(ADVERBS)) + r")\s+)*(?P<verb>[A-Za-z]+)")
_APPOSITIVE = re.compile(rf"\s*(?:,\s*(?:the\s+)?(?P<r1>{ROLE_BODY})(?:,\s*[A-Z][^,.;()]{{2,60}}(?=,))?"
                         rf"\s*(?=[,;).]|\s+[a-z]|[ \t]*(?:\n|$))|"  # "Answer from Cllr A, Cabinet Member Resources\n"
                         rf"\(\s*(?:the\s+)?(?P<r2>[^()]{{2,80}})\))")
# searched in the words before a name, where it is tried at every position: a match starts at "the" or at a
# capital (title words and heads are capitalised), and the look-ahead rejects other places before the
# title-word test and the heads' letters are tried there (half the time)
_ROLE_BEFORE = re.compile(rf"(?=[A-Zt])(?:[Tt]he\s+)?{ROLE_RE.pattern}(?:\s*\([A-Z]{{2,6}}\))?\s*,?\s*$")
# "the Director of Children's Services (DCS)" ... later "The DCS advised"
# found from the bracket back: a role pattern tried at every position of a page is the slowest search here
_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,6})\)")
_ROLE_ENDING = Lazy(rf"(?<![\w’'\-]){ROLE_RE.pattern}\s*$")
# surnames: "Crute", "McDaniel", "O'Brien", "Jones-Evans", "ap-Rhys", or in capitals
_NAME_WORD = re.compile(rf"{_SURNAME}(?:-[{_UP}])?$|[A-Z]{{2,}}$")
_INITIALS = re.compile(r"(?:[A-Z]\.?){1,4}$")
_ATTENDING = re.compile(r"\s*(?:was|were)\s+(?:also\s+)?(?:in attendance|present|attended|in the chair)")
_DEPARTMENT = re.compile(r",\s+(?!(?:Councillors?|Cllrs?|Mrs?|Ms|Miss|Dr)\b)"  # "the Leader, Cllr X": no department
                         r"(?P<dept>[A-Z][\w’'&\-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w’'&\-]*){0,3})"
                         r"(?=\s+(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b)")
# "Report of the Executive Director, Communities" ending its line: a service area, as above
_DEPARTMENT_EOL = re.compile(rf",[ \t]+(?P<dept>(?:{_REMIT}))[ \t]*(?=\n|$)")
_OPENING_PHRASE = re.compile(r"(?:^\s*|[.:;]\s+|\n\s*)(?:With|At|On|Following|After|Upon|Through)\s[^.;:,\n]{0,40}$")
_HEADING_BEFORE = re.compile(r"^\s*(?:Supplementary\s+)?(?:Question|Response|Reply|Answer)s?\s+"
                             r"(?:from|by|given\s+by)\s*$",
                             re.IGNORECASE | re.MULTILINE)
_OBJECT_OF = re.compile(r"\b(?:from|by|to|with)\s*$")
_AUTHOR_BEFORE = re.compile(r"(?:of|by|from|to)\s+$")  # "sent to the Director": the object of a phrase
_DOTTED = re.compile(r"(?:[A-Z]\.)+")
_ROLE_ACTS = {"invited", "reminded", "announced", "reported", "proposed", "summed", "sought", "opened", "closed",
              "responded", "introduced", "presented", "attended", "joined", "declared", "confirmed", "moved",
              "received", "undertook", "read", "recorded"}
_MET = r"\b(?:welcomed|thanked|invited|introduced|congratulated|joined\s+by|discussions?\s+with|" \
       r"questions?\s+(?:to|for)|present(?:ation)?\s+from|(?:permission|consent|agreement|invitation)\s+of|" \
       r"(?:informed|advised|told|assured|reassured|answered)\s+by|heard\s+from)"
_SHARED_OFFICE = re.compile(r"(?P<office>(?:Cabinet|Executive|Lead)\s+Members)(?P<remit>\s+(?:for|of)\s+[^()\n]{2,80}?)"
                            r"\s*\((?P<names>(?:Councillors|Cllrs\.?)\s+[^()\n]{3,120})\)")
_MET_BEFORE = re.compile(rf"(?i:{_MET})\s*$")
# "discussions with the Cabinet Member, the Head of Planning and the Lead Commissioner": every post listed
_MET_LIST = re.compile(rf"(?i:{_MET})\s+(?:the\s+)?[A-Z][^.;:()]{{0,160}}?(?:,|\sand|&)\s*$")
_CONTACT_DETAILS = {"email", "e-mail", "tel", "telephone", "phone", "media", "fax", "mobile", "web", "website"}
_CONTACT = re.compile(r"Contact(?:\s+officer)?:[ \t\u00a0]*", re.I)
# "the report of the Director of Communities": the post that wrote it is a person the minutes name
_REPORT_BY = re.compile(r"\b(?:report\s+(?:of|by|from)|(?:prepared|written|produced|compiled|submitted)\s+by)\s*$",
                        re.I)
_SIGNED = re.compile(rf"(?m)^[ \t]*Signed(?:[ \t]+by)?[ \t]*:?[ \t]*(?:(?P<role>[A-Z][A-Za-z ,&'’-]{{2,60}}?):[ \t]*)?"
                     rf"(?P<name>(?:[A-Z]\.?[ \t]*){{0,3}}(?:[{_UP}][{_LO}]+[ \t]+){{0,2}}{_SURNAME})(?![\w’'-])"
                     rf"(?:[ \t]*\((?P<role2>[^()\n]{{2,80}})\))?")
# the words before "from"/"by" that make the names after it speakers heard; found from the literal back
# (each match holds one of _HEARD_WORDS: the case-blind pattern is "\b"-led and tried at every position)
_HEARD_WORDS = ("heard", "deputation", "representation", "statement", "submission", "petition", "supported")
_HEARD_BEFORE = re.compile(r"(?:\bheard|\bdeputation(?:\s+request)?|\b(?:representations?|statements?|submissions?|"
                           r"petition)(?:\s+(?:was|were))?(?:\s+(?:received|made))?|\bsupported)\s+$", re.I)
_FULL_NAME = re.compile(rf"[{_UP}][{_LO}]+(?:[ \t]+[{_UP}][{_LO}]+)?[ \t]+{_SURNAME}(?![\w’'-])")
_MORE_CAPITALS = re.compile(r"[ \t]+[A-Z]")
_HEARD_SEP = re.compile(r"\s*(?:,\s*(?:supported\s+by\s+|and\s+)?|\s+and\s+)")
_JOINED_INITIAL = re.compile(r"[A-Z](?=[A-Z][a-z]{2})")


def _unjoin_initial(name: str) -> str:
    """'TPugh' is T Pugh. A match and a slice: `sub` with a template costs a Python-level call each time."""
    return name[0] + " " + name[1:] if "A" <= name[1:2] <= "Z" and _JOINED_INITIAL.match(name) else name
_HEAD_WORDS = {h for h in ROLE_HEADS if " " not in h}
_REMIT_LIST_GOES_ON = re.compile(r",?\s+(?:and|&)\s+[A-Z]")
_REMIT_BEFORE = re.compile(r"\b(?:of|for)\s+$")
_BY_BEFORE = re.compile(r"\b(?:by|with)\s*$", re.I)
_BARE_OFFICE = re.compile(r"^(?:Cabinet|Executive|Lead)\s+Member$|^Portfolio\s+Holder$|^Leader$|^Deputy\s+Leader$")
_LIST_JOIN = re.compile(r"(?:,|\band)\s*$")
# an aside between a speaker and the verb: "The Chief Executive, in response to Councillor Ahmed, said"
ASIDE = re.compile(r",\s+(?:in\s+(?:response|reply|answer)|responding|replying|answering)(?:\s+to\s+[^,.;]{1,60})?,")
_NEXT_POST = Lazy(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?(?P<role>{ROLE_BODY})")
_AND_POST = Lazy(rf"\s+(?:and|&)\s+(?=(?:{_TW}\s+){{0,4}}(?:{_HEADS})$)")
_MODALS = {"must", "should", "shall", "may", "can", "will", "would", "could", "might"}
_ROLE_GLUE = {"the", "of", "for", "and"}
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class NameParts:
    given: tuple[str, ...]  # initials or first names, as written
    surname: str

    @property
    def initials(self) -> str:
        return "".join(g[0].upper() for g in self.given)

    def compatible(self, other: NameParts) -> bool:
        """Same surname and neither set of given names contradicts the other."""
        if self.surname.lower() != other.surname.lower():
            return False
        a, b = self.initials, other.initials
        if not a or not b:
            return True
        if not (a.startswith(b) or b.startswith(a)):
            return False
        full_a = [g for g in self.given if len(g.rstrip(".")) > 1]
        full_b = [g for g in other.given if len(g.rstrip(".")) > 1]
        return not (full_a and full_b and full_a[0].lower() != full_b[0].lower())


@lru_cache(maxsize=65536)  # the same names recur on every page and in identity resolution
def split_name(name: str) -> NameParts:
    toks = name.replace(".", ". ").split()
    toks = [t for t in toks if t]
    # surname: last token plus any particles before it ("da Costa")
    i = len(toks) - 1
    while i > 0 and toks[i - 1].lower() in PARTICLES:
        i -= 1
    return NameParts(tuple(t.rstrip(".") for t in toks[:i]), " ".join(toks[i:]))


def _read_titled_name(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Read an (initials) (given) (particles) surname run after a title; None if no surname."""
    toks: list[tuple[int, int, str]] = []
    p = pos
    hon = _TOKEN.match(text, p, limit)  # "Cllr Mrs K Walton": the honorific is not part of the name
    if hon and hon.group("tok").rstrip(".") in HONORIFICS and _TOKEN.match(text, hon.end(), limit):
        p = hon.end()
    while len(toks) < 6:
        m = _TOKEN.match(text, p, limit)
        if not m:
            break
        tok = m.group("tok")
        s, e = m.start("tok"), m.end("tok")
        bare = tok.rstrip(".")
        low = bare.lower()
        if low in SPEECH_VERBS or (len(bare) > 1 and low in NOT_NAME and low not in PARTICLES):
            verb = _TOKEN.match(text, e, limit)
            if toks or not bare[:1].isupper() or not (verb and verb.group("tok").lower() in SPEECH_VERBS):
                break  # "Councillor Council asked": a surname that is also a word, when a verb follows
            toks.append((s, e, tok))
            break
        if _INITIALS.fullmatch(bare) or _NAME_WORD.match(bare):
            if tok.endswith(".") and not _INITIALS.fullmatch(bare):
                e -= 1  # sentence end, not an initial
                toks.append((s, e, bare))
                break
            toks.append((s, e, tok))
            p = e
            continue
        if low in PARTICLES:
            nxt = _TOKEN.match(text, e, limit)
            if nxt and _NAME_WORD.match(nxt.group("tok").rstrip(".")):
                toks.append((s, e, tok))
                p = e
                continue
        break
    # the name must end with a surname, not an initial or a particle
    while toks and (_is_initial(toks[-1][2]) or toks[-1][2].lower() in PARTICLES):
        toks.pop()
    if not toks:
        return None
    return toks[0][0], toks[-1][1]


def _is_initial(tok: str) -> bool:
    bare = tok.replace(".", "")
    return bool(_INITIALS.fullmatch(tok.rstrip(".")) and len(bare) <= 3) or bool(_DOTTED.fullmatch(tok))


_LIST_BRACKET = re.compile(r"[ \t]*\([^()\n]{1,80}\)")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:Councillors?|Cllrs?\.?)\s+)?")


def _read_name_list(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """'Councillors A Bell, C Dunn and E Ford' -> three name spans."""
    out: list[tuple[int, int]] = []
    p = pos
    while (span := _read_titled_name(text, p, limit)) is not None:
        out.append(span)
        after = _LIST_BRACKET.match(text, span[1], limit)  # "K. Evans (Ceredigion County Council), L. George"
        sep = _LIST_SEP.match(text, after.end() if after else span[1], limit)
        if not sep:
            break
        p = sep.end()
    return out


def role_kind(role: str | None) -> str:
    if role and MEMBER_OFFICE.search(role):
        return "councillor"
    if role and PARTNER_CUES.search(role):
        return "other"
    return "officer"


def clean_role(role: str) -> str:
    return _SPACES.sub(" ", role).strip(" ,")


@lru_cache(maxsize=8192)
def norm_role(role: str | None) -> str:
    ws = _WORDS.findall((role or "").lower())
    while ws and ws[0] in {"the", "a", "an"}:
        ws = ws[1:]
    return " ".join(ws)


def same_role(a: str | None, b: str | None) -> bool:
    """Equal job titles up to spelling drift ("Equality"/"Equalities")."""
    na, nb = norm_role(a), norm_role(b)
    if not (na and nb):
        return False
    if na == nb:
        return True
    # drift changes endings, not words: "Assistant Director Finance" is not "... Governance"
    return ratio(na, nb) >= 85 and _role_stems(na) == _role_stems(nb)


@lru_cache(maxsize=4096)
def _role_stems(norm: str) -> frozenset[str]:
    return frozenset(w[:5] for w in norm.split() if len(w) > 1 and w not in _ROLE_GLUE)


class PeopleFinder:
    """Collects mentions for one document and clusters them into `Person`s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.people: list[Person] = []
        self._parts: dict[int, NameParts] = {}
        self._taken: list[tuple[int, int]] = []  # sorted spans already claimed by a mention

    # -- public -------------------------------------------------------------------------------
    def find(self, start: int = 0, end: int | None = None) -> list[Person]:
        end = len(self.text) if end is None else end
        self._titled(start, end)
        self._honorific(start, end)
        self._ranked(start, end)
        self._contacts(start, end)
        self._signatures(start, end)
        self._speakers_heard(start, end)
        self._attendance_lists(start, end)
        self._untitled(start, end)
        self._role_name(start, end)
        self._role_only(start, end)
        self._role_acronyms(start, end)
        self._listed_posts(start, end)
        self._shared_offices(start, end)
        self._bare_surnames(start, end)
        for p in self.people:
            p.mentions.sort(key=lambda m: m.span.start)
        self.people.sort(key=lambda p: p.first_span.start)
        for i, p in enumerate(self.people, 1):
            p.key = f"p{i}"
        return self.people

    # -- mention kinds ----------------------------------------------------------------------------
    def _overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self._taken, (e, -1))
        return any(ts < e and s < te for ts, te in self._taken[max(0, i - 2):i])

    def _take(self, s: int, e: int) -> None:
        bisect.insort(self._taken, (s, e))

    def _titled(self, start: int, end: int) -> None:
        for m in _TITLE.finditer(self.text, start, end):
            prefix = _TITLE_PREFIX.search(self.text, max(start, m.start() - 20), m.start())
            m_start = prefix.start() if prefix else m.start()
            plural = m.group("title").lower().startswith(("councillors", "cllrs"))
            spans = (_read_name_list(self.text, m.end(), end) if plural
                     else [s for s in [_read_titled_name(self.text, m.end(), end)] if s])
            for i, (s, e) in enumerate(spans):
                ms = m_start if i == 0 else s
                self._add_named(self.text[s:e], Span(ms, e), "councillor", name_span=(s, e),
                                mention_kind="name")

    def _honorific(self, start: int, end: int) -> None:
        self._before_name(_HONORIFIC, start, end, mention_kind="honorific", rank=False)

    def _ranked(self, start: int, end: int) -> None:
        self._before_name(_RANK, start, end, mention_kind="name", rank=True)

    def _before_name(self, pattern: re.Pattern, start: int, end: int, *, mention_kind: str, rank: bool) -> None:
        """'Mrs Evans', 'Chief Inspector Ravi Sood': a word before a name; a rank is also the role."""
        for m in pattern.finditer(self.text, start, end):
            span = _read_titled_name(self.text, m.end(), end)
            if not span or self._overlaps(m.start(), span[1]):
                continue
            s, e = span
            self._add_named(self.text[s:e], Span(m.start(), e), "other", name_span=(s, e),
                            mention_kind=mention_kind, role=m.group("title") if rank else None)

    def _contacts(self, start: int, end: int) -> None:
        """ModernGov meeting pages name the clerk: 'Contact: Ann Bolt'."""
        low = lowered(self.text)
        if low is not None and "contact" not in low:  # most pages name none: one substring test
            return
        for c in _CONTACT.finditer(self.text, start, end):
            line_end = self.text.find("\n", c.end())  # the name ends with its line: "Contact: Ann Bolt \n\nItems"
            m = _UNTITLED.match(self.text, c.end(), end if line_end < 0 else min(end, line_end))
            if not m or self._overlaps(m.start(), m.end()):
                continue
            name = m.group(0)
            words = name.split()
            while words and words[-1].lower() in _CONTACT_DETAILS:  # "Contact: Ann Bolt Email: ..."
                words.pop()
            if len(words) < 2 or any(w.lower().rstrip(".") in NOT_NAME for w in words):
                continue  # "Contact: Democratic Services"
            e = m.start() + name.index(words[-1], len(" ".join(words[:-1]))) + len(words[-1])
            self._add_named(self.text[m.start():e], Span(m.start(), e), "officer", name_span=(m.start(), e),
                            mention_kind="name")

    def _attendance_lists(self, start: int, end: int) -> None:
        """'Present: A Powrie (Chair), B Marks and C Walker' and 'Officers: D Lee (Clerk)': names with no title.

        The lists are read by attendance_lists.read_lists, the one reader the attendance events use too.
        Under 'Officers' or 'In attendance' people are officers unless their role says
        otherwise; under 'Present', 'Members' or 'Apologies' they are members.
        """
        blocks = [b for b in split_blocks(self.text) if start <= b.span.start < end]
        for entry in read_lists(self.text, blocks):
            s, e = entry.name_span.start, entry.name_span.end
            if self._overlaps(s, e):
                continue
            words = entry.name.split()
            if len(words) < 2 and not entry.bracket:
                continue  # a lone word is too weak a name
            if any(w.lower().rstrip(".") in NOT_NAME for w in words):
                continue
            role = clean_role(entry.bracket) if entry.bracket and ROLE_RE.search(entry.bracket) else None
            kind = "officer" if entry.officers else "councillor"
            who = role_kind(role) if role and kind == "officer" else kind
            self._add_named(self.text[s:e], Span(s, e), who, name_span=(s, e), mention_kind="name", role=role)

    def _signatures(self, start: int, end: int) -> None:
        """Decision records end 'Signed J Ames (Cabinet Member for Housing)', 'Signed Leader: M Ross'."""
        if self.text.find("Signed", start, end) < 0:  # every match holds it; few pages do, and a line-start
            return  # pattern is tried at every position of the page
        for m in _SIGNED.finditer(self.text, start, end):
            s, e = m.span("name")
            if self._overlaps(s, e):
                continue
            role = clean_role(m.group("role") or m.group("role2") or "") or None
            self._add_named(m.group("name"), Span(s, e), role_kind(role) if role else None, name_span=(s, e),
                            mention_kind="name", role=role)

    def _speakers_heard(self, start: int, end: int) -> None:
        """'a deputation request from Ann Bolt, Ray Cole and Sue Dee', 'heard from Ann Bolt, supported by
        Ray Cole': members of the public named without titles (kind other)."""
        for p in self._heard_cues(start, end):
            while (m := _FULL_NAME.match(self.text, p, end)) is not None:
                words = m.group(0).split()
                if any(w.lower() in NOT_NAME or w in _HEAD_WORDS for w in words) or _MORE_CAPITALS.match(
                        self.text, m.end(), end):
                    break  # "Marchwood Park Residents Association" is a body, not a person
                if not self._overlaps(m.start(), m.end()):
                    self._add_named(m.group(0), Span(m.start(), m.end()), "other", name_span=m.span(),
                                    mention_kind="name")
                sep = _HEARD_SEP.match(self.text, m.end(), end)
                if not sep:
                    break
                p = sep.end()

    def _heard_cues(self, start: int, end: int) -> list[int]:
        """Where the names start after 'heard from', 'a deputation from', 'supported by' ..."""
        out = []
        for word in ("from ", "by "):
            i = self.text.find(word, start, end)
            while i >= 0:
                before = self.text[max(start, i - 60):i]
                if i > start and not self.text[i - 1].isalnum() and may_hold(before, before.lower(), _HEARD_WORDS) \
                        and _HEARD_BEFORE.search(self.text, max(start, i - 60), i) and (
                            word == "from " or self.text[max(start, i - 12):i].rstrip().lower().endswith("supported")):
                    out.append(i + len(word))
                i = self.text.find(word, i + len(word), end)
        return sorted(out)

    def _untitled(self, start: int, end: int) -> None:
        for m in _UNTITLED.finditer(self.text, start, end):
            s, e = m.start(), m.end()
            if self.text[e:e + 1] not in (" ", ",", "(", "\u00a0") and not (
                    self.text[e:e + 1] in (".", ";", "\n", "") and _role_before(self.text, s)):
                continue  # a name is followed by its verb, its title or a bracket, or ends "..., the Lead, Ann Bolt."
            name = m.group(0)
            words = _unjoin_initial(name).replace(".", " ").split()
            if any(len(w) > 1 and (w.lower() in NOT_NAME or w.lower() in SPEECH_VERBS) for w in words):
                continue
            if self._overlaps(s, e) or len(words) < 2 or _REMIT_BEFORE.search(self.text, max(0, s - 5), s) or \
                    words[-1] in _HEAD_WORDS:  # "Police and Crime Commissioner": a post, not "Crime Commissioner"
                continue  # "the Minister for Rural Affairs said": the end of a job title, not a name
            after = self.text[e:e + 160]
            ap = _APPOSITIVE.match(after) if after[:2].lstrip()[:1] in (",", "(") else None
            if ap and not ap.group("r1") and not ROLE_RE.search(ap.group("r2")):
                ap = None  # "Welsh Government’s (WG)": a bracket that holds no post makes no one a person
            verb = _VERB_AFTER.match(after)
            role = None
            if ap:
                role = ap.group("r1") or ap.group("r2")
            elif not (verb and verb.group("verb").lower() in SPEECH_VERBS) and not _role_before(
                    self.text, s):
                continue
            role = role or _role_before(self.text, s)
            if role and (" for " in role or " of " in role) and _REMIT_LIST_GOES_ON.match(after):
                continue  # "Cabinet Member for Transport, Street Scene, and Flooding": a remit, not a name
            self._add_named(name, Span(s, e), None, name_span=(s, e), mention_kind="name",
                            role=clean_role(role) if role else None)

    def _role_name(self, start: int, end: int) -> None:
        """Roles written before/after a titled name: 'The Chair, Councillor Smith,'.

        A councillor's appositive is only taken when it is a member's office: in "a question from
        Councillor Quinn, the Strategy Team Leader confirmed" the title belongs to someone else.
        """
        for person in self.people:
            for mention in person.mentions:
                if person.role:
                    break
                rb = _role_before(self.text, mention.span.start)
                if rb:
                    person.role = clean_role(rb)
                    rs = self.text.rfind(rb, max(0, mention.span.start - 120), mention.span.start)
                    if rs >= 0 and not self._overlaps(rs, rs + len(rb)):
                        self._take(rs, rs + len(rb))  # "the Leader, Cllr X": one person, not a post beside them
                    break
                ap = _APPOSITIVE.match(self.text, mention.span.end, min(end, mention.span.end + 160))
                if _OBJECT_OF.search(self.text[max(0, mention.span.start - 12):mention.span.start]) and not (
                        ap and ("\n" in self.text[ap.end() - 1:ap.end() + 1] or ap.end() >= len(self.text))):
                    continue  # ... unless the post ends its line: "Answer from Cllr A, Cabinet Member Resources"
                if ap:
                    r = ap.group("r1") or ap.group("r2")
                    if r and ROLE_RE.search(r) and (person.kind != "councillor" or MEMBER_OFFICE.search(r)):
                        person.role = clean_role(r)
                        break
        for person in self.people:
            if person.kind == "other" and person.role and role_kind(person.role) != "other":
                person.kind = role_kind(person.role)

    def _role_only(self, start: int, end: int) -> None:
        for m in _ROLE_ONLY.finditer(self.text, start, end):
            s, e = m.start(), m.end()
            if self._overlaps(s, e):
                continue
            before = self.text[max(0, s - 30):s]
            heading = bool(_HEADING_BEFORE.search(before))  # "Response from the Leader of the Council"
            role = clean_role(m.group("role"))
            # "a decision by the Cabinet Member for Transport", "seconded by the Vice-Chair": a member's office
            # names one person in the meeting; an officer's ("a report of the Director") only when they act
            office = bool(MEMBER_OFFICE.search(role)) and (" for " in role or " of " in role or bool(
                _BY_BEFORE.search(before)))
            if _AUTHOR_BEFORE.search(before.lower()) and not heading and not office and not _REPORT_BY.search(before) \
                    and not _MET_BEFORE.search(before):  # "a presentation from the Lead for Parks": present
                continue
            dept = _DEPARTMENT.match(self.text, e, min(end, e + 60)) or _DEPARTMENT_EOL.match(self.text, e, end)
            # "the Assistant Director, Highways explained"; not "the Head of Planning, Ann Bolt, said"
            if dept and not self._overlaps(dept.start("dept"), dept.end("dept")):
                role = f"{role}, {dept.group('dept')}"
                e = dept.end("dept")
            aside = ASIDE.match(self.text, e, min(end, e + 90))  # "The Chief Executive, in response to A, said"
            after = self.text[aside.end() if aside else e:(aside.end() if aside else e) + 60]
            verb = _VERB_AFTER.match(after)
            word = verb.group("verb").lower() if verb else ""
            # acting ("advised", "invited X to speak"), present ("welcomed the Cabinet Member"), or listed
            # beside another office holder ("the Head of X and the Strategic Lead Commissioner")
            acts = (office or heading or bool(_REPORT_BY.search(before)) or word in SPEECH_VERBS
                    or word in _ROLE_ACTS or bool(_ATTENDING.match(after))
                    or bool(_MET_BEFORE.search(before)) or self._listed_after_role(s, before)
                    or bool(_MET_LIST.search(self.text, max(0, s - 200), s)))
            if not acts or word in _MODALS:  # "questions to the Portfolio Holder must be ...": a rule, not an event
                continue
            mention = Mention(self.text[s:e], Span(s, e), "role")
            holder = next((p for p in self.people if same_role(p.role, role)), None) or self._sole_holder(role)
            if holder is None:
                if office and _BARE_OFFICE.match(role) and word not in SPEECH_VERBS and word not in _ROLE_ACTS:
                    continue  # "(as well as the Cabinet Member)" with no holder named: too vague to be a person
                holder = Person(key="", name=None, kind=role_kind(role), role=role)
                self.people.append(holder)
            holder.mentions.append(mention)
            self._take(s, e)

    def _sole_holder(self, role: str) -> Person | None:
        """'the Lead Member' after 'Cllr Ames, Lead Member for Adults': the one person whose post it shortens.

        So too 'the Director' after 'the Director of Resources', or 'the Principal Planning Officer'
        after 'the Principal Planning Officer (Conservation)', while only one post fits.
        """
        short = norm_role(role)
        holders = [p for p in self.people if p.role and norm_role(p.role).startswith(short + " ")]
        return holders[0] if len(holders) == 1 else None

    def _listed_after_role(self, s: int, before: str) -> bool:
        if not _LIST_JOIN.search(before):
            return False
        i = bisect.bisect_left(self._taken, (s, -1))
        return i > 0 and s - self._taken[i - 1][1] <= 8 and any(
            m.kind == "role" and m.span.end == self._taken[i - 1][1] for p in self.people for m in p.mentions)

    def _listed_posts(self, start: int, end: int) -> None:
        """'The Cabinet Member (Cllr A), Director of Communities and Senior Health Officer presented':
        posts listed without "the" after someone already found, when the list ends in their verb."""
        # after a post, or after a name in brackets ("(Councillor A),"); "Tom Reid, Head of X," is an apposition
        ends = sorted({m.span.end for p in self.people for m in p.mentions if start <= m.span.end <= end and (
            m.kind == "role" or self.text.startswith(")", m.span.end))})
        for pos in ends:
            chain: list[tuple[int, int, str]] = []
            at = pos + (1 if self.text.startswith(")", pos) else 0)
            while (m := _NEXT_POST.match(self.text, at, end)) is not None and not self._overlaps(m.start("role"),
                                                                                                  m.end("role")):
                rs, re_ = m.start("role"), m.end("role")
                # in a list of posts, "Director of Communities and Senior Health Officer" is two of them
                split = _AND_POST.search(self.text, rs, re_)
                if split and ROLE_RE.fullmatch(self.text, rs, split.start()):
                    chain.append((rs, split.start(), clean_role(self.text[rs:split.start()])))
                    rs = split.end()
                chain.append((rs, re_, clean_role(self.text[rs:re_])))
                at = m.end()
            verb = _VERB_AFTER.match(self.text, at, min(end, at + 40)) if chain else None
            word = verb.group("verb").lower() if verb else ""
            if not (word in SPEECH_VERBS or word in _ROLE_ACTS):
                continue
            for s, e, role in chain:
                holder = next((p for p in self.people if same_role(p.role, role)), None)
                if holder is None:
                    holder = Person(key="", name=None, kind=role_kind(role), role=role)
                    self.people.append(holder)
                holder.mentions.append(Mention(self.text[s:e], Span(s, e), "role"))
                self._take(s, e)

    def _shared_offices(self, start: int, end: int) -> None:
        """'Cabinet Members for Children (Councillors A & B)': a portfolio two members hold jointly."""
        for m in _SHARED_OFFICE.finditer(self.text, start, end):
            role = clean_role(m.group("office").replace("Members", "Member") + m.group("remit"))
            for p in self.people:
                if p.role is None and any(m.start("names") <= x.span.start < m.end("names") for x in p.mentions):
                    p.role = role

    def _role_acronyms(self, start: int, end: int) -> None:
        """'The DCS advised' after 'the Director of Children's Services (DCS)' was written out."""
        for a in _ACRONYM.finditer(self.text, start, end):
            m = _ROLE_ENDING.search(self.text, max(start, a.start() - 200), a.start())
            if not m:
                continue
            role, acr = clean_role(m.group("role")), a.group("acr")
            holder = next((p for p in self.people if same_role(p.role, role)), None)
            for use in re.finditer(rf"\b[Tt]he\s+{acr}\b", self.text[start:end]):
                s, e = start + use.start(), start + use.end()
                verb = _VERB_AFTER.match(self.text, e, min(end, e + 40))
                if self._overlaps(s, e) or not (verb and verb.group("verb").lower() in SPEECH_VERBS):
                    continue
                if holder is None:
                    holder = Person(key="", name=None, kind=role_kind(role), role=role)
                    self.people.append(holder)
                holder.mentions.append(Mention(self.text[s:e], Span(s, e), "role"))
                self._take(s, e)

    def _bare_surnames(self, start: int, end: int) -> None:
        """'Minns said' after 'Nigel Minns' was introduced."""
        by_surname = {parts.surname: p for p in self.people
                      if (parts := self._parts.get(id(p))) and len(parts.surname) >= 3}
        if not by_surname:
            return
        # plain string search: compiling a fresh regex of this page's surnames costs more than it saves
        text = self.text
        for surname, person in sorted(by_surname.items()):
            s = text.find(surname, start, end)
            while s >= 0:
                e = s + len(surname)
                bounded = (s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "’'-")) and \
                    (e >= len(text) or not text[e].isalnum())
                if bounded and not self._overlaps(s, e):
                    verb = _VERB_AFTER.match(text, e, min(end, e + 40))
                    if verb and verb.group("verb").lower() in SPEECH_VERBS:
                        person.mentions.append(Mention(text[s:e], Span(s, e), "name"))
                        self._take(s, e)
                s = text.find(surname, e, end)

    # -- clustering -------------------------------------------------------------------------------
    def _add_named(self, name: str, span: Span, kind: str | None, *, name_span: tuple[int, int],
                   mention_kind: str, role: str | None = None) -> None:
        name = _unjoin_initial(name)  # "TPugh" is T Pugh
        parts = split_name(name)
        if parts.surname.lower() in NOT_NAME and kind != "councillor":  # a title vouches for "Councillor Council"
            return
        mention = Mention(self.text[span.start:span.end], span, mention_kind)
        self._take(span.start, span.end)
        for person in self.people:
            existing = self._parts.get(id(person))
            if existing and existing.compatible(parts) and _kinds_agree(person.kind, kind):
                person.mentions.append(mention)
                if len(parts.given) > len(existing.given) or (
                        parts.given and existing.given and len(parts.given[0]) > len(existing.given[0])):
                    self._parts[id(person)] = parts
                    person.name = " ".join((*parts.given, parts.surname))
                if kind == "councillor":
                    person.kind = "councillor"
                if role and not person.role:
                    person.role = role
                return
        resolved_kind = kind or role_kind(role)
        if kind == "other" and role:
            resolved_kind = role_kind(role)
        person = Person(key="", name=" ".join((*parts.given, parts.surname)), kind=resolved_kind, role=role,
                        mentions=[mention])
        self.people.append(person)
        self._parts[id(person)] = parts


def _kinds_agree(existing: str, new: str | None) -> bool:
    if new is None or new == "other" or existing == new:
        return True
    return existing == "other"


def _role_before(text: str, pos: int) -> str | None:
    """'The Director of Children's Services, Jane Smith' or 'The Interim Director (Mrs K Oduya)'."""
    window = text[max(0, pos - 120):pos].rstrip()
    if not window.endswith((",", "(")):
        return None
    window = window[:-1].rstrip() + ","
    m = _ROLE_BEFORE.search(window)
    if not m or not window[m.start():].rstrip().endswith(","):
        return None
    if _OPENING_PHRASE.search(window, 0, m.start()):
        return None  # "With the permission of the Chairperson, Councillor Ames spoke": not the Chairperson
    return m.group("role")


def is_committee_office(role: str | None) -> bool:
    return bool(role and COMMITTEE_OFFICE.match(norm_role(role)))
