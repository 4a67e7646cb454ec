"""Flags narrow a search exactly, even though their docnums are kept between searches.

`Library.search` hands the index a version of the database (`index.dbstate`); flag docnums
and entity names are reused only while it is unchanged. Every way a flag can change must be
seen by the very next search: this thread, another thread (its own connection), another
`Library` on the same folder (as another process would be).
"""

from __future__ import annotations

import threading
from pathlib import Path

from index import Library


def unread(lib: Library) -> set[str]:
    result = lib.search("is:unread", limit=10_000)
    assert result.total == len(result.hits)
    return {h.article.id for h in result.hits}


def test_flag_changes_are_seen_at_once(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        ids = [a.id for a in lib.articles()]
        assert unread(lib) == set(ids)
        lib.set_read(ids[0])  # this thread's connection
        assert unread(lib) == set(ids[1:])
        worker = threading.Thread(target=lib.set_read, args=(ids[1],))  # another connection
        worker.start()
        worker.join()
        assert unread(lib) == set(ids[2:])
        with Library.open(library_path) as other:  # as another process would
            other.set_read(ids[2])
        assert unread(lib) == set(ids[3:])
        lib.set_read(ids[0], read=False)
        assert unread(lib) == {ids[0], *ids[3:]}
        assert lib.search("is:read", limit=10_000).total == 2
        lib.set_starred(ids[4])
        assert [h.article.id for h in lib.search("is:starred").hits] == [ids[4]]
