"""Scheduled refresh (issue 9): subscriptions refresh on their own while the reader runs, with
conditional GET, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from httpserver import conditional, serve
from index import Library
from reader.app import DatelineApp
from reader.config import Config
from reader.widgets.article_list import ArticleList
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

FIRST = """<item><title>Gdansk shipyard launches its first ferry in a decade</title>
<link>https://balticnotes.example/gdansk-ferry</link><pubDate>Mon, 09 Nov 2026 08:00:00 GMT</pubDate>
<description>The Gdansk shipyard launched a passenger ferry on Monday, its first in ten years,
yard director Tomasz Wrona said at the ceremony.</description></item>"""
SECOND = """<item><title>Riga port opens a new grain terminal</title>
<link>https://balticnotes.example/riga-grain</link><pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate>
<description>A grain terminal opened at the port of Riga on Tuesday. Port manager Liga Ozola
said it would handle two million tonnes a year.</description></item>"""


def rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Notes</title>'
        "<link>https://balticnotes.example/</link>" + "".join(items) + "</channel></rss>"
    ).encode()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


async def wait_for_rows(pilot, count: int, timeout: float = 90) -> None:  # type: ignore[no-untyped-def]
    articles = pilot.app.screen.query_one(ArticleList)
    deadline = time.monotonic() + timeout
    while articles.row_count < count and time.monotonic() < deadline:
        await pilot.pause(0.25)
    await settle(pilot)


@pytest.mark.parametrize("size", ((80, 24), (160, 50)))
async def test_subscriptions_refresh_on_a_schedule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # One "minute" of the schedule lasts 1.5 s here.
    monkeypatch.setattr("reader.rooms.schedule.MINUTE", 1.5)
    with serve() as server:
        url = server.route("/baltic.rss", conditional(rss(FIRST), etag='"v1"'))
        with Library.open(tmp_path / "lib") as library:
            library.add_feed(url)  # subscribing fetches nothing
            assert library.stats()["articles"] == 0 and server.requests == []
        app = DatelineApp(tmp_path / "lib", config=Config(refresh_minutes=1))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            articles = app.screen.query_one(ArticleList)
            await wait_for_rows(pilot, 1)  # no key pressed: the schedule fetched the feed
            assert articles.row_count == 1
            fetched = len(server.requests)
            # The feed changes on the server; the next scheduled refresh brings the new item.
            server.route("/baltic.rss", conditional(rss(FIRST, SECOND), etag='"v2"'))
            await wait_for_rows(pilot, 2)
            assert articles.row_count == 2
            titles = {row.article.title for row in articles._visible()}
            assert "Riga port opens a new grain terminal" in titles
            # Every scheduled request after the first is conditional.
            later = server.requests[fetched:]
            assert later and all(r.headers.get("if-none-match") for r in later)


async def test_the_schedule_can_be_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.rooms.schedule.MINUTE", 0.2)
    with serve() as server:
        url = server.route("/baltic.rss", conditional(rss(FIRST), etag='"v1"'))
        with Library.open(tmp_path / "lib") as library:
            library.add_feed(url)
        app = DatelineApp(tmp_path / "lib", config=Config(refresh_minutes=0))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.pause(1.5)
            await settle(pilot)
            assert server.requests == []
