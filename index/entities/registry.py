"""The cross-article entity registry: one canonical entity per real person, place or org.

`extract` resolves names inside one article; this module resolves them across the library, in
the library's SQLite database, and lets the user correct it (merge, split, rename, alias, undo).

Design, and why:

* Every written form of an entity is a row of `entity_aliases` (its display name is one of them).
  Mentions and article links point at the *form* they were written in, never at the entity.
  A merge, split or rename therefore moves or edits a handful of form rows and never rewrites
  mention rows, and `undo` moves exactly the same rows back.
* `entities` holds live entities only. A merged entity's row is deleted and kept in the undo log
  (ids are AUTOINCREMENT, so a revived entity gets its old id back and nothing else took it).
* Merging is conservative: the same key (of the name or of a form that is more than a part of
  the name, such as an acronym), or, for people only, a unique containment through a rare token
  ("Assad" -> the one person whose name holds "assad"). Places and organisations are not merged
  by containment: "Hezbollah" is not "Kataib Hezbollah", nor "Aleppo" "Aleppo Governorate".
  Fuzzy scores only ever suggest names in error messages.
* User corrections win over automatic choices: a renamed entity keeps its name, a split leaves a
  block so later articles do not put the form back, and an entity a user touched is "pinned"
  (never garbage-collected or merged away automatically) so the undo log stays valid.

* The registry is derived from the articles it was given plus the user's corrections:
  forgetting (or re-assigning) an article forgets the forms and entities only it taught, so
  stale extraction neither shows up as an alias nor keeps making a token look common.

No method here commits or rolls back: the caller owns the transaction (`with conn:`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from ..model import ENTITY_TYPES, EntityCount, EntityType, Mention
from . import LocalEntity
from . import mentions as mention_store
from .corrections import CORRECTION_OPS, CorrectionsMixin
from .keys import entity_key, tokens
from .naming import NamingMixin

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS entities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        user_named INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX IF NOT EXISTS entities_key ON entities (key, type)",
    """CREATE TABLE IF NOT EXISTS entity_aliases (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entity_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        user INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX IF NOT EXISTS entity_aliases_key ON entity_aliases (key, type)",
    "CREATE INDEX IF NOT EXISTS entity_aliases_entity ON entity_aliases (entity_id, key)",
    """CREATE TABLE IF NOT EXISTS entity_tokens (
        token TEXT NOT NULL,
        type TEXT NOT NULL,
        alias_id INTEGER NOT NULL,
        PRIMARY KEY (token, type, alias_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS entity_tokens_alias ON entity_tokens (alias_id)",
    """CREATE TABLE IF NOT EXISTS entity_articles (
        article_id TEXT NOT NULL,
        alias_id INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        first INTEGER,
        PRIMARY KEY (article_id, alias_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS entity_articles_alias ON entity_articles (alias_id)",
    """CREATE TABLE IF NOT EXISTS entity_blocks (
        entity_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (entity_id, key)
    ) WITHOUT ROWID""",
    # Entities whose display name changed, or that absorbed another, during ingestion: the
    # index docs of their earlier articles hold an old canonical name (see changed_articles).
    "CREATE TABLE IF NOT EXISTS entity_changed (entity_id INTEGER PRIMARY KEY)",
    """CREATE TABLE IF NOT EXISTS entity_undo (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        message TEXT NOT NULL,
        ops TEXT NOT NULL
    )""",
)

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
    """A name that fits several entities; `candidates` lists them for the user to choose."""

    def __init__(self, message: str, candidates: Sequence[EntityCount]) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


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


class Registry(CorrectionsMixin, NamingMixin):
    """Canonical entities, their forms, and which articles mention them, in one SQLite db."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        for statement in SCHEMA:
            conn.execute(statement)
        mention_store.ensure(conn)  # (index.entities.mentions)
        self._ensure_corrections()

    # -- ingestion ---------------------------------------------------------------------------
    def assign(self, article_id: str, entities: Sequence[LocalEntity], body: str) -> list[Mention]:
        """Record an article's entities, replacing any earlier record of it.

        Each `LocalEntity` is resolved to a canonical entity (created when none fits); its
        forms are learnt so later articles resolve to it; its mentions are stored against the
        form they were written in. Returns the article's mentions with canonical names.
        """
        entities = self._typed_entities(article_id, entities)  # library-wide type, stop list
        before = self._unlink(article_id)
        links: dict[int, list[int]] = {}  # form id -> [mentions, first start or -1]
        mention_rows: list[tuple[str, int, int, int]] = []
        forms: dict[tuple[int, str], int] = {}  # (entity, key) -> form id, for this article

        def form(owner: int, type_: EntityType, key: str, written: str) -> int:
            got = forms.get((owner, key))
            if got is None:
                got = forms[(owner, key)] = self._form(owner, type_, key, written)
            return got

        for local in entities:
            key = entity_key(local.name)
            if not key:
                continue
            eid = self._resolve(local)
            blocked = self._blocked(eid)
            links.setdefault(form(eid, local.type, key, local.name), [0, -1])
            for alias in local.aliases:
                akey = entity_key(alias)
                if akey and akey not in blocked:  # linked even unmentioned: it taught us
                    links.setdefault(form(eid, local.type, akey, alias), [0, -1])
            for start, end in local.mentions:
                text = body[start:end]
                if not text.strip():
                    continue
                mkey = entity_key(text) or key
                owner = eid
                if mkey in blocked:  # the user split this form off: it names someone else
                    found = self._strong(local.type, mkey)
                    owner = found if found is not None else self._new_entity(local.type, text)
                fid = form(owner, local.type, mkey, text)
                mention_rows.append((text, start, end, fid))
                link = links.setdefault(fid, [0, -1])
                link[0] += 1
                link[1] = start if link[1] < 0 else min(link[1], start)
        self.conn.executemany(
            "INSERT INTO entity_articles (article_id, alias_id, mentions, first) VALUES (?,?,?,?)",
            [
                (article_id, fid, n, None if first < 0 else first)
                for fid, (n, first) in links.items()
            ],
        )
        mention_store.write(self.conn, article_id, mention_rows)
        self._collect(before)
        self._settle_displays(article_id)  # the spelling most articles write
        return self.mentions(article_id)

    def forget(self, article_id: str) -> None:
        """Drop an article's entities; entities no article mentions any more go too."""
        self._collect(self._unlink(article_id))

    # -- reading -----------------------------------------------------------------------------
    def mentions(self, article_id: str) -> list[Mention]:
        rows = mention_store.read(self.conn, article_id)
        owners = mention_store.owners(self.conn, {r[3] for r in rows})
        found = [
            Mention(text, start, end, owners[fid][1], owners[fid][2])
            for text, start, end, fid in rows
            if fid in owners
        ]
        return sorted(found, key=lambda m: (m.start, m.end, m.entity))

    def names(self, article_ids: Sequence[str]) -> dict[str, dict[EntityType, list[str]]]:
        """Canonical names per article and type: most mentioned first, then first seen."""
        out: dict[str, dict[EntityType, list[str]]] = {
            aid: {t: [] for t in ENTITY_TYPES} for aid in article_ids
        }
        rows = self.conn.execute(
            "SELECT l.article_id, e.type, e.name, SUM(l.mentions) AS n, MIN(l.first) AS f"
            " FROM entity_articles l JOIN entity_aliases a ON a.id = l.alias_id"
            " JOIN entities e ON e.id = a.entity_id"
            " WHERE l.article_id IN (SELECT value FROM json_each(?))"
            " GROUP BY l.article_id, e.id ORDER BY l.article_id, n DESC, f IS NULL, f, e.name",
            (_ids_json(article_ids),),
        )
        for aid, type_, name, _n, _f in rows:
            out[aid][type_].append(name)
        return out

    def terms(self, article_id: str) -> dict[EntityType, list[str]]:
        """Every name search should match for this article: canonical names and all aliases."""
        out: dict[EntityType, list[str]] = {t: [] for t in ENTITY_TYPES}
        ids = self._entities_of([article_id])
        for ec in self._describe(ids).values():
            out[ec.type].extend(dict.fromkeys((ec.name, *ec.aliases)))
        return out

    def counts(
        self,
        type_: EntityType | None = None,
        *,
        article_ids: Collection[str] | None = None,
        limit: int | None = None,
    ) -> list[EntityCount]:
        """Entities with the number of articles mentioning them, most first."""
        where: list[str] = []
        params: list[str] = []
        if type_ is not None:
            where.append("e.type = ?")
            params.append(type_)
        if article_ids is not None:
            where.append("l.article_id IN (SELECT value FROM json_each(?))")
            params.append(_ids_json(article_ids))
        sql = (
            "SELECT e.id, COUNT(DISTINCT l.article_id) AS n FROM entity_articles l"
            " JOIN entity_aliases a ON a.id = l.alias_id JOIN entities e ON e.id = a.entity_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?"
        )
        rows = self.conn.execute(sql, (*params, -1 if limit is None else limit)).fetchall()
        described = self._describe([r[0] for r in rows], counts={r[0]: r[1] for r in rows})
        return [described[r[0]] for r in rows]

    def find(self, name: str, type_: EntityType | None = None) -> list[EntityCount]:
        """Entities called `name` (by name or any alias), then those whose name contains it."""
        exact, contained = self._find_ids(name, type_)
        described = self._describe([*exact, *contained])
        order = sorted(exact, key=lambda i: (-described[i].count, described[i].name))
        order += sorted(contained, key=lambda i: (-described[i].count, described[i].name))
        return [described[i] for i in order]

    def changed_articles(self) -> set[str]:
        """Articles whose canonical names changed behind their back since the last call, and
        clears the record.

        During ingestion a later article can improve an entity's display name ("HTS" becomes
        "Hayat Tahrir al-Sham") or merge two entities; reads through this registry follow at
        once, but index docs written earlier hold the old name and must be rewritten. (User
        corrections return their affected articles instead.)
        """
        ids = [r[0] for r in self.conn.execute("SELECT entity_id FROM entity_changed")]
        self.conn.execute("DELETE FROM entity_changed")
        return self._articles(ids)

    def articles_of(self, name: str, type_: EntityType | None = None) -> set[str]:
        """Articles of every entity `find` returns; a part of a name matches ("assad")."""
        exact, contained = self._find_ids(name, type_)
        if not exact and not contained:
            raise EntityError(self._unknown(name, type_))
        return self._articles([*exact, *contained])

    # -- what the search index holds (issue 7) -----------------------------------------------
    # The index holds, per article, the ids of the *forms* (entity_aliases rows) it links to.
    # Forms are stable: a merge, split, undo or retype moves them between entities, a rename or
    # alias adds one, a new spelling adds one linked to the new article only. So names, aliases
    # and types are resolved to forms at query time here, and no correction or new spelling
    # ever rewrites an index document whose article did not change.

    def index_forms(self, article_ids: Sequence[str]) -> dict[str, list[int]]:
        """The form ids each article links to (what its index document holds)."""
        out: dict[str, list[int]] = {aid: [] for aid in article_ids}
        rows = self.conn.execute(
            "SELECT article_id, alias_id FROM entity_articles"
            " WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, alias_id",
            (_ids_json(article_ids),),
        )
        for aid, fid in rows:
            out[aid].append(int(fid))
        return out

    def match_forms(self, type_: EntityType, words: Sequence[str]) -> set[int]:
        """Every form of the entities of `type_` one of whose names holds `words` in a row.

        `words` are `tokens()` of what the user typed (`person:assad`, `org:"hayat tahrir"`).
        Countries also answer to every spelling the gazetteer knows (`place:turkey`).
        """
        words = [w for w in words if w]
        if not words:
            return set()
        names: set[str] = set()
        probe = max(words, key=len)
        for form in self.conn.execute(
            "SELECT DISTINCT a.name FROM entity_tokens t JOIN entity_aliases a ON a.id = t.alias_id"
            " JOIN entities e ON e.id = a.entity_id WHERE t.token = ? AND e.type = ?",
            (probe, type_),
        ):
            if _holds(tokens(form[0]), words):
                names.add(entity_key(form[0]))
        eids = {
            int(r[0])
            for r in self.conn.execute(
                "SELECT DISTINCT a.entity_id FROM entity_aliases a JOIN entities e"
                " ON e.id = a.entity_id WHERE a.key IN (SELECT value FROM json_each(?))"
                " AND e.type = ?",
                (json.dumps(sorted(names | _country_keys(words) if type_ == "place" else names)),
                 type_),
            )
        }  # fmt: skip
        return self._forms_of(eids)

    def exact_forms(self, type_: EntityType, name: str) -> set[int]:
        """Every form of the entities of `type_` whose display name is exactly `name`."""
        eids = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT id FROM entities WHERE name = ? AND type = ?", (name, type_)
            )
        ]
        return self._forms_of(eids)

    def describe_forms(self, form_ids: Iterable[int]) -> dict[int, tuple[int, EntityType, str]]:
        """form id -> (entity id, type, display name) for the forms that still exist."""
        rows = self.conn.execute(
            "SELECT a.id, e.id, e.type, e.name FROM entity_aliases a JOIN entities e"
            " ON e.id = a.entity_id WHERE a.id IN (SELECT value FROM json_each(?))"
            " AND a.key NOT IN (SELECT key FROM entity_stoplist)",
            (_ids_json(form_ids),),
        )
        return {int(f): (int(e), t, n) for f, e, t, n in rows}

    def suggest_token(self, type_: EntityType, word: str) -> str | None:
        """The name word of `type_` closest to a word no name holds (for "did you mean")."""
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import extractOne

        if len(word) < 3:
            return None
        known = self.conn.execute(
            "SELECT 1 FROM entity_tokens t JOIN entity_aliases a ON a.id = t.alias_id"
            " JOIN entities e ON e.id = a.entity_id WHERE t.token = ? AND e.type = ? LIMIT 1",
            (word, type_),
        ).fetchone()
        if known:
            return None
        candidates = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT token FROM entity_tokens WHERE token >= ? AND token < ?"
                " AND type = ?",
                (word[0], chr(ord(word[0]) + 1), type_),
            )
        ]
        best = extractOne(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=2 if len(word) > 4 else 1
        )
        return str(best[0]) if best else None

    def forget_changes(self) -> None:
        """Clear the record `changed_articles` reads (the index no longer needs it)."""
        self.conn.execute("DELETE FROM entity_changed")

    def _forms_of(self, eids: Iterable[int]) -> set[int]:
        rows = self.conn.execute(
            "SELECT id FROM entity_aliases WHERE entity_id IN (SELECT value FROM json_each(?))"
            # A name the user blocked ("not an entity") stays in the index documents of the
            # articles that had it; it is dropped here, at query time, so blocking re-indexes
            # nothing and undo brings it back.
            " AND key NOT IN (SELECT key FROM entity_stoplist)",
            (_ids_json(eids),),
        )
        return {int(r[0]) for r in rows}

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
        self._remember(message, log)
        return message, affected

    def split(self, name: str, alias: str, type_: EntityType | None = None) -> tuple[str, set[str]]:
        """Make a form of an entity (and its mentions) an entity of its own again.

        The form goes to the entity already named like it if there is one, else to a new one;
        a block keeps later articles from putting it back.
        """
        e = self._pick(name, type_)
        akey = entity_key(alias)
        if akey == e.key:
            raise EntityError(f'"{alias}" is the name of "{e.name}" itself; rename it instead')
        rows = self.conn.execute(
            "SELECT id, name FROM entity_aliases WHERE entity_id = ? AND key = ? ORDER BY id",
            (e.id, akey),
        ).fetchall()
        if not rows:
            forms = ", ".join(f'"{a}"' for a in self._describe([e.id])[e.id].aliases)
            raise EntityError(
                f'"{e.name}" has no alias "{alias}".'
                + (f" Its aliases: {forms}." if forms else " It has no aliases.")
            )
        affected = self._articles([e.id])
        log: list[_Op] = []
        self._set_entity(e.id, log, pinned=1)
        same = self.conn.execute(
            "SELECT id FROM entities WHERE key = ? AND type = ? AND id != ? ORDER BY id LIMIT 1",
            (akey, e.type, e.id),
        ).fetchone()
        if same:
            target = int(same[0])
            self._set_entity(target, log, pinned=1)
        else:
            target = self._new_entity(e.type, rows[0][1], log=log, origin=e.id)
        self._move_aliases([r[0] for r in rows], e.id, target, log)
        self._block(e.id, akey, log)
        written = self._entity(target).name
        message = (
            f'Split "{written}" from "{e.name}": now its own {e.type} '
            f"({_articles_phrase(self._count(target))})"
        )
        self._remember(message, log)
        return message, affected

    def rename(
        self, name: str, new_name: str, type_: EntityType | None = None
    ) -> tuple[str, set[str]]:
        """Give an entity a display name; it wins over automatic choices, and the old name
        stays a form so articles writing it still resolve here."""
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
                f'There is already a {e.type} called "{clash[0]}"; to make them one, '
                f'merge them: dateline entities merge "{clash[0]}" "{e.name}"'
            )
        log: list[_Op] = []
        self._set_entity(e.id, log, name=new_name, key=nkey, user_named=1, pinned=1)
        self._user_form(e, nkey, new_name, log)
        message = f'Renamed "{e.name}" to "{new_name}" ({e.type})'
        self._remember(message, log)
        return message, self._articles([e.id])

    def alias(self, name: str, alias: str, type_: EntityType | None = None) -> tuple[str, set[str]]:
        """Teach the registry that `alias` means this entity, now and in future articles.

        Entities already called `alias` (same type) are merged into it.
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
        self._set_entity(e.id, log, pinned=1)
        self._user_form(e, akey, alias, log)
        for other in others:
            self._absorb(e.id, other, log)
        message = f'"{alias}" now means "{e.name}" ({e.type})'
        if others:
            message += "; merged " + ", ".join(f'"{o.name}"' for o in others)
        self._remember(message, log)
        return message, affected

    def undo(self) -> tuple[str, set[str]] | None:
        """Reverse the last correction exactly; None when there is nothing to undo."""
        row = self.conn.execute(
            "SELECT id, message, ops FROM entity_undo ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        undo_id, message, raw = row
        ops: list[_Op] = json.loads(raw)
        touched = self._touched(ops)
        affected = self._articles(touched)
        for op in reversed(ops):
            self._revert(op)
        self.conn.execute("DELETE FROM entity_undo WHERE id = ?", (undo_id,))
        affected |= self._articles(touched)
        return f"Undid: {message}", affected

    # -- resolution --------------------------------------------------------------------------
    def _resolve(self, local: LocalEntity) -> int:
        """The canonical entity of one article's entity; creates or merges when the rules say."""
        t, key = local.type, entity_key(local.name)
        strong = [
            k
            for a in local.aliases
            if (k := entity_key(a)) and k != key and not _is_part(a, local.name)
        ]
        eid = self._strong(t, key)
        if eid is None:
            hits = {h for k in strong if (h := self._strong(t, k)) is not None}
            eid = hits.pop() if len(hits) == 1 else None
        if eid is None:
            eid = self._variant_of(t, local.name)  # "Zelenskiy" of "Zelensky"
        if eid is None and t in CONTAINMENT_TYPES:
            eid = self._contained_in(t, local.name) or self._absorbable(t, local.name)
        if eid is None:
            return self._new_entity(t, local.name)
        self._offer_name(eid, local.name)
        blocked = self._blocked(eid)
        for k in strong:  # this article says the two are one: "Hayat Tahrir al-Sham (HTS)"
            other = self._strong(t, k)
            if other is not None and other != eid and k not in blocked:
                o = self._entity(other)
                if not o.pinned:
                    self._absorb(eid, o, None)
        return eid

    def _strong(self, type_: EntityType, key: str) -> int | None:
        """The one entity this key names: by display name first, else by a strong form.

        Forms that are only a part of the entity's name ("Karimi" of "Leila Karimi") do not
        count, nor forms the user split off the entity.
        """
        rows = self.conn.execute(
            "SELECT a.entity_id, a.name, a.user, e.key, e.name FROM entity_aliases a"
            " JOIN entities e ON e.id = a.entity_id WHERE a.key = ? AND a.type = ?"
            " AND NOT EXISTS (SELECT 1 FROM entity_blocks b"
            " WHERE b.entity_id = a.entity_id AND b.key = a.key)",
            (key, type_),
        ).fetchall()
        named = sorted({r[0] for r in rows if r[3] == key})
        if named:
            return int(named[0])
        forms = {r[0] for r in rows if r[2] or not _is_part(r[1], r[4])}
        return int(forms.pop()) if len(forms) == 1 else None

    def _owners(self, type_: EntityType, token: str) -> list[int]:
        """Up to two entities with `token` in one of their forms: enough to tell rare."""
        rows = self.conn.execute(
            "SELECT DISTINCT a.entity_id FROM entity_tokens t JOIN entity_aliases a"
            " ON a.id = t.alias_id WHERE t.token = ? AND t.type = ? LIMIT 2",
            (token, type_),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def _rare_owner(self, type_: EntityType, token: str) -> int | None:
        if len(token) < MIN_RARE_TOKEN or token in PARTICLES or token.isdigit():
            return None
        owners = self._owners(type_, token)
        return owners[0] if len(owners) == 1 else None

    def _contained_in(self, type_: EntityType, name: str) -> int | None:
        """The unique entity one of whose forms contains every word of `name`, through a rare
        shared token ("Assad" -> "Bashar al-Assad" when no other person has "assad")."""
        words = _content(tokens(name))
        key = entity_key(name)
        for token in sorted(words, key=len, reverse=True):
            eid = self._rare_owner(type_, token)
            if eid is None:
                continue
            # Any entity containing all the words holds `token`, and only `eid` does.
            if key in self._blocked(eid):
                return None
            forms = self.conn.execute(
                "SELECT name FROM entity_aliases WHERE entity_id = ?", (eid,)
            ).fetchall()
            return eid if any(words <= set(tokens(f[0])) for f in forms) else None
        return None

    def _absorbable(self, type_: EntityType, name: str) -> int | None:
        """The unique existing shorter entity a new full name takes over ("Assad" when
        "Bashar al-Assad" arrives), through a rare shared token."""
        words = _content(tokens(name))
        key = entity_key(name)
        found: set[int] = set()
        for token in words:
            eid = self._rare_owner(type_, token)
            if eid is None or eid in found:
                continue
            e = self._entity(eid)
            shorter = _content(tokens(e.name))
            if shorter and shorter < words and key not in self._blocked(eid):
                found.add(eid)
        return found.pop() if len(found) == 1 else None

    def _offer_name(self, eid: int, name: str) -> None:
        """Adopt `name` as display name when it is a better written form (never over a user's)."""
        e = self._entity(eid)
        if e.user_named or entity_key(name) in self._blocked(eid):
            return
        if _quality(name) > _quality(e.name):
            self.conn.execute(
                "UPDATE entities SET name = ?, key = ? WHERE id = ?", (name, entity_key(name), eid)
            )
            self._changed(eid)

    def _changed(self, eid: int) -> None:
        self.conn.execute("INSERT OR IGNORE INTO entity_changed VALUES (?)", (eid,))

    # -- primitive changes (each recorded in `log` when a user asked for it) -----------------
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

    def _remember(self, message: str, log: list[_Op]) -> None:
        self.conn.execute(
            "INSERT INTO entity_undo (message, ops) VALUES (?, ?)", (message, json.dumps(log))
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
        else:  # pragma: no cover - a log written by a newer Dateline
            raise EntityError(f"cannot undo an unknown change ({kind})")

    @staticmethod
    def _touched(ops: list[_Op]) -> set[int]:
        """Entities an undo-log entry changes (their articles' index docs must follow)."""
        out: set[int] = set()
        for kind, *args in ops:
            if kind in ("move", "alias", "alias_user"):
                out.update(int(a) for a in args[1:3])
            elif kind == "create":
                out.update(int(a) for a in args[:2])
            else:
                out.add(int(args[0]))
        out.discard(0)
        return out

    # -- bookkeeping -------------------------------------------------------------------------
    def _unlink(self, article_id: str) -> list[int]:
        """Delete an article's links and mentions; returns the forms it linked to."""
        before = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT alias_id FROM entity_articles WHERE article_id = ?", (article_id,)
            )
        ]
        self.conn.execute("DELETE FROM entity_articles WHERE article_id = ?", (article_id,))
        mention_store.delete(self.conn, article_id)
        return before

    def _collect(self, form_ids: Iterable[int]) -> None:
        """Forget what only forgotten articles taught: forms no article links to (unless the
        user gave them, or they carry the display name) and then entities no article mentions
        (unless a user correction refers to them). Stale extraction must neither show up as an
        alias nor keep making tokens look common."""
        ex = self.conn.execute
        eids: set[int] = set()
        for fid in form_ids:
            row = ex(
                "SELECT a.entity_id, a.user OR a.key = e.key FROM entity_aliases a"
                " JOIN entities e ON e.id = a.entity_id WHERE a.id = ? AND NOT EXISTS"
                " (SELECT 1 FROM entity_articles l WHERE l.alias_id = a.id)",
                (fid,),
            ).fetchone()
            if row is None:
                continue
            eids.add(int(row[0]))
            if not row[1]:
                ex("DELETE FROM entity_tokens WHERE alias_id = ?", (fid,))
                ex("DELETE FROM entity_aliases WHERE id = ?", (fid,))
        for eid in sorted(eids):
            row = ex(
                "SELECT pinned FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1"
                " FROM entity_aliases a JOIN entity_articles l ON l.alias_id = a.id"
                " WHERE a.entity_id = entities.id)",
                (eid,),
            ).fetchone()
            if row is None or row[0]:
                continue
            self._drop_entity(eid)

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
        return exact, sorted(contained - set(exact))

    def _pick(self, name: str, type_: EntityType | None) -> _Entity:
        """The one entity a user's name refers to, by exact key; EntityError otherwise."""
        key = entity_key(name)
        if not key:
            raise EntityError("An entity name cannot be empty")
        exact, _ = self._find_ids(name, type_)
        named = [i for i in exact if self._entity(i).key == key]
        pool = named or exact
        if len(pool) == 1:
            return self._entity(pool[0])
        if not pool:
            raise EntityError(self._unknown(name, type_))
        described = self._describe(pool)
        choices = "; ".join(
            f"{d.name} ({d.type}, {_articles_phrase(d.count)})"
            for d in sorted(described.values(), key=lambda d: -d.count)
        )
        hint = (
            "give its type" if len({d.type for d in described.values()}) > 1 else "use a full name"
        )
        raise AmbiguousName(
            f'"{name}" is ambiguous: {choices}. Please {hint}.', [*described.values()]
        )

    def _unknown(self, name: str, type_: EntityType | None) -> str:
        """'No person called "X". Did you mean ...?' with names that contain it or look like it."""
        from rapidfuzz import fuzz, process

        what = type_ or "entity"
        suggestions = [ec.name for ec in self.find(name, type_)]
        typed = " WHERE a.type = ?" if type_ else ""
        rows = self.conn.execute(
            "SELECT a.key, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
            + typed,
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
