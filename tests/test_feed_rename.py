"""A feed renamed with `R` reads so everywhere (QA pass 5, finding 11): the article list's
Source column and the reader's header (`source`), the entity page's sources, `source:`
search, and the entries a later refresh brings. Feeds are local files read like URLs, and
one is served over HTTP on 127.0.0.1 (tests/httpserver.py)."""

from __future__ import annotations

import os
from pathlib import Path

from httpserver import Reply, serve
from index import Library

ITEMS = [
    ("Tram depot plans approved", "tram",
     "The city council approved the new tram depot on Tuesday, mayor Maria Keller said."),
    ("Harbour bridge repairs finish early", "bridge",
     "Repairs to the harbour bridge finished a week early, mayor Maria Keller told reporters."),
    ("Night buses return to the old town", "buses",
     "Night buses run again through the old town from Friday, mayor Maria Keller said."),
]  # fmt: skip


def rss(title: str, items: list[tuple[str, str, str]], host: str) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>https://{host}/{slug}</link>"
        f"<pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate><description>{text}</description></item>"
        for t, slug, text in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def _sources(library: Library) -> dict[str, int]:
    return {s.source: s.articles for s in library.entity_page("Maria Keller").sources}


def test_a_renamed_feed_reads_so_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "desk.xml"
    path.write_text(rss("Desk notes", ITEMS[:2], "desk.example"))
    with Library.open(tmp_path / "lib") as library:
        url = library.subscribe(str(path)).url
        assert library.refresh().added == 2
        assert _sources(library) == {"Desk notes": 2}
        new = "[/]Evil [b]Feed"  # a name that looks like markup stays text
        assert library.rename_feed(url, new)
        hits = library.search("source:evil").hits
        assert len(hits) == 2 and {h.article.source for h in hits} == {new}
        assert library.search('source:"desk notes"').total == 0
        assert {a.source for a in library.newest()} == {new}
        article = library.article(hits[0].article.id)
        assert article is not None and article.source == new  # the reader's header
        assert _sources(library) == {new: 2}
        # The next entries come under the new name too.
        path.write_text(rss("Desk notes", ITEMS, "desk.example"))
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
        assert library.refresh().added == 1
        assert library.search("source:evil").total == 3
        assert _sources(library) == {new: 3}
    with Library.open(tmp_path / "lib") as library:  # and stays so
        assert library.search("source:evil").total == 3


def test_renaming_one_of_two_feeds_of_one_title_moves_only_its_articles(tmp_path: Path) -> None:
    """A local copy and a served feed, both called "Desk notes": the entity page counts
    each feed's articles under its own name once one is renamed."""
    path = tmp_path / "desk.xml"
    path.write_text(rss("Desk notes", ITEMS[:1], "desk.example"))
    with serve() as server, Library.open(tmp_path / "lib") as library:
        served = server.route(
            "/desk.rss", Reply(body=rss("Desk notes", ITEMS[1:], "wire.example").encode())
        )
        library.add_feed(served)
        local = library.subscribe(str(path)).url
        assert library.refresh().added == 3
        assert _sources(library) == {"Desk notes": 3}
        assert library.rename_feed(local, "Desk (local copy)")
        assert _sources(library) == {"Desk notes": 2, "Desk (local copy)": 1}
        assert library.search('source:"local copy"').total == 1
        assert not library.rename_feed("https://nowhere.example/feed", "x")
