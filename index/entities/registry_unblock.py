"""`block`, `unblock`, the list of blocked names, and which of a query's names are blocked.

A block ("not an entity", `block`) puts an entity's names on the stop list and takes its
article links and mentions out, keeping them in its undo-log row. Only `undo` could take it
back, and only while the block was the last correction: after a block and five other
corrections, unblocking meant undoing all six. `unblock` finds the block's row in the log
wherever it is and reverses it as a correction of its own, undoable like any other (its undo
blocks the name again):

* the names the block stopped come off the stop list, so later articles count them again;
* the links and mentions the block took out come back, for the articles the library still has
  (`present`: an article deleted since has nothing to take back).

Articles read while the name was blocked were read without it; they count it again when read
again (a refresh that updates them), as every later article does.

A mixin of `Registry`, in the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

from ..model import EntityCount, EntityType
from .keys import entity_key, tokens
from .mentions import restore, take_entity
from .registry_blocks import BLOCKED_SQL, a_or_an
from .registry_core import (
    AmbiguousName,
    EntityError,
    RegistryCore,
    _articles_phrase,
    _Entity,
    _holds,
    _Op,
)

#: Undo-step kinds `_revert_unblock` handles: a stop-list name taken off ("unstop": entity id,
#: key, name) and an entity's links given back ("relinked": entity id).
UNBLOCK_OPS = frozenset({"unstop", "relinked"})

#: Which of some article ids the library still has (the facade asks its articles table).
Present = Callable[[Collection[str]], set[str]]


class UnblockMixin(RegistryCore):
    """`block`, `blocked_names`, `blocked`, `unblock`, `blocked_named`, `blocked_matching` for `Registry`."""

    if TYPE_CHECKING:  # provided by UndoMixin (through EditsMixin)

        def _remember(self, message: str, log: list[_Op], undone: str) -> None: ...
        def _set_entity(self, eid: int, log: list[_Op], **fields: Any) -> None: ...

    def block(self, name: str, type_: EntityType | None = None) -> tuple[str, set[str]]:
        """Mark an entity's names as "not an entity": removed from every article now, and never
        taken from an extraction again. Undoable (the links come back)."""
        e = self._pick(name, type_)
        ex = self.conn.execute
        forms = ex(
            "SELECT DISTINCT key, name FROM entity_aliases WHERE entity_id = ? ORDER BY id",
            (e.id,),
        ).fetchall()
        affected = self._articles([e.id])
        log: list[_Op] = []
        self._set_entity(e.id, log, pinned=1)
        for key, written in forms:
            if ex("SELECT 1 FROM entity_stoplist WHERE key = ?", (key,)).fetchone():
                continue
            ex("INSERT INTO entity_stoplist (key, name) VALUES (?, ?)", (key, written))
            log.append(["stop", e.id, key])
        links = ex(
            "SELECT l.article_id, l.alias_id, l.mentions, l.first FROM entity_articles l"
            " JOIN entity_aliases a ON a.id = l.alias_id WHERE a.entity_id = ?",
            (e.id,),
        ).fetchall()
        mentions = take_entity(self.conn, e.id)  # index.entities.mentions
        ex(
            "DELETE FROM entity_articles WHERE alias_id IN"
            " (SELECT id FROM entity_aliases WHERE entity_id = ?)",
            (e.id,),
        )
        log.append(["unlinked", e.id, [list(r) for r in links], mentions])
        message = f'"{e.name}" is not an entity: removed from {_articles_phrase(len(affected))}'
        back = f'Unblocked "{e.name}": back in {_articles_phrase(len(affected))} (undid the block)'
        self._remember(message, log, back)
        return message, affected

    def blocked_names(self) -> list[str]:
        """Names the user marked as not entities, alphabetically."""
        rows = self.conn.execute("SELECT name FROM entity_stoplist ORDER BY key")
        return [r[0] for r in rows]

    def blocked(self) -> list[EntityCount]:
        """Every blocked entity, by name: its type, the number of articles the block took it
        out of, and its other names (what the user may unblock)."""
        ids = [int(r[0]) for r in self.conn.execute(f"SELECT e.id FROM entities e WHERE {BLOCKED_SQL}")]  # fmt: skip
        counts = {eid: len({str(r[0]) for r in self._block_step(eid)[1]}) for eid in ids}
        described = self._describe(ids, counts)
        return sorted(described.values(), key=lambda d: (d.name.casefold(), d.type))

    def blocked_named(self, name: str, type_: EntityType | None = None) -> list[int]:
        """Blocked entities called `name` (a display name or another of their names)."""
        typed = " AND a.type = ?" if type_ else ""
        key = entity_key(name)
        rows = self.conn.execute(
            "SELECT DISTINCT e.id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
            f" WHERE a.key = ?{typed} AND {BLOCKED_SQL} ORDER BY e.key = a.key DESC, e.id",
            (key, type_) if type_ else (key,),
        )
        return [int(r[0]) for r in rows]

    def blocked_matching(self, type_: EntityType, words: Sequence[str]) -> list[str]:
        """Display names of blocked entities of `type_` one of whose names holds `words` in a
        row: what a search filter such as `place:lisbon` would have found before the block."""
        words = [w for w in words if w]
        if not words:
            return []
        rows = self.conn.execute(
            "SELECT DISTINCT e.id, e.name, a.name FROM entity_tokens t JOIN entity_aliases a"
            " ON a.id = t.alias_id JOIN entities e ON e.id = a.entity_id"
            f" WHERE t.token = ? AND e.type = ? AND {BLOCKED_SQL} ORDER BY e.id",
            (max(words, key=len), type_),
        )
        found = {int(e): str(n) for e, n, form in rows if _holds(tokens(form), words)}
        return list(dict.fromkeys(found.values()))

    def unblock(
        self, name: str, type_: EntityType | None = None, *, present: Present | None = None
    ) -> tuple[str, set[str]]:
        """Take back a block, whenever it was made: the entity's names leave the stop list and
        its links and mentions come back (to the articles `present` says are still there).
        Undoable: the undo blocks it again."""
        e = self._pick_blocked(name, type_)
        stopped, links, mentions = self._block_step(e.id)
        ex = self.conn.execute
        log: list[_Op] = []
        for key in stopped:
            row = ex("SELECT name FROM entity_stoplist WHERE key = ?", (key,)).fetchone()
            if row is not None:
                ex("DELETE FROM entity_stoplist WHERE key = ?", (key,))
                log.append(["unstop", e.id, key, str(row[0])])
        forms = {int(r[0]) for r in ex("SELECT id FROM entity_aliases WHERE entity_id = ?", (e.id,))}  # fmt: skip
        kept = {str(r[0]) for r in links}
        if present is not None:
            kept = present(kept)
        links = [r for r in links if str(r[0]) in kept and int(r[1]) in forms]
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_articles (article_id, alias_id, mentions, first)"
            " VALUES (?,?,?,?)",
            [tuple(r) for r in links],
        )
        restore(self.conn, [m for m in mentions if str(m[0]) in kept and int(m[4]) in forms])
        log.append(["relinked", e.id])
        back = _articles_phrase(self._count(e.id))
        message = f'Unblocked "{e.name}" ({e.type}): back in {back}'
        undone = f'Blocked "{e.name}" again: removed from {back} (undid the unblock)'
        self._remember(message, log, undone)
        return message, self._articles([e.id])

    def _pick_blocked(self, name: str, type_: EntityType | None) -> _Entity:
        """The one blocked entity `name` means; EntityError (or AmbiguousName) otherwise."""
        ids = self.blocked_named(name, type_)
        if len(ids) == 1:
            return self._entity(ids[0])
        if ids:
            described = self._describe(ids)
            raise AmbiguousName(
                f'"{name}" is ambiguous: several blocked names. Please give its type.',
                [described[i] for i in ids],
                name,
            )
        live, _ = self._find_ids(name, type_)
        if live:
            d = self._describe(live[:1])[live[0]]
            raise EntityError(
                f'"{name}" is not blocked: "{d.name}" is {a_or_an(d.type)} '
                f"({_articles_phrase(d.count)})."
            )
        names = [d.name for d in self.blocked()]
        listed = ", ".join(f'"{n}"' for n in names[:12]) + (" …" if len(names) > 12 else "")
        raise EntityError(
            f'No {type_ or "entity"} called "{name}" is marked "not an entity".'
            + (f" Blocked: {listed}." if names else " Nothing is blocked.")
        )

    def _block_step(self, eid: int) -> tuple[list[str], list[list[Any]], list[list[Any]]]:
        """What the newest block of `eid` did, from its undo-log row: the keys it put on the
        stop list, the links it removed and the mentions it took out. A block with no row
        left (none is ever pruned; kept for safety) gives the entity's own stopped names."""
        for (raw,) in self.conn.execute("SELECT ops FROM entity_undo ORDER BY id DESC"):
            ops = json.loads(raw)
            step = next((op for op in ops if op[0] == "unlinked" and int(op[1]) == eid), None)
            if step is not None:
                stopped = [str(op[2]) for op in ops if op[0] == "stop" and int(op[1]) == eid]
                return stopped, list(step[2]), list(step[3])
        rows = self.conn.execute(
            "SELECT DISTINCT key FROM entity_aliases WHERE entity_id = ?"
            " AND key IN (SELECT key FROM entity_stoplist)",
            (eid,),
        )
        return [str(r[0]) for r in rows], [], []

    def _revert_unblock(self, kind: str, args: list[Any]) -> None:
        """Reverse one step of `unblock`: block the entity again."""
        ex = self.conn.execute
        if kind == "unstop":
            _eid, key, name = args
            ex("INSERT OR IGNORE INTO entity_stoplist (key, name) VALUES (?, ?)", (key, name))
        else:  # "relinked": out of every article again, as a block leaves it
            (eid,) = args
            take_entity(self.conn, int(eid))
            ex(
                "DELETE FROM entity_articles WHERE alias_id IN"
                " (SELECT id FROM entity_aliases WHERE entity_id = ?)",
                (int(eid),),
            )
