"""The feeds and tags view (issue 9): unread counts, feed:/tag: chips that stack, subscribe,
unsubscribe, rename, tag — against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Input

from httpserver import Reply, conditional, redirect, serve
from index import Library
from reader.app import DatelineApp
from reader.config import Config
from reader.screens.feed_lines import ERROR_STYLE, WARNING_STYLE
from reader.screens.feeds import FeedList, FeedsScreen
from reader.screens.main import MainScreen
from reader.screens.prompt import PromptScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.filter_chips import FilterChips
from tui_fixtures import SIZES, anyio_backend_fixture, settle, wait_for_workers  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio


def rss(title: str, *items: tuple[str, str, str, str]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>https://{title.lower()}.example/{slug}</link>"
        f"<pubDate>{date}</pubDate><description>{body}</description></item>"
        for t, slug, date, body in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://{title.lower()}.example/</link>{body}</channel></rss>"
    ).encode()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(name="two_feeds")
def two_feeds_fixture(tmp_path: Path):  # type: ignore[no-untyped-def]
    with serve() as server:
        alpine = server.route("/alpine.rss", conditional(rss(
            "Alpine",
            ("Avalanche warning raised in Chamonix valley", "chamonix", "Mon, 09 Nov 2026 08:00:00 GMT",
             "Guides in Chamonix raised the avalanche warning to four after two nights of wind."),
            ("Zermatt rail line reopens after snowfall", "zermatt", "Tue, 10 Nov 2026 08:00:00 GMT",
             "Trains to Zermatt ran again on Tuesday once ploughs had cleared the track."),
        ), etag='"a"'))  # fmt: skip
        harbour = server.route("/harbour.rss", conditional(rss(
            "Harbour",
            ("Antwerp container volumes climb again", "antwerp", "Wed, 11 Nov 2026 08:00:00 GMT",
             "The port of Antwerp handled more boxes in October than a year before, it said."),
        ), etag='"h"'))  # fmt: skip
        with Library.open(tmp_path / "lib") as library:
            report = library.add([alpine, harbour])
            assert report.added == 3, report.summary()
            library.tag_feed(alpine, ["mountains"])
        yield tmp_path / "lib", alpine, harbour, server


def rows(app: DatelineApp) -> list[str]:
    return [row.article.title for row in app.screen.query_one(ArticleList)._visible()]


async def open_feeds(pilot) -> FeedsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("F")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FeedsScreen)
    return screen


def feed_prompts(screen):  # type: ignore[no-untyped-def]
    """Each feed's row as the view draws it, by the feed's URL."""
    return {
        c.value: o.prompt
        for c, o in zip(screen._choices, screen.query_one(FeedList)._options, strict=True)
        if c is not None and c.kind == "feed"
    }


async def move_to(pilot, screen: FeedsScreen, kind: str, value: str) -> None:  # type: ignore[no-untyped-def]
    listing = screen.query_one(FeedList)
    for index, choice in enumerate(screen._choices):
        if choice is not None and choice.kind == kind and choice.value == value:
            listing.highlighted = index
            await pilot.pause()
            return
    raise AssertionError((kind, value, screen._choices))


@pytest.mark.parametrize("size", SIZES)
async def test_feeds_view_counts_and_filters_with_stacking_chips(two_feeds, size) -> None:  # type: ignore[no-untyped-def]
    library_path, alpine, _, _ = two_feeds
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert len(rows(app)) == 3
        screen = await open_feeds(pilot)
        text = "\n".join(str(o.prompt) for o in screen.query_one(FeedList)._options)
        assert "    2 Alpine  #mountains" in text and "    1 Harbour" in text
        assert "    2 #mountains" in text
        await move_to(pilot, screen, "feed", alpine)
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert sorted(rows(app)) == [
            "Avalanche warning raised in Chamonix valley",
            "Zermatt rail line reopens after snowfall",
        ]
        assert "feed: Alpine" in str(main.query_one(FilterChips).render())
        # The chip stacks with typed words.
        await pilot.press("slash", *"zermatt", "enter")
        await pilot.pause(0.5)
        await settle(pilot)
        assert rows(app) == ["Zermatt rail line reopens after snowfall"]
        # A tag chip stacks too; backspace drops the last chip.
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "tag", "mountains")
        await pilot.press("enter")
        await settle(pilot)
        assert [s[0] for s in main.scopes] == ["feed", "tag"]
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert main.scopes == ()
        # Reading an article lowers the unread count the view shows.
        await pilot.press("escape")
        main.apply_query(type(main.search_query)())
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = await open_feeds(pilot)
        text = "\n".join(str(o.prompt) for o in screen.query_one(FeedList)._options)
        assert "    0 Harbour" in text


async def test_subscribe_rename_tag_and_unsubscribe(two_feeds) -> None:  # type: ignore[no-untyped-def]
    library_path, alpine, harbour, server = two_feeds
    extra = server.route("/extra.rss", conditional(rss("Extra"), etag='"e"'))
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)

        async def answer(key: str, text: str) -> None:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one(Input).value = text
            await pilot.press("enter")
            await settle(pilot)

        await answer("a", "ftp://nope.example/feed")
        # Refused: the dialog stays open and says why (tests/test_tui_feeds_follow.py).
        assert "Not subscribed" in str(app.screen.query_one("#add-error").render())
        await pilot.press("escape")
        await answer("a", extra)
        await move_to(pilot, screen, "feed", harbour)
        await answer("R", "Port news")
        await move_to(pilot, screen, "feed", harbour)
        await answer("t", "shipping, belgium")
        await move_to(pilot, screen, "feed", alpine)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with Library.open(library_path) as library:
                feeds = {f.url: f for f in library.feeds()}
                # QA 5: the rename reaches search (indexed again in a child process).
                renamed = library.search("source:port").total
            if alpine not in feeds and renamed:
                break
            await pilot.pause(0.2)
    assert set(feeds) == {harbour, extra}
    assert feeds[harbour].title == "Port news"
    assert feeds[harbour].tags == ("belgium", "shipping")
    with Library.open(library_path) as library:
        assert library.search("tag:shipping").total == 1
        assert [h.article.source for h in library.search("source:port").hits] == ["Port news"]


def test_feeds_view_snapshot(snap_compare, two_feeds) -> None:  # type: ignore[no-untyped-def]
    library_path = two_feeds[0]

    async def open_view(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)

    app = DatelineApp(library_path, config=Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_view)


def test_feed_chip_snapshot(snap_compare, two_feeds) -> None:  # type: ignore[no-untyped-def]
    library_path, alpine = two_feeds[0], two_feeds[1]

    async def choose_alpine(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.screen.query_one(Input).cursor_blink = False
        await settle(pilot)
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "feed", alpine)
        await pilot.press("enter")
        await settle(pilot)

    app = DatelineApp(library_path, config=Config())
    assert snap_compare(app, terminal_size=(120, 40), run_before=choose_alpine)


@pytest.mark.parametrize("size", SIZES)
async def test_feed_errors_show_under_the_feed(two_feeds, size) -> None:  # type: ignore[no-untyped-def]
    library_path, alpine, harbour, server = two_feeds
    words = (
        "The mountain desk has moved to a new address, and this page now tells readers where"
        " the reports from Chamonix and Zermatt can be found from the start of the season."
    )
    page = (
        "<!doctype html><html><head><title>We have moved</title></head><body><article>"
        + f"<p>{words}</p>" * 6
        + "</article></body></html>"
    ).encode()
    server.route("/alpine.rss", Reply(body=page, headers={"Content-Type": "text/html"}))
    server.route("/harbour.rss", redirect("data:text/html,hello"))
    with Library.open(library_path) as library:
        library.rename_feed(alpine, "Alpine desk with a very long name that fills the whole row")
        assert library.refresh().failures
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        prompts = feed_prompts(screen)
        for url, reason in (
            (alpine, "the feed URL now serves a web page, not a feed"),
            (harbour, "redirected to a non-http(s) URL (data:)"),
        ):
            prompt = prompts[url]
            assert isinstance(prompt, Text)
            name, error = prompt.plain.split("\n")
            assert reason not in name  # its own line: a long title cannot push it off screen
            assert error.strip() == f"✗ last refresh failed: {reason}"
            start = prompt.plain.index("✗")
            assert any(
                span.start <= start < span.end and str(span.style) == ERROR_STYLE
                for span in prompt.spans
            )


async def test_an_ill_formed_feed_read_in_part_is_a_warning_not_a_failure(two_feeds) -> None:  # type: ignore[no-untyped-def]
    """Its readable entries were kept: the line says what is wrong with the feed (QA 4), in
    the warning style; a feed whose refresh failed still says it failed."""
    library_path, alpine, harbour, server = two_feeds
    whole = rss("Alpine", (
        "Avalanche warning raised in Chamonix valley", "chamonix", "Mon, 09 Nov 2026 08:00:00 GMT",
        "Guides in Chamonix raised the avalanche warning to four after two nights of wind."),
    )  # fmt: skip
    cut = whole[: whole.index(b"</channel>")] + b"<item><title>Half a sto"
    server.route("/alpine.rss", Reply(body=cut))
    server.route("/harbour.rss", Reply(status=503, body=b"busy"))
    with Library.open(library_path) as library:
        library.refresh()
        feeds = {f.url: f for f in library.feeds()}
    assert feeds[alpine].read_in_part and not feeds[harbour].read_in_part
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        prompts = feed_prompts(screen)
        warned = prompts[alpine]
        assert isinstance(warned, Text)
        line = warned.plain.split("\n")[1].strip()
        assert line.startswith("⚠ ill-formed feed: ") and "kept 1 entry" in line, line
        assert "failed" not in warned.plain
        assert any(str(span.style) == WARNING_STYLE for span in warned.spans)
        assert "✗ last refresh failed: HTTP 503" in str(prompts[harbour])


async def test_two_subscriptions_of_one_title_show_where_they_come_from(two_feeds, tmp_path):  # type: ignore[no-untyped-def]
    """QA 4: a file:// and an http:// copy of one feed looked identical in the view. A dim
    hint of the URL tells them apart, only when titles collide; it fits an 80-column row."""
    library_path, alpine, harbour, _ = two_feeds
    copy = tmp_path / "mirror" / "alpine.rss"
    copy.parent.mkdir()
    copy.write_bytes(rss("Alpine"))
    with Library.open(library_path) as library:
        local = library.subscribe(str(copy), title="Alpine").url
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        prompts = feed_prompts(screen)
        web, disk = str(prompts[alpine]), str(prompts[local])
        assert "Alpine  127.0.0.1:" in web and "/alpine.rss" in web, web
        assert "Alpine  file …/mirror/alpine.rss" in disk, disk
        assert str(prompts[harbour]).rstrip() == "    1 Harbour"  # its title is its own
        lines = [line for p in prompts.values() for line in str(p).split("\n")]
        assert all(len(line) <= 76 for line in lines), lines


async def test_a_hostile_feed_error_is_plain_text(two_feeds) -> None:  # type: ignore[no-untyped-def]
    library_path, alpine, _, _ = two_feeds
    with Library.open(library_path) as library:
        store = library._conn
        store.execute(
            "UPDATE feeds SET last_error = ? WHERE url = ?",
            ("HTTP 599 [bold red]pwned[/]\x1b[2J\x1b]0;title\x07 now", alpine),
        )
        store.commit()
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        text = "\n".join(str(o.prompt) for o in screen.query_one(FeedList)._options)
        assert "✗ last refresh failed: HTTP 599 [bold red]pwned[/]" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_a_saved_search_keeps_its_feed_chip(two_feeds) -> None:  # type: ignore[no-untyped-def]
    """ctrl+s saves what the list shows: the feed: chip is part of the saved search."""
    from index import Library
    from reader.state import SAVED_SEARCHES, describe, load_saved

    library_path, alpine, _, _ = two_feeds
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "feed", alpine)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # under the name offered: the query
        await settle(pilot)
        await wait_for_workers(app)
    with Library.open(library_path) as library:
        (saved,) = load_saved(library.get_state(SAVED_SEARCHES))
        result = library.search(describe(saved.query))
    assert sorted(h.article.title for h in result.hits) == [
        "Avalanche warning raised in Chamonix valley",
        "Zermatt rail line reopens after snowfall",
    ]
