"""The reader's small persistent state, stored in the library (`Library.get_state`).

A query is kept as JSON of its parts rather than its rendered text, so restoring it never
depends on parsing the query language back. Whatever is stored is read defensively: a
damaged value gives the empty query, never an exception.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from index.model import ENTITY_TYPES
from index.query import EntityFilter, Query

LAST_QUERY = "last_query"
SAVED_SEARCHES = "saved_searches"
#: Keep the saved-search list from growing without bound.
MAX_SAVED = 50


@dataclass(frozen=True)
class SavedSearch:
    """A query saved under a name (the name is also its watchlist's key, so it never changes).

    `query` is stored as it was saved; `reader.saved` reads it as the registry names its
    entities now, following each filter from its trail as a filter chip does.
    """

    name: str
    query: Query
    #: Per filter of `query`, every filter its chip had been when saved, oldest first (its
    #: `ChipTrail` trail); empty: each filter is its own trail.
    trails: tuple[tuple[EntityFilter, ...], ...] = ()

    def trail(self, i: int) -> tuple[EntityFilter, ...]:
        """Filter `i`'s trail, never empty."""
        trail = self.trails[i] if i < len(self.trails) else ()
        return trail or (self.query.filters[i],)


def query_to_data(
    query: Query, trails: tuple[tuple[EntityFilter, ...], ...] = ()
) -> dict[str, Any]:
    filters: list[dict[str, Any]] = []
    for i, f in enumerate(query.filters):
        item: dict[str, Any] = {"type": f.type, "name": f.name, "exclude": bool(f.exclude)}
        trail = trails[i] if i < len(trails) else ()
        if len(trail) > 1:
            item["trail"] = [[t.type, t.name] for t in trail]
        filters.append(item)
    return {"text": query.text, "filters": filters}


def _filters_from_data(data: Any) -> list[tuple[EntityFilter, tuple[EntityFilter, ...]]]:
    """Each well-formed filter with its trail (malformed trail entries are skipped)."""
    filters = []
    for item in data.get("filters") or ():
        if (
            isinstance(item, dict)
            and item.get("type") in ENTITY_TYPES
            and isinstance(item.get("name"), str)
            and item["name"].strip()
        ):
            chip = EntityFilter(item["type"], item["name"], bool(item.get("exclude")))
            trail = tuple(
                EntityFilter(step[0], step[1], chip.exclude)
                for step in item.get("trail") or ()
                if isinstance(step, list)
                and len(step) == 2
                and step[0] in ENTITY_TYPES
                and isinstance(step[1], str)
                and step[1].strip()
            )
            filters.append((chip, trail))
    return filters


def _query_and_trails(data: Any) -> tuple[Query, tuple[tuple[EntityFilter, ...], ...]]:
    """A stored query and its filters' trails, the filters read once."""
    if not isinstance(data, dict):
        return Query(), ()
    text = data.get("text")
    parsed = _filters_from_data(data)
    query = Query(text=text if isinstance(text, str) else "", filters=tuple(c for c, _ in parsed))
    return query, tuple(trail for _, trail in parsed)


def query_from_data(data: Any) -> Query:
    return _query_and_trails(data)[0]


def saved_from_data(name: str, data: Any) -> SavedSearch:
    query, trails = _query_and_trails(data)
    return SavedSearch(name, query, trails if any(trails) else ())


def dump_query(query: Query, trails: tuple[tuple[EntityFilter, ...], ...] = ()) -> str:
    """`query` as stored (LAST_QUERY), with its chips' trails: the reader reopens on it after
    corrections made while it was closed, and their undo, as a saved search does."""
    return json.dumps(query_to_data(query, trails), ensure_ascii=False)


def load_query(raw: str | None) -> Query:
    return load_query_trails(raw)[0]


def load_query_trails(raw: str | None) -> tuple[Query, tuple[tuple[EntityFilter, ...], ...]]:
    """A stored query and, per filter, its trail (empty: the filter is its own)."""
    if not raw:
        return Query(), ()
    try:
        return _query_and_trails(json.loads(raw))
    except ValueError:
        return Query(), ()


def dump_saved(searches: list[SavedSearch]) -> str:
    return json.dumps(
        [
            {"name": s.name, "query": query_to_data(s.query, s.trails)}
            for s in searches[-MAX_SAVED:]
        ],
        ensure_ascii=False,
    )


def load_saved(raw: str | None) -> list[SavedSearch]:
    if not raw:
        return []
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    return [
        saved_from_data(item["name"], item.get("query"))
        for item in data
        if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip()
    ]


def describe(query: Query, *, unread_only: bool = False) -> str:
    """The query string the back end searches: the query language with `is:unread` if asked."""
    if unread_only:
        # `&` groups an OR in the typed text, so the flag narrows the whole query.
        query = query & Query("is:unread")
    return str(query).strip()


def readable(query: Query) -> str:
    """The query in the user's words: the typed text, then each filter as a short phrase.

    Saved-search names and messages use it; the query language (`person:="…"`) is for the
    search box, not for reading.
    """
    parts = [" ".join(query.text.split())] if query.text.strip() else []
    for entity_filter in query.filters:
        name = " ".join(entity_filter.name.split())
        parts.append(f"{'not ' if entity_filter.exclude else ''}{entity_filter.type} {name}")
    return " · ".join(parts)


def suggested_text(suggestion: str, query: Query, *, unread_only: bool = False) -> str:
    """The typed-text part of the back end's "did you mean" for `query`.

    The back end suggests a whole query string, filters (and `is:unread`) included; the user
    only typed the text, so that is what is offered and what accepting it puts in the box.
    """
    text = " ".join(suggestion.split())
    for part in [str(f) for f in query.filters] + (["is:unread"] if unread_only else []):
        if part not in query.text:
            text = " ".join(text.replace(part, " ").split())
    if (query.filters or unread_only) and not _parenthesized(query.text) and _parenthesized(text):
        text = text[1:-1].strip()  # the grouping `str(Query)` adds around an OR
    return text


def _parenthesized(text: str) -> bool:
    text = text.strip()
    return text.startswith("(") and text.endswith(")")
