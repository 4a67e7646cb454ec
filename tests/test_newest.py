"""`Library.newest` streams the list's order without reading the library up front, and
`dateline articles --limit` lists the newest N with the same JSON shape as every article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import Library
from reader.cli import main


def test_newest_is_the_list_order_in_batches(library: Library) -> None:
    every = [a.id for a in library.articles()]
    assert len(every) > 3
    assert [a.id for a in library.newest(batch=3)] == every
    assert [a.id for a in library.newest(3, batch=2)] == every[:3]
    assert list(library.newest(0)) == []
    full = {a.id: a for a in library.articles()}
    assert all(a == full[a.id] for a in library.newest(batch=2))  # entities and story sizes too


def test_cli_articles_limit(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library_path)]
    assert main(["articles", "--json", *lib]) == 0
    every = json.loads(capsys.readouterr().out)["articles"]
    assert main(["articles", "--json", "--limit", "3", *lib]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == every[:3]
    assert main(["articles", "--json", "--limit", "0", *lib]) == 0
    assert json.loads(capsys.readouterr().out) == {"articles": []}
    assert main(["articles", "--limit", "2", *lib]) == 0
    assert "2 articles" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        main(["articles", "--limit", "-1", *lib])
    assert exited.value.code == 2


def test_a_stream_left_half_read_after_the_library_closed_prints_nothing(
    library_path: Path,
) -> None:
    """QA: abandoning `newest()` inside `with Library.open()` printed "Exception ignored …
    Cannot operate on a closed database" when the generator was collected after the close.
    A second interpreter, as a script using the Python API would run it."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from index import Library\n"
        "with Library.open(sys.argv[1]) as lib:\n"
        "    stream = lib.newest(batch=2)\n"
        "    print(next(stream).id)\n"
        "del stream\n"
        "print('done')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(library_path)], capture_output=True, text=True
    )
    assert run.returncode == 0 and run.stdout.splitlines()[-1] == "done"
    assert run.stderr == ""
