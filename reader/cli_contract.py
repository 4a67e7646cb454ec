"""Pieces of the CLI contract (README, "The CLI contract"): the version, output that does not
wrap in pipes, `--library` anywhere on the command line, and the JSON of an add report."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from rich.console import Console

from index.model import AddReport


def version() -> str:
    """The installed package's version, for `dateline --version`."""
    from importlib import metadata

    try:
        return metadata.version("dateline")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


#: The width tables get in a pipe or a log file: wide enough that no row wraps.
PIPE_WIDTH = 10_000


def fit_output(*consoles: Console) -> None:
    """On a terminal Rich wraps at the window's width; in a pipe or a log file a line stays
    whole (a reader or `grep` sees each message on one line, not cut mid-sentence at 80)."""
    for console in consoles:
        console.soft_wrap = not console.is_terminal
        if not console.is_terminal and "COLUMNS" not in os.environ:
            # Tables too: a row stays one line for `grep`/`awk` ($COLUMNS, if set, still wins).
            console.width = PIPE_WIDTH


def add_report_json(report: AddReport) -> dict[str, Any]:
    """`add --json` and `refresh --json`: one type per key, documented in the README.

    Top level: counts (int) summed over the inputs, `failed` the number of inputs that failed.
    Per input: `ok` (bool), `reason` (str or null), counts (int), `warnings` (list of str).
    """
    return {
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "duplicates": report.duplicates,
        "failed": len(report.failures),
        "inputs": [
            {
                "input": r.origin,
                "kind": r.kind,
                "ok": not r.failed,
                "reason": r.reason,
                "added": r.added,
                "updated": r.updated,
                "unchanged": r.unchanged,
                "duplicates": r.duplicates,
                "feeds": r.feeds,
                "already_subscribed": r.known_feeds,
                "warnings": list(r.warnings),
            }
            for r in report.results
        ],
    }


def library_first(argv: list[str]) -> list[str]:
    """`--library DIR` anywhere (before a `--`) moves to the front, where the parser reads it:
    `dateline search aleppo --library /tmp/x` and `dateline feeds add URL --library X` work
    like `dateline --library X …`, for every subcommand (those added by `register` too)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        tok = argv[i]
        if tok == "--":
            rest += argv[i:]
            break
        if tok == "--library" and i + 1 < len(argv):
            front += argv[i : i + 2]
            i += 2
            continue
        if tok.startswith("--library="):
            front.append(tok)
        else:
            rest.append(tok)
        i += 1
    return [*front, *rest]


#: Global options that take a value (`dateline --library DIR --model md search …`).
VALUE_OPTIONS = frozenset({"--library", "--model"})


def subcommand_index(argv: Sequence[str]) -> int:
    """Where the subcommand stands in `argv`, past the global options and their values
    (`len(argv)` when there is none)."""
    i = 0
    while i < len(argv):
        if argv[i] in VALUE_OPTIONS:
            i += 2
        elif argv[i].startswith("-"):
            i += 1
        else:
            break
    return i
