"""A refresh where nothing is new says so (QA 4 polish): "No new articles (2 feeds not
modified)." instead of "0 added, 0 updated, 0 unchanged, 0 duplicates, 0 failed"."""

from __future__ import annotations

import pytest

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
    assert add_summary(AddReport((quiet, failed))).endswith("1 failed")
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
