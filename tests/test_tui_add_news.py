"""Add news from the TUI (issue 9): the dialog, the background job, progress and summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from reader.app import DatelineApp
from reader.config import Config
from reader.screens.add_news import AddNewsScreen, parse_inputs
from reader.widgets.article_list import ArticleList
from tui_fixtures import (
    SIZES,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    wait_for_workers,
)

pytestmark = pytest.mark.anyio

FERRY = {
    "title": "Tromso harbour ferry back in service after engine repairs",
    "body": (
        "The harbour ferry of Tromso returned to service on Thursday after three weeks of "
        "engine repairs.\n\nSkipper Ingrid Halvorsen said the first crossing carried forty "
        'passengers. "The fjord was calm and everyone was on time," Halvorsen said.'
    ),
    "url": "https://arcticpost.example/tromso-ferry-returns",
    "published": "2025-03-05T08:00:00+00:00",
    "source": "Arctic Post",
}


def test_parse_inputs_is_shell_like(tmp_path: Path) -> None:
    got = parse_inputs('"my news/a.txt" b.xml https://example.org/feed ~/x', cwd=str(tmp_path))
    assert got[0] == str(tmp_path / "my news" / "a.txt")
    assert got[1] == str(tmp_path / "b.xml")
    assert got[2] == "https://example.org/feed"
    assert got[3] == str(Path("~/x").expanduser())
    with pytest.raises(ValueError):
        parse_inputs('"unclosed')


async def test_add_news_runs_in_the_background_and_reports(
    tui_library_path: Path, tmp_path: Path
) -> None:
    news = tmp_path / "ferry.jsonl"
    news.write_text(json.dumps(FERRY) + "\n", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ArticleList).row_count == 5
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, AddNewsScreen)
        app.screen.query_one(Input).value = f"{news} {missing}"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.has_class("-job")  # progress line while the child works
        for _ in range(3):
            await wait_for_workers(app)
            await settle(pilot)
        assert not app.screen.has_class("-job")
        titles = [row.article.title for row in app.screen.query_one(ArticleList)._visible()]
        assert FERRY["title"] in titles and len(titles) == 6
        messages = [str(n.message) for n in app._notifications]
        summary = next(m for m in messages if "added" in m)
        assert "1 added" in summary and "1 failed" in summary
        assert "nowhere.txt" in summary  # the failed input is named, with its reason


async def test_add_news_reports_warnings_too(tui_library_path: Path, tmp_path: Path) -> None:
    """A line that is not JSON is skipped and the rest kept: `dateline add` warns, and so
    does the reader's toast (QA 5, item 21: it listed failures only)."""
    news = tmp_path / "ferry.jsonl"
    news.write_text(json.dumps(FERRY) + "\n{not json\n", encoding="utf-8")
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("plus")
        await pilot.pause()
        app.screen.query_one(Input).value = str(news)
        await pilot.press("enter")
        for _ in range(3):
            await wait_for_workers(app)
            await settle(pilot)
        summary = next(n for n in app._notifications if "added" in str(n.message))
        text = str(summary.message)
        assert "1 added" in text
        assert "⚠" in text and "ferry.jsonl" in text and "not valid JSON" in text, text
        assert summary.severity == "warning"


@pytest.mark.parametrize("size", SIZES)
async def test_add_news_from_the_palette_and_cancel(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"add news")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddNewsScreen)
        await pilot.press("enter")  # nothing typed: says so, stays open
        await pilot.pause()
        assert isinstance(app.screen, AddNewsScreen)
        assert "at least one" in str(app.screen.query_one("#add-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AddNewsScreen)
        assert not app.screen.has_class("-job")


def test_add_news_dialog_snapshot(snap_compare, tui_library_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("plus")
        await pilot.pause()
        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.pause()

    app = DatelineApp(tui_library_path, config=Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_dialog)


async def test_job_progress_naming_a_path_with_brackets_is_text(
    tui_library_path: Path, tmp_path: Path
) -> None:
    """Progress names the input being read; "[/]" in a path is text, never markup
    (a "[/]" in a feed URL used to crash the reader on every refresh)."""
    folder = tmp_path / "odd["
    folder.mkdir()
    news = folder / "].jsonl"  # the path reads ".../odd[/].jsonl": a closing tag, unopened
    news.write_text(json.dumps(FERRY) + "\n", encoding="utf-8")
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("plus")
        await pilot.pause()
        app.screen.query_one(Input).value = f"'{news}'"
        await pilot.press("enter")
        for _ in range(3):
            await wait_for_workers(app)
            await settle(pilot)
        assert app.is_running
        titles = [row.article.title for row in app.screen.query_one(ArticleList)._visible()]
        assert FERRY["title"] in titles
