"""The reading commands: `search`, `show` and `articles`."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any

from rich.text import Text

from index.model import ENTITY_TYPES

from .cli_output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, out
from .cli_output import emit_json as _json
from .cli_output import plain as _plain
from .cli_progress import open_library
from .cli_table import article_row, article_table
from .render import article_date, counted


def cmd_search(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        result = lib.search(args.query, limit=args.limit, sort=args.sort)
        # A malformed query is a usage error; an index that cannot be searched is a failure.
        failed = EXIT_FAILED if lib.index_problem else EXIT_USAGE
        nothing = not result.total and not result.error
        blocked = lib.blocked_in_query(args.query) if nothing and not args.json else None
    if args.json:
        _json(result.to_json())
        return failed if result.error else EXIT_OK
    if result.error:
        label = "Cannot search: " if failed == EXIT_FAILED else "Query problem: "
        err.print(Text.assemble((label, "bold red"), _plain(result.error)))
        return failed
    if result.suggestion:
        err.print(Text.assemble("Did you mean: ", (result.suggestion, "bold"), "?"))
    if not result.hits:  # one clear line, not the header of an empty table
        what = f"No articles match {args.query!r}" if args.query.strip() else "No articles yet"
        if result.total:  # --limit 0
            what = f"{counted(result.total, 'result')} for {args.query!r} (--limit 0 lists none)"
        out.print(_plain(what + "."))
        if blocked:  # "place:lisbon" when Lisbon was marked "not an entity"
            err.print(_plain(blocked))
        if result.hint:  # "flo*", dates the wrong way round, an exact name in another case
            err.print(_plain(result.hint))
        return EXIT_OK
    title = _plain(f"{counted(result.total, 'result')} for {args.query!r}")
    rows = []
    for hit in result.hits:
        a = hit.article
        extra = f"  (+{counted(a.story_size - 1, 'source')})" if a.story_size > 1 else ""
        rows.append(article_row(a, extra))
    out.print(article_table(title, rows, out))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
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
    # The stream is closed before the library is: a reader that stops early (`| head -1`, a
    # broken pipe) must not leave a cursor whose clean-up runs on a closed database.
    with open_library(args) as lib, contextlib.closing(lib.newest(args.limit)) as articles:
        if args.json:
            _json_list("articles", (a.to_json() for a in articles))
            return EXIT_OK
        rows = [article_row(a) for a in articles]
    if not rows:  # one clear line, not the header of an empty table
        out.print("No articles yet.")
        return EXIT_OK
    out.print(article_table(counted(len(rows), "article"), rows, out))
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
