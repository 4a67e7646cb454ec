"""`dateline entities retype|block`, ambiguous names listed with their candidates, `--model`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import parse_config
from tests.test_cli import run


def hits(capsys: pytest.CaptureFixture[str], lib: list[str], query: str) -> int:
    _, out, _ = run(capsys, *lib, "search", query, "--json")
    return int(json.loads(out)["total"])


def test_retype_and_block_are_undoable_and_search_follows(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(library_path)]
    code, out, _ = run(capsys, *lib, "entities", "retype", "Nino Beridze", "org")
    assert code == 0 and 'Retyped "Nino Beridze" from person to org' in out
    assert hits(capsys, lib, "org:beridze") == 1 and hits(capsys, lib, "person:beridze") == 0
    code, out, _ = run(capsys, *lib, "entities", "block", "Mosul", "--json")
    assert code == 0 and json.loads(out)["message"].startswith('"Mosul" is not an entity')
    assert hits(capsys, lib, "place:mosul") == 0
    assert run(capsys, *lib, "entities", "undo")[0] == 0
    assert hits(capsys, lib, "place:mosul") == 2
    assert run(capsys, *lib, "entities", "undo")[0] == 0
    assert hits(capsys, lib, "person:beridze") == 1


def test_ambiguous_name_lists_candidates(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(library_path)]
    assert run(capsys, *lib, "entities", "alias", "Karim al-Jabouri", "KJB")[0] == 0
    assert run(capsys, *lib, "entities", "alias", "Nino Beridze", "KJB")[0] == 0
    code, _, err = run(capsys, *lib, "entities", "block", "KJB")
    assert code == 1
    assert "may mean" in err and "Karim al-Jabouri" in err and "Nino Beridze" in err
    code, out, _ = run(capsys, *lib, "entities", "retype", "KJB", "org", "--json")
    data = json.loads(out)
    assert code == 1 and {c["name"] for c in data["candidates"]} == {
        "Karim al-Jabouri",
        "Nino Beridze",
    }
    assert all(c["type"] == "person" and c["count"] >= 1 for c in data["candidates"])


def test_model_option_is_read_only_by_commands_that_extract(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An unknown `--model` no longer stops every command with a usage error (QA 6): a
    command that extracts nothing does not read it (tests/test_settings_problems.py has the
    warning of those that do)."""
    monkeypatch.delenv("DATELINE_NER_MODEL", raising=False)
    code = main(
        ["--model", "en_core_web_nonexistent", "--library", str(tmp_path / "no"), "articles"]
    )
    assert code == 2  # the library does not exist; the model was not the problem
    assert "not installed" not in capsys.readouterr().err


def test_config_model_key() -> None:
    assert parse_config('[entities]\nmodel = "md"\n').ner_model == "md"
    bad = parse_config("[entities]\nmodel = 3\n")
    assert bad.ner_model is None and "model must be a string" in bad.warnings[0]
    assert parse_config("").ner_model is None


def entity_rows(capsys: pytest.CaptureFixture[str], lib: list[str]) -> set[tuple[str, str, int]]:
    _, out, _ = run(capsys, *lib, "entities", "--json")
    return {(e["name"], e["type"], e["count"]) for e in json.loads(out)["entities"]}


def test_a_name_another_type_has_is_refused_unless_forced(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The library has a place "Georgia": renaming a person to it says so, with the ways
    forward; `--force` keeps two entities of one name; undo restores the listing."""
    lib = ["--library", str(library_path)]
    before = entity_rows(capsys, lib)
    assert ("Georgia", "place", 1) in before
    code, out, err = run(capsys, *lib, "entities", "rename", "Nino Beridze", "Georgia")
    assert code == 1 and out == ""
    said = " ".join(err.split())
    assert 'There is already a place called "Georgia" (1 article).' in said
    assert 'dateline entities merge "Georgia" "Nino Beridze"' in said
    assert 'dateline entities retype "Georgia" person --type place' in said
    assert "rename anyway with --force" in said
    for action in ("rename", "alias"):
        code, out, _ = run(capsys, *lib, "entities", action, "Nino Beridze", "Georgia", "--json")
        data = json.loads(out)
        assert code == 1 and data["error"].startswith("There is already a place")
        assert data["conflicts"] == [{"name": "Georgia", "type": "place", "count": 1}]
    assert entity_rows(capsys, lib) == before
    code, out, _ = run(
        capsys, *lib, "entities", "rename", "Nino Beridze", "Georgia", "--force", "--json"
    )
    assert code == 0
    assert json.loads(out)["message"] == (
        'Renamed "Nino Beridze" to "Georgia" (person); kept apart from the place "Georgia"'
    )
    after = entity_rows(capsys, lib)
    assert {("Georgia", "person", 1), ("Georgia", "place", 1)} <= after
    assert hits(capsys, lib, 'person:"georgia"') == 1
    code, _, err = run(capsys, *lib, "entities", "block", "Georgia")
    assert code == 1 and "Give its type with --type" in err  # now a name of two entities
    assert run(capsys, *lib, "entities", "undo")[0] == 0
    assert entity_rows(capsys, lib) == before
