"""What the entity page and the story page show: small frozen values the UI and CLI read.

Every field is plain data (str, int, float, date strings, `ArticleSummary`), so a screen can
hold a page, compare it, and `dataclasses.asdict` turns it into the CLI's JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from ..model import ArticleSummary, EntityType, iso


class PageError(Exception):
    """A page that cannot be shown (unknown story, unknown or ambiguous entity); the message
    is meant for the user."""


@dataclass(frozen=True)
class EntityRef:
    """An entity as a page lists it: enough to open its page or filter by it. `aliases` (its
    other names) are filled where a user must tell candidates apart (`AmbiguousEntity`)."""

    name: str
    type: EntityType
    articles: int
    aliases: tuple[str, ...] = ()


class AmbiguousEntity(PageError):
    """A name several entities answer to; `candidates` lists them, most articles first."""

    def __init__(self, name: str, candidates: tuple[EntityRef, ...]) -> None:
        listed = "; ".join(f"{c.name} ({c.type}, {c.articles})" for c in candidates)
        # --type only helps when the candidates' types differ.
        hint = (
            "the full name or --type" if len({c.type for c in candidates}) > 1 else "the full name"
        )
        super().__init__(f'"{name}" could mean: {listed}. Give {hint}.')
        self.name = name
        self.candidates = candidates


@dataclass(frozen=True)
class Bucket:
    """Articles in one day or week of the timeline (`start` is the day, or the week's Monday)."""

    start: str
    count: int


@dataclass(frozen=True)
class Related:
    """An entity seen with the page's entity, and how much more often than chance.

    `lift` = P(both) / (P(this) · P(other)) over articles; `pmi` is its log2. `together` is
    the number of articles with both (among each article's most mentioned entities)."""

    entity: EntityRef
    together: int
    lift: float
    pmi: float


@dataclass(frozen=True)
class SourceCount:
    source: str
    articles: int


@dataclass(frozen=True)
class QuoteItem:
    """A quotation the entity is the speaker of, with where and when it was said."""

    text: str
    kind: str  # "direct" | "reported"
    cue: str
    article_id: str
    title: str
    source: str | None
    date: str  # ISO date (published, else first seen)
    start: int  # offsets of the quote in the article body
    end: int
    #: The article has no published date: `date` is when Dateline first saw it, which the
    #: reader says ("seen DATE") instead of passing it off as a publication date.
    undated: bool = False


@dataclass(frozen=True)
class EntityPage:
    id: int
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    articles: int
    first: str | None  # ISO day of the first and last article
    last: str | None
    #: "day" or "week": the timeline's bucket, chosen so the library's span fits a screen.
    bucket: str
    timeline: tuple[Bucket, ...]
    #: The busiest days, most articles first.
    busiest: tuple[Bucket, ...]
    related: tuple[Related, ...]
    sources: tuple[SourceCount, ...]
    quotes: tuple[QuoteItem, ...]
    latest: tuple[ArticleSummary, ...]

    def to_json(self) -> dict[str, Any]:
        """The `dateline entity --json` contract (see the README)."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "articles": self.articles,
            "first": self.first,
            "last": self.last,
            "bucket": self.bucket,
            "timeline": [asdict(b) for b in self.timeline],
            "busiest": [asdict(b) for b in self.busiest],
            "related": [
                {
                    "name": r.entity.name,
                    "type": r.entity.type,
                    "articles": r.entity.articles,
                    "together": r.together,
                    "lift": r.lift,
                    "pmi": r.pmi,
                }
                for r in self.related
            ],
            "sources": [asdict(s) for s in self.sources],
            "quotes": [asdict(q) for q in self.quotes],
            "latest": [a.to_json() for a in self.latest],
        }


@dataclass(frozen=True)
class StorySentence:
    """One sentence of one version, and how it lines up with the other versions."""

    start: int
    end: int
    text: str
    #: Alignment group: sentences with the same group say the same thing (None: unique).
    group: int | None
    #: "shared" (another source has it), "unique" (only this source), "differs" (shared, but
    #: the numbers in it do not agree).
    status: str
    #: How close the nearest matching sentence of another source is (0-100; 100 = identical).
    similarity: int
    #: The numbers this sentence states that a matching sentence states differently.
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryVersion:
    article: ArticleSummary
    first_seen: datetime | None
    sentences: tuple[StorySentence, ...]
    #: False for versions beyond the alignment limit (listed, not compared).
    aligned: bool = True

    @property
    def unique(self) -> int:
        return sum(s.status == "unique" for s in self.sentences)


@dataclass(frozen=True)
class NumberConflict:
    """Sources stating different numbers in matching sentences (a death toll, a date)."""

    group: int
    #: (article id, source, the numbers that source's sentence states and another's does not)
    values: tuple[tuple[str, str | None, tuple[str, ...]], ...]


@dataclass(frozen=True)
class StoryPage:
    story: str
    title: str
    versions: tuple[StoryVersion, ...]
    #: Sentence groups found in two or more versions.
    shared: int
    conflicts: tuple[NumberConflict, ...]

    def to_json(self) -> dict[str, Any]:
        """The `dateline story --json` contract (see the README)."""
        return {
            "story": self.story,
            "title": self.title,
            "shared": self.shared,
            "versions": [
                {
                    "article": v.article.to_json(),
                    "first_seen": iso(v.first_seen),
                    "aligned": v.aligned,
                    "unique": v.unique,
                    "sentences": [{**asdict(s), "numbers": list(s.numbers)} for s in v.sentences],
                }
                for v in self.versions
            ],
            "conflicts": [
                {
                    "group": c.group,
                    "values": [
                        {"article": a, "source": s, "numbers": list(n)} for a, s, n in c.values
                    ],
                }
                for c in self.conflicts
            ],
        }
