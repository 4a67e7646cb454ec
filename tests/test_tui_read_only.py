"""A read-only library in the reader (QA 5, item 2): articles open, nothing unsaved is shown,
and the reader says from the start that the library is read-only.

The library is made read-only for real: a read-only bind mount when run as root (whom
permissions do not stop), permissions otherwise. The second test has the writes fail in
SQLite itself (a full disk), past the library's own read-only check.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from index import Library
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from test_reliability_storage import read_only
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def _messages(app) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(str(n.title), str(n.message), n.severity) for n in app._notifications]


def _flags(path: Path, article_id: str) -> tuple[bool, bool]:
    with Library.open(path) as library:
        article = library.article(article_id)
        assert article is not None
        return article.read, article.starred


async def test_a_read_only_library_opens_articles_and_shows_no_unsaved_star(
    tui_library_path: Path,
) -> None:
    with read_only(tui_library_path):
        app = make_app(tui_library_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            # Said at start: in the header and once as a notice.
            assert "read-only" in app.sub_title
            assert any("read-only" in message for _, message, _ in _messages(app))
            articles = screen.query_one(ArticleList)
            article = articles.current
            assert article is not None and not article.read
            await pilot.press("enter")
            await settle(pilot)
            # The article opened; no error, and it is not shown read (the mark is not saved).
            assert screen.reading is not None and screen.reading.article.id == article.id
            assert not [m for m in _messages(app) if m[2] == "error"], _messages(app)
            assert not screen.reading.article.read
            listed = articles.find(article.id)
            assert listed is not None and not listed.read
            # `s`: no star drawn, one clear warning instead.
            before = len(app._notifications)
            await pilot.press("s")
            await settle(pilot)
            assert not screen.reading.article.starred
            listed = articles.find(article.id)
            assert listed is not None and not listed.starred
            said = _messages(app)[before:]
            assert len(said) == 1 and "read-only" in said[0][1] and said[0][2] == "warning"
        assert _flags(tui_library_path, article.id) == (False, False)


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextlib.contextmanager
def _small_disk(folder: Path, library: Path) -> Iterator[Path]:
    """A copy of `library` on a 4 MB tmpfs of its own (root only), unmounted afterwards."""
    folder.mkdir()
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        shutil.copytree(library, folder / "library")
        yield folder / "library"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    """Take every free block of `folder`'s file system."""
    # Unbuffered: nothing is left to flush (and fail) on closing.
    with open(folder / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 65536)


async def test_a_write_that_fails_is_taken_back_and_said_once(
    tui_library_path: Path, tmp_path: Path
) -> None:
    """A write that SQLite refuses (the disk filled up while the reader was open): opening
    still works, the read mark's failure is said once (not at every open), and a star that
    could not be written disappears again."""
    with _small_disk(tmp_path / "disk", tui_library_path) as library:
        app = make_app(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            articles = screen.query_one(ArticleList)
            first = articles.current
            assert first is not None and not first.read
            _fill(library.parent)
            await pilot.press("enter")
            await settle(pilot)
            assert screen.reading is not None and screen.reading.article.id == first.id
            assert not screen.reading.article.read
            errors = [m for m in _messages(app) if m[2] == "error"]
            assert len(errors) == 1 and "read mark" in errors[0][0].lower(), errors
            assert "full" in errors[0][1]
            # The next article opens too, and the failure is not said again.
            await pilot.press("n")
            await settle(pilot)
            assert screen.reading.article.id != first.id
            assert len([m for m in _messages(app) if m[2] == "error"]) == 1
            # A star that cannot be written is taken back, and said.
            await pilot.press("s")
            await settle(pilot)
            assert not screen.reading.article.starred
            listed = articles.find(screen.reading.article.id)
            assert listed is not None and not listed.starred
            errors = [m for m in _messages(app) if m[2] == "error"]
            assert len(errors) == 2 and "star" in errors[1][0].lower(), errors
