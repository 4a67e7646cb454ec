"""The commands that write articles into the library: `add`, `refresh` and `reindex`.

Apart from cli.py, which keeps the parser and the contract every command follows, as the
reading commands are apart in cli_read.py. `add` and `refresh` extract entities, so `main`
settles the model setting before it runs them.
"""

from __future__ import annotations

import argparse

from index.model import AddReport

from .cli_contract import add_report_json
from .cli_output import EXIT_OK, err, out
from .cli_output import emit_json as _json
from .cli_progress import ProgressPrinter, open_library, print_report
from .render import counted


def cmd_add(args: argparse.Namespace) -> int:
    with open_library(args, create=True) as lib:
        before = lib.stats()["articles"]
        try:
            with ProgressPrinter(not args.json) as progress:
                report = lib.add(args.inputs, progress=progress, tags=args.tag or ())
        except KeyboardInterrupt:
            return _add_interrupted(lib.stats()["articles"] - before, args.json)
    return print_report(report, args.json)


def _add_interrupted(kept: int, as_json: bool) -> int:
    """Ctrl-C of an add: what was stored stays (it is stored in batches, each whole), and the
    user should hear how much, and that adding the same inputs again finishes the job."""
    if kept:
        message = (
            f"interrupted: {counted(kept, 'new article')} stored and kept; add the same inputs"
            " again to add the rest (what is stored is found unchanged)"
        )
    else:
        message = "interrupted before any new article was stored"
    err.print(message, markup=False)
    if as_json:
        _json({"error": message, "added": kept})
    return 130


def cmd_refresh(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        if not lib.feeds():
            if args.json:
                _json(add_report_json(AddReport(())))
            else:
                err.print(
                    "No subscriptions yet: `dateline feeds add URL` or `dateline add feeds.opml`."
                )
            return EXIT_OK
        with ProgressPrinter(not args.json) as progress:
            report = lib.refresh_with_full_text(progress=progress, due_only=args.due)
    return print_report(report, args.json)


def cmd_reindex(args: argparse.Namespace) -> int:
    """Like `refresh`, `--json` keeps stdout for the JSON (progress stays off), so a script that
    rebuilds the index reads the count instead of parsing a sentence."""
    with open_library(args) as lib, ProgressPrinter(not args.json) as progress:
        n = lib.reindex(progress=progress)
    if args.json:
        _json({"reindexed": n})
    else:
        out.print(f"Reindexed {counted(n, 'article')}.")
    return EXIT_OK
