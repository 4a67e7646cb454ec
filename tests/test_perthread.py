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


def _in_thread(work):  # type: ignore[no-untyped-def]
    """Run `work` in a new thread, as the reader runs every search and flag change."""
    out: list[object] = []
    t = threading.Thread(target=lambda: out.append(work()))
    t.start()
    t.join()
    return out[0]


def test_a_search_in_a_new_thread_sees_flags_set_in_another(library_path: Path) -> None:
    """The flag docnums kept on the process's one search view were keyed by the searching
    thread's own `data_version`, which a new connection starts at the value an older one had
    before a commit: `is:unread` in a new thread after "mark all read" in another listed the
    articles just marked (the reader's flaky test_mark_all_read_in_unread_only_…)."""
    import subprocess
    import sys

    from index import Library

    def unread(lib: Library) -> int:
        return _in_thread(lambda: lib.search("is:unread", limit=500, sort="date").total)  # type: ignore[no-any-return]

    with Library.open(library_path) as lib:
        ids = [hit.article.id for hit in lib.search("", limit=500).hits]
        before = unread(lib)
        assert before > 0
        assert len(_in_thread(lambda: lib.mark_read(ids, True))) == before  # type: ignore[arg-type]
        assert unread(lib) == 0
        # Another process's change is seen as well.
        script = (
            "import sys\nfrom index import Library\n"
            "with Library.open(sys.argv[1]) as lib:\n"
            "    lib.mark_read(sys.argv[2:], False)\n"
        )
        subprocess.run([sys.executable, "-c", script, str(library_path), *ids[:3]], check=True)
        assert unread(lib) == 3
