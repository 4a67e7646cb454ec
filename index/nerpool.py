"""Entity extraction shared with a second process, so a batch keeps both cores busy.

NER and Dateline's resolution layer are most of what adding an article costs; storing, story
matching and indexing are the rest. For a batch big enough to pay for a second process
(`MIN_ARTICLES`), the articles of each group are split: one child extracts a share of them
(queued a group ahead, so it is never idle), while the parent extracts the rest itself, then
collects the child's share and stores the group. The split follows measured speeds
(`NerPrefetch.balance`): the child's share of a group takes as long as the parent's share plus
storing it, so neither core waits. (The first version gave the child all of the next group's
NER: the parent idled through the first group and the child worked alone on every group,
0.68x the speed of NER alone on a 2,000-article add.)

The child is forked after the parent loaded the model (it inherits it instead of loading its
own), takes no SQLite connection or lock, and dies with its parent (`PR_SET_PDEATHSIG`): a
killed ingest never leaves a worker behind. Results are keyed by the article's text, so
classification (added, updated, duplicate…) still happens in the parent against the library
as it is when the group is stored; an article whose extraction failed in the child (or a
child that died) is simply extracted again in the parent, where the usual per-article
isolation applies.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .entities import LocalEntity
from .model import RawArticle

#: Batches smaller than this are extracted in the calling process alone.
MIN_ARTICLES = 96
_CHUNK = 64
#: The child's share of a group before anything is measured, and its bounds.
FIRST_SHARE = 0.55
MIN_SHARE, MAX_SHARE = 0.2, 0.9

Found = dict[str, list[LocalEntity]]


def text_key(title: str, body: str) -> str:
    return hashlib.sha1(f"{title}\x00{body}".encode()).hexdigest()


def _die_with_parent() -> None:
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        pass


def _extract(items: list[tuple[str, str]]) -> tuple[Found, float]:
    """In the child: entities of every article it can do, by text key; and the time it took."""
    from .entities import extract

    started = time.perf_counter()
    out: Found = {}
    for i in range(0, len(items), _CHUNK):
        chunk = items[i : i + _CHUNK]
        try:
            found = extract(chunk)
        except Exception:  # the parent retries these one by one, with its own error reporting
            continue
        for (title, body), ents in zip(chunk, found, strict=True):
            out[text_key(title, body)] = ents
    return out, time.perf_counter() - started


class Share:
    """The child's part of one group: which articles it extracts, and (later) their entities.

    The parent extracts every other article first and asks for these last (`result`), so it
    only waits when the child is slower; the time it extracted and waited is kept for
    `NerPrefetch.balance`.
    """

    def __init__(self, keys: frozenset[str], future: Future[tuple[Found, float]] | None) -> None:
        self.keys = keys
        self._future = future
        self._found: Found | None = None
        self.child_seconds = 0.0
        #: Filled by the parent: its own extraction (seconds, articles) and its wait here.
        self.parent_seconds = 0.0
        self.parent_articles = 0
        self.waited = 0.0

    def owns(self, key: str) -> bool:
        return key in self.keys

    def result(self) -> Found:
        """The child's entities by text key ({} when it failed: the parent does them)."""
        if self._found is None:
            started = time.perf_counter()
            try:
                found, self.child_seconds = self._future.result() if self._future else ({}, 0.0)
            except Exception:  # a dead worker costs speed, never articles
                found = {}
            self.waited = time.perf_counter() - started
            self._found = found
        return self._found


class NerPrefetch:
    """One child process extracting a share of each group; use as a context manager."""

    def __init__(self) -> None:
        from .entities import ner

        list(ner.pipe(["Warm-up."]))  # load the model before the fork: the child shares it
        ctx = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=_die_with_parent)
        self.share = FIRST_SHARE

    def submit(self, articles: Sequence[RawArticle], share: float | None = None) -> Share:
        """Send the first `share` of the articles (default: the balanced share) to the child."""
        n = math.ceil(len(articles) * (self.share if share is None else share))
        items = [(a.title, a.body) for a in articles[:n]]
        keys = frozenset(text_key(t, b) for t, b in items)
        return Share(keys, self._pool.submit(_extract, items) if items else None)

    def balance(self, done: Share, group_seconds: float, group_articles: int) -> None:
        """Adjust the child's share after a group: the child's part of a group should take as
        long as the parent's part plus storing the group (what else the parent did)."""
        child_n = len(done.keys)
        parent_n = done.parent_articles
        if not child_n or not parent_n or not done.child_seconds or not group_articles:
            return
        rate_child = done.child_seconds / child_n
        rate_parent = done.parent_seconds / parent_n
        rest = max(0.0, group_seconds - done.parent_seconds - done.waited) / group_articles
        # f * rate_child = (1 - f) * rate_parent + rest, per article of a group
        wanted = (rate_parent + rest) / (rate_child + rate_parent)
        self.share = min(MAX_SHARE, max(MIN_SHARE, (self.share + wanted) / 2))

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> NerPrefetch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
