"""A story's row stands for every source of it: a starred source shows on the row even while
the story is folded (not only after `z` expands it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index import Library
from reader.widgets.article_list import ArticleList
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def story_row(table: ArticleList) -> tuple[str, str]:
    """(the row's article id, the other source's id) of the port strike story."""
    for row in table._rows:
        if row.article.story_size > 1:
            with Library.open(table.app.library_path) as library:  # type: ignore[attr-defined]
                members = library.story(row.article.story)
            (other,) = [m.id for m in members if m.id != row.article.id]
            return row.article.id, other
    raise AssertionError("no story of several sources")


def star_shown(table: ArticleList, article_id: str) -> bool:
    return "★" in str(table.get_cell(article_id, "marks"))


async def test_a_starred_source_shows_on_its_folded_story(
    tui_library: Path, tmp_path: Path
) -> None:
    path = tmp_path / "library"
    shutil.copytree(tui_library, path)
    app = make_app(path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        lead, other = story_row(table)
        assert not star_shown(table, lead)
    with Library.open(path) as library:
        library.set_starred(other)
    app = make_app(path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        assert table.find(lead) is not None and not table.find(lead).starred  # type: ignore[union-attr]
        assert star_shown(table, lead)  # folded, and still starred
        # Unstarring the source in the expanded story takes the star off the folded row.
        table.select_article(lead)
        await pilot.press("z")
        await settle(pilot)
        assert table.select_article(other)
        await pilot.press("s")
        await settle(pilot)
        assert not star_shown(table, other)
        table.select_article(lead)
        await pilot.press("z")
        await settle(pilot)
        assert not star_shown(table, lead)
