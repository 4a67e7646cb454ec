"""The user's name corrections: merge, split, rename, alias.

A mixin of `Registry`, in the caller's transaction. Every change a user asks for is a list of
primitive steps (`_Op`) stored as one undo-log row; the steps, and `undo` that reverts them in
reverse order, are in registry_undo.py, which this mixin stands on. Steps of retype and block
live in corrections.py (`_revert_correction`), of unblock in registry_unblock.py.

One name, one type: a rename or alias to a name an entity of another type has is refused
(`NameTaken`, with the ways forward) unless forced; forced, the other entity is pinned too, as
the type vote (`_reconcile`) leaves pinned entities alone, and undo unpins it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import EntityType
from .keys import entity_key
from .registry_blocks import a_or_an
from .registry_core import EntityError, NameTaken, _articles_phrase, _Entity, _Op
from .registry_log import merged_in, separated
from .registry_undo import UndoMixin


class EditsMixin(UndoMixin):
    """merge, split, rename and alias, on the logged steps and `undo` of `UndoMixin`."""

    if TYPE_CHECKING:  # provided by CorrectionsMixin

        def _merge_pair(
            self, keep: str, other: str, type_: EntityType | None
        ) -> tuple[_Entity, _Entity, list[_Op]]: ...
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
