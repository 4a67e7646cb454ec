"""SQLite: the library's source of truth (articles, flags, feeds, ingest log, UI state).

The Whoosh index is derived from these tables and can always be rebuilt from them. The database
runs in WAL mode so the TUI can read while a background process writes.

Opening a library of an older format upgrades it in place (`index.migration`, which also
holds the format history).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

#: Bumped when the on-disk layout changes; a newer library is refused, never "upgraded" blindly.
from .bodies import body_text as body_text
from .bodies import pack_body as pack_body
from .model import ArticleSummary, EntityType, FeedInfo

FORMAT_VERSION = 4
#: The page size of a new library (SQLite's default is 4096).
PAGE_SIZE = 8192

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body BLOB NOT NULL,  -- zlib-compressed UTF-8 (pack_body); format 2 wrote TEXT
    url TEXT,
    published TEXT,
    source TEXT,
    author TEXT,
    origin TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL,
    story TEXT NOT NULL,
    added TEXT NOT NULL,
    updated TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    -- 0 until the Whoosh index holds this version of the article (see index.ingest.catch_up)
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
-- "Newest first": the publication date, or when Dateline first saw an undated article (an
-- undated text dump must not sink below every dated article). `NEWEST` is this expression.
CREATE INDEX IF NOT EXISTS articles_newest ON articles (COALESCE(published, added));
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    etag TEXT,
    last_modified TEXT,
    last_fetched TEXT,
    last_error TEXT,
    added TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ingest_log (
    fingerprint TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    articles INTEGER NOT NULL,
    duplicates INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


#: What `dateline check` / `repair` are called in every message about a damaged library.
REPAIR_HINT = (
    "Run `dateline check` to see what is wrong and `dateline repair` to salvage what can be read."
)
_HEADER = b"SQLite format 3\x00"


class DamagedLibrary(sqlite3.DatabaseError):
    """The database file is damaged (or is not a database); the message says what to do."""


def is_read_only(path: Path) -> bool:
    """True when the database (or, for a new one, its folder) cannot be written by us.

    `os.access` also reports a read-only file system for root, whom permissions do not stop.
    SQLite needs to write next to the database (the -wal and -shm files) as well.
    """
    folder = path.parent
    if path.exists():
        return not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))
    return folder.exists() and not os.access(folder, os.W_OK)


def check_header(path: Path, *, index_has_files: bool) -> None:
    """Refuse a database file that cannot be a library before SQLite quietly "opens" it.

    SQLite takes a 0-byte file for a new, empty database: a truncated library would open as an
    empty one while its search index still lists what was lost. A 0-byte file is only taken
    as new when there is no index beside it (a crash right after the file was created).
    """
    try:
        with open(path, "rb") as f:
            head = f.read(len(_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DamagedLibrary(f"{path} cannot be read ({exc.strerror or exc})") from None
    if not head:
        if index_has_files:
            raise DamagedLibrary(
                f"{path} is empty (0 bytes): the library's database was truncated or lost. "
                + REPAIR_HINT
            )
        return
    if head != _HEADER:
        raise DamagedLibrary(
            f"{path} is damaged or is not a Dateline library (no SQLite header). " + REPAIR_HINT
        )


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return _connect_read_only(path)
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    # Each thread opens its own connection (see Library._conn); check_same_thread is off only so
    # that Library.close() can close them all from the closing thread.
    if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
        # A new library: 8 KB pages hold five ~1.4 KB article rows where 4 KB pages held two
        # and wasted a fifth of the table (set before WAL, which fixes the page size).
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    _use_wal(conn)
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    # Explicit transactions only (`with transaction(conn)`), so a batch is all-or-nothing.
    return conn


def _use_wal(conn: sqlite3.Connection, timeout: float = 30.0) -> None:
    """Switch a library to WAL once. Two processes opening a new library at the same moment
    race for it, and SQLite answers the loser "database is locked" at once, without waiting on
    its busy timeout: retry until the winner is done (then it is WAL already)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")  # a write: only when not WAL already
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. A WAL database needs its -shm file to be read; when the
    folder is read-only and there is none, the file is opened as immutable (nothing else can be
    writing to a folder nobody can write)."""
    from urllib.parse import quote

    uri = "file:" + quote(str(path.resolve()))
    for extra in ("", "&immutable=1"):
        conn = sqlite3.connect(
            f"{uri}?mode=ro{extra}",
            uri=True,
            timeout=30.0,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            continue
        return conn
    raise sqlite3.OperationalError(f"{path} cannot be opened for reading")


class transaction:
    """`with transaction(conn):` BEGIN IMMEDIATE … COMMIT, or ROLLBACK on error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def ensure_schema(
    conn: sqlite3.Connection,
    *,
    read_only: bool = False,
    on_upgrade: Callable[[str], None] | None = None,
) -> int:
    """Create the tables of a new library; return the format version found on disk.

    A read-only library is taken as it is: nothing can be created in it. `on_upgrade` hears,
    before it starts, that an older library is being migrated: a minute at 100,000 articles
    is not a hang, and the user should know.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > FORMAT_VERSION or (read_only and version):
        return version
    if on_upgrade is not None and 0 < version < FORMAT_VERSION:
        # Only a format before 3 rewrites every article; 3 -> 4 drops two tables.
        slow = " (about a minute per 100,000 articles)" if version < 3 else ""
        on_upgrade(f"Upgrading the library from format {version} to {FORMAT_VERSION}, once{slow}…")
    from .feedlinks import ensure_table
    from .migration import add_missing_columns, migrate_to_3, migrate_to_4
    from .stories import ensure_tables

    conn.executescript(SCHEMA)
    add_missing_columns(conn)
    ensure_table(conn)  # every feed that carried an article (index.feedlinks)
    ensure_tables(conn)  # migrates format 1's story bands
    if version and version < 3:
        migrate_to_3(conn)
    if version and version < 4:
        migrate_to_4(conn)
    if version:
        from .sources.future import mend_stored

        mend_stored(conn)  # dates far ahead, stored before they were checked
    if version < FORMAT_VERSION:
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
    return FORMAT_VERSION


#: The newest-first sort key in SQL (matches the `articles_newest` index).
NEWEST = "COALESCE(published, added)"


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


SUMMARY_COLUMNS = "id, title, source, url, published, story, author, read, starred, added"


def summary_from_row(
    row: Sequence[object],
    names: dict[EntityType, list[str]] | None = None,
    story_size: int = 1,
) -> ArticleSummary:
    names = names or {}
    return ArticleSummary(
        id=str(row[0]),
        title=str(row[1]),
        source=row[2],  # type: ignore[arg-type]
        url=row[3],  # type: ignore[arg-type]
        published=_dt(row[4]),  # type: ignore[arg-type]
        story=str(row[5]),
        author=row[6],  # type: ignore[arg-type]
        read=bool(row[7]),
        starred=bool(row[8]),
        people=tuple(names.get("person", ())),
        places=tuple(names.get("place", ())),
        orgs=tuple(names.get("org", ())),
        story_size=story_size,
        seen=_dt(row[9]),  # type: ignore[arg-type]
    )


def story_sizes(conn: sqlite3.Connection, stories: Iterable[str]) -> dict[str, int]:
    ids = sorted(set(stories))
    out: dict[str, int] = {}
    for chunk in chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        for story, n in conn.execute(
            f"SELECT story, COUNT(*) FROM articles WHERE story IN ({marks}) GROUP BY story", chunk
        ):
            out[story] = n
    return out


def rows_by_id(conn: sqlite3.Connection, ids: Sequence[str], columns: str) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    for chunk in chunks(list(ids), 500):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {columns} FROM articles WHERE id IN ({marks})", chunk):
            out[row[0]] = row
    return out


def chunks(items: list, size: int) -> Iterable[list]:
    """`items` in lists of `size` (SQLite's bound on the parameters of one statement)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- feeds ------------------------------------------------------------------------------------


def feed_from_row(row: Sequence[object]) -> FeedInfo:
    return FeedInfo(
        url=str(row[0]),
        title=row[1],  # type: ignore[arg-type]
        # Lower-cased as the feeds view, `tag:` and the tag counts treat them (older
        # libraries kept an OPML folder's capitals).
        tags=tuple(dict.fromkeys(str(t).lower() for t in json.loads(str(row[2]) or "[]"))),
        etag=row[3],  # type: ignore[arg-type]
        last_modified=row[4],  # type: ignore[arg-type]
        last_fetched=_dt(row[5]),  # type: ignore[arg-type]
        last_error=row[6],  # type: ignore[arg-type]
    )


FEED_COLUMNS = "url, title, tags, etag, last_modified, last_fetched, last_error"
