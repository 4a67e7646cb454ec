"""What the undo log remembers of past merges, for corrections that depend on them, and the
words an undo says.

A merge logs the entity it absorbed (a "drop" step: its id, type, display name and key) and the
forms it moved (a "move" step from that id). When the user later splits that display name off,
they mean the entity the merge brought in, not the one form spelled like it: a name renamed
before the merge may carry no mention at all, and splitting it alone made an empty entity while
its articles stayed behind. `merged_in` finds what that merge moved and is still there.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

#: The undo-log step that holds what undoing its correction will have done (its message);
#: never reverted, skipped by every reader of the steps.
SAY = "say"


def separated(names: Sequence[str]) -> str:
    """ "; separated "A", "B" again": what undoing a correction that merged these does."""
    if not names:
        return ""
    return "; separated " + ", ".join(f'"{n}"' for n in names) + " again"


@dataclass(frozen=True)
class MergedIn:
    """An entity a logged merge absorbed into another, as it was before the merge."""

    forms: tuple[int, ...]  # its forms still in the entity it was merged into
    name: str
    user_named: bool


def merged_in(conn: sqlite3.Connection, eid: int, key: str) -> MergedIn | None:
    """The newest logged merge that brought an entity displayed as `key` into `eid` (itself or
    through entities merged into `eid` since), with those of its forms `eid` still holds."""
    here = {int(r[0]) for r in conn.execute("SELECT id FROM entity_aliases WHERE entity_id = ?", (eid,))}  # fmt: skip
    for (raw,) in conn.execute("SELECT ops FROM entity_undo ORDER BY id DESC"):
        ops = json.loads(raw)
        for op in ops:
            if op[0] != "drop" or op[4] != key:
                continue
            moved = {
                int(i) for m in ops if m[0] == "move" and int(m[2]) == int(op[1]) for i in m[1]
            }
            still = sorted(moved & here)
            if still:
                return MergedIn(tuple(still), str(op[3]), bool(op[5]))
    return None
