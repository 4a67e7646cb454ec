"""The tree a query parses into (`index.queryparse`), and the fields a user can type.

Plain frozen values: `index.compile` turns a tree into Whoosh queries; `index.query.Query`
renders back to text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from .model import EntityType


class QueryError(ValueError):
    """A query that cannot be understood; `message` is written for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# -- the tree ---------------------------------------------------------------------------------

TextField = Literal["title", "source", "person", "place", "org"]
FlagName = Literal["read", "unread", "starred"]


@dataclass(frozen=True)
class Text:
    """Words or a phrase. `field` None means title and body.

    `span` is where the words sit in the query string (for "did you mean"); it is not part of
    the value, so a parsed query equals the same query parsed from another string.
    """

    field: TextField | None
    text: str
    phrase: bool = False
    span: tuple[int, int] | None = dataclasses.field(default=None, compare=False)
    #: `"a b"~N`: how many other words may stand between neighbouring words of the phrase.
    slop: int = 0


@dataclass(frozen=True)
class Exact:
    """One canonical entity, matched exactly (never partially)."""

    type: EntityType
    name: str


@dataclass(frozen=True)
class DateSpan:
    """Published in [start, end): naive datetimes in UTC; None leaves a side open."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class Flag:
    """A per-article flag from the library's state (read, unread, starred)."""

    name: FlagName


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Text | Exact | DateSpan | Flag | And | Or | Not

#: The fields a user can type, with what each one does (shown in error messages and help).
FIELDS: dict[str, str] = {
    "person": "a part of a person's name or alias (person:= for the exact name)",
    "place": "a part of a place's name or alias (place:= for the exact name)",
    "org": "a part of an organisation's name or alias (org:= for the exact name)",
    "source": "the outlet that published the article",
    "title": "a word in the headline",
    "date": "published on a day, month or year (date:2024-12-02, date:2024-12)",
    "since": "published on or after a date",
    "until": "published on or before a date",
    "is": "is:unread, is:read or is:starred",
    "feed": 'the articles of one subscription (feed:"https://example.org/feed.xml")',
    "tag": "the articles with a tag (from --tag or an OPML folder)",
}
