"""index.changes: what another connection changed, without scanning the articles."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from index import Library


def test_a_watch_sees_new_articles_and_tells_flag_writes_apart(tmp_path: Path) -> None:
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
        assert change.articles and not change.feeds  # a file of news subscribes to nothing
        assert report.added == 1
        assert watch.poll() is None  # nothing since
        with Library.open(tmp_path / "lib") as other:  # another reader marks and stars it
            other.set_read(article_id, True)
            other.set_starred(article_id, True)
        change = watch.poll()  # a flag write is no change to the list, but it is said
        assert change is not None and change.flags
        assert not change.articles and not change.entities and not change.feeds
        assert watch.poll() is None
        library.set_read(article_id, True)  # already read: nothing written, nothing said
        assert watch.poll() is None
        assert library.mark_read([article_id], False) == [article_id]
        change = watch.poll()
        assert change is not None and change.flags and not change.articles
        assert library.flags([article_id, "gone"]) == {article_id: (False, True)}
        conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
        with conn:
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        conn.close()
        change = watch.poll()
        assert change is not None and change.new == () and change.other
        watch.close()


def dateline(library: Path, *args: str) -> None:
    """A real second process, as `dateline …` in another shell."""
    subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library), *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_a_watch_sees_another_process_change_the_subscriptions(tmp_path: Path) -> None:
    feed = "https://harbour.example/news.rss"
    with Library.open(tmp_path / "lib") as library:
        watch = library.watch_changes(state_keys=("saved_searches",))
        dateline(tmp_path / "lib", "feeds", "add", feed, "--no-check")
        change = watch.poll()
        assert change is not None and change.feeds
        assert not change.articles and not change.entities  # the article list stays as it is
        assert watch.poll() is None
        library.rename_feed(feed, "Harbour desk")  # this reader's own connection counts too
        change = watch.poll()
        assert change is not None and change.feeds
        library.set_feed_full_text(feed, True)
        change = watch.poll()
        assert change is not None and change.feeds
        dateline(tmp_path / "lib", "feeds", "remove", feed)
        change = watch.poll()
        assert change is not None and change.feeds and not change.articles
        # The state rows named are part of the subscriptions (the reader's saved searches);
        # another state row (the last query) is not.
        library.set_state("saved_searches", "[]")
        change = watch.poll()
        assert change is not None and change.feeds
        library.set_state("last_query", "harbour")
        assert watch.poll() is None
        watch.close()
