"""Deleting and renaming saved searches, and undoing the last of either (QA 6, A.7).

A saved search made by mistake (`ctrl+s` names it after the query) stayed for ever and was
counted by every `dateline watch`. The feeds view (`d d`, `R`, `U`) and `dateline saved
remove|rename|undo` change the list here, one way for both.

A search's name is also the key of its "new since" mark (`index.watch`): a rename moves the
mark, so its count goes on; a delete drops it, and keeps it in the undo record so an undone
delete counts from where it did. The last change is kept in the library's state (not in one
process's memory): the reader's `U` undoes a `dateline saved remove` run in a shell, and the
other way round. An undo that would take a name in use since says so and changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from .render import one_line
from .state import SAVED_SEARCHES, SavedSearch, dump_saved, load_saved, query_to_data
from .state import saved_from_data as _from_data

#: The state key of the last delete or rename, what an undo takes back.
SAVED_UNDO = "saved_searches_undo"


class SavedSearchError(Exception):
    """A change that cannot be made; the message is for the user."""


def find_saved(searches: list[SavedSearch], name: str) -> int:
    """Where `name` is in `searches`: its exact name, else the one search it names without
    regard to case (the palette matches names so; `dateline watch` was strict, QA 6)."""
    for i, search in enumerate(searches):
        if search.name == name:
            return i
    folded = [i for i, s in enumerate(searches) if s.name.casefold() == name.casefold()]
    if len(folded) == 1:
        return folded[0]
    if folded:
        names = ", ".join(repr(searches[i].name) for i in folded)
        raise SavedSearchError(f"{name!r} names several saved searches: {names}")
    raise SavedSearchError(f"no saved search called {name!r}")


def _searches(library: Any) -> list[SavedSearch]:
    return load_saved(library.get_state(SAVED_SEARCHES))


def remove_saved(library: Any, name: str) -> SavedSearch:
    """Delete the saved search `name` (and its mark); the search deleted."""
    searches = _searches(library)
    at = find_saved(searches, name)
    search = searches.pop(at)
    library.set_state(SAVED_SEARCHES, dump_saved(searches))
    mark = library.watch_forget(search.name)
    query = query_to_data(search.query, search.trails)
    undo = {"kind": "remove", "name": search.name, "query": query, "at": at, "mark": mark}
    library.set_state(SAVED_UNDO, json.dumps(undo, ensure_ascii=False))
    return search


def rename_saved(library: Any, name: str, new_name: str) -> tuple[str, str]:
    """Call the saved search `name` `new_name` (pasted text: one line, no control sequence);
    its query and its "new since" mark stay. Returns (old name, new name)."""
    new_name = one_line(new_name)
    if not new_name:
        raise SavedSearchError("a saved search needs a name")
    searches = _searches(library)
    at = find_saved(searches, name)
    old = searches[at].name
    if old == new_name:
        raise SavedSearchError(f"the saved search is already called {new_name!r}")
    if any(s.name == new_name for i, s in enumerate(searches) if i != at):
        raise SavedSearchError(f"a saved search called {new_name!r} exists already")
    searches[at] = replace(searches[at], name=new_name)
    library.set_state(SAVED_SEARCHES, dump_saved(searches))
    library.watch_rename(old, new_name)
    undo = {"kind": "rename", "old": old, "new": new_name}
    library.set_state(SAVED_UNDO, json.dumps(undo, ensure_ascii=False))
    return old, new_name


def undo_saved(library: Any) -> str:
    """Take back the last delete or rename of a saved search; what was done, in words."""
    try:
        undo = json.loads(library.get_state(SAVED_UNDO) or "null")
    except ValueError:
        undo = None
    if not isinstance(undo, dict) or undo.get("kind") not in ("remove", "rename"):
        raise SavedSearchError("no deleted or renamed saved search to bring back")
    searches = _searches(library)
    names = {s.name for s in searches}
    if undo["kind"] == "remove":
        name = str(undo.get("name") or "")
        if not name or name in names:
            raise SavedSearchError(f"a saved search called {name!r} exists again; not restored")
        at = undo.get("at")
        at = at if isinstance(at, int) and 0 <= at <= len(searches) else len(searches)
        searches.insert(at, _from_data(name, undo.get("query")))
        library.set_state(SAVED_SEARCHES, dump_saved(searches))
        mark = undo.get("mark")
        library.watch_restore(name, mark if isinstance(mark, int) else None)
        said = f"Restored the saved search {name}."
    else:
        old, new = str(undo.get("old") or ""), str(undo.get("new") or "")
        if new not in names:
            raise SavedSearchError(f"no saved search called {new!r} any more; nothing renamed")
        if not old or old in names:
            raise SavedSearchError(f"a saved search called {old!r} exists again; not renamed")
        searches = [replace(s, name=old) if s.name == new else s for s in searches]
        library.set_state(SAVED_SEARCHES, dump_saved(searches))
        library.watch_rename(new, old)
        said = f"Renamed the saved search {new} back to {old}."
    library.set_state(SAVED_UNDO, None)
    return said
