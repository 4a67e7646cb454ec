"""Entity extraction for the *next* group of a big batch, in a second process.

NER is most of what adding an article costs (~71%); storing, story matching and indexing are
the rest, and ran on the same core after it. For a batch big enough to pay for a second process
(`MIN_ARTICLES`), one child extracts the entities of group k+1 while the parent stores and
indexes group k, so both cores are busy and a batch runs at about the speed of NER alone.

The child is forked (it inherits a loaded model instead of loading its own), takes no SQLite
connection or lock, and dies with its parent (`PR_SET_PDEATHSIG`): a killed ingest never leaves
a worker behind. Results are keyed by the article's text, so classification (added, updated,
duplicate…) still happens in the parent against the library as it is when the group is stored;
an article whose extraction failed in the child is simply extracted again in the parent, where
the usual per-article isolation applies.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .entities import LocalEntity
from .model import RawArticle

#: Batches smaller than this are extracted in the calling process.
MIN_ARTICLES = 512
_CHUNK = 64


def text_key(title: str, body: str) -> str:
    return hashlib.sha1(f"{title}\x00{body}".encode()).hexdigest()


def _die_with_parent() -> None:
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        pass


def _extract(items: list[tuple[str, str]]) -> dict[str, list[LocalEntity]]:
    """In the child: entities of every article it can do, by text key."""
    from .entities import extract

    out: dict[str, list[LocalEntity]] = {}
    for i in range(0, len(items), _CHUNK):
        chunk = items[i : i + _CHUNK]
        try:
            found = extract(chunk)
        except Exception:  # the parent retries these one by one, with its own error reporting
            continue
        for (title, body), ents in zip(chunk, found, strict=True):
            out[text_key(title, body)] = ents
    return out


class NerPrefetch:
    """One child process extracting entities ahead of the parent; use as a context manager."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=_die_with_parent)

    def submit(self, articles: Sequence[RawArticle]) -> Future[dict[str, list[LocalEntity]]]:
        return self._pool.submit(_extract, [(a.title, a.body) for a in articles])

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> NerPrefetch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
