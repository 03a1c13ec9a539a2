"""Write realistic fictional agenda items, with the gold answers for each.

Used for the bundled sample corpus (fixed seed) and by `councilgraph generate N` for benchmarks and
scale tests. Every item is written in one of the layouts real minutes use (paragraphs, bullets,
numbered paragraphs, "In response to a question from ...", unnamed members, role-only officers,
pronoun follow-ups) and the gold records exactly who asked what and who answered.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from councilgraph.loaders.extract.periods import fiscal_year_label, quarter_dates

from .world import CONCERNS, COUNCILS, Concern, Council, Person

WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four"}
ORD = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]


@dataclass
class GoldPerson:
    name: str | None
    kind: str
    role: str | None
    mentions: list[str] = field(default_factory=list)
    surname: str | None = None

    @property
    def ref(self) -> str:
        return self.name or self.role or "unknown"


@dataclass
class Doc:
    """One agenda item being written, with its gold answers."""

    rng: random.Random
    council: Council
    committee: str
    year: int
    paras: list[str] = field(default_factory=list)
    people: dict[Person, GoldPerson] = field(default_factory=dict)
    questions: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)
    attendance: list[dict] = field(default_factory=list)
    styles: dict[Person, str] = field(default_factory=dict)
    last: Person | None = None

    # -- mentions ---------------------------------------------------------------------------------
    def member(self, p: Person, *, start: bool = True) -> str:
        """A councillor's mention, in this document's style for them."""
        style = self.styles.get(p)
        first = style is None
        if first:
            style = self.rng.choice(["full", "surname", "cllr", "initial", "initial_dot", "county"])
            if style == "county" and not self.council.county:
                style = "surname"
            self.styles[p] = style
        forms = {
            "full": (f"Councillor {p.given} {p.surname}" if first else f"Councillor {p.surname}"),
            "surname": f"Councillor {p.surname}",
            "cllr": f"Cllr {p.surname}",
            "initial": f"Councillor {p.given[0]} {p.surname}",
            "initial_dot": f"Cllr. {p.given[0]}. {p.surname}",
            "county": f"County Councillor {p.surname}",
        }
        text = forms[style]
        name = {"full": f"{p.given} {p.surname}", "initial": f"{p.given[0]} {p.surname}",
                "initial_dot": f"{p.given[0]}. {p.surname}"}.get(style, p.surname)
        g = self.people.setdefault(p, GoldPerson(name, "councillor", None, surname=p.surname))
        if len(name) > len(g.name or ""):
            g.name = name
        g.mentions.append(text)
        self.last = p
        return text

    def officer(self, p: Person, *, start: bool = True) -> str:
        role = p.role_in(self.year)
        g = self.people.get(p)
        the = "The" if start else "the"
        if g is None:
            style = self.rng.choice(["name_role", "role_name", "initial_role", "role_only", "name_only",
                                     "name_bracket"])
            name = f"{p.given} {p.surname}"
            texts = {
                "name_role": (f"{name}, {role},", name, role),
                "role_name": (f"{the} {role}, {name},", name, role),
                "initial_role": (f"{p.given[0]} {p.surname}, {role},", f"{p.given[0]} {p.surname}", role),
                "role_only": (f"{the} {role}", None, role),
                "name_only": (name, name, None),
                "name_bracket": (f"{name} ({role})", name, role),
            }
            text, gname, grole = texts[style]
            self.people[p] = GoldPerson(gname, "officer", grole, [text], surname=p.surname if gname else None)
        else:
            text = f"{the} {g.role}" if g.role else (g.name or "")
            g.mentions.append(text)
        self.last = p
        return text

    def mention(self, p: Person, start: bool = True) -> str:
        return self.member(p, start=start) if p.kind == "councillor" else self.officer(p, start=start)

    def ref(self, p: Person) -> str:
        return self.people[p].ref

    # -- gold ---------------------------------------------------------------------------------------
    def gold(self, name: str, url: str | None, meeting: date, title: str, number: str | None,
             period: dict | None) -> dict:
        return {
            "doc": name, "url": url, "council": {"name": self.council.name, "source": "generator"},
            "committee": self.committee, "meeting_date": meeting.isoformat(),
            "items": [{"number": number, "title": title, "report_period": period}],
            "people": [{"name": g.name, "kind": g.kind, "role": g.role, "mentions": g.mentions}
                       for g in self.people.values()],
            "questions": self.questions, "indicators": self.indicators, "resolutions": self.resolutions,
            "actions": self.actions, "attendance": self.attendance,
        }


def _period_title(rng: random.Random, q: int, fy: int, service: str) -> tuple[str, str]:
    """(title, body sentence about the period)."""
    yy = f"{(fy + 1) % 100:02d}"
    s, e = quarter_dates(fy, q)
    months = f"{MONTH[s.month - 1]} to {MONTH[e.month - 1]} {e.year}"
    choice = rng.randrange(6)
    if choice == 0:
        return f"Q{q} {fy}-{yy} Performance Management Report", \
            f"The report covered performance in and to the end of quarter {WORDS[q].lower()}, {months}."
    if choice == 1:
        return f"Quarter {WORDS[q]} {fy}/{yy} Performance and Risk Report", \
            f"The report set out performance for quarter {WORDS[q].lower()}, {months}."
    if choice == 2:
        return f"Performance Report - {ORD[q]} Qtr {fy}/{yy}", \
            f"Members were presented with performance for the {ORD[q]} quarter of {fy}/{yy}."
    if choice == 3:
        return f"{service} Performance Update", \
            f"The report covered performance for quarter {WORDS[q].lower()}, {months}."
    if choice == 4:
        return "Quarterly Progress Report", \
            f"The report provided an overview of progress for the period {s.day} {MONTH[s.month - 1]} to " \
            f"{e.day} {MONTH[e.month - 1]} {e.year}."
    p = q * 3
    return f"Budget Monitoring Report - Period {p} {fy}/{yy}", \
        f"The report set out the forecast outturn position at Period {p}."


def write_item(rng: random.Random, n: int, council: Council | None = None) -> tuple[str, dict, dict]:
    """One agenda item: (text, gold, manifest row). gold["_keys"] maps people to identity keys."""
    council = council or rng.choice(COUNCILS)
    concern_pool = list(CONCERNS)
    committee = rng.choice(council.committees)
    year = rng.choice([2021, 2022, 2023, 2024])
    q = rng.randint(1, 4)
    doc = Doc(rng, council, committee, year)
    service = {"Children": "Children's Services", "Adults": "Adult Social Care", "People": "People Directorate",
               "Place": "Place Directorate", "Housing": "Housing Services"}.get(committee.split()[0],
                                                                             "Corporate")
    title, period_sentence = _period_title(rng, q, year, service)
    qs, qe = quarter_dates(year, q)
    meeting = qe + timedelta(days=rng.randint(35, 75))
    author = rng.choice(["the Chief Executive", "the Corporate Director of Resources",
                         "the Director of Children's Services", "the Head of Performance"])
    number = str(rng.randint(3, 12)) if rng.random() < 0.4 else None
    presenter = rng.choice(council.officers)
    lead = doc.officer(presenter)
    concerns = rng.sample(concern_pool, k=rng.randint(2, 3))

    opening = rng.choice([
        f"The Committee received a report of {author} which presented an overview of progress against the "
        f"council's priorities (for copy see file of Minutes).",
        f"The Committee considered the report of {author}, which provided an overview of performance "
        f"(for copy of report, see file of minutes).",
        f"The Panel considered a report of {author} on performance against the Council Plan.",
    ])
    doc.paras.append(opening + " " + period_sentence)
    doc.people[presenter].mentions[-1:] = doc.people[presenter].mentions[-1:]
    intro_ind = concerns[0].indicator
    intro = f"{lead} presented the report and highlighted the key areas of improvement and challenge."
    if intro_ind:
        name, v1, v2, direction = intro_ind
        verb = "reduced" if direction == "down" else "increased"
        intro += f" The {name} had {verb} from {v1} in {MONTH[qs.month - 1]} to {v2}."
        doc.indicators.append({"name": name, "values": [v1, v2], "direction": direction,
                               "evidence": f"{name} had {verb} from {v1} to {v2}"})
    doc.paras.append(intro)
    doc.last = presenter

    layout = rng.choice(["paragraphs", "bullets", "numbered", "paragraphs"])
    if layout == "bullets":
        doc.paras.append("The following questions and comments were raised, with responses as indicated:")
    members = [p for p in council.councillors if not p.office]
    rng.shuffle(members)
    officers = list(council.officers)
    para_no = 1
    for i, concern in enumerate(concerns):
        asker = members[i % len(members)]
        responder = rng.choice(officers)
        exchange = _exchange(doc, rng, concern, asker, responder)
        if layout == "bullets":
            doc.paras.append("• " + " ".join(exchange))
        elif layout == "numbered":
            doc.paras.append(f"{number or 5}.{para_no} " + " ".join(exchange))
            para_no += 1
        else:
            doc.paras.extend(exchange)
    if rng.random() < 0.35:
        supporter = members[-1]
        doc.paras.append(f"{doc.member(supporter)} welcomed the improvement in performance and thanked officers "
                         f"for their hard work.")
    if rng.random() < 0.3:
        leaver = members[-2]
        doc.paras.append(f"{doc.member(leaver)} left the meeting at 11.{rng.randint(10, 59)}am")
        doc.attendance.append({"person": doc.ref(leaver), "event": "left"})

    followup = next((c.followup for c in concerns if c.followup), None)
    res = ["That the report be noted."]
    if followup and rng.random() < 0.6:
        res.append(f"That {followup} be provided to Members.")
        doc.actions.append(f"{followup} to be provided to Members")
    if len(res) == 1:
        doc.paras.append("Resolved: That the report be noted.")
    else:
        doc.paras.append("Resolved:")
        doc.paras.extend(f"({'i' * (k + 1)}) {r}" for k, r in enumerate(res))
    doc.resolutions.extend(res)

    header = ["Agenda item", "", title, ""]
    meeting_line = None
    if rng.random() < 0.35:
        header = ["Issue - meetings", "", title, "",
                  f"Meeting: {meeting.strftime('%d/%m/%Y')} - {committee} (Item {number or 6})", "",
                  f"{number or 6} {title} pdf icon PDF {rng.randint(200, 900)} KB", ""]
        meeting_line = True
        number = number or "6"
    body = header + ["Minutes:", ""] + [p + "\n" for p in doc.paras] + ["Supporting documents:", ""]
    text = "\n".join(body)
    name = f"{n:04d}_{_slug(council.name)}.txt"
    period = {"fiscal_year": fiscal_year_label(year), "quarter": q, "start": qs.isoformat(),
              "end": qe.isoformat()}
    url = f"https://{council.host}/mgAi.aspx?ID={10000 + n}"
    gold = doc.gold(name, url, meeting, title, number if meeting_line or number else None, period)
    row = {"file": name, "url": url, "council": council.name if rng.random() < 0.7 else "",
           "committee": committee if not meeting_line else "",
           "meeting_date": meeting.isoformat()}
    gold["committee"] = committee
    gold["_keys"] = {f"{council.name}|{p.given} {p.surname}": _identity_key(g) for p, g in doc.people.items()}
    return text, gold, row


def _identity_key(g: GoldPerson) -> str:
    """The scorer's person key: surname, or 'role:' + role when the text never names them."""
    if g.name:
        return g.name.replace(".", " ").split()[-1].lower()
    return "role:" + " ".join(w for w in (g.role or "").lower().replace("'", " ").split())


def _exchange(doc: Doc, rng: random.Random, c: Concern, asker: Person, responder: Person) -> list[str]:
    """One question-and-answer exchange in one of the ways minutes record them."""
    style = rng.choice(["plain", "plain", "concern", "explicit", "followup", "unnamed", "implicit",
                        "passive", "framed"])
    answer = rng.choice(c.answers)
    out: list[str] = []
    if style == "explicit":
        m = doc.member(asker)
        r = doc.officer(responder, start=False)
        sent = f"In response to a question from {m} about {c.np}, {r} confirmed that {answer}."
        doc.questions.append({"asker": doc.ref(asker), "responders": [doc.ref(responder)],
                              "concern_group": c.group, "evidence": sent})
        return [sent]
    if style == "implicit":
        r = doc.officer(responder)
        sent = f"{r} responded to questions from Members on {c.np}, stating that {answer}."
        doc.questions.append({"asker": "unnamed member", "responders": [doc.ref(responder)],
                              "concern_group": c.group, "evidence": sent})
        return [sent]
    if style == "unnamed":
        qs = f"A Member asked {rng.choice(c.questions)}."
        r = doc.officer(responder)
        out = [qs, f"{r} explained that {answer}."]
        doc.questions.append({"asker": "unnamed member", "responders": [doc.ref(responder)],
                              "concern_group": c.group, "evidence": qs})
        return out
    m = doc.member(asker)
    if style == "concern":
        qs = f"{m} expressed concern that {rng.choice(c.concerns)}."
    elif style == "framed":
        qs = f"{m} referred to {c.np} in the report. {asker.pronoun} asked {rng.choice(c.questions)}."
    else:
        qs = f"{m} asked {rng.choice(c.questions)}."
    doc.questions.append({"asker": doc.ref(asker), "responders": [], "concern_group": c.group, "evidence": qs})
    q_entry = doc.questions[-1]
    out.append(qs)
    if style == "followup" and len(c.questions) > 1:
        q2 = f"{asker.pronoun} also asked {c.questions[-1]}."
        out.append(q2)
        doc.questions.append({"asker": doc.ref(asker), "responders": [], "concern_group": c.group,
                              "evidence": q2})
    if style == "passive":
        out.append(f"Members were advised that {answer}.")
        return out
    r = doc.officer(responder)
    verb = rng.choice(["explained", "responded", "advised", "confirmed"])
    out.append(f"{r} {verb} that {answer}.")
    for entry in doc.questions[doc.questions.index(q_entry):]:
        entry["responders"] = [doc.ref(responder)]
    if c.followup and rng.random() < 0.3:
        out.append(f"{responder.pronoun} undertook to circulate {c.followup} to Members.")
        doc.actions.append(f"circulate {c.followup} to Members")
    return out


def _slug(text: str) -> str:
    return "-".join(w for w in text.lower().replace("'", "").split() if w not in {"of", "the"})[:24]


def generate(out_dir: str | Path, n: int, *, seed: int = 7, start: int = 0,
             gold_dir: str | Path | None = None, progress=None) -> list[Path]:
    """Write n items and manifest.csv into out_dir, gold answers into gold_dir (default out_dir/gold).

    The same seed gives the same files, byte for byte.
    """
    rng = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    gdir = Path(gold_dir) if gold_dir else out / "gold"
    gdir.mkdir(parents=True, exist_ok=True)
    rows = []
    paths = []
    clusters: dict[str, list[list[str]]] = {}
    for i in range(start, start + n):
        text, gold, row = write_item(rng, i)
        p = out / row["file"]
        p.write_text(text, encoding="utf-8")
        for who, key in gold.pop("_keys").items():
            clusters.setdefault(who, []).append([row["file"], key])
        (gdir / (p.stem + ".json")).write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
        rows.append(row)
        paths.append(p)
        if progress:
            progress()
    with (out / "manifest.csv").open("w", newline="", encoding="utf-8") as fp:
        w = csv.DictWriter(fp, fieldnames=["file", "url", "council", "committee", "meeting_date"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    multi = [c for _, c in sorted(clusters.items()) if len(c) > 1]
    identities = {"about": "People who are the same across documents (written by the generator).",
                  "clusters": multi[:200], "distinct": _distinct(clusters)}
    (gdir / "identities.json").write_text(json.dumps(identities, indent=1) + "\n", encoding="utf-8")
    return paths


def _distinct(clusters: dict[str, list[list[str]]]) -> list:
    """Pairs of different people in the same document: they must get different ids."""
    by_doc: dict[str, list[list[str]]] = {}
    for _who, places in sorted(clusters.items()):
        for doc, key in places:
            by_doc.setdefault(doc, []).append([doc, key])
    out = []
    for doc in sorted(by_doc)[:100]:
        entries = by_doc[doc]
        for a, b in zip(entries, entries[1:], strict=False):
            if a[1] != b[1]:
                out.append([a, b])
    return out
