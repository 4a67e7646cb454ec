"""The Whoosh full-text index: a derived, rebuildable view of the articles in SQLite.

`SearchIndex` owns one Whoosh index folder. It never holds the truth (SQLite does), so anything
odd about the folder — garbage, a foreign index, an old schema — is reported as
`IndexUnreadable` and the library rebuilds it. Whoosh unpickles the schema stored in an index,
so we only ever open a folder carrying our own marker file (`dateline-index.json`).

What is indexed and why: `index.searchschema`; how queries compile (entities resolved to form
ids by the registry, flags kept apart): `index.compile`; how it is written:
`index.indexwriter`. How it holds at 100,000 articles (issue 7):

* One searcher per process, reused by every search and guarded by a lock (a Whoosh searcher is
  not thread-safe, and the TUI runs one search at a time anyway). It is replaced only when the
  index generation on disk changed, by a new searcher — whoosh3 3.54's `Searcher.refresh` keeps
  the old segment readers and so misses deletions. Per-segment arrays (`index.segments`) and
  recently read postings and positions outlive it.
* Every search first computes the exact set of matching docnums as a numpy array
  (`index.evaluate`; phrases on positions, `index.phrases`); flags are applied to that array,
  so `total` is always exact. Without words the page is the newest `limit` of that array (an
  `argpartition`, no scoring); with words every match is ranked by BM25F computed with numpy,
  Whoosh's own scores (`index.ranking`).
* Facets: `index.facets`; "did you mean": `index.suggest`; more like this: `index.morelike`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index, scoring

from . import consolidate, docsets, ranking
from .compile import Compiler, EntityLookup
from .facets import facets as count_facets
from .fragments import FRAGMENT_CHARS, fragment, screen_safe
from .indexwriter import (
    WRITER_TIMEOUT,
    IndexBusy,
    ProgressCallback,
    write,
    writer,
)
from .morelike import similar
from .query import Query, parse_query
from .ranking import RELEVANCE_POOL
from .searchresults import IndexHit, IndexOtherVersion, IndexResult, IndexUnreadable
from .searchschema import SCHEMA_VERSION, IndexDoc, schema
from .segments import FACET_SAMPLE, SegmentCache, View
from .suggest import suggestion as suggest

__all__ = [
    "FRAGMENT_CHARS",
    "RELEVANCE_POOL",
    "IndexBusy",
    "IndexDoc",
    "IndexHit",
    "IndexOtherVersion",
    "IndexResult",
    "IndexUnreadable",
    "SearchIndex",
]

MARKER = "dateline-index.json"
_MARKER_KIND = "dateline-search-index"
#: `flags("unread")` / `flags("starred")`: the ids carrying the flag.
FlagsCallback = Callable[[str], set[str]]
#: `version()`: changes whenever the flags may have (see `SearchIndex.search`).
VersionCallback = Callable[[], object]
#: `texts(ids)`: the bodies of these articles (the index does not store them).
TextsCallback = Callable[[Sequence[str]], dict[str, str]]


class SearchIndex:
    """One Whoosh index folder. Open with `SearchIndex.open(path)`; close with `close()`."""

    def __init__(self, ix: index.Index, dirpath: Path) -> None:
        self._ix = ix
        # `ix.schema` unpickles the schema anew on every call: read it once
        self._schema = ix.schema
        self.path = dirpath
        self._lock = threading.RLock()
        self._current: Any = None
        self._view: View | None = None
        self._segments = SegmentCache()
        self._closed = False

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, dirpath: Path, *, any_version: bool = False) -> SearchIndex:
        """Open the index in `dirpath`, creating it if the folder is missing or empty.

        Raises `IndexUnreadable` for a folder that holds anything else: garbage, an index of
        another program or of another schema version (`IndexOtherVersion`), or a damaged
        index. With `any_version`, a Dateline index of another version with the same fields
        is opened as it is, read with the analyzers it was written with (Whoosh keeps them
        in the index): for a library that cannot rebuild it (read-only).
        """
        dirpath = Path(dirpath)
        marker = dirpath / MARKER
        if not dirpath.exists() or (dirpath.is_dir() and not any(dirpath.iterdir())):
            return cls.create(dirpath)
        if not dirpath.is_dir():
            raise IndexUnreadable(f"{dirpath} is not a folder")
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexUnreadable(f"{dirpath} is not a Dateline search index") from None
        except (OSError, ValueError) as e:
            raise IndexUnreadable(f"{marker} cannot be read: {e}") from None
        if not isinstance(info, dict) or info.get("kind") != _MARKER_KIND:
            raise IndexUnreadable(f"{dirpath} is not a Dateline search index")
        if info.get("version") != SCHEMA_VERSION and not any_version:
            raise IndexOtherVersion(
                f"the search index has version {info.get('version')!r}, "
                f"this Dateline writes {SCHEMA_VERSION}"
            )
        try:
            ix = index.open_dir(str(dirpath))
            names = set(ix.schema.names())
        except Exception as e:  # Whoosh raises many kinds on damaged files; all mean rebuild
            raise IndexUnreadable(f"the search index cannot be opened: {e}") from e
        if names != set(schema().names()):
            ix.close()
            raise IndexUnreadable("the search index has another schema")
        return cls(ix, dirpath)

    @classmethod
    def create(cls, dirpath: Path) -> SearchIndex:
        """Make an empty index in `dirpath`, removing the files of whatever was there.

        Only files directly in the folder are removed (Whoosh writes no subfolders), so a
        mistaken path cannot take a tree with it.
        """
        dirpath = Path(dirpath)
        dirpath.mkdir(parents=True, exist_ok=True)
        for p in dirpath.iterdir():
            if p.is_file() or p.is_symlink():
                p.unlink()
        ix = index.create_in(str(dirpath), schema())
        tmp = dirpath / (MARKER + ".tmp")
        tmp.write_text(json.dumps({"kind": _MARKER_KIND, "version": SCHEMA_VERSION}), "utf-8")
        tmp.replace(dirpath / MARKER)
        return cls(ix, dirpath)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._current is not None:
                self._current.close()
                self._current = None
            self._ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    def add(
        self,
        docs: Iterable[IndexDoc],
        *,
        delete: Iterable[str] = (),
        progress: ProgressCallback | None = None,
        wait: float = WRITER_TIMEOUT,
        new: Collection[str] = frozenset(),
    ) -> int:
        """Add or replace `docs` (by id) and remove the `delete` ids, in one commit.

        `new`: ids the index has never held (known from SQLite), added without looking for an
        old version. Returns the number of documents written. When an id repeats within one
        call, the first document wins. Raises `IndexBusy` when another writer holds the lock
        over `wait` s.
        """
        return write(
            self._ix, docs, delete=delete, progress=progress, clear=False, wait=wait, new=new
        )

    def consolidate(self, *, background: bool = True) -> bool:
        """Merge crowded segment tiers (`index.consolidate`): in a detached low-priority
        process when `background` (True if one was started), else here and now."""
        if background:
            return consolidate.start(self.path)
        return consolidate.run(self.path) > 0

    def delete(self, ids: Iterable[str]) -> None:
        write(self._ix, (), delete=ids, progress=None, clear=False)

    def rebuild(self, docs: Iterable[IndexDoc], *, progress: ProgressCallback | None = None) -> int:
        """Replace the whole index with `docs`; searches see the old index until the commit."""
        return write(self._ix, docs, delete=(), progress=progress, clear=True)

    def optimize(self, wait: float = WRITER_TIMEOUT) -> None:
        """Merge every segment into one (slow on a big index: never done inside an add)."""
        w = writer(self._ix, wait, {})
        try:
            w.commit(optimize=True)
        except BaseException:
            w.cancel()
            raise

    def segment_count(self) -> int:
        with self._lock:
            return len(list(self._open()[0].reader().leaf_readers()))

    # -- reading ------------------------------------------------------------------------------
    def _open(self) -> tuple[Any, View]:
        """The process's searcher and its view, replaced when the index changed on disk.

        Callers hold `self._lock` for as long as they use them.
        """
        if self._closed:
            raise ValueError("the search index is closed")
        s = self._current
        if s is None or not s.up_to_date():
            # A new searcher, not `s.refresh()`: whoosh3 3.54's refresh reuses the old segment
            # readers and so misses deletions made since (an updated article shows twice).
            if s is not None:
                s.close()
            s = self._current = self._ix.searcher(weighting=scoring.BM25F())
            self._view = None
        if self._view is None:
            self._view = View(s, self._segments)
        return s, self._view

    def doc_count(self) -> int:
        with self._lock:
            return int(self._open()[0].doc_count())

    def search(
        self,
        query: str | Query,
        *,
        limit: int = 50,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = True,
        all_facets: bool = False,
        flags: FlagsCallback | None = None,
        entities: EntityLookup | None = None,
        texts: TextsCallback | None = None,
        version: VersionCallback | None = None,
    ) -> IndexResult:
        """Search with the query language. An empty query matches everything, newest first.

        `sort` is "relevance" (BM25F; falls back to newest first when the query has no words)
        or "date" (newest first: published, else when first seen). `flags(name)` gives the ids
        that are "unread" or "starred" (without it every article is unread, none starred);
        `entities` resolves `person:`/`place:`/`org:` (without it they match nothing);
        `texts(ids)` gives bodies for fragments; `version()` a value that changes whenever
        what `flags` answers may have, the same from every thread since the view is shared
        (`Library._flags_version`): with it, the docnums of a flag are kept between searches
        until it changes. Raises `QueryError` for a
        malformed query.
        """
        if sort not in ("relevance", "date"):
            raise ValueError(f"sort must be 'relevance' or 'date', not {sort!r}")
        node = parse_query(query)
        with self._lock:
            searcher, view = self._open()
            compiled = Compiler(searcher.schema, entities).compile(node)
            evaluator = view.evaluator()
            matched = evaluator.docs(compiled.query)
            docs = _apply_flags(view, matched, compiled.flags, flags, version)
            want = max(offset + limit, 0)
            if compiled.scored and sort == "relevance" and len(docs):
                ranked = ranking.ranked(searcher, view, evaluator, compiled, docs, want)
                ranked = ranked[offset : offset + limit]
            else:
                page = view.newest_first(docs, want)[offset : offset + limit]
                ranked = [(int(d), 0.0) for d in page]
            ids = [view.id_of(d) for d, _ in ranked]
            titles = [searcher.stored_fields(d).get("title", "") for d, _ in ranked]
            # Which hits have a query word in the body: the others matched in the title only,
            # and their bodies need not be searched for a fragment.
            page = np.sort(np.asarray([d for d, _ in ranked], dtype=np.int64))
            in_body = set().union(
                *(
                    docsets.intersect(page, evaluator.term("body", t)).tolist()
                    for t in compiled.terms
                )
            )
            facet_counts = count_facets(view, docs, entities, every=all_facets) if facets else {}
            suggestion = suggest(searcher, view, node, str(query), entities)
        bodies = texts(ids) if texts is not None and ids else {}
        analyzer = self._schema["body"].analyzer
        hits = tuple(
            IndexHit(
                aid,
                score,
                fragment(
                    title,
                    bodies.get(aid, ""),
                    compiled.terms if d in in_body else set(),
                    analyzer,
                    compiled.phrases,
                    title_terms=compiled.terms,
                ),
            )
            for (d, score), aid, title in zip(ranked, ids, titles, strict=True)
        )
        if suggestion is not None:
            suggestion = screen_safe(suggestion).strip()
        over = len(docs) if all_facets else min(len(docs), FACET_SAMPLE)
        return IndexResult(len(docs), hits, facet_counts, suggestion, over if facets else 0)

    def more_like_this(
        self, article_id: str, *, text: str | None = None, limit: int = 10
    ) -> list[tuple[str, float]]:
        """Articles sharing the most telling words of this one's body (`text`), best first."""
        with self._lock:
            searcher, view = self._open()
            return similar(searcher, view, article_id, text, limit)

    def forms_beside(self, forms: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(form ids, which article) for every article linking any of `forms`: what the
        entity page counts its "seen with" over (`index.pages.cooccur`), from the postings
        and the `entity_forms` column a search reads, so its counts are search's."""
        with self._lock:
            _searcher, view = self._open()
            return view.forms(view.matches(_any_form(forms)))

    def articles_linking(self, entities: Sequence[Sequence[int]]) -> list[int]:
        """For each entity's forms, how many articles link any of them: what a search for
        that entity counts."""
        with self._lock:
            _searcher, view = self._open()
            return [len(view.matches(_any_form(forms))) for forms in entities]

    def highlight_spans(self, text: str, query: str | Query) -> list[tuple[int, int]]:
        """(start, end) offsets in `text` of the words the query's title/body terms match.

        Words are compared after the index's analysis, so "elections" lights up for
        `election`. Raises `QueryError` for a malformed query.
        """
        compiled = Compiler(self._schema, None).compile(parse_query(query))
        if not compiled.terms:
            return []
        analyzer = self._schema["body"].analyzer
        return [
            (t.startchar, t.endchar)
            for t in analyzer(text, chars=True, mode="index")
            if t.text in compiled.terms
        ]


def _any_form(forms: Sequence[int]) -> Any:
    from whoosh import query as wq

    return wq.Or([wq.Term("entities", str(f)) for f in forms])


def _apply_flags(
    view: View,
    docs: np.ndarray,
    wanted: list[tuple[str, bool]],
    flags: FlagsCallback | None,
    version: VersionCallback | None,
) -> np.ndarray:
    """Narrow the match array by flags held in SQLite (never by Whoosh's own filter count).

    A flag's ids become docnums one dictionary lookup each (~12 ms for the 30,000 unread of
    100,000 articles), and SQLite hands them over one row each: with `version`, the docnums
    are kept on the view until the version changes (a flag set, an article added)."""
    state = version() if version is not None and wanted else None
    for name, present in dict.fromkeys(wanted):
        if flags is None:  # no flag state: every article is unread, none is starred
            carriers = view.live if name == "unread" else view.live[:0]
        else:
            carriers = view.flag_docnums(name, state, flags)
        narrow = docsets.intersect if present else docsets.difference
        docs = narrow(docs, carriers)
    return docs
