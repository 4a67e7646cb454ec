"""The chips the reader reopens on follow corrections made while it was closed (QA 6, A.3).

The reader saves its last query with its chips by entity name. A rename, retype, merge, split
or block made by another process between two runs left the reopened reader on a chip naming
nobody and an empty list; chips in an open reader already followed. Each correction here is a
real `dateline entities …` process run between two runs of the reader; the undo of each is
followed too, since the chips' trails are saved with the query.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from glass_fixtures import (
    COMPANY_ARTICLES,
    glass_library_fixture,  # noqa: F401 (a fixture)
    glass_path_fixture,  # noqa: F401 (a fixture)
)
from index.query import EntityFilter
from test_saved_follow import shell
from test_tui_keys import main, make_app, pick_entity
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

COMPANY = EntityFilter("org", "Ostrava Glassworks")
CITY = EntityFilter("place", "Ostrava")
LAKE = EntityFilter("place", "Lake Mjøsa")


async def run_once(path: Path, *pick: tuple[str, str]) -> tuple[tuple[EntityFilter, ...], int, str]:
    """Open the reader on `path`, pick each (entity, key) from the sidebar, quit: the chips it
    showed, its total and the chips' line as the user reads it."""
    app = make_app(path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        for name, key in pick:
            await pick_entity(pilot, name, key)
        screen = main(app)
        result = screen.result
        assert result is not None
        chips = screen.query_one("#chips").render()
        shown = chips.plain if isinstance(chips, Text) else str(chips)
        filters, total = screen.search_query.filters, result.total
        await pilot.press("q")
    return filters, total, shown


async def test_restored_chips_follow_a_rename_and_its_undo(glass_path: Path) -> None:
    filters, total, _ = await run_once(glass_path, ("Ostrava Glassworks", "f"))
    assert (filters, total) == ((COMPANY,), COMPANY_ARTICLES)
    shell(glass_path, "rename", "Ostrava Glassworks", "Ostrava Glass")
    filters, total, shown = await run_once(glass_path)
    assert filters == (EntityFilter("org", "Ostrava Glass"),)
    assert total == COMPANY_ARTICLES  # was: 0 under "org: Ostrava Glassworks"
    assert "org: Ostrava Glass " in shown and "Glassworks" not in shown
    shell(glass_path, "undo")  # the chip's trail was saved: the old name comes back
    assert (await run_once(glass_path))[:2] == ((COMPANY,), COMPANY_ARTICLES)


async def test_restored_chips_follow_retype_merge_split_and_block(glass_path: Path) -> None:
    await run_once(glass_path, ("Lake Mjøsa", "x"), ("Ostrava Glassworks", "f"))
    excluded = EntityFilter("place", "Lake Mjøsa", exclude=True)
    shell(glass_path, "retype", "Lake Mjøsa", "org")
    filters, total, shown = await run_once(glass_path)
    assert filters == (EntityFilter("org", "Lake Mjøsa", exclude=True), COMPANY)
    assert total == COMPANY_ARTICLES and "NOT org: Lake Mjøsa" in shown
    shell(glass_path, "undo")
    assert (await run_once(glass_path))[0] == (excluded, COMPANY)

    shell(glass_path, "merge", "Ostrava", "Ostrava Glassworks")  # the company into the city
    filters, total, _ = await run_once(glass_path)
    assert filters == (excluded, CITY)
    assert total == COMPANY_ARTICLES  # the merged city's articles, minus the lake's
    shell(glass_path, "split", "Ostrava", "Ostrava Glassworks")
    filters, total, _ = await run_once(glass_path)
    company = filters[1]
    assert filters[0] == excluded and company.name == "Ostrava Glassworks"
    assert total == COMPANY_ARTICLES  # the split-off company's articles again

    shell(glass_path, "block", "Lake Mjøsa")  # its chip goes, as an open reader's does
    filters, total, _ = await run_once(glass_path)
    assert filters == (company,) and total == COMPANY_ARTICLES
