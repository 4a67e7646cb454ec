"""The `dateline` command: the TUI by default, and subcommands for scripts.

Contract (documented in the README): `--json` prints only JSON on stdout; progress and messages go
to stderr. Exit status 0 when everything worked, 1 when some input, id or name was not found or
failed (the rest still done), 2 for usage errors (a malformed query included) and libraries that
cannot be opened. Options may come before or after a subcommand's arguments, `--library` too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import NoReturn

from rich.text import Text

from index.model import ENTITY_TYPES

from . import cli_health, cli_pages, cli_saved, cli_watch
from .cli_contract import fit_output, library_first, subcommand_index, version
from .cli_entities import register as register_entity_commands
from .cli_entities import settle_settings
from .cli_library import cmd_entities, cmd_feeds
from .cli_output import EXIT_OK, EXIT_USAGE, err, out, whole_writes
from .cli_output import emit_json as _json
from .cli_progress import ProgressPrinter
from .cli_read import cmd_articles, cmd_search, cmd_show
from .cli_write import cmd_add, cmd_refresh, cmd_reindex

#: 128 + SIGPIPE: what a shell reports for `yes | head -1`'s `yes`.
EXIT_BROKEN_PIPE = 141

# -- subcommands -------------------------------------------------------------------------------


def cmd_tui(args: argparse.Namespace) -> int:
    """The window comes first; the reader opens (or creates) the library in a worker."""
    from index.library import default_path

    from .app import run

    config, model = settle_settings(args, report=False)  # shown in the reader, as one notice
    path = Path(args.library).expanduser() if args.library else default_path()
    return run(path, config=config, model=model)


def cmd_demo(args: argparse.Namespace) -> int:
    """Build (once, cached) a throwaway library from the bundled corpus and open the TUI."""
    import hashlib
    import shutil
    import tempfile

    from index import Library

    from .app import run
    from .demo import build_summary, corpus_inputs

    # Without the reader they are printed; with it, it shows them as one notice.
    config, model = settle_settings(args, report=args.no_tui)
    inputs = corpus_inputs()
    digest = hashlib.sha1()
    # The cached demo is rebuilt when the corpus or the code that reads it changes.
    backend = Path(__file__).resolve().parent.parent / "index"
    for source in [*map(Path, inputs), *sorted(backend.rglob("*.py"))]:
        digest.update(source.read_bytes())
    import platformdirs

    cache = Path(platformdirs.user_cache_dir("dateline", appauthor=False))
    target = cache / f"demo-{digest.hexdigest()[:12]}"
    if not (target / "library.sqlite").exists():
        staging = Path(tempfile.mkdtemp(prefix="demo-", dir=_mkdir(cache)))
        err.print("Building the demo library from the bundled sample corpus…")
        with Library.open(staging) as lib, ProgressPrinter(True) as progress:
            report = lib.add(inputs, progress=progress)
        err.print(build_summary(report), markup=False)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    if args.no_tui:
        out.print(str(target))
        return EXIT_OK
    return run(target, demo=True, config=config, model=model)


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- argument parsing --------------------------------------------------------------------------


def _count(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value

    return parse


_SEARCH_OPTIONS = {
    "--json": 0,
    "-h": 0,
    "--help": 0,
    "--limit": 1,
    "--sort": 1,
}


def _search_words_after_dashdash(argv: list[str]) -> list[str]:
    """`dateline search -ferry --json` must search for "-ferry", not fail on an unknown option.

    The words of a search are moved after a `--`, its options before it.
    """
    i = subcommand_index(argv)
    if i >= len(argv) or argv[i] != "search":
        return argv
    head, rest = argv[: i + 1], argv[i + 1 :]
    options: list[str] = []
    words: list[str] = []
    j = 0
    while j < len(rest):
        tok = rest[j]
        name = tok.split("=", 1)[0]
        if tok == "--":
            words += rest[j + 1 :]
            break
        if name in _SEARCH_OPTIONS:
            takes = _SEARCH_OPTIONS[name] if "=" not in tok else 0
            options += rest[j : j + 1 + takes]
            j += 1 + takes
            continue
        if tok.startswith("--") and len(tok) > 2:
            # `-word` excludes a word; `--word` is a mistyped option, reported by argparse.
            options.append(tok)
            j += 1
            continue
        words.append(tok)
        j += 1
    return [*head, *options, "--", *words] if words else [*head, *options]


class _UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class _Parser(argparse.ArgumentParser):
    """argparse's parser (and, through `add_subparsers`, every subcommand's), except that a
    usage error goes back to `main`, which says it as argparse does and, for `--json`, also
    as `{"error": …}` on stdout: a script got only a status 2 and nothing to read (QA 5)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self, message)


def _usage_error(parser: argparse.ArgumentParser, message: str, argv: Sequence[str]) -> int:
    """Report a usage error: argparse's usage and message on stderr, status 2, and with
    `--json` (an option, not a search word after `--`) the JSON error on stdout."""
    parser.print_usage(sys.stderr)
    sys.stderr.write(f"{parser.prog}: error: {message}\n")
    options = argv[: argv.index("--")] if "--" in argv else argv
    if "--json" in options:
        _json({"error": f"{parser.prog}: {message}"})
    return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dateline",
        description="A terminal news reader for following stories through people and places.",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $DATELINE_LIBRARY or the user data dir)",
    )
    parser.add_argument("--version", action="version", version=f"dateline {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, func: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        return p

    def with_json(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--json", action="store_true", help="print JSON only")
        return p

    p = with_json(command("add", cmd_add, "add files, folders, globs, URLs or OPML"))
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--tag", action="append", help="tag the added articles (repeatable)")

    p = with_json(command("search", cmd_search, "search the library"))
    # `*`, checked in `main`: with `+`, argparse reports a missing query before an unknown
    # option, so `dateline search --bogus` was told the query was missing.
    p.add_argument("query", nargs="*", help="the query (words may start with '-')")
    p.set_defaults(no_query=partial(p.error, "the following arguments are required: query"))
    p.add_argument("--limit", type=_count(0), default=20)
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")

    p = with_json(command("show", cmd_show, "show one article"))
    p.add_argument("id")

    p = with_json(command("articles", cmd_articles, "list every article"))
    p.add_argument("--limit", type=_count(0), help="only the newest N (default: every article)")

    p = with_json(command("entities", cmd_entities, "list or correct entities"))
    p.set_defaults(action="list", a=None, b=None)
    p.add_argument("--type", choices=ENTITY_TYPES)
    p.add_argument("--query", help="count entities over the results of this search")
    p.add_argument("--limit", type=_count(1))
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    # `entities list` is the listing, as `feeds list` is; its options may also come after it.
    # SUPPRESS keeps what was given before `list` (`entities --type org list`) instead of
    # resetting it to the default.
    q = actions.add_parser("list", help="list entities (the default)", description="list entities")
    q.add_argument("--type", choices=ENTITY_TYPES, default=argparse.SUPPRESS)
    q.add_argument("--query", default=argparse.SUPPRESS, help="count over this search's results")
    q.add_argument("--limit", type=_count(1), default=argparse.SUPPRESS)
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    for name, a, b, text in (
        ("merge", "a", "b", "merge entity B into entity A"),
        ("split", "a", "b", "make alias B of entity A an entity of its own"),
    ):
        q = actions.add_parser(name, help=text, description=text)
        q.add_argument(a, metavar="A")
        q.add_argument(b, metavar="B")
        q.add_argument("--type", choices=ENTITY_TYPES)
        q.add_argument("--json", action="store_true")
    register_entity_commands(parser, actions)  # rename, alias, retype, block, --model
    q = actions.add_parser("undo", help="undo the last entity correction")
    q.add_argument("--json", action="store_true")

    p = command("feeds", cmd_feeds, "manage subscriptions")
    p.set_defaults(action="list", json=False)
    fa = p.add_subparsers(dest="action", metavar="ACTION")
    q = fa.add_parser("list", help="list subscriptions")
    q.add_argument("--json", action="store_true")
    q = fa.add_parser("add", help="subscribe to a feed URL, a feed file or a file:// URL")
    q.add_argument("url")
    q.add_argument(
        "--no-check",
        dest="check",
        action="store_false",
        help="subscribe without fetching the feed once to check it (offline)",
    )
    q.add_argument("--json", action="store_true")
    q = fa.add_parser("remove", help="unsubscribe")
    q.add_argument("url")
    q.add_argument("--json", action="store_true")
    q = fa.add_parser("export", help="write subscriptions as OPML to stdout")
    q.add_argument("--json", action="store_true", help='print {"opml": ..., "feeds": N}')

    p = with_json(command("refresh", cmd_refresh, "fetch every subscription"))
    p.add_argument(
        "--due", action="store_true", help="skip feeds whose <ttl> says it is too soon (cron)"
    )
    with_json(command("reindex", cmd_reindex, "rebuild the search index from the database"))
    cli_pages.register(sub)  # `entity` and `story`
    cli_health.register(sub)
    cli_watch.register(sub)
    cli_saved.register(sub)
    p = command("demo", cmd_demo, "open the TUI on the bundled sample corpus")
    p.add_argument("--no-tui", action="store_true", help="build the demo library, print its path")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from index.entities.ner import ModelError
    from index.library import LibraryError

    whole_writes()
    parser = build_parser()
    fit_output(out, err)
    argv = list(sys.argv[1:] if argv is None else argv)
    argv = library_first(argv)
    if dash_error := cli_health.dash_input_error(argv):
        parser.print_usage(sys.stderr)
        err.print(Text(dash_error))
        if "--json" in argv:
            _json({"error": dash_error})
        return EXIT_USAGE
    try:
        args = parser.parse_args(_search_words_after_dashdash(argv))
        if getattr(args, "func", None) is cmd_search:
            if not args.query:
                args.no_query()  # a usage error, status 2, as argparse's own
            args.query = " ".join(args.query)
    except _UsageError as usage:  # leaves as argparse's own error did: SystemExit(2)
        raise SystemExit(_usage_error(usage.parser, usage.message, argv)) from None
    func = getattr(args, "func", cmd_tui)

    def fail(message: str) -> None:
        err.print(Text.assemble(("error: ", "bold red"), message))
        if getattr(args, "json", False):
            _json({"error": message})  # a script reading stdout learns why, not just the status

    try:
        if func in (cmd_add, cmd_refresh):  # they extract entities: the model setting matters
            settle_settings(args, report=True)
        return func(args)
    except BrokenPipeError:
        return _reader_went_away()
    except (LibraryError, ModelError) as exc:  # ModelError: no English pipeline at all
        fail(str(exc))
        return EXIT_USAGE
    except Exception as exc:  # damaged, read-only or full storage: a message, not a traceback
        status = cli_health.storage_error(exc, fail)
        if status is None:
            raise
        return status
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130


def _reader_went_away() -> int:
    """`dateline articles --json | head -1`: the reader of stdout closed the pipe. Unix tools
    stop quietly there (SIGPIPE); Python would print a traceback, then another when it flushes
    stdout at exit. Every command's output ends up here, so each one stops the same way: stdout
    is pointed at /dev/null (the final flush then has somewhere to go) and the exit status is
    the shell's for a process ended by SIGPIPE."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file descriptor (a test's capture)
        pass
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
