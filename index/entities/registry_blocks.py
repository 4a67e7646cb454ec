"""Names a user marked "not an entity" (`block`), as every lookup sees them, and the article
("a"/"an") messages put before a type.

A blocked entity keeps its row, forms and page rows, so `undo` or `unblock` puts it back; what
makes it blocked is its name on the stop list with no article linking it any more. Lookups (the
registry's finds, the entity page, related entities) leave such an entity out and say why, and
how to take it back (`dateline entities unblock NAME`, registry_unblock.py).
"""

from __future__ import annotations

import json
import shlex
import sqlite3
from collections.abc import Iterable

from .keys import entity_key

__all__ = [
    "BLOCKED_SQL",
    "a_or_an",
    "blocked_entities",
    "blocked_filter_message",
    "blocked_message",
    "unblock_command",
]


def blocked_message(name: str, blocked: str) -> str:
    """What a surface says about a blocked name (one wording for the CLI, the TUI, pages):
    that it is blocked, and the command that takes the block back whenever it was made (the
    TUI says its key instead: `reader.entity_commands.in_tui_words`)."""
    same = entity_key(blocked) == entity_key(name)
    was = "" if same else f' (as "{blocked}")'
    return (
        f'"{blocked if same else name}" was marked "not an entity"{was}: no article counts it'
        f" any more. To take that back: {unblock_command(blocked)}."
    )


def blocked_filter_message(typed: str, blocked: str) -> str:
    """Why a search filter (`place:lisbon`, as typed) finds nothing: it names a blocked entity."""
    return (
        f'{typed} finds nothing: "{blocked}" was marked "not an entity". To take that back:'
        f" {unblock_command(blocked)}."
    )


def unblock_command(name: str) -> str:
    """`dateline entities unblock "NAME"`, quoted so that it can be pasted into a shell."""
    quoted = f'"{name}"' if not set(name) & set('"$`\\!') else shlex.quote(name)
    return f"dateline entities unblock {quoted}"


def a_or_an(word: str) -> str:
    """ "a person", "an org": the article English puts before a type or any other word."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


#: SQL true for an entity `e` the user blocked: its name is on the stop list and no article
#: links it any more (block removes the links; undo puts them back).
BLOCKED_SQL = (
    "(e.key IN (SELECT key FROM entity_stoplist) AND NOT EXISTS (SELECT 1 FROM entity_aliases x"
    " JOIN entity_articles l ON l.alias_id = x.id WHERE x.entity_id = e.id))"
)


def blocked_entities(conn: sqlite3.Connection, eids: Iterable[int]) -> set[int]:
    """Which of `eids` are blocked entities (`BLOCKED_SQL`)."""
    ids = sorted(set(eids))
    if not ids:
        return set()
    rows = conn.execute(
        "SELECT e.id FROM entities e WHERE e.id IN (SELECT value FROM json_each(?))"
        f" AND {BLOCKED_SQL}",
        (json.dumps(ids),),
    )
    return {int(r[0]) for r in rows}
