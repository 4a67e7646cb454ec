"""What an open entity page becomes after the library changed under it (worker side).

An entity page is opened on a name; a rename, retype or merge made elsewhere (another shell's
`dateline entities …`, or an undo) leaves that name pointing nowhere, or at the loser of a
merge. The page and the pages it was reached from (Enter on a related entity) are renamed
through `Library.entity_now`, which follows every name the registry has written an entity
as, and the shown one is read again. Runs in a worker thread: it reads the library.

Following alone cannot undo (the filter chips' `ChipTrail` has the same problem): after a
rename is undone the new name is gone from the registry, and after a merge is undone the
target still stands. So each page remembers every name it has had, oldest first (`Visit`);
the oldest that again names its own entity is where the page goes back to, else it follows
its newest name that still leads somewhere. Only when none does is the entity gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from index.model import EntityType
from index.pages import EntityPage

from ..filter_follow import TRAIL_NAMES, trail_place

#: A page's entity as (name, type); type None until the first load resolves it.
Key = tuple[str, EntityType | None]


@dataclass(frozen=True)
class Visit:
    """One entity page on the way: the name it shows now and every name it has had."""

    now: Key
    #: Every (name, type) this page's entity has had since it was opened, oldest first.
    names: tuple[Key, ...]

    @classmethod
    def of(cls, name: str, type_: EntityType | None) -> Visit:
        return cls((name, type_), ((name, type_),))

    def resolved(self, key: Key) -> Visit:
        """The page as a load resolved it ("Haddad" opens "Omar Haddad"): untyped names,
        which nothing can follow, make way for the resolved one."""
        if key == self.now:
            return self
        kept = tuple(n for n in self.names if n[1] is not None and n != key)
        return Visit(key, (*kept, key)[-TRAIL_NAMES:])


#: The entity pages walked through, oldest first.
History = tuple[Visit, ...]


@dataclass(frozen=True)
class Moved:
    """How the shown page's entity moved: `back` when it returned to an earlier name (a
    correction was undone) rather than following a rename, retype or merge forward."""

    back: bool = False


def _place(library: Any, visit: Visit) -> tuple[Visit | None, bool]:
    """Where `visit` belongs now (None: its entity is gone) and whether it went back to an
    earlier name than the one it showed."""
    if visit.now[1] is None:
        return visit, False  # never resolved: nothing to follow
    found = trail_place(library, visit.names)
    if found is None:
        return None, False
    index, now = found
    if now is None:  # an undo gave an old name back
        old = visit.names[index]
        return Visit(old, visit.names), index < visit.names.index(visit.now)
    key: Key = (now[1], now[0])
    names = visit.names if key in visit.names else (*visit.names, key)[-TRAIL_NAMES:]
    return Visit(key, names), False


def follow_history(
    library: Any, history: History, *, corrected: bool
) -> tuple[History, EntityPage | None, Moved]:
    """`history` as the registry now names it (blocked entities dropped, an entity merged into
    the page before it listed once) and the last entity's page read again; None for the page
    when that entity is no longer one (blocked, or gone in a way the registry cannot tell)."""
    placed = [_place(library, v) if corrected else (v, False) for v in history]
    followed: list[Visit] = []
    for visit, _ in placed:
        if visit is not None and followed and followed[-1].now == visit.now:
            followed[-1] = visit  # merged into the page before it: listed once
        elif visit is not None:
            followed.append(visit)
    last, back = placed[-1]
    page = None
    if last is not None:
        try:
            page = library.entity_page(last.now[0], last.now[1])
        except Exception:  # an unknown or ambiguous name now: the page cannot stand
            page = None
    return tuple(followed), page, Moved(back=back)
