"""Every feed that carried an article, not only the first (`article_feeds`).

An article is stored once, under its first source (`articles.origin`). When another
subscription carries the same story (the same URL, the same URL with `utm_*`, the same text),
ingestion used to count a "duplicate" and forget the second feed: its `feed:` chip, unread
count and OPML-folder tag all missed the article, and with a concurrent refresh *which* feed
owned it was a race. Here each further feed that carries an article is linked to it, and gets
its tags onto it, so membership is many-to-many and does not depend on who fetched first.

Only the feeds *besides* `origin` are rows: most articles have one source, and they cost
nothing here; a feed's articles are `origin = url` plus its rows. A library written before
this table existed still answers from `origin` alone, and a Dateline that does not know the
table writes articles that are still counted by their origin.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SCHEMA = """
CREATE TABLE IF NOT EXISTS article_feeds (
    feed TEXT NOT NULL,        -- the input (a subscription's URL) that carried the article too
    article_id TEXT NOT NULL,
    PRIMARY KEY (feed, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_feeds_article ON article_feeds (article_id);
"""


@dataclass(frozen=True)
class Carried:
    """An incoming copy of an article already stored (or stored in the same batch) under
    `article_id`: `origin` carried it too, with `tags`."""

    article_id: str
    origin: str
    tags: tuple[str, ...]


def ensure_table(conn: sqlite3.Connection) -> bool:
    """Create the table in a library that lacks it; True when it was created.

    When a library already holding feeds gets it, the feeds' validators are cleared once, so
    the next refresh reads each feed whole (no 304) and links the articles each carries:
    the second feeds of stories stored before this table existed are found that way.
    """
    if has_table(conn):
        return False
    conn.executescript(SCHEMA)
    conn.execute("UPDATE feeds SET etag = NULL, last_modified = NULL")
    return True


def has_table(conn: sqlite3.Connection) -> bool:
    """False only in a read-only library of an older layout (nothing could create it)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_feeds'"
    ).fetchone()
    return row is not None


def link(conn: sqlite3.Connection, carried: Iterable[Carried]) -> int:
    """Record further feeds of stored articles (inside the caller's transaction): each new
    link also gives the article that feed's tags, so `tag:` finds it under every folder it
    was filed in. Copies from the article's own origin, or links already known, write
    nothing (the usual refresh). Returns how many links are new."""
    new = 0
    for c in carried:
        if not c.origin:
            continue
        # One statement: no row for the article's own origin, none twice (the usual
        # refresh writes nothing here).
        cur = conn.execute(
            "INSERT OR IGNORE INTO article_feeds (feed, article_id) SELECT ?, id FROM articles"
            " WHERE id = ? AND origin IS NOT ?",
            (c.origin, c.article_id, c.origin),
        )
        if cur.rowcount <= 0:
            continue
        new += 1
        if not c.tags:
            continue
        (have,) = conn.execute("SELECT tags FROM articles WHERE id = ?", (c.article_id,)).fetchone()
        merged = merge_tags(json.loads(have or "[]"), c.tags)
        if merged is not None:
            conn.execute(
                "UPDATE articles SET tags = ? WHERE id = ?", (json.dumps(merged), c.article_id)
            )
    return new


def merge_tags(have: Sequence[str], extra: Iterable[str]) -> list[str] | None:
    """`have` with the tags of `extra` it lacks (compared without case), or None when it
    lacks none."""
    known = {str(t).lower() for t in have}
    add = [t for t in dict.fromkeys(extra) if t.lower() not in known]
    return sorted({*have, *add}) if add else None


def carried_elsewhere(conn: sqlite3.Connection, article_id: str) -> bool:
    """Whether a feed besides its origin carries the article."""
    row = conn.execute("SELECT 1 FROM article_feeds WHERE article_id = ? LIMIT 1", (article_id,))
    return row.fetchone() is not None


#: The ids of a feed's articles: its own (origin) and those it carried too (never the same:
#: `link` skips an article's origin, so no UNION has to sort them apart). One parameter.
FEED_ARTICLES = (
    "SELECT id FROM articles WHERE origin = :feed"
    " UNION ALL SELECT article_id FROM article_feeds WHERE feed = :feed"
)
