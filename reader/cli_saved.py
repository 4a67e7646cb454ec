"""`dateline saved [list|remove|rename|undo]`: the reader's saved searches from a shell.

`dateline watch` reads them; this lists, deletes and renames them, and undoes the last delete
or rename (the reader's feeds view does the same with `d d`, `R` and `U`, through
`reader.saved_edit`). A name is matched exactly, else without regard to case when that names
one search. Exit 0 when done, 1 for a name that names no saved search (or a change that cannot
be made, said why), 2 for usage; `--json` prints JSON only, `{"error": …}` on failure.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from .state import describe, readable

#: Given before or after the action (`saved --json rm X`, `saved rm X --json`).
JSON_HELP = "print JSON only"


def register(sub: Any) -> None:
    text = "list, remove or rename saved searches (ctrl+s in the reader)"
    p = sub.add_parser("saved", help=text, description=text)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    actions = p.add_subparsers(dest="action")
    q = actions.add_parser("list", help="list saved searches (the default)")
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=JSON_HELP)
    q = actions.add_parser("remove", aliases=["rm"], help="delete a saved search")
    q.add_argument("name")
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=JSON_HELP)
    q = actions.add_parser("rename", help="rename a saved search (its new count goes with it)")
    q.add_argument("name")
    q.add_argument("new_name")
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=JSON_HELP)
    q = actions.add_parser("undo", help="bring back the last removed or renamed saved search")
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=JSON_HELP)
    p.set_defaults(func=cmd_saved)


def _entry(search: Any) -> dict[str, Any]:
    return {"name": search.name, "query": describe(search.query)}


def cmd_saved(args: argparse.Namespace) -> int:
    from .cli_output import EXIT_FAILED, EXIT_OK, err, out
    from .cli_output import emit_json as _json
    from .cli_output import plain as _plain
    from .cli_progress import open_library as _open
    from .saved import saved_now
    from .saved_edit import SavedSearchError, remove_saved, rename_saved, undo_saved

    action = {"rm": "remove", None: "list"}.get(args.action, args.action)
    with _open(args) as lib:
        try:
            if action == "remove":
                removed = remove_saved(lib, args.name)
                data: dict[str, Any] = {"removed": _entry(removed)}
                said = f"Removed the saved search {removed.name} ({readable(removed.query)})."
            elif action == "rename":
                old, new = rename_saved(lib, args.name, args.new_name)
                data, said = {"renamed": {"from": old, "to": new}}, f"Renamed {old} to {new}."
            elif action == "undo":
                said = undo_saved(lib)
                data = {"undone": said}
            else:
                data = {"saved": [_entry(s) for s in saved_now(lib)]}
                said = ""
        except SavedSearchError as exc:
            if args.json:
                _json({"error": str(exc)})
            else:
                err.print(Text.assemble(("error: ", "bold red"), _plain(str(exc))))
            return EXIT_FAILED
    if args.json:
        _json(data)
    elif action != "list":
        out.print(_plain(said))
    elif not data["saved"]:
        err.print("No saved searches yet: save one in the reader with ctrl+s.")
    else:
        for entry in data["saved"]:
            out.print(Text.assemble(_plain(entry["name"]), "  ", _plain(entry["query"])))
    return EXIT_OK
