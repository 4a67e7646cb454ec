"""The data that crosses the `index.Library` facade.

Everything here is a small frozen dataclass so the UI can hold it, compare it and hand it
between threads without defensive copies. `to_json()` gives the exact shape of the CLI's
`--json` contract, so the CLI, the TUI and scripts never disagree about a field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

EntityType = Literal["person", "place", "org"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "place", "org")
#: The plural field names the JSON contract and the Whoosh schema use for each type.
PLURAL: dict[EntityType, str] = {"person": "people", "place": "places", "org": "orgs"}


def iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


@dataclass(frozen=True)
class RawArticle:
    """One article as a source parsed it, before identity, entities and stories.

    `body` is clean text: paragraphs joined by a blank line, control characters already
    stripped. `published` is timezone-aware (UTC) when known.
    """

    title: str
    body: str
    url: str | None = None
    published: datetime | None = None
    source: str | None = None
    author: str | None = None
    origin: str = ""
    tags: tuple[str, ...] = ()


#: How a feed's own problem begins (`ParsedInput.problem`: the document is ill-formed, and what
#: could be read of it was kept), which tells it from a refresh that failed.
ILL_FORMED_FEED = "ill-formed feed: "


@dataclass(frozen=True)
class FeedInfo:
    """A subscription: a feed URL with what conditional GET needs to stay cheap."""

    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    last_fetched: datetime | None = None
    last_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "tags": list(self.tags),
            "last_fetched": iso(self.last_fetched),
            "last_error": self.last_error,
        }

    @property
    def read_in_part(self) -> bool:
        """`last_error` is what is wrong with the feed's document (ill-formed; the entries
        that could be read were kept), not a refresh that failed and read nothing."""
        return bool(self.last_error and self.last_error.startswith(ILL_FORMED_FEED))


@dataclass(frozen=True)
class ParsedInput:
    """What one input (file, URL or feed body) turned into.

    `warnings` are problems that did not stop the input (a salvaged ill-formed feed);
    `feeds` are subscriptions the input asks for (an OPML file, or a URL that is a feed).
    `problem` is what is wrong with a feed's document as a whole (ill-formed, so only part
    of it could be read): a subscription keeps it as its state until the feed is mended, as a
    304 repeats the same broken document.
    """

    origin: str
    kind: str  # "text" | "html" | "feed" | "opml" | "jsonl"
    articles: tuple[RawArticle, ...] = ()
    warnings: tuple[str, ...] = ()
    feeds: tuple[FeedInfo, ...] = ()
    problem: str | None = None


class InputError(Exception):
    """An input that cannot be read. The message is shown to the user as the reason."""

    def __init__(self, origin: str, reason: str, kind: str = "") -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason
        #: what the input was found to be ("feed", "jsonl", ...), "" when not known
        self.kind = kind


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in an article body, resolved to its canonical name."""

    text: str
    start: int
    end: int
    type: EntityType
    entity: str

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "entity": self.entity,
        }


@dataclass(frozen=True)
class ArticleSummary:
    """What a list row needs: everything but the body."""

    id: str
    title: str
    source: str | None
    url: str | None
    published: datetime | None
    story: str
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    author: str | None = None
    read: bool = False
    starred: bool = False
    #: How many articles share this story (1 when the article stands alone).
    story_size: int = 1
    #: When Dateline first stored the article: shown (and sorted by) when it has no date.
    seen: datetime | None = None

    def entities_of(self, type_: EntityType) -> tuple[str, ...]:
        return {"person": self.people, "place": self.places, "org": self.orgs}[type_]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": iso(self.published),
            "story": self.story,
            "people": list(self.people),
            "places": list(self.places),
            "orgs": list(self.orgs),
            "author": self.author,
            "read": self.read,
            "starred": self.starred,
            "story_size": self.story_size,
        }


@dataclass(frozen=True)
class Article(ArticleSummary):
    """A whole article: the summary plus the clean body and its entity mentions."""

    body: str = ""
    mentions: tuple[Mention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data["body"] = self.body
        data["mentions"] = [m.to_json() for m in self.mentions]
        return data


@dataclass(frozen=True)
class Hit:
    """A search result row. `highlight` marks matched words as `**word**`."""

    article: ArticleSummary
    score: float
    highlight: str = ""

    def to_json(self) -> dict[str, Any]:
        data = self.article.to_json()
        data["score"] = round(self.score, 4)
        data["highlight"] = self.highlight
        return data


@dataclass(frozen=True)
class EntityCount:
    name: str
    type: EntityType
    count: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    #: Entity counts over the whole result set (not just this page), per type.
    entities: dict[EntityType, tuple[EntityCount, ...]] = field(default_factory=dict)
    #: A corrected query when a word is likely misspelled, else None.
    suggestion: str | None = None
    #: A friendly message when the query could not be understood (hits are then empty).
    error: str | None = None
    #: How many matches `entities` counts over: all of them, or the newest 1,000 of a bigger
    #: result set (what keeps typing fast at 100,000 articles); `entities_exact` says which.
    entities_over: int = 0
    #: When nothing matched for a reason the user can fix (dates the wrong way round, a
    #: wildcard, an exact name in another case): one sentence saying what to change.
    hint: str | None = None

    @property
    def entities_exact(self) -> bool:
        return self.entities_over >= self.total

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "suggestion": self.suggestion,
            "error": self.error,
            "hits": [h.to_json() for h in self.hits],
            "entities": {
                PLURAL[t]: [[e.name, e.count] for e in self.entities.get(t, ())]
                for t in ENTITY_TYPES
            },
            "entities_over": self.entities_over,
            "hint": self.hint,
        }


InputStatus = Literal["added", "updated", "unchanged", "duplicate", "failed"]


@dataclass(frozen=True)
class InputResult:
    """The outcome of one input in a batch; `reason` says why it failed."""

    origin: str
    kind: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: bool = False
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    #: feeds newly subscribed to (an OPML file, a feed URL)
    feeds: int = 0
    #: feeds the input names that were subscribed already (kept, tags merged)
    known_feeds: int = 0
    #: of those, how many gained tags (an OPML folder, `--tag`)
    retagged: int = 0
    #: a feed a scheduled refresh (`--due`) left alone: its own hints say it is not due yet
    not_due: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "input": self.origin,
            "kind": self.kind,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "reason": self.reason,
            "warnings": list(self.warnings),
            "feeds": self.feeds,
            "already_subscribed": self.known_feeds,
        }


@dataclass(frozen=True)
class AddReport:
    results: tuple[InputResult, ...]

    @property
    def added(self) -> int:
        return sum(r.added for r in self.results)

    @property
    def updated(self) -> int:
        return sum(r.updated for r in self.results)

    @property
    def unchanged(self) -> int:
        return sum(r.unchanged for r in self.results)

    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.results)

    @property
    def failures(self) -> tuple[InputResult, ...]:
        return tuple(r for r in self.results if r.failed)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.duplicates} duplicates, {len(self.failures)} failed"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "failed": len(self.failures),
            "inputs": [r.to_json() for r in self.results],
        }


@dataclass(frozen=True)
class Progress:
    """A progress event from a long job (add, refresh, reindex); `total` may be unknown."""

    stage: str
    done: int
    total: int | None = None
    message: str = ""
