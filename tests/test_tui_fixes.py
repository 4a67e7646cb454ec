"""Regression tests for the QA report on the reader (one test per reported problem)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from index import Library
from index.query import EntityFilter
from reader.app import DatelineApp
from reader.providers import fuzzy
from reader.screens.help import HelpScreen
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.entity_sidebar import EntityList, EntitySidebar
from reader.widgets.filter_chips import FilterChips
from reader.widgets.reader_view import ReaderView, RelatedList
from reader.widgets.search_bar import SearchStatus
from reader.widgets.welcome import Welcome
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio


def main(app: DatelineApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def notes(app: DatelineApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def status(app: DatelineApp) -> str:
    return str(app.screen.query_one(SearchStatus).render())


async def test_rapid_star_presses_save_the_state_shown(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        library = main(app).library
        assert library is not None
        real = library.set_starred
        calls = 0
        calls_lock = threading.Lock()

        def slow_first(article_id: str, starred: bool = True) -> None:
            # The first write is the slowest: without ordering, it lands last.
            nonlocal calls
            with calls_lock:
                calls += 1
                first = calls == 1
            if first:
                time.sleep(1.5)
            real(article_id, starred)

        monkeypatch.setattr(library, "set_starred", slow_first)
        table = app.screen.query_one(ArticleList)
        article = table.current
        assert article is not None
        for _ in range(14):
            await pilot.press("s")
        await settle(pilot)
        shown = table.find(article.id)
        assert shown is not None and not shown.starred
    with Library.open(tui_library_path) as library:
        assert library.article(article.id).starred is shown.starred


async def test_related_articles_are_reachable_with_tab(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the port strike story: two sources
        await settle(pilot)
        screen = main(app)
        first = screen.reading.article
        other = next(a for a in screen.reading.story if a.id != first.id)
        assert app.focused is app.screen.query_one(ReaderView)
        await pilot.press("tab")
        related = app.screen.query_one(RelatedList)
        assert app.focused is related
        await pilot.press("j")  # skips the heading: the first entry is the other source
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reading.article.id == other.id
        await pilot.press("tab")
        assert app.focused is app.screen.query_one(EntityList)


async def test_flag_keys_keep_the_reader_scrolled(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ReaderView)
        assert reader.max_scroll_y > 2
        await pilot.press("j", "j", "j")
        await pilot.pause()
        scrolled = reader.scroll_y
        assert scrolled > 0
        await pilot.press("s", "m")
        await settle(pilot)
        assert main(app).reading.article.starred
        assert reader.scroll_y == scrolled
        await pilot.press("n")  # another article starts at the top
        await settle(pilot)
        assert reader.scroll_y == 0


async def test_vim_keys_in_the_sidebar_and_help(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        entities = app.screen.query_one(EntityList)
        start = entities.highlighted
        await pilot.press("j")
        assert entities.highlighted is not None and entities.highlighted > start
        await pilot.press("k")
        assert entities.highlighted == start
        await pilot.press("G")
        assert entities.highlighted == entities.option_count - 1
        await pilot.press("g")
        assert entities.highlighted == start  # the first option is a heading
    app = make_app(tui_library_path)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0
        await pilot.press("j")
        await pilot.pause()
        assert scroll.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0


async def test_the_list_has_room_for_titles_at_120_columns(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        assert table.size.width >= 100
        title = list(table.columns.values())[-1].get_render_width(table)
        assert title >= 60


async def test_palette_article_gets_the_focus_and_the_flag_keys(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Nairobi", "space", *"electric")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        opened = screen.reading.article
        assert opened.title == "Nairobi puts its first electric buses on the road"
        table = app.screen.query_one(ArticleList)
        assert table.current is not None and table.current.id == opened.id
        assert app.focused is app.screen.query_one(ReaderView)
        await pilot.press("s")
        await settle(pilot)
        assert table.find(opened.id).starred
        assert sum(table.get_row_at(i)[0].plain.count("★") for i in range(table.row_count)) == 1


async def test_including_an_excluded_entity_replaces_the_exclusion(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.add_filter("person", "Samuel Kiprono", exclude=True)
        await settle(pilot)
        assert screen.search_query.filters == (EntityFilter("person", "Samuel Kiprono", True),)
        screen.add_filter("person", "Samuel Kiprono")  # what the palette's entity jump does
        await settle(pilot)
        assert screen.search_query.filters == (EntityFilter("person", "Samuel Kiprono"),)
        assert not any("Already" in note for note in notes(app))


async def test_tab_out_of_the_narrow_sidebar_closes_it(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(EntitySidebar)
        for key in ("tab", "shift+tab"):
            await pilot.press("e")
            await pilot.pause()
            assert sidebar.display
            await pilot.press(key)
            await pilot.pause()
            assert not sidebar.display, key
            assert app.focused is not None
            assert sidebar not in app.focused.ancestors_with_self


async def test_searching_again_keeps_the_cursor_and_open_stories(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("z")  # expand the port strike story
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        assert table.row_count == 6
        await pilot.press("j", "j", "j")
        before = table.current
        main(app)._search()  # what `r` and a finished job do
        await settle(pilot)
        assert table.row_count == 6
        assert table.current is not None and before is not None
        assert table.current.id == before.id
        # A different query starts at the top.
        await type_query(pilot, "Valencia")
        assert table.cursor_row == 0


async def test_status_counts_stories_when_they_group_articles(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert "6 articles · 5 stories" in status(app)
        await type_query(pilot, "geothermal")
        assert "1 article" in status(app) and "stor" not in status(app)


async def test_backspace_and_the_hint_for_unread_only(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        chips = str(app.screen.query_one(FilterChips).render())
        assert "unread only" in chips and "undoes the last filter" not in chips
        await pilot.press("backspace")
        await settle(pilot)
        assert not main(app).unread_only


async def test_did_you_mean_and_saved_names_use_the_users_words(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        main(app).add_filter("place", "Reykjavik")
        await settle(pilot)
        assert main(app).search_query.filters
        await pilot.press("u")
        await type_query(pilot, "geothermel")
        assert main(app).result is not None and main(app).result.suggestion
        text = status(app)
        assert "Did you mean geothermal?" in text, text
        assert ":=" not in text and "is:unread" not in text
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # under the name offered: the query
        await settle(pilot)
        assert "Saved search: geothermel · place Reykjavik" in notes(app), notes(app)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "geothermal"


async def test_a_long_query_error_wraps(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_query(pilot, "foo:bar")
        error = main(app).result.error
        assert error and len(error) > 78
        widget = app.screen.query_one(SearchStatus)
        assert widget.size.height >= 2
        lines = [line.text for line in widget.render_lines(widget.region.reset_offset)]
        shown = "".join(lines).replace(" ", "")
        assert error.replace(" ", "") in shown


async def test_the_list_takes_the_room_until_an_article_is_open(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(ReaderView)
        assert table.size.height >= 10 > reader.size.height
        await pilot.press("enter")
        await settle(pilot)
        assert reader.size.height > 5


async def test_empty_library_has_no_reader_and_no_article_to_link(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(ReaderView).display
        welcome = app.screen.query_one(Welcome)
        lines = [
            line.text.strip("│ ") for line in welcome.render_lines(welcome.region.reset_offset)
        ]
        assert "text dumps, HTML pages, RSS/Atom, OPML, JSON Lines" in lines
        await pilot.press("o", "y")
        await pilot.pause()
        assert notes(app).count("No article open.") == 2
        # Nothing to mark, star or step to: the footer does not offer it (QA 5, item 20).
        footer = {key.action for key in app.screen.query(FooterKey)}
        assert footer and not footer & {"toggle_read", "toggle_star", "toggle_unread_only"}
        assert not footer & {"step_unread(1)"}


async def test_palette_finds_saved_searches_and_ignores_noise(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, "geothermal")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # under the name offered: the query
        await settle(pilot)
        main(app).apply_query(type(main(app).search_query)())
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"saved")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).search_query.text == "geothermal"
    titles = ["Osei wins the coastal race", "Close vote in Seoul", "Poses and losses"]
    assert [title for _, title in fuzzy("osei", titles, str)] == [titles[0]]


async def test_a_link_that_is_not_http_says_so(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, "Lisbon")
        await pilot.press("escape", "o")
        await settle(pilot)
        assert any("not an http(s)" in note for note in notes(app)), notes(app)
