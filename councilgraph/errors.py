"""One exception hierarchy, so the CLI can turn any expected failure into a one-line message.

Every error names the file it is about (when there is one) because a user running over a folder
of hundreds of pages needs to know which page to look at, not just what went wrong.
"""

from __future__ import annotations


class CouncilGraphError(Exception):
    """Base class for failures a user can act on (bad input, missing store, bad query)."""

    def __init__(self, message: str, *, path: str | None = None, offset: int | None = None,
                 snippet: str | None = None) -> None:
        self.message = message
        self.path = path
        self.offset = offset
        self.snippet = snippet
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.offset is not None:
            where = f"{where}:{self.offset}"
        text = f"{where}: {self.message}" if where else self.message
        if self.snippet:
            text += f" ({self.snippet!r})"
        return text


class UsageError(CouncilGraphError):
    """The command cannot run as given: nothing readable named, unknown format or kind, bad option."""


class InputError(CouncilGraphError):
    """A file could not be read as minutes: missing, empty, binary, undecodable or not minutes."""


class NotMinutesError(InputError):
    """The file reads as text but does not look like committee minutes."""


class ManifestError(CouncilGraphError):
    """The manifest CSV is malformed (missing column, bad date)."""


class StoreError(CouncilGraphError):
    """The graph store is missing, corrupt, or a write to it failed."""


class QueryError(CouncilGraphError):
    """A named query is unknown, a parameter is missing, or Cypher failed."""
