"""Refreshing subscriptions and fetching full text: the feed half of getting news in."""

from __future__ import annotations

from .fulltext import FullText
from .library_add import Adding, _Parsed, _with_tags
from .library_base import ProgressCallback
from .lock import writes
from .model import (
    AddReport,
    InputError,
    InputResult,
    ParsedInput,
    Progress,
    RawArticle,
)

_NOT_A_FEED = {
    "html": "the feed URL now serves a web page, not a feed",
    "opml": "the feed URL now serves a list of feeds (OPML), not a feed",
    "text": "the feed URL now serves plain text, not a feed",
    "jsonl": "the feed URL now serves JSON, not a feed",
}


def _not_a_feed(kind: str) -> str:
    return _NOT_A_FEED.get(kind, f"the URL no longer serves a feed ({kind})")


def _served_instead(data: bytes, content_type: str | None, origin: str) -> str | None:
    """What a subscription serves in place of a feed (one message per kind: a web page is "a
    web page" whether it has an article's text or none), or None when it looks like a feed."""
    from .sources import sniff
    from .sources.decode import declared_encoding, decode

    try:
        kind = sniff(decode(data, origin, declared=declared_encoding(data, content_type)))
    except InputError:
        return None
    return None if kind == "feed" else _not_a_feed(kind)


def _named(got: ParsedInput, source: str | None) -> ParsedInput:
    """A renamed feed's entries under the name the user gave it (`feeds.rename_feed`)."""
    import dataclasses

    if source is None:
        return got
    articles = tuple(dataclasses.replace(a, source=source) for a in got.articles)
    return dataclasses.replace(got, articles=articles)


class Refreshing(Adding):
    """`refresh`, full text of an article or of every new entry of a feed."""

    @writes
    def refresh(self, *, progress: ProgressCallback | None = None) -> AddReport:
        """Fetch every subscription concurrently (conditional GET) and add what is new."""
        from . import schedule
        from .feeds import fetch_feeds, settle_title, user_titles
        from .fetch import FetchError, FetchRequest
        from .sources import parse_bytes

        feeds = self.feeds()
        renamed = user_titles(self._conn)  # their entries carry the name the user gave
        plan = schedule.current()  # a scheduled refresh (`--due`) skips feeds not due
        not_due = plan.skip if plan is not None else frozenset()
        done = 0

        def on_done(url: str, _: object) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(Progress("fetch", done, len(feeds), url))

        fetched = fetch_feeds(  # fetch_many, with file:// subscriptions read from disk
            [FetchRequest(f.url, f.etag, f.last_modified) for f in feeds], on_done=on_done
        )
        results: dict[int, InputResult] = {}
        parsed: list[tuple[int, _Parsed]] = []
        for i, feed in enumerate(feeds):
            res = fetched.get(feed.url)
            if isinstance(res, FetchError) or res is None:
                reason = res.reason if isinstance(res, FetchError) else "not fetched"
                self._update_feed(feed.url, error=reason)
                results[i] = InputResult(feed.url, kind="feed", failed=True, reason=reason)
                continue
            if res.not_modified and feed.url in not_due:  # not fetched at all: nothing to note
                results[i] = InputResult(feed.url, kind="feed", not_due=True)
                continue
            if res.not_modified:
                self._feed_not_modified(feed.url)
                results[i] = InputResult(feed.url, kind="feed")
                continue
            try:
                got = parse_bytes(
                    res.content or b"", feed.url, content_type=res.content_type, base_url=res.url
                )
            except InputError as exc:
                # A web page says so whatever its text: a near-empty one fails to parse.
                served = _served_instead(res.content or b"", res.content_type, feed.url)
                reason = served or exc.reason
                self._update_feed(feed.url, error=reason)
                results[i] = InputResult(feed.url, kind="feed", failed=True, reason=reason)
                continue
            if got.kind != "feed":
                # A subscription that now serves a page or a list of feeds: not an article.
                reason = _not_a_feed(got.kind)
                self._update_feed(feed.url, error=reason)
                results[i] = InputResult(feed.url, kind="feed", failed=True, reason=reason)
                continue
            # The validators (ETag, Last-Modified) are saved in the transaction that records
            # the entries as stored (_ingest_group): a crash before it means a re-fetch, where
            # saving them first made the next refresh get 304 and lose the entries for good.
            # The feed's own title: it may replace an OPML label or an undecoded older copy
            # (feeds.settle_title); articles it mends are indexed by the ingest that follows.
            settle_title(self._conn, feed.url, got.feeds[0].title if got.feeds else None)
            validators = (feed.url, res.etag, res.last_modified, None)
            got = _named(_with_tags(got, feed.tags), renamed.get(feed.url))
            parsed.append((i, _Parsed(feed.url, got, None, 0, validators)))
        for i, result in self._ingest_parsed(parsed, progress):
            results[i] = result
        return AddReport(tuple(results[i] for i in sorted(results)))

    @writes
    def index_pending(self, *, progress: ProgressCallback | None = None) -> int:
        """Index every article SQLite marked as not yet in the search index (a renamed feed's
        articles, `rename_feed`); returns how many. Waits for another writer, then finds
        what that one left (usually nothing)."""
        return self._catch_up(progress)

    def fetch_full_text(self, article_id: str) -> FullText:
        """Fetch the article's page and store its main text as the body (entities and index
        follow); the summary is kept beside it. Raises FullTextError (index.fulltext)."""
        from . import fulltext

        article = self.article(article_id)
        if article is None:
            raise fulltext.FullTextError("that article is no longer in the library")
        if not article.url or not article.url.lower().startswith(("http://", "https://")):
            raise fulltext.FullTextError("the article has no web link to fetch")
        kept = fulltext.stored(self._conn, article_id)
        summary = kept[0] if kept else article.body
        body = fulltext.extract(article.url)
        if len(body) <= len(summary):
            raise fulltext.FullTextError("the page has no more text than the summary")
        self._replace_body(article_id, body)
        fulltext.remember(self._conn, article_id, summary, body, article.url)
        return fulltext.FullText(article_id, len(summary), len(body))

    def _replace_body(self, article_id: str, body: str) -> None:
        import json

        article = self.article(article_id)
        row = self._conn.execute(
            "SELECT origin, tags FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if article is None or row is None:
            return
        raw = RawArticle(
            title=article.title, body=body, url=article.url, published=article.published,
            source=article.source, author=article.author, origin=str(row[0] or ""),
            tags=tuple(json.loads(row[1] or "[]")),
        )  # fmt: skip
        parsed = ParsedInput(raw.origin, "html", (raw,))
        self._ingest_parsed([(0, _Parsed(raw.origin, parsed))], None)

    def refresh_with_full_text(
        self, *, progress: ProgressCallback | None = None, due_only: bool = False
    ) -> AddReport:
        """`refresh`, then full text for the new entries of feeds that ask for it, and back
        for articles whose feed copy replaced their full text. A page that cannot be had
        leaves the summary and is a warning of the report. With `due_only` (a scheduled
        refresh) a feed whose `<ttl>` or HTTP Cache-Control says it was fetched too recently
        is skipped (index.schedule)."""
        from . import fulltext, schedule

        since = int(
            self._conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0]
        )
        skip = schedule.not_due(self._conn, [f.url for f in self.feeds()]) if due_only else set()
        with schedule.planned(schedule.Plan(frozenset(skip))) as plan:
            report = self.refresh(progress=progress)
        schedule.record(self._conn, plan.seen, max_age=plan.max_age)
        warnings: list[str] = []
        for article_id, body, summary in fulltext.reverted(self._conn):
            self._replace_body(article_id, body)
            fulltext.keep_summary(self._conn, article_id, summary)
        for article_id in fulltext.wanted(self._conn, since):
            try:
                self.fetch_full_text(article_id)
            except fulltext.FullTextError as error:
                warnings.append(f"full text of {article_id}: {error.reason}")
        if not warnings:
            return report
        extra = InputResult("full text", kind="fulltext", warnings=tuple(warnings))
        return AddReport((*report.results, extra))
