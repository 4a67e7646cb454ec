"""Per-thread resources are closed when their thread ends (the TUI starts a thread per search)."""

from __future__ import annotations

import threading
from pathlib import Path

from index.perthread import PerThread


def test_resources_of_finished_threads_are_closed() -> None:
    closed: list[int] = []
    made = iter(range(100))
    holder: PerThread[int] = PerThread(lambda: next(made), closed.append)
    mine = holder.get()
    assert holder.get() == mine  # same thread, same resource
    for _ in range(5):
        t = threading.Thread(target=holder.get)
        t.start()
        t.join()
    holder.get()  # any call reaps what finished threads left
    assert len(holder) == 1 and sorted(closed) == [1, 2, 3, 4, 5]
    holder.close_all()
    assert len(closed) == 6


def test_library_does_not_pile_up_connections(library_path: Path) -> None:
    from index import Library

    with Library.open(library_path) as lib:
        searcher = lib._search._current
        for _ in range(20):
            t = threading.Thread(target=lambda: lib.search("water"))
            t.start()
            t.join()
        lib.search("water")
        assert len(lib._sessions) == 1
        # one searcher per process, reused by every thread while the index is unchanged
        assert searcher is not None and lib._search._current is searcher
