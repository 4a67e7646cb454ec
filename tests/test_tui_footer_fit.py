"""At 160 columns the footer shows every key it lists whole, whatever has focus: none runs
under the palette key at its right end (QA saw "r Refr▏" with the sidebar focused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("keys", [(), ("e",), ("enter",)], ids=["list", "sidebar", "reader"])
async def test_the_footer_fits_at_160_columns(tui_library: Path, keys: tuple[str, ...]) -> None:
    app = make_app(tui_library)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        shown = list(app.screen.query(FooterKey))
        palette = [k for k in shown if k.action == "command_palette"]
        others = [k for k in shown if k.action != "command_palette"]
        limit = palette[0].region.x if palette else 160
        assert others and all(k.region.right <= limit for k in others), [
            (k.description, k.region) for k in others if k.region.right > limit
        ]
