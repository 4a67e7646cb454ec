"""What the settings tests share: an article to add, a machine with no model or config setting
of its own, and the CLI's warning lines (tests/test_model_setting.py and
tests/test_settings_problems.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.entities import ner

ARTICLE = {
    "title": "Ferry service resumes in Aqaba",
    "body": "The ferry from Aqaba to Nuweiba sailed again on Monday, the port authority said.",
    "url": "https://example.org/aqaba-ferry",
    "published": "2025-03-03T09:00:00+00:00",
    "source": "Gulf Wire",
}


@pytest.fixture(autouse=True, name="_no_settings")
def no_settings_fixture(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No model or config from the machine running the tests; restored afterwards."""
    monkeypatch.delenv(ner.MODEL_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("DATELINE_CONFIG", raising=False)


def one_article(tmp_path: Path) -> Path:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return path


def warnings_in(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning:")]
