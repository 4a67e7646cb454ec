"""`dateline entity` and `dateline story`: JSON contract, exit codes, hostile text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from index import Library, pages
from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_entity_json_contract(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--library", str(library_path), "entity", "Karim", "al-Jabouri", "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "id", "name", "type", "aliases", "articles", "first", "last", "bucket", "timeline",
        "busiest", "related", "sources", "quotes", "latest",
    }  # fmt: skip
    assert data["name"] == "Karim al-Jabouri" and data["type"] == "person"
    assert data["articles"] == 2 and data["bucket"] in ("day", "week")
    assert all(set(b) == {"start", "count"} for b in data["timeline"])
    assert {s["source"] for s in data["sources"]} == {"Levant Wire", "Gulf Daily Monitor"}
    for q in data["quotes"]:
        assert set(q) == {"text", "kind", "cue", "article_id", "title", "source", "date", "start", "end", "undated"}  # fmt: skip
    for r in data["related"]:
        assert set(r) == {"name", "type", "articles", "together", "lift", "pmi"}
    assert data["latest"] and {"id", "title", "published"} <= set(data["latest"][0])


def test_entity_unknown_and_text_output(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    code, out, _err = run(capsys, "--library", str(library_path), "entity", "Qwxz Vbnm", "--json")
    assert code == 1 and "error" in json.loads(out)
    assert json.loads(out)["candidates"] == []  # the README's one shape for every failure
    code, out, _ = run(capsys, "--library", str(library_path), "entity", "Mosul")
    assert code == 0 and "Mosul" in out and "Latest articles" in out


def test_story_json_contract(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(library_path) as lib:
        story = next(a.story for a in lib.articles() if a.story_size > 1)
    code, out, _ = run(capsys, "--library", str(library_path), "story", story, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["story"] == story and len(data["versions"]) == 2 and data["shared"] >= 2
    for v in data["versions"]:
        assert {s["status"] for s in v["sentences"]} <= {"shared", "unique", "differs"}
        assert v["first_seen"] and v["article"]["source"]
    code, out, err = run(capsys, "--library", str(library_path), "story", "nope")
    assert code == 1 and "nope" in err


def test_ambiguous_entity_lists_candidates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            json.dumps(
                {
                    "title": f"Port report {i}",
                    "body": f"{who} said on Monday that the Basra port would reopen within {i + 2} weeks.",
                    "url": f"https://amb.example/{i}",
                    "source": "Levant Wire",
                }
            )
            for i, who in enumerate(["Samir Haddad", "Leila Haddad"])
        )
    )
    with Library.open(tmp_path / "lib") as lib:
        lib.add([str(src)])
    code, out, _ = run(capsys, "--library", str(tmp_path / "lib"), "entity", "Haddad", "--json")
    assert code == 1
    assert {c["name"] for c in json.loads(out)["candidates"]} == {"Samir Haddad", "Leila Haddad"}
    code, _, err = run(capsys, "--library", str(tmp_path / "lib"), "entity", "Haddad")
    assert code == 1 and "Samir Haddad" in err and "Leila Haddad" in err


def test_hostile_text_is_printed_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({
        "title": "Alert \x1b]0;pwned\x07 [red]x[/red] in Lisbon",
        "body": "Lisbon fire crews answered a false alarm at the ferry terminal on Saturday.",
        "url": "https://hostile.example/1",
        "published": "2025-02-01T12:00:00+00:00",
        "source": "Tagus [i]Daily[/i]",
    }))  # fmt: skip
    with Library.open(tmp_path / "lib") as lib:
        lib.add([str(src)])
    code, out, _ = run(capsys, "--library", str(tmp_path / "lib"), "entity", "Lisbon")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "[i]Daily[/i]" in out and "[red]x[/red]" in out


def test_forget_takes_every_contribution_back(library_path: Path) -> None:
    conn = sqlite3.connect(library_path / "library.sqlite", isolation_level=None)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    conn.execute("BEGIN")
    for aid in ids:
        pages.forget(conn, aid)
    for table in ("articles", "entities", "days", "sources", "quotes"):
        assert conn.execute(f"SELECT COUNT(*) FROM page_{table}").fetchone()[0] == 0, table
    conn.execute("ROLLBACK")
    conn.close()
