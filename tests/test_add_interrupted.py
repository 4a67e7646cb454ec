"""Ctrl-C of `dateline add` says how much was kept (QA pass 5, polish 17: it printed only
"interrupted"). An add stores its articles in groups, each in one transaction; the Ctrl-C is
delivered as Python delivers SIGINT, as KeyboardInterrupt, here after the first group."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import index.library_add
from index import Library
from tests.test_cli_contract import run

LINES = [
    ("Ferry fares frozen", "Fares to Texel stay the same next year, the ferry company said."),
    ("Dune path reopens", "The dune path at Callantsoog reopened after the storm damage."),
    ("Lighthouse repainted", "The lighthouse at Den Helder was repainted red and white."),
    ("Harbour dredged", "Dredgers cleared the harbour mouth at Oudeschild this week."),
]


def test_ctrl_c_of_add_says_what_was_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    items = tmp_path / "coast.jsonl"
    items.write_text("".join(json.dumps({"title": t, "body": b}) + "\n" for t, b in LINES))
    monkeypatch.setattr(index.library_add, "GROUP_ARTICLES", 2)  # two groups of two
    real = index.library_add.Adding._ingest_isolated
    calls = []

    def then_ctrl_c(self, group, progress, ready):  # type: ignore[no-untyped-def]
        if calls:
            raise KeyboardInterrupt
        calls.append(1)
        return real(self, group, progress, ready)

    monkeypatch.setattr(index.library_add.Adding, "_ingest_isolated", then_ctrl_c)
    lib = ["--library", str(tmp_path / "lib")]
    code, _, err = run(capsys, *lib, "add", str(items))
    assert code == 130
    assert "interrupted: 2 new articles stored and kept; add the same inputs again" in err
    with Library.open(tmp_path / "lib") as library:
        assert library.stats()["articles"] == 2
    monkeypatch.setattr(index.library_add.Adding, "_ingest_isolated", real)
    code, out, _ = run(capsys, *lib, "add", str(items), "--json")
    assert code == 0 and (json.loads(out)["added"], json.loads(out)["unchanged"]) == (2, 2)


def test_ctrl_c_before_anything_was_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    items = tmp_path / "coast.jsonl"
    items.write_text(json.dumps({"title": LINES[0][0], "body": LINES[0][1]}) + "\n")

    def ctrl_c(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(index.library_add.Adding, "_ingest_isolated", ctrl_c)
    code, out, err = run(capsys, "--library", str(tmp_path / "lib"), "add", str(items), "--json")
    assert code == 130 and "interrupted before any new article was stored" in err
    assert json.loads(out) == {"error": "interrupted before any new article was stored", "added": 0}
