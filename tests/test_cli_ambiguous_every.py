"""Every correction command lists the candidates of an ambiguous name, with their types (QA):
the person "ostrava" kept apart from the place "Ostrava" (rename --force) makes both spellings
ambiguous without --type — exact case included — and each command says which entities it
could mean, as `dateline entity` does, instead of a bare '"ostrava" is ambiguous'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glass_fixtures import (
    glass_library_fixture,  # noqa: F401 (a fixture)
    glass_path_fixture,  # noqa: F401 (a fixture)
)
from tests.test_cli import run

COMMANDS = [
    ("retype", "{}", "person"),
    ("alias", "{}", "Hanley Works"),
    ("rename", "{}", "Peter H."),
    ("block", "{}"),
    ("merge", "{}", "Ayşe Kılıç"),
    ("split", "{}", "Peter Hanley"),
]


@pytest.mark.parametrize("name", ["ostrava", "Ostrava"])
def test_every_correction_lists_the_candidates_with_their_types(
    glass_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    lib = ["--library", str(glass_path)]
    assert run(capsys, *lib, "entities", "rename", "Peter Hanley", "ostrava", "--force")[0] == 0
    for command in COMMANDS:
        args = [part.format(name) for part in command]
        code, _, err = run(capsys, *lib, "entities", *args)
        assert code == 1, args
        assert f'"{name}" may mean' in err, (args, err)
        assert "place" in err and "person" in err and "--type" in err, (args, err)
        code, out, _ = run(capsys, *lib, "entities", *args, "--json")
        data = json.loads(out)
        assert code == 1 and "ambiguous" in data["error"], args
        assert {(c["name"], c["type"]) for c in data["candidates"]} == {
            ("Ostrava", "place"),
            ("ostrava", "person"),
        }, args
