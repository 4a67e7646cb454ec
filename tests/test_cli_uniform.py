"""The CLI behaves as one tool: a closed pipe ends any command quietly, `entities list` lists as
`feeds list` does, `reindex` speaks JSON, and every count agrees with its noun."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index import Library
from index.query import Query
from reader.cli import EXIT_BROKEN_PIPE, main
from reader.state import SAVED_SEARCHES, SavedSearch, dump_saved
from tui_fixtures import tui_library_fixture, tui_library_path_fixture  # noqa: F401 (fixtures)


@pytest.mark.parametrize(
    "argv",
    [
        ["articles", "--json"],
        ["articles"],
        ["search", "valencia", "--json"],
        ["entities", "list"],
        ["feeds", "export"],
    ],
)
def test_a_reader_that_closes_the_pipe_ends_the_command_quietly(
    tui_library_path: Path, argv: list[str]
) -> None:
    """`dateline articles --json | head -1`: no traceback, no closed-database error at exit."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from reader.cli import main; sys.exit(main())",
         *argv, "--library", str(tui_library_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first byte is written
    stderr = proc.stderr.read().decode()
    assert proc.wait() == EXIT_BROKEN_PIPE
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert stderr == ""


def test_entities_list_is_the_listing(
    tui_library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(tui_library_path)]
    assert main(["entities", "--json", *lib]) == 0
    bare = json.loads(capsys.readouterr().out)
    assert main(["entities", "list", "--json", *lib]) == 0
    assert json.loads(capsys.readouterr().out) == bare
    # Options before `list` hold as they do after it.
    assert main(["entities", "--type", "place", "list", "--json", *lib]) == 0
    places = json.loads(capsys.readouterr().out)["entities"]
    assert places and {e["type"] for e in places} == {"place"}
    assert main(["entities", "list", "--type", "place", "--limit", "1", "--json", *lib]) == 0
    assert json.loads(capsys.readouterr().out)["entities"] == places[:1]
    assert main(["entities", "list", *lib]) == 0
    assert "Valencia" in capsys.readouterr().out


def test_reindex_json(tui_library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reindex", "--json", "--library", str(tui_library_path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"reindexed": 6}
    assert main(["reindex", "--library", str(tui_library_path)]) == 0
    assert "Reindexed 6 articles." in capsys.readouterr().out


def test_counts_agree_with_their_nouns(
    tui_library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(tui_library_path)]
    with Library.open(tui_library_path) as library:
        lonely = library.search("Nairobi").hits[0].article.id
    assert main(["story", lonely, *lib]) == 0
    text = capsys.readouterr().out
    assert "1 version " in text and "1 versions" not in text
    assert main(["articles", "--limit", "1", *lib]) == 0
    assert "1 article\n" in capsys.readouterr().out
    assert main(["search", "Nairobi", *lib]) == 0
    assert "1 result for 'Nairobi'" in capsys.readouterr().out


def test_watch_with_nothing_new_says_so(
    tui_library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open(tui_library_path) as library:
        library.set_state(SAVED_SEARCHES, dump_saved([SavedSearch("Trams", Query("tram"))]))
        library.watch_seen("Trams")
    assert main(["watch", "--library", str(tui_library_path)]) == 0
    text = capsys.readouterr().out
    assert "Trams — No new articles." in text
    assert "id" not in text.split()  # no header of an empty table
