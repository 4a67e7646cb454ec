"""More like this: the articles sharing the most telling words of one article's body.

Whoosh's `more_like` takes the top key terms as they come and scores an OR of them in Python;
here the key terms that occur in other articles too (preferring words found in at most
`MLT_COMMON` of the library) score every article by the summed weights of the terms it shares,
counted over postings arrays in numpy (Whoosh's OR of fifteen common terms read and scored
every posting of every term: ~1 s at 50,000 articles).

The same report from other outlets scores alike, and filled the list with one story's versions
(QA pass 6): `one_per_story` keeps a story's best match only, the way the article list shows a
story as one row ("+2" for its other sources).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from whoosh import query as wq

from .segments import View

#: Key terms a "more like this" query is made of.
MLT_TERMS = 15
#: ... preferring words found in at most this share of the library.
MLT_COMMON = 0.02
#: Matches asked for per item wanted, so a list folded to one item per story still fills.
MLT_POOL = 4


def similar(
    searcher: Any, view: View, article_id: str, text: str | None, limit: int
) -> list[tuple[str, float]]:
    """(article id, score) of the articles most like `article_id` (body `text`), best first."""
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
        [np.full(len(f), w, dtype=np.float64) for f, (_, w) in zip(found, shared, strict=True)]
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


def one_per_story(
    ranked: Sequence[tuple[str, float]], story_of: Mapping[str, str]
) -> list[tuple[str, float]]:
    """`ranked` (best first) with one match per story: its best. An article `story_of` does
    not know (deleted meanwhile) is left out."""
    seen: set[str] = set()
    out = []
    for article_id, score in ranked:
        story = story_of.get(article_id)
        if story is None or story in seen:
            continue
        seen.add(story)
        out.append((article_id, score))
    return out
