"""What a search of the full-text index gives back (`IndexResult`, `IndexHit`), and how a
folder the library cannot search says so (`IndexUnreadable`, `IndexOtherVersion`).
Re-exported by `index.searchindex`."""

from __future__ import annotations

from dataclasses import dataclass

from .model import EntityType


class IndexUnreadable(Exception):
    """The folder is not a Dateline index we can read; rebuild it from SQLite."""


class IndexOtherVersion(IndexUnreadable):
    """A sound Dateline index of another schema version: its words were analysed otherwise
    (version 5 folds "İ" to "i"), so it is rebuilt from SQLite, but nothing is wrong with it."""


@dataclass(frozen=True)
class IndexHit:
    """An article id with its score and a ~200-char fragment, matches marked as `**word**`."""

    id: str
    score: float
    highlight: str


@dataclass(frozen=True)
class IndexResult:
    total: int
    hits: tuple[IndexHit, ...]
    #: Canonical names with the number of matching articles, by type, over the newest
    #: FACET_SAMPLE matches (all of them when there are fewer).
    facets: dict[EntityType, tuple[tuple[str, int], ...]]
    #: The whole query string with misspelled words corrected, or None.
    suggestion: str | None
    #: How many of the matches the facets were counted over.
    facets_over: int = 0
