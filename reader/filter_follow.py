"""Filter chips follow entity corrections, and come back when a correction is undone.

A chip is an exact (type, name) filter. When the entity is renamed, retyped, merged into
another or blocked (from the sidebar or from another process), its old (type, name) names
nothing and the list would go empty under a chip that still reads the old name. Each chip is
rewritten to what `Library.entity_now` says the entity became; a blocked entity's chip goes.

Following alone cannot undo: after a rename is undone the new name is gone from the registry
(the chip would name nothing and go), after a merge is undone the target still stands (the
chip would stay on it), and a block's chip is already gone. A retype's undo only worked
because the name stays. So each chip keeps a trail, `ChipTrail`: every (type, name) it has
had since the user set it, oldest first. The oldest name that again names its own entity is
where the chip goes back to; otherwise the chip follows its newest name. A chip a block
dropped keeps its place among the others, so unblocking brings it back where it stood. The
trail lives as long as the chips do: chips the user changes by hand start their own. A saved
search keeps its chips' trails (`ChipTrail.trails`, `seed`) and follows through them too.

Runs in worker threads (the sidebar's correction and the live poll); a lock keeps the trail
whole when both follow at once.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from index.query import EntityFilter

#: Names a chip's trail (or an entity page's) keeps: one renamed again and again forgets its
#: oldest names.
TRAIL_NAMES = 20


@dataclass
class _Slot:
    """One chip: every filter it has been, oldest first; `now` None once blocked away."""

    names: list[EntityFilter]
    now: EntityFilter | None


def entity_now(library: Any, name: str, type_: Any) -> tuple[Any, str] | None:
    """`Library.entity_now`, except that a chip (or an entity page) never slides onto an entity of
    another type that merely shares its name: a split that takes every article from the
    person "ravensholm" leaves that person in the registry (with no articles), and the name
    would otherwise lead to the place "Ravensholm". A retype or a merge leaves no entity of
    the old type under the name, so those are still followed."""
    now = library.entity_now(name, type_)
    if now is not None and now[0] != type_:
        still = library.entity_candidates(name, type_)
        if any(c.name == name and c.type == type_ for c in still):
            return (type_, name)
    return (now[0], now[1]) if now is not None else None


def trail_place(
    library: Any, trail: Sequence[tuple[str, Any]]
) -> tuple[int, tuple[Any, str] | None] | None:
    """Where an entity known by `trail` (every (name, type) it has had, oldest first; a None
    type is one nothing can follow) is now, for a chip and for an entity page alike:
    `(i, None)` when `trail[i]` is again an entity's own name and type (the oldest such: an
    undone correction gives the old name back); else `(i, (type, name))` for the newest
    `trail[i]` that still leads somewhere; None when none does (blocked)."""
    for i, (name, type_) in enumerate(trail):
        if type_ is not None and entity_now(library, name, type_) == (type_, name):
            return i, None
    for i in range(len(trail) - 1, -1, -1):
        name, type_ = trail[i]
        now = entity_now(library, name, type_) if type_ is not None else None
        if now is not None:
            return i, now
    return None


def _place(library: Any, slot: _Slot) -> EntityFilter | None:
    """Where the chip of `slot` belongs now (None: blocked), adding a new name to its trail."""
    found = trail_place(library, [(chip.name, chip.type) for chip in slot.names])
    if found is None:
        return None
    i, now = found
    if now is None:
        return slot.names[i]
    moved = EntityFilter(now[0], now[1], slot.names[i].exclude)
    slot.names = [*slot.names, moved][-TRAIL_NAMES:]
    return moved


@dataclass
class ChipTrail:
    """The chips' story since the user set them, for following corrections and their undo."""

    _slots: list[_Slot] = field(default_factory=list)
    #: The chips as the last follow left them: other chips mean the user changed them.
    _after: tuple[EntityFilter, ...] = ()
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def follow(
        self, library: Any, filters: tuple[EntityFilter, ...]
    ) -> tuple[EntityFilter, ...] | None:
        """`filters` as the registry now names them (chips an undo brings back included), or
        None when they all stand as they are."""
        with self._lock:
            slots = self._match(filters)
            for slot in slots:
                slot.now = _place(library, slot)
            followed = tuple(slot.now for slot in slots if slot.now is not None)
            # Every slot is kept in the chips' order, a dropped one where its chip stood: an
            # undone block puts the chip back in its place, so backspace drops what it did.
            self._slots = slots
            self._after = followed
            return None if followed == filters else followed

    def seed(
        self, filters: tuple[EntityFilter, ...], trails: Sequence[Sequence[EntityFilter]]
    ) -> None:
        """Start from chips that already have a story (a saved search's): each of `filters`
        with its trail, every filter it has been, oldest first."""
        with self._lock:
            self._slots = [
                _Slot([*trail] if chip in trail else [*trail, chip], chip)
                for chip, trail in zip(filters, trails, strict=True)
            ]
            self._after = filters

    def trails(self, filters: tuple[EntityFilter, ...]) -> tuple[tuple[EntityFilter, ...], ...]:
        """Per chip of `filters`, every filter it has been, oldest first (what a saved search
        keeps, so that undoing a correction made before it was saved still finds the chip)."""
        with self._lock:
            found = [next((s for s in self._slots if s.now == chip), None) for chip in filters]
            return tuple(
                tuple(slot.names) if slot is not None else (chip,)
                for chip, slot in zip(filters, found, strict=True)
            )

    def _match(self, filters: tuple[EntityFilter, ...]) -> list[_Slot]:
        """A slot per chip: the one whose trail holds it, else a new one. Dropped chips are
        kept only while the chips are the ones the last follow left."""
        if filters == self._after and filters == tuple(
            s.now for s in self._slots if s.now is not None
        ):
            return list(self._slots)  # untouched since: each chip in its slot, in order
        free = list(self._slots)
        slots: list[_Slot] = []
        for chip in filters:
            slot = next((s for s in free if chip in s.names and s.now is not None), None)
            slot = slot or next((s for s in free if chip in s.names), None)
            if slot is None:
                slot = _Slot([chip], chip)
            else:
                free.remove(slot)
                slot.now = chip
            slots.append(slot)
        return slots


def followed_filters(
    library: Any, filters: tuple[EntityFilter, ...], trail: ChipTrail | None = None
) -> tuple[EntityFilter, ...] | None:
    """`filters` as the registry now names and types their entities, or None when all stand.

    With the screen's `trail`, chips also go back when a correction is undone."""
    return (trail or ChipTrail()).follow(library, filters)
