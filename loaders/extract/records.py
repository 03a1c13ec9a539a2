"""What extraction produces. Every fact carries a `Span` back into `Document.text`.

Person references inside a document use *local* keys (`p1`, `p2`, ...); `identity.resolve` later
maps them to corpus-wide ids (`durham/person/r-crute`) once all documents of a council are known,
because whether "S Tracey" is "Stephen Tracey" can only be decided across documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

_set = object.__setattr__  # sets a field of a frozen dataclass in a hand-written __init__


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range into the document text: text[start:end]."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # The generated __init__ looks object.__setattr__ up for each field and then calls
        # __post_init__; every sentence, block, mention and fact has a span (dataclass keeps an
        # __init__ the class defines). (Storing through self.__dict__ is cheaper to make but makes
        # the instance keep a real dict, and every read of a field slower.)
        if not 0 <= start <= end:
            raise ValueError(f"bad span {start}..{end}")
        _set(self, "start", start)
        _set(self, "end", end)


@dataclass
class Mention:
    text: str
    span: Span
    kind: str  # "name" | "role" | "pronoun" | "honorific"


@dataclass
class Person:
    """One person as a document refers to them. `name` is as written (None for role-only)."""

    key: str
    name: str | None
    kind: str  # councillor | officer | other
    role: str | None
    mentions: list[Mention] = field(default_factory=list)
    id: str | None = None  # filled by identity resolution
    member_id: str | None = None  # the site's own member id (ModernGov `memberid`): the strongest identity evidence
    party: str | None = None  # as the site lists the member (ModernGov `politicalparty`, `ward`)
    ward: str | None = None

    @property
    def first_span(self) -> Span:
        return self.mentions[0].span if self.mentions else Span(0, 0)


@dataclass
class Question:
    """A member's contribution that asks, queries, raises a concern or requests something."""

    asker: str | None  # local person key, None when the minutes name no one
    text: str
    span: Span
    responders: list[str] = field(default_factory=list)  # local person keys
    answers: list[int] = field(default_factory=list)  # indexes into Extraction.answers
    topics: list[str] = field(default_factory=list)
    topic_evidence: list[str] = field(default_factory=list)
    implicit: bool = False  # recorded only through an answer ("responded to questions from members")


@dataclass
class Answer:
    responder: str | None  # local person key, None for "Members were advised that..."
    text: str
    span: Span
    topics: list[str] = field(default_factory=list)


@dataclass
class ReportPeriod:
    fiscal_year: str | None  # "2023/24"
    quarter: int | None
    start: date | None
    end: date | None
    text: str
    span: Span


@dataclass
class Report:
    title: str
    author: str | None
    period: ReportPeriod | None
    span: Span
    topics: list[str] = field(default_factory=list)
    source_id: str | None = None  # ModernGov `attachmentid` of a linked document
    url: str | None = None


@dataclass
class Item:
    number: str | None
    title: str | None
    span: Span
    report: Report | None = None
    source_id: str | None = None  # ModernGov `agendaitemid`
    documents: list[Report] = field(default_factory=list)  # linked documents (ModernGov `linkeddoc`)


@dataclass
class Indicator:
    name: str
    values: list[str]
    direction: str | None  # up | down | None
    text: str
    span: Span
    sentence: Span
    topics: list[str] = field(default_factory=list)


@dataclass
class Statement:
    """A resolution, a follow-up action or an attendance event, with its evidence."""

    text: str
    span: Span
    person: str | None = None  # local key (attendance, action owner)
    event: str | None = None  # attendance: left|arrived|apologies|substitute|present|absent|expected;
    #                           declarations: the kind of interest (pecuniary|prejudicial|personal|other)


@dataclass
class Extraction:
    """Everything read from one document."""

    source: str
    url: str | None
    content_hash: str
    council: str | None
    committee: str | None
    meeting_date: date | None
    items: list[Item] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    resolutions: list[Statement] = field(default_factory=list)
    actions: list[Statement] = field(default_factory=list)
    attendance: list[Statement] = field(default_factory=list)
    text: str = ""
    declarations: list[Statement] = field(default_factory=list)  # declarations of interest
    source_ids: dict[str, str] = field(default_factory=dict)  # the site's own ids: meetingid, committeeid
    page_starts: tuple[int, ...] = ()  # where each PDF page starts in `text`; () for pageless formats

    def person(self, key: str | None) -> Person | None:
        if key is None:
            return None
        for p in self.people:
            if p.key == key:
                return p
        return None

    def sentence_at(self, span: Span) -> str:
        return self.text[span.start:span.end]
