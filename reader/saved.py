"""Saved searches follow entity corrections, as the filter chips do.

A saved search's filters are exact (type, name) filters, like chips. Stored as they were when
saved, they would name nothing after a rename or a merge (another shell's `dateline entities
rename`, the sidebar's `R`), and the search, its "N new" count and `dateline watch` would go
silently to zero. So a saved search is never run as stored: each filter is followed through
its trail (`filter_follow.ChipTrail`), to what the registry calls its entity now, every time
the search is read, in the reader and in the CLI alike.

Nothing is written back: what is stored (the names as saved, and the trail each chip had) is
what every correction, and the undo of each, is followed from, so an undone rename gives the
old name back and an undone block brings its filter back, in every process, with no write to
race another reader's `ctrl+s`. A blocked entity's filter is left out, as its chip would be.
The search keeps its name: the name is the watchlist's key and what `dateline watch NAME` and
scripts use.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from index.query import Query

from .filter_follow import ChipTrail
from .state import SAVED_SEARCHES, SavedSearch, load_saved


def followed(library: Any, search: SavedSearch, trail: ChipTrail | None = None) -> Query:
    """`search`'s query as the registry names (and types) its entities now.

    With `trail` (a fresh one), the chips' story is left in it: the screen that opens the
    search keeps following from there, undo included."""
    trail = trail if trail is not None else ChipTrail()
    filters = search.query.filters
    trail.seed(filters, [search.trail(i) for i in range(len(filters))])
    now = trail.follow(library, filters)
    return search.query if now is None else replace(search.query, filters=now)


def saved_now(library: Any) -> list[SavedSearch]:
    """Every saved search, each as the registry names its entities now (with the trails that
    lead there, so following it again finds the same)."""
    searches = []
    for search in load_saved(library.get_state(SAVED_SEARCHES)):
        trail = ChipTrail()
        query = followed(library, search, trail)
        searches.append(SavedSearch(search.name, query, trail.trails(query.filters)))
    return searches


def stored(library: Any, name: str) -> SavedSearch | None:
    """The saved search `name` as it is stored (None: deleted meanwhile)."""
    found = [s for s in load_saved(library.get_state(SAVED_SEARCHES)) if s.name == name]
    return found[-1] if found else None
