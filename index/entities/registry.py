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

`Registry` keeps ingestion (`assign`, `forget`) and the per-article reads; the rest comes from
mixins by topic (registry_core.py lists them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from ..model import ENTITY_TYPES, EntityType, Mention
from . import LocalEntity
from . import mentions as mention_store
from .corrections import CorrectionsMixin
from .keys import determiner, entity_key
from .naming import NamingMixin
from .registry_core import (
    CONTAINMENT_TYPES,
    MIN_RARE_TOKEN,
    PARTICLES,
    AmbiguousName,
    BlockedName,
    EntityError,
    NameTaken,
    _Entity,
    _ids_json,
)
from .registry_edits import EditsMixin
from .registry_links import LinksMixin
from .registry_reads import ReadsMixin
from .registry_unblock import UnblockMixin

__all__ = [
    "CONTAINMENT_TYPES",
    "MIN_RARE_TOKEN",
    "PARTICLES",
    "AmbiguousName",
    "BlockedName",
    "EntityError",
    "NameTaken",
    "Registry",
    "_Entity",
]

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


class Registry(LinksMixin, EditsMixin, ReadsMixin, CorrectionsMixin, UnblockMixin, NamingMixin):
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
            eid = self._resolve(local, body)
            blocked = self._blocked(eid)
            links.setdefault(form(eid, local.type, key, local.name), [0, -1])
            for alias in local.aliases:
                akey = entity_key(alias)
                if akey and akey not in blocked:  # linked even unmentioned: it taught us
                    links.setdefault(form(eid, local.type, akey, alias), [0, -1])
            for start, end in local.mentions:
                text = body[start:end]
                # The model's determiner is in the span, not the form ("The Hague" keeps its).
                written = text if key.startswith("the ") else text[determiner(text) :]
                if not written.strip():
                    continue
                mkey = entity_key(written) or key
                owner = eid
                if mkey in blocked:  # the user split this form off: it names someone else
                    found = self._strong(local.type, mkey)
                    owner = found if found is not None else self._new_entity(local.type, written)
                fid = form(owner, local.type, mkey, written)
                mention_rows.append((written, start, end, fid))
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
        return self.mentions(article_id, body)

    def forget(self, article_id: str) -> None:
        """Drop an article's entities; entities no article mentions any more go too."""
        self._collect(self._unlink(article_id))

    # -- reading -----------------------------------------------------------------------------
    def mentions(self, article_id: str, body: str | None = None) -> list[Mention]:
        """An article's mentions; with its `body`, each one's text is what the body writes
        there (a leading "the" the model put in the span included), else its spelling."""
        rows = mention_store.read(self.conn, article_id)
        owners = mention_store.owners(self.conn, {r[3] for r in rows})
        found = [
            Mention(
                body[start:end] if body is not None else text,
                start,
                end,
                owners[fid][1],
                owners[fid][2],
            )
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
