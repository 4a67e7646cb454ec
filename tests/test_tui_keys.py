"""Pilot tests of the reader's key paths against a small library built for the tests."""

from __future__ import annotations

import html
import re
import webbrowser
from pathlib import Path

import pytest
from textual.widgets import Input

from index import Library
from index.query import EntityFilter
from reader.app import DatelineApp
from reader.config import Config
from reader.screens.help import HelpScreen
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.entity_sidebar import EntityList, EntitySidebar
from reader.widgets.filter_chips import FilterChips
from reader.widgets.reader_view import ReaderView
from reader.widgets.search_bar import SearchStatus
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio


def make_app(path: Path, **keys: str) -> DatelineApp:
    return DatelineApp(path, config=Config(keymap=dict(keys)))


def main(app: DatelineApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def titles(app: DatelineApp) -> list[str]:
    table = app.screen.query_one(ArticleList)
    return [table.get_row_at(row)[3].plain for row in range(table.row_count)]


async def pick_entity(pilot, name: str, key: str) -> None:  # type: ignore[no-untyped-def]
    """Focus the sidebar, move the cursor to `name`, and press `key`."""
    await pilot.press("e")
    await pilot.pause()
    entities = pilot.app.screen.query_one(EntityList)
    assert pilot.app.focused is entities
    for _ in range(entities.option_count):
        if entities.current is not None and entities.current.name == name:
            break
        await pilot.press("down")
    assert entities.current is not None and entities.current.name == name
    await pilot.press(key)
    await settle(pilot)


async def test_lists_one_row_per_story(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        rows = titles(app)
        # Six articles, two of them one story: five rows, the story marked "+1".
        assert len(rows) == 5
        assert rows[0].startswith("+1 ")
        assert main(app).result is not None and main(app).result.total == 6
        assert app.focused is app.screen.query_one(ArticleList)


async def test_story_expands_and_folds(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        rows = titles(app)
        assert len(rows) == 6
        assert rows[1].startswith("  └ ")
        await pilot.press("z")
        assert len(titles(app)) == 5


async def test_search_as_you_type_and_persist(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, "geothermal")
        assert titles(app) == ["Reykjavik geothermal plant doubles its output"]
        assert "1 article" in str(app.screen.query_one(SearchStatus).render())
        await pilot.press("escape")
        assert app.focused is app.screen.query_one(ArticleList)
    # The last query comes back on the next run.
    again = make_app(tui_library_path)
    async with again.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert again.screen.query_one(Input).value == "geothermal"
        assert titles(again) == ["Reykjavik geothermal plant doubles its output"]


async def test_malformed_query_is_reported_gently(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, '"strike')
        result = main(app).result
        assert result is not None and result.error
        assert titles(app) == []
        assert "Unbalanced quotes" in str(app.screen.query_one(SearchStatus).render())


async def test_did_you_mean_is_offered_and_accepted(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, "geothermel")
        result = main(app).result
        assert result is not None and result.suggestion
        assert "Did you mean" in str(app.screen.query_one(SearchStatus).render())
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "geothermal"
        assert titles(app) == ["Reykjavik geothermal plant doubles its output"]


async def test_entity_filter_add_exclude_undo(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Marta Solans", "f")
        screen = main(app)
        assert screen.search_query.filters == (EntityFilter("person", "Marta Solans"),)
        assert len(titles(app)) == 1 and titles(app)[0].startswith("+1 ")
        assert "Marta Solans" in str(app.screen.query_one(FilterChips).render())

        await pick_entity(pilot, "Marta Solans", "x")  # already a filter: refused, not stacked
        assert len(screen.search_query.filters) == 1

        await pilot.press("backspace")
        await settle(pilot)
        assert screen.search_query.filters == ()
        assert len(titles(app)) == 5

        await pick_entity(pilot, "Samuel Kiprono", "x")
        assert screen.search_query.filters == (EntityFilter("person", "Samuel Kiprono", True),)
        assert "Nairobi puts its first electric buses on the road" not in titles(app)
        assert len(titles(app)) == 4
        assert "NOT" in str(app.screen.query_one(FilterChips).render())

        await pilot.press("backspace")
        await settle(pilot)
        assert len(titles(app)) == 5


async def test_selected_entity_shows_a_timeline(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        entity = app.screen.query_one(EntityList).current
        assert entity is not None
        assert main(app).timeline, "the highlighted entity has a timeline"
        assert app.screen.query_one(EntitySidebar).timeline == main(app).timeline


async def test_open_marks_read_and_n_p_step(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        first = app.screen.query_one(ArticleList).current
        assert first is not None and not first.read
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        assert screen.reading is not None and screen.reading.article.id == first.id
        assert app.focused is app.screen.query_one(ReaderView)
        # The other source of the story is listed under the body.
        assert [a.id for a in screen.reading.story if a.id != first.id]
        await pilot.press("n")
        await settle(pilot)
        second = screen.reading.article
        assert second.id != first.id
        assert second.title == titles(app)[1]
        await pilot.press("p")
        await settle(pilot)
        assert screen.reading.article.id == first.id
        await pilot.press("escape")
        assert app.focused is app.screen.query_one(ArticleList)
    with Library.open(tui_library_path) as library:
        assert library.article(first.id).read
        assert library.article(second.id).read


async def test_m_toggles_read(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        article = table.current
        assert article is not None
        await pilot.press("m")
        await settle(pilot)
        assert table.find(article.id).read
        assert table.get_row_at(0)[0].plain.strip() == ""
        with Library.open(tui_library_path) as library:
            assert library.article(article.id).read
        await pilot.press("m")
        await settle(pilot)
        assert not table.find(article.id).read
        assert "●" in table.get_row_at(0)[0].plain
    with Library.open(tui_library_path) as library:
        assert not library.article(article.id).read


async def test_s_stars_in_list_and_reader(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = main(app)
        assert screen.reading is not None and screen.reading.article.starred
        article_id = screen.reading.article.id
        assert "★" in app.screen.query_one(ArticleList).get_row_at(0)[0].plain
    with Library.open(tui_library_path) as library:
        assert library.article(article_id).starred


async def test_u_shows_unread_only(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # opening marks the first story's article read
        await settle(pilot)
        await pilot.press("escape", "u")
        await settle(pilot)
        screen = main(app)
        assert screen.unread_only
        assert "unread only" in str(app.screen.query_one(FilterChips).render())
        # The story's other source is still unread, so the story stays; all rows are unread.
        table = app.screen.query_one(ArticleList)
        assert table.row_count == 5
        assert all("●" in table.get_row_at(i)[0].plain for i in range(table.row_count))
        await pilot.press("u")
        await settle(pilot)
        assert not screen.unread_only


async def test_help_lists_every_key(tui_library_path: Path) -> None:
    from reader.commands import ALL_COMMANDS

    app = make_app(tui_library_path, star="S")
    async with app.run_test(size=(120, 100)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        svg = app.export_screenshot()
        for command in ALL_COMMANDS:
            assert html.escape(command.HELP).replace(" ", "&#160;") in svg, command.ID
        # The remapped key is the one the help shows.
        assert re.search(r"(>|&#160;)S(</text>|&#160;)", svg)
        # Every key of a command, as the README has them (QA 5, item 13): the sidebar's
        # entity page is enter or o, the feeds view closes with esc or q.
        text = svg.replace("&#160;", " ")
        assert "enter/o" in text and "esc/q" in text
        # Textual's own keys, and how to close the help itself.
        assert "ctrl+p" in text and "ctrl+q" in text
        assert "closes this help" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_keymap_from_config_remaps_keys(tui_library_path: Path) -> None:
    app = make_app(tui_library_path, star="S")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        article = table.current
        await pilot.press("s")
        await settle(pilot)
        assert not table.find(article.id).starred
        await pilot.press("S")
        await settle(pilot)
        assert table.find(article.id).starred
        assert app.key_display(__import__("reader.commands").commands.Star) == "S"


async def test_palette_jumps_to_an_article(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for character in "Nairobi electric":
            await pilot.press(character if character != " " else "space")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        assert screen.reading is not None
        assert screen.reading.article.title == "Nairobi puts its first electric buses on the road"


async def test_palette_jumps_to_an_entity(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for character in "Kiprono":
            await pilot.press(character)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).search_query.filters == (EntityFilter("person", "Samuel Kiprono"),)
        assert titles(app) == ["Nairobi puts its first electric buses on the road"]


async def test_narrow_layout_collapses_the_sidebar(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(EntitySidebar)
        assert app.screen.has_class("-narrow")
        assert not sidebar.display
        await pilot.press("tab")  # nothing open: the hidden reader and sidebar are skipped
        assert app.focused is app.screen.query_one(ArticleList)
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one(ReaderView)
        await pilot.press("tab", "tab")  # the related list, then the hidden sidebar is skipped
        assert app.focused is app.screen.query_one(ArticleList)
        await pilot.press("e")
        await pilot.pause()
        assert sidebar.display
        assert app.focused is app.screen.query_one(EntityList)
        await pilot.press("escape")
        await pilot.pause()
        assert not sidebar.display
        assert app.focused is app.screen.query_one(ArticleList)


async def test_wide_layout_tab_cycles_three_panes(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("tab")  # nothing open: no reader pane to visit
        assert app.focused is app.screen.query_one(EntityList)
        await pilot.press("shift+tab", "enter")
        await settle(pilot)
        await pilot.press("shift+tab", "tab")
        assert app.focused is app.screen.query_one(ReaderView)
        await pilot.press("tab", "tab")  # past the related list
        assert app.focused is app.screen.query_one(EntityList)
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.screen.query_one(ReaderView)


async def test_open_link_only_for_web_links(tui_library_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        article = app.screen.query_one(ArticleList).current
        await pilot.press("o")
        await settle(pilot)
        assert opened == [article.url]
        await pilot.press("y")
        assert app.clipboard == article.url
        # The hostile article's link is javascript: it is never handed to the browser.
        await type_query(pilot, "Lisbon")
        await pilot.press("escape", "o")
        await settle(pilot)
        assert opened == [article.url]


async def test_timeline_clears_when_no_entity_is_left(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert main(app).timeline
        await type_query(pilot, "nosuchwordanywhere")
        assert app.screen.query_one(EntityList).current is None
        assert main(app).timeline is None
        assert app.screen.query_one(EntitySidebar).timeline is None


async def test_a_switches_the_sidebar_to_the_open_article(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down", "enter")  # the Nairobi buses story
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert main(app).entity_scope == "article"
        entities = app.screen.query_one(EntityList)
        names = {entities.get_option_at_index(i).prompt.plain for i in range(entities.option_count)}
        assert any("Samuel Kiprono" in name for name in names)
        assert not any("Marta Solans" in name for name in names)
        await pilot.press("a")
        assert main(app).entity_scope == "results"


async def test_saved_search_comes_back_from_the_palette(tui_library_path: Path) -> None:
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
        assert len(titles(app)) == 5
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"geothermal")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).search_query.text == "geothermal"
        assert titles(app) == ["Reykjavik geothermal plant doubles its output"]


async def test_ctrl_s_asks_for_a_name_defaulting_to_the_query(tui_library_path: Path) -> None:
    """QA 5, item 23: the name was always the query text (`dateline watch 'person:strand'`)."""
    from reader.screens.prompt import PromptScreen
    from reader.state import SAVED_SEARCHES, load_saved

    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "geothermal")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        assert field.value == "geothermal"  # the query, as it was named before
        field.value = "heat \x1b[31mwatch"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        library = main(app).library
        assert library is not None
        saved = load_saved(library.get_state(SAVED_SEARCHES))
        assert [(s.name, s.query.text) for s in saved] == [("heat watch", "geothermal")]
        # Escape saves nothing.
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert len(load_saved(library.get_state(SAVED_SEARCHES))) == 1


def test_the_key_docs_list_every_command() -> None:
    from reader.commands import ALL_COMMANDS

    root = Path(__file__).parent.parent
    for name in ("docs/keys.md", "README.md"):
        docs = (root / name).read_text(encoding="utf-8")
        for command in ALL_COMMANDS:
            assert f"`{command.ID}`" in docs, (name, command.ID)
            assert command.HELP in docs, (name, command.ID)


async def test_enter_in_the_search_bar_takes_you_to_the_results(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        for key in "reykjavik":
            await pilot.press(key)
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one(ArticleList)
        assert app.screen.query_one(Input).value == "reykjavik"  # j/k no longer type
        await pilot.press("enter")
        await settle(pilot)
        reading = main(app).reading
        assert reading is not None and "Reykjavik" in reading.article.title


async def test_keys_typed_right_after_slash_go_into_the_search_bar(
    tui_library_path: Path,
) -> None:
    """A burst "/us" (a paste, a fast typist) is a search for "us", not "unread only" + "star"."""
    from textual import events

    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen = main(app)
        for key, char in (("slash", "/"), ("u", "u"), ("s", "s")):
            # As a terminal delivers a burst: all queued before the first is handled.
            app._driver.send_message(events.Key(key, char).set_sender(app))  # type: ignore[union-attr]
        await settle(pilot)
        from textual.widgets import Input

        assert screen.query_one("#search-input", Input).value == "us"
        assert not screen.unread_only
        await pilot.press("slash", "a")  # in the search bar, "/" is text
        assert screen.query_one("#search-input", Input).value == "us/a"
