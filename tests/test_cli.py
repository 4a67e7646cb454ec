"""The `dateline` command's contract: JSON shapes, exit codes, hostile text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_search_json_contract(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--library", str(library_path), "search", "place:mosul", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"query", "total", "suggestion", "hits", "entities", "entities_over"}
    assert data["entities_over"] == data["total"]  # a small result set: counts are exact
    assert data["query"] == "place:mosul" and data["total"] == 2
    for hit in data["hits"]:
        assert set(hit) >= {"id", "title", "source", "url", "published", "score", "story",
                            "people", "places", "orgs", "highlight"}  # fmt: skip
        assert "Mosul" in hit["places"]
    assert set(data["entities"]) == {"people", "places", "orgs"}
    assert ["Mosul", 2] in data["entities"]["places"]


def test_sort_by_date(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "--library", str(library_path), "search", "", "--sort", "date", "--json"
    )
    dates = [h["published"] for h in json.loads(out)["hits"] if h["published"]]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 6


def test_show_json_has_body_and_mentions(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "--library", str(library_path), "search", "person:beridze", "--json")
    article_id = json.loads(out)["hits"][0]["id"]
    code, out, _ = run(capsys, "--library", str(library_path), "show", article_id, "--json")
    assert code == 0
    data = json.loads(out)
    assert "\n\n" in data["body"]
    assert data["mentions"], "mentions are listed"
    for m in data["mentions"]:
        assert set(m) == {"text", "start", "end", "type", "entity"}
        assert data["body"][m["start"] : m["end"]] == m["text"]
    assert "Nino Beridze" in data["people"]


def test_show_unknown_id(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--library", str(library_path), "show", "nope", "--json")
    assert code == 1 and "error" in json.loads(out)


def test_entities_json(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--library", str(library_path), "entities", "--type", "person", "--json"
    )
    assert code == 0
    rows = json.loads(out)["entities"]
    assert all(r["type"] == "person" for r in rows)
    assert {"name": "Karim al-Jabouri", "type": "person", "count": 2} in rows
    code, out, _ = run(
        capsys, "--library", str(library_path), "entities", "--query", "place:georgia", "--json"
    )
    names = {r["name"] for r in json.loads(out)["entities"]}
    assert "Nino Beridze" in names and "Karim al-Jabouri" not in names


def test_articles_json(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--library", str(library_path), "articles", "--json")
    articles = json.loads(out)["articles"]
    assert code == 0 and len(articles) == 8
    assert "score" not in articles[0] and "highlight" not in articles[0]


def test_add_reports_failures_and_exit_status(
    tmp_path: Path, news_inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib"
    code, out, _ = run(
        capsys,
        "--library",
        str(lib),
        "add",
        str(news_inputs["rss"]),
        str(tmp_path / "missing.txt"),
        "--json",
    )
    data = json.loads(out)
    assert code == 1
    assert data["added"] == 2 and data["failed"] == 1
    failed = [r for r in data["inputs"] if not r["ok"]]
    assert failed[0]["input"].endswith("missing.txt") and failed[0]["reason"]
    code, out, _ = run(capsys, "--library", str(lib), "add", str(news_inputs["rss"]))
    assert code == 0
    assert "0 added, 0 updated, 2 unchanged, 0 duplicates, 0 failed" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["search"])
    assert exc.value.code == 2


def test_hostile_text_never_reaches_the_terminal(tmp_path: Path) -> None:
    evil = tmp_path / "evil.jsonl"
    evil.write_text(
        json.dumps({"title": "Gaza \x1b[2J\x1b]0;pwned\x07 talks [red]resume[/red]",
                    "body": "Mediators met in Cairo on Monday.\x1b[31m Talks will resume.\x9b2J"}),
        encoding="utf-8",
    )  # fmt: skip
    env_lib = tmp_path / "lib"
    cmd = [sys.executable, "-m", "reader.cli", "--library", str(env_lib)]
    subprocess.run([*cmd, "add", str(evil)], check=True, capture_output=True)
    out = subprocess.run(
        [*cmd, "search", "cairo"], capture_output=True, text=True, check=True
    ).stdout
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "[red]" in out  # shown literally, never interpreted as Rich markup


def test_library_newer_format_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    from index import Library

    Library.open(tmp_path / "lib").close()
    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite")
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    code, _, err = run(capsys, "--library", str(tmp_path / "lib"), "articles")
    assert code == 2 and "newer Dateline" in err


def test_entity_corrections_are_undoable_and_search_follows(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(library_path)]

    def people(query: str) -> set[str]:
        _, out, _ = run(capsys, *lib, "search", query, "--json")
        return {name for hit in json.loads(out)["hits"] for name in hit["people"]}

    code, out, _ = run(capsys, *lib, "entities", "rename", "Karim al-Jabouri", "Karim Jabouri")
    assert code == 0 and "Karim Jabouri" in out
    assert "Karim Jabouri" in people("place:mosul")
    # merging two real people is the user's call; the index follows it
    code, _, _ = run(capsys, *lib, "entities", "merge", "Karim Jabouri", "Nino Beridze")
    assert code == 0
    _, out, _ = run(capsys, *lib, "search", "person:beridze", "--json")
    titles = {h["title"] for h in json.loads(out)["hits"]}
    assert len(titles) == 3  # Beridze's article now counts as Jabouri's too
    # undo twice: back to the original state
    assert run(capsys, *lib, "entities", "undo")[0] == 0
    assert run(capsys, *lib, "entities", "undo")[0] == 0
    assert "Karim al-Jabouri" in people("place:mosul")
    _, out, _ = run(capsys, *lib, "search", "person:beridze", "--json")
    assert len(json.loads(out)["hits"]) == 1
    code, _, err = run(capsys, *lib, "entities", "rename", "Nobody Atall", "X")
    assert code == 1 and "Nobody Atall" in err


def test_search_words_may_start_with_a_dash(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--library", str(library_path), "search", "water", "-pipeline", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["query"] == "water -pipeline"
    assert all("pipeline" not in h["title"].lower() for h in data["hits"])
    code, out, _ = run(
        capsys, "--library", str(library_path), "search", "-ferry", "--limit", "3", "--json"
    )
    assert code == 0 and json.loads(out)["query"] == "-ferry"


def test_query_text_is_never_markup(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--library", str(library_path), "search", "[/bold] water")
    assert code == 0 and "[/bold]" in out
    code, out, _ = run(capsys, "--library", str(library_path), "entities", "--query", "[/x] water")
    assert code == 0 and "[/x]" in out


def test_read_only_commands_never_create_a_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo" / "lib"
    for argv in (["articles"], ["search", "x"], ["entities"], ["show", "abc"], ["feeds", "list"]):
        code, _, err = run(capsys, "--library", str(missing), *argv)
        assert code == 2 and "no Dateline library" in err
    assert not missing.exists()


def test_negative_limits_are_usage_errors(library_path: Path) -> None:
    for argv in (["search", "x", "--limit", "-1"], ["entities", "--limit", "0"]):
        with pytest.raises(SystemExit) as exc:
            main(["--library", str(library_path), *argv])
        assert exc.value.code == 2


def test_feed_urls_are_checked_and_normalised(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(library_path), "feeds", "add", "--no-check"]  # offline
    assert run(capsys, *lib, "http://")[0] == 1
    assert run(capsys, *lib, 'http://example.org/a b".rss')[0] == 1
    assert run(capsys, *lib, "HTTP://Example.org/feed.rss#top")[0] == 0
    code, out, _ = run(capsys, *lib, "http://example.org/feed.rss")
    assert code == 0 and "Already subscribed" in out
    lib = lib[:2]
    _, out, _ = run(capsys, *lib, "feeds", "list", "--json")
    assert [f["url"] for f in json.loads(out)["feeds"]] == ["http://example.org/feed.rss"]


def test_a_library_that_cannot_be_opened_is_a_json_error_with_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("hello", encoding="utf-8")
    assert main(["--library", str(not_a_folder), "search", "ferry", "--json"]) == 2
    captured = capsys.readouterr()
    assert "not a library folder" in json.loads(captured.out)["error"]
    assert "not a library folder" in captured.err
