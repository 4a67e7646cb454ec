"""The registry's rows and the lookups every part of it shares.

`Registry` (registry.py) is assembled from mixins by topic: linking an article's entities to
canonical ones (registry_links.py), reads for search and the UI (registry_reads.py), the user's
name corrections (registry_edits.py) and their undo log (registry_undo.py), type decisions, retype and block
(corrections.py), unblock and the blocked names (registry_unblock.py), display spellings
(naming.py). They all stand on `RegistryCore`: the entity
and form rows, the describe/find/pick lookups, and the helpers here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from ..model import EntityCount, EntityType
from .keys import entity_key, tokens
from .registry_blocks import BLOCKED_SQL, a_or_an, blocked_entities, blocked_message

#: Name particles that say nothing about who is meant: never a "rare" token, and ignored when
#: checking whether one name is contained in another ("al-Assad" is contained in "Bashar Assad").
PARTICLES = frozenset(
    {"al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abd", "de", "da", "di", "du"}
    | {"del", "della", "der", "den", "des", "dos", "das", "van", "von", "ter", "la", "le"}
    | {"les", "the", "of", "and", "y"}
)
#: Types merged by containment. Places and orgs contain each other's words without being the
#: same thing ("Hezbollah" / "Kataib Hezbollah"); their short forms come as aliases instead.
CONTAINMENT_TYPES: frozenset[str] = frozenset({"person"})
#: A token shorter than this (initials, "Li") is too weak to merge on.
MIN_RARE_TOKEN = 3

_Op = list[Any]  # one undo-log step, JSON-serialisable


class EntityError(Exception):
    """An unknown or ambiguous entity name; the message is meant for the user."""


class AmbiguousName(EntityError):
    """A name that fits several entities; `candidates` lists them for the user to choose,
    `name` is the name asked for (a merge has two: the surface says which one it was)."""

    def __init__(self, message: str, candidates: Sequence[EntityCount], name: str = "") -> None:
        super().__init__(message)
        self.candidates = list(candidates)
        self.name = name


class BlockedName(EntityError):
    """A name the user marked "not an entity" (`block`): the entity's row stays for the undo
    log, but no lookup serves it, so a page or a correction names the block instead of
    showing an entity no article counts any more."""

    def __init__(self, name: str, blocked: str) -> None:
        self.name, self.blocked = name, blocked
        super().__init__(blocked_message(name, blocked))


class NameTaken(EntityError):
    """A rename or alias to a name an entity of another type holds (refused unless forced).

    One name, one type: the library-wide type vote would merge the two or retype one, so two
    entities of one name are usually one thing typed two ways. `str(exc)` says so and gives
    the commands for each way forward (merge, retype, or `--force` for a true homonym such as
    a person called "Georgia"); `conflict` is the first sentence alone and `holders` the other
    entities, for a surface that offers its own choices (the TUI's confirm step).
    """

    def __init__(
        self, kind: str, entity: EntityCount, name: str, holders: Sequence[EntityCount]
    ) -> None:
        self.kind, self.entity, self.name, self.holders = kind, entity, name, list(holders)
        self.conflict = " ".join(
            f'There is already {a_or_an(h.type)} called "{h.name}" ({_articles_phrase(h.count)}).'
            for h in self.holders
        )
        first = self.holders[0]
        typed = f" --type {first.type}" if len(self.holders) > 1 else ""
        anyway = "rename anyway" if kind == "rename" else "add the alias anyway"
        super().__init__(
            f"{self.conflict} To make them one entity ({a_or_an(first.type)}): dateline entities"
            f' merge "{first.name}" "{entity.name}"{typed}. If "{first.name}" is really'
            f' {a_or_an(entity.type)}, retype it first: dateline entities retype "{first.name}"'
            f" {entity.type} --type {first.type}. If they are different things that share"
            f" the name, {anyway} with --force."
        )


@dataclass(frozen=True)
class _Entity:
    id: int
    type: EntityType
    name: str
    key: str
    user_named: bool
    pinned: bool


def _content(words: Iterable[str]) -> set[str]:
    return {w for w in words if w not in PARTICLES}


def _is_part(form: str, name: str) -> bool:
    """True when every word of `form` is a word of `name` ("Assad" of "Bashar al-Assad").

    Such a form is weak evidence: surnames are shared, so it only merges through the rare-token
    rule. A form that is not a part of the name (an acronym, another name) is strong evidence.
    """
    return set(tokens(form)) <= set(tokens(name))


def _quality(name: str) -> tuple[bool, int, int, int]:
    """How good a display form is: properly capitalised, then most words, longest, accents.

    All-caps is fine for a one-word acronym ("HTS") but not for a shouted full name.
    """
    letters = [c for c in name if c.isalpha()]
    shouted = bool(letters) and all(c.isupper() for c in letters) and len(name.split()) > 1
    proper = name[:1].isupper() and not name.islower() and not shouted
    return (proper, len(_content(tokens(name))), len(name), sum(ord(c) > 127 for c in name))


def _choices(entities: Iterable[EntityCount]) -> str:
    """ "Name (type, N articles); …": the candidates an ambiguous name lists for the user."""
    return "; ".join(f"{d.name} ({d.type}, {_articles_phrase(d.count)})" for d in entities)


def _articles_phrase(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def _ids_json(ids: Iterable[Any]) -> str:
    return json.dumps(sorted(set(ids)))


def _holds(name: Sequence[str], words: Sequence[str]) -> bool:
    """`words` appear in `name` one after another ("al assad" in "bashar al assad")."""
    n = len(words)
    return any(list(name[i : i + n]) == list(words) for i in range(len(name) - n + 1))


def _country_keys(words: Sequence[str]) -> set[str]:
    """Keys of the countries one of whose spellings holds `words` (`place:turkey` -> Türkiye),
    with every spelling of each, so articles that only wrote one spelling are found."""
    out: set[str] = set()
    for spellings in _countries():
        if any(_holds(toks, words) for toks in spellings):
            out.update(" ".join(toks) for toks in spellings)
    return out


@cache
def _countries() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each country's spellings as key tokens (the gazetteer's table, tokenised once)."""
    from .gazetteer import _country_spellings

    return tuple(
        tuple(tuple(tokens(f)) for f in (canonical, *spellings))
        for canonical, spellings in _country_spellings().items()
    )


class RegistryCore:
    """The entity and form rows, and the lookups on them; the base of every registry mixin."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:  # provided by ReadsMixin

        def find(self, name: str, type_: EntityType | None = None) -> list[EntityCount]: ...

    def _changed(self, eid: int) -> None:
        self.conn.execute("INSERT OR IGNORE INTO entity_changed VALUES (?)", (eid,))

    def _new_entity(
        self, type_: EntityType, name: str, *, log: list[_Op] | None = None, origin: int = 0
    ) -> int:
        key = entity_key(name)
        cur = self.conn.execute(
            "INSERT INTO entities (type, name, key, pinned) VALUES (?, ?, ?, ?)",
            (type_, name, key, int(log is not None)),
        )
        eid = int(cast(int, cur.lastrowid))
        self._form(eid, type_, key, name)
        if log is not None:
            log.append(["create", eid, origin])
        return eid

    def _form(self, eid: int, type_: EntityType, key: str, name: str, user: int = 0) -> int:
        """The id of the entity's form with this key, created when new."""
        row = self.conn.execute(
            "SELECT id FROM entity_aliases WHERE entity_id = ? AND key = ? ORDER BY id LIMIT 1",
            (eid, key),
        ).fetchone()
        if row:
            return int(row[0])
        cur = self.conn.execute(
            "INSERT INTO entity_aliases (entity_id, type, key, name, user) VALUES (?,?,?,?,?)",
            (eid, type_, key, name, user),
        )
        fid = int(cast(int, cur.lastrowid))
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_tokens (token, type, alias_id) VALUES (?, ?, ?)",
            [(tok, type_, fid) for tok in set(tokens(name))],
        )
        return fid

    def _drop_entity(self, eid: int) -> None:
        """Remove an entity with its remaining forms, tokens, blocks and change marks."""
        ex = self.conn.execute
        ex(
            "DELETE FROM entity_tokens WHERE alias_id IN"
            " (SELECT id FROM entity_aliases WHERE entity_id = ?)",
            (eid,),
        )
        ex("DELETE FROM entity_aliases WHERE entity_id = ?", (eid,))
        ex("DELETE FROM entity_blocks WHERE entity_id = ?", (eid,))
        ex("DELETE FROM entity_changed WHERE entity_id = ?", (eid,))
        ex("DELETE FROM entities WHERE id = ?", (eid,))

    def _entity(self, eid: int) -> _Entity:
        row = self.conn.execute(
            "SELECT id, type, name, key, user_named, pinned FROM entities WHERE id = ?", (eid,)
        ).fetchone()
        return _Entity(int(row[0]), row[1], row[2], row[3], bool(row[4]), bool(row[5]))

    def _blocked(self, eid: int) -> set[str]:
        rows = self.conn.execute("SELECT key FROM entity_blocks WHERE entity_id = ?", (eid,))
        return {r[0] for r in rows}

    def _entities_of(self, article_ids: Sequence[str]) -> list[int]:
        rows = self.conn.execute(
            "SELECT DISTINCT a.entity_id FROM entity_articles l JOIN entity_aliases a"
            " ON a.id = l.alias_id WHERE l.article_id IN (SELECT value FROM json_each(?))",
            (_ids_json(article_ids),),
        )
        return [int(r[0]) for r in rows]

    def _articles(self, eids: Iterable[int]) -> set[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT l.article_id FROM entity_aliases a JOIN entity_articles l"
            " ON l.alias_id = a.id WHERE a.entity_id IN (SELECT value FROM json_each(?))",
            (_ids_json(eids),),
        )
        return {r[0] for r in rows}

    def _count(self, eid: int) -> int:
        return len(self._articles([eid]))

    def _describe(
        self, eids: Sequence[int], counts: dict[int, int] | None = None
    ) -> dict[int, EntityCount]:
        """EntityCount values (name, type, article count, other forms) for these entities."""
        ids = _ids_json(eids)
        if counts is None:
            counts = dict(
                self.conn.execute(
                    "SELECT a.entity_id, COUNT(DISTINCT l.article_id) FROM entity_aliases a"
                    " JOIN entity_articles l ON l.alias_id = a.id"
                    " WHERE a.entity_id IN (SELECT value FROM json_each(?)) GROUP BY a.entity_id",
                    (ids,),
                ).fetchall()
            )
        forms: dict[int, dict[str, str]] = {}
        for eid, key, name in self.conn.execute(
            "SELECT entity_id, key, name FROM entity_aliases"
            " WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (ids,),
        ):
            forms.setdefault(eid, {}).setdefault(key, name)
        out: dict[int, EntityCount] = {}
        for eid, type_, name, key in self.conn.execute(
            "SELECT id, type, name, key FROM entities WHERE id IN (SELECT value FROM json_each(?))",
            (ids,),
        ):
            aliases = tuple(n for k, n in forms.get(eid, {}).items() if k != key)
            out[eid] = EntityCount(name, type_, counts.get(eid, 0), aliases)
        return out

    def _find_ids(self, name: str, type_: EntityType | None) -> tuple[list[int], list[int]]:
        """(entities named `name` by key, display names first; entities containing it)."""
        key = entity_key(name)
        if not key:
            return [], []
        typed = " AND a.type = ?" if type_ else ""
        rows = self.conn.execute(
            "SELECT DISTINCT a.entity_id, e.key = a.key FROM entity_aliases a"
            f" JOIN entities e ON e.id = a.entity_id WHERE a.key = ?{typed}",
            (key, type_) if type_ else (key,),
        ).fetchall()
        by_name = {int(r[0]) for r in rows if r[1]}
        exact = sorted({int(r[0]) for r in rows}, key=lambda i: (i not in by_name, i))
        words = _content(tokens(name)) or set(tokens(name))
        probe = max(words, key=len)
        typed = " AND t.type = ?" if type_ else ""
        rows = self.conn.execute(
            "SELECT a.entity_id, a.name FROM entity_tokens t JOIN entity_aliases a"
            f" ON a.id = t.alias_id WHERE t.token = ?{typed}",
            (probe, type_) if type_ else (probe,),
        ).fetchall()
        contained = {int(eid) for eid, form in rows if words <= set(tokens(form))}
        gone = blocked_entities(self.conn, [*exact, *contained])  # "not an entity" is none
        return [i for i in exact if i not in gone], sorted(contained - set(exact) - gone)

    def blocked_match(self, name: str, type_: EntityType | None = None) -> str | None:
        """The display name of a blocked entity called `name` (a name or alias), if any."""
        typed = " AND a.type = ?" if type_ else ""
        row = self.conn.execute(
            "SELECT e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
            f" WHERE a.key = ?{typed} AND {BLOCKED_SQL} ORDER BY e.key = a.key DESC, e.id LIMIT 1",
            (entity_key(name), type_) if type_ else (entity_key(name),),
        ).fetchone()
        return str(row[0]) if row else None

    def _pick(self, name: str, type_: EntityType | None) -> _Entity:
        """The one entity a user's name refers to, by exact key; EntityError otherwise."""
        key = entity_key(name)
        if not key:
            raise EntityError("An entity name cannot be empty")
        exact, contained = self._find_ids(name, type_)
        named = [i for i in exact if self._entity(i).key == key]
        pool = named or exact
        if len(pool) == 1:
            return self._entity(pool[0])
        if not pool and contained:
            # "Baalman" for "Henrik Baalman" and "Baalman Shipping": list them with their types
            # and counts, as `dateline entity` does, rather than guess which one was meant.
            ranked = sorted(self._describe(contained).values(), key=lambda d: (-d.count, d.name))
            shown = ranked[:12]  # the most written about first; the rest counted, not listed
            choices = _choices(shown)
            more = f" and {len(ranked) - len(shown)} more" if len(ranked) > len(shown) else ""
            raise AmbiguousName(
                f'No {type_ or "entity"} is called exactly "{name}"; it is part of: {choices}'
                f"{more}. Please use a full name.",
                ranked,
                name,
            )
        if not pool:
            blocked = self.blocked_match(name, type_)
            if blocked is not None:
                raise BlockedName(name, blocked)
            raise EntityError(self._unknown(name, type_))
        described = self._describe(pool)
        choices = _choices(sorted(described.values(), key=lambda d: -d.count))
        hint = (
            "give its type" if len({d.type for d in described.values()}) > 1 else "use a full name"
        )
        raise AmbiguousName(
            f'"{name}" is ambiguous: {choices}. Please {hint}.', [*described.values()], name
        )

    def _unknown(self, name: str, type_: EntityType | None) -> str:
        """'No person called "X". Did you mean ...?' with names that contain it or look like it."""
        from rapidfuzz import fuzz, process

        what = type_ or "entity"
        suggestions = [ec.name for ec in self.find(name, type_)]
        typed = " WHERE a.type = ?" if type_ else ""
        rows = self.conn.execute(
            "SELECT a.key, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
            f" WHERE NOT {BLOCKED_SQL}" + typed.replace("WHERE", "AND"),
            (type_,) if type_ else (),
        ).fetchall()
        by_key: dict[str, str] = {}
        for k, display in rows:
            by_key.setdefault(k, display)
        for _k, _score, _ in process.extract(
            entity_key(name), list(by_key), scorer=fuzz.WRatio, limit=10, score_cutoff=80
        ):
            suggestions.append(by_key[_k])
        unique = list(dict.fromkeys(suggestions))[:3]
        message = f'No {what} called "{name}".'
        if unique:
            message += " Did you mean " + " or ".join(f'"{s}"' for s in unique) + "?"
        return message
