"""The reader with an empty library, background jobs in another process, and the config file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

import reader.demo
from reader.app import DatelineApp
from reader.config import Config, load_config, parse_config
from reader.widgets.article_list import ArticleList
from reader.widgets.welcome import Welcome
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    wait_for_workers,
    write_corpus,
)

pytestmark = pytest.mark.anyio


async def wait_for_job(pilot) -> None:  # type: ignore[no-untyped-def]
    """The job runs in a child process: wait for its worker, then for the re-search."""
    await settle(pilot)
    await wait_for_workers(pilot.app)
    await settle(pilot)


async def test_empty_library_welcomes_and_loads_the_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path)
    monkeypatch.setattr(reader.demo, "corpus_inputs", lambda: [str(corpus)])
    app = DatelineApp(tmp_path / "empty-library", config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-empty")
        assert screen.query_one(Welcome).display
        assert not screen.query_one(ArticleList).display
        text = str(screen.query_one(Welcome).render())
        assert "dateline add" in text and "dateline demo" in text
        await pilot.press("d")
        await wait_for_job(pilot)
        assert not screen.has_class("-empty")
        assert screen.query_one(ArticleList).row_count == 5
        await pilot.pause()
        footer = {key.action for key in screen.query(FooterKey)}
        assert {"toggle_read", "toggle_star"} <= footer  # articles to mark: offered again
        messages = [n.message for n in app._notifications]
        assert any("6 added" in message for message in messages), messages


async def test_load_sample_key_adds_nothing_once_there_is_news_and_says_why(
    tmp_path: Path, tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA 4: `d` in a library with news did nothing and said nothing."""
    corpus = write_corpus(tmp_path)
    calls: list[str] = []
    monkeypatch.setattr(reader.demo, "corpus_inputs", lambda: calls.append("x") or [str(corpus)])
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.has_class("-empty")
        await pilot.press("d")
        await settle(pilot)
        assert not app.screen.has_class("-job")
        messages = [str(n.message) for n in app._notifications]
        assert any("only added to an empty library" in m and "+ adds" in m for m in messages)
    assert calls == []


async def test_refresh_without_subscriptions_says_how_to_add_one(tmp_path: Path) -> None:
    app = DatelineApp(tmp_path / "library", config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert not app.screen.has_class("-job")
        messages = [str(n.message) for n in app._notifications]
        assert any("No feed subscriptions" in m and "feeds add URL" in m for m in messages)
        assert not any("0 added" in message for message in messages), messages


async def test_refresh_runs_in_a_child_process_and_reports(tmp_path: Path) -> None:
    from index import Library

    with Library.open(tmp_path / "library") as library:
        # Nothing listens on port 9 of this machine: the fetch fails at once.
        library.add_feed("http://127.0.0.1:9/feed.xml")
    app = DatelineApp(tmp_path / "library", config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        # The subscriptions are checked in a worker; then the job starts.
        for _ in range(50):
            if app.screen.has_class("-job"):
                break
            await pilot.pause(0.02)
        assert app.screen.has_class("-job")
        await wait_for_job(pilot)
        assert not app.screen.has_class("-job")
        messages = [str(n.message) for n in app._notifications]
        assert any("0 added" in message for message in messages), messages


async def test_a_library_that_cannot_open_is_an_error_screen_and_exit_2(tmp_path: Path) -> None:
    from reader.screens.library_error import LibraryErrorScreen

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("not a library", encoding="utf-8")
    for size in ((80, 24), (120, 40), (160, 50)):
        app = DatelineApp(not_a_folder, config=Config())
        async with app.run_test(size=size) as pilot:
            for _ in range(100):  # the library worker fails: wait for its screen
                if isinstance(app.screen, LibraryErrorScreen):
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibraryErrorScreen)
            text = str(screen.query_one("#error-text").render())
            assert str(not_a_folder) in text and screen.reason in text and screen.reason
            assert app.is_running
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 2


def test_config_keys_are_read_and_checked() -> None:
    config = parse_config(
        '[keys]\nstar = "i"\nnext_article = "n, right"\nnope = "z"\nquit = 3\nhelp = "a b"\n'
    )
    assert config.keymap == {"star": "i", "next_article": "n,right"}
    assert len(config.warnings) == 3
    assert any("nope" in w for w in config.warnings)


def test_bad_config_file_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keys\nstar = ", encoding="utf-8")
    config = load_config(path)
    assert config.keymap == {}
    assert config.warnings and "not valid TOML" in config.warnings[0]
    assert load_config(tmp_path / "missing.toml") == Config()


def test_config_lives_in_the_user_config_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.config import config_path

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("DATELINE_CONFIG", raising=False)
    assert config_path() == tmp_path / "dateline" / "config.toml"
    monkeypatch.setenv("DATELINE_CONFIG", str(tmp_path / "other.toml"))
    assert config_path() == tmp_path / "other.toml"


async def test_config_warnings_are_notified(tmp_path: Path) -> None:
    app = DatelineApp(tmp_path / "library", config=parse_config('[keys]\nnope = "z"\n'))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("nope" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_empty_library_welcome_offers_add_news(tmp_path: Path, size: tuple[int, int]) -> None:
    from reader.screens.add_news import AddNewsScreen

    app = DatelineApp(tmp_path / "empty-library", config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        welcome = app.screen.query_one(Welcome)
        shown = " ".join(
            line.text.strip("│ ") for line in welcome.render_lines(welcome.region.reset_offset)
        )
        # On screen, not cut off below: the key and what it does.
        assert " + " in shown and "to add files, folders, URLs or OPML here" in shown
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, AddNewsScreen)
