"""The sample corpus that ships with Dateline, and what `dateline demo` adds from it.

The corpus is package data under `corpus/`: about forty original articles written for the
project (invented people, outlets and quotes; real places) about a fortnight of news in
November 2026: a storm that floods Florence, southern Türkiye and southern Jordan; a customs
standoff at the Sarp crossing between Türkiye and Georgia settled in Zürich; a coffee-fraud
trial in Zürich; a mayoral by-election in Victoria, British Columbia. It comes in every input
format the back end reads (plain-text dumps, HTML pages, RSS, Atom, JSON Lines, plus an OPML
file that is kept out of the demo because adding it subscribes to feeds).

`corpus/MANIFEST.json` says how many articles each file holds, which articles tell the same
story, which article is stored twice, and the people, places and organisations a careful
reader expects for each article. Tests and the entity bench use it as truth.

This module never imports Textual: the CLI and the benches use it without the TUI.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

__all__ = ["build_summary", "corpus_dir", "corpus_inputs", "manifest"]

MANIFEST = "MANIFEST.json"


def corpus_dir() -> Path:
    """The folder holding the sample corpus (inside the installed package)."""
    resource = files("reader.demo") / "corpus"
    # The package is installed as plain files (never zipped), so this path stays valid.
    with as_file(resource) as path:
        return Path(path)


@cache
def manifest() -> dict[str, Any]:
    """The parsed `MANIFEST.json`: files, stories, the exact duplicate and per-article gold."""
    data: dict[str, Any] = json.loads((corpus_dir() / MANIFEST).read_text(encoding="utf-8"))
    return data


def corpus_inputs() -> list[str]:
    """Absolute paths of the files `dateline demo` adds, sorted (the OPML file is left out)."""
    folder = corpus_dir().resolve()
    return sorted(
        str(folder / name) for name, info in manifest()["files"].items() if info.get("input", True)
    )


def build_summary(report: Any) -> str:
    """What building the demo did, and why it found a duplicate: one sample article is in two
    files on purpose (the Alpine Courier's feed and the Meridian export carry the same Serra
    Verde story), to show it stored once. "1 duplicates" alone read like an error (QA 6)."""
    from ..render import add_summary, counted

    said = add_summary(report)
    planted = len(manifest()["exact_duplicates"])
    if planted and report.duplicates == planted:
        which = counted(planted, "sample article") + (" is" if planted == 1 else "s are each")
        said += f" ({which} in two of the sample's files on purpose, and stored once)"
    return said
