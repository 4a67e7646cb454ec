"""`add --json` names an input's kind from the documented list even when the input was
added before and skipped by fingerprint (QA pass 5, finding 7: it said `kind: "seen"`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_cli_contract import run

#: The kinds the README documents for `add --json`.
README = Path(__file__).resolve().parent.parent / "README.md"


def _documented_kinds() -> set[str]:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"`kind` is what the input was found to be \(([^)]*)\)", text)
    assert found, "the README's add --json row names the kinds"
    return set(re.findall(r"`(\w+)`", found.group(1)))


def test_an_input_added_again_keeps_its_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "items.jsonl").write_text(
        json.dumps({"title": "Tram line opens in Aarhus", "body": "The new tram line in Aarhus "
                    "opened on Sunday with free rides all day."}) + "\n"
    )  # fmt: skip
    (folder / "page.html").write_text(
        "<html><head><title>Library reopens</title></head><body><article><h1>Library reopens"
        "</h1><p>The town library of Ebeltoft reopened on Monday after a year of repairs, the "
        "librarian Sofie Dahl said.</p><p>Its reading room now stays open until nine.</p>"
        "</article></body></html>"
    )
    lib = ["--library", str(tmp_path / "lib")]
    code, out, _ = run(capsys, *lib, "add", str(folder), "--json")
    assert code == 0
    first = {Path(i["input"]).name: i["kind"] for i in json.loads(out)["inputs"]}
    code, out, _ = run(capsys, *lib, "add", str(folder), "--json")
    assert code == 0
    data = json.loads(out)
    again = {Path(i["input"]).name: i["kind"] for i in data["inputs"]}
    assert again == first == {"items.jsonl": "jsonl", "page.html": "html"}
    assert data["unchanged"] == 2 and data["added"] == 0
    assert set(again.values()) <= _documented_kinds()
