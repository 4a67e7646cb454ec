"""What an open entity page becomes after the library changed under it (worker side).

An entity page is opened on a name; a rename, retype or merge made elsewhere (another shell's
`dateline entities …`, or an undo) leaves that name pointing nowhere, or at the loser of a
merge. The page and the pages it was reached from (Enter on a related entity) are renamed
through `Library.entity_now`, which follows every name the registry has written an entity
as, and the shown one is read again. Runs in a worker thread: it reads the library.
"""

from __future__ import annotations

from typing import Any

from index.model import EntityType
from index.pages import EntityPage

#: The entity pages walked through, oldest first: (name, type) as each page was opened.
History = tuple[tuple[str, EntityType | None], ...]


def follow_history(
    library: Any, history: History, *, corrected: bool
) -> tuple[History, EntityPage | None]:
    """`history` as the registry now names it (blocked entities dropped, an entity merged into
    the page before it listed once) and the last entity's page read again; None for the page
    when that entity is no longer one (blocked, or gone in a way the registry cannot tell)."""
    now = [
        library.entity_now(name, type_) if corrected and type_ else (type_, name)
        for name, type_ in history
    ]
    followed: list[tuple[str, EntityType | None]] = []
    for entry in now:
        if entry is not None and (not followed or followed[-1] != (entry[1], entry[0])):
            followed.append((entry[1], entry[0]))
    page = None
    if now[-1] is not None:
        try:
            page = library.entity_page(now[-1][1], now[-1][0])
        except Exception:  # an unknown or ambiguous name now: the page cannot stand
            page = None
    return tuple(followed), page
