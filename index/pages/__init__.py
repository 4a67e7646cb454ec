"""Entity pages and story pages: what follows a story, computed as articles arrive.

Ingestion calls `record` once per stored article (and `forget` when one goes); a library
calls `ensure` once when it opens. The UI reads pages through `Library.entity_page` and
`Library.story_page`.
"""

from .model import (
    AmbiguousEntity,
    Bucket,
    EntityPage,
    EntityRef,
    NumberConflict,
    PageError,
    QuoteItem,
    Related,
    SourceCount,
    StoryPage,
    StorySentence,
    StoryVersion,
)
from .record import ensure, forget, record

__all__ = [
    "AmbiguousEntity",
    "Bucket",
    "EntityPage",
    "EntityRef",
    "NumberConflict",
    "PageError",
    "QuoteItem",
    "Related",
    "SourceCount",
    "StoryPage",
    "StorySentence",
    "StoryVersion",
    "ensure",
    "forget",
    "record",
]
