"""How long a server says a response stays fresh (Cache-Control max-age, or Expires).

`dateline refresh --due` and the TUI's schedule honour it, capped, so a feed is not fetched
again before its server says anything can have changed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping

#: A server's freshness hint is honoured up to a day, like a feed's `<ttl>`: a misconfigured
#: `max-age=31536000` on a feed must not silence it for a year.
MAX_AGE_CAP = 24 * 3600
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d{1,12})\"?\s*(?:,|$)", re.I)
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-cache|no-store)\s*(?:[=,]|$)", re.I)


def max_age_seconds(headers: Mapping[str, str], now: float | None = None) -> int | None:
    """Seconds the response stays fresh by its Cache-Control (or Expires), capped at a day.

    `no-cache`/`no-store` mean "ask every time": None, as for a server that says nothing.
    `max-age` wins over `Expires` (RFC 9111 5.3); `Expires` counts from the server's `Date`
    when it sends one, so a skewed local clock does not matter. Zero or a past date is None.
    """
    cache_control = ", ".join(_all(headers, "Cache-Control"))
    if cache_control:
        if _NO_CACHE.search(cache_control):
            return None
        match = _MAX_AGE.search(cache_control)
        if match:
            return min(int(match.group(1)), MAX_AGE_CAP) or None
    expires = headers.get("Expires")
    if not expires:
        return None
    from email.utils import parsedate_to_datetime

    try:
        until = parsedate_to_datetime(expires).timestamp()
        date = headers.get("Date")
        base = parsedate_to_datetime(date).timestamp() if date else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # "0", "-1" and other invalid dates mean "already expired"
    if base is None:
        base = time.time() if now is None else now
    seconds = int(until - base)
    return min(seconds, MAX_AGE_CAP) if seconds > 0 else None


def _all(headers: Mapping[str, str], name: str) -> list[str]:
    """Every value of a header that may be repeated (httpx.Headers keeps them apart)."""
    get_list = getattr(headers, "get_list", None)
    if get_list is not None:
        return [str(v) for v in get_list(name)]
    value = headers.get(name)
    return [value] if value else []
