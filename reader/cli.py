"""The `dateline` command: the TUI by default, and subcommands for scripts.

Contract (documented in the README): `--json` prints only JSON on stdout; progress and messages go
to stderr. Exit status 0 when everything worked, 1 when some input, id or name was not found or
failed (the rest still done), 2 for usage errors (a malformed query included) and libraries that
cannot be opened. Options may come before or after a subcommand's arguments, `--library` too.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from index.model import ENTITY_TYPES, AddReport, Progress

from . import cli_health, cli_pages, cli_watch
from .cli_contract import add_report_json, fit_output, library_first, subcommand_index, version
from .cli_entities import register as register_entity_commands
from .cli_output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, out
from .cli_output import emit_json as _json
from .cli_output import plain as _plain
from .render import article_date


def _open(args: argparse.Namespace, *, create: bool = False) -> Any:
    """Commands that only read never create a library: a mistyped --library is an error."""
    from index import Library

    return Library.open(args.library, create=create)


class _ProgressPrinter:
    """A Rich progress bar on a terminal, plain lines otherwise (logs, CI, pipes)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = err.is_terminal
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        self._last: dict[str, int] = {}

    def __enter__(self) -> Callable[[Progress], None]:
        if self.enabled and self.tty:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
            from rich.progress import Progress as Bar

            self._progress = Bar(
                TextColumn("{task.description:<10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[note]}", style="dim"),
                console=err,
                transient=True,
            )
            self._progress.start()
        return self.update

    def update(self, event: Progress) -> None:
        if event.stage == "wait":  # another process holds the library's writer lock
            err.print(event.message, markup=False)
            return
        if not self.enabled:
            return
        if self._progress is not None:
            task = self._tasks.get(event.stage)
            note = event.message[-50:]
            if task is None:
                task = self._tasks[event.stage] = self._progress.add_task(
                    event.stage, total=event.total, note=note
                )
            self._progress.update(task, completed=event.done, total=event.total, note=note)
            return
        if (
            event.total
            and event.done in (0, event.total)
            and self._last.get(event.stage) != event.done
        ):
            self._last[event.stage] = event.done
            err.print(f"{event.stage}: {event.done}/{event.total}", markup=False)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def _report(report: AddReport, as_json: bool) -> int:
    if as_json:
        _json(add_report_json(report))
    else:
        for r in report.results:
            if r.failed:
                err.print(
                    Text.assemble(("failed ", "bold red"), _plain(r.origin), ": ", _plain(r.reason))
                )
            for w in r.warnings:
                err.print(Text.assemble(("warning ", "yellow"), _plain(r.origin), ": ", _plain(w)))
            if r.feeds:
                err.print(Text.assemble(_plain(r.origin), f": subscribed to {r.feeds} feed(s)"))
        out.print(report.summary())
    return EXIT_FAILED if report.failures else EXIT_OK


# -- subcommands -------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace) -> int:
    with _open(args, create=True) as lib, _ProgressPrinter(not args.json) as progress:
        report = lib.add(args.inputs, progress=progress, tags=args.tag or ())
    return _report(report, args.json)


def cmd_refresh(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if not lib.feeds():
            if args.json:
                _json(add_report_json(AddReport(())))
            else:
                err.print(
                    "No subscriptions yet: `dateline feeds add URL` or `dateline add feeds.opml`."
                )
            return EXIT_OK
        with _ProgressPrinter(not args.json) as progress:
            report = lib.refresh_with_full_text(progress=progress, due_only=args.due)
    return _report(report, args.json)


def cmd_reindex(args: argparse.Namespace) -> int:
    with _open(args) as lib, _ProgressPrinter(True) as progress:
        n = lib.reindex(progress=progress)
    out.print(f"Reindexed {n} articles.")
    return EXIT_OK


def _fmt_date(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        result = lib.search(args.query, limit=args.limit, sort=args.sort)
        # A malformed query is a usage error; an index that cannot be searched is a failure.
        failed = EXIT_FAILED if lib.index_problem else EXIT_USAGE
    if args.json:
        _json(result.to_json())
        return failed if result.error else EXIT_OK
    if result.error:
        label = "Cannot search: " if failed == EXIT_FAILED else "Query problem: "
        err.print(Text.assemble((label, "bold red"), _plain(result.error)))
        return failed
    if result.suggestion:
        err.print(Text.assemble("Did you mean: ", (result.suggestion, "bold"), "?"))
    table = Table(title=Text(f"{result.total} result(s) for {args.query!r}"), title_justify="left")
    for col in ("id", "date", "source", "title"):
        table.add_column(
            col, overflow="fold" if col == "title" else "ellipsis", no_wrap=col != "title"
        )
    for hit in result.hits:
        a = hit.article
        extra = f"  (+{a.story_size - 1} sources)" if a.story_size > 1 else ""
        table.add_row(_plain(a.id), article_date(a), _plain(a.source), _plain(a.title + extra))
    out.print(table)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        article = lib.article(args.id)
    if article is None:
        if args.json:
            _json({"error": f"no article with id {args.id}"})
        else:
            err.print(Text.assemble(("No article with id ", "red"), _plain(args.id)))
        return EXIT_FAILED
    if args.json:
        _json(article.to_json())
        return EXIT_OK
    out.print(Text(article.title, style="bold"))
    meta = " · ".join(
        x for x in (article.source, article.author, article_date(article), article.url) if x
    )
    out.print(_plain(meta), style="dim")
    for type_ in ENTITY_TYPES:
        names = article.entities_of(type_)
        if names:
            out.print(Text.assemble((f"{type_}: ", "cyan"), _plain(", ".join(names))))
    out.print()
    out.print(_plain(article.body), width=min(out.width, 88))
    return EXIT_OK


def cmd_articles(args: argparse.Namespace) -> int:
    """Every article (or the newest `--limit`), newest first. Rows are streamed from the
    library: JSON is written article by article, so 100,000 articles never sit in memory
    as summaries and their JSON at once."""
    with _open(args) as lib:
        articles = lib.newest(args.limit)
        if args.json:
            _json_list("articles", (a.to_json() for a in articles))
            return EXIT_OK
        rows = [
            (_plain(a.id), article_date(a), _plain(a.source), _plain(a.title)) for a in articles
        ]
    table = Table(title=f"{len(rows)} article(s)", title_justify="left")
    for col in ("id", "date", "source", "title"):
        table.add_column(col, no_wrap=col != "title")
    for row in rows:
        table.add_row(*row)
    out.print(table)
    return EXIT_OK


def _json_list(key: str, items: Iterator[dict[str, Any]]) -> None:
    """`_json({key: list(items)})`, byte for byte, written one item at a time."""
    from index.textclean import escape_json_text

    write = sys.stdout.write
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        write("{\n  " + json.dumps(key) + ": [\n    " if first else ",\n    ")
        write(escape_json_text(text))
        first = False
    write("{\n  " + json.dumps(key) + ": []\n}\n" if first else "\n  ]\n}\n")


def cmd_entities(args: argparse.Namespace) -> int:
    from index.entities.registry import EntityError
    from index.query import QueryError

    with _open(args) as lib:
        try:
            action = args.action or "list"
            if action == "list":
                counts = lib.entities(args.type, query=args.query, limit=args.limit)
            else:
                message = {
                    "merge": lambda: lib.merge_entities(args.a, args.b, type_=args.type),
                    "split": lambda: lib.split_entity(args.a, args.b, type_=args.type),
                    "rename": lambda: lib.rename_entity(args.a, args.b, type_=args.type),
                    "alias": lambda: lib.alias_entity(args.a, args.b, type_=args.type),
                    "undo": lambda: lib.undo_entity_change() or "Nothing to undo.",
                }[action]()
                if args.json:
                    _json({"message": message})
                else:
                    out.print(_plain(message))
                return EXIT_OK
        except (EntityError, QueryError) as exc:
            if args.json:
                _json({"error": str(exc)})
            else:
                err.print(Text.assemble(("error: ", "bold red"), _plain(exc)))
            # A query that does not parse is a usage error; a name that is not there, a lookup.
            return EXIT_USAGE if isinstance(exc, QueryError) else EXIT_FAILED
    if args.json:
        _json({"entities": [{"name": e.name, "type": e.type, "count": e.count} for e in counts]})
        return EXIT_OK
    table = Table(title=Text("Entities" + (f" in results of {args.query!r}" if args.query else "")))
    table.add_column("type")
    table.add_column("name")
    table.add_column("articles", justify="right")
    for e in counts:
        table.add_row(e.type, _plain(e.name), str(e.count))
    out.print(table)
    return EXIT_OK


def cmd_feeds(args: argparse.Namespace) -> int:
    from index.model import InputError

    with _open(args, create=args.action == "add") as lib:
        if args.action == "export":
            sys.stdout.write(lib.export_opml())
            return EXIT_OK
        if args.action == "add":
            try:
                feed = lib.subscribe(args.url)
            except InputError as exc:
                err.print(Text.assemble(("error: ", "bold red"), _plain(exc.reason)))
                return EXIT_USAGE
            out.print(
                Text.assemble("Subscribed to ", _plain(feed.url), ". Run `dateline refresh`.")
            )
            return EXIT_OK
        if args.action == "remove":
            if lib.remove_feed(args.url):
                out.print(Text.assemble("Unsubscribed from ", _plain(args.url)))
                return EXIT_OK
            err.print(Text.assemble(("Not subscribed: ", "red"), _plain(args.url)))
            return EXIT_FAILED
        feeds = lib.feeds()
    if args.json:
        _json({"feeds": [f.to_json() for f in feeds]})
        return EXIT_OK
    table = Table(title=f"{len(feeds)} subscription(s)", title_justify="left")
    table.add_column("url", overflow="fold")
    for col in ("title", "tags", "last fetched", "last error"):
        table.add_column(col)
    for f in feeds:
        table.add_row(
            _plain(f.url), _plain(f.title), _plain(", ".join(f.tags)),
            _fmt_date(f.last_fetched), _plain(f.last_error),
        )  # fmt: skip
    out.print(table)
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    """The window comes first; the reader opens (or creates) the library in a worker."""
    from index.library import default_path

    from .app import run

    return run(Path(args.library).expanduser() if args.library else default_path())


def cmd_demo(args: argparse.Namespace) -> int:
    """Build (once, cached) a throwaway library from the bundled corpus and open the TUI."""
    import hashlib
    import shutil
    import tempfile

    from index import Library

    from .app import run
    from .demo import corpus_inputs

    inputs = corpus_inputs()
    digest = hashlib.sha1()
    # The cached demo is rebuilt when the corpus or the code that reads it changes.
    backend = Path(__file__).resolve().parent.parent / "index"
    for p in [*inputs, *sorted(backend.rglob("*.py"))]:
        digest.update(Path(p).read_bytes())
    import platformdirs

    cache = Path(platformdirs.user_cache_dir("dateline", appauthor=False))
    target = cache / f"demo-{digest.hexdigest()[:12]}"
    if not (target / "library.sqlite").exists():
        staging = Path(tempfile.mkdtemp(prefix="demo-", dir=_mkdir(cache)))
        err.print("Building the demo library from the bundled sample corpus…")
        with Library.open(staging) as lib, _ProgressPrinter(True) as progress:
            report = lib.add(inputs, progress=progress)
        err.print(report.summary())
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    if args.no_tui:
        out.print(str(target))
        return EXIT_OK
    return run(target, demo=True)


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    p.add_argument("query", nargs="+", help="the query (words may start with '-')")
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
    for name, a, b, text in (
        ("merge", "a", "b", "merge entity B into entity A"),
        ("split", "a", "b", "make alias B of entity A an entity of its own"),
        ("rename", "a", "b", "rename entity A to B"),
        ("alias", "a", "b", "make B another name of entity A"),
    ):
        q = actions.add_parser(name, help=text, description=text)
        q.add_argument(a, metavar="A")
        q.add_argument(b, metavar="B")
        q.add_argument("--type", choices=ENTITY_TYPES)
        q.add_argument("--json", action="store_true")
    q = actions.add_parser("undo", help="undo the last entity correction")
    q.add_argument("--json", action="store_true")
    register_entity_commands(parser, actions)  # retype, block, --model

    p = command("feeds", cmd_feeds, "manage subscriptions")
    p.set_defaults(action="list", json=False)
    fa = p.add_subparsers(dest="action", metavar="ACTION")
    q = fa.add_parser("list", help="list subscriptions")
    q.add_argument("--json", action="store_true")
    q = fa.add_parser("add", help="subscribe to a feed URL, a feed file or a file:// URL")
    q.add_argument("url")
    q = fa.add_parser("remove", help="unsubscribe")
    q.add_argument("url")
    fa.add_parser("export", help="write subscriptions as OPML to stdout")

    p = with_json(command("refresh", cmd_refresh, "fetch every subscription"))
    p.add_argument(
        "--due", action="store_true", help="skip feeds whose <ttl> says it is too soon (cron)"
    )
    command("reindex", cmd_reindex, "rebuild the search index from the database")
    cli_pages.register(sub)  # `entity` and `story`
    cli_health.register(sub)
    cli_watch.register(sub)
    p = command("demo", cmd_demo, "open the TUI on the bundled sample corpus")
    p.add_argument("--no-tui", action="store_true", help="build the demo library, print its path")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from index.library import LibraryError

    parser = build_parser()
    fit_output(out, err)
    argv = list(sys.argv[1:] if argv is None else argv)
    argv = library_first(argv)
    if dash_error := cli_health.dash_input_error(argv):
        parser.print_usage(sys.stderr)
        err.print(Text(dash_error))
        return EXIT_USAGE
    args = parser.parse_args(_search_words_after_dashdash(argv))
    if getattr(args, "func", None) is cmd_search:
        args.query = " ".join(args.query)
    func = getattr(args, "func", cmd_tui)
    try:
        return func(args)
    except LibraryError as exc:
        err.print(Text.assemble(("error: ", "bold red"), str(exc)))
        return EXIT_USAGE
    except Exception as exc:  # damaged, read-only or full storage: a message, not a traceback
        status = cli_health.storage_error(
            exc, lambda m: err.print(Text.assemble(("error: ", "bold red"), m))
        )
        if status is None:
            raise
        return status
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
