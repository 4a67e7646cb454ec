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
articles arrived. (Who an entity is seen with is counted by distinct article in
`index.pages.cooccur`.)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def _ids(values: Iterable[int]) -> str:
    return ",".join(str(int(v)) for v in values) or "NULL"


@dataclass(frozen=True)
class Shared:
    """An entity's distinct articles, and those that hold more than one of its forms."""

    articles: int
    #: article id -> how many of the entity's forms it holds
    twice: dict[str, int] = field(default_factory=dict)


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
        str(aid): int(n)
        for aid, n in conn.execute(
            "SELECT article_id, COUNT(*) FROM page_entities"
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
        extra[source] = extra.get(source, 0) + s.twice[str(aid)] - 1
    return extra


def forms_of(conn: sqlite3.Connection, eid: int) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT id FROM entity_aliases WHERE entity_id = ?", (eid,))]  # fmt: skip
