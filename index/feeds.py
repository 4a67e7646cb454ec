"""Feeds and tags as places to read from: unread counts, `feed:`/`tag:` scopes, renaming and
tagging subscriptions.

A scope narrows a search the way `is:unread` does: the query language turns `feed:URL` and
`tag:NAME` into flags, and the library answers a flag with the ids that carry it (here from the
`origin` and `tags` columns of SQLite and the further feeds of `index.feedlinks`), so the
search index needs no field for them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .feedlinks import FEED_ARTICLES, has_table
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
        rows = conn.execute(_feed_articles(conn), {"feed": value})
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
    """Every subscription with its article and unread counts, by title. An article counts
    for every feed that carried it: its origin, and the feeds linked to it besides
    (`index.feedlinks`, never its origin again), so the two counts simply add up."""
    counts: dict[str, tuple[int, int]] = {}
    links = (
        " UNION ALL SELECT l.feed, COUNT(*), SUM(a.read = 0) FROM article_feeds l"
        " JOIN articles a ON a.id = l.article_id WHERE l.feed IN (SELECT url FROM feeds)"
        " GROUP BY l.feed"
        if has_table(conn)
        else ""
    )
    for feed, total, unread in conn.execute(
        "SELECT origin, COUNT(*), SUM(read = 0) FROM articles"
        f" WHERE origin IN (SELECT url FROM feeds) GROUP BY origin{links}"
    ):
        have = counts.get(str(feed), (0, 0))
        counts[str(feed)] = (have[0] + int(total), have[1] + int(unread or 0))
    feeds = [feed_from_row(r) for r in conn.execute(f"SELECT {FEED_COLUMNS} FROM feeds")]
    out = [FeedCount(f, *counts.get(f.url, (0, 0))) for f in feeds]
    return sorted(out, key=lambda c: (natural_key(c.feed.title or c.feed.url), c.feed.url))


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """`text` sorted as people read numbers: "Feed 2" before "Feed 10" (a plain string sort
    gave "1, 10, 11 … 19, 2"), without regard to case."""
    return tuple(
        (0, int(part)) if part.isdecimal() else (1, part)
        for part in re.split(r"(\d+)", text.casefold())
        if part
    )


def _feed_articles(conn: sqlite3.Connection) -> str:
    """The SQL of a feed's article ids (parameter `:feed`): by origin alone in a read-only
    library of an older layout, which has no `article_feeds`."""
    return FEED_ARTICLES if has_table(conn) else "SELECT id FROM articles WHERE origin = :feed"


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
    return sorted(counts.values(), key=lambda c: (natural_key(c.tag), c.tag))


def rename_feed(conn: sqlite3.Connection, url: str, title: str) -> list[str] | None:
    """Give a subscription the title the user chose (a refresh keeps it, and names its new
    entries with it), and make its articles read so everywhere: the source name is stored
    per article (the list's Source column, the reader's header, story and entity pages, the
    index's `source:` field), so the feed's own articles (those it brought first) get it in
    one statement and are marked for the index, which then reindexes only them
    (`Library.rename_feed`). Resolving the name through the feed at read time would cost
    every list row and search a join, and `source:` could not find the new name.
    Returns the ids renamed; None when the feed is not subscribed."""
    from .pages.renamed import rename_source

    with transaction(conn):
        cur = conn.execute(
            "UPDATE feeds SET title = ?, title_from = ? WHERE url = ?", (title, TITLE_USER, url)
        )
        if cur.rowcount <= 0:
            return None
        ids = [
            str(r[0])
            for r in conn.execute(
                "UPDATE articles SET source = ?, indexed = 0 WHERE origin = ? AND source IS NOT ?"
                " RETURNING id",
                (title, url, title),
            ).fetchall()
        ]
        rename_source(conn, ids, title)
    return ids


def user_titles(conn: sqlite3.Connection) -> dict[str, str]:
    """Subscriptions the user renamed: URL -> the name, which their new entries carry."""
    rows = conn.execute("SELECT url, title FROM feeds WHERE title_from = ? AND title IS NOT NULL",
                        (TITLE_USER,))  # fmt: skip
    return {str(u): str(t) for u, t in rows}


def clean_tags(tags: Iterable[str]) -> list[str]:
    """A subscription's tags as kept: trimmed, lower-cased, each once, sorted — the form `t`
    in the feeds view, `tag:` and the tag counts use, so an OPML folder "Africa" and a tag
    typed as "africa" are one tag, not `0 #africa` beside `2 #Africa`."""
    return sorted({" ".join(str(t).split()).lower() for t in tags if str(t).strip()})


def tag_feed(conn: sqlite3.Connection, url: str, tags: list[str]) -> bool:
    """Set a subscription's tags: its articles from the next refresh on carry them, and its
    articles already in the library get them now (so `tag:` finds them at once)."""
    clean = clean_tags(tags)
    with transaction(conn):
        cur = conn.execute("UPDATE feeds SET tags = ? WHERE url = ?", (json.dumps(clean), url))
        _tag_articles(conn, url, clean)
    return cur.rowcount > 0


def _tag_articles(conn: sqlite3.Connection, url: str, tags: Sequence[str]) -> None:
    """Add `tags` to every article of the subscription `url` (inside the caller's transaction);
    an article's other tags stay."""
    if not tags:
        return
    for article_id, raw in conn.execute(
        f"SELECT id, tags FROM articles WHERE id IN ({_feed_articles(conn)})", {"feed": url}
    ).fetchall():
        have = json.loads(raw or "[]")
        known = {str(t).lower() for t in have}  # "Africa" from an older import is "africa"
        extra = [t for t in tags if t.lower() not in known]
        if extra:
            merged = sorted({*have, *extra})
            conn.execute(
                "UPDATE articles SET tags = ? WHERE id = ?", (json.dumps(merged), article_id)
            )


# -- subscribing: new feeds, feeds already there, and whose title wins ---------------------------
#: Where a subscription's title came from (`feeds.title_from`; NULL in older libraries).
TITLE_OWN, TITLE_LABEL, TITLE_USER = "feed", "label", "user"


@dataclass(frozen=True)
class Subscribed:
    """The outcome of subscribing to one URL: `new` is False when it was subscribed already,
    `tags_added` the tags it (and its articles) gained."""

    feed: FeedInfo
    new: bool
    tags_added: tuple[str, ...] = ()


def subscribe_url(
    conn: sqlite3.Connection,
    url: str,
    *,
    title: str | None = None,
    title_from: str = TITLE_OWN,
    tags: Iterable[str] = (),
) -> Subscribed:
    """Subscribe to `url` (already checked by `library_feeds.feed_url`), or, when it is
    subscribed already, add `tags` to it and to its articles (as `t` does) and keep its title
    unless `chosen_title` says the offered one is better. An OPML import names its feeds with
    labels (`title_from=TITLE_LABEL`): a label never replaces a title the feed already has."""
    from .store import now

    wanted = clean_tags(tags)
    with transaction(conn):
        row = conn.execute(
            "SELECT title, title_from, tags FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO feeds (url, title, title_from, tags, added) VALUES (?, ?, ?, ?, ?)",
                (url, title, title_from if title else None, json.dumps(wanted), now()),
            )
            added, new = tuple(wanted), True
        else:
            have = clean_tags(json.loads(row[2] or "[]"))
            added, new = tuple(t for t in wanted if t not in have), False
            kept = chosen_title(row[0], row[1], title, title_from)
            conn.execute(
                "UPDATE feeds SET title = ?, title_from = ?, tags = ? WHERE url = ?",
                (*kept, json.dumps(sorted({*have, *wanted})), url),
            )
            _tag_articles(conn, url, added)
    feed = conn.execute(f"SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?", (url,)).fetchone()
    return Subscribed(feed_from_row(feed), new, added)


def chosen_title(
    stored: str | None, stored_from: str | None, offered: str | None, offered_from: str
) -> tuple[str | None, str | None]:
    """(title, title_from) a subscription keeps when a title is offered: the user's own name
    always; the feed's own title over an OPML label and over its own older title; a label
    only while there is no title at all. A title of unknown origin (older libraries) stays,
    except the feed's own title stored before entities were decoded ("Quill &amp; Compass")."""
    if not offered or offered == stored:
        return stored, stored_from
    if stored is None:
        return offered, offered_from
    if offered_from == TITLE_OWN and (
        stored_from in (TITLE_OWN, TITLE_LABEL)
        or (stored_from is None and undecoded(stored, offered))
    ):
        return offered, offered_from
    return stored, stored_from


def undecoded(stored: str, title: str) -> bool:
    """Whether `stored` is `title` with its HTML entities not yet decoded."""
    import html

    return stored != title and "&" in stored and " ".join(html.unescape(stored).split()) == title


def settle_title(conn: sqlite3.Connection, url: str, own: str | None) -> None:
    """After a feed is fetched: its own title `own` replaces the stored one where
    `chosen_title` says so, and when the stored one was the undecoded form of it, the
    articles that carry that form as their source get the decoded one (and are indexed
    again), so an older library is mended by a refresh."""
    row = conn.execute("SELECT title, title_from FROM feeds WHERE url = ?", (url,)).fetchone()
    if row is None or not own:
        return
    title, title_from = chosen_title(row[0], row[1], own, TITLE_OWN)
    if (title, title_from) == (row[0], row[1]) and not (row[0] and undecoded(row[0], own)):
        return  # the usual refresh: nothing to write
    with transaction(conn):
        if (title, title_from) != (row[0], row[1]):
            conn.execute(
                "UPDATE feeds SET title = ?, title_from = ? WHERE url = ?", (title, title_from, url)
            )
        if row[0] and undecoded(row[0], own):
            conn.execute(
                "UPDATE articles SET source = ?, indexed = 0 WHERE origin = ? AND source = ?",
                (own, url, row[0]),
            )


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
                    plan.max_age[url] = got.max_age
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
