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


#: Titles long enough that a table of them is several times a small pipe's capacity.
LONG_TITLE = "Harbour council votes on the ferry timetable for the coming season " * 5


@pytest.fixture(scope="module")
def wide_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 articles with 300-character titles: a table of about 15 kB."""
    folder = tmp_path_factory.mktemp("wide")
    news = folder / "wide.jsonl"
    news.write_text(
        "".join(
            json.dumps({"title": f"{i} {LONG_TITLE}", "body": f"Item {i} on the harbour."}) + "\n"
            for i in range(40)
        ),
        encoding="utf-8",
    )
    with Library.open(folder / "library") as library:
        assert library.add([str(news)]).added == 40
    return folder / "library"


@pytest.mark.parametrize("unbuffered", ["1", ""])
@pytest.mark.parametrize("argv", [["articles"], ["search", "harbour", "--limit", "100"]])
def test_a_table_cut_off_midway_ends_with_141(
    wide_library: Path, argv: list[str], unbuffered: str
) -> None:
    """`dateline articles | head -1` on a big library (QA 5, item 8). With PYTHONUNBUFFERED set
    stdout has no buffer: the reader leaving during the table's one large write made that write
    come back short, without an error, and the rest was dropped in silence: exit 0."""
    import fcntl
    import os
    import time

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # the table is many times this
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--library", str(wide_library), *argv],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(write_end)
    assert os.read(read_end, 100)  # `head` reads its first line...
    time.sleep(1.0)  # ...while the writer waits in the middle of its write
    os.close(read_end)  # and goes away
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == EXIT_BROKEN_PIPE, stderr
    assert stderr == ""


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["search", "aleppo", "--bogus", "--json"], "--bogus"),
        (["search", "x", "--limit", "-5", "--json"], "--limit"),
        (["search", "--json"], "query"),
        (["articles", "--limit", "x", "--json"], "--limit"),
    ],
)
def test_a_usage_error_with_json_says_it_on_stdout(
    tui_library_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    """QA 5, item 16: argparse's text went to stderr and a script reading stdout got nothing."""
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--library", str(tui_library_path)])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    error = json.loads(captured.out)["error"]
    assert said in error and error.startswith("dateline")
    assert "usage:" in captured.err and said in captured.err


def test_a_usage_error_without_json_prints_nothing_on_stdout(
    tui_library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["search", "x", "--bogus", "--library", str(tui_library_path)])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "unrecognized arguments: --bogus" in captured.err


def test_entities_with_no_match_say_so_in_one_line(
    tui_library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA 5, item 18: a title and an empty table's header said nothing."""
    lib = ["--library", str(tui_library_path)]
    assert main(["entities", "--type", "person", "--query", "place:mosul", *lib]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "No entities of type person in results of 'place:mosul'."
    assert main(["entities", "--query", "place:mosul", "--json", *lib]) == 0
    assert json.loads(capsys.readouterr().out) == {"entities": []}
