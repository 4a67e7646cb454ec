"""Full text on demand: fetch an article's web page, keep its text beside the feed's summary.

Many feeds carry only a summary. `fetch_full_text` fetches the article's link with the usual
fetch limits (`index.fetch`: size, time, redirects), extracts the main text with the same
HTML reader as `dateline add URL` (trafilatura), and stores it as the article's body through
the library's ingestion path, so entities are extracted again and the search index follows.
The summary is kept in `full_text`, with the full text. A refresh that brings the same entry
again finds it unchanged (it is compared with the kept summary, not with the full text); one
whose entry changed stores the new summary, then the full text is put back (`reverted`) and
the new summary kept in its place (`keep_summary`).

A subscription can ask for this for every new entry (`feed_options.full_text`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .store import now, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS full_text (
    id TEXT PRIMARY KEY,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    url TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_options (
    url TEXT PRIMARY KEY,
    full_text INTEGER NOT NULL DEFAULT 0
);
"""


class FullTextError(Exception):
    """The page could not be fetched or had no article text; `reason` is for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FullText:
    article_id: str
    summary_chars: int
    body_chars: int


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def extract(url: str) -> str:
    """The main text of the page at `url`; FullTextError when it cannot be had."""
    from .fetch import FetchError, fetch
    from .model import InputError
    from .sources import parse_bytes

    try:
        res = fetch(url)
    except FetchError as error:
        raise FullTextError(f"the page could not be fetched: {error.reason}") from error
    try:
        got = parse_bytes(res.content or b"", url, content_type=res.content_type, base_url=res.url)
    except InputError as error:
        raise FullTextError(f"the page could not be read: {error.reason}") from error
    if got.kind != "html" or not got.articles or not got.articles[0].body.strip():
        raise FullTextError("the page has no article text Dateline can read")
    return got.articles[0].body


def remember(conn: sqlite3.Connection, article_id: str, summary: str, body: str, url: str) -> None:
    ensure_schema(conn)
    with transaction(conn):
        conn.execute(
            "INSERT INTO full_text (id, summary, body, url, fetched_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET body = excluded.body, url = excluded.url,"
            " fetched_at = excluded.fetched_at",
            (article_id, summary, body, url, now()),
        )


def stored(conn: sqlite3.Connection, article_id: str) -> tuple[str, str] | None:
    """(summary, full text) kept for `article_id`, or None."""
    ensure_schema(conn)
    row = conn.execute("SELECT summary, body FROM full_text WHERE id = ?", (article_id,)).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def reverted(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, full text, body now) of articles whose body is no longer their fetched full text:
    a changed feed entry stored its new summary over it."""
    ensure_schema(conn)
    from .store import body_text

    rows = conn.execute(
        "SELECT f.id, f.body, a.body FROM full_text f JOIN articles a ON a.id = f.id"
    )
    out = []
    for r in rows:
        now_body = body_text(r[2])
        if now_body != r[1]:
            out.append((str(r[0]), str(r[1]), now_body))
    return out


def keep_summary(conn: sqlite3.Connection, article_id: str, summary: str) -> None:
    """The feed's newer copy of an entry whose full text is kept becomes the summary kept
    beside it: the next refresh compares the entry with it (`ingest.classify`) and finds it
    unchanged, rather than updated at every refresh."""
    with transaction(conn):
        conn.execute("UPDATE full_text SET summary = ? WHERE id = ?", (summary, article_id))


def summary_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The feed's copy kept for an article whose full text was fetched, or None."""
    try:
        row = conn.execute("SELECT summary FROM full_text WHERE id = ?", (article_id,)).fetchone()
    except sqlite3.OperationalError:  # no full text was ever fetched in this library
        return None
    return str(row[0]) if row else None


def set_feed_full_text(conn: sqlite3.Connection, url: str, on: bool) -> None:
    ensure_schema(conn)
    with transaction(conn):
        conn.execute(
            "INSERT INTO feed_options (url, full_text) VALUES (?, ?)"
            " ON CONFLICT(url) DO UPDATE SET full_text = excluded.full_text",
            (url, int(on)),
        )


def full_text_feeds(conn: sqlite3.Connection) -> set[str]:
    ensure_schema(conn)
    return {str(r[0]) for r in conn.execute("SELECT url FROM feed_options WHERE full_text = 1")}


def wanted(conn: sqlite3.Connection, since_rowid: int) -> list[str]:
    """Articles added after `since_rowid` by a feed that asks for full text, not yet fetched."""
    ensure_schema(conn)
    rows = conn.execute(
        "SELECT a.id FROM articles a JOIN feed_options o ON o.url = a.origin AND o.full_text = 1"
        " WHERE a.rowid > ? AND a.url IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM full_text f WHERE f.id = a.id)",
        (since_rowid,),
    )
    return [str(r[0]) for r in rows]


# -- job targets (run in the background process by the reader) ----------------------------------
def fetch_job(library_path: str, *, progress: object, article_id: str) -> str:
    """`index.jobs.run_job("index.fulltext:fetch_job", path, {"article_id": ...})`."""
    from .library import Library

    with Library.open(library_path) as lib:
        done = lib.fetch_full_text(article_id)
    return (
        f"Full text stored: {done.body_chars:,} characters "
        f"(the summary had {done.summary_chars:,})."
    )


def refresh_job(library_path: str, *, progress: object, due_only: bool = False) -> object:
    """A refresh that then fetches full text for feeds that ask for it and puts back full
    text a changed feed replaced with its summary; `due_only` honours each feed's `<ttl>`."""
    from .library import Library

    with Library.open(library_path) as lib:
        return lib.refresh_with_full_text(progress=progress, due_only=due_only)  # type: ignore[arg-type]
