"""The library opens on a thread started with the app, while Textual starts and paints.

Opening a library (SQLite, the search index's table of contents, the last query) used to
wait for the main screen to be mounted, a few hundred milliseconds into start-up on a busy
machine; the opening list then waited for it. Started as the app is made, the open overlaps
Textual's own start (driver, CSS, the first frame), which is most of the time to a populated
list on a big library. The main screen's worker takes the result (or the error, shown as
before); a library nobody took is closed when the app ends.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.library import Library
    from index.query import Query


class EarlyOpen:
    """`Library.open(path)` and the query to reopen on, computed on a daemon thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._future: Future[tuple[Library, Query]] = Future()
        self._taken = False
        threading.Thread(target=self._open, name="dateline-open", daemon=True).start()

    def _open(self) -> None:
        try:
            # Imported here: on the thread, beside Textual's start, when not loaded yet.
            from index.library import Library

            from .state import LAST_QUERY, load_query

            library = Library.open(self.path)
            try:
                query = load_query(library.get_state(LAST_QUERY))
            except BaseException:
                library.close()
                raise
        except BaseException as error:  # handed to whoever takes the result
            self._future.set_exception(error)
        else:
            self._future.set_result((library, query))

    def take(self) -> tuple[Library, Query]:
        """The open library and its last query (blocks until ready; raises the open's error).

        Only once: a second taker opens the library itself.
        """
        if self._taken:
            raise RuntimeError("the early open was already taken")
        self._taken = True
        return self._future.result()

    @property
    def taken(self) -> bool:
        return self._taken

    def discard(self) -> None:
        """Close the library if nobody took it (the app ended before its screen asked)."""
        if self._taken:
            return
        self._taken = True
        self._future.add_done_callback(_close_result)


def _close_result(future: Future[tuple[Library, Query]]) -> None:
    if future.exception() is None:
        future.result()[0].close()
