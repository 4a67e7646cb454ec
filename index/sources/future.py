"""Dates ahead of the time an input was read, taken back to that time.

A feed entry dated 400 days ahead (a typo in the year, a wrong time zone, an events calendar)
would sit on top of "newest first" until that day came, and stretch every entity timeline to
it; newsboat and elfeed do not believe such dates either. An article dated more than
`TOLERANCE` after the moment its input was read is dated at that moment instead, and the
input's report says so, with the date the source gave (the library keeps one date per
article, so the warning is where the claimed one stays visible). A few hours ahead (clock
skew between servers) stays as it is.
"""

from __future__ import annotations

import dataclasses
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
