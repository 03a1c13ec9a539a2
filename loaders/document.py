"""The unit every loader produces: decoded text plus what we know about where it came from.

Character spans everywhere in councilgraph index into `Document.text`, which is the decoded,
newline-normalised text of the source (HTML and PDF loaders produce their own plain text), so
evidence can always be shown by slicing that one string.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the person collecting pages knows about a file (from a manifest), all optional."""

    url: str | None = None
    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    committee_id: str | None = None  # the site's own ids (ModernGov), from `fetch`'s manifest
    meeting_id: str | None = None


@dataclass(frozen=True)
class Document:
    """Decoded minutes text with its provenance."""

    source: str
    text: str
    format: str
    info: SourceInfo = field(default_factory=SourceInfo)
    # structured facts a loader read alongside the text (the ModernGov XML loader's meeting), or None
    data: Any = field(default=None, compare=False, repr=False)
    # where each page starts in `text` (PDFs), so evidence can say "page 3" as well as the span
    page_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def page_of(self, offset: int) -> int | None:
        return page_at(self.page_starts, offset)

    @cached_property
    def content_hash(self) -> str:
        """Stable hash of the decoded text: builds skip documents whose hash is unchanged. Made once
        a document: a build keys, de-duplicates and records each document by it, and records of a
        hundred thousand files should share one string each, not hold three."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def name(self) -> str:
        return self.source.replace("\\", "/").rsplit("/", 1)[-1]


def page_at(page_starts: tuple[int, ...], offset: int) -> int | None:
    """The 1-based page a character offset lies on, or None for a text with no pages."""
    import bisect

    return bisect.bisect_right(page_starts, offset) if page_starts else None
