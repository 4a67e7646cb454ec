"""Who an entity is seen with: exact article counts, counted when the page opens.

The entity page's "seen with … N together" must be the number of articles that name both —
the figure `f` on the page and a search for the two give. It used to be summed from pairs
recorded among each article's ten most mentioned entities (`page_pairs`, dropped in format 4):
bounded at ingestion, but it undercounted most pairs (44 of 80 on the bundled sample), and the
lift and the ranking were built on those partial counts.

Now the entity's articles are read once and every other entity is counted over them in numpy,
so every partner's count is exact and so is the ranking. The articles' entities come from
the search index (`SearchIndex.forms_beside`: the entity's postings and the `entity_forms`
column a search reads, so the counts are search's own; ~7 ms for an entity in 39,000 of
100,000 articles once the column is in memory, as the sidebar's facets keep it), or, when the
index is unavailable, from each article's page row (`page_articles.forms`; ~2 µs per article
of the entity). Either way the cost follows the entity's own size, not the library's.

A partner's own article count (for the lift) is the sum of its forms' per-source rows: one
indexed lookup per form, for the thousands of partners a big entity has. That sum counts twice
an article holding two forms of the partner (two entities merged after both were recorded), so
the partners that lead the ranking are counted by distinct article before the final order
(`distinct`: by the search index, what a search for the partner gives, or without it from the
partner's page rows).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np


class EntityDocs(Protocol):
    """What the search index tells the page about entities' articles (`SearchIndex`)."""

    def forms_beside(self, forms: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(form ids, index of their article) over every article linking any of `forms`."""
        ...

    def articles_linking(self, entities: Sequence[Sequence[int]]) -> list[int]:
        """For each entity's forms, how many articles link any of them."""
        ...


def _ids(values: Iterable[int]) -> str:
    return ",".join(str(int(v)) for v in values) or "NULL"


def together(
    conn: sqlite3.Connection, eid: int, forms: Sequence[int], docs: EntityDocs | None = None
) -> dict[int, int]:
    """other entity -> the number of distinct articles naming both it and `eid` (`forms`).

    `docs` reads the articles' entities from the search index; without it they come from
    the page tables. An article holding two forms of one entity counts once.
    """
    if docs is not None:
        flat, article = docs.forms_beside(forms)
    else:
        flat, article = _page_forms(conn, forms)
    if not len(flat):
        return {}
    flat = np.abs(flat.astype(np.int64))
    present = np.flatnonzero(np.bincount(flat))
    owner = np.full(int(present[-1]) + 1, -1, dtype=np.int64)
    for f, e in conn.execute(
        "SELECT id, entity_id FROM entity_aliases WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(present.tolist()),),
    ):
        owner[int(f)] = int(e)
    entity = owner[flat]
    keep = (entity >= 0) & (entity != eid)
    entity, article = entity[keep], article[keep].astype(np.int64)
    if not len(entity):
        return {}
    counts = np.bincount(entity)
    # One row per (article, entity) unless an entity has two forms among these articles (an
    # alias beside the full name, or a merge): only those need counting by distinct article.
    known = owner[present]
    multi = np.flatnonzero(np.bincount(known[known >= 0], minlength=len(counts)) > 1)
    multi = multi[(multi < len(counts)) & (multi != eid)]
    if len(multi):
        mask = np.isin(entity, multi)
        pairs = np.unique(article[mask] * (1 << 32) + entity[mask])
        counts[multi] = np.bincount(pairs & ((1 << 32) - 1), minlength=len(counts))[multi]
    found = np.flatnonzero(counts)
    return dict(zip(found.tolist(), counts[found].tolist(), strict=True))


def _page_forms(conn: sqlite3.Connection, forms: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """(form ids, article index) from the page rows of the articles linking any of `forms`;
    `IN` reads an article once however many of the forms it holds."""
    try:
        rows = conn.execute(
            "SELECT forms FROM page_articles WHERE article_id IN"
            f" (SELECT article_id FROM page_entities WHERE form IN ({_ids(forms)}))"
        ).fetchall()
    except sqlite3.OperationalError:
        # A library of an older format, read as it is (read-only): no packed forms per
        # article, so the same rows from page_entities, one per (article, form).
        return _entity_rows(conn, forms)
    blobs = [bytes(b) for (b,) in rows if b]
    # Each article's forms as int32 (`record._pack_forms`); format 3 negated its ten most
    # mentioned, hence the `abs` in `together`.
    flat = np.frombuffer(b"".join(blobs), dtype="<i4")
    return flat, np.repeat(np.arange(len(blobs)), [len(b) // 4 for b in blobs])


def _entity_rows(conn: sqlite3.Connection, forms: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    index: dict[str, int] = {}
    flat: list[int] = []
    article: list[int] = []
    for form, article_id in conn.execute(
        "SELECT form, article_id FROM page_entities WHERE article_id IN"
        f" (SELECT article_id FROM page_entities WHERE form IN ({_ids(forms)}))"
    ):
        flat.append(int(form))
        article.append(index.setdefault(article_id, len(index)))
    return np.array(flat, dtype="<i4"), np.array(article, dtype=np.int64)


def article_sums(conn: sqlite3.Connection, eids: Iterable[int]) -> dict[int, int]:
    """entity -> the sum of its forms' article counts: its articles, except that an article
    holding two of its forms is counted twice (see `distinct`)."""
    return {
        int(e): int(n)
        for e, n in conn.execute(
            "SELECT a.entity_id, SUM(s.n) FROM page_sources s JOIN entity_aliases a"
            f" ON a.id = s.form WHERE a.entity_id IN ({_ids(eids)}) GROUP BY a.entity_id"
        )
    }


def distinct(
    conn: sqlite3.Connection, eids: Iterable[int], docs: EntityDocs | None = None
) -> dict[int, int]:
    """entity -> its distinct articles: from the search index when there is one (what a
    search for it counts), else from the page rows of those (of `eids`) with rows under two
    or more forms, the only ones whose `article_sums` can count an article twice."""
    forms: dict[int, list[int]] = {}
    table = (
        "entity_aliases a WHERE"
        if docs is not None
        else ("page_sources s JOIN entity_aliases a ON a.id = s.form WHERE")
    )
    column = "a.id" if docs is not None else "s.form"
    for e, f in conn.execute(
        f"SELECT DISTINCT a.entity_id, {column} FROM {table} a.entity_id IN ({_ids(eids)})"
    ):
        forms.setdefault(int(e), []).append(int(f))
    if docs is not None:
        return dict(zip(forms, docs.articles_linking(list(forms.values())), strict=True))
    return {
        e: int(
            conn.execute(
                f"SELECT COUNT(DISTINCT article_id) FROM page_entities WHERE form IN ({_ids(fs)})"
            ).fetchone()[0]
        )
        for e, fs in forms.items()
        if len(fs) > 1
    }
