"""The feeds view checks what it subscribes to as `dateline feeds add` does, opens the tag
dialog with the feed's tags, shows tags in one case, and follows changes another process makes
to the subscriptions — against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from httpserver import Reply, conditional
from index import Library
from reader.app import DatelineApp
from reader.config import Config
from reader.screens.feeds import FeedList, FeedsScreen
from reader.screens.subscribe import SubscribeScreen
from test_tui_feeds import _no_proxy, move_to, open_feeds, rss, two_feeds_fixture  # noqa: F401
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio


def listing(screen: FeedsScreen) -> str:
    return "\n".join(str(o.prompt) for o in screen.query_one(FeedList)._options)


async def until(pilot, done) -> None:  # type: ignore[no-untyped-def]
    """Wait (at most 15 s, a bound for a slow machine, not a timing check) until `done()`."""
    deadline = time.monotonic() + 15
    while not done() and time.monotonic() < deadline:
        await pilot.pause(0.1)
    assert done()


async def test_subscribe_refuses_what_is_no_feed_and_says_why_in_the_dialog(two_feeds) -> None:  # type: ignore[no-untyped-def]
    library_path, _, _, server = two_feeds
    page = server.route(
        "/notafeed.html",
        Reply(
            body=b"<!doctype html><html><head><title>Quay news</title></head><body><p>"
            + b"The ferry timetable for the winter season is pinned by the quay. " * 20
            + b"</p></body></html>",
            headers={"Content-Type": "text/html"},
        ),
    )
    binary = server.route(
        "/blob.bin",
        Reply(body=bytes(range(256)) * 64, headers={"Content-Type": "application/octet-stream"}),
    )
    missing = server.url("/gone.rss")
    quay = server.route("/quay.rss", conditional(rss("Quay"), etag='"q"'))
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SubscribeScreen)
        for target, reason in (
            (page, "web page"),
            (missing, "404"),
            (binary, "binary"),
        ):
            dialog.query_one(Input).value = target
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is dialog  # still open, the address there to correct
            said = str(dialog.query_one("#add-error").render())
            assert said.startswith("Not subscribed:") and reason in said, said
        with Library.open(library_path) as library:
            assert len(library.feeds()) == 2  # nothing subscribed
        dialog.query_one(Input).value = quay
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "Quay" in listing(screen)
        assert "Subscribed to" in str(screen.query_one("#feeds-note").render())
    with Library.open(library_path) as library:
        feeds = {f.url: f for f in library.feeds()}
    assert set(feeds) == {two_feeds[1], two_feeds[2], quay}
    assert feeds[quay].title == "Quay"  # the feed's own name, as `dateline feeds add` sets it


async def test_the_tag_dialog_opens_with_the_tags_in_one_case(two_feeds) -> None:  # type: ignore[no-untyped-def]
    library_path, alpine, harbour, server = two_feeds
    with Library.open(library_path) as library:  # an OPML folder's tag keeps its capitals
        ferries = library.subscribe(server.url("/ferries.rss"), tags=("Ports", "World News"))
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        text = listing(screen)
        assert "#ports #world news" in text and "#Ports" not in text
        assert "    0 #ports" in text  # the Tags section spells it the same way
        await move_to(pilot, screen, "feed", ferries.url)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "ports, world news"
        await pilot.press("escape")
        await move_to(pilot, screen, "feed", alpine)
        await pilot.press("t")
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert box.value == "mountains"
        box.value += " snow"
        await pilot.press("enter")
        await settle(pilot)
    with Library.open(library_path) as library:
        feeds = {f.url: f for f in library.feeds()}
    assert feeds[alpine].tags == ("mountains", "snow")
    assert [t.lower() for t in feeds[ferries.url].tags] == ["ports", "world news"]
    assert feeds[harbour].tags == ()


def in_another_process(library_path: Path, *args: str) -> None:
    """`dateline ARGS` in a real second process, as in another shell; `-c CODE` runs CODE
    there with `library` open (for what the CLI has no command for: a rename)."""
    if args[0] == "-c":
        code = f"from index import Library\nwith Library.open({str(library_path)!r}) as library:\n"
        command = [sys.executable, "-c", code + f"    {args[1]}\n"]
    else:
        command = [sys.executable, "-m", "reader.cli", "--library", str(library_path), *args]
    done = subprocess.run(command, capture_output=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr  # 1: a refresh with a failed feed


async def test_the_view_follows_another_process(two_feeds) -> None:  # type: ignore[no-untyped-def]
    """Unsubscribe, subscribe, rename and refresh in another process: the view follows, with
    no poll of its own (the main screen's change watch reports the subscriptions)."""
    library_path, alpine, harbour, server = two_feeds
    quay = server.route("/quay.rss", conditional(rss("Quay"), etag='"q"'))
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "feed", harbour)
        assert "Harbour" in listing(screen)
        in_another_process(library_path, "feeds", "remove", alpine)
        await until(pilot, lambda: "Alpine" not in listing(screen))
        in_another_process(library_path, "-c", f"library.rename_feed({harbour!r}, 'Harbour desk')")
        await until(pilot, lambda: "Harbour desk" in listing(screen))
        in_another_process(library_path, "feeds", "add", quay)
        await until(pilot, lambda: "Quay" in listing(screen))
        # A refresh that brings no article but an error: only the feeds table moved.
        server.route("/harbour.rss", Reply(status=503, body=b"down for maintenance"))
        in_another_process(library_path, "refresh")
        await until(pilot, lambda: "✗ last refresh failed: HTTP 503" in listing(screen))
        current = screen._current()
        assert current is not None and current.value == harbour  # the cursor stayed on it


async def test_subscribing_to_an_ill_formed_feed_says_what_is_wrong(two_feeds) -> None:  # type: ignore[no-untyped-def]
    """Subscribed (as `dateline feeds add` does), but the dialog's answer warns that only part
    of the feed could be read, in the note and in a warning toast."""
    library_path, _, _, server = two_feeds
    item = ("Ferry resumes", "ferry", "Mon, 16 Nov 2026 08:00:00 GMT", "The ferry resumed.")
    whole = rss("Cutquay", item)
    cut = server.route("/cut.rss", Reply(body=whole[: whole.index(b"</channel>")] + b"<item><ti"))
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(Input).value = cut
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen and "Cutquay" in listing(screen))
        note = str(screen.query_one("#feeds-note").render())
        assert "Subscribed to" in note and "Warning: ill-formed feed" in note, note
        toasts = [n for n in app._notifications if n.severity == "warning"]
        assert any("ill-formed feed" in n.message for n in toasts), toasts
