"""The reader says what to change under "No articles match this search." when a query cannot
match as typed (QA 6, B.17): a wildcard, dates the wrong way round, an exact name in another
case. The hint is `SearchResult.hint`; the user's own text in it is never read as markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tui_fixtures import (
    SIZES,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio


def no_match_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#no-match", Static).content)


async def retype(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the text in the focused search bar (`/` there would be typed, not a key)."""
    await pilot.press("ctrl+u", *text)
    await pilot.pause(0.4)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_a_wildcard_is_explained_under_the_empty_list(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await type_query(pilot, "valen*")
        text = no_match_text(app)
        assert text.startswith("No articles match this search.")
        assert 'Wildcards (* and ?) are not supported: "valen*"' in text, text


async def test_dates_and_exact_names_are_explained(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "since:2025-03-10 until:2025-03-01")
        assert "wrong way round" in no_match_text(app), no_match_text(app)
        await retype(pilot, 'person:="marta solans"')
        assert 'did you mean person:="Marta Solans"?' in no_match_text(app), no_match_text(app)
        await retype(pilot, "[bold]zzyzx*")  # markup-looking text stays text
        assert '"[bold]zzyzx*"' in no_match_text(app), no_match_text(app)
