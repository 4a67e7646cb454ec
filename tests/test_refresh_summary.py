"""A refresh where nothing is new says so (QA 4 polish): "No new articles (2 feeds not
modified)." instead of "0 added, 0 updated, 0 unchanged, 0 duplicates, 0 failed"."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from index import Library
from index.model import AddReport, InputResult
from reader.cli import main
from reader.render import add_summary
from test_tui_feeds import _no_proxy, two_feeds_fixture  # noqa: F401 (fixtures)
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)


def test_the_summary_names_what_was_not_modified() -> None:
    quiet = InputResult("https://a.example/feed", kind="feed")
    same = InputResult("https://b.example/feed", kind="feed", unchanged=3)
    assert add_summary(AddReport((quiet, quiet))) == "No new articles (2 feeds not modified)."
    assert add_summary(AddReport((quiet, same))) == (
        "No new articles (3 unchanged, 1 feed not modified)."
    )
    # Anything new, a failure, or no quiet feed at all: the counts as before.
    new = InputResult("https://c.example/feed", kind="feed", added=1)
    assert add_summary(AddReport((quiet, new))).startswith("1 added, 0 updated")
    failed = InputResult("https://d.example/feed", kind="feed", failed=True, reason="404")
    # One feed failing does not hide the others (QA 5 polish): they are counted beside it.
    assert add_summary(AddReport((quiet, failed))).endswith("1 failed (1 feed not modified)")
    dump = InputResult("dump.txt", kind="text", unchanged=2)
    assert (
        add_summary(AddReport((dump,))) == "0 added, 0 updated, 2 unchanged, 0 duplicates, 0 failed"
    )
    empty = InputResult("https://e.example/feed", kind="feed", warnings=("no entries",))
    assert add_summary(AddReport((empty,))).startswith("0 added")


def test_dateline_refresh_when_every_feed_answers_304(
    two_feeds,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    library_path = two_feeds[0]
    assert main(["--library", str(library_path), "refresh"]) == 0
    assert capsys.readouterr().out.strip() == "No new articles (2 feeds not modified)."


@pytest.mark.anyio
async def test_the_readers_refresh_says_so_too(two_feeds) -> None:  # type: ignore[no-untyped-def]
    from reader.app import DatelineApp
    from reader.config import Config
    from test_tui_library import wait_for_job

    app = DatelineApp(two_feeds[0], config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        for _ in range(100):
            if app.screen.has_class("-job"):
                break
            await pilot.pause(0.05)
        await wait_for_job(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("No new articles (2 feeds not modified)." in m for m in messages), messages


def test_the_summary_counts_feeds_a_due_refresh_left_alone() -> None:
    """QA 5 polish: `refresh --due` said nothing of the feeds it skipped as not due."""
    quiet = InputResult("https://a.example/feed", kind="feed")
    later = InputResult("https://b.example/feed", kind="feed", not_due=True)
    failed = InputResult("https://d.example/feed", kind="feed", failed=True, reason="404")
    assert add_summary(AddReport((later, later))) == "No new articles (2 feeds not due yet)."
    assert add_summary(AddReport((quiet, later, later))) == (
        "No new articles (1 feed not modified, 2 not due yet)."
    )
    assert add_summary(AddReport((*[quiet] * 22, failed, later))) == (
        "0 added, 0 updated, 0 unchanged, 0 duplicates, 1 failed"
        " (22 feeds not modified, 1 not due yet)"
    )


def test_refresh_due_says_what_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from httpserver import Reply, conditional, serve

    item = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>{t}</title>{ttl}<item>'
        "<title>{t} opens</title><link>https://{t}.example/1</link><description>The {t} "
        "office opened on Monday, the town said.</description></item></channel></rss>"
    )
    lib = ["--library", str(tmp_path / "lib")]
    with serve() as server:
        slow = server.route(
            "/slow.rss",
            conditional(item.format(t="slow", ttl="<ttl>60</ttl>").encode(), etag='"s"'),
        )
        quick = server.route(
            "/quick.rss", conditional(item.format(t="quick", ttl="").encode(), etag='"q"')
        )
        for url in (slow, quick):
            assert main(["feeds", "add", url, *lib]) == 0
        assert main(["refresh", "--due", *lib]) == 0
        capsys.readouterr()
        with Library.open(tmp_path / "lib") as library:
            fetched = {f.url: f.last_fetched for f in library.feeds()}
        time.sleep(1.1)  # fetch times are stored to the second
        assert main(["refresh", "--due", *lib]) == 0
        out = capsys.readouterr().out.strip()
        assert out == "No new articles (1 feed not modified, 1 not due yet)."
        with Library.open(tmp_path / "lib") as library:  # not fetched: not marked fetched
            assert {f.url: f.last_fetched for f in library.feeds()}[slow] == fetched[slow]
        server.route("/quick.rss", Reply(status=404))
        assert main(["refresh", "--due", *lib]) == 1
        out = capsys.readouterr().out.strip()
        assert out == "0 added, 0 updated, 0 unchanged, 0 duplicates, 1 failed (1 feed not due yet)"


def test_a_scheduled_refresh_that_brings_nothing_stays_quiet() -> None:
    from reader.rooms.jobs import nothing_new, report_summary

    quiet = InputResult("https://a.example/feed", kind="feed")
    new = InputResult("https://c.example/feed", kind="feed", added=1)
    empty = InputResult("https://e.example/feed", kind="feed", warnings=("no entries",))
    assert nothing_new(report_summary(AddReport((quiet, quiet))))  # "No new articles (…)."
    assert nothing_new(report_summary(AddReport((empty,))))  # "0 added, …" and a warning
    assert not nothing_new(report_summary(AddReport((quiet, new))))
