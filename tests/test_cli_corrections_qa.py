"""QA findings on entity corrections, driven through the real CLI on a real library: a blocked
name has no page, a split-off name gets its own type back, every `--json` is one shape, "an org",
and the small things (an undated row's date, an empty search, a one-file add's progress)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from index import Library, pages
from index.entities.registry import Registry
from reader.cli import main
from tests.test_registry import add

ARTICLES = [
    {
        "title": "Harbour talks resume in Tromsø",
        "body": "Einar K. Kvalheim, the harbour master, said on Tuesday that talks with Serra "
        "Verde Commodities would resume. Kvalheim said the Arctic Freight Union backed the "
        "plan.\n\nSerra Verde Commodities said its grain ships would call at Tromsø in March.",
        "url": "https://qa.example/1",
        "source": "Nordlys Wire",
        "published": "2026-03-02T10:00:00+00:00",
    },
    {  # undated: rows show when it was first seen
        "title": "Grain from Serra Verde",
        "body": "Farmers in Serra Verde said harvests were late this year. Serra Verde lies in "
        "the highlands, and the Arctic Freight Union said Einar K. Kvalheim would meet them.",
        "url": "https://qa.example/2",
        "source": "Planalto Post",
    },
    {
        "title": "Ferry timetable changes",
        "body": "Ingrid Solberg, who runs the ferry office, said on Monday that the winter "
        "timetable would start a week early.",
        "url": "https://qa.example/3",
        "source": "Nordlys Wire",
        "published": "2026-03-03T09:00:00+00:00",
    },
    {
        "title": "Library opens late",
        "body": "Maren Solberg, the town librarian, said on Wednesday that the reading room "
        "would stay open until nine.",
        "url": "https://qa.example/4",
        "source": "Nordlys Wire",
        "published": "2026-03-04T09:00:00+00:00",
    },
]


@pytest.fixture(scope="module")
def qa_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("qa")
    src = root / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    with Library.open(root / "lib") as lib:
        assert not lib.add([str(src)]).failures
    return root / "lib"


@pytest.fixture
def lib(qa_built: Path, tmp_path: Path) -> list[str]:
    target = tmp_path / "lib"
    shutil.copytree(qa_built, target)
    return ["--library", str(target)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listing(capsys: pytest.CaptureFixture[str], lib: list[str]) -> set[tuple[str, str, int]]:
    _, out, _ = run(capsys, *lib, "entities", "--json")
    return {(e["name"], e["type"], e["count"]) for e in json.loads(out)["entities"]}


def one_line(text: str) -> str:
    return " ".join(text.split())


# -- 1. a blocked name is not an entity ---------------------------------------------------------
def test_a_blocked_entity_has_no_page(lib: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *lib, "entity", "Arctic", "Freight", "Union", "--json")
    assert code == 0
    assert "Einar K. Kvalheim" in {r["name"] for r in json.loads(out)["related"]}
    assert run(capsys, *lib, "entities", "block", "Einar K. Kvalheim")[0] == 0

    code, out, err = run(capsys, *lib, "entity", "Kvalheim")
    assert code == 1 and out == ""
    said = one_line(err)
    assert '"Kvalheim" was marked "not an entity" (as "Einar K. Kvalheim")' in said
    assert 'dateline entities unblock "Einar K. Kvalheim"' in said and "person ·" not in said
    code, out, _ = run(capsys, *lib, "entity", "Kvalheim", "--json")
    data = json.loads(out)
    assert code == 1 and set(data) == {"error", "candidates"} and data["candidates"] == []
    assert 'marked "not an entity"' in data["error"]
    # Blocking it again says it already is, instead of "removed from 0 articles".
    code, _, err = run(capsys, *lib, "entities", "block", "Einar K. Kvalheim")
    assert code == 1 and 'marked "not an entity"' in one_line(err)

    # The facade the TUI's entity page reads: no page, and not among anyone's related.
    with Library.open(Path(lib[1])) as library:
        with pytest.raises(pages.PageError, match="not an entity"):
            library.entity_page("Einar K. Kvalheim", "person")
        related = library.entity_page("Arctic Freight Union").related
        assert "Einar K. Kvalheim" not in {r.entity.name for r in related}

    assert run(capsys, *lib, "entities", "undo")[0] == 0
    code, out, _ = run(capsys, *lib, "entity", "Kvalheim", "--json")
    assert code == 0 and json.loads(out)["name"] == "Einar K. Kvalheim"


# -- 2. a split-off name gets back its own type --------------------------------------------------
def test_split_after_a_cross_type_merge_restores_the_type(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = listing(capsys, lib)
    assert {("Serra Verde", "place", 1), ("Serra Verde Commodities", "org", 1)} <= before
    code, out, _ = run(capsys, *lib, "entities", "merge", "Serra Verde Commodities", "Serra Verde")
    assert code == 0 and "(org, 2 articles)" in out
    code, out, _ = run(
        capsys, *lib, "entities", "split", "Serra Verde Commodities", "Serra Verde", "--json"
    )
    assert code == 0
    assert json.loads(out)["message"] == (
        'Split "Serra Verde" from "Serra Verde Commodities": now its own place (1 article)'
    )
    assert listing(capsys, lib) == before
    _, out, _ = run(capsys, *lib, "search", 'place:"serra verde"', "--json")
    assert json.loads(out)["total"] == 1
    assert run(capsys, *lib, "entities", "undo")[0] == 0  # the split
    assert ("Serra Verde Commodities", "org", 2) in listing(capsys, lib)
    _, out, _ = run(capsys, *lib, "search", 'org:"serra verde"', "--json")
    assert json.loads(out)["total"] == 2  # its forms are the org's again
    assert run(capsys, *lib, "entities", "undo")[0] == 0  # the merge
    assert listing(capsys, lib) == before


def test_a_split_name_no_merge_brought_in_takes_the_voted_type() -> None:
    """A place's name added to an org as an alias (forced: two things of one name) and split
    off again goes to the place the articles voted for, not to a new org."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    reg = Registry(conn)
    add(reg, "a1", "Velmora Trading cut prices.", ("org", "Velmora Trading"))
    add(reg, "a2", "Farms near Kessary flooded. Kessary roads shut.", ("place", "Kessary"))
    reg.alias("Velmora Trading", "Kessary", force=True)
    message, _ = reg.split("Velmora Trading", "Kessary")
    assert message.startswith('Split "Kessary" from "Velmora Trading": now its own place')
    assert {(e.name, e.type) for e in reg.counts()} == {
        ("Velmora Trading", "org"),
        ("Kessary", "place"),
    }
    conn.close()


# -- 3. one JSON for every command ---------------------------------------------------------------
def assert_like_search(out: str) -> dict[str, object]:
    """Indented and escaped exactly as `search --json` is (cli_output.emit_json)."""
    data = json.loads(out)
    assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return data


def test_every_correction_prints_json_like_search(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert_like_search(run(capsys, *lib, "search", "ferry", "--json")[1])
    for argv in (
        ("retype", "Tromsø", "org"),
        ("block", "Tromsø"),
        ("rename", "Ingrid Solberg", "Ingrid M. Solberg"),
        ("merge", "Arctic Freight Union", "Serra Verde Commodities"),
        ("undo",),
        ("block", "Solberg"),  # ambiguous: the candidates
        ("retype", "Solberg", "org"),
        ("merge", "Solberg", "Tromsø"),
        ("split", "Solberg", "Tromsø"),
    ):
        code, out, _ = run(capsys, *lib, "entities", *argv, "--json")
        data = assert_like_search(out)
        assert ("error" in data) == (code != 0), argv


def test_candidates_have_one_shape_everywhere(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    shapes = []
    for argv in (
        ("entity", "Solberg"),
        ("entities", "block", "Solberg"),
        ("entities", "retype", "Solberg", "org"),
        ("entities", "merge", "Solberg", "Tromsø"),
    ):
        code, out, _ = run(capsys, *lib, *argv, "--json")
        candidates = json.loads(out)["candidates"]
        assert code == 1 and len(candidates) == 2, argv
        shapes.append(sorted(candidates, key=lambda c: c["name"]))
    assert all(shape == shapes[0] for shape in shapes)
    assert shapes[0][0] == {
        "name": "Ingrid Solberg",
        "type": "person",
        "articles": 1,
        "count": 1,
        "aliases": [],
    }
    code, _, err = run(capsys, *lib, "entities", "merge", "Tromsø", "Solberg")
    assert code == 1 and '"Solberg" may mean' in err and "Maren Solberg" in err


# -- 4. "an org" -----------------------------------------------------------------------------------
def test_messages_say_a_or_an(lib: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *lib, "entities", "retype", "Arctic Freight Union", "org")
    assert code == 0 and out.startswith('Kept "Arctic Freight Union" an org, final now')
    code, _, err = run(capsys, *lib, "entities", "retype", "Arctic Freight Union", "org")
    assert code == 1 and '"Arctic Freight Union" is already an org' in one_line(err)
    code, _, err = run(capsys, *lib, "entities", "rename", "Ingrid Solberg", "Arctic Freight Union")
    said = one_line(err)
    assert code == 1 and 'There is already an org called "Arctic Freight Union"' in said
    assert "(an org)" in said and "a org" not in said


# -- 5. small things -------------------------------------------------------------------------------
def test_entity_rows_date_undated_articles_as_other_tables_do(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, articles, _ = run(capsys, *lib, "articles")
    row = next(line for line in articles.splitlines() if "Grain from Serra Verde" in line)
    assert "seen " in row
    code, out, _ = run(capsys, *lib, "entity", "Serra Verde", "--type", "place")
    row = next(line for line in out.splitlines() if "Grain from Serra Verde" in line)
    assert code == 0 and "seen " in row


def test_a_search_with_no_hits_says_so(lib: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *lib, "search", "zeppelinqx")
    assert code == 0 and out == "No articles match 'zeppelinqx'.\n"
    code, out, _ = run(capsys, *lib, "search", "zeppelinqx", "--json")
    data = json.loads(out)
    assert code == 0 and data["hits"] == [] and data["total"] == 0


def test_adding_a_missing_file_prints_no_stuttered_progress(
    lib: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, *lib, "add", str(tmp_path / "missing.txt"))
    assert code == 1 and "read:" not in err
    assert f"failed {tmp_path / 'missing.txt'}: no such file or folder" in one_line(err)
    assert "1 failed" in out
    code, _, err = run(capsys, *lib, "add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    lines = err.splitlines()
    assert code == 1 and "read: 0/2" in lines and "read: 2/2" in lines  # one line each
