"""The user's name corrections (merge, split, rename, alias) and the undo log.

A mixin of `Registry`, in the caller's transaction. Every change a user asks for is a list of
primitive steps (`_Op`) stored as one undo-log row; `undo` reverts the steps in reverse order,
so it moves exactly the rows the correction moved. Steps of retype and block live in
corrections.py (`_revert_correction`), of unblock in registry_unblock.py.

One name, one type: a rename or alias to a name an entity of another type has is refused
(`NameTaken`, with the ways forward) unless forced; forced, the other entity is pinned too, as
the type vote (`_reconcile`) leaves pinned entities alone, and undo unpins it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import EntityType
from .corrections import CORRECTION_OPS
from .keys import entity_key
from .registry_blocks import a_or_an
from .registry_core import (
    EntityError,
    NameTaken,
    RegistryCore,
    _articles_phrase,
    _Entity,
    _ids_json,
    _Op,
)
from .registry_log import SAY, merged_in, separated
from .registry_unblock import UNBLOCK_OPS


class EditsMixin(RegistryCore):
    """merge, split, rename, alias, undo, and the primitive logged changes under them."""

    if TYPE_CHECKING:  # provided by CorrectionsMixin and LinksMixin

        def _merge_pair(
            self, keep: str, other: str, type_: EntityType | None
        ) -> tuple[_Entity, _Entity, list[_Op]]: ...
        def _revert_correction(self, kind: str, args: list[Any]) -> None: ...
        def _revert_unblock(self, kind: str, args: list[Any]) -> None: ...
        def _offer_name(self, eid: int, name: str) -> None: ...
        def _split_type(self, e: _Entity, name: str, form_ids: Sequence[int]) -> EntityType: ...
        def _retype_forms(
            self, ids: Sequence[int], old: EntityType, new: EntityType, log: list[_Op]
        ) -> None: ...

    # -- user corrections --------------------------------------------------------------------
    def merge(self, keep: str, other: str, type_: EntityType | None = None) -> tuple[str, set[str]]:
        """Make `other` a part of `keep`: its forms, mentions and articles follow."""
        k, o, log = self._merge_pair(keep, other, type_)  # two spellings, two types: one entity
        affected = self._articles([k.id, o.id])
        self._set_entity(k.id, log, pinned=1)
        self._absorb(k.id, o, log)
        message = (
            f'Merged "{o.name}" into "{k.name}" ({k.type}, {_articles_phrase(self._count(k.id))})'
        )
        self._remember(
            message, log, f'Separated "{o.name}" from "{k.name}" again (undid the merge)'
        )
        return message, affected

    def split(self, name: str, alias: str, type_: EntityType | None = None) -> tuple[str, set[str]]:
        """Make a form of an entity (and its mentions) an entity of its own again.

        The form goes to the entity already named like it if there is one, else to a new one,
        of the type it had before a merge brought it here (else the type the vote gives the
        name: `_split_type`), not blindly this entity's; a block keeps later articles from
        putting it back. Splitting the name of an entity a merge brought in takes back exactly
        the forms that merge moved: a form of that name the entity had before (Ana Ferreira's
        own "Ferreira") stays with its articles, unblocked, as it was before the merge.
        """
        e = self._pick(name, type_)
        akey = entity_key(alias)
        if akey == e.key:
            raise EntityError(f'"{alias}" is the name of "{e.name}" itself; rename it instead')
        rows = self.conn.execute(
            "SELECT id, name FROM entity_aliases WHERE entity_id = ? AND key = ? ORDER BY id",
            (e.id, akey),
        ).fetchall()
        # The display name of an entity a merge brought in: that entity comes back whole.
        whole = merged_in(self.conn, e.id, akey) if rows else None
        if not rows:
            forms = ", ".join(f'"{a}"' for a in self._describe([e.id])[e.id].aliases)
            raise EntityError(
                f'"{e.name}" has no alias "{alias}".'
                + (f" Its aliases: {forms}." if forms else " It has no aliases.")
            )
        affected = self._articles([e.id])
        log: list[_Op] = []
        self._set_entity(e.id, log, pinned=1)
        ids = [int(r[0]) for r in rows]
        own: list[int] = []  # forms of this name `e` had before the merge: they stay
        if whole is not None:
            if set(ids) & set(whole.forms):
                own = [i for i in ids if i not in whole.forms]
                ids = sorted(whole.forms)  # what the merge brought in, nothing of `e`'s own
            else:
                ids = sorted(set(ids) | set(whole.forms))
        written_as = whole.name if whole is not None else rows[0][1]
        # Not blindly `e`'s type: a place merged into an org comes back a place.
        type_now = self._split_type(e, written_as, ids)
        same = self.conn.execute(
            "SELECT id FROM entities WHERE key = ? AND type = ? AND id != ? ORDER BY id LIMIT 1",
            (akey, type_now, e.id),
        ).fetchone()
        if same:
            target = int(same[0])
            self._set_entity(target, log, pinned=1)
        else:
            target = self._new_entity(type_now, written_as, log=log, origin=e.id)
            if whole is not None and whole.user_named:
                self._set_entity(target, log, user_named=1)
        self._move_aliases(ids, e.id, target, log)
        if type_now != e.type:
            self._retype_forms(ids, e.type, type_now, log)
        if not own:  # `e` keeps no form of it: later articles must not put it back
            self._block(e.id, akey, log)
        written = self._entity(target).name
        message = (
            f'Split "{written}" from "{e.name}": now its own {type_now} '
            f"({_articles_phrase(self._count(target))})"
        )
        self._remember(message, log, f'Merged "{written}" back into "{e.name}" (undid the split)')
        return message, affected

    def rename(
        self, name: str, new_name: str, type_: EntityType | None = None, *, force: bool = False
    ) -> tuple[str, set[str]]:
        """Give an entity a display name; it wins over automatic choices, and the old name
        stays a form so articles writing it still resolve here.

        A name another entity of the same type has is refused (that is a merge); one an entity
        of another type has is refused too (`NameTaken`: one name, one type), unless `force`
        says they are two things of one name, which pins the other entity as well so the
        next article's type vote merges or retypes neither.
        """
        e = self._pick(name, type_)
        new_name = " ".join(new_name.split())
        nkey = entity_key(new_name)
        if not nkey:
            raise EntityError("A new name cannot be empty")
        if new_name == e.name:
            raise EntityError(f'"{e.name}" is already called that; nothing to rename')
        clash = self.conn.execute(
            "SELECT name FROM entities WHERE key = ? AND type = ? AND id != ?",
            (nkey, e.type, e.id),
        ).fetchone()
        if clash:
            raise EntityError(
                f'There is already {a_or_an(e.type)} called "{clash[0]}"; to make them one, '
                f'merge them: dateline entities merge "{clash[0]}" "{e.name}"'
            )
        log: list[_Op] = []
        apart = self._keep_apart("rename", e, nkey, new_name, force, log)
        self._set_entity(e.id, log, name=new_name, key=nkey, user_named=1, pinned=1)
        self._user_form(e, nkey, new_name, log)
        # The old name stays strong: "Hague" renamed "The Hague" is part of its new name, and
        # parts alone resolve nowhere, so the next article writing "Hague" would start anew.
        self._user_form(e, e.key, e.name, log)
        message = f'Renamed "{e.name}" to "{new_name}" ({e.type}){apart}'
        self._remember(message, log, f'Renamed "{new_name}" back to "{e.name}" (undid the rename)')
        return message, self._articles([e.id])

    def alias(
        self, name: str, alias: str, type_: EntityType | None = None, *, force: bool = False
    ) -> tuple[str, set[str]]:
        """Teach the registry that `alias` means this entity, now and in future articles.

        Entities already called `alias` (same type) are merged into it. An entity of another
        type called `alias` is the rename case: refused with `NameTaken` unless `force`.
        """
        e = self._pick(name, type_)
        alias = " ".join(alias.split())
        akey = entity_key(alias)
        if not akey:
            raise EntityError("An alias cannot be empty")
        if akey == e.key:
            raise EntityError(f'"{alias}" is already the name of "{e.name}"')
        others = [
            self._entity(r[0])
            for r in self.conn.execute(
                "SELECT id FROM entities WHERE key = ? AND type = ? AND id != ? ORDER BY id",
                (akey, e.type, e.id),
            )
        ]
        affected = self._articles([e.id, *(o.id for o in others)])
        log: list[_Op] = []
        apart = self._keep_apart("alias", e, akey, alias, force, log)
        self._set_entity(e.id, log, pinned=1)
        self._user_form(e, akey, alias, log)
        for other in others:
            self._absorb(e.id, other, log)
        message = f'"{alias}" now means "{e.name}" ({e.type})'
        if others:
            message += "; merged " + ", ".join(f'"{o.name}"' for o in others)
        undone = f'"{alias}" no longer means "{e.name}"' + separated([o.name for o in others])
        self._remember(message + apart, log, undone + " (undid the alias)")
        return message + apart, affected

    def _keep_apart(
        self, kind: str, e: _Entity, key: str, name: str, force: bool, log: list[_Op]
    ) -> str:
        """Check `name` against entities of other types; "" when none holds it.

        Unforced, a holder is a `NameTaken` error. Forced, each holder is pinned (logged, so
        undo unpins it): `_reconcile` leaves pinned entities alone, so the two keep their
        types and stay two. Returns the clause the message ends with.
        """
        ids = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT id FROM entities WHERE key = ? AND type != ? AND id != ? ORDER BY id",
                (key, e.type, e.id),
            )
        ]
        if not ids:
            return ""
        described = self._describe([e.id, *ids])
        holders = [described[i] for i in ids]
        if not force:
            raise NameTaken(kind, described[e.id], name, holders)
        for eid in ids:
            self._set_entity(eid, log, pinned=1)
        return "; kept apart from " + ", ".join(f'the {h.type} "{h.name}"' for h in holders)

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
