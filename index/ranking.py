"""Relevance order over every match: BM25F in numpy, exact for words, phrases and ORs of them.

`index.bm25` computes Whoosh's own BM25F for every matched document at once (Whoosh scores in
Python, ~0.1 ms per document and word: seconds for a common word at 100,000 articles). A phrase
scores the sum of its words in the documents where it occurs — what Whoosh's phrase matcher
scores — so with the phrase match sets `index.phrases` computes, those scores are final too.
Only a query the scorer cannot score exactly (none that `index.compile` produces today) is
re-scored by Whoosh, on the best `RELEVANCE_POOL` candidates its words rank. Equal scores go to
the newest article.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq

from . import bm25
from .compile import Compiled
from .evaluate import DocsQuery, Evaluator
from .segments import View

#: Without an exact numpy score, Whoosh re-scores this many of the best-ranked matches.
RELEVANCE_POOL = 250


class _TreeOr(wq.Or):
    """A binary tree of unions that skips to the pool's documents, never Whoosh's "array" union
    (its choice on segments under 5,000 documents), which reads every posting of every word."""

    matcher_type = wq.Or.DEFAULT_MATCHER


def ranked(
    searcher: Any, view: View, evaluator: Evaluator, compiled: Compiled, docs: np.ndarray,
    want: int,
) -> list[tuple[int, float]]:  # fmt: skip
    """The best `want` of `docs` as (docnum, score), best first; ties go to the newest."""
    scores = view.scorer(evaluator).scores(compiled.scoring, docs)
    if bm25.exact(compiled.scoring):
        top = bm25.best(docs, scores, view.newest, want)
        return [(int(docs[i]), float(scores[i])) for i in top]
    pool = docs[bm25.best(docs, scores, view.newest, max(want, RELEVANCE_POOL))]
    within = DocsQuery(pool, view.offsets())
    # Every pool document matches; each scores what its words and phrases earn (entity ORs
    # and dates, already applied, would only make Whoosh walk long postings again).
    q = wq.And([within, _TreeOr([within, *compiled.scoring])])
    found = {hit.docnum: _score(hit) for hit in searcher.search(q, limit=None)}
    exact_scores = np.asarray([found.get(int(d), 0.0) for d in pool], dtype=np.float64)
    top = bm25.best(pool, exact_scores, view.newest, want)
    return [(int(pool[i]), float(exact_scores[i])) for i in top]


def _score(hit: Any) -> float:
    """The BM25F score; 0.0 when sorted by date (Whoosh then gives the sort key instead)."""
    return float(hit.score) if isinstance(hit.score, int | float) else 0.0
