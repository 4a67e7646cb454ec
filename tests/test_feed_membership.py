"""An article carried by two subscriptions belongs to both (QA pass 5, finding 1).

A site's "All" feed and its "Politics" feed (filed in an OPML folder) carry the same story;
whichever is fetched first stores it, and the other must still count it, find it with `feed:`
and tag it, in either order. Feeds are local files (`file://` subscriptions, read like a URL)
and one is served over HTTP on 127.0.0.1 (tests/httpserver.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from httpserver import Reply, serve
from index import Library

BUDGET = (
    "Budget passes in Vellmar",
    "The council of Vellmar passed the budget on Tuesday after a night of talks, mayor Edda "
    "Marquardt said.",
)
FOOTBALL = (
    "Vellmar Rovers draw at home",
    "The Rovers drew one all with Kasselbrook on Saturday in front of four thousand fans.",
)


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate><description>{text}</description></item>"
        for t, text, link in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def _site(folder: Path, all_name: str, politics_name: str) -> tuple[str, str]:
    """Two local feeds of one site: everything, and politics only (the budget story again,
    its link with a tracking parameter)."""
    everything = folder / all_name
    everything.write_text(
        rss(
            "Site All",
            [
                (*BUDGET, "http://site.test/a/1"),
                (*FOOTBALL, "http://site.test/a/2"),
            ],
        )
    )
    politics = folder / politics_name
    politics.write_text(
        rss("Site Politics", [(*BUDGET, "http://site.test/a/1?utm_source=politics")])
    )
    return everything.resolve().as_uri(), politics.resolve().as_uri()


def _counts(library: Library) -> dict[str, tuple[int, int]]:
    return {c.feed.url: (c.total, c.unread) for c in library.feed_counts()}


@pytest.mark.parametrize(
    "names", [("a-all.xml", "b-politics.xml"), ("b-all.xml", "a-politics.xml")]
)
def test_a_story_two_feeds_carry_counts_filters_and_tags_in_both(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    """Whichever feed is refreshed first (feeds are fetched in URL order), the story is in
    both: counted, found by `feed:` and by the second feed's folder tag."""
    everything, politics = _site(tmp_path, *names)
    with Library.open(tmp_path / "lib") as library:
        library.subscribe(everything)
        library.subscribe(politics, tags=["Politics"])
        report = library.refresh()
        assert report.added == 2 and not report.failures  # the second copy: stored once
        assert _counts(library) == {everything: (2, 2), politics: (1, 1)}
        found = library.search("feed:" + json.dumps(politics))
        assert [a.title for a in [h.article for h in found.hits]] == [BUDGET[0]]
        assert library.search("feed:" + json.dumps(everything)).total == 2
        assert [h.article.title for h in library.search("tag:politics").hits] == [BUDGET[0]]
        assert {t.tag: t.total for t in library.tag_counts()} == {"politics": 1}
        # Read in one feed, read in the other: one article.
        library.set_read(found.hits[0].article.id, True)
        assert _counts(library) == {everything: (2, 1), politics: (1, 0)}
        # A refresh that reads both again links nothing twice.
        for path in (tmp_path / names[0], tmp_path / names[1]):
            os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
        again = library.refresh()
        assert (again.added, again.updated, again.unchanged + again.duplicates) == (0, 0, 3)
        assert _counts(library) == {everything: (2, 1), politics: (1, 0)}


def test_unsubscribing_one_feed_keeps_what_the_other_carries(tmp_path: Path) -> None:
    everything, politics = _site(tmp_path, "all.xml", "politics.xml")
    with Library.open(tmp_path / "lib") as library:
        library.subscribe(everything)
        library.subscribe(politics, tags=["politics"])
        library.refresh()
        assert library.remove_feed(everything)
        assert _counts(library) == {politics: (1, 1)}
        assert library.search("feed:" + json.dumps(politics)).total == 1
        assert library.search("tag:politics").total == 1
        assert library.search("").total == 2  # nothing is deleted with a subscription


def test_the_same_text_from_a_local_feed_and_an_http_feed_is_in_both(tmp_path: Path) -> None:
    """No shared link at all: the local copy has none, its text is the served entry's."""
    local = tmp_path / "desk.xml"
    local.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk copy</title>'
        f"<item><title>{BUDGET[0]}</title><description>{BUDGET[1]}</description></item>"
        "</channel></rss>"
    )
    with serve() as server:
        url = server.route(
            "/wire.rss",
            Reply(body=rss("Wire", [(*BUDGET, server.url("/s/budget"))]).encode()),
        )
        with Library.open(tmp_path / "lib") as library:
            library.add_feed(url)
            desk = library.subscribe(str(local), tags=["desk"]).url
            report = library.refresh()
            assert report.added == 1 and report.duplicates == 1
            assert _counts(library) == {url: (1, 1), desk: (1, 1)}
            assert library.search("feed:" + json.dumps(desk)).total == 1
            assert library.search("tag:desk").total == 1


def test_an_update_from_the_second_feed_keeps_the_story_in_the_first(tmp_path: Path) -> None:
    """The Politics feed brings a corrected text: the article is updated, still belongs to
    All (its first source keeps naming it), and keeps both feeds' tags."""
    everything, politics = _site(tmp_path, "all.xml", "politics.xml")
    with Library.open(tmp_path / "lib") as library:
        library.subscribe(everything, tags=["site"])
        library.subscribe(politics, tags=["politics"])
        library.refresh()
        path = tmp_path / "politics.xml"
        corrected = (BUDGET[0], BUDGET[1] + " The vote was nine to four.")
        path.write_text(
            rss("Site Politics", [(*corrected, "http://site.test/a/1?utm_source=politics")])
        )
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
        assert library.refresh().updated == 1
        assert _counts(library) == {everything: (2, 2), politics: (1, 1)}
        [story] = [h.article for h in library.search("tag:politics").hits]
        assert story.source == "Site All"
        assert library.search("tag:site").total == 2


def test_a_library_from_before_the_links_reads_every_feed_whole_once(tmp_path: Path) -> None:
    """Opened by this version, an older library's feeds lose their validators once, so the
    next refresh reads each feed whole and links the stories its second feeds carry."""
    everything, politics = _site(tmp_path, "all.xml", "politics.xml")
    with Library.open(tmp_path / "lib") as library:
        library.subscribe(everything)
        library.subscribe(politics)
        library.refresh()
    db = tmp_path / "lib" / "library.sqlite"
    with sqlite3.connect(db) as conn:  # as an older Dateline left it
        conn.execute("DROP TABLE article_feeds")
    with Library.open(tmp_path / "lib") as library:
        assert all(f.last_modified is None and f.etag is None for f in library.feeds())
        assert library.search("feed:" + json.dumps(politics)).total == 0  # not yet linked
        library.refresh()
        assert _counts(library) == {everything: (2, 2), politics: (1, 1)}
    with Library.open(tmp_path / "lib") as library:  # once only
        assert all(f.last_modified for f in library.feeds())


def test_feeds_are_listed_in_natural_order(tmp_path: Path) -> None:
    """QA 5 polish: "Small feed 1, 10, 11 … 19, 2" is read "1, 2, … 10, 11"."""
    with Library.open(tmp_path / "lib") as library:
        for n in (10, 2, 1, 11):
            library.add_feed(f"https://small.example/{n}.rss", title=f"Small feed {n}")
        library.add_feed(
            "https://alpha.example/rss", title="alpha desk", tags=["Week 10", "week 9"]
        )
        titles = [c.feed.title for c in library.feed_counts()]
        assert titles == [
            "alpha desk", "Small feed 1", "Small feed 2", "Small feed 10", "Small feed 11"
        ]  # fmt: skip
        assert [t.tag for t in library.tag_counts()] == ["week 9", "week 10"]
