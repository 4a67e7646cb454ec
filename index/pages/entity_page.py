"""The entity page, read from the tables `record` keeps, and from its articles' entities.

An entity is looked up by name through the registry (names and aliases, exact before
partial), then every table is read through the entity's *current* forms, so merges, splits
and renames made after the articles arrived are followed without rewriting anything.

Co-occurring entities are ranked by lift — how many times more often the two share an
article than chance would have it — among pairs seen together at least `MIN_TOGETHER` times
(fewer for an entity with only a handful of articles). Raw counts would put the most
frequent entities ("United States") at the top of every list. "Together" is the number of
articles naming both, counted exactly when the page opens (`index.pages.cooccur`): the figure
a search for the two gives, and the one the lift is built on.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import numpy as np

from ..entities.keys import entity_key
from ..entities.registry import Registry
from ..entities.registry_blocks import blocked_entities, blocked_message
from ..model import ArticleSummary, EntityType
from . import cooccur, overlap
from .model import (
    AmbiguousEntity,
    Bucket,
    EntityPage,
    EntityRef,
    PageError,
    QuoteItem,
    Related,
    SourceCount,
)

MIN_TOGETHER = 3
#: Below this many articles an entity's partners need only share one or two with it.
FEW_ARTICLES = 12
#: Up to this many days the timeline counts per day; beyond, per week.
DAILY_SPAN = 92
BUSIEST = 3

Summaries = Callable[[Sequence[str]], list[ArticleSummary]]


def _ids(values: Sequence[int]) -> str:
    return ",".join(str(int(v)) for v in values) or "NULL"


def find_entity(
    conn: sqlite3.Connection, registry: Registry, name: str, type_: EntityType | None = None
) -> int:
    """The id of the one entity `name` means; `AmbiguousEntity` lists candidates otherwise.

    A name or alias matches exactly first (a display name over an alias); failing that, a
    name contained in exactly one entity's names ("Haddad") opens that entity.
    """
    key = entity_key(name)
    if not key:
        raise PageError("An entity name cannot be empty.")
    typed = " AND a.type = ?" if type_ else ""
    rows = conn.execute(
        "SELECT DISTINCT a.entity_id, e.key = a.key FROM entity_aliases a"
        f" JOIN entities e ON e.id = a.entity_id WHERE a.key = ?{typed}",
        (key, type_) if type_ else (key,),
    ).fetchall()
    # A blocked entity ("not an entity") keeps its row and its page rows for undo: never served.
    gone = blocked_entities(conn, [int(r[0]) for r in rows])
    named = sorted({int(r[0]) for r in rows if r[1]} - gone)
    exact = sorted({int(r[0]) for r in rows} - gone)
    for pool in (named, exact):
        if len(pool) == 1:
            return pool[0]
    pool = named or exact
    if not pool:
        found = registry.find(name, type_)  # blocked entities left out there too
        if len(found) == 1:
            return find_entity(conn, registry, found[0].name, found[0].type)
        if not found:
            blocked = registry.blocked_match(name, type_)
            if blocked is not None:
                raise PageError(blocked_message(name, blocked))
            what = type_ or "entity"
            raise PageError(f'No {what} called "{name}".')
        raise AmbiguousEntity(
            name, tuple(EntityRef(f.name, f.type, f.count, f.aliases) for f in found)
        )
    refs = [_ref(conn, eid) for eid in pool]
    refs.sort(key=lambda r: (-r.articles, r.name))
    raise AmbiguousEntity(name, tuple(refs))


def entity_days(conn: sqlite3.Connection, eid: int) -> list[tuple[str, int]]:
    """(YYYY-MM-DD, articles) for an entity, oldest first, from the pages' (form, date,
    article) index: a range scan per form, no article rows read (the sidebar's sparkline cost
    ~0.35 s of CPU at 100,000 articles reading every article's date). An article two merged
    forms share counts once."""
    return [
        (str(day), int(n))
        for day, n in conn.execute(
            # `at` is seconds since 1970 (format 3), or ISO text in a format-2 library read
            # as it is (read-only): either gives its day.
            "SELECT COALESCE(date(at, 'unixepoch'), date(at)) AS d, COUNT(DISTINCT article_id)"
            f" FROM page_entities WHERE form IN ({_ids(_forms(conn, eid))})"
            " GROUP BY d HAVING d IS NOT NULL ORDER BY d"
        )
    ]


_forms = overlap.forms_of


def _ref(conn: sqlite3.Connection, eid: int, shared: overlap.Shared | None = None) -> EntityRef:
    """A candidate for an ambiguous name, with its other names to tell it apart."""
    name, type_, key = conn.execute(
        "SELECT name, type, key FROM entities WHERE id = ?", (eid,)
    ).fetchone()
    aliases: dict[str, str] = {}
    for akey, alias in conn.execute(
        "SELECT key, name FROM entity_aliases WHERE entity_id = ? ORDER BY id", (eid,)
    ):
        if akey != key:
            aliases.setdefault(akey, alias)
    if shared is None:
        shared = overlap.shared(conn, _forms(conn, eid))
    return EntityRef(name, type_, shared.articles, tuple(aliases.values()))


def entity_page(
    conn: sqlite3.Connection,
    eid: int,
    summaries: Summaries,
    *,
    related: int = 20,
    quotes: int = 50,
    latest: int = 20,
    docs: cooccur.EntityDocs | None = None,
) -> EntityPage:
    """Everything the page shows about entity `eid`. `docs` (the search index) says
    which entities its articles name and how many articles its partners have; without it
    (an unavailable index) the page tables do."""
    row = conn.execute("SELECT name FROM entities WHERE id = ?", (eid,)).fetchone()
    if row is None:
        raise PageError("That entity is no longer in the library.")
    if blocked_entities(conn, [eid]):
        raise PageError(blocked_message(row[0], row[0]))
    forms = _forms(conn, eid)
    ids = _ids(forms)
    # Its distinct articles, and any that hold two of its forms (after a merge): the sums
    # over forms below count those twice and take the extra back.
    shared = overlap.shared(conn, forms)
    ref = _ref(conn, eid, shared)
    name, type_ = ref.name, ref.type
    articles = ref.articles
    days = entity_days(conn, eid)  # an article counted once, however many forms it wrote
    # Two queries: SQLite answers a lone MIN or MAX from the index, both at once by a scan.
    span = (
        conn.execute("SELECT MIN(day) FROM page_articles").fetchone()[0],
        conn.execute("SELECT MAX(day) FROM page_articles").fetchone()[0],
    )
    bucket, timeline = _timeline(days, span)
    # The busiest buckets of the timeline shown: weeks when it counts weeks, else days.
    buckets = timeline if bucket == "week" else tuple(Bucket(d, int(n)) for d, n in days)
    busiest = sorted((b for b in buckets if b.count), key=lambda b: (-b.count, b.start))
    extra = overlap.sources_extra(conn, shared)
    counted = [
        (str(s), int(n) - extra.get(s, 0))
        for s, n in conn.execute(
            f"SELECT source, SUM(n) FROM page_sources WHERE form IN ({ids}) GROUP BY source"
        )
    ]
    sources = tuple(
        SourceCount(s, n) for s, n in sorted(counted, key=lambda c: (-c[1], c[0])) if n > 0
    )
    latest_ids = [
        r[0]
        for r in conn.execute(
            f"SELECT article_id, MAX(at) AS t FROM page_entities WHERE form IN ({ids})"
            " GROUP BY article_id ORDER BY t DESC, article_id LIMIT ?",
            (latest,),
        )
    ]
    return EntityPage(
        id=eid,
        name=name,
        type=type_,
        aliases=ref.aliases,
        articles=articles,
        first=days[0][0] if days else None,
        last=days[-1][0] if days else None,
        bucket=bucket,
        timeline=timeline,
        busiest=tuple(busiest[:BUSIEST]),
        related=_related(conn, eid, forms, shared, related, docs),
        sources=sources,
        quotes=_quotes(conn, ids, quotes),
        latest=tuple(summaries(latest_ids)),
    )


def _timeline(
    days: Sequence[tuple[str, int]], span: tuple[str | None, str | None]
) -> tuple[str, tuple[Bucket, ...]]:
    """Counts per day (per week over a long span) from the library's first day to its last,
    zeros included: a gap in the coverage is part of the story."""
    if not days or span[0] is None or span[1] is None:
        return "day", ()
    first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    counts = {date.fromisoformat(d): int(n) for d, n in days}
    if (last - first).days <= DAILY_SPAN:
        n = (last - first).days + 1
        return "day", tuple(
            Bucket((first + timedelta(i)).isoformat(), counts.get(first + timedelta(i), 0))
            for i in range(n)
        )
    monday = first - timedelta(first.weekday())
    weeks: dict[date, int] = {}
    for d, n in counts.items():
        w = d - timedelta(d.weekday())
        weeks[w] = weeks.get(w, 0) + n
    out = []
    w = monday
    while w <= last:
        out.append(Bucket(w.isoformat(), weeks.get(w, 0)))
        w += timedelta(7)
    return "week", tuple(out)


def _related(
    conn: sqlite3.Connection,
    eid: int,
    forms: Sequence[int],
    shared: overlap.Shared,
    limit: int,
    docs: cooccur.EntityDocs | None,
) -> tuple[Related, ...]:
    total = conn.execute("SELECT COUNT(*) FROM page_articles").fetchone()[0]
    n_a = shared.articles
    if n_a <= 0 or not total:
        return ()
    least = MIN_TOGETHER if n_a >= FEW_ARTICLES else (2 if n_a >= 4 else 1)
    # Articles naming both, counted exactly for every other entity (index.pages.cooccur).
    together = {o: n for o, n in cooccur.together(conn, eid, forms, docs).items() if n >= least}
    for blocked in blocked_entities(conn, together):  # "not an entity" is seen with nobody
        del together[blocked]
    if not together:
        return ()
    n_b = cooccur.article_sums(conn, together)

    def ranked(others: Sequence[int]) -> list[tuple[float, int, int]]:
        """(lift, together, entity), best first: more often than chance, then more often."""
        n_ab = np.array([together[o] for o in others], dtype=np.float64)
        b = np.maximum(np.array([n_b.get(o, 0) for o in others], dtype=np.float64), n_ab)
        lift = n_ab * total / (np.maximum(n_a, n_ab) * b)
        order = np.lexsort((np.asarray(others), -n_ab, -lift))
        return [(float(lift[i]), int(n_ab[i]), int(others[i])) for i in order.tolist()]

    # A partner's sum counts twice an article holding two of its forms: those that lead are
    # counted by distinct article (which can only raise their lift) before the final order.
    head = [other for _lift, _n, other in ranked(list(together))[: 2 * limit]]
    n_b.update(cooccur.distinct(conn, head, docs))
    chosen = ranked(head)[:limit]
    picked = [c[2] for c in chosen]
    names = {
        int(i): (n, t)
        for i, n, t in conn.execute(
            f"SELECT id, name, type FROM entities WHERE id IN ({_ids(picked)})"
        )
    }
    return tuple(
        Related(
            EntityRef(names[other][0], names[other][1], max(n_b.get(other, 0), n_ab)),
            n_ab,
            round(lift, 3),
            round(math.log2(lift), 3) if lift > 0 else 0.0,
        )
        for lift, n_ab, other in chosen
        if other in names
    )


def _quotes(conn: sqlite3.Connection, ids: str, limit: int) -> tuple[QuoteItem, ...]:
    # The newest quotes first, from the (form, at) key alone; then their articles, whose
    # bodies hold the quotes' text (index.pages.record stores offsets only).
    from ..store import body_text
    from .record import QUOTE_KINDS

    chosen = conn.execute(
        'SELECT article_id, start, "end", kind, cue FROM page_quotes'
        f" WHERE form IN ({ids}) ORDER BY at DESC, article_id, start LIMIT ?",
        (limit,),
    ).fetchall()
    articles = {
        str(r[0]): (r[1], r[2], r[3], body_text(r[4]), bool(r[5]))
        for r in conn.execute(
            "SELECT id, title, source, COALESCE(published, added), body, published IS NULL"
            " FROM articles"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({str(c[0]) for c in chosen})),),
        )
    }
    out = []
    for aid, s, e, kind, cue in chosen:
        if aid not in articles:
            continue
        title, source, when, body, undated = articles[aid]
        text = body[int(s) : int(e)]
        kind = QUOTE_KINDS[kind] if isinstance(kind, int) else str(kind)  # format 2: text
        day = str(when)[:10]
        out.append(QuoteItem(text, kind, cue, aid, title, source, day, int(s), int(e), undated))
    return tuple(out)
