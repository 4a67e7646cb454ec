"""When a subscription is due: the feed's own refresh hints, for scheduled refreshes.

A feed may say how often it is worth fetching: RSS `<ttl>` (minutes) or the syndication
module's `<sy:updatePeriod>`/`<sy:updateFrequency>`. A scheduled refresh (the reader's timer,
`dateline refresh --due` from cron) skips a feed until that time has passed since it was last
fetched; a refresh the user asks for (`r`, `dateline refresh`) fetches every feed. Either way
the fetch itself is a conditional GET.

The hints are read from the feed body as it is fetched (`observe`), kept in `feed_schedule`,
and the skipping happens inside `index.feeds.fetch_feeds`, which answers a feed that is not due
like a 304 without touching the network. The plan for one refresh travels in a context
variable, so `Library.refresh` keeps its signature.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from .store import transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS feed_schedule (
    url TEXT PRIMARY KEY,
    ttl_seconds INTEGER,
    fetched_at REAL NOT NULL
);
"""

#: A feed's hint is honoured up to this long: a typo'd `<ttl>` must not silence a feed.
MAX_TTL_SECONDS = 24 * 3600
_TTL = re.compile(rb"<ttl>\s*(\d{1,7})\s*</ttl>", re.I)
_SY_PERIOD = re.compile(rb"<sy:updatePeriod>\s*(\w+)\s*</sy:updatePeriod>", re.I)
_SY_FREQUENCY = re.compile(rb"<sy:updateFrequency>\s*(\d{1,5})\s*</sy:updateFrequency>", re.I)
_PERIODS = {"hourly": 3600, "daily": 86400, "weekly": 7 * 86400, "monthly": 30 * 86400}


@dataclass
class Plan:
    """One refresh: the feeds to answer "not modified" without fetching, and what was seen."""

    skip: frozenset[str] = frozenset()
    #: url -> the feed's hint in seconds (None: it gave none), for every feed fetched.
    seen: dict[str, int | None] = field(default_factory=dict)


_PLAN: ContextVar[Plan | None] = ContextVar("dateline_refresh_plan", default=None)


def current() -> Plan | None:
    return _PLAN.get()


def hint_seconds(content: bytes) -> int | None:
    """How long the feed asks to be left alone, from the head of its body; None if it does
    not say."""
    head = content[:65536]
    match = _TTL.search(head)
    if match:
        return min(int(match.group(1)) * 60, MAX_TTL_SECONDS) or None
    period = _SY_PERIOD.search(head)
    if period:
        seconds = _PERIODS.get(period.group(1).decode("ascii", "replace").lower())
        if seconds:
            frequency = _SY_FREQUENCY.search(head)
            times = max(1, int(frequency.group(1))) if frequency else 1
            return min(seconds // times, MAX_TTL_SECONDS)
    return None


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def not_due(conn: sqlite3.Connection, urls: list[str], now: float | None = None) -> set[str]:
    """The feeds among `urls` whose hint says they were fetched too recently."""
    ensure_schema(conn)
    now = time.time() if now is None else now
    rows = conn.execute("SELECT url, ttl_seconds, fetched_at FROM feed_schedule").fetchall()
    wanted = set(urls)
    return {
        str(url)
        for url, ttl, fetched in rows
        if url in wanted and ttl and now - float(fetched) < int(ttl)
    }


def record(conn: sqlite3.Connection, seen: dict[str, int | None], now: float | None = None) -> None:
    ensure_schema(conn)
    now = time.time() if now is None else now
    with transaction(conn):
        conn.executemany(
            "INSERT INTO feed_schedule (url, ttl_seconds, fetched_at) VALUES (?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET ttl_seconds = COALESCE(excluded.ttl_seconds,"
            " feed_schedule.ttl_seconds), fetched_at = excluded.fetched_at",
            [(url, ttl, now) for url, ttl in seen.items()],
        )


@contextlib.contextmanager
def planned(plan: Plan) -> Iterator[Plan]:
    token = _PLAN.set(plan)
    try:
        yield plan
    finally:
        _PLAN.reset(token)
