"""The reader repaints only what a keystroke changed, and keeps slow work off the typing path.

Each search result used to rebuild the entity sidebar, rewrite the filter chips, load the
highlighted entity's timeline and write the query to the library, even when nothing of that
had changed. These tests pin what must now stay still (no timing: speed is in bench.tui).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual import events
from textual.message import Message

from index import Library
from index.query import Query
from reader.rooms import searching
from reader.rooms.messages import TimelineLoaded
from reader.screens.main import MainScreen
from reader.state import LAST_QUERY, load_query
from reader.widgets.entity_sidebar import EntityList
from reader.widgets.filter_chips import FilterChips
from reader.widgets.search_bar import SearchBar
from reader.widgets.steady import SteadyLabel
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio


def main(app) -> MainScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def shown_options(app) -> list[object]:  # type: ignore[no-untyped-def]
    entities = app.screen.query_one(EntityList)
    return [entities.get_option_at_index(i) for i in range(entities.option_count)]


async def test_sidebar_is_not_rebuilt_when_a_new_result_has_the_same_entities(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        main(app).apply_query(Query("strike"))
        await settle(pilot)
        before = shown_options(app)
        assert any(e is not None and e.name == "Marta Solans" for e in _entities(app))
        # Both port-strike reports, and only they, say "dockers": the same entities.
        main(app).apply_query(Query("dockers"))
        await settle(pilot)
        assert main(app).result is not None and main(app).result.query == "dockers"
        after = shown_options(app)
        assert len(after) == len(before)
        assert all(a is b for a, b in zip(after, before, strict=True)), "options were rebuilt"
        # Other entities: the list does change.
        main(app).apply_query(Query("geothermal"))
        await settle(pilot)
        assert shown_options(app)[1] is not before[1]
        assert any(e is not None and e.name == "Helga Jonsdottir" for e in _entities(app))


def _entities(app):  # type: ignore[no-untyped-def]
    return app.screen.query_one(EntityList).listed


async def test_filter_chips_are_rewritten_only_when_they_change(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    updates: list[str] = []
    real_update = FilterChips.update

    def counted(self: FilterChips, content: object = "", *, layout: bool = True) -> None:
        updates.append(str(content))
        real_update(self, content, layout=layout)  # type: ignore[arg-type]

    monkeypatch.setattr(FilterChips, "update", counted)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert len(updates) == 1 and "No filters" in updates[0]
        # Typed words change the query's text, not its filters: the chips stay as they are.
        await type_query(pilot, "valencia")
        assert len(updates) == 1
        main(app).action_toggle_unread_only()
        await settle(pilot)
        assert len(updates) == 2 and "unread only" in updates[-1]


async def test_steady_label_ignores_the_text_it_already_shows(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        label = app.screen.query_one("#entity-scope", SteadyLabel)
        assert not label.show(Text("Entities in these results", style="bold"))
        assert label.show(Text("Entities in these results"))  # another style is another look
        assert label.show(Text("Entities in this article", style="bold"))
        await pilot.pause()
        assert "Entities in this article" in str(label.render())


async def test_typing_defers_the_timeline_until_the_typing_pauses(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Long enough that a slow machine cannot reach it while the test types.
    monkeypatch.setattr(searching, "TIMELINE_WHILE_TYPING", 3.0)
    loaded: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, TimelineLoaded):
            loaded.append(message)

    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50), message_hook=hook) as pilot:
        await settle(pilot)
        # The opening list has the focus: its first entity's timeline loads at once.
        assert loaded and main(app).timeline
        loaded.clear()
        await type_query(pilot, "geothermal")
        entity = app.screen.query_one(EntityList).current
        assert entity is not None and entity.name != "Marta Solans"
        assert not loaded, "a timeline was loaded while the user typed"
        await pilot.pause(3.3)
        await settle(pilot)
        assert {m.entity.name for m in loaded} == {entity.name}  # type: ignore[attr-defined]
        assert main(app).timeline


async def test_last_query_is_saved_when_the_typing_settles_not_per_search(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(searching, "SAVE_QUERY_AFTER", 30.0)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, "valencia")
        with Library.open(tui_library_path) as other:
            assert other.get_state(LAST_QUERY) is None, "written on the search path"
    # Leaving the reader saves what it showed.
    with Library.open(tui_library_path) as library:
        assert load_query(library.get_state(LAST_QUERY)) == Query("valencia")
    # And the next start reopens on it.
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(SearchBar).text == "valencia"
        assert main(app).result is not None and main(app).result.query == "valencia"


async def test_last_query_is_saved_after_the_settle_delay(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(searching, "SAVE_QUERY_AFTER", 0.2)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, "nairobi")
        await pilot.pause(0.4)
        await settle(pilot)
        with Library.open(tui_library_path) as other:
            assert load_query(other.get_state(LAST_QUERY)) == Query("nairobi")


async def test_list_is_not_rebuilt_when_a_new_result_has_the_same_rows(
    tui_library_path: Path,
) -> None:
    from reader.widgets.article_list import ArticleList

    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        main(app).apply_query(Query("valencia"))
        await settle(pilot)
        before = list(table.rows.values())
        assert len(before) == 2  # the port story (two sources, one row) and the tram
        table.move_cursor(row=1)
        # Another query with the same first page: the rows (and their rendering) stay.
        main(app).apply_query(Query("valencia -nairobi"))
        await settle(pilot)
        assert main(app).result is not None and main(app).result.query == "valencia -nairobi"
        after = list(table.rows.values())
        assert all(a is b for a, b in zip(after, before, strict=True)), "rows were rebuilt"
        assert table.cursor_row == 0, "a new query starts at the top, as before"
        main(app).apply_query(Query("nairobi"))
        await settle(pilot)
        assert [row.key for row in table.rows.values()] != [row.key for row in before]


async def test_a_result_the_user_has_typed_past_is_not_painted(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from reader.widgets.article_list import ArticleList

    shown: list[str] = []
    real_show = ArticleList.show_hits

    def recorded(self: ArticleList, *args: object, **kwargs: object) -> None:
        shown.append(main(self.app).query_string)
        real_show(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticleList, "show_hits", recorded)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        library = main(app).library
        assert library is not None
        # The search for "n" is held until the rest of the word has been typed.
        gate = threading.Event()
        real_search = library.search

        def held(query: str = "", **kwargs: object):  # type: ignore[no-untyped-def]
            if query == "n":
                gate.wait(30)
            return real_search(query, **kwargs)

        monkeypatch.setattr(library, "search", held)
        shown.clear()
        await pilot.press("slash", "n")
        # The rest arrives while "n" is searched, as fast typing does (no wait between keys).
        for character in "airobi":
            app.post_message(events.Key(character, character))
        await pilot.pause()
        gate.set()
        await pilot.pause(0.4)
        await settle(pilot)
        assert shown == ["nairobi"], shown
        assert main(app).result is not None and main(app).result.query == "nairobi"
        assert app.screen.query_one(SearchBar).typed_ahead is None
