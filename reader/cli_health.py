"""`dateline check` and `dateline repair`: the CLI side of `index.health`.

Also the checks of what the user typed that the reliability work added to the CLI: a file
name that starts with "-" given to `add` without `--` (argparse would only say "INPUT
required"), and the one message for storage errors (damaged, read-only, full disk) that any
command can run into.
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Callable, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from .cli_output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, out
from .cli_output import emit_json as _json
from .render import counted


def _plain(value: object) -> Text:
    """A path or message shown with its invisible characters escaped, not dropped."""
    from index.textclean import visible

    return Text(visible("" if value is None else str(value)))


def _library(args: argparse.Namespace) -> Any:
    from pathlib import Path

    from index.library import default_path

    return Path(args.library).expanduser() if args.library else default_path()


def cmd_check(args: argparse.Namespace) -> int:
    from index.health import check

    root = _library(args)
    report = check(root)
    if args.json:
        _json(report.to_json())
        return EXIT_OK if report.ok else EXIT_FAILED
    table = Table(title=Text(f"Library {root}"), title_justify="left")
    table.add_column("part")
    table.add_column("", no_wrap=True)
    table.add_column("finding", overflow="fold")
    for f in report.findings:
        mark = Text("ok", style="green") if f.ok else Text("PROBLEM", style="bold red")
        table.add_row(f.part, mark, _plain(f.message))
    out.print(table)
    if report.ok:
        out.print("Everything looks right.")
        return EXIT_OK
    damaged = any(not f.ok and f.part == "database" for f in report.findings)
    if damaged:
        err.print("Run `dateline repair` to salvage what can be read into a new database.")
    else:
        err.print(
            "The index is rebuilt when the library is next opened, or with `dateline reindex`."
        )
    return EXIT_FAILED


def cmd_repair(args: argparse.Namespace) -> int:
    from index.repair import repair

    root = _library(args)
    if not (root / "library.sqlite").exists() and not root.is_dir():
        err.print(Text.assemble(("error: ", "bold red"), _plain(f"no Dateline library at {root}")))
        return EXIT_USAGE
    from .cli_progress import ProgressPrinter

    with ProgressPrinter(not args.json) as progress:
        report = repair(root, progress=progress, notify=lambda m: err.print(m, markup=False))
    if args.json:
        _json(report.to_json())
        return EXIT_OK
    copied = report.copied.get("articles", 0)
    lost = report.lost.get("articles", 0)
    out.print(f"Repaired {root}.")
    out.print(f"  articles copied: {copied}" + (f", lost: {lost}" if lost else ""))
    for table, n in sorted(report.lost.items()):
        if table != "articles":
            out.print(f"  {table}: {counted(n, 'row')} could not be read")
    if report.repaired_text:
        out.print(f"  rows whose damaged text was kept in part: {report.repaired_text}")
    if report.from_index:
        out.print(
            f"  recovered from the search index: {counted(report.from_index, 'article')} "
            "(title and text; dates, links and tags were not in it)"
        )
    out.print(f"  search index rebuilt: {counted(report.indexed, 'article')}")
    if report.backup:
        out.print(Text.assemble("  the damaged file is kept as ", _plain(report.backup)))
    for note in report.notes:
        out.print(Text.assemble("  ", _plain(note)))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add `check` and `repair` to the `dateline` subcommands (one line in cli.build_parser)."""
    for name, func, text in (
        ("check", cmd_check, "check the library's database, search index and locks"),
        ("repair", cmd_repair, "salvage a damaged library into a new database, rebuild the index"),
    ):
        p = sub.add_parser(name, help=text, description=text)
        p.set_defaults(func=func)
        p.add_argument("--json", action="store_true", help="print JSON only")


# -- `dateline add -dash.txt` -----------------------------------------------------------------

_ADD_OPTIONS = {"--json": 0, "-h": 0, "--help": 0, "--tag": 1}


def dash_input_error(argv: Sequence[str]) -> str | None:
    """The message for `dateline add -dash.txt`, or None when the arguments are fine.

    argparse reads "-dash.txt" as an unknown option and only says that INPUT is required.
    """
    from .cli_contract import subcommand_index

    i = subcommand_index(argv)
    if i >= len(argv) or argv[i] != "add":
        return None
    rest = list(argv[i + 1 :])
    j = 0
    while j < len(rest):
        tok = rest[j]
        if tok == "--":
            return None
        name = tok.split("=", 1)[0]
        if name in _ADD_OPTIONS:
            j += 1 + (_ADD_OPTIONS[name] if "=" not in tok else 0)
            continue
        if tok.startswith("-") and tok != "-":
            from index.textclean import visible

            shown = shlex.quote(visible(tok))
            return (
                f"dateline add: {shown} looks like an option. To add a file whose name starts "
                f"with '-', put `--` before it: dateline add -- {shown} "
                f"(or write it as ./{shown.strip(chr(39))})"
            )
        j += 1
    return None


def storage_error(exc: BaseException, print_error: Callable[[str], None]) -> int | None:
    """Report a storage error (damaged, read-only, disk full) and return the exit status, or
    None when `exc` is something else (the caller re-raises it)."""
    from index.health import describe_error

    message = describe_error(exc)
    if message is None:
        return None
    print_error(message)
    return EXIT_USAGE
