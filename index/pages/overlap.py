"""Articles that hold two forms of one entity: what a sum over its forms would count twice.

The page tables count per form (record.py), one form per entity *as the article was
recorded*. When two entities that appeared in one article become one later (a user's merge or
alias, or the registry joining them as it reads on; a split or undo can do it too), that
article holds two forms of the entity, and summing the forms' rows counts it twice: its
source twice, its pairs with every other entity twice, the entity "seen together" with itself.

Such articles are rare and are found from the entity's own rows, so a page pays for them only
when they exist: `Shared` lists them (from the same scan that counts the entity's articles),
and the functions here take back what the sums counted more than once. Every figure on a page
is then per distinct article, whatever merges, splits, renames and undos came after the
articles arrived.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np


def _ids(values: Iterable[int]) -> str:
    return ",".join(str(int(v)) for v in values) or "NULL"


@dataclass(frozen=True)
class Shared:
    """An entity's distinct articles, and those that hold more than one of its forms."""

    articles: int
    #: article id -> (how many of the entity's forms it holds, how many of those are top)
    twice: dict[str, tuple[int, int]] = field(default_factory=dict)


def shared(conn: sqlite3.Connection, forms: Sequence[int]) -> Shared:
    """Count an entity's articles; list the ones its forms share when there are any.

    One scan of the entity's rows answers both the distinct count and whether any article
    was counted twice; the second, grouped scan runs only for an entity with such articles.
    """
    ids = _ids(forms)
    distinct, rows = conn.execute(
        f"SELECT COUNT(DISTINCT article_id), COUNT(*) FROM page_entities WHERE form IN ({ids})"
    ).fetchone()
    if distinct == rows:
        return Shared(int(distinct))
    twice = {
        str(aid): (int(n), int(top))
        for aid, n, top in conn.execute(
            "SELECT article_id, COUNT(*), SUM(top) FROM page_entities"
            f" WHERE form IN ({ids}) GROUP BY article_id HAVING COUNT(*) > 1"
        )
    }
    return Shared(int(distinct), twice)


def sources_extra(conn: sqlite3.Connection, s: Shared) -> dict[str, int]:
    """source -> how many more times the per-form sums counted it than it has articles."""
    extra: dict[str, int] = {}
    if not s.twice:
        return extra
    for aid, source in conn.execute(
        "SELECT article_id, source FROM page_articles"
        " WHERE article_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(s.twice)),),
    ):
        extra[source] = extra.get(source, 0) + s.twice[str(aid)][0] - 1
    return extra


def tops_extra(s: Shared) -> int:
    """How many more times the entity counts among articles' top entities than it should."""
    return sum(max(top - 1, 0) for _n, top in s.twice.values())


def pairs_extra(conn: sqlite3.Connection, eid: int, s: Shared) -> dict[int, int]:
    """other entity -> how many more times page_pairs counted it with `eid` than articles.

    An article where `eid` has `ta` top forms and the other entity `tb` adds `ta * tb` to the
    pair sums but one article seen together.
    """
    chosen = [aid for aid, (_n, top) in s.twice.items() if top]
    if not chosen:
        return {}
    blobs = conn.execute(
        "SELECT forms FROM page_articles WHERE article_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(chosen)),),
    ).fetchall()
    tops = [[-v for v in np.frombuffer(b, dtype="<i4").tolist() if v < 0] for (b,) in blobs if b]
    owner = entities_of(conn, {f for t in tops for f in t})
    extra: dict[int, int] = {}
    for article in tops:
        per: dict[int, int] = {}
        for f in article:
            if f in owner:
                per[owner[f]] = per.get(owner[f], 0) + 1
        ta = per.pop(eid, 0)
        for other, tb in per.items():
            if ta * tb > 1:
                extra[other] = extra.get(other, 0) + ta * tb - 1
    return extra


def entities_of(conn: sqlite3.Connection, forms: Iterable[int]) -> dict[int, int]:
    """form id -> the entity that holds it now."""
    return {
        int(f): int(e)
        for f, e in conn.execute(
            "SELECT id, entity_id FROM entity_aliases WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(forms))),),
        )
    }


def folded(conn: sqlite3.Connection, eids: Iterable[int]) -> set[int]:
    """The entities among `eids` two of whose forms were top entities of one article.

    page_pairs holds a row for every two top forms of an article, so two forms of one entity
    with a row between them are exactly the entities whose top counts and pairs summed over
    forms count an article twice: a point lookup per two forms of an entity (CROSS JOIN keeps
    that order; left to itself SQLite scanned every pair of each form).
    """
    return {
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT x.entity_id FROM entity_aliases x"
            " CROSS JOIN entity_aliases y ON y.entity_id = x.entity_id AND y.id > x.id"
            " CROSS JOIN page_pairs p ON p.a = x.id AND p.b = y.id"
            f" WHERE x.entity_id IN ({_ids(eids)})"
        )
    }


def forms_of(conn: sqlite3.Connection, eid: int) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT id FROM entity_aliases WHERE entity_id = ?", (eid,))]  # fmt: skip


def counts(conn: sqlite3.Connection, eid: int) -> tuple[int, int]:
    """(distinct articles, distinct articles where it is a top entity): one scan of its rows,
    for a partner whose sums count an article twice."""
    row = conn.execute(
        "SELECT COUNT(DISTINCT article_id), COUNT(DISTINCT CASE WHEN top THEN article_id END)"
        f" FROM page_entities WHERE form IN ({_ids(forms_of(conn, eid))})"
    ).fetchone()
    return int(row[0]), int(row[1])


def together(conn: sqlite3.Connection, a_forms: Sequence[int], eid: int, a_tops: int) -> int:
    """Distinct articles where both are among the top entities: the rows of the side with
    fewer (`a_tops`, the page entity's, against the partner's page_tops) each looked up in
    the other's by primary key, so the cost is the smaller entity's, not the larger's."""
    b_forms = forms_of(conn, eid)
    b_tops = conn.execute(
        f"SELECT COALESCE(SUM(n), 0) FROM page_tops WHERE form IN ({_ids(b_forms)})"
    ).fetchone()[0]
    few, many = (a_forms, b_forms) if a_tops <= b_tops else (b_forms, a_forms)
    row = conn.execute(
        "SELECT COUNT(DISTINCT x.article_id) FROM page_entities x CROSS JOIN page_entities y"
        f" ON y.form IN ({_ids(many)}) AND y.at = x.at AND y.article_id = x.article_id"
        f" WHERE x.form IN ({_ids(few)}) AND x.top = 1 AND y.top = 1"
    ).fetchone()
    return int(row[0])
