"""Dates far ahead of the time an input was read are not believed (QA pass 5, finding 3).

An entry dated 400 days ahead sat on top of "newest first" for a year and stretched every
entity timeline to its date. It is dated when its feed was read instead, and the report says
what the feed claimed; a few hours ahead (clock skew) stays. Feeds are served by a real HTTP
server on 127.0.0.1 (tests/httpserver.py).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from httpserver import Reply, serve
from index import Library
from index.model import ParsedInput, RawArticle
from index.sources import parse_bytes
from index.sources.future import clamp_future


def _item(title: str, text: str, slug: str, when: datetime) -> str:
    return (
        f"<item><title>{title}</title><link>https://tidewater.example/{slug}</link>"
        f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate>"
        f"<description>{text}</description></item>"
    )


def test_a_feed_entry_dated_next_year_is_dated_when_it_was_fetched(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    items = "".join(
        (
            _item("Lighthouse keeper's log goes online", "The Tidewater museum scanned forty "
                  "years of the lighthouse log, curator Maren Holt said.", "log",
                  now + timedelta(days=400)),
            _item("Ferry runs late after the storm", "The morning ferry to Sandvik ran two hours "
                  "late after the storm, the operator said.", "ferry", now + timedelta(hours=3)),
            _item("Harbour dues rise in spring", "Harbour dues in Tidewater rise by four percent "
                  "in spring, harbour master Oskar Lind said.", "dues", now - timedelta(days=2)),
        )
    )  # fmt: skip
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tidewater</title>{items}</channel></rss>'
    with serve() as server, Library.open(tmp_path / "lib") as library:
        url = server.route("/tide.rss", Reply(body=feed.encode()))
        library.add_feed(url)
        before = datetime.now(UTC).replace(microsecond=0)
        report = library.refresh()
        after = datetime.now(UTC)
        assert report.added == 3
        [result] = report.results
        ahead = (now + timedelta(days=400)).date().isoformat()
        assert any(f"1 article dated {ahead}, ahead of when it was read" in w
                   for w in result.warnings), result.warnings  # fmt: skip
        newest = list(library.newest(3))
        dates = {a.title: a.published for a in newest}
        log = dates["Lighthouse keeper's log goes online"]
        assert log is not None and before <= log <= after  # dated when fetched
        skewed = dates["Ferry runs late after the storm"]
        assert skewed is not None and skewed > after  # a few hours ahead: kept
        # Newest first no longer puts the year-ahead entry on top.
        assert newest[0].title == "Ferry runs late after the storm"


def test_every_format_that_reads_dates_is_clamped() -> None:
    ahead = (datetime.now(UTC) + timedelta(days=3650)).isoformat()
    line = {"title": "Canal festival announced", "body": "Utrecht announced a canal festival.",
            "published": ahead}  # fmt: skip
    parsed = parse_bytes(json.dumps(line).encode() + b"\n", "festival.jsonl")
    [article] = parsed.articles
    assert article.published is not None
    assert article.published <= datetime.now(UTC)
    assert any("ahead of when it was read" in w for w in parsed.warnings)
    page = (
        "<html><head><title>Harbour reopens</title>"
        f'<meta property="article:published_time" content="{ahead}">'
        "</head><body><article><h1>Harbour reopens</h1>"
        "<p>The harbour at Tartus reopened to fishing boats on Thursday after divers cleared "
        "two wrecks from the channel, port director Walid Sabbagh said.</p>"
        "<p>Sabbagh said the first catch would reach the market in Latakia by the weekend.</p>"
        "</article></body></html>"
    )
    [article] = parse_bytes(page.encode(), "harbour.html").articles
    assert article.published is not None and article.published <= datetime.now(UTC)


def test_clamp_counts_several_and_names_the_latest() -> None:
    read_at = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
    articles = tuple(
        RawArticle(title=f"t{i}", body="b", published=when)
        for i, when in enumerate(
            (
                datetime(2028, 1, 3, tzinfo=UTC),
                datetime(2027, 5, 1, tzinfo=UTC),
                read_at + timedelta(hours=23),  # inside the tolerance
                None,
            )
        )
    )
    got = clamp_future(ParsedInput("x.jsonl", "jsonl", articles), read_at)
    assert [a.published for a in got.articles] == [
        read_at,
        read_at,
        read_at + timedelta(hours=23),
        None,
    ]
    assert got.warnings == (
        "2 articles dated as late as 2028-01-03, ahead of when they were read: dated 2026-11-30"
        " instead",
    )


def test_a_library_that_stored_a_date_ahead_is_mended_when_it_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored before dates were checked: dated when first seen, the pages and the index's
    date following, the next time the library opens."""
    import index.sources.future

    items = tmp_path / "items.jsonl"
    items.write_text(
        json.dumps({"title": "Tidewater ferry timetable", "body": "The Tidewater ferry keeps "
                    "its winter timetable, harbour master Oskar Lind said.",
                    "published": "2028-01-03T08:00:00+00:00"}) + "\n"
    )  # fmt: skip
    with monkeypatch.context() as older:  # as a Dateline that believed every date stored it
        older.setattr(index.sources.future, "clamp_future", lambda parsed: parsed)
        with Library.open(tmp_path / "lib") as library:
            assert library.add([str(items)]).added == 1
            [article] = list(library.newest(1))
            assert article.published == datetime(2028, 1, 3, 8, tzinfo=UTC)
            assert library.entity_page("Oskar Lind").last == "2028-01-03"
    with Library.open(tmp_path / "lib") as library:
        [mended] = list(library.newest(1))
        assert mended.published == article.seen
        assert library.search("date:2028").total == 0
        assert library.search("date:" + mended.published.date().isoformat()).total == 1
        page = library.entity_page("Oskar Lind")
        assert page.first == page.last == mended.published.date().isoformat()
