"""Feeds and tags as places to read from: unread counts, `feed:`/`tag:` scopes, renaming and
tagging subscriptions.

A scope narrows a search the way `is:unread` does: the query language turns `feed:URL` and
`tag:NAME` into flags, and the library answers a flag with the ids that carry it (here from the
`origin` and `tags` columns of SQLite), so the search index needs no field for them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import FeedInfo
from .store import FEED_COLUMNS, feed_from_row, transaction

if TYPE_CHECKING:  # fetch imports httpx: only a refresh needs it
    from .fetch import FetchError, FetchRequest, FetchResult

SCOPES = ("feed", "tag")


@dataclass(frozen=True)
class FeedCount:
    """A subscription with how many of its articles the library holds, and how many unread."""

    feed: FeedInfo
    total: int
    unread: int


@dataclass(frozen=True)
class TagCount:
    tag: str
    total: int
    unread: int


def scope_ids(conn: sqlite3.Connection, flag: str) -> set[str]:
    """The ids a `feed:URL` or `tag:NAME` flag stands for (tags compare case-insensitively)."""
    kind, _, value = flag.partition(":")
    if kind == "feed":
        rows = conn.execute("SELECT id FROM articles WHERE origin = ?", (value,))
    elif kind == "tag":
        rows = conn.execute(
            "SELECT id FROM articles WHERE EXISTS (SELECT 1 FROM json_each(articles.tags)"
            " WHERE lower(json_each.value) = lower(?))",
            (value,),
        )
    else:
        raise KeyError(flag)
    return {str(row[0]) for row in rows}


def feed_counts(conn: sqlite3.Connection) -> list[FeedCount]:
    """Every subscription with its article and unread counts, by title."""
    counts = {
        str(row[0]): (int(row[1]), int(row[2]))
        for row in conn.execute(
            "SELECT origin, COUNT(*), SUM(read = 0) FROM articles"
            " WHERE origin IN (SELECT url FROM feeds) GROUP BY origin"
        )
    }
    feeds = [feed_from_row(r) for r in conn.execute(f"SELECT {FEED_COLUMNS} FROM feeds")]
    out = [FeedCount(f, *counts.get(f.url, (0, 0))) for f in feeds]
    return sorted(out, key=lambda c: ((c.feed.title or c.feed.url).casefold(), c.feed.url))


def tag_counts(conn: sqlite3.Connection) -> list[TagCount]:
    """Every tag on an article or a subscription, with article and unread counts."""
    rows = conn.execute(
        "SELECT lower(json_each.value), COUNT(*), SUM(articles.read = 0)"
        " FROM articles, json_each(articles.tags) GROUP BY lower(json_each.value)"
    )
    counts = {str(r[0]): TagCount(str(r[0]), int(r[1]), int(r[2] or 0)) for r in rows}
    for (raw,) in conn.execute("SELECT tags FROM feeds"):
        for tag in json.loads(raw or "[]"):
            counts.setdefault(str(tag).lower(), TagCount(str(tag).lower(), 0, 0))
    return sorted(counts.values(), key=lambda c: c.tag)


def rename_feed(conn: sqlite3.Connection, url: str, title: str) -> bool:
    """Give a subscription the title the user chose (a refresh keeps it)."""
    with transaction(conn):
        cur = conn.execute("UPDATE feeds SET title = ? WHERE url = ?", (title, url))
    return cur.rowcount > 0


def tag_feed(conn: sqlite3.Connection, url: str, tags: list[str]) -> bool:
    """Set a subscription's tags: its articles from the next refresh on carry them, and its
    articles already in the library get them now (so `tag:` finds them at once)."""
    clean = sorted({t.strip().lower() for t in tags if t.strip()})
    with transaction(conn):
        cur = conn.execute("UPDATE feeds SET tags = ? WHERE url = ?", (json.dumps(clean), url))
        for article_id, raw in conn.execute(
            "SELECT id, tags FROM articles WHERE origin = ?", (url,)
        ).fetchall():
            merged = sorted({*json.loads(raw or "[]"), *clean})
            conn.execute(
                "UPDATE articles SET tags = ? WHERE id = ?", (json.dumps(merged), article_id)
            )
    return cur.rowcount > 0


# -- local subscriptions: a feed file on disk, refreshed like a URL -------------------------------
#: The largest local feed file read, as for a fetched one.
LOCAL_MAX_BYTES = 20 * 1024 * 1024


def local_feed_url(target: str) -> str | None:
    """`file:///abs/path` for a local feed (a `file://` URL or a path); None for anything else.

    Raises InputError for a local target that is not a readable regular file.
    """
    from urllib.parse import unquote, urlsplit

    from .model import InputError

    text = target.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() == "file":
        if parts.netloc not in ("", "localhost"):
            raise InputError(target, "a file:// URL must name a file on this machine")
        path = unquote(parts.path)
    elif parts.scheme and len(parts.scheme) > 1:
        return None  # http(s) and other schemes are not local
    else:
        path = text
    from pathlib import Path

    resolved = Path(path).expanduser().resolve()
    if not resolved.is_file():
        raise InputError(target, f"{resolved} is not a file")
    return resolved.as_uri()


def subscribe_local(conn: sqlite3.Connection, url: str, tags: list[str]) -> FeedInfo:
    """Subscribe to a local feed file (`file://` URL from `local_feed_url`)."""
    from .store import now

    with transaction(conn):
        conn.execute(
            "INSERT INTO feeds (url, title, tags, added) VALUES (?, NULL, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET tags = excluded.tags",
            (url, json.dumps(sorted(set(tags))), now()),
        )
    row = conn.execute(f"SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?", (url,)).fetchone()
    return feed_from_row(row)


def fetch_feeds(
    requests: Sequence[FetchRequest],
    *,
    on_done: Callable[[str, FetchResult | FetchError], None] | None = None,
) -> dict[str, FetchResult | FetchError]:
    """`fetch.fetch_many` for a refresh, with `file://` subscriptions read from disk.

    A local file answers like a server doing conditional GET: its modification time is its
    Last-Modified, and an unchanged file is "not modified".
    """
    from email.utils import formatdate
    from pathlib import Path
    from urllib.parse import unquote, urlsplit

    from . import schedule
    from .fetch import FetchError, FetchResult, fetch_many

    plan = schedule.current()
    skip = plan.skip if plan is not None else frozenset()
    results: dict[str, FetchResult | FetchError] = {}
    for request in requests:
        if request.url in skip:  # not due yet: answered like a 304, no network
            results[request.url] = FetchResult(
                request.url, 304, None, None, request.etag, request.last_modified, True
            )
            if on_done is not None:
                on_done(request.url, results[request.url])
    remote = [r for r in requests if not r.url.startswith("file:") and r.url not in skip]
    if remote:
        fetched = fetch_many(remote, on_done=on_done)
        results.update(fetched)
        if plan is not None:
            for url, got in fetched.items():
                if isinstance(got, FetchResult):
                    plan.seen[url] = schedule.hint_seconds(got.content) if got.content else None
    for request in requests:
        if not request.url.startswith("file:") or request.url in skip:
            continue
        path = Path(unquote(urlsplit(request.url).path))
        outcome: FetchResult | FetchError
        try:
            stat = path.stat()
            stamp = formatdate(stat.st_mtime, usegmt=True)
            if request.last_modified == stamp:
                outcome = FetchResult(request.url, 304, None, None, None, stamp, True)
            elif stat.st_size > LOCAL_MAX_BYTES:
                outcome = FetchError(request.url, "the file is larger than a feed can be")
            else:
                outcome = FetchResult(request.url, 200, path.read_bytes(), None, None, stamp, False)
        except OSError as error:
            outcome = FetchError(request.url, error.strerror or str(error))
        results[request.url] = outcome
        if on_done is not None:
            on_done(request.url, outcome)
    return results
