"""The commands that list and change the library's registry and subscriptions:
`entities` (list, merge, split, undo) and `feeds`; rename, alias, retype and block are in
cli_entities.py."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from rich.table import Table
from rich.text import Text

from .cli_output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, out
from .cli_output import emit_json as _json
from .cli_output import plain as _plain
from .cli_progress import open_library
from .render import counted


def _fmt_date(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def cmd_entities(args: argparse.Namespace) -> int:
    from index.entities.registry import AmbiguousName, EntityError
    from index.query import QueryError

    with open_library(args) as lib:
        try:
            action = args.action or "list"
            if action == "list":
                counts = lib.entities(args.type, query=args.query, limit=args.limit)
            else:
                message = {
                    "merge": lambda: lib.merge_entities(args.a, args.b, type_=args.type),
                    "split": lambda: lib.split_entity(args.a, args.b, type_=args.type),
                    "undo": lambda: lib.undo_entity_change() or "Nothing to undo.",
                }[action]()
                if args.json:
                    _json({"message": message})
                else:
                    out.print(_plain(message))
                return EXIT_OK
        except AmbiguousName as exc:  # merge, split: the candidates, as the other commands
            from .cli_entities import print_candidates

            print_candidates(exc.name or args.a, exc.candidates, as_json=args.json)
            return EXIT_FAILED
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
    where = f" in results of {args.query!r}" if args.query else ""
    if not counts:  # one clear line, not a title over an empty table (QA 5), as `articles` does
        kind = f" of type {args.type}" if args.type else ""
        out.print(_plain(f"No entities{kind}{where}."))
        return EXIT_OK
    table = Table(title=Text("Entities" + where))
    table.add_column("type")
    table.add_column("name")
    table.add_column("articles", justify="right")
    for e in counts:
        table.add_row(e.type, _plain(e.name), str(e.count))
    out.print(table)
    return EXIT_OK


def cmd_feeds(args: argparse.Namespace) -> int:
    """`feeds list|add|remove|export`; with `--json`, one JSON object on stdout each (README,
    "The CLI contract"): `{"feeds": [...]}`, `{"feed": {...}, "new": bool}` or `{"error"}`,
    `{"url", "removed": bool}`, `{"opml", "feeds": N}`."""
    with open_library(args, create=args.action == "add") as lib:
        if args.action == "export":
            opml = lib.export_opml()
            if args.json:
                _json({"opml": opml, "feeds": len(lib.feeds())})
            else:
                sys.stdout.write(opml)
            return EXIT_OK
        if args.action == "add":
            return _subscribe(lib, args.url, check=args.check, as_json=args.json)
        if args.action == "remove":
            return _unsubscribe(lib, args.url, as_json=args.json)
        feeds = lib.feeds()
    if args.json:
        _json({"feeds": [f.to_json() for f in feeds]})
        return EXIT_OK
    table = Table(title=counted(len(feeds), "subscription"), title_justify="left")
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


def _unsubscribe(lib: Any, target: str, *, as_json: bool) -> int:
    from index.library_feeds import feed_url
    from index.model import InputError

    url = target
    with contextlib.suppress(InputError):
        url = feed_url(target)
    removed = lib.remove_feed(target)
    if as_json:
        _json({"url": url, "removed": removed})
    elif removed:
        out.print(Text.assemble("Unsubscribed from ", _plain(url)))
    else:
        err.print(Text.assemble(("Not subscribed: ", "red"), _plain(target)))
    return EXIT_OK if removed else EXIT_FAILED


def _subscribe(lib: Any, target: str, *, check: bool, as_json: bool = False) -> int:
    """`feeds add`: one subscription per feed, and (unless --no-check) only to a feed that
    can be fetched and read now, so a typo or a web page is refused at once."""
    from index.model import FeedInfo, InputError

    def done(feed: FeedInfo, new: bool) -> int:
        if as_json:
            _json({"feed": feed.to_json(), "new": new})
        elif not new:
            out.print(Text.assemble("Already subscribed to ", _plain(feed.url), "."))
        else:
            named = f" ({feed.title})" if feed.title else ""
            out.print(
                Text.assemble(
                    "Subscribed to ", _plain(feed.url), _plain(named), ". Run `dateline refresh`."
                )
            )
            if feed.last_error:
                # Fetched to check it and readable only in part (or not at all): said now, as
                # --json does, rather than found out at the first refresh. Still subscribed.
                err.print(Text.assemble(("warning: ", "yellow"), _plain(feed.last_error)))
        return EXIT_OK

    try:
        feed, new = lib.subscribe_checked(target, check=check)
    except InputError as exc:
        from .feed_input import refusal

        reason = refusal(target, exc.reason)
        if as_json:
            _json({"error": f"{target}: {reason}"})
        else:
            err.print(Text.assemble(("error: ", "bold red"), _plain(target), ": ", _plain(reason)))
        return EXIT_FAILED
    assert feed is not None  # nothing closes a command line half-way
    return done(feed, new)
