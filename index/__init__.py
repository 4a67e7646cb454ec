"""Dateline's back end: getting news in and finding it again.

The one entry point for the UI is `Library`; this package never imports `textual` or `reader`.
"""

from .library import Library, LibraryError
from .model import (
    AddReport,
    Article,
    ArticleSummary,
    EntityCount,
    FeedInfo,
    Hit,
    InputError,
    InputResult,
    Mention,
    Progress,
    SearchResult,
)

__all__ = [
    "AddReport",
    "Article",
    "ArticleSummary",
    "EntityCount",
    "FeedInfo",
    "Hit",
    "InputError",
    "InputResult",
    "Library",
    "LibraryError",
    "Mention",
    "Progress",
    "SearchResult",
]
