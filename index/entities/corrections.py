"""The registry's type decisions and the corrections that go beyond names: retype (block is in
registry_unblock.py, beside its inverse).

A mixin of `Registry` (the name corrections are in registry_edits.py); every
method here runs inside the caller's transaction and records user changes in the same undo
log, with its own step kinds reverted by `_revert_correction`.

* Library-wide type (`_typed_entities`, called first by `assign`): each article's extraction
  votes for a name's type; the name takes the type `typevote.decide` picks from all votes plus
  the gazetteer, and entities that hold the same name under another type are retyped or merged
  into the winner. So a later article corrects an earlier typing, and a three-line feed item
  cannot make a city a person.
* `retype`: the user's type, final for that entity (votes never override it), undoable.
* Merging two spellings of one name that landed under different types (or the same key) is
  resolved here too (`_merge_pair`), instead of answering "ambiguous" or "already the same".
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from ..model import ENTITY_TYPES, EntityCount, EntityType
from . import LocalEntity
from . import registry_teams as teams
from .keys import entity_key
from .mentions import ensure, restore
from .registry_blocks import a_or_an
from .registry_core import _articles_phrase
from .registry_log import separated
from .typevote import SCHEMA, article_weight, decide

if TYPE_CHECKING:
    from .registry import _Entity

_Op = list[Any]


class CorrectionsMixin:
    """Type decisions, `retype` and cross-type merges for `Registry`."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:  # provided by Registry

        def _pick(self, name: str, type_: EntityType | None) -> _Entity: ...
        def _entity(self, eid: int) -> _Entity: ...
        def _absorb(self, keep: int, other: _Entity, log: list[_Op] | None) -> None: ...
        def _changed(self, eid: int) -> None: ...
        def _set_entity(self, eid: int, log: list[_Op], **fields: Any) -> None: ...
        def _articles(self, eids: Iterable[int]) -> set[str]: ...
        def _count(self, eid: int) -> int: ...
        def _remember(self, message: str, log: list[_Op], undone: str) -> None: ...
        def find(self, name: str, type_: EntityType | None = None) -> list[EntityCount]: ...
        def _holder(self, type_: EntityType, eid: int) -> int | None: ...

    def _ensure_corrections(self) -> None:
        for statement in SCHEMA:
            self.conn.execute(statement)
        ensure(self.conn, teams.SCHEMA)  # a table newer than format 2: read-only safe

    # -- library-wide type ---------------------------------------------------------------------
    def _typed_entities(
        self, article_id: str, entities: Sequence[LocalEntity]
    ) -> list[LocalEntity]:
        """An article's entities with blocked names removed and each name's library-wide type.

        Records this article's votes first, so its own evidence counts; entities of the same
        name under a losing type are retyped (or merged into the winner) on the way.
        """
        ex = self.conn.execute
        ex("DELETE FROM entity_type_votes WHERE article_id = ?", (article_id,))
        stop = self._stopped([entity_key(n) for e in entities for n in (e.name, *e.aliases)])
        borne = _borne_names(entities)
        kept: list[LocalEntity] = []
        for local in entities:
            key = entity_key(local.name)
            if not key or key in stop:
                continue
            aliases = tuple(a for a in local.aliases if entity_key(a) not in stop)
            if aliases != local.aliases:
                local = dataclasses.replace(local, aliases=aliases)
            kept.append(local)
            if local.team:
                continue  # the club keeps its type and casts no vote on what its town is
            evidence = local.evidence or (local.type == "person" and key in borne)
            ex(
                "INSERT INTO entity_type_votes (article_id, key, type, weight) VALUES (?,?,?,?)"
                " ON CONFLICT (key, article_id, type) DO UPDATE SET weight = weight + excluded.weight",
                (article_id, key, local.type, article_weight(len(local.mentions), evidence)),
            )
        # A short form this article wrote for a body's name ("Tumaini" of "Tumaini Pay") votes
        # too, as one passing mention: another article's lone "Tumaini" is the firm. (Not a
        # person's surname: a lone surname elsewhere may be someone else, kept apart by type.)
        self.conn.executemany(
            "INSERT INTO entity_type_votes (article_id, key, type, weight) VALUES (?,?,?,?)"
            " ON CONFLICT (key, article_id, type) DO NOTHING",
            [
                (article_id, akey, local.type, article_weight(1))
                for local in kept
                if local.type == "org"
                for alias in local.aliases
                if (akey := entity_key(alias))
                and set(akey.split()) < set(entity_key(local.name).split())
            ],
        )
        teams.record(self.conn, article_id, kept)  # registry_teams.py: a club and its town
        out: list[LocalEntity] = []
        for local in kept:
            key = entity_key(local.name)
            user = self._user_type(key)
            winner = decide(local.name, self._votes(article_id, key), user)
            if teams.keeps(self.conn, local, winner, user):
                out.append(local)  # "La Rochelle beat Toulon": the club, not the town
                continue
            self._reconcile(key, winner, article_id)
            out.append(local if local.type == winner else dataclasses.replace(local, type=winner))
        return out

    def _stopped(self, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        rows = self.conn.execute(
            "SELECT key FROM entity_stoplist WHERE key IN (SELECT value FROM json_each(?))",
            (_json(keys),),
        )
        return {r[0] for r in rows}

    def _votes(self, article_id: str, key: str) -> dict[str, float]:
        """Summed votes per type for a name, over this article and every article still linked
        (votes of forgotten articles are ignored, so no cleanup hook is needed)."""
        rows = self.conn.execute(
            "SELECT type, SUM(weight) FROM entity_type_votes v WHERE key = ? AND"
            " (article_id = ? OR EXISTS (SELECT 1 FROM entity_articles l"
            " WHERE l.article_id = v.article_id)) GROUP BY type",
            (key, article_id),
        )
        return {t: float(w) for t, w in rows}

    def _user_type(self, key: str) -> EntityType | None:
        row = self.conn.execute(
            "SELECT u.type FROM entities e JOIN entity_user_types u ON u.entity_id = e.id"
            " WHERE e.key = ? ORDER BY e.id LIMIT 1",
            (key,),
        ).fetchone()
        return row[0] if row else None

    def _reconcile(self, key: str, winner: EntityType, article_id: str = "") -> None:
        """Entities named `key` under another type take the winner's: merged into the
        winner's entity when there is one, else retyped. Entities a user touched stay, and so
        does a club an article showed playing (registry_teams.py)."""
        rows = self.conn.execute(
            "SELECT id, type FROM entities WHERE key = ? AND type != ? AND pinned = 0 ORDER BY id",
            (key, winner),
        ).fetchall()
        if any(t == "org" for _, t in rows) and teams.spared(self.conn, key, article_id):
            rows = [r for r in rows if r[1] != "org"]
        for eid, _type in rows:
            target = self.conn.execute(
                "SELECT id FROM entities WHERE key = ? AND type = ? ORDER BY id LIMIT 1",
                (key, winner),
            ).fetchone()
            holder = self._holder(winner, int(eid)) if target is None else int(target[0])
            self._set_type(int(eid), winner)
            if holder is not None:
                self._absorb(holder, self._entity(int(eid)), None)
            else:
                self._changed(int(eid))

    def _set_type(self, eid: int, type_: EntityType) -> None:
        """An entity and all its forms (and their tokens) under `type_`."""
        ex = self.conn.execute
        ex("UPDATE entities SET type = ? WHERE id = ?", (type_, eid))
        ex("UPDATE entity_aliases SET type = ? WHERE entity_id = ?", (type_, eid))
        ex(
            "UPDATE entity_tokens SET type = ? WHERE alias_id IN"
            " (SELECT id FROM entity_aliases WHERE entity_id = ?)",
            (type_, eid),
        )

    def _split_type(self, e: _Entity, name: str, form_ids: Sequence[int]) -> EntityType:
        """The type a form split off `e` gets back: the type its entity had when a merge across
        types brought it into `e` (the undo log's steps of that merge), else the type the
        library-wide vote gives the name, else `e`'s (a name no article typed)."""
        ids = {int(i) for i in form_ids}
        for (raw,) in self.conn.execute("SELECT ops FROM entity_undo ORDER BY id DESC"):
            ops = json.loads(raw)
            moved = next(
                (
                    int(op[2])
                    for op in ops
                    if op[0] == "move" and int(op[3]) == e.id and ids & {int(i) for i in op[1]}
                ),
                None,
            )
            if moved is None:
                continue
            before = [op[2] for op in ops if op[0] == "retype" and int(op[1]) == moved]
            dropped = [op[2] for op in ops if op[0] == "drop" and int(op[1]) == moved]
            if before or dropped:
                return cast(EntityType, (before or dropped)[0])
            break
        votes = self._votes("", entity_key(name))
        if any(w > 0 for w in votes.values()):
            return decide(name, votes, None)
        return e.type

    def _retype_forms(
        self, ids: Sequence[int], old: EntityType, new: EntityType, log: list[_Op]
    ) -> None:
        """Forms (and their tokens) under another type, logged: a split form takes its own
        type while the entity it left keeps its."""
        ex = self.conn.execute
        listed = _json([str(int(i)) for i in ids])
        ex("UPDATE entity_aliases SET type = ? WHERE id IN (SELECT value FROM json_each(?))", (new, listed))  # fmt: skip
        ex("UPDATE entity_tokens SET type = ? WHERE alias_id IN (SELECT value FROM json_each(?))", (new, listed))  # fmt: skip
        log.append(["form_type", sorted(int(i) for i in ids), old, new])

    # -- user corrections ----------------------------------------------------------------------
    def retype(
        self, name: str, new_type: EntityType, type_: EntityType | None = None
    ) -> tuple[str, set[str]]:
        """Give an entity a type, final for it and its names; an entity of that type with the
        same name is merged into it. Undoable."""
        if new_type not in ENTITY_TYPES:
            raise _error(f"Unknown type {new_type!r}: use one of {', '.join(ENTITY_TYPES)}")
        e = self._pick(name, type_)
        user = self._user_type_of(e.id)
        if e.type == new_type and user == new_type:
            raise _error(f'"{e.name}" is already {a_or_an(new_type)}')
        others = [
            self._entity(int(r[0]))
            for r in self.conn.execute(
                "SELECT id FROM entities WHERE key = ? AND type = ? AND id != ? ORDER BY id",
                (e.key, new_type, e.id),
            )
        ]
        affected = self._articles([e.id, *(o.id for o in others)])
        log: list[_Op] = []
        self._set_entity(e.id, log, pinned=1)
        self._retype_logged(e, new_type, log)
        for other in others:
            self._absorb(e.id, other, log)
        if e.type == new_type:  # already of that type by the vote: now final
            message = f'Kept "{e.name}" {a_or_an(new_type)}, final now'
            undone = f'"{e.name}" is no longer final as {a_or_an(new_type)}'
        else:
            message = f'Retyped "{e.name}" from {e.type} to {new_type}'
            undone = f'Retyped "{e.name}" back from {new_type} to {e.type}'
        message += f" ({_articles_phrase(self._count(e.id))})"
        if others:
            message += "; merged " + ", ".join(f'"{o.name}"' for o in others)
            undone += separated([o.name for o in others])
        self._remember(message, log, undone + " (undid the retype)")
        return message, affected

    def _retype_logged(self, e: _Entity, new_type: EntityType, log: list[_Op]) -> None:
        old_user = self._user_type_of(e.id)
        if e.type != new_type:
            self._set_type(e.id, new_type)
            log.append(["retype", e.id, e.type, new_type])
        self.conn.execute(
            "INSERT OR REPLACE INTO entity_user_types (entity_id, type) VALUES (?, ?)",
            (e.id, new_type),
        )
        log.append(["user_type", e.id, old_user])

    def _user_type_of(self, eid: int) -> EntityType | None:
        row = self.conn.execute(
            "SELECT type FROM entity_user_types WHERE entity_id = ?", (eid,)
        ).fetchone()
        return row[0] if row else None

    def candidates(self, name: str, type_: EntityType | None = None) -> list[EntityCount]:
        """Entities a name could mean (exact names and aliases first), for a user to choose."""
        return self.find(name, type_)

    def _merge_pair(
        self, keep: str, other: str, type_: EntityType | None
    ) -> tuple[_Entity, _Entity, list[_Op]]:
        """The two entities a merge means, and the undo steps that make them one type.

        Two spellings with one key ("Hay’at Tahrir al-Sham" / "Hayat Tahrir al-Sham") are told
        apart by their exact display names; an entity of another type is retyped to `keep`'s.
        """
        log: list[_Op] = []
        if entity_key(keep) == entity_key(other):
            pool = [
                self._entity(int(r[0]))
                for r in self.conn.execute(
                    "SELECT id FROM entities WHERE key = ? ORDER BY id", (entity_key(keep),)
                )
            ]
            k = next((e for e in pool if e.name == keep), None)
            o = next((e for e in pool if e.name == other and e is not k), None)
            if k is None or o is None:
                rest = [e for e in pool if e is not k and e is not o]
                k = k or (rest.pop(0) if rest else None)
                o = o or (rest.pop(0) if rest else None)
            if k is None or o is None:
                k, o = self._pick(keep, type_), self._pick(other, type_)
        else:
            from .registry import EntityError

            k = self._pick(keep, type_)
            try:
                o = self._pick(other, type_)
            except EntityError:
                if type_ is None:
                    raise
                o = self._pick(other, None)  # "--type org" describes the entity kept
        if k.id == o.id:
            raise _error(f'"{keep}" and "{other}" are already the same {k.type}: "{k.name}"')
        if o.type != k.type:
            self._set_entity(o.id, log, pinned=1)
            self._set_type(o.id, k.type)
            log.append(["retype", o.id, o.type, k.type])
            o = self._entity(o.id)
        return k, o, log

    # -- undo ----------------------------------------------------------------------------------
    def _revert_correction(self, kind: str, args: list[Any]) -> None:
        """Reverse one undo step written by this mixin."""
        ex = self.conn.execute
        if kind == "retype":
            eid, old, _new = args
            self._set_type(int(eid), old)
        elif kind == "user_type":
            eid, old = args
            if old is None:
                ex("DELETE FROM entity_user_types WHERE entity_id = ?", (eid,))
            else:
                ex("INSERT OR REPLACE INTO entity_user_types VALUES (?, ?)", (eid, old))
        elif kind == "form_type":
            ids, old, _new = args
            listed = _json([str(int(i)) for i in ids])
            ex("UPDATE entity_aliases SET type = ? WHERE id IN (SELECT value FROM json_each(?))", (old, listed))  # fmt: skip
            ex("UPDATE entity_tokens SET type = ? WHERE alias_id IN (SELECT value FROM json_each(?))", (old, listed))  # fmt: skip
        elif kind == "stop":
            ex("DELETE FROM entity_stoplist WHERE key = ?", (args[1],))
        elif kind == "unlinked":
            _eid, links, mentions = args
            self.conn.executemany(
                "INSERT OR IGNORE INTO entity_articles (article_id, alias_id, mentions, first)"
                " VALUES (?,?,?,?)",
                [tuple(r) for r in links],
            )
            restore(self.conn, mentions)  # index.entities.mentions
        else:  # pragma: no cover - a log written by a newer Dateline
            raise _error(f"cannot undo an unknown change ({kind})")


#: Undo-step kinds `_revert_correction` handles.
CORRECTION_OPS = frozenset({"retype", "user_type", "stop", "unlinked", "form_type"})


def _borne_names(entities: Sequence[LocalEntity]) -> set[str]:
    """Keys of the words other people of this article bear in their full names: a lone "Lim"
    typed a person beside "Lim Wei Jie" and "Lim Boon Hock" is a name the article shows
    people bear, as good evidence as a title, though the gazetteer knows a place called so."""
    out: set[str] = set()
    for e in entities:
        words = entity_key(e.name).split()
        if e.type == "person" and len(words) >= 2:
            out.update(words)
    return out


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values))


def _error(message: str) -> Exception:
    from .registry import EntityError

    return EntityError(message)
