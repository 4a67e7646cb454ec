"""`Library`: the one facade between what the user sees (`reader/`) and the back end.

A library is a folder: `library.sqlite` (the source of truth) and `whoosh/` (derived from it,
rebuilt when missing or unreadable). Every method is safe to call from a worker thread: each
thread gets its own SQLite connection and Whoosh searcher.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .entities.registry import EntityError, Registry
from .model import (
    ENTITY_TYPES,
    AddReport,
    Article,
    ArticleSummary,
    EntityCount,
    EntityType,
    FeedInfo,
    Hit,
    InputError,
    InputResult,
    ParsedInput,
    Progress,
    RawArticle,
    SearchResult,
)
from .perthread import PerThread
from .store import (
    FEED_COLUMNS,
    FORMAT_VERSION,
    SUMMARY_COLUMNS,
    connect,
    ensure_schema,
    feed_from_row,
    now,
    rows_by_id,
    story_sizes,
    summary_from_row,
    transaction,
)
from .stories import StoryIndex

ProgressCallback = Callable[[Progress], None]

#: Inputs are parsed, then ingested in groups of about this many articles; a group that fails is
#: retried input by input so one bad input is isolated and the rest still land.
GROUP_ARTICLES = 256
DB_NAME = "library.sqlite"
INDEX_DIR = "whoosh"


def default_path() -> Path:
    """`DATELINE_LIBRARY`, else the platform's user data dir (XDG on Linux)."""
    env = os.environ.get("DATELINE_LIBRARY")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("dateline", appauthor=False)) / "library"


def _is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


@dataclasses.dataclass
class _Parsed:
    """An input parsed and waiting for ingestion."""

    origin: str
    parsed: ParsedInput
    fingerprint: str | None = None
    feeds_added: int = 0


class LibraryError(Exception):
    """A library that cannot be opened; the message is meant for the user."""


class Library:
    """Open with `Library.open(path)`; close with `close()` or use it as a context manager.

    Every method is safe to call from any thread: SQLite connections (and so the entity
    registry) are per thread, and the search index keeps one searcher per thread.
    """

    def __init__(self, path: Path, search: Any) -> None:
        self.path = path
        self._search = search
        self._sessions: PerThread[_Session] = PerThread(
            lambda: _Session(connect(path / DB_NAME)), _Session.close
        )

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True) -> Library:
        """Open the library folder at `path` (default: `DATELINE_LIBRARY` or the user data dir).

        Raises `LibraryError` for a folder written by a newer Dateline, a file that is not a
        library, or a missing library when `create` is false. A Whoosh index that cannot be
        opened is rebuilt from SQLite (it is derived data).
        """
        from .searchindex import IndexBusy, IndexUnreadable, SearchIndex

        root = Path(path).expanduser() if path else default_path()
        db = root / DB_NAME
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root} is a file, not a library folder")
        if not db.exists():
            if not create:
                raise LibraryError(f"no Dateline library at {root}")
            root.mkdir(parents=True, exist_ok=True)
        try:
            conn = connect(db)
            version = ensure_schema(conn)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{db} is not a Dateline library ({exc})") from exc
        if version > FORMAT_VERSION:
            conn.close()
            raise LibraryError(
                f"the library at {root} was written by a newer Dateline (format {version}); "
                f"this version reads format {FORMAT_VERSION}. Upgrade Dateline to open it."
            )
        session = _Session(conn)  # creates the registry's and stories' tables if needed
        rebuild = False
        try:
            search = SearchIndex.open(root / INDEX_DIR)
        except IndexUnreadable:
            _remove(root / INDEX_DIR)
            search = SearchIndex.open(root / INDEX_DIR)
            rebuild = True
        lib = cls(root, search)
        lib._sessions.set(session)
        try:
            lib._check_index()
        except Exception:  # segments that cannot be read: the index is derived, rebuild it
            search.close()
            _remove(root / INDEX_DIR)
            lib._search = SearchIndex.open(root / INDEX_DIR)
            rebuild = True
        count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        if rebuild or (count and lib._search.doc_count() == 0):
            lib.reindex()
        else:
            # Another process holding the writer indexes what it stored itself: don't wait.
            with contextlib.suppress(IndexBusy):
                lib._catch_up(wait=0.5)
        return lib

    def close(self) -> None:
        self._sessions.close_all()
        self._search.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- per-thread SQLite ------------------------------------------------------------------
    @property
    def _conn(self) -> sqlite3.Connection:
        return self._sessions.get().conn

    @property
    def _registry(self) -> Registry:
        return self._sessions.get().registry

    @property
    def _stories(self) -> StoryIndex:
        return self._sessions.get().stories

    # -- getting news in -------------------------------------------------------------------
    def add(
        self,
        inputs: Sequence[str],
        *,
        progress: ProgressCallback | None = None,
        tags: Sequence[str] = (),
    ) -> AddReport:
        """Add files, folders (recursively), globs, http(s) URLs and OPML files.

        One bad input never stops the batch: it is reported in its `InputResult`.
        This runs in the calling process; the TUI calls it through `index.jobs` so that parsing,
        NER and indexing happen in a separate process.
        """
        from .sources import expand

        items = expand(list(inputs))
        results: list[InputResult | None] = [None] * len(items)
        parsed: list[tuple[int, _Parsed]] = []
        for i, item in enumerate(items):
            if progress:
                progress(Progress("read", i, len(items), str(item)))
            if isinstance(item, InputError):
                results[i] = InputResult(item.origin, failed=True, reason=item.reason)
                continue
            try:
                got = self._read(item, tags)
            except InputError as exc:
                results[i] = InputResult(item, failed=True, reason=exc.reason)
                continue
            except Exception as exc:  # a parser bug must not cost the rest of the batch
                results[i] = InputResult(item, failed=True, reason=f"unexpected error: {exc}")
                continue
            if isinstance(got, InputResult):
                results[i] = got
            else:
                parsed.append((i, got))
        if progress:
            progress(Progress("read", len(items), len(items)))
        for i, result in self._ingest_parsed(parsed, progress):
            results[i] = result
        return AddReport(tuple(r for r in results if r is not None))

    def _read(self, item: str, tags: Sequence[str]) -> _Parsed | InputResult:
        from .sources import parse_bytes, read_file

        if _is_url(item):
            return self._read_url(item, tags)
        data = read_file(item)
        fingerprint = hashlib.sha256(data).hexdigest()
        row = self._conn.execute(
            "SELECT articles, duplicates FROM ingest_log WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        if row is not None:
            return InputResult(item, kind="seen", unchanged=row[0], duplicates=row[1])
        got = parse_bytes(data, item)
        if got.kind == "opml":
            return self._subscribe_all(item, got, tags)
        return _Parsed(item, _with_tags(got, tags), fingerprint)

    def _read_url(self, url: str, tags: Sequence[str]) -> _Parsed | InputResult:
        from .fetch import FetchError, fetch
        from .sources import parse_bytes

        try:
            res = fetch(url)
        except FetchError as exc:
            raise InputError(url, exc.reason) from exc
        got = parse_bytes(res.content or b"", url, content_type=res.content_type, base_url=res.url)
        if got.kind == "opml":
            return self._subscribe_all(url, got, tags)
        feeds = 0
        if got.kind == "feed":
            title = got.feeds[0].title if got.feeds else None
            feed = self.add_feed(url, title=title, tags=tags)
            self._update_feed(feed.url, etag=res.etag, last_modified=res.last_modified, error=None)
            feeds = 1
        return _Parsed(url, _with_tags(got, tags), None, feeds)

    def _subscribe_all(self, origin: str, got: ParsedInput, tags: Sequence[str]) -> InputResult:
        warnings = list(got.warnings)
        added = 0
        for feed in got.feeds:
            try:
                self.add_feed(feed.url, title=feed.title, tags=(*feed.tags, *tags))
                added += 1
            except InputError as exc:
                warnings.append(f"{feed.url}: {exc.reason}")
        return InputResult(origin, kind="opml", feeds=added, warnings=tuple(warnings))

    def _ingest_parsed(
        self, parsed: list[tuple[int, _Parsed]], progress: ProgressCallback | None
    ) -> list[tuple[int, InputResult]]:
        from .nerpool import MIN_ARTICLES, NerPrefetch

        split = [part for entry in parsed for part in _parts(entry)]
        groups: list[list[tuple[int, _Parsed]]] = []
        group: list[tuple[int, _Parsed]] = []
        size = 0
        for entry in split:
            group.append(entry)
            size += len(entry[1].parsed.articles)
            if size >= GROUP_ARTICLES:
                groups.append(group)
                group, size = [], 0
        if group:
            groups.append(group)
        total = sum(len(p.parsed.articles) for _, p in parsed)
        # A big batch: a second process extracts the next group's entities meanwhile.
        prefetch = NerPrefetch() if total >= MIN_ARTICLES and len(groups) > 1 else None
        out: list[tuple[int, InputResult]] = []
        try:
            ahead = prefetch.submit(_articles_of(groups[0])) if prefetch else None
            for k, current in enumerate(groups):
                ready = None
                if prefetch is not None and ahead is not None:
                    following = groups[k + 1] if k + 1 < len(groups) else None
                    try:
                        ready = ahead.result()
                    except Exception:  # a dead worker costs speed, never articles
                        ready = None
                    ahead = prefetch.submit(_articles_of(following)) if following else None
                out += self._ingest_isolated(current, progress, ready)
        finally:
            if prefetch is not None:
                prefetch.close()
        return self._join_parts(parsed, out)

    def _join_parts(
        self, parsed: list[tuple[int, _Parsed]], out: list[tuple[int, InputResult]]
    ) -> list[tuple[int, InputResult]]:
        """One result per input again, for inputs ingested in several parts (and their log)."""
        whole = {i: p for i, p in parsed if len(p.parsed.articles) > GROUP_ARTICLES}
        if not whole:
            return out
        joined: dict[int, InputResult] = {}
        for i, r in out:
            if i not in whole:
                continue
            have = joined.get(i)
            joined[i] = r if have is None else _sum_results(have, r)
        with transaction(self._conn):
            for i, r in joined.items():
                p = whole[i]
                if p.fingerprint and not r.failed:
                    self._conn.execute(
                        "INSERT OR REPLACE INTO ingest_log"
                        " (fingerprint, origin, articles, duplicates, at) VALUES (?, ?, ?, ?, ?)",
                        (p.fingerprint, p.origin, r.added + r.updated + r.unchanged,
                         r.duplicates, now()),
                    )  # fmt: skip
        return [(i, r) for i, r in out if i not in whole] + sorted(joined.items())

    def _ingest_isolated(
        self,
        group: list[tuple[int, _Parsed]],
        progress: ProgressCallback | None,
        ready: dict[str, Any] | None,
    ) -> list[tuple[int, InputResult]]:
        """Ingest a group; when it fails, retry input by input so one bad input is isolated."""
        try:
            return self._ingest_group(group, progress, ready)
        except Exception:
            out: list[tuple[int, InputResult]] = []
            for one in group:
                try:
                    out += self._ingest_group([one], progress, ready)
                except Exception as exc:
                    out.append(
                        (
                            one[0],
                            InputResult(
                                one[1].origin, failed=True, reason=f"could not be stored: {exc}"
                            ),
                        )
                    )
            return out

    def _ingest_group(
        self,
        group: list[tuple[int, _Parsed]],
        progress: ProgressCallback | None,
        ready: dict[str, Any] | None = None,
    ) -> list[tuple[int, InputResult]]:
        from .ingest import ingest

        counts = ingest(
            self._conn,
            self._registry,
            self._stories,
            self._search,
            [p.parsed.articles for _, p in group],
            progress,
            ready,
        )
        out = []
        with transaction(self._conn):
            for (i, p), c in zip(group, counts, strict=True):
                if p.fingerprint:
                    self._conn.execute(
                        "INSERT OR REPLACE INTO ingest_log"
                        " (fingerprint, origin, articles, duplicates, at) VALUES (?, ?, ?, ?, ?)",
                        (
                            p.fingerprint,
                            p.origin,
                            c.added + c.updated + c.unchanged,
                            c.duplicates,
                            now(),
                        ),
                    )
                out.append(
                    (
                        i,
                        InputResult(
                            p.origin,
                            kind=p.parsed.kind,
                            added=c.added,
                            updated=c.updated,
                            unchanged=c.unchanged,
                            duplicates=c.duplicates,
                            warnings=(*p.parsed.warnings, *c.warnings),
                            feeds=p.feeds_added,
                        ),
                    )
                )
        return out

    def refresh(self, *, progress: ProgressCallback | None = None) -> AddReport:
        """Fetch every subscription concurrently (conditional GET) and add what is new."""
        from .fetch import FetchError, FetchRequest, fetch_many
        from .sources import parse_bytes

        feeds = self.feeds()
        done = 0

        def on_done(url: str, _: object) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(Progress("fetch", done, len(feeds), url))

        fetched = fetch_many(
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
            if res.not_modified:
                self._update_feed(feed.url, error=None)
                results[i] = InputResult(feed.url, kind="feed")
                continue
            try:
                got = parse_bytes(
                    res.content or b"", feed.url, content_type=res.content_type, base_url=res.url
                )
            except InputError as exc:
                self._update_feed(feed.url, error=exc.reason)
                results[i] = InputResult(feed.url, kind="feed", failed=True, reason=exc.reason)
                continue
            self._update_feed(
                feed.url, etag=res.etag, last_modified=res.last_modified, error=None,
                title=feed.title or (got.feeds[0].title if got.feeds else None),
            )  # fmt: skip
            parsed.append((i, _Parsed(feed.url, _with_tags(got, feed.tags))))
        for i, result in self._ingest_parsed(parsed, progress):
            results[i] = result
        return AddReport(tuple(results[i] for i in sorted(results)))

    def reindex(self, *, progress: ProgressCallback | None = None) -> int:
        """Rebuild the Whoosh index from SQLite; returns the number of articles indexed."""
        from .ingest import index_docs

        ids = [r[0] for r in self._conn.execute("SELECT id FROM articles ORDER BY rowid")]
        registry = self._registry

        def docs() -> Any:
            for i in range(0, len(ids), 500):
                yield from index_docs(self._conn, registry, ids[i : i + 500])

        n = self._search.rebuild(docs(), progress=progress)
        with transaction(self._conn):
            self._conn.execute("UPDATE articles SET indexed = 1 WHERE indexed = 0")
        return n

    def _catch_up(
        self, progress: ProgressCallback | None = None, *, wait: float | None = None
    ) -> int:
        """Index what SQLite holds but the index does not yet (after a crash or an error)."""
        from .ingest import catch_up

        return catch_up(self._conn, self._registry, self._search, progress, wait=wait)

    def _check_index(self) -> None:
        """Read every segment once, so a damaged index shows up at open, not mid-session."""
        self._search.doc_count()
        self._search.search("", limit=1, facets=True)

    # -- finding it again -------------------------------------------------------------------
    def _flag_ids(self, flag: str) -> set[str]:
        """Ids carrying a flag, through partial indexes: `unread` costs what unread articles
        cost, however many have been read."""
        where = {"unread": "read = 0", "read": "read = 1", "starred": "starred = 1"}[flag]
        return {r[0] for r in self._conn.execute(f"SELECT id FROM articles WHERE {where}")}

    def _bodies(self, ids: Sequence[str]) -> dict[str, str]:
        return {r[0]: r[1] for r in rows_by_id(self._conn, ids, "id, body").values()}

    def search(
        self,
        query: Any = "",
        *,
        limit: int = 50,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = True,
    ) -> SearchResult:
        """Search with Dateline's query language (see README); `query` may be a `Query` value.

        An empty query lists everything newest first. A malformed query returns a result whose
        `error` says what is wrong."""
        from .query import QueryError

        text = str(query)
        try:
            res = self._search.search(
                query,
                limit=limit,
                offset=offset,
                sort=sort,
                facets=facets,
                flags=self._flag_ids,
                entities=self._registry,
                texts=self._bodies,
            )
        except QueryError as exc:
            return SearchResult(text, 0, (), error=str(exc))
        summaries = {a.id: a for a in self.articles([h.id for h in res.hits])}
        hits = tuple(
            Hit(summaries[h.id], h.score, h.highlight) for h in res.hits if h.id in summaries
        )
        entities = {
            t: tuple(EntityCount(name, t, n) for name, n in res.facets.get(t, ()))
            for t in ENTITY_TYPES
        }
        return SearchResult(text, res.total, hits, entities, res.suggestion)

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            f"SELECT {SUMMARY_COLUMNS}, body FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        summary = self._summaries([row])[0]
        return Article(
            **{f.name: getattr(summary, f.name) for f in dataclasses.fields(ArticleSummary)},
            body=row[-1],
            mentions=tuple(self._registry.mentions(article_id)),
        )

    def _summaries(self, rows: Sequence[Sequence[Any]]) -> list[ArticleSummary]:
        names = self._registry.names([r[0] for r in rows])
        sizes = story_sizes(self._conn, (r[5] for r in rows))
        return [summary_from_row(r, names.get(r[0]), sizes.get(r[5], 1)) for r in rows]

    def articles(self, ids: Sequence[str] | None = None) -> list[ArticleSummary]:
        """Summaries of the given ids (in that order), or of every article, newest first."""
        if ids is None:
            rows = self._conn.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM articles"
                " ORDER BY COALESCE(published, added) DESC, id"
            ).fetchall()
            return self._summaries(rows)
        found = rows_by_id(self._conn, ids, SUMMARY_COLUMNS)
        return self._summaries([found[i] for i in ids if i in found])

    def story(self, story_id: str) -> list[ArticleSummary]:
        """Every article of a story, oldest first."""
        rows = self._conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE story = ?"
            " ORDER BY COALESCE(published, added), id",
            (story_id,),
        ).fetchall()
        return self._summaries(rows)

    def more_like_this(self, article_id: str, *, limit: int = 10) -> list[Hit]:
        row = self._conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        pairs = self._search.more_like_this(article_id, text=row[0], limit=limit)
        summaries = {a.id: a for a in self.articles([i for i, _ in pairs])}
        return [Hit(summaries[i], score) for i, score in pairs if i in summaries]

    def highlight_spans(self, article_id: str, query: Any) -> list[tuple[int, int]]:
        """Character spans in the article's body that the query's words match (stemmed)."""
        row = self._conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None or not str(query).strip():
            return []
        from .query import QueryError

        try:
            return self._search.highlight_spans(row[0], query)
        except QueryError:
            return []

    def entities(
        self,
        type_: EntityType | None = None,
        *,
        query: str | None = None,
        limit: int | None = None,
    ) -> list[EntityCount]:
        """Entities with article counts over the library, or over the results of `query`."""
        if not query:
            return self._registry.counts(type_, limit=limit)
        res = self.search(query, limit=1)
        if res.error:
            from .query import QueryError

            raise QueryError(res.error)
        types = [type_] if type_ else list(ENTITY_TYPES)
        counts = [e for t in types for e in res.entities.get(t, ())]
        counts.sort(key=lambda e: (-e.count, e.name))
        return counts[:limit] if limit else counts

    def entity_timeline(self, name: str, type_: EntityType) -> list[tuple[str, int]]:
        """(YYYY-MM-DD, article count) for an entity, oldest first: the sidebar's sparkline."""
        try:
            ids = sorted(self._registry.articles_of(name, type_))
        except EntityError:
            return []
        days: dict[str, int] = {}
        for row in rows_by_id(self._conn, ids, "id, COALESCE(published, added)").values():
            day = str(row[1])[:10]
            days[day] = days.get(day, 0) + 1
        return sorted(days.items())

    # -- user state -------------------------------------------------------------------------
    def set_read(self, article_id: str, read: bool = True) -> None:
        with transaction(self._conn):
            self._conn.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id)
            )

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """Small persistent UI state (last query, saved searches as JSON)."""
        row = self._conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else str(row[0])

    def set_state(self, key: str, value: str | None) -> None:
        with transaction(self._conn):
            if value is None:
                self._conn.execute("DELETE FROM state WHERE key = ?", (key,))
            else:
                self._conn.execute(
                    "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value)
                )

    def stats(self) -> dict[str, int]:
        conn = self._conn
        return {
            "articles": conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "stories": conn.execute("SELECT COUNT(DISTINCT story) FROM articles").fetchone()[0],
            "unread": conn.execute("SELECT COUNT(*) FROM articles WHERE read = 0").fetchone()[0],
            "feeds": conn.execute("SELECT COUNT(*) FROM feeds").fetchone()[0],
        }

    # -- feeds ------------------------------------------------------------------------------
    def feeds(self) -> list[FeedInfo]:
        rows = self._conn.execute(f"SELECT {FEED_COLUMNS} FROM feeds ORDER BY url").fetchall()
        return [feed_from_row(r) for r in rows]

    def add_feed(self, url: str, *, title: str | None = None, tags: Sequence[str] = ()) -> FeedInfo:
        import json

        url = feed_url(url)
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO feeds (url, title, tags, added) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title),"
                " tags = excluded.tags",
                (url, title, json.dumps(sorted(set(tags))), now()),
            )
        row = self._conn.execute(
            f"SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return feed_from_row(row)

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

    def remove_feed(self, url: str) -> bool:
        with contextlib.suppress(InputError):
            url = feed_url(url)
        with transaction(self._conn):
            cur = self._conn.execute("DELETE FROM feeds WHERE url = ?", (url,))
        return cur.rowcount > 0

    def export_opml(self) -> str:
        from .sources.opml import write_opml

        return write_opml(self.feeds())

    # -- entity corrections (undoable) --------------------------------------------------------
    def _correct(self, change: Callable[[Registry], tuple[str, set[str]] | None]) -> str | None:
        """Apply a registry correction. The search index needs nothing: it holds entity form
        ids, and names, aliases and types are resolved through the registry at query time."""
        with transaction(self._conn):
            outcome = change(self._registry)
        if outcome is None:
            return None
        return outcome[0]

    def merge_entities(self, keep: str, other: str, *, type_: EntityType | None = None) -> str:
        keep, other = _clean(keep), _clean(other)
        return self._correct(lambda r: r.merge(keep, other, type_)) or ""

    def split_entity(self, name: str, alias: str, *, type_: EntityType | None = None) -> str:
        name, alias = _clean(name), _clean(alias)
        return self._correct(lambda r: r.split(name, alias, type_)) or ""

    def rename_entity(self, name: str, new_name: str, *, type_: EntityType | None = None) -> str:
        name, new_name = _clean(name), _clean(new_name)
        return self._correct(lambda r: r.rename(name, new_name, type_)) or ""

    def alias_entity(self, name: str, alias: str, *, type_: EntityType | None = None) -> str:
        name, alias = _clean(name), _clean(alias)
        return self._correct(lambda r: r.alias(name, alias, type_)) or ""

    def undo_entity_change(self) -> str | None:
        return self._correct(lambda r: r.undo())


class _Session:
    """A thread's connection, and the registry and story index bound to it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.registry = Registry(conn)
        self.stories = StoryIndex(conn)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()


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


def _clean(name: str) -> str:
    """Names typed by a user are outside text too: no control or escape sequences."""
    from .textclean import sanitize

    return " ".join(sanitize(name).split())


def _remove(path: Path) -> None:
    """Remove a derived index, whether a folder or (damaged) a plain file."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _parts(entry: tuple[int, _Parsed]) -> list[tuple[int, _Parsed]]:
    """An input with more than GROUP_ARTICLES articles, cut into parts of that size (so a single
    big file also gets the second process); parts carry no fingerprint: the whole is logged."""
    i, p = entry
    arts = p.parsed.articles
    if len(arts) <= GROUP_ARTICLES:
        return [entry]
    return [
        (
            i,
            dataclasses.replace(
                p,
                parsed=dataclasses.replace(
                    p.parsed,
                    articles=arts[k : k + GROUP_ARTICLES],
                    warnings=p.parsed.warnings if k == 0 else (),
                ),
                fingerprint=None,
                feeds_added=p.feeds_added if k == 0 else 0,
            ),
        )
        for k in range(0, len(arts), GROUP_ARTICLES)
    ]


def _sum_results(a: InputResult, b: InputResult) -> InputResult:
    return dataclasses.replace(
        a,
        added=a.added + b.added,
        updated=a.updated + b.updated,
        unchanged=a.unchanged + b.unchanged,
        duplicates=a.duplicates + b.duplicates,
        failed=a.failed or b.failed,
        reason=a.reason or b.reason,
        warnings=(*a.warnings, *b.warnings),
        feeds=a.feeds + b.feeds,
    )


def _articles_of(group: list[tuple[int, _Parsed]]) -> list[RawArticle]:
    return [a for _, p in group for a in p.parsed.articles]


def _with_tags(got: ParsedInput, tags: Sequence[str]) -> ParsedInput:
    if not tags:
        return got
    articles = tuple(
        dataclasses.replace(a, tags=tuple(dict.fromkeys((*a.tags, *tags)))) for a in got.articles
    )
    return dataclasses.replace(got, articles=articles)


__all__ = ["Library", "LibraryError", "RawArticle", "default_path"]
