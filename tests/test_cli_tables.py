"""CLI article tables at narrow widths (QA 4, bug 2): `articles`, `search`, `watch` and an
entity's "Latest articles" keep the id and the date whole (an id can be passed to `dateline
show`), keep a title column, cap a long source with "…", and in a pipe print one line a row.

Each command runs in a second process, as in a shell: `COLUMNS` sets the width, and
`FORCE_COLOR` makes Rich treat the pipe as a terminal (where a title may wrap in its column).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from index import Library
from index.query import Query
from reader.state import SAVED_SEARCHES, SavedSearch, dump_saved

LONG_SOURCE = "The Very Long Named Bosphorus Evening Chronicle"
NEWS = [
    {
        "title": "Ayşe Kılıç says the harbour boats will start early on Lake Mjøsa this spring",
        "body": "Harbour master Ayşe Kılıç said the boats would start early. Kılıç said so.",
        "url": "https://chronicle.example/1",
        "published": "2025-04-01T08:00:00+00:00",
        "source": LONG_SOURCE,
    },
    {
        "title": "Ferry timetable for the lake is published by the harbour office",
        "body": "The harbour office of Ayşe Kılıç published the summer ferry timetable.",
        "url": "https://wire.example/2",
        "published": "2025-04-02T08:00:00+00:00",
        "source": "Wire",
    },
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(name="chronicle", scope="module")
def chronicle_fixture(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A library with a long-named source, a saved search to watch, and its article ids."""
    folder = tmp_path_factory.mktemp("chronicle")
    news = folder / "news.jsonl"
    news.write_text("\n".join(json.dumps(n, ensure_ascii=False) for n in NEWS) + "\n", "utf-8")
    root = folder / "library"
    with Library.open(root) as library:
        library.set_state(SAVED_SEARCHES, dump_saved([SavedSearch("Harbour", Query("harbour"))]))
        assert library.add([str(news)]).added == 2
        ids = [a.id for a in library.newest()]
    return root, ids


def dateline(library: Path, *argv: str, columns: int, terminal: bool = False) -> list[str]:
    """The lines `dateline ARGV` prints at `columns`, into a pipe (or a forced terminal)."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env.update(COLUMNS=str(columns), NO_COLOR="1")
    if terminal:
        env["FORCE_COLOR"] = "1"
    command = [sys.executable, "-m", "reader.cli", "--library", str(library), *argv]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return ANSI.sub("", result.stdout).splitlines()


COMMANDS = (("articles",), ("search", "harbour"), ("watch",), ("entity", "Ayşe Kılıç"))


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
@pytest.mark.parametrize("columns", (60, 70, 80, 100))
def test_piped_rows_are_one_line_with_the_id_date_and_title(
    chronicle: tuple[Path, list[str]], argv: tuple[str, ...], columns: int
) -> None:
    library, ids = chronicle
    lines = dateline(library, *argv, columns=columns)
    for article_id in ids:
        (row,) = [line for line in lines if article_id in line]  # whole, on exactly one line
        assert "2025-04-0" in row, row  # the date whole
        assert cell_len(row) <= columns, row
    (long_row,) = [line for line in lines if ids[1] in line]  # the oldest: the long source
    assert "Ayşe" in long_row, lines  # the title keeps a column
    if columns < 100:
        assert LONG_SOURCE not in long_row and "The V" in long_row and "…" in long_row
    header = next(line for line in lines if " id " in f" {line} " and "title" in line)
    assert "date" in header


@pytest.mark.parametrize("columns", (60, 80))
def test_on_a_terminal_the_title_wraps_in_its_column(
    chronicle: tuple[Path, list[str]], columns: int
) -> None:
    library, ids = chronicle
    lines = dateline(library, "search", "harbour", columns=columns, terminal=True)
    assert all(cell_len(line) <= columns for line in lines), lines
    for article_id in ids:
        assert any(article_id in line and "2025-04-0" in line for line in lines), lines
    text = " ".join(lines)
    assert "harbour" in text and "published" in text  # the titles' last words, wrapped


def test_a_pipe_without_columns_prints_every_row_whole(chronicle: tuple[Path, list[str]]) -> None:
    library, ids = chronicle
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")}
    command = [sys.executable, "-m", "reader.cli", "--library", str(library), "articles"]
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300).stdout
    row = next(line for line in out.splitlines() if ids[1] in line)
    assert LONG_SOURCE in row and NEWS[0]["title"] in row
