"""The Whoosh full-text index: a derived, rebuildable view of the articles in SQLite.

`SearchIndex` owns one Whoosh index folder. It never holds the truth (SQLite does), so anything
odd about the folder — garbage, a foreign index, an old schema — is reported as
`IndexUnreadable` and the library rebuilds it. Whoosh unpickles the schema stored in an index,
so we only ever open a folder carrying our own marker file (`dateline-index.json`).

What is indexed and why: `index.searchschema`. How queries compile (entities resolved to form
ids by the registry, flags kept apart): `index.compile`. How it holds at 100,000 articles
(issue 7):

* One searcher per process, reused by every search and guarded by a lock (a Whoosh searcher is
  not thread-safe, and the TUI runs one search at a time anyway). It is replaced only when the
  index generation on disk changed, by a new searcher — whoosh3 3.54's `Searcher.refresh` keeps
  the old segment readers and so misses deletions. Each new searcher used to re-read every
  segment; now per-segment arrays (`index.segments`) outlive it.
* Every search first computes the exact set of matching docnums as a numpy array; flags are
  applied to that array, so `total` is always exact (`is:unread` used to report Whoosh's
  unfiltered count past the page limit). Without words the page is the newest `limit` of that
  array (an `argpartition`, no scoring, no sort collector); with words every match is ranked by
  BM25F computed with numpy (`index.bm25`), and Whoosh re-scores only the best few hundred when
  the query has a phrase.
* Facets count the entities of at most `FACET_SAMPLE` matches — the newest — read from a column;
  exact below that. Counting every match cost ~150 ms at 8k hits and grew without bound.
* Commits never run Whoosh's default merge inside an add: `index.merging` bounds what a commit
  may rewrite; `optimize()` merges everything on request.
* "Did you mean": each segment's spelling vocabulary is read once and kept, and rapidfuzz
  compares a missing word with the words sharing its first letter (Whoosh built a Levenshtein
  automaton per segment and field for every word); the registry's name words for
  `person:`/`place:`/`org:`. Only offered when a word is absent.
"""

from __future__ import annotations

import json
import multiprocessing.util
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index, scoring
from whoosh import query as wq
from whoosh.index import LockError
from whoosh.writing import CLEAR

from . import ranking
from .compile import ENTITY_FIELDS, TEXT_FIELDS, Compiler, EntityLookup, words
from .entities.keys import tokens
from .fragments import FRAGMENT_CHARS, fragment, screen_safe
from .merging import bounded_merge
from .model import ENTITY_TYPES, EntityType, Progress
from .query import Node, Query, parse_query
from .ranking import RELEVANCE_POOL
from .searchschema import SCHEMA_VERSION, IndexDoc, fields, schema
from .segments import FACET_SAMPLE, SegmentCache, View

__all__ = [
    "FRAGMENT_CHARS",
    "RELEVANCE_POOL",
    "IndexBusy",
    "IndexDoc",
    "IndexHit",
    "IndexResult",
    "IndexUnreadable",
    "SearchIndex",
]

MARKER = "dateline-index.json"
_MARKER_KIND = "dateline-search-index"
#: Batches this large are indexed by two processes (about twice as fast on 2 cores).
MULTIPROC_THRESHOLD = 500
WRITER_TIMEOUT = 30.0
#: Key terms a "more like this" query is made of.
MLT_TERMS = 15
#: ... preferring words found in at most this share of the library.
MLT_COMMON = 0.02

ProgressCallback = Callable[[Progress], None]
#: `flags("unread")` / `flags("starred")`: the ids carrying the flag.
FlagsCallback = Callable[[str], set[str]]
#: `texts(ids)`: the bodies of these articles (the index does not store them).
TextsCallback = Callable[[Sequence[str]], dict[str, str]]


class IndexUnreadable(Exception):
    """The folder is not a Dateline index we can read; rebuild it from SQLite."""


class IndexBusy(Exception):
    """Another writer holds the index lock for longer than the timeout."""


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
    #: Canonical names with the number of matching articles, by type, over the newest
    #: FACET_SAMPLE matches (all of them when there are fewer).
    facets: dict[EntityType, tuple[tuple[str, int], ...]]
    #: The whole query string with misspelled words corrected, or None.
    suggestion: str | None


# Child processes of a multi-process index writer die with their parent (a killed TUI or CLI
# must not leave writers behind holding the index lock): set in the child right after fork.
_die_with_parent = False


def _set_pdeathsig(_: object) -> None:
    if not _die_with_parent:
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: nothing to set
        pass


multiprocessing.util.register_after_fork(_set_pdeathsig, _set_pdeathsig)


class SearchIndex:
    """One Whoosh index folder. Open with `SearchIndex.open(path)`; close with `close()`."""

    def __init__(self, ix: index.Index, dirpath: Path) -> None:
        self._ix = ix
        self.path = dirpath
        self._lock = threading.RLock()
        self._current: Any = None
        self._view: View | None = None
        self._segments = SegmentCache()
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

    def optimize(self, wait: float = WRITER_TIMEOUT) -> None:
        """Merge every segment into one (slow on a big index: never done inside an add)."""
        writer = self._writer(wait, {})
        try:
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            raise

    def segment_count(self) -> int:
        with self._lock:
            return len(list(self._open()[0].reader().leaf_readers()))

    def _writer(self, wait: float, options: dict[str, Any]) -> Any:
        # Segments are written as separate files, not one compound file: a reader of a compound
        # segment copies each of its parts (the whole postings file included) into a BytesIO,
        # so memory grew with the index (58 of 65 MiB at 10,000 articles). Separate files are
        # read through the page cache instead.
        try:
            return self._ix.writer(timeout=wait, compound=False, **options)
        except LockError:
            raise IndexBusy(
                "The search index is being written by another Dateline process; "
                "try again when it has finished."
            ) from None

    def _write(
        self,
        docs: Iterable[IndexDoc],
        *,
        delete: Iterable[str],
        progress: ProgressCallback | None,
        clear: bool,
        wait: float = WRITER_TIMEOUT,
    ) -> int:
        global _die_with_parent
        total = len(docs) if hasattr(docs, "__len__") else None  # type: ignore[arg-type]
        it = iter(docs)
        head = list(islice(it, MULTIPROC_THRESHOLD))
        big = len(head) >= MULTIPROC_THRESHOLD
        options: dict[str, Any] = {"procs": 2, "multisegment": True} if big else {}
        _die_with_parent = big
        writer = self._writer(wait, options)
        done = 0
        try:
            for article_id in delete:
                writer.delete_by_term("id", article_id)
            seen: set[str] = set()
            for doc in chain(head, it):
                if doc.id in seen:
                    continue
                seen.add(doc.id)
                if clear:
                    writer.add_document(**fields(doc))
                else:
                    writer.update_document(**fields(doc))
                done += 1
                if progress and done % 100 == 0:
                    progress(Progress("index", done, total))
            if progress:
                progress(Progress("commit", done, total, "saving the search index"))
            writer.commit(mergetype=CLEAR if clear else bounded_merge)
        except BaseException:
            writer.cancel()
            raise
        finally:
            _die_with_parent = False
        if progress:
            progress(Progress("index", done, done))
        return done

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
        flags: FlagsCallback | None = None,
        entities: EntityLookup | None = None,
        texts: TextsCallback | None = None,
    ) -> IndexResult:
        """Search with the query language. An empty query matches everything, newest first.

        `sort` is "relevance" (BM25F; falls back to newest first when the query has no words)
        or "date" (newest first: published, else when first seen). `flags(name)` gives the ids
        that are "unread" or "starred" (without it every article is unread, none starred);
        `entities` resolves `person:`/`place:`/`org:` (without it they match nothing);
        `texts(ids)` gives bodies for fragments. Raises `QueryError` for a malformed query.
        """
        if sort not in ("relevance", "date"):
            raise ValueError(f"sort must be 'relevance' or 'date', not {sort!r}")
        node = parse_query(query)
        with self._lock:
            searcher, view = self._open()
            compiled = Compiler(searcher.schema, entities).compile(node)
            evaluator = view.evaluator()
            docs = _apply_flags(view, evaluator.docs(compiled.query), compiled.flags, flags)
            want = max(offset + limit, 0)
            if compiled.scored and sort == "relevance" and len(docs):
                ranked = ranking.ranked(searcher, view, evaluator, compiled, docs, want)
                ranked = ranked[offset : offset + limit]
            else:
                page = view.newest_first(docs, want)[offset : offset + limit]
                ranked = [(int(d), 0.0) for d in page]
            ids = [view.id_of(d) for d, _ in ranked]
            titles = [searcher.stored_fields(d).get("title", "") for d, _ in ranked]
            facet_counts = _facets(view, docs, entities) if facets else {}
            suggestion = self._suggest(searcher, view, node, str(query), entities)
        bodies = texts(ids) if texts is not None and ids else {}
        analyzer = self._ix.schema["body"].analyzer
        hits = tuple(
            IndexHit(
                aid,
                score,
                fragment(title, bodies.get(aid, ""), compiled.terms, analyzer, compiled.phrases),
            )
            for (_, score), aid, title in zip(ranked, ids, titles, strict=True)
        )
        if suggestion is not None:
            suggestion = screen_safe(suggestion).strip()
        return IndexResult(len(docs), hits, facet_counts, suggestion)

    def _suggest(
        self,
        searcher: Any,
        view: View,
        node: Node | None,
        text: str,
        entities: EntityLookup | None,
    ) -> str | None:
        """The query with each word the index lacks replaced by the closest one it has."""
        reader = searcher.reader()
        edits: list[tuple[int, int, str]] = []
        for word in words(node):
            if word.span is None or text[word.span[0] : word.span[1]] != word.text:
                continue  # an escaped quote shifted the text: do not risk a wrong edit
            if word.field == "source":
                continue  # few distinct sources: nothing worth correcting
            if word.field in ENTITY_FIELDS:
                if entities is not None:
                    edits += _entity_edits(word.span[0], word.text, word.field, entities)  # type: ignore[arg-type]
                continue
            fieldnames = TEXT_FIELDS[word.field] if word.field else ("body", "title")
            analyzer = searcher.schema[fieldnames[0]].analyzer
            for tok in analyzer(word.text, chars=True, no_morph=True, mode="query"):
                if len(tok.text) < 3 or tok.text.isdigit():
                    continue
                spell = [searcher.schema[f].spelling_fieldname(f) for f in fieldnames]
                if any((f, tok.text) in reader for f in spell):
                    continue
                better = _correct(view, reader, spell, tok.text)
                if better:
                    start = word.span[0] + tok.startchar
                    original = text[start : word.span[0] + tok.endchar]
                    edits.append((start, start + len(original), _same_case(original, better)))
        if not edits:
            return None
        for start, end, new in sorted(edits, reverse=True):
            text = text[:start] + new + text[end:]
        return text

    def more_like_this(
        self, article_id: str, *, text: str | None = None, limit: int = 10
    ) -> list[tuple[str, float]]:
        """Articles sharing the most telling words of this one's body (`text`), best first."""
        with self._lock:
            searcher, view = self._open()
            docnum = searcher.document_number(id=article_id)
            if docnum is None or not text:
                return []
            # Whoosh's `more_like` takes the top key terms as they come, and the most telling
            # terms are often in this article alone (a name's spelling, a typo): they can find
            # nothing else. Ask for more and keep those that occur in other articles too.
            terms = [
                (term, weight, searcher.doc_frequency("body", term))
                for term, weight in searcher.key_terms_from_text("body", text, numterms=30)
            ]
            terms = [t for t in terms if t[2] > 1]
            # Words in more than MLT_COMMON of the library say little about *this* article and
            # cost the most to read: they are used only when too few rarer ones are left.
            common = max(1000, int(MLT_COMMON * searcher.doc_count()))
            rare = [t for t in terms if t[2] <= common]
            if len(rare) < 5:
                rare = sorted(terms, key=lambda t: t[2])[:5]
            shared = [(term, weight) for term, weight, _ in rare][:MLT_TERMS]
            if not shared:
                return []
            # Each article scores the summed weights of the key terms it shares, counted over
            # postings arrays in numpy. Whoosh's OR of fifteen common terms read and scored
            # every posting of every term (~1 s at 50,000 articles, 30 ms at 1,000).
            found = [view.matches(wq.Term("body", t)) for t, _ in shared]
            weights = np.concatenate(
                [
                    np.full(len(f), w, dtype=np.float64)
                    for f, (_, w) in zip(found, shared, strict=True)
                ]
            )
            docs, inverse = np.unique(np.concatenate(found), return_inverse=True)
            scores = np.bincount(inverse, weights=weights)
            scores[docs == docnum] = 0.0
            k = min(limit, int(np.count_nonzero(scores)))
            if k <= 0:
                return []
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.lexsort((-docs[top], -scores[top]))]
            return [(view.id_of(int(docs[i])), float(scores[i])) for i in top]

    def highlight_spans(self, text: str, query: str | Query) -> list[tuple[int, int]]:
        """(start, end) offsets in `text` of the words the query's title/body terms match.

        Words are compared after the index's analysis, so "elections" lights up for
        `election`. Raises `QueryError` for a malformed query.
        """
        compiled = Compiler(self._ix.schema, None).compile(parse_query(query))
        if not compiled.terms:
            return []
        analyzer = self._ix.schema["body"].analyzer
        return [
            (t.startchar, t.endchar)
            for t in analyzer(text, chars=True, mode="index")
            if t.text in compiled.terms
        ]


def _apply_flags(
    view: View, docs: np.ndarray, wanted: list[tuple[str, bool]], flags: FlagsCallback | None
) -> np.ndarray:
    """Narrow the match array by flags held in SQLite (never by Whoosh's own filter count)."""
    for name, present in dict.fromkeys(wanted):
        if flags is None:  # no flag state: every article is unread, none is starred
            carriers = view.live if name == "unread" else view.live[:0]
        else:
            carriers = view.docnums(flags(name))
        if present:
            docs = np.intersect1d(docs, carriers, assume_unique=False)
        else:
            docs = np.setdiff1d(docs, carriers, assume_unique=False)
    return docs


def _facets(
    view: View, docs: np.ndarray, entities: EntityLookup | None
) -> dict[EntityType, tuple[tuple[str, int], ...]]:
    """Entity counts over the newest FACET_SAMPLE matches (all when fewer), by type.

    Each article counts once per entity even when it wrote two forms of it; counting is numpy
    over (document, entity) pairs, and names come from one registry query for the forms seen.
    """
    out: dict[EntityType, tuple[tuple[str, int], ...]] = {t: () for t in ENTITY_TYPES}
    if entities is None or not len(docs):
        return out
    sample = docs if len(docs) <= FACET_SAMPLE else view.newest_first(docs, FACET_SAMPLE)
    forms, owners = view.forms(sample)
    if not len(forms):
        return out
    unique, inverse = np.unique(forms, return_inverse=True)
    known = entities.describe_forms(unique.tolist())
    entity_of = np.array([known[f][0] if f in known else -1 for f in unique.tolist()])
    eids = entity_of[inverse]
    keep = eids >= 0
    pairs = np.unique(owners[keep].astype(np.int64) * (1 << 32) + eids[keep])
    counted, counts = np.unique(pairs & ((1 << 32) - 1), return_counts=True)
    about = {eid: (t, name) for eid, t, name in known.values()}
    by_type: dict[EntityType, Counter[str]] = {t: Counter() for t in ENTITY_TYPES}
    for eid, n in zip(counted.tolist(), counts.tolist(), strict=True):
        t, name = about[eid]
        by_type[t][name] += n
    return {t: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for t, c in by_type.items()}


def _entity_edits(
    at: int, text: str, type_: EntityType, entities: EntityLookup
) -> list[tuple[int, int, str]]:
    """Edits for name words no entity of `type_` has: `person:kovak` -> `person:kovac`."""
    import re

    edits = []
    for m in re.finditer(r"\w+", text):
        word = m.group(0)
        folded = tokens(word)
        if len(folded) != 1 or folded[0].isdigit():
            continue
        better = entities.suggest_token(type_, folded[0])
        if better:
            edits.append((at + m.start(), at + m.end(), _same_case(word, better)))
    return edits


def _correct(view: View, reader: Any, fields: list[str], word: str) -> str | None:
    """The closest word the index has: edit distance 1 (2 for words over 4 letters), same first
    letter, the most frequent on a tie.

    Whoosh's correctors build a Levenshtein automaton per segment and field for every word;
    here each segment's vocabulary is read once and kept, and rapidfuzz compares the word with
    the words sharing its first letter.
    """
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extract

    candidates = list(view.words_starting(fields, word[0]))
    for maxdist in (1, 2) if len(word) > 4 else (1,):
        found = extract(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=maxdist, limit=None
        )
        if found:
            best = min(d for _, d, _ in found)
            closest = [w for w, d, _ in found if d == best]
            return max(
                sorted(closest), key=lambda w: sum(reader.doc_frequency(f, w) for f in fields)
            )
    return None


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
