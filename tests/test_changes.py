"""index.changes: what another connection changed, without scanning the articles."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from index import Library


def test_a_watch_sees_new_articles_but_not_flag_writes(tmp_path: Path) -> None:
    news = tmp_path / "a.jsonl"
    news.write_text(
        json.dumps({"title": "Quay repairs finish in Bergen", "body": "The quay in Bergen "
                    "reopened on Friday after repairs that took a year, the harbour said."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    with Library.open(tmp_path / "lib") as library:
        watch = library.watch_changes()
        assert watch.poll() is None
        with Library.open(tmp_path / "lib") as other:  # another connection, as a process would
            report = other.add([str(news)])
            article_id = other.articles()[0].id
        change = watch.poll()
        assert change is not None and change.new == (article_id,)
        assert report.added == 1
        assert watch.poll() is None  # nothing since
        library.set_read(article_id, True)  # a flag write is no change to the list
        assert watch.poll() is None
        conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
        with conn:
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        conn.close()
        change = watch.poll()
        assert change is not None and change.new == () and change.other
        watch.close()
