"""A club and its town under one name: two entities, each article keeping the one it means.

"La Rochelle beat Toulon 24-21" is the club; "a ferry from La Rochelle" is the town. The
library-wide type vote (typevote.py) gives a name one type, and the gazetteer's word for a
town outweighs one match report, so the club's article used to list a place, and a user who
filtered by the club got every article about the town (or, had the club won the vote, the
town's articles under the club). An article that shows the name *playing* (a fixture, a
result, a squad: `LocalEntity.team`) therefore keeps the organisation against the vote, and
the registry keeps the club apart from the town: the vote no longer folds the club into the
town (`spared`), and the club's match reports cast no vote on what the name means elsewhere
(three match reports must not make the town's own articles the club's). Articles without
such evidence follow the vote as before.

A user's word wins: a user type on the name (`retype`) is final, and when the user has made
the name one entity (a merge of the club into the town, which pins it) no club is split off it
again; undoing that merge brings the club back, and later match reports go to it.

Cost: one indexed row per team name per article, read only when the vote would
retype or merge an entity of the name (never a scan of the registry).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..model import EntityType
from . import LocalEntity
from .keys import entity_key

#: Created by `mentions.ensure`, which reads an older library opened read-only as it is.
SCHEMA = (
    # Names an article showed as a team (by key): spares their organisation from the vote.
    """CREATE TABLE IF NOT EXISTS entity_type_teams (
        key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS entity_type_teams_article ON entity_type_teams (article_id)",
)


def record(conn: sqlite3.Connection, article_id: str, entities: Sequence[LocalEntity]) -> None:
    """This article's team names, replacing what an earlier run of it recorded."""
    conn.execute("DELETE FROM entity_type_teams WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO entity_type_teams (key, article_id) VALUES (?, ?)",
        [(k, article_id) for e in entities if e.team and (k := entity_key(e.name))],
    )


def spared(conn: sqlite3.Connection, key: str, article_id: str) -> bool:
    """Does this article, or another still in the library, show `key` as a team? Then its
    organisation is not retyped or merged into the name's winning type."""
    row = conn.execute(
        "SELECT 1 FROM entity_type_teams t WHERE t.key = ? AND (t.article_id = ? OR EXISTS"
        " (SELECT 1 FROM entity_articles l WHERE l.article_id = t.article_id)) LIMIT 1",
        (key, article_id),
    ).fetchone()
    return row is not None


def keeps(
    conn: sqlite3.Connection, local: LocalEntity, winner: EntityType, user: EntityType | None
) -> bool:
    """Does this article's club keep its type against `winner`, the name's library-wide one?
    Not when a user typed the name (`user`), nor when a user made it one entity of another
    type: a pinned entity of that name and no organisation of it left (the club merged into
    the town)."""
    if not local.team or winner == local.type or user is not None:
        return False
    key = entity_key(local.name)
    rows = conn.execute("SELECT type, pinned FROM entities WHERE key = ?", (key,)).fetchall()
    return not (any(p for t, p in rows if t != "org") and not any(t == "org" for t, _ in rows))
