"""Shared fixtures: one small library built per session (NER is the slow part), copied per test."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.entities.registry import Registry
from newsfixtures import write_corpus


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's real library, config or cache from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("DATELINE_LIBRARY", raising=False)
    # No detached background merge outliving a test (tests/test_merging.py turns it on).
    monkeypatch.setenv("DATELINE_BACKGROUND_MERGE", "0")


@pytest.fixture(scope="session")
def news_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("news"))


@pytest.fixture(scope="session")
def built_library(tmp_path_factory: pytest.TempPathFactory, news_inputs: dict[str, Path]) -> Path:
    from index import Library

    root = tmp_path_factory.mktemp("lib") / "library"
    with Library.open(root) as lib:
        report = lib.add([str(p) for p in news_inputs.values()])
    assert not report.failures, report.failures
    return root


@pytest.fixture
def library_path(built_library: Path, tmp_path: Path) -> Path:
    """A private copy of the session library that a test may change."""
    target = tmp_path / "library"
    shutil.copytree(built_library, target)
    return target


@pytest.fixture
def library(library_path: Path) -> Iterator[object]:
    from index import Library

    with Library.open(library_path) as lib:
        yield lib


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    """An in-memory database: the registry tests need a real SQLite, not a file."""
    c = sqlite3.connect(":memory:", isolation_level=None)
    yield c
    c.close()


@pytest.fixture
def reg(conn: sqlite3.Connection) -> Registry:
    """An empty registry on `conn`, shared by the registry, corrections and naming tests."""
    return Registry(conn)
