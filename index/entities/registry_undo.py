"""So that undo reverses a correction exactly: the primitive changes every correction is made
of, each logged as a step, beside `_revert`, which takes that step back.

Every correction (merge, split, rename, alias in registry_edits.py; retype and block in
corrections.py; unblock in registry_unblock.py) is a list of steps (`_Op`) that `_remember`
stores as one undo-log row; `undo` reverts the last row's steps in reverse order, so it moves
exactly the rows the correction moved. A step and its reversal sit together so that neither
changes without the other; step kinds of other mixins go to their own reverts (`CORRECTION_OPS`,
`UNBLOCK_OPS`).

A mixin of `Registry` (through `EditsMixin`), in the caller's transaction.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .corrections import CORRECTION_OPS
from .registry_core import EntityError, RegistryCore, _Entity, _ids_json, _Op
from .registry_log import SAY
from .registry_unblock import UNBLOCK_OPS


class UndoMixin(RegistryCore):
    """`undo`, and the primitive logged changes every user correction is made of."""

    if TYPE_CHECKING:  # provided by CorrectionsMixin, UnblockMixin and LinksMixin

        def _revert_correction(self, kind: str, args: list[Any]) -> None: ...
        def _revert_unblock(self, kind: str, args: list[Any]) -> None: ...
        def _offer_name(self, eid: int, name: str) -> None: ...

    # -- undo ----------------------------------------------------------------------------------
    def undo(self) -> tuple[str, set[str]] | None:
        """Reverse the last correction exactly; None when there is nothing to undo."""
        row = self.conn.execute(
            "SELECT id, message, ops FROM entity_undo ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        undo_id, message, raw = row
        ops: list[_Op] = json.loads(raw)
        said = [op[1] for op in ops if op[0] == SAY]
        ops = [op for op in ops if op[0] != SAY]
        touched = self._touched(ops)
        affected = self._articles(touched)
        for op in reversed(ops):
            self._revert(op)
        self.conn.execute("DELETE FROM entity_undo WHERE id = ?", (undo_id,))
        affected |= self._articles(touched)
        # What the undo did, in its own words; a log written before corrections said it
        # (no "say" step) falls back to naming the correction undone.
        return (said[0] if said else f"Undid: {message}"), affected

    # -- primitive changes (each recorded in `log` when a user asked for it) -----------------
    def _user_form(self, e: _Entity, key: str, name: str, log: list[_Op]) -> None:
        """Make `name` a form of `e` the user vouches for (strong even if part of the name)."""
        row = self.conn.execute(
            "SELECT id, user FROM entity_aliases WHERE entity_id = ? AND key = ? ORDER BY id",
            (e.id, key),
        ).fetchone()
        if row is None:
            fid = self._form(e.id, e.type, key, name, user=1)
            log.append(["alias", fid, e.id])
        elif not row[1]:
            self.conn.execute("UPDATE entity_aliases SET user = 1 WHERE id = ?", (row[0],))
            log.append(["alias_user", int(row[0]), e.id, 0])
        if key in self._blocked(e.id):
            self._unblock(e.id, key, log)

    def _set_entity(self, eid: int, log: list[_Op], **fields: Any) -> None:
        cols = ", ".join(fields)
        old = self.conn.execute(f"SELECT {cols} FROM entities WHERE id = ?", (eid,)).fetchone()
        before = dict(zip(fields, old, strict=True))
        if before == fields:
            return
        sets = ", ".join(f"{c} = ?" for c in fields)
        self.conn.execute(f"UPDATE entities SET {sets} WHERE id = ?", (*fields.values(), eid))
        log.append(["set", eid, before])

    def _move_aliases(self, ids: list[int], src: int, dst: int, log: list[_Op] | None) -> None:
        self.conn.execute(
            "UPDATE entity_aliases SET entity_id = ? WHERE id IN (SELECT value FROM json_each(?))",
            (dst, _ids_json(ids)),
        )
        if log is not None:
            log.append(["move", sorted(ids), src, dst])

    def _absorb(self, keep: int, other: _Entity, log: list[_Op] | None) -> None:
        """Move every form of `other` into `keep` and delete `other`."""
        rows = self.conn.execute(
            "SELECT id, user FROM entity_aliases WHERE entity_id = ?", (other.id,)
        ).fetchall()
        ids = [int(r[0]) for r in rows]
        keys = {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT key FROM entity_aliases WHERE entity_id = ?", (other.id,)
            )
        }
        for key in sorted(keys & self._blocked(keep)):
            self._unblock(keep, key, log)
        self._move_aliases(ids, other.id, keep, log)
        if log is not None:  # the user vouched for these forms: strong even if part of the name
            for fid, user in rows:
                if not user:
                    self.conn.execute("UPDATE entity_aliases SET user = 1 WHERE id = ?", (fid,))
                    log.append(["alias_user", int(fid), keep, 0])
        self.conn.execute("DELETE FROM entities WHERE id = ?", (other.id,))
        if log is None:
            self.conn.execute("DELETE FROM entity_blocks WHERE entity_id = ?", (other.id,))
            self.conn.execute("DELETE FROM entity_changed WHERE entity_id = ?", (other.id,))
            self._changed(keep)
            self._offer_name(keep, other.name)
        else:
            log.append(
                [
                    "drop",
                    other.id,
                    other.type,
                    other.name,
                    other.key,
                    other.user_named,
                    other.pinned,
                ]
            )

    def _block(self, eid: int, key: str, log: list[_Op]) -> None:
        self.conn.execute("INSERT OR IGNORE INTO entity_blocks VALUES (?, ?)", (eid, key))
        log.append(["block", eid, key])

    def _unblock(self, eid: int, key: str, log: list[_Op] | None) -> None:
        self.conn.execute("DELETE FROM entity_blocks WHERE entity_id = ? AND key = ?", (eid, key))
        if log is not None:
            log.append(["unblock", eid, key])

    def _remember(self, message: str, log: list[_Op], undone: str) -> None:
        """Log a correction: its message, its steps, and what undoing it will have done
        (`undone`, kept as a last "say" step, so the log needs no new column): undo says
        "Unblocked "X" … (undid the block)", not the block's own words again."""
        steps = [*log, [SAY, undone]]
        self.conn.execute(
            "INSERT INTO entity_undo (message, ops) VALUES (?, ?)", (message, json.dumps(steps))
        )

    def _revert(self, op: _Op) -> None:
        kind, *args = op
        ex = self.conn.execute
        if kind == "set":
            eid, before = args
            sets = ", ".join(f"{c} = ?" for c in before)
            ex(f"UPDATE entities SET {sets} WHERE id = ?", (*before.values(), eid))
        elif kind == "move":
            ids, src, _dst = args
            ex(
                "UPDATE entity_aliases SET entity_id = ?"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (src, _ids_json(ids)),
            )
        elif kind == "drop":
            ex(
                "INSERT INTO entities (id, type, name, key, user_named, pinned)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                tuple(args),
            )
        elif kind == "create":
            eid, origin = args
            # Forms later articles wrote go back to where the entity came from; forms nothing
            # refers to (its own name form, made when it was created) go.
            ex(
                "UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ? AND EXISTS"
                " (SELECT 1 FROM entity_articles l WHERE l.alias_id = entity_aliases.id)",
                (origin, eid),
            )
            self._drop_entity(eid)
        elif kind == "alias":
            fid, _eid = args
            if ex("SELECT 1 FROM entity_articles WHERE alias_id = ? LIMIT 1", (fid,)).fetchone():
                ex("UPDATE entity_aliases SET user = 0 WHERE id = ?", (fid,))
            else:
                ex("DELETE FROM entity_tokens WHERE alias_id = ?", (fid,))
                ex("DELETE FROM entity_aliases WHERE id = ?", (fid,))
        elif kind == "alias_user":
            fid, _eid, user = args
            ex("UPDATE entity_aliases SET user = ? WHERE id = ?", (user, fid))
        elif kind == "block":
            ex("DELETE FROM entity_blocks WHERE entity_id = ? AND key = ?", tuple(args))
        elif kind == "unblock":
            ex("INSERT OR IGNORE INTO entity_blocks VALUES (?, ?)", tuple(args))
        elif kind in CORRECTION_OPS:
            self._revert_correction(kind, args)
        elif kind in UNBLOCK_OPS:
            self._revert_unblock(kind, args)
        else:  # pragma: no cover - a log written by a newer Dateline
            raise EntityError(f"cannot undo an unknown change ({kind})")

    @staticmethod
    def _touched(ops: list[_Op]) -> set[int]:
        """Entities an undo-log entry changes (their articles' index docs must follow)."""
        out: set[int] = set()
        for kind, *args in ops:
            if kind == "form_type":  # forms only: the "move" beside it names the entities
                continue
            if kind in ("move", "alias", "alias_user"):
                out.update(int(a) for a in args[1:3])
            elif kind == "create":
                out.update(int(a) for a in args[:2])
            else:
                out.add(int(args[0]))
        out.discard(0)
        return out
