"""Finding and reading articles, flags and small state: the reading half of `Library`."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from .changes import ChangeWatch
from .entities.registry import EntityError
from .library_base import DB_NAME, LibraryBase, LibraryError
from .model import (
    ENTITY_TYPES,
    Article,
    ArticleSummary,
    EntityCount,
    EntityType,
    Hit,
    SearchResult,
)
from .store import (
    SUMMARY_COLUMNS,
    body_text,
    rows_by_id,
    story_sizes,
    summary_from_row,
    transaction,
)


class Reading(LibraryBase):
    """Search, articles, stories, entity counts, flags and UI state."""

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
        return {r[0]: body_text(r[1]) for r in rows_by_id(self._conn, ids, "id, body").values()}

    def search(
        self,
        query: Any = "",
        *,
        limit: int = 50,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = True,
        all_facets: bool = False,
    ) -> SearchResult:
        """Search with Dateline's query language (see README); `query` may be a `Query` value.

        An empty query lists everything newest first. A malformed query returns a result whose
        `error` says what is wrong; one that matches nothing for a reason the user can fix, a
        `hint` saying what to change (`index.queryhints`)."""
        from .query import QueryError
        from .queryhints import no_match_hint

        text = str(query)
        try:
            res = self._search.search(
                query,
                limit=limit,
                offset=offset,
                sort=sort,
                facets=facets,
                all_facets=all_facets,
                flags=self._flag_ids,
                entities=self._registry,
                texts=self._bodies,
                version=self._flags_version,
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
        hint = None if res.total else no_match_hint(query, self._registry)
        return SearchResult(
            text,
            res.total,
            hits,
            entities,
            res.suggestion,
            entities_over=res.facets_over,
            hint=hint,
        )

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            f"SELECT {SUMMARY_COLUMNS}, body FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        summary = self._summaries([row])[0]
        body = body_text(row[-1])
        return Article(
            **{f.name: getattr(summary, f.name) for f in dataclasses.fields(ArticleSummary)},
            body=body,
            mentions=tuple(self._registry.mentions(article_id, body)),
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
        """Articles like this one, best first, one per story: a hit's `story_size` says how
        many versions it stands for (the article's own story is one item too: the reader
        lists its sources apart)."""
        from .morelike import MLT_POOL, one_per_story

        row = self._conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        pool = self._search.more_like_this(
            article_id, text=body_text(row[0]), limit=limit * MLT_POOL + 10
        )
        stories = dict(
            self._conn.execute(
                "SELECT id, story FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([i for i, _ in pool]),),
            ).fetchall()
        )
        pairs = one_per_story(pool, stories)[:limit]
        summaries = {a.id: a for a in self.articles([i for i, _ in pairs])}
        return [Hit(summaries[i], score) for i, score in pairs if i in summaries]

    def highlight_spans(self, article_id: str, query: Any) -> list[tuple[int, int]]:
        """Character spans in the article's body that the query's words match (stemmed)."""
        row = self._conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None or not str(query).strip():
            return []
        from .query import QueryError

        try:
            return self._search.highlight_spans(body_text(row[0]), query)
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
        res = self.search(query, limit=1, all_facets=True)  # counts over every match
        if res.error:
            from .query import QueryError

            raise QueryError(res.error)
        types = [type_] if type_ else list(ENTITY_TYPES)
        counts = [e for t in types for e in res.entities.get(t, ())]
        counts.sort(key=lambda e: (-e.count, e.name))
        return counts[:limit] if limit else counts

    def entity_timeline(self, name: str, type_: EntityType) -> list[tuple[str, int]]:
        """(YYYY-MM-DD, article count) for an entity, oldest first: the sidebar's sparkline."""
        from .pages import PageError
        from .pages.entity_page import entity_days, find_entity

        try:
            return entity_days(self._conn, find_entity(self._conn, self._registry, name, type_))
        except PageError:
            pass  # not one entity by that exact name: count what the registry links to it
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
    def _writable(self) -> None:
        """Refuse a flag or state write to a read-only library with the message the CLI gives
        for every other write, not SQLite's "attempt to write a readonly database"."""
        if self.read_only:
            raise LibraryError(
                f"the library at {self.path} is read-only: it can be read, not changed"
            )

    def set_read(self, article_id: str, read: bool = True) -> None:
        from .readstate import set_flag

        self._writable()
        set_flag(self._conn, article_id, "read", read)

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        from .readstate import set_flag

        self._writable()
        set_flag(self._conn, article_id, "starred", starred)

    def flags(self, ids: Sequence[str]) -> dict[str, tuple[bool, bool]]:
        """(read, starred) of each of `ids` still in the library, by primary key: what an open
        reader reads again for the rows it shows when another process changed flags."""
        rows = rows_by_id(self._conn, ids, "id, read, starred")
        return {i: (bool(row[1]), bool(row[2])) for i, row in rows.items()}

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """Small persistent UI state (last query, saved searches as JSON)."""
        row = self._conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else str(row[0])

    def set_state(self, key: str, value: str | None) -> None:
        self._writable()
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
        from .unavailable import UnavailableIndex

        return self._search.reason if isinstance(self._search, UnavailableIndex) else None

    def stats(self) -> dict[str, int]:
        conn = self._conn
        return {
            "articles": conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "stories": conn.execute("SELECT COUNT(DISTINCT story) FROM articles").fetchone()[0],
            "unread": conn.execute("SELECT COUNT(*) FROM articles WHERE read = 0").fetchone()[0],
            "feeds": conn.execute("SELECT COUNT(*) FROM feeds").fetchone()[0],
        }

    # -- the reading loop (issue 9; back ends in readstate, changes, feeds, fulltext, watch) --
    def mark_read(self, ids: Sequence[str], read: bool = True) -> list[str]:
        """Set the read flag of many articles; the ids whose flag changed (what undo restores)."""
        from .readstate import set_read_many

        self._writable()
        return set_read_many(self._conn, ids, read)

    def watch_changes(self, *, state_keys: Sequence[str] = ()) -> ChangeWatch:
        """A watch that tells cheaply what other processes changed (see index.changes);
        a change to the `state_keys` rows of the state table counts as a feeds change."""
        return ChangeWatch(self.path / DB_NAME, state_keys=state_keys, read_only=self.read_only)

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

    def watch_rename(self, old: str, new: str) -> None:
        """The saved search `old` is now called `new`: its "new since" mark goes with it."""
        from . import watch

        self._writable()
        watch.move_mark(self._conn, old, new)

    def watch_forget(self, name: str) -> int | None:
        """The saved search `name` is deleted: its mark goes; returned for an undo."""
        from . import watch

        self._writable()
        return watch.drop_mark(self._conn, name)

    def watch_restore(self, name: str, mark: int | None) -> None:
        """An undone delete: `name` counts from the mark `watch_forget` returned (from now
        when it had none)."""
        from . import watch

        self._writable()
        if mark is None:
            watch.mark_seen(self._conn, name)
        else:
            watch.put_mark(self._conn, name, mark)

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
            # A generator left half-read is closed when it is collected, which may be after
            # the library (and the cursor's connection) closed: closing it then has nothing
            # left to free, and must not print "Exception ignored ... closed database".
            with contextlib.suppress(sqlite3.ProgrammingError):
                cursor.close()
