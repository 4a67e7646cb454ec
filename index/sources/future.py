"""Dates ahead of the time an input was read, taken back to that time.

A feed entry dated 400 days ahead (a typo in the year, a wrong time zone, an events calendar)
would sit on top of "newest first" until that day came, and stretch every entity timeline to
it; newsboat and elfeed do not believe such dates either. An article dated more than
`TOLERANCE` after the moment its input was read is dated at that moment instead, and the
input's report says so, with the date the source gave (the library keeps one date per
article, so the warning is where the claimed one stays visible). A few hours ahead (clock
skew between servers) stays as it is. Articles a library stored before this check are mended
when it opens (`mend_stored`).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta

from ..model import ParsedInput

#: How far past the time of reading a date may be before it is not believed.
TOLERANCE = timedelta(days=1)


def clamp_future(parsed: ParsedInput, read_at: datetime | None = None) -> ParsedInput:
    """`parsed` with every date later than `read_at` (now) + TOLERANCE set to `read_at`."""
    when = (read_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    limit = when + TOLERANCE
    claimed: list[datetime] = []
    articles = []
    for article in parsed.articles:
        if article.published is not None and article.published > limit:
            claimed.append(article.published)
            article = dataclasses.replace(article, published=when)
        articles.append(article)
    if not claimed:
        return parsed
    latest, instead = max(claimed).date().isoformat(), when.date().isoformat()
    if len(claimed) == 1:
        warning = f"1 article dated {latest}, ahead of when it was read: dated {instead} instead"
    else:
        warning = (
            f"{len(claimed)} articles dated as late as {latest}, ahead of when they were read:"
            f" dated {instead} instead"
        )
    return dataclasses.replace(
        parsed, articles=tuple(articles), warnings=(*parsed.warnings, warning)
    )


def mend_stored(conn: sqlite3.Connection, now: datetime | None = None) -> int:
    """Articles stored before dates were checked, still dated more than TOLERANCE ahead,
    are dated when Dateline first saw them (their `added`), with their pages' dates and
    their index entries following (marked unindexed: the open catches up). Called at each
    open: one indexed look-up when there is nothing to mend. Returns how many were mended."""
    from ..pages.record import forget, record_stored
    from ..store import transaction

    limit = ((now or datetime.now(UTC)) + TOLERANCE).isoformat()
    ahead = "SELECT id, added, body, source FROM articles WHERE published > ?"
    if conn.execute(ahead + " LIMIT 1", (limit,)).fetchone() is None:
        return 0
    pages = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'page_articles'"
    ).fetchone()
    with transaction(conn):
        rows = conn.execute(ahead, (limit,)).fetchall()  # again, under the write lock
        for aid, added, body, source in rows:
            conn.execute(
                "UPDATE articles SET published = ?, indexed = 0 WHERE id = ?", (added, aid)
            )
            if pages is not None:
                forget(conn, aid)
                record_stored(conn, aid, body, source, added)
    return len(rows)
