"""Subscriptions: adding, renaming, tagging, removing feeds and their full-text setting."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from .feeds import FeedCount, Subscribed, TagCount
from .library_base import _clean
from .library_entities import Corrections
from .model import (
    FeedInfo,
    InputError,
    InputResult,
    ParsedInput,
)
from .store import (
    FEED_COLUMNS,
    feed_from_row,
    now,
    transaction,
)


class Subscriptions(Corrections):
    """The feed list and its settings (fetching them is `library_refresh`)."""

    # -- feeds ------------------------------------------------------------------------------
    def feeds(self) -> list[FeedInfo]:
        rows = self._conn.execute(f"SELECT {FEED_COLUMNS} FROM feeds ORDER BY url").fetchall()
        return [feed_from_row(r) for r in rows]

    def add_feed(
        self,
        url: str,
        *,
        title: str | None = None,
        tags: Sequence[str] = (),
        label: bool = False,
    ) -> FeedInfo:
        """Subscribe to a feed URL; one already subscribed gains `tags` (its articles too)
        and keeps its title unless `title`, the feed's own, is better (`feeds.chosen_title`).
        With `label`, `title` is a name from an OPML file: only a fallback until the feed
        has a title of its own."""
        return self._subscribe_url(url, title=title, tags=tags, label=label).feed

    def _subscribe_url(
        self, url: str, *, title: str | None, tags: Sequence[str], label: bool = False
    ) -> Subscribed:
        """Subscribe to an http(s) URL or a local feed file (a `file://` URL or a path, as an
        OPML export names a local subscription); raises InputError for anything else."""
        from .feeds import TITLE_LABEL, TITLE_OWN, local_feed_url, subscribe_url

        return subscribe_url(
            self._conn,
            local_feed_url(url) or feed_url(url),
            title=title,
            title_from=TITLE_LABEL if label else TITLE_OWN,
            tags=[_clean(t) for t in tags],
        )

    def _subscribe_all(self, origin: str, got: ParsedInput, tags: Sequence[str]) -> InputResult:
        """Every feed of an OPML file: new ones subscribed (fetched at the next refresh),
        ones already subscribed keep their title and gain the folder tags, articles too."""
        warnings = list(got.warnings)
        added = known = retagged = 0
        for feed in got.feeds:
            try:
                target = _local_checked(self, feed.url, origin)
                done = self._subscribe_url(
                    target, title=feed.title, tags=(*feed.tags, *tags), label=True
                )
            except InputError as exc:
                warnings.append(f"skipped {feed.url}: {exc.reason}")
                continue
            added += done.new
            known += not done.new
            retagged += bool(done.tags_added) and not done.new
        return InputResult(
            origin, kind="opml", feeds=added, known_feeds=known, retagged=retagged,
            warnings=tuple(warnings),
        )  # fmt: skip

    def _update_feed(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        error: str | None,
        title: str | None = None,
    ) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?,"
                " last_modified), last_fetched = ?, last_error = ?, title = COALESCE(?, title)"
                " WHERE url = ?",
                (etag, last_modified, now(), error, title, url),
            )

    def _feed_not_modified(self, url: str) -> None:
        """A 304 (or an unchanged file): the document last stored is still the feed, so its
        state comes back — clean, or what is wrong with it (an ill-formed feed is not quiet)
        — in place of any error a fetch in between left."""
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE feeds SET last_fetched = ?, last_error = problem WHERE url = ?",
                (now(), url),
            )

    def remove_feed(self, url: str) -> bool:
        with contextlib.suppress(InputError):
            url = feed_url(url)
        with transaction(self._conn):
            cur = self._conn.execute("DELETE FROM feeds WHERE url = ?", (url,))
        return cur.rowcount > 0

    def export_opml(self) -> str:
        from .sources.opml import write_opml

        return write_opml(self.feeds())

    def feed_counts(self) -> list[FeedCount]:
        """Subscriptions with their article and unread counts (index.feeds)."""
        from .feeds import feed_counts

        return feed_counts(self._conn)

    def tag_counts(self) -> list[TagCount]:
        """Tags with their article and unread counts (index.feeds)."""
        from .feeds import tag_counts

        return tag_counts(self._conn)

    def rename_feed(self, url: str, title: str, *, reindex: bool = True) -> int | None:
        """Rename a subscription; its articles carry the new name everywhere. Returns how
        many articles were renamed (None: not subscribed). They are marked for the index,
        and with `reindex` indexed again here (about 10 ms an article, like a new one);
        while another process holds the writer (a refresh), its ingestion indexes them as it
        ends. The reader passes `reindex=False` and runs `index.jobs:index_pending` in a
        child process, since indexing holds the GIL its event loop needs."""
        from .feeds import rename_feed
        from .ingest import catch_up
        from .lock import maybe_locked

        renamed = rename_feed(self._conn, url, _clean(title))
        if renamed and reindex:
            with maybe_locked(self.path, timeout=0.5) as locked, contextlib.suppress(Exception):
                if locked:  # else the writer's own ingestion indexes them (ingest.catch_up)
                    catch_up(self._conn, self._registry, self._search, wait=5.0)
        return None if renamed is None else len(renamed)

    def tag_feed(self, url: str, tags: Sequence[str]) -> bool:
        from .feeds import tag_feed

        return tag_feed(self._conn, url, [_clean(t) for t in tags])

    def subscribe(
        self, target: str, *, tags: Sequence[str] = (), title: str | None = None
    ) -> FeedInfo:
        """Subscribe to an http(s) feed URL, or to a local feed file (a path or `file://`
        URL, read from disk at each refresh). Raises InputError for anything else. `title`
        is the feed's own (from `probe_feed`), listed until the first refresh."""
        from .feeds import local_feed_url, subscribe_url

        local = local_feed_url(target)
        if local is None:
            return self.add_feed(target, tags=tags, title=title)
        return subscribe_url(self._conn, local, title=title, tags=[_clean(t) for t in tags]).feed

    def subscribe_checked(
        self, target: str, *, check: bool = True, wanted: Callable[[], bool] = lambda: True
    ) -> tuple[FeedInfo | None, bool]:
        """`dateline feeds add` and the reader's `a`: the feed already subscribed (and False),
        or, unless `check` is off, a feed fetched and read once (`probe_feed`, which raises
        InputError with the reason) and then subscribed under its own title (and True).
        `wanted` is asked once the fetch is over: a dialog closed meanwhile gets (None, False)."""
        known = {f.url: f for f in self.feeds()}
        with contextlib.suppress(InputError):  # a path, not a URL: known after subscribing
            if (url := feed_url(target)) in known:
                return known[url], False
        probed = self.probe_feed(target) if check else None
        if not wanted():
            return None, False
        # One subscribed already keeps its title.
        feed = self.subscribe(target, title=probed.title if probed else None)
        if probed is not None and feed.url not in known:
            # It was fetched to check it: when, and what is wrong with it (an ill-formed feed
            # with nothing to read), as a refresh would have recorded. Its entries come with
            # the first refresh, which the validators left unset make a full fetch.
            with transaction(self._conn):
                self._conn.execute(
                    "UPDATE feeds SET last_fetched = ?, last_error = ?, problem = ? WHERE url = ?",
                    (now(), probed.last_error, probed.last_error, feed.url),
                )
            feed = next(f for f in self.feeds() if f.url == feed.url)
        return feed, feed.url not in known

    def probe_feed(self, target: str) -> FeedInfo:
        """Fetch (or read) a feed once and parse it, without storing anything, so a typo, a
        404 or a web page that is no feed is refused when the subscription is made rather
        than failing at every refresh. Returns the feed's URL and title, and as `last_error`
        what is wrong with a feed that is ill-formed but still a feed; raises InputError."""
        from pathlib import Path
        from urllib.parse import unquote, urlsplit

        from .feeds import local_feed_url
        from .fetch import FetchError, fetch
        from .sources import parse_bytes, read_file, sniff
        from .sources.decode import declared_encoding, decode

        local = local_feed_url(target)
        content_type = None
        if local is None:
            url = feed_url(target)
            try:
                got = fetch(url)
            except FetchError as exc:
                raise InputError(target, exc.reason) from None
            data, content_type, origin = got.content or b"", got.content_type, url
        else:
            url = local
            origin = unquote(urlsplit(local).path)
            data = read_file(Path(origin))
        kind = sniff(decode(data, origin, declared=declared_encoding(data, content_type)))
        if kind != "feed":
            raise InputError(target, f"not a feed: {_NOT_A_FEED.get(kind, kind)}")
        parsed = parse_bytes(data, origin, content_type=content_type, base_url=url)
        title = parsed.feeds[0].title if parsed.feeds else None
        return FeedInfo(url=url, title=title, last_error=parsed.problem)

    def set_feed_full_text(self, url: str, on: bool) -> None:
        """Fetch the full text of every new entry of this subscription (index.fulltext)."""
        from .fulltext import set_feed_full_text

        set_feed_full_text(self._conn, url, on)

    def full_text_feeds(self) -> set[str]:
        from .fulltext import full_text_feeds

        return full_text_feeds(self._conn)


def _local_checked(library: Subscriptions, target: str, opml: str) -> str:
    """An OPML entry as a subscription target. A local one (a `file://` URL or a path,
    relative to the OPML file) must be a readable feed file now, and may only come from an
    OPML file on this machine: a list fetched from the web never makes Dateline read local
    files. Raises InputError saying why not."""
    from urllib.parse import urlsplit

    from .feeds import local_feed_url

    if urlsplit(target).scheme.lower() in ("http", "https"):
        return target
    if len(urlsplit(opml).scheme) > 1:
        raise InputError(target, "a list of feeds fetched from the web cannot name local files")
    local = local_feed_url(_beside(target, opml))
    if local is None:  # another scheme (parse warned already); refused by feed_url
        return target
    library.probe_feed(local)  # "not a feed: plain text", "… is not a file"
    return local


def _beside(target: str, opml: str) -> str:
    """A relative path in an OPML file names a feed file beside that file, wherever the
    import runs from; URLs and absolute paths are left as they are."""
    from pathlib import Path
    from urllib.parse import urlsplit

    if len(urlsplit(target).scheme) > 1 or len(urlsplit(opml).scheme) > 1:
        return target  # a URL, or an OPML file fetched from a URL: nothing to be beside
    path = Path(target).expanduser()
    return target if path.is_absolute() else str(Path(opml).parent / path)


_NOT_A_FEED = {
    "html": "a web page (subscribe to the feed it links to)",
    "text": "plain text",
    "jsonl": "JSON Lines (add it with `dateline add`)",
    "opml": "a list of feeds (`dateline add` it to subscribe to every one)",
}

_URL_FORBIDDEN = set(' "<>\\^`{|}')


def feed_url(url: str) -> str:
    """A subscription's URL, checked and normalised so one feed is one subscription.

    Scheme and host are lower-cased and the fragment and an empty query dropped; anything that
    is not a plain http(s) URL with a host is refused now rather than failing at every refresh.
    """
    from urllib.parse import urlsplit, urlunsplit

    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(url, "a feed must be an http or https URL")
    if not parts.hostname:
        raise InputError(url, "the URL has no host name")
    if any(c in _URL_FORBIDDEN or ord(c) < 32 for c in text):
        raise InputError(
            url, "the URL contains spaces, quotes or other characters URLs cannot hold"
        )
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )
