"""Upgrading a library written by an older Dateline, in place, when it is opened
(`store.ensure_schema`): format migrations and the columns added since a table first shipped.

Format history (`PRAGMA user_version`): 1 is the first release; 2 (issue 7) replaced the story
band table with dated keys and signatures (`index.stories.migrate` moves the old rows, nothing is
recomputed) and added the indexes that answer "newest first" and `is:unread` without a scan.
Opening a format-1 library migrates it in place; nothing it holds is lost.

3 (issue 7: disk per article, 27 -> 13 KB at 100,000 articles) stores each body
zlib-compressed (`pack_body` / `body_text`: ~30% of its size, ~15 µs to read back), an
article's entity mentions packed in one row (`index.entities.mentions`), quotes as offsets into
the body and page dates as integers (`index.pages.record`), band keys only through the stored
signature (`index.stories`), in 8 KB pages. Rows are replaced in place, so nothing grows with
rewrites and no VACUUM is ever needed in use. Opening a format-2 library migrates it in one
transaction (`migrate_to_3`), then compacts the file once (VACUUM), since the rewritten rows
would otherwise leave the old pages free inside it.

4 drops the co-occurrence tables no page read any more (`page_pairs`, `page_tops`: the entity
page counts who an entity is seen with when it opens, `index.pages.cooccur`), and stops writing
them. Opening a format-3 library drops them in one short transaction (`migrate_to_4`); nothing
else is rewritten and there is no VACUUM: their pages (~4% of the file at 100,000 articles) go
to SQLite's free list, which the next articles fill before the file grows. A format-3 library
opened read-only keeps them, unread.
"""

from __future__ import annotations

import contextlib
import sqlite3

from .bodies import pack_sql as _pack_sql
from .store import PAGE_SIZE, transaction


def migrate_to_3(conn: sqlite3.Connection) -> bool:
    """Format 2 -> 3, in one transaction (a crash leaves format 2, migrated again next open):
    bodies compressed, mentions packed per article, quotes without their text, page dates in
    seconds, story keys left to the signatures. Another process may have migrated meanwhile:
    the version is read again under the write lock. Then VACUUM once, outside the transaction,
    so the file shrinks (SQLite otherwise keeps freed pages for reuse). Returns whether this
    call migrated."""
    from .entities.mentions import migrate as migrate_mentions
    from .pages.record import migrate_entities, migrate_quotes
    from .stories import drop_derived_keys

    with transaction(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] >= 3:
            return False
        conn.create_function("dateline_pack_body", 1, _pack_sql, deterministic=True)
        conn.execute(
            "UPDATE articles SET body = dateline_pack_body(body) WHERE typeof(body) = 'text'"
        )
        migrate_mentions(conn)
        migrate_entities(conn)
        migrate_quotes(conn)
        drop_derived_keys(conn)
        conn.execute("PRAGMA user_version = 3")
    _compact(conn)
    return True


def migrate_to_4(conn: sqlite3.Connection) -> bool:
    """Format 3 -> 4, in one transaction: drop `page_pairs` and `page_tops`. Another process
    may have migrated meanwhile: the version is read again under the write lock. Returns
    whether this call migrated."""
    from .pages.record import drop_cooccurrence

    with transaction(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] >= 4:
            return False
        drop_cooccurrence(conn)
        conn.execute("PRAGMA user_version = 4")
    return True


def _compact(conn: sqlite3.Connection) -> None:
    """VACUUM once after the migration, into `PAGE_SIZE` pages when nothing else has the file
    open (a WAL database keeps its page size: it leaves WAL for the VACUUM)."""
    try:
        with contextlib.suppress(sqlite3.OperationalError):  # another process has it open
            if conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete":
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        with contextlib.suppress(sqlite3.OperationalError):  # busy: later writes reuse the space
            conn.execute("VACUUM")
    finally:
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("PRAGMA journal_mode = WAL")


#: Columns added after a table first shipped: (table, column, definition).
_LATER_COLUMNS = (
    ("articles", "indexed", "INTEGER NOT NULL DEFAULT 0"),
    ("ingest_log", "duplicates", "INTEGER NOT NULL DEFAULT 0"),
    # where a subscription's title came from (index.feeds.settle_title); NULL: not known
    ("feeds", "title_from", "TEXT"),
    # what is wrong with the document last stored from the feed (ParsedInput.problem): its
    # last_error again at each 304, which repeats that document
    ("feeds", "problem", "TEXT"),
)


def add_column(conn: sqlite3.Connection, table: str, column: str, definition: str) -> None:
    """Add a column, or find it added: two processes opening a new library both see it gone."""
    try:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
    except sqlite3.OperationalError as error:
        if "duplicate column" not in str(error):
            raise


def add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, column, definition in _LATER_COLUMNS:
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            add_column(conn, table, column, definition)
    conn.execute(
        "CREATE INDEX IF NOT EXISTS articles_unindexed ON articles (indexed) WHERE indexed = 0"
    )
    # `is:unread` lists unread articles; its cost must not grow with the number already read.
    conn.execute("CREATE INDEX IF NOT EXISTS articles_unread ON articles (id) WHERE read = 0")
    conn.execute("CREATE INDEX IF NOT EXISTS articles_starred ON articles (id) WHERE starred = 1")
