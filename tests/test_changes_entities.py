"""index.changes: an entity correction made through another connection (as another process's
`dateline entities …` would) is a change the watch reports, apart from new articles."""

from __future__ import annotations

import json
from pathlib import Path

from index import Library

NEWS = {
    "title": "Harbour pilots in Gdansk strike for a day",
    "body": (
        "Harbour pilots in Gdansk stopped work for a day on Tuesday. Their spokesman Tomasz "
        "Wierzba said ships had waited outside the port since dawn.\n\nWierzba said the "
        "pilots would return on Wednesday."
    ),
    "url": "https://balticwire.example/gdansk-pilots",
    "published": "2025-05-06T09:00:00+00:00",
    "source": "Baltic Wire",
}


def test_a_watch_tells_corrections_and_undo_apart_from_new_articles(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps(NEWS) + "\n", encoding="utf-8")
    with Library.open(tmp_path / "lib") as library:
        report = library.add([str(news)])
        assert report.added == 1
        people = {e.name for e in library.entities("person")}
        assert "Tomasz Wierzba" in people, people
        watch = library.watch_changes()
        assert watch.poll() is None
        with Library.open(tmp_path / "lib") as other:  # another connection, as a process would
            other.rename_entity("Tomasz Wierzba", "Tomasz Wierzba Jr")
        change = watch.poll()
        assert change is not None and change.entities
        assert change.new == () and not change.other
        assert watch.poll() is None  # nothing since
        library.set_read(library.articles()[0].id, True)  # a flag write is no correction
        change = watch.poll()  # (it is a change of flags, which an open reader follows)
        assert change is not None and change.flags and not change.entities
        assert change.new == () and not change.other and not change.feeds
        assert watch.poll() is None
        with Library.open(tmp_path / "lib") as other:
            assert other.undo_entity_change()
        change = watch.poll()
        assert change is not None and change.entities
        # An undo followed by a new correction: still a change, though the log's size is back.
        with Library.open(tmp_path / "lib") as other:
            other.retype_entity("Tomasz Wierzba", "org")
            assert other.undo_entity_change()
            other.retype_entity("Tomasz Wierzba", "place")
        change = watch.poll()
        assert change is not None and change.entities
        watch.close()


def test_a_correction_that_fails_is_no_change(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        watch = library.watch_changes()
        assert library.undo_entity_change() is None  # nothing to undo: nothing written
        assert watch.poll() is None
        watch.close()
