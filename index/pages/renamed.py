"""A source renamed on the pages: the per-source counts an entity page lists follow the name
its articles now carry (a feed renamed with `R`, `index.feeds.rename_feed`).

`page_sources` counts (form, source name) pairs over every article, and `page_articles`
remembers each article's source, so a rename moves counts from the old name to the new one
without reading a body or running anything of `record` again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..store import chunks
from .record import stored_forms


def rename_source(conn: sqlite3.Connection, ids: Sequence[str], new: str) -> None:
    """Articles `ids` are now from the source named `new` (inside the caller's transaction).

    An old name that only these articles carried is renamed in a few statements over its
    rows (the usual case: a feed's own name); one shared with other articles (two feeds of
    one title) has exactly these articles' counts moved, article by article.
    """
    wanted = set(ids)
    by_old: dict[str, list[tuple[str, bytes | None]]] = {}
    for chunk in chunks(sorted(wanted), 500):
        marks = ",".join("?" * len(chunk))
        for aid, source, forms in conn.execute(
            f"SELECT article_id, source, forms FROM page_articles WHERE article_id IN ({marks})",
            chunk,
        ):
            if source != new:
                by_old.setdefault(str(source), []).append((str(aid), forms))
    for old, rows in by_old.items():
        (others,) = conn.execute(
            "SELECT COUNT(*) FROM page_articles WHERE source = ?", (old,)
        ).fetchone()
        if others == len(rows):
            _rename_whole(conn, old, new)
        else:
            _move_articles(conn, rows, old, new)


def _rename_whole(conn: sqlite3.Connection, old: str, new: str) -> None:
    conn.execute(
        "INSERT INTO page_sources (form, source, n) SELECT form, ?, n FROM page_sources"
        " WHERE source = ? ON CONFLICT(form, source) DO UPDATE SET n = n + excluded.n",
        (new, old),
    )
    conn.execute("DELETE FROM page_sources WHERE source = ?", (old,))
    conn.execute("UPDATE page_articles SET source = ? WHERE source = ?", (new, old))


def _move_articles(
    conn: sqlite3.Connection, rows: list[tuple[str, bytes | None]], old: str, new: str
) -> None:
    for aid, packed in rows:
        forms = stored_forms(conn, aid, packed)
        conn.executemany(
            "UPDATE page_sources SET n = n - 1 WHERE form = ? AND source = ?",
            [(f, old) for f in forms],
        )
        conn.executemany(
            "DELETE FROM page_sources WHERE form = ? AND source = ? AND n <= 0",
            [(f, old) for f in forms],
        )
        conn.executemany(
            "INSERT INTO page_sources (form, source, n) VALUES (?, ?, 1)"
            " ON CONFLICT(form, source) DO UPDATE SET n = n + 1",
            [(f, new) for f in forms],
        )
        conn.execute("UPDATE page_articles SET source = ? WHERE article_id = ?", (new, aid))
