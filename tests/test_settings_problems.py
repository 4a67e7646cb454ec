"""Settings that go wrong (QA 6, items 10, 11 and 20): a `DATELINE_CONFIG` that names no
file, key remaps that clash, and how every problem is reported: one `warning:` line each on
the CLI, one notice in the reader (the NER model's too: tests/test_model_setting.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import DatelineApp
from reader.config import load_config, parse_config
from reader.widgets.article_list import ArticleList
from settings_fixtures import (
    no_settings_fixture,  # noqa: F401 (a fixture)
    one_article,
    warnings_in,
)
from tests.test_cli import run
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)


def test_a_missing_config_file_named_by_the_environment_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA 6 #11: a typo in DATELINE_CONFIG silently dropped every setting."""
    missing = tmp_path / "nope.toml"
    monkeypatch.setenv("DATELINE_CONFIG", str(missing))
    config = load_config()
    assert config.warnings == (
        f"DATELINE_CONFIG={missing}: no such file; using the default settings",
    )
    monkeypatch.delenv("DATELINE_CONFIG")
    assert load_config().warnings == ()  # no file in the user config dir is the normal case
    monkeypatch.setenv("DATELINE_CONFIG", str(missing))
    code, _, err = run(
        capsys, "--library", str(tmp_path / "lib"), "add", str(one_article(tmp_path))
    )
    assert code == 0 and [f"warning: DATELINE_CONFIG={missing}: no such file"] == [
        w.split(";")[0] for w in warnings_in(err)
    ]


def test_remaps_that_clash_are_resolved_by_the_rule_and_named() -> None:
    """QA 6 #10: `star = "j"` left star unreachable from the list, `search = "q"` took Quit's
    key, both silently."""
    config = parse_config('[keys]\nstar = "j"\nsearch = "q"\n')
    assert config.keymap["star"] == "j" and config.keymap["down"] == "down"
    assert config.keymap["scroll_down"] == "down"
    said = "\n".join(config.warnings)
    assert "j for 'star' (Star) was already the key of 'down' (Down) in the article list" in said
    assert "'down' keeps down" in said
    assert "'quit' is left without a key (ctrl+q still quits)" in said
    two = parse_config('[keys]\nstar = "x"\nunread_only = "x"\n')
    assert two.keymap["star"] == "x" and two.keymap["unread_only"] == "u"
    assert (
        "x is set for both 'star' (Star) and 'unread_only' (Unread); the first wins"
        in (two.warnings[0])
    )
    # "?" is the key Help answers to (question_mark), as Textual reads both.
    assert "'help' is left without a key" in parse_config('[keys]\nstar = "?"\n').warnings[0]
    # A widget's only key is kept in its own pane, and the warning says where.
    assert "there z stays 'expand_story'" in parse_config('[keys]\nstar = "z"\n').warnings[0]
    # A pane's own remap comes first in that pane; a priority key (/ searches) comes first
    # everywhere, so a remap onto it is never answered.
    mine = parse_config('[keys]\nexpand_story = "s"\n').warnings[0]
    assert "in the article list s is 'expand_story' now, elsewhere 'star'" in mine
    slash = parse_config('[keys]\nexpand_story = "/"\n')
    assert "'search' (Search), its only key, and asked first" in slash.warnings[0]
    assert "'expand_story' would never answer it; 'expand_story' keeps z" in slash.warnings[0]
    assert slash.keymap == {"expand_story": "z"}
    # Defaults that share a key by design (t on the screen and in the sidebar) are no clash,
    # nor is a remap in another view (the feeds view has no star).
    assert parse_config('[keys]\nentity_retype = "t"\nstar = "i"\n').warnings == ()
    assert parse_config('[keys]\nclose_view = "escape,s"\n').warnings == ()
    # The search bar's own commands clash there too (fixreader's new enter and escape).
    bar = parse_config('[keys]\nsubmit_search = "escape"\n').warnings[0]
    assert "'leave_search' (Back) in the search bar" in bar


def test_a_remap_onto_an_entity_page_key_is_a_clash_by_the_same_rule() -> None:
    """The entity page's own keys (escape, enter, tab, f, j, k) were bindings without ids,
    unknown to the rule: `entity_retype = "f"` took Filter's key on the page silently."""
    retype = parse_config('[keys]\nentity_retype = "f"\n').warnings
    assert len(retype) == 2  # the sidebar's Filter and the page's
    assert (
        "f for 'entity_retype' (Type) was already the key of 'entity_page_filter' (Filter) in"
        " the entity page; 'entity_retype' has it now, and 'entity_page_filter' is left without"
        " a key" in retype[1]
    )
    # The page's keys are commands with ids: remapped, and clashing where they answer.
    mine = parse_config('[keys]\nentity_page_filter = "t"\n')
    assert mine.keymap == {"entity_page_filter": "t"}
    assert mine.warnings == (
        "config.toml: t for 'entity_page_filter' (Filter) was already the key of"
        " 'entity_retype' (Type) in the entity page, its only key; there t is"
        " 'entity_page_filter' now, elsewhere 'entity_retype'",
    )
    undo = parse_config('[keys]\nentity_undo = "j,escape"\n').warnings
    assert any("'entity_page_down' is left without a key" in w for w in undo)
    assert any("'entity_page_back' is left without a key" in w for w in undo)
    # The main screen's keys do not reach the page (a screen of its own): no clash there.
    assert parse_config('[keys]\nentity_page_filter = "s"\n').warnings == ()


@pytest.mark.anyio
async def test_the_reader_shows_every_problem_in_one_notice(
    tui_library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five problems were five stacked toasts, and the model's was not shown at all; the
    remap `star = "j"` now stars from the list, `down` still moves, `q` searches."""
    config = tmp_path / "clash.toml"
    config.write_text(
        '[keys]\nstar = "j"\nsearch = "q"\n[reading]\nread_on_open = 2\n'
        '[entities]\nmodel = "zzz"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DATELINE_CONFIG", str(config))
    app = DatelineApp(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        notes = list(app._notifications)
        assert len(notes) == 1 and notes[0].title == "Settings"
        lines = notes[0].message.splitlines()
        assert len(lines) == 5 and all(line.startswith("• clash.toml: ") for line in lines)
        assert "read_on_open must be true or false; using true" in lines[0]
        assert "[entities] model: 'zzz' is not a spaCy English pipeline" in lines[-1]
        table = app.screen.query_one(ArticleList)
        table.focus()
        first = table.current
        assert first is not None and not first.starred
        await pilot.press("j")
        await settle(pilot)
        found = table.find(first.id)
        assert found is not None and found.starred and table.current.id == first.id  # type: ignore[union-attr]
        await pilot.press("down")
        await settle(pilot)
        assert table.current is not None and table.current.id != first.id
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and app.focused is not None and app.focused.id == "search-input"


@pytest.mark.anyio
async def test_the_reader_says_a_missing_config_file_was_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA 6 #11 in the reader: `DATELINE_CONFIG=…/nope.toml dateline` said nothing."""
    missing = tmp_path / "nope.toml"
    monkeypatch.setenv("DATELINE_CONFIG", str(missing))
    app = DatelineApp(tmp_path / "library")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notes = [(n.title, str(n.message)) for n in app._notifications]
        assert notes == [
            ("Settings", f"DATELINE_CONFIG={missing}: no such file; using the default settings")
        ]
