"""`dateline watch [NAME] [--json] [--mark-seen]`: what arrived for saved searches.

Saved searches are the reader's (`ctrl+s` in the TUI). For cron and scripts: the exit status is
0 whether or not anything is new (the JSON's `new` says how many); 1 only for a NAME that is
not a saved search, 2 for a saved query that no longer parses. Matches are marked seen only
with `--mark-seen`, so a script can look without taking them from the reader's count.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from .state import describe

#: Articles listed per saved search.
DEFAULT_LIMIT = 50


def register(sub: Any) -> None:
    text = "new matches of saved searches since they were last seen"
    p = sub.add_parser("watch", help=text, description=text)
    p.add_argument("name", nargs="?", help="one saved search (default: every saved search)")
    p.add_argument("--json", action="store_true", help="print JSON only")
    p.add_argument("--mark-seen", action="store_true", help="count what is shown as seen")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="articles listed per search")
    p.set_defaults(func=cmd_watch)


def cmd_watch(args: argparse.Namespace) -> int:
    from index.query import QueryError

    from .cli_output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, out
    from .cli_output import emit_json as _json
    from .cli_output import plain as _plain
    from .cli_progress import open_library as _open
    from .cli_table import article_row, article_table
    from .render import counted
    from .saved import saved_now

    with _open(args) as lib:
        saved = saved_now(lib)  # as the registry names their entities now
        if args.name is not None:
            from .saved_edit import SavedSearchError, find_saved

            try:
                saved = [saved[find_saved(saved, args.name)]]
            except SavedSearchError as error:
                saved, message = [], str(error)
            if not saved:
                if args.json:
                    _json({"error": message})
                else:
                    err.print(Text.assemble(("error: ", "bold red"), _plain(message)))
                return EXIT_FAILED
        watches: list[dict[str, Any]] = []
        try:
            for search in saved:
                query = describe(search.query)
                count, hits = lib.watch_new(search.name, query, limit=max(args.limit, 0))
                if args.mark_seen:
                    lib.watch_seen(search.name)
                watches.append({"name": search.name, "query": query, "new": count, "hits": hits})
        except QueryError as exc:
            if args.json:
                _json({"error": exc.message})
            else:
                err.print(Text.assemble(("error: ", "bold red"), _plain(exc.message)))
            return EXIT_USAGE
    if args.json:
        _json(
            {
                "new": sum(w["new"] for w in watches),
                "marked_seen": bool(args.mark_seen),
                "watches": [
                    {
                        "name": w["name"],
                        "query": w["query"],
                        "new": w["new"],
                        "articles": [h.article.to_json() for h in w["hits"]],
                    }
                    for w in watches
                ],
            }
        )
        return EXIT_OK
    if not watches:
        err.print("No saved searches yet: save one in the reader with ctrl+s.")
        return EXIT_OK
    for w in watches:
        if not w["hits"]:  # one clear line, not the header of an empty table
            said = f"{counted(w['new'], 'new article')} (--limit 0 lists none)" if w["new"] else ""
            out.print(Text.assemble(_plain(w["name"]), " — ", said or "No new articles."))
            continue
        title = Text.assemble(_plain(w["name"]), f" — {w['new']} new")
        out.print(article_table(title, [article_row(hit.article) for hit in w["hits"]], out))
    return EXIT_OK
