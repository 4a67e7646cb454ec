"""The Whoosh full-text index: a derived, rebuildable view of the articles in SQLite.

`SearchIndex` owns one Whoosh index folder. It never holds the truth (SQLite does), so anything
odd about the folder — garbage, a foreign index, an old schema — is reported as
`IndexUnreadable` and the library rebuilds it. Whoosh unpickles the schema stored in an index,
so we only ever open a folder carrying our own marker file (`dateline-index.json`).

Design choices, measured on 2 cores (see issue 2):

* Title and body are stemmed and accent-folded ("Turkiye" finds "Türkiye"); apostrophes inside
  words are dropped ("Hay’at" is "hayat"). BM25F with the title's field boost at 2.0.
* Entities are indexed twice. `people`/`places`/`orgs` hold canonical names, one token per
  name (exact filters and facet counts). `*_terms` hold every name and alias folded to words
  (partial and alias matching: `person:assad`, `org:hts`). Names are separated by U+001F and
  the terms fields put a wide position gap between names, so a phrase never spans two names.
  (Not `KEYWORD(commas=True)`: a canonical name may itself contain a comma.)
* A Whoosh searcher is not thread-safe: one per thread, refreshed when the index changed
  (possibly written by another process).
* Facets: `FieldFacet(..., allow_overlap=True)` counted over *all* matches, not one page.
* "Did you mean": a `MultiCorrector` over per-segment correctors; the plain multi-segment
  corrector is ~17x slower. Only offered when a word is absent from the index.
* `is:read`/`is:unread`/`is:starred` are docnum-set filters and masks built from the ids the
  caller's `flags` callback returns, so toggling a flag never touches the index.
"""

from __future__ import annotations

import bisect
import json
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

from whoosh import highlight, index, scoring, sorting
from whoosh import query as wq
from whoosh.analysis import (
    STOP_WORDS,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.index import LockError
from whoosh.spelling import MultiCorrector
from whoosh.support.charset import accent_map
from whoosh.writing import CLEAR

from .entities.keys import fold
from .model import ENTITY_TYPES, PLURAL, EntityType, Progress
from .perthread import PerThread
from .query import And, DateSpan, Exact, Flag, Node, Not, Or, Query, QueryError, Text, parse_query

__all__ = [
    "IndexBusy",
    "IndexDoc",
    "IndexHit",
    "IndexResult",
    "IndexUnreadable",
    "SearchIndex",
]

#: Bump when the schema or analyzers change: an index with another version is rebuilt.
SCHEMA_VERSION = 2
MARKER = "dateline-index.json"
_MARKER_KIND = "dateline-search-index"
#: Batches this large are indexed by two processes (about twice as fast on 2 cores).
MULTIPROC_THRESHOLD = 500
WRITER_TIMEOUT = 30.0
FRAGMENT_CHARS = 200
#: Key terms a "more like this" query is made of.
MLT_TERMS = 15
_SEP = "\x1f"  # between names in the entity fields; control characters never reach an index
_NAME_GAP = 100  # positions between two names in a *_terms field

ProgressCallback = Callable[[Progress], None]
FlagsCallback = Callable[[str], set[str]]


class IndexUnreadable(Exception):
    """The folder is not a Dateline index we can read; rebuild it from SQLite."""


class IndexBusy(Exception):
    """Another writer holds the index lock for longer than the timeout."""


@dataclass(frozen=True)
class IndexDoc:
    """What the index needs of one article; the `*_terms` carry canonical names and aliases."""

    id: str
    title: str
    body: str
    published: datetime | None
    source: str | None
    url: str | None
    story: str
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    people_terms: tuple[str, ...] = ()
    places_terms: tuple[str, ...] = ()
    orgs_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndexHit:
    """An article id with its score and a ~200-char fragment, matches marked as `**word**`."""

    id: str
    score: float
    highlight: str


@dataclass(frozen=True)
class IndexResult:
    total: int
    hits: tuple[IndexHit, ...]
    #: Canonical names with the number of matching articles, over all matches, by type.
    facets: dict[EntityType, tuple[tuple[str, int], ...]]
    #: The whole query string with misspelled words corrected, or None.
    suggestion: str | None


# -- analysis ---------------------------------------------------------------------------------

_APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u201b"
_WORD = rf"\w+(?:[{_APOSTROPHES}.]\w+)*"
_NAME_WORD = rf"\w+(?:[{_APOSTROPHES}]\w+)*"
# "us" and "may" are news words (the US, the month of May), not noise.
_STOPWORDS = frozenset(STOP_WORDS) - {"us", "may"}


class NameFoldFilter(Filter):
    """Folds each name word with `fold()` (the entity registry's folding) and leaves a position
    gap at every name separator, so `person:"assad recep"` cannot match across two names."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        gap = 0
        for t in tokens:
            if t.text == _SEP:
                gap += _NAME_GAP
                continue
            text = fold(t.text).replace(" ", "")
            if not text:
                continue
            t.text = text
            if t.positions:
                t.pos += gap
            yield t


def text_analyzer() -> Analyzer:
    """Title and body: words, lower case, accents folded, apostrophes dropped, stemmed."""
    return (
        RegexTokenizer(_WORD)
        | SubstitutionFilter(f"[{_APOSTROPHES}]", "")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=_STOPWORDS, minsize=2)
        | StemFilter()
    )


def name_analyzer() -> Analyzer:
    """Entity names, aliases and sources: folded words, no stemming, no stop words."""
    return RegexTokenizer(f"{_NAME_WORD}|{_SEP}") | NameFoldFilter()


def exact_analyzer() -> Analyzer:
    """One token per canonical name, exactly as written."""
    return RegexTokenizer(f"[^{_SEP}]+")


def schema() -> Schema:
    kw: dict[str, Any] = {}
    for t in ENTITY_TYPES:
        kw[PLURAL[t]] = KEYWORD(analyzer=exact_analyzer(), scorable=False)
        kw[f"{PLURAL[t]}_terms"] = TEXT(analyzer=name_analyzer(), spelling=True)
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=text_analyzer(), stored=True, field_boost=2.0, spelling=True),
        # chars=True keeps each term's character offsets in the postings, so highlighting a hit
        # reads them instead of re-analysing (stemming) the whole body: ~20x cheaper per hit.
        body=TEXT(analyzer=text_analyzer(), stored=True, spelling=True, chars=True),
        published=DATETIME(sortable=True),
        # Seconds since the epoch, 0 when undated: sorting on one numeric column is what makes
        # "newest first" cheap (a facet over DATETIME's many range terms cost ~0.4 s per search).
        newest=NUMERIC(int, bits=64, signed=False, sortable=True),
        source=TEXT(analyzer=name_analyzer()),
        url=ID,
        story=ID,
        **kw,
    )


#: Newest first, undated articles last (a missing date would otherwise sort as the newest).
_NEWEST_FIRST = sorting.FieldFacet("newest", reverse=True)

_TEXT_FIELDS: dict[str | None, tuple[str, ...]] = {"title": ("title",), "source": ("source",)}
_TEXT_FIELDS |= {t: (f"{PLURAL[t]}_terms",) for t in ENTITY_TYPES}


# -- hostile text -----------------------------------------------------------------------------

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_SPACES = re.compile(r"\s+")
_STARS = re.compile(r"\*{2,}")


def _screen_safe(text: str) -> str:
    """No control or bidi characters, one space between words, no `**` but ours."""
    text = "".join(" " if unicodedata.category(c) == "Cc" or c in _BIDI else c for c in text)
    return _STARS.sub("*", _SPACES.sub(" ", text))


class _MarkFormatter(highlight.Formatter):
    between = " … "

    def _text(self, text: str) -> str:
        return _screen_safe(text)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"**{_screen_safe(highlight.get_text(text, token, replace)).strip()}**"


def _lead(text: str) -> str:
    """The start of an article, cut at a word, for hits no search word shows up in."""
    text = _screen_safe(text).strip()
    if len(text) <= FRAGMENT_CHARS:
        return text
    cut = text.rfind(" ", 0, FRAGMENT_CHARS)
    return text[: cut if cut > FRAGMENT_CHARS // 2 else FRAGMENT_CHARS].rstrip() + " …"


def _naive_utc(dt: datetime | None) -> datetime | None:
    if dt is None or dt.tzinfo is None:
        return dt
    return dt.astimezone(UTC).replace(tzinfo=None)


# -- compiling the query tree to Whoosh -------------------------------------------------------


@dataclass
class _Compiled:
    query: wq.Query
    #: (flag, wanted): is:unread is ("read", False), -is:starred is ("starred", False).
    flags: list[tuple[str, bool]]
    #: Stemmed title/body terms of the positive words: for highlighting.
    terms: set[str]
    #: Whether any words score the matches (else relevance order is meaningless).
    scored: bool


class _Compiler:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.terms: set[str] = set()
        self.scored = False

    def compile(self, node: Node | None) -> _Compiled:
        if node is None:
            return _Compiled(wq.Every(), [], set(), False)
        items = list(node.items) if isinstance(node, And) else [node]
        flags: list[tuple[str, bool]] = []
        rest: list[Node] = []
        for item in items:
            if isinstance(item, Flag):
                flags.append(_flag(item, negated=False))
            elif isinstance(item, Not) and isinstance(item.item, Flag):
                flags.append(_flag(item.item, negated=True))
            else:
                rest.append(item)
        parts = [q for q in (self.node(n, positive=True) for n in rest) if q is not None]
        if rest and not parts and not flags:
            raise QueryError(
                "Nothing to search for: the query has only very common words, symbols or "
                'punctuation. Try other words, "a phrase", or a field such as person:NAME.'
            )
        q: wq.Query = wq.And(parts) if len(parts) > 1 else (parts[0] if parts else wq.Every())
        return _Compiled(q, flags, self.terms, self.scored)

    def node(self, node: Node, *, positive: bool) -> wq.Query | None:
        if isinstance(node, Text):
            return self.text(node, positive=positive)
        if isinstance(node, Exact):
            return wq.Term(PLURAL[node.type], node.name)
        if isinstance(node, DateSpan):
            return wq.DateRange("published", node.start, node.end, endexcl=True)
        if isinstance(node, Flag):
            raise QueryError(
                f"is:{node.name} can only narrow a search: combine it with AND "
                "(e.g. `ceasefire is:unread`), not with OR or inside parentheses."
            )
        if isinstance(node, Not):
            inner = self.node(node.item, positive=not positive)
            return wq.Not(inner) if inner is not None else None
        parts = [q for q in (self.node(n, positive=positive) for n in node.items) if q]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return wq.And(parts) if isinstance(node, And) else wq.Or(parts)

    def text(self, node: Text, *, positive: bool) -> wq.Query | None:
        fields = _TEXT_FIELDS.get(node.field, ()) if node.field else ("title", "body")
        if node.field and not node.text.strip():
            raise QueryError(f'"{node.field}:" needs a value, e.g. {node.field}:aleppo.')
        words = [t.text for t in self.schema[fields[0]].analyzer(node.text, mode="query")]
        if not words:
            return None  # only stop words or punctuation: nothing to look for
        if positive and fields[0] in ("title", "body"):
            self.terms.update(words)
        self.scored = True
        if len(words) == 1:
            qs = [wq.Term(f, words[0]) for f in fields]
        else:
            qs = [wq.Phrase(f, words) for f in fields]
        return qs[0] if len(qs) == 1 else wq.Or(qs)


def _flag(node: Flag, *, negated: bool) -> tuple[str, bool]:
    name, wanted = {"read": ("read", True), "unread": ("read", False)}.get(
        node.name, (node.name, True)
    )
    return name, wanted != negated


def _words(node: Node | None) -> Iterator[Text]:
    """The positive word nodes of a tree, for spelling suggestions."""
    if isinstance(node, Text):
        yield node
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from _words(item)


# -- the index --------------------------------------------------------------------------------


class SearchIndex:
    """One Whoosh index folder. Open with `SearchIndex.open(path)`; close with `close()`."""

    def __init__(self, ix: index.Index, dirpath: Path) -> None:
        self._ix = ix
        self.path = dirpath
        self._tables: dict[Any, dict[EntityType, dict[int, list[str]]]] = {}
        self._tables_lock = threading.Lock()
        self._searchers: PerThread[Any] = PerThread(
            lambda: self._ix.searcher(weighting=scoring.BM25F()), lambda s: s.close()
        )
        self._closed = False

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, dirpath: Path) -> SearchIndex:
        """Open the index in `dirpath`, creating it if the folder is missing or empty.

        Raises `IndexUnreadable` for a folder that holds anything else: garbage, an index of
        another program or of another schema version, or a damaged index.
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
        if info.get("version") != SCHEMA_VERSION:
            raise IndexUnreadable(
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
        self._closed = True
        self._searchers.close_all()
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
    ) -> int:
        """Add or replace `docs` (by id) and remove the `delete` ids, in one commit.

        Returns the number of documents written. When an id repeats within one call, the first
        document wins. Raises `IndexBusy` when another writer holds the lock over `wait` s.
        """
        return self._write(docs, delete=delete, progress=progress, clear=False, wait=wait)

    def delete(self, ids: Iterable[str]) -> None:
        self._write((), delete=ids, progress=None, clear=False)

    def rebuild(self, docs: Iterable[IndexDoc], *, progress: ProgressCallback | None = None) -> int:
        """Replace the whole index with `docs`; searches see the old index until the commit."""
        return self._write(docs, delete=(), progress=progress, clear=True)

    def _write(
        self,
        docs: Iterable[IndexDoc],
        *,
        delete: Iterable[str],
        progress: ProgressCallback | None,
        clear: bool,
        wait: float = WRITER_TIMEOUT,
    ) -> int:
        total = len(docs) if hasattr(docs, "__len__") else None  # type: ignore[arg-type]
        it = iter(docs)
        head = list(islice(it, MULTIPROC_THRESHOLD))
        big = len(head) >= MULTIPROC_THRESHOLD
        options: dict[str, Any] = {"procs": 2, "multisegment": True} if big else {}
        try:
            writer = self._ix.writer(timeout=wait, **options)
        except LockError:
            raise IndexBusy(
                "The search index is being written by another Dateline process; "
                "try again when it has finished."
            ) from None
        done = 0
        try:
            for article_id in delete:
                writer.delete_by_term("id", article_id)
            seen: set[str] = set()
            for doc in chain(head, it):
                if doc.id in seen:
                    continue
                seen.add(doc.id)
                fields = _fields(doc)
                if clear:
                    writer.add_document(**fields)
                else:
                    writer.update_document(**fields)
                done += 1
                if progress and done % 100 == 0:
                    progress(Progress("index", done, total))
            if progress:
                progress(Progress("commit", done, total, "saving the search index"))
            if clear:
                writer.commit(mergetype=CLEAR)
            else:
                writer.commit()
        except BaseException:
            writer.cancel()
            raise
        if progress:
            progress(Progress("index", done, done))
        return done

    # -- reading ------------------------------------------------------------------------------
    def _searcher(self) -> Any:
        """This thread's searcher, refreshed if the index changed since it was opened."""
        if self._closed:
            raise ValueError("the search index is closed")
        s = self._searchers.get()
        if not s.up_to_date():
            # A new searcher, not `s.refresh()`: whoosh3 3.54's refresh reuses the old segment
            # readers and so misses deletions made since (an updated article shows twice).
            s.close()
            s = self._ix.searcher(weighting=scoring.BM25F())
            self._searchers.set(s)
        return s

    def doc_count(self) -> int:
        return self._searcher().doc_count()

    def search(
        self,
        query: str | Query,
        *,
        limit: int = 50,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = True,
        flags: FlagsCallback | None = None,
    ) -> IndexResult:
        """Search with the query language. An empty query matches everything, newest first.

        `sort` is "relevance" (BM25F; falls back to date when the query has no words) or
        "date" (newest first). `flags(name)` gives the ids carrying "read" or "starred"; without
        it, no article is read or starred. Raises `QueryError` for a malformed query.
        """
        if sort not in ("relevance", "date"):
            raise ValueError(f"sort must be 'relevance' or 'date', not {sort!r}")
        node = parse_query(query)
        searcher = self._searcher()
        compiled = _Compiler(searcher.schema).compile(node)
        kwargs: dict[str, Any] = {"limit": max(offset + limit, 1)}
        kwargs |= self._flag_sets(searcher, compiled.flags, flags)
        if sort == "date" or not compiled.scored:
            kwargs["sortedby"] = _NEWEST_FIRST
        if kwargs.get("filter") == set():
            # Whoosh reads an empty filter as "no filter": nothing carries the flag, so
            # nothing matches.
            del kwargs["filter"]
            compiled.query = wq.NullQuery
        if compiled.terms:
            kwargs["terms"] = True  # per-hit matched terms: what pinpoint highlighting reads
        results = searcher.search(compiled.query, **kwargs)
        results.fragmenter = highlight.PinpointFragmenter(
            maxchars=FRAGMENT_CHARS, surround=60, autotrim=True
        )
        results.formatter = _MarkFormatter()
        hits = tuple(
            IndexHit(hit["id"], _score(hit), self._fragment(hit, compiled.terms))
            for hit in results[offset : offset + limit]
        )
        facet_counts: dict[EntityType, tuple[tuple[str, int], ...]] = {}
        if facets:
            facet_counts = self._facets(searcher, compiled.query, kwargs)
        text = str(query)
        suggestion = self._suggest(searcher, node, text)
        if suggestion is not None:
            suggestion = _screen_safe(suggestion).strip()
        return IndexResult(len(results), hits, facet_counts, suggestion)

    def _facets(
        self, searcher: Any, query: Any, kwargs: dict[str, Any]
    ) -> dict[EntityType, tuple[tuple[str, int], ...]]:
        """Entity name counts over every match, not just the page.

        Whoosh's overlapping FieldFacet re-reads every posting of the entity fields on each search
        (~150 ms at 8k hits). Segments never change once written, so each segment's
        docnum -> names table is built once and kept; a search then only walks its matches.
        """
        docs = set(searcher.docs_for_query(query))
        if "filter" in kwargs:
            docs &= kwargs["filter"]
        if "mask" in kwargs:
            docs -= kwargs["mask"]
        tables = self._entity_tables(searcher)
        offsets = [offset for offset, _ in tables]
        counters: dict[EntityType, Counter[str]] = {t: Counter() for t in ENTITY_TYPES}
        for doc in docs:
            i = bisect.bisect_right(offsets, doc) - 1
            offset, table = tables[i]
            for t in ENTITY_TYPES:
                names = table[t].get(doc - offset)
                if names:
                    counters[t].update(names)
        return {
            t: tuple(sorted(counters[t].items(), key=lambda kv: (-kv[1], kv[0])))
            for t in ENTITY_TYPES
        }

    def _entity_tables(
        self, searcher: Any
    ) -> list[tuple[int, dict[EntityType, dict[int, list[str]]]]]:
        out = []
        live: set[Any] = set()
        for leaf, offset in searcher.reader().leaf_readers():
            segment = leaf.segment()
            key = segment.segment_id() if segment is not None else None
            live.add(key)
            with self._tables_lock:
                table = self._tables.get(key) if key is not None else None
            if table is None:
                table = {}
                for t in ENTITY_TYPES:
                    field = PLURAL[t]
                    per_doc: dict[int, list[str]] = {}
                    if field in leaf.indexed_field_names():
                        from_bytes = searcher.schema[field].from_bytes
                        for term in leaf.lexicon(field):
                            name = from_bytes(term)
                            for doc in leaf.postings(field, term).all_ids():
                                per_doc.setdefault(doc, []).append(name)
                    table[t] = per_doc
                if key is not None:
                    with self._tables_lock:
                        self._tables[key] = table
            out.append((offset, table))
        with self._tables_lock:  # forget segments merged away
            for key in [k for k in self._tables if k not in live]:
                del self._tables[key]
        return out

    @staticmethod
    def _flag_sets(
        searcher: Any, wanted: list[tuple[str, bool]], flags: FlagsCallback | None
    ) -> dict[str, Any]:
        """Docnum sets for `filter` (must carry the flag) and `mask` (must not)."""
        if not wanted:
            return {}
        cache: dict[str, set[int]] = {}
        keep: set[int] | None = None
        drop: set[int] = set()
        for name, present in wanted:
            if name not in cache:
                ids = flags(name) if flags is not None else set()
                nums = (searcher.document_number(id=i) for i in ids)
                cache[name] = {n for n in nums if n is not None}
            if present:
                keep = cache[name] if keep is None else keep & cache[name]
            else:
                drop |= cache[name]
        out: dict[str, Any] = {}
        if keep is not None:
            out["filter"] = keep - drop
        elif drop:
            out["mask"] = drop
        return out

    def _fragment(self, hit: Any, terms: set[str]) -> str:
        """A ~200-character excerpt around the first matched words, marked `**word**`.

        Matches in the body come from the character offsets stored in the postings (no
        re-analysis of the body); a hit that matched only in its headline shows the marked
        headline before the article's lead, so the reader still sees why it matched.
        """
        body = hit.get("body") or ""
        if not terms or not hit.results.has_matched_terms():
            return _lead(body)
        matched = {field for field, _ in hit.matched_terms()}
        if "body" in matched:
            fragment = hit.highlights("body", top=1)
            if fragment:
                return fragment.strip()
        if "title" in matched:
            title = highlight.highlight(
                hit.get("title") or "",
                terms,
                self._ix.schema["title"].analyzer,
                highlight.WholeFragmenter(),
                _MarkFormatter(),
            )
            if title:
                return f"{title.strip()} — {_lead(body)}"
        return _lead(body)

    def _suggest(self, searcher: Any, node: Node | None, text: str) -> str | None:
        """The query with each word the index lacks replaced by the closest one it has."""
        reader = searcher.reader()
        edits: list[tuple[int, int, str]] = []
        for word in _words(node):
            if word.span is None or text[word.span[0] : word.span[1]] != word.text:
                continue  # an escaped quote shifted the text: do not risk a wrong edit
            fieldnames = _TEXT_FIELDS.get(word.field, ()) if word.field else ("body", "title")
            if word.field == "source":
                continue  # few distinct sources: nothing worth correcting
            analyzer = searcher.schema[fieldnames[0]].analyzer
            for tok in analyzer(word.text, chars=True, no_morph=True, mode="query"):
                if len(tok.text) < 3 or tok.text.isdigit():
                    continue
                spell = [searcher.schema[f].spelling_fieldname(f) for f in fieldnames]
                if any((f, tok.text) in reader for f in spell):
                    continue
                better = self._correct(reader, fieldnames, tok.text)
                if better:
                    start = word.span[0] + tok.startchar
                    original = text[start : word.span[0] + tok.endchar]
                    edits.append((start, start + len(original), _same_case(original, better)))
        if not edits:
            return None
        for start, end, new in sorted(edits, reverse=True):
            text = text[:start] + new + text[end:]
        return text

    @staticmethod
    def _correct(reader: Any, fieldnames: tuple[str, ...], word: str) -> str | None:
        correctors = [leaf.corrector(f) for leaf, _ in reader.leaf_readers() for f in fieldnames]
        if not correctors:
            return None
        corrector = MultiCorrector(correctors, max)
        for maxdist in (1, 2) if len(word) > 4 else (1,):
            found = corrector.suggest(word, limit=1, maxdist=maxdist, prefix=1)
            if found:
                return found[0]
        return None

    def more_like_this(self, article_id: str, *, limit: int = 10) -> list[tuple[str, float]]:
        """Articles sharing the most telling words of this one's body, best first."""
        searcher = self._searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return []
        # Whoosh's `more_like` takes the top key terms as they come, and the most telling
        # terms are often in this article alone (a name's spelling, a typo): they can find
        # nothing else. Ask for more and keep those that occur in other articles too.
        shared = [
            (term, weight)
            for term, weight in searcher.key_terms([docnum], "body", numterms=60)
            if searcher.doc_frequency("body", term) > 1
        ][:MLT_TERMS]
        if not shared:
            return []
        q = wq.Or([wq.Term("body", term, boost=weight) for term, weight in shared])
        results = searcher.search(q, limit=limit, mask={docnum})
        return [(hit["id"], float(hit.score or 0.0)) for hit in results]

    def highlight_spans(self, text: str, query: str | Query) -> list[tuple[int, int]]:
        """(start, end) offsets in `text` of the words the query's title/body terms match.

        Words are compared after the index's analysis, so "elections" lights up for
        `election`. Raises `QueryError` for a malformed query.
        """
        compiled = _Compiler(self._ix.schema).compile(parse_query(query))
        if not compiled.terms:
            return []
        analyzer = self._ix.schema["body"].analyzer
        return [
            (t.startchar, t.endchar)
            for t in analyzer(text, chars=True, mode="index")
            if t.text in compiled.terms
        ]


def _fields(doc: IndexDoc) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "body": doc.body,
        "story": doc.story,
    }
    if doc.published is not None:
        fields["published"] = _naive_utc(doc.published)
    fields["newest"] = max(0, int(doc.published.timestamp())) if doc.published else 0
    if doc.source:
        fields["source"] = doc.source
    if doc.url:
        fields["url"] = doc.url
    for t in ENTITY_TYPES:
        plural = PLURAL[t]
        names = [n for n in getattr(doc, plural) if n and _SEP not in n]
        terms = [n for n in getattr(doc, f"{plural}_terms") if n]
        if names:
            fields[plural] = _SEP.join(names)
        if terms or names:
            fields[f"{plural}_terms"] = f" {_SEP} ".join(dict.fromkeys([*names, *terms]))
    return fields


def _score(hit: Any) -> float:
    """The BM25F score; 0.0 when sorted by date (Whoosh then gives the sort key instead)."""
    return float(hit.score) if isinstance(hit.score, int | float) else 0.0


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
