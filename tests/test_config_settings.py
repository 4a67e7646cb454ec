"""config.toml's [reading] and [refresh] tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import DEFAULT_REFRESH_MINUTES, parse_config
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)


def test_reading_and_refresh_settings() -> None:
    config = parse_config("[reading]\nread_on_open = false\n[refresh]\nevery_minutes = 5\n")
    assert config.read_on_open is False and config.refresh_minutes == 5 and not config.warnings
    off = parse_config("[refresh]\nevery_minutes = 0\n")
    assert off.refresh_minutes == 0 and not off.warnings


def test_defaults_and_bad_values_are_warnings() -> None:
    assert parse_config("").read_on_open is True
    assert parse_config("").refresh_minutes == DEFAULT_REFRESH_MINUTES
    bad = parse_config(
        '[reading]\nread_on_open = "yes"\n[refresh]\nevery_minutes = -3\n[keys]\nstar = "i"\n'
    )
    assert bad.read_on_open is True and bad.refresh_minutes == DEFAULT_REFRESH_MINUTES
    assert len(bad.warnings) == 2 and bad.keymap == {"star": "i"}
    assert parse_config("[refresh]\nevery_minutes = true\n").warnings


def test_a_key_no_keyboard_sends_is_reported_and_the_default_kept() -> None:
    """QA 4: "notakey" and "ctrl+alt+shift+hyper+zz" passed the syntax check silently."""
    config = parse_config(
        '[keys]\nstar = "notakey"\nquit = "ctrl+alt+shift+hyper+zz"\n'
        'next_article = "n,ctrl+ctrl+n"\nsearch = "question_mark,f5,shift+tab,slash"\n'
    )
    assert config.keymap == {"search": "question_mark,f5,shift+tab,slash"}
    # Real keys, though `?` and shift+tab were Help's and Previous pane's (QA 6: said so).
    assert len(config.warnings) == 5
    assert "'help' is left without a key" in config.warnings[3]
    assert "'previous_pane' is left without a key" in config.warnings[4]
    assert "'notakey' is not a key for 'star'" in config.warnings[0]
    assert "'ctrl+alt+shift+hyper+zz' is not a key for 'quit'" in config.warnings[1]
    assert "'ctrl+ctrl+n'" in config.warnings[2]


def test_every_default_key_is_a_real_key() -> None:
    from reader.commands import ALL_COMMANDS
    from reader.config import real_key

    for command in ALL_COMMANDS:
        for key in command.KEY.split(","):
            assert real_key(key.strip()), (command.ID, key)


@pytest.mark.anyio
async def test_the_reader_says_so_and_the_default_keys_still_work(tui_library_path: Path) -> None:
    from reader.app import DatelineApp
    from reader.widgets.article_list import ArticleList

    config = parse_config('[keys]\nstar = "notakey"\n', origin="config.toml")
    app = DatelineApp(tui_library_path, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notes = [str(n.message) for n in app._notifications]
        assert any("'notakey' is not a key for 'star'" in n for n in notes), notes
        table = app.screen.query_one(ArticleList)
        article = table.current
        assert article is not None
        await pilot.press("s")  # was: bound to "notakey", so `s` did nothing
        await settle(pilot)
        found = table.find(article.id)
        assert found is not None and found.starred
