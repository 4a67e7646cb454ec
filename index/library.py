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
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import pages
from .changes import ChangeWatch
from .entities.registry import EntityError, Registry
from .feeds import FeedCount, TagCount
from .fulltext import FullText
from .lock import ReadOnlyLibrary, WriterLock, install_fork_hook, maybe_locked, writes
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
    DamagedLibrary,
    check_header,
    connect,
    ensure_schema,
    feed_from_row,
    is_read_only,
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
    #: (feed URL, ETag, Last-Modified, title): saved only with the entries (see _ingest_group)
    validators: tuple[str, str | None, str | None, str | None] | None = None


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
        #: True when the folder cannot be written: reading works, writing raises LibraryError.
        self.read_only = False
        self._sessions: PerThread[_Session] = PerThread(
            lambda: _Session(connect(path / DB_NAME, read_only=self.read_only)), _Session.close
        )

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True) -> Library:
        """Open the library folder at `path` (default: `DATELINE_LIBRARY` or the user data dir).

        Raises `LibraryError` for a folder written by a newer Dateline, a file that is not a
        library, or a missing library when `create` is false. A Whoosh index that cannot be
        opened is rebuilt from SQLite (it is derived data).
        """
        root = Path(path).expanduser() if path else default_path()
        db = root / DB_NAME
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root} is a file, not a library folder")
        if not db.exists():
            if not create:
                raise LibraryError(f"no Dateline library at {root}")
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"cannot create a library at {root} ({exc.strerror})") from None
        read_only = is_read_only(db)
        if read_only and not db.exists():
            raise LibraryError(f"cannot create a library at {root}: the folder is read-only")
        install_fork_hook()  # Whoosh's sub-writers die with this process
        try:
            check_header(db, index_has_files=_has_files(root / INDEX_DIR))
            conn = connect(db, read_only=read_only)
            version = ensure_schema(conn, read_only=read_only)
        except DamagedLibrary as exc:
            raise LibraryError(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            from .health import describe_error

            raise LibraryError(
                f"{db} is not a Dateline library or is damaged: {describe_error(exc) or exc}"
            ) from exc
        if version > FORMAT_VERSION:
            conn.close()
            raise LibraryError(
                f"the library at {root} was written by a newer Dateline (format {version}); "
                f"this version reads format {FORMAT_VERSION}. Upgrade Dateline to open it."
            )
        session = _Session(conn)  # creates the registry's and stories' tables if needed
        pages.ensure(conn)  # the entity and story pages' tables (filled if new)
        lib = cls(root, None)
        lib.read_only = read_only
        lib._sessions.set(session)
        lib._search = lib._open_index()
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
    @writes
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
        validators = None
        if got.kind == "feed":
            title = got.feeds[0].title if got.feeds else None
            feed = self.add_feed(url, title=title, tags=tags)
            # Saved with the entries, never before them: see _ingest_group.
            validators = (feed.url, res.etag, res.last_modified, None)
            feeds = 1
        return _Parsed(url, _with_tags(got, tags), None, feeds, validators)

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
        done = 0
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
                done += sum(len(p.parsed.articles) for _, p in current)
                if progress and total > GROUP_ARTICLES:
                    progress(Progress("stored", done, total, "articles stored so far"))
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
        try:
            self._record_stored(group, counts)
        except sqlite3.Error as exc:
            # The articles are stored; only the note that the input was read is missing, so
            # the file is read again (and found unchanged) next time, the feed fetched again.
            for c in counts:
                c.warnings.append(f"stored, but not recorded as read ({exc})")
        for (i, p), c in zip(group, counts, strict=True):
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

    def _record_stored(self, group: list[tuple[int, _Parsed]], counts: Sequence[Any]) -> None:
        """After the entries are stored: the ingest log and the feeds' validators, together."""
        with transaction(self._conn):
            for (_, p), c in zip(group, counts, strict=True):
                if p.validators is not None:
                    url, etag, last_modified, title = p.validators
                    self._conn.execute(
                        "UPDATE feeds SET etag = ?, last_modified = ?, last_fetched = ?,"
                        " last_error = NULL, title = COALESCE(?, title) WHERE url = ?",
                        (etag, last_modified, now(), title, url),
                    )
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

    @writes
    def refresh(self, *, progress: ProgressCallback | None = None) -> AddReport:
        """Fetch every subscription concurrently (conditional GET) and add what is new."""
        from .feeds import fetch_feeds
        from .fetch import FetchError, FetchRequest
        from .sources import parse_bytes

        feeds = self.feeds()
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
            if got.kind != "feed":
                # A subscription that now serves a page or a list of feeds: not an article.
                reason = _NOT_A_FEED.get(got.kind, f"the URL no longer serves a feed ({got.kind})")
                self._update_feed(feed.url, error=reason)
                results[i] = InputResult(feed.url, kind="feed", failed=True, reason=reason)
                continue
            # The validators (ETag, Last-Modified) are saved in the transaction that records
            # the entries as stored (_ingest_group): a crash before it means a re-fetch, where
            # saving them first made the next refresh get 304 and lose the entries for good.
            title = feed.title or (got.feeds[0].title if got.feeds else None)
            validators = (feed.url, res.etag, res.last_modified, title)
            parsed.append((i, _Parsed(feed.url, _with_tags(got, feed.tags), None, 0, validators)))
        for i, result in self._ingest_parsed(parsed, progress):
            results[i] = result
        return AddReport(tuple(results[i] for i in sorted(results)))

    @writes
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
        cost, however many have been read. `feed:URL` / `tag:NAME` are scopes (index.feeds)."""
        if ":" in flag:
            from .feeds import scope_ids

            return scope_ids(self._conn, flag)
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
        from .dbstate import data_version
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
                version=lambda: data_version(self._conn),
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

    @property
    def index_problem(self) -> str | None:
        """Why searching is unavailable (the index can be neither read nor rebuilt), else None:
        a search's `error` is then the library's fault, not the query's."""
        from .health import UnavailableIndex

        return self._search.reason if isinstance(self._search, UnavailableIndex) else None

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
    @writes
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

    # -- pages: an entity's and a story's page (index.pages) ---------------------------------
    def entity_page(self, name: str, type_: EntityType | None = None) -> pages.EntityPage:
        """Everything about one entity; `pages.AmbiguousEntity` lists candidates."""
        from .pages.entity_page import entity_page, find_entity

        eid = find_entity(self._conn, self._registry, _clean(name), type_)
        return entity_page(self._conn, eid, self.articles)

    def story_page(self, story_id: str) -> pages.StoryPage:
        """A story's versions side by side, aligned (a story id or any of its article ids)."""
        from .pages.story_page import story_page

        return story_page(self._conn, story_id.strip(), self.articles)

    # -- reliability: the writer lock and an index that may be missing -----------------------
    @contextlib.contextmanager
    def _write_lock(self, progress: ProgressCallback | None, what: str = "open") -> Any:
        """Hold the library's writer lock (see `index.lock`); refuse at once when read-only.

        A wait is reported through `progress` as a "wait" event, else on stderr.
        """
        if self.read_only:
            raise LibraryError(
                f"the library at {self.path} is read-only: it can be read, not changed"
            )

        def notify(message: str) -> None:
            if progress is not None:
                progress(Progress("wait", 0, None, message))
            else:
                import sys

                print(message, file=sys.stderr, flush=True)

        purpose = "entity correction" if what == "correct" else f"dateline {what}"
        lock = WriterLock(self.path, notify=notify, purpose=purpose)
        try:
            lock.__enter__()
        except ReadOnlyLibrary:
            raise LibraryError(
                f"the library at {self.path} is read-only: it can be read, not changed"
            ) from None
        try:
            yield
        finally:
            lock.__exit__(None, None, None)

    def _try_index(self, count: int) -> tuple[Any, bool]:
        """Open the existing index without writing anything: (index or None, needs rebuild).

        None when there is no index or it cannot be read; `needs rebuild` also when it is
        readable but holds nothing (or more than SQLite) while SQLite holds articles.
        """
        from .searchindex import IndexUnreadable, SearchIndex

        folder = self.path / INDEX_DIR
        if not _has_files(folder):
            return None, True
        try:
            search = SearchIndex.open(folder)
        except (IndexUnreadable, OSError):
            return None, True
        self._search = search
        try:
            self._check_index()
            docs = search.doc_count()
        except Exception:  # segments that cannot be read: the index is derived, rebuild it
            with contextlib.suppress(Exception):
                search.close()
            return None, True
        return search, (bool(count) and docs == 0) or docs > count

    def _open_index(self) -> Any:
        """The search index: opened as it is, else (re)built from SQLite under the writer lock.

        Never fails the open: when the index can be neither read nor rebuilt (a read-only
        folder, a full disk) the library gets an `UnavailableIndex`, so listing and reading
        still work and a search says why it cannot run. Counts always come from SQLite.
        """
        from .health import UnavailableIndex, describe_error, free_bytes, rebuild_space_needed
        from .searchindex import SearchIndex

        count = self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        search, stale = self._try_index(count)
        if search is not None and (not stale or self.read_only):
            if not self.read_only:
                # Another process holding the writer indexes what it stored itself: don't wait.
                with maybe_locked(self.path, timeout=0.5) as locked:
                    if locked:
                        with contextlib.suppress(Exception):
                            self._catch_up(wait=0.5)
            return search
        if self.read_only:
            return UnavailableIndex(
                "the search index is missing or damaged, and the library is read-only so it "
                "cannot be rebuilt; listing and reading articles still work"
            )
        if search is not None:
            search.close()
        folder = self.path / INDEX_DIR
        try:
            with self._write_lock(None):
                # Counted again: another writer may have stored articles while this one waited.
                count = self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                search, stale = self._try_index(count)  # another writer may have rebuilt it
                if search is not None and not stale:
                    return search
                free = free_bytes(self.path)
                if count and free is not None and free < rebuild_space_needed(self.path):
                    reason = (
                        f"not enough free disk space to rebuild the search index "
                        f"({free / 2**20:.1f} MB free); free some space, then run "
                        "`dateline reindex`"
                    )
                    return search if search is not None else UnavailableIndex(reason)
                if search is not None:
                    search.close()
                _remove(folder)
                self._search = SearchIndex.open(folder)
                if count:
                    self.reindex()
                return self._search
        except LibraryError:
            raise
        except Exception as exc:
            with contextlib.suppress(Exception):
                self._search.close()
            why = describe_error(exc) or f"{type(exc).__name__}: {exc}"
            return UnavailableIndex(
                f"the search index could not be rebuilt ({why}); listing and reading articles "
                "still work. Run `dateline reindex` once that is fixed."
            )

    def retype_entity(
        self, name: str, new_type: EntityType, *, type_: EntityType | None = None
    ) -> str:
        name = _clean(name)
        return self._correct(lambda r: r.retype(name, new_type, type_)) or ""

    def block_entity(self, name: str, *, type_: EntityType | None = None) -> str:
        name = _clean(name)
        return self._correct(lambda r: r.block(name, type_)) or ""

    def entity_candidates(self, name: str, type_: EntityType | None = None) -> list[EntityCount]:
        """Entities a name may mean, for a user to pick from (exact names first)."""
        return self._registry.candidates(_clean(name), type_)

    # -- the reading loop (issue 9; back ends in readstate, changes, feeds, fulltext, watch) --
    def mark_read(self, ids: Sequence[str], read: bool = True) -> list[str]:
        """Set the read flag of many articles; the ids whose flag changed (what undo restores)."""
        from .readstate import set_read_many

        return set_read_many(self._conn, ids, read)

    def watch_changes(self) -> ChangeWatch:
        """A watch that tells cheaply what other processes changed (see index.changes)."""
        return ChangeWatch(self.path / DB_NAME)

    def watch_new(self, name: str, query: Any, *, limit: int = 1000) -> tuple[int, list[Hit]]:
        """Matches of the saved search `name` (`query`) added since it was last seen: the
        count, and the newest `limit` of them, newest first (see index.watch)."""
        from . import watch

        since = watch.mark(self._conn, name)
        result = self.search(query, limit=watch.SCAN, sort="date", facets=False)
        if result.error:
            from .query import QueryError

            raise QueryError(result.error)
        new = watch.newer_than(self._conn, [h.article.id for h in result.hits], since)
        hits = [h for h in result.hits if h.article.id in new]
        return len(hits), hits[:limit]

    def watch_seen(self, name: str) -> None:
        """Everything the saved search `name` matches now counts as seen."""
        from . import watch

        watch.mark_seen(self._conn, name)

    def feed_counts(self) -> list[FeedCount]:
        """Subscriptions with their article and unread counts (index.feeds)."""
        from .feeds import feed_counts

        return feed_counts(self._conn)

    def tag_counts(self) -> list[TagCount]:
        """Tags with their article and unread counts (index.feeds)."""
        from .feeds import tag_counts

        return tag_counts(self._conn)

    def rename_feed(self, url: str, title: str) -> bool:
        from .feeds import rename_feed

        return rename_feed(self._conn, url, _clean(title))

    def tag_feed(self, url: str, tags: Sequence[str]) -> bool:
        from .feeds import tag_feed

        return tag_feed(self._conn, url, [_clean(t) for t in tags])

    def subscribe(self, target: str, *, tags: Sequence[str] = ()) -> FeedInfo:
        """Subscribe to an http(s) feed URL, or to a local feed file (a path or `file://`
        URL, read from disk at each refresh). Raises InputError for anything else."""
        from .feeds import local_feed_url, subscribe_local

        local = local_feed_url(target)
        if local is None:
            return self.add_feed(target, tags=tags)
        return subscribe_local(self._conn, local, [_clean(t) for t in tags])

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

    def set_feed_full_text(self, url: str, on: bool) -> None:
        """Fetch the full text of every new entry of this subscription (index.fulltext)."""
        from .fulltext import set_feed_full_text

        set_feed_full_text(self._conn, url, on)

    def full_text_feeds(self) -> set[str]:
        from .fulltext import full_text_feeds

        return full_text_feeds(self._conn)

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
        for article_id, body in fulltext.reverted(self._conn):
            self._replace_body(article_id, body)
        for article_id in fulltext.wanted(self._conn, since):
            try:
                self.fetch_full_text(article_id)
            except fulltext.FullTextError as error:
                warnings.append(f"full text of {article_id}: {error.reason}")
        if not warnings:
            return report
        extra = InputResult("full text", kind="fulltext", warnings=tuple(warnings))
        return AddReport((*report.results, extra))

    def newest(self, limit: int | None = None, *, batch: int = 500) -> Iterator[ArticleSummary]:
        """Summaries newest first (the list's order), at most `limit`, streamed from SQLite.

        Unlike `articles()`, nothing is read up front: rows come off one cursor over the index
        on the sort key, `batch` at a time (entity names and story sizes per batch), so the
        first 2,000 of 100,000 articles cost what 2,000 cost, and listing them all holds one
        batch in memory, not the library. Consume it in the thread that called it.
        """
        if limit is not None and limit <= 0:
            return
        sql = f"SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY COALESCE(published, added) DESC, id"
        cursor = self._conn.execute(
            sql + (" LIMIT ?" if limit is not None else ""), (limit,) if limit is not None else ()
        )
        try:
            while rows := cursor.fetchmany(batch):
                yield from self._summaries(rows)
        finally:
            cursor.close()


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


def _has_files(folder: Path) -> bool:
    try:
        return folder.is_dir() and any(folder.iterdir())
    except OSError:
        return False


def _remove(path: Path) -> None:
    """Remove a derived index, whether a folder or (damaged) a plain file."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


_NOT_A_FEED = {
    "html": "the feed URL now serves a web page, not a feed",
    "opml": "the feed URL now serves a list of feeds (OPML), not a feed",
    "text": "the feed URL now serves plain text, not a feed",
    "jsonl": "the feed URL now serves JSON, not a feed",
}


def _parts(entry: tuple[int, _Parsed]) -> list[tuple[int, _Parsed]]:
    """An input with more than GROUP_ARTICLES articles, cut into parts of that size (so a single
    big file also gets the second process); parts carry no fingerprint: the whole is logged.
    Only the last part carries a feed's validators, so they are saved with its last entries:
    a crash part-way means a re-fetch, never a gap."""
    i, p = entry
    arts = p.parsed.articles
    if len(arts) <= GROUP_ARTICLES:
        return [entry]
    last = range(0, len(arts), GROUP_ARTICLES)[-1]
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
                validators=p.validators if k == last else None,
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
