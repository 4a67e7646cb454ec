"""The panes speak in domain messages, and hostile article text never reaches the terminal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.message import Message

from index.model import Article, ArticleSummary, Hit, Mention
from reader.app import DatelineApp
from reader.config import Config
from reader.render import body_text, plain
from reader.screens.main import MainScreen, web_link
from reader.widgets.article_list import ArticleList
from reader.widgets.entity_sidebar import EntityList, timeline_series
from reader.widgets.reader_view import ReaderView, Reading
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio

HOSTILE_TITLE = "Breaking \x1b[2J\x1b]0;pwned\x07[red]x[/red] news"


async def test_list_and_sidebar_post_domain_messages(tui_library_path: Path) -> None:
    seen: list[Message] = []
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(160, 50), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("e", "f")
        await settle(pilot)
    kinds = {type(message) for message in seen}
    assert ArticleList.Highlighted in kinds
    assert ArticleList.Chosen in kinds
    assert EntityList.Selected in kinds
    assert EntityList.Picked in kinds
    chosen = [m for m in seen if isinstance(m, ArticleList.Chosen)]
    assert chosen[0].article.title == "Valencia mayor Jordi Ferrer opens coastal tram line"


def summary(title: str, source: str = "Tagus [i]Daily[/i]") -> ArticleSummary:
    return ArticleSummary(
        id="a1",
        title=title,
        source=source,
        url="https://example.org/a1",
        published=datetime(2025, 2, 1, tzinfo=UTC),
        story="s1",
    )


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleList()


async def test_hostile_title_shows_no_escape_and_no_markup() -> None:
    app = ListApp()
    async with app.run_test(size=(100, 10)) as pilot:
        table = app.query_one(ArticleList)
        table.show_hits((Hit(summary(HOSTILE_TITLE), 1.0),), 1, offset=0)
        await pilot.pause()
        _marks, _date, source, title = table.get_row_at(0)
        assert title.plain == "Breaking [red]x[/red] news"
        assert source.plain.startswith("Tagus [i]")
        # The brackets are text: no span of the title is styled red by "markup".
        assert not any("red" in str(span.style) for span in title.spans)
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x07" not in svg
        assert "[red]x[/red]" in svg
        assert "pwned" not in svg


async def test_hostile_text_in_the_reader(tui_library_path: Path) -> None:
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        article = Article(
            **{**summary(HOSTILE_TITLE).__dict__},
            body="A sign read [bold]not bold[/bold] \x1b[31mred\x1b[0m.",
        )
        screen.reading = Reading(article)
        await pilot.pause()
        svg = app.export_screenshot()
        assert "\x1b" not in svg
        assert "[bold]not&#160;bold[/bold]" in svg
        assert "[red]x[/red]" in svg


def test_plain_strips_escapes_and_keeps_brackets() -> None:
    text = plain(HOSTILE_TITLE)
    assert text.plain == "Breaking [red]x[/red] news"
    assert text.spans == []


def test_body_text_colours_mentions_and_highlights() -> None:
    body = "Marta Solans spoke in Valencia about the strike."
    mentions = (
        Mention("Marta Solans", 0, 12, "person", "Marta Solans"),
        Mention("Valencia", 22, 30, "place", "Valencia"),
    )
    text = body_text(body, mentions=mentions, highlights=[(41, 47)])
    styled = {(span.start, span.end) for span in text.spans}
    assert styled == {(0, 12), (22, 30), (41, 47)}
    assert text.plain == body


def test_body_text_drops_styles_when_sanitizing_moves_offsets() -> None:
    body = "\x1b[2JMarta Solans"
    text = body_text(body, mentions=(Mention("Marta Solans", 4, 16, "person", "Marta Solans"),))
    assert text.plain == "Marta Solans"
    assert text.spans == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://example.org/a", "HTTP://example.org/a"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://exa mple.org", None),
        ("https://example.org/\x1b[2J", None),
        ("http://", None),
        (None, None),
    ],
)
def test_only_web_links_are_opened(url: str | None, expected: str | None) -> None:
    assert web_link(url) == expected


def test_timeline_series_fills_quiet_days() -> None:
    points = (("2025-01-01", 2), ("2025-01-04", 1), ("bad", 9))
    assert timeline_series(points, buckets=28) == [2.0, 0.0, 0.0, 1.0]
    assert sum(timeline_series((("2025-01-01", 1), ("2025-12-31", 3)), buckets=10)) == 4.0
    assert len(timeline_series((("2025-01-01", 1), ("2025-12-31", 3)), buckets=10)) == 10
    assert timeline_series(()) == []


async def test_reader_step_messages(tui_library_path: Path) -> None:
    seen: list[Message] = []
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(160, 50), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
    # The hook sees a message at every node it bubbles through: count distinct messages.
    steps = {id(m): m for m in seen if isinstance(m, ReaderView.Step)}
    assert [m.delta for m in steps.values()] == [1]
