"""Getting news in: reading inputs, ingesting them in groups (with a NER prefetch process for
big batches), and reindexing — the `add` half of `Library`."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .library_base import ProgressCallback
from .library_feeds import Subscriptions
from .lock import writes
from .model import (
    AddReport,
    InputError,
    InputResult,
    ParsedInput,
    Progress,
    RawArticle,
)
from .store import (
    now,
    transaction,
)

if TYPE_CHECKING:
    from .nerpool import Share

#: Inputs are parsed, then ingested in groups of about this many articles; a group that fails is
#: retried input by input so one bad input is isolated and the rest still land.
GROUP_ARTICLES = 256


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
    #: a feed URL that was subscribed already (see InputResult.known_feeds)
    known_feeds: int = 0


class Adding(Subscriptions):
    """`add` and `reindex`: inputs parsed, then stored, grouped into stories and indexed."""

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
                results[i] = InputResult(
                    item.origin, kind=item.kind or "unknown", failed=True, reason=item.reason
                )
                continue
            try:
                got = self._read(item, tags)
            except InputError as exc:
                kind = exc.kind or "unknown"
                results[i] = InputResult(item, kind=kind, failed=True, reason=exc.reason)
                continue
            except Exception as exc:  # a parser bug must not cost the rest of the batch
                results[i] = InputResult(
                    item, kind="unknown", failed=True, reason=f"unexpected error: {exc}"
                )
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
        from .sources import kind_of, parse_bytes, read_file

        if _is_url(item):
            return self._read_url(item, tags)
        data = read_file(item)
        fingerprint = hashlib.sha256(data).hexdigest()
        row = self._conn.execute(
            "SELECT articles, duplicates FROM ingest_log WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        if row is not None:
            # Not read again: its articles are all unchanged. Its kind is still what it is
            # (`add --json` documents the kinds; a sniff is cheap, a parse is not).
            kind = kind_of(data, item)
            return InputResult(item, kind=kind, unchanged=row[0], duplicates=row[1])
        got = parse_bytes(data, item)
        if got.kind == "opml":
            return self._subscribe_all(item, got, tags)
        return _Parsed(item, _with_tags(got, tags), fingerprint)

    def _read_url(self, url: str, tags: Sequence[str]) -> _Parsed | InputResult:
        from .feeds import clean_tags
        from .fetch import FetchError, fetch
        from .sources import parse_bytes

        try:
            res = fetch(url)
        except FetchError as exc:
            raise InputError(url, exc.reason) from exc
        got = parse_bytes(res.content or b"", url, content_type=res.content_type, base_url=res.url)
        if got.kind == "opml":
            return self._subscribe_all(url, got, tags)
        feeds = known = 0
        validators = None
        if got.kind == "feed":
            title = got.feeds[0].title if got.feeds else None
            done = self._subscribe_url(url, title=title, tags=tags)
            # Saved with the entries, never before them: see _ingest_group.
            validators = (done.feed.url, res.etag, res.last_modified, None)
            feeds, known = (1, 0) if done.new else (0, 1)
            tags = clean_tags(tags)  # as the feed's later entries get them at each refresh
        return _Parsed(url, _with_tags(got, tags), None, feeds, validators, known)

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
        # A big batch: a second process extracts a share of each group's entities meanwhile.
        prefetch = NerPrefetch() if total >= MIN_ARTICLES else None
        out: list[tuple[int, InputResult]] = []
        done = 0
        try:
            # The child works a group ahead (its queue never runs dry); the first group is
            # split evenly, since the parent cannot start storing before both halves are done.
            shares = [prefetch.submit(_articles_of(g), 0.5 if k == 0 else None)
                      for k, g in enumerate(groups[:2])] if prefetch else []  # fmt: skip
            for k, current in enumerate(groups):
                share = shares[k] if prefetch is not None else None
                started = time.perf_counter()
                out += self._ingest_isolated(current, progress, share)
                if prefetch is not None and share is not None:
                    size = sum(len(p.parsed.articles) for _, p in current)
                    prefetch.balance(share, time.perf_counter() - started, size)
                    if k + 2 < len(groups):
                        shares.append(prefetch.submit(_articles_of(groups[k + 2])))
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
        ready: Share | None,
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
                    p = one[1]
                    reason = f"could not be stored: {exc}"
                    out.append((one[0], InputResult(p.origin, p.parsed.kind, failed=True,
                                                    reason=reason)))  # fmt: skip
            return out

    def _ingest_group(
        self,
        group: list[tuple[int, _Parsed]],
        progress: ProgressCallback | None,
        ready: Share | None = None,
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
                        known_feeds=p.known_feeds,
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
                    # An ill-formed feed stays marked (its `problem`) until a good copy comes.
                    self._conn.execute(
                        "UPDATE feeds SET etag = ?, last_modified = ?, last_fetched = ?,"
                        " last_error = ?, problem = ?, title = COALESCE(?, title) WHERE url = ?",
                        (etag, last_modified, now(), *[p.parsed.problem] * 2, title, url),
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
                known_feeds=p.known_feeds if k == 0 else 0,
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
        known_feeds=a.known_feeds + b.known_feeds,
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
