"""What every `dateline` subcommand prints through: one pair of consoles, the exit codes, and the
two ways outside text leaves the program (Rich `Text`, never markup; JSON with every control or
format character escaped).

One pair of consoles for all subcommands, so that `cli_contract.fit_output` (one line per message
in a pipe or a log) holds for `check`, `entity` or `watch` as it does for `search`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Console(Console):
    """Rich's console, except that a closed pipe is left to `cli.main`: Rich would exit with
    status 1 on its own, while JSON written straight to stdout raises `BrokenPipeError`; one
    handler for both keeps `dateline … | head` the same for every command."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more is rendered into the dead pipe
        raise BrokenPipeError


out = _Console(highlight=False, soft_wrap=False)
err = _Console(stderr=True, highlight=False)


def plain(value: object) -> Text:
    """Cell text that Rich must never interpret as markup (article text is hostile)."""
    from index.textclean import sanitize

    return Text(sanitize("" if value is None else str(value)))


def emit_json(data: Any) -> None:
    """`data` as indented JSON on stdout, no raw control or format character in it."""
    from index.textclean import escape_json_text

    sys.stdout.write(escape_json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def candidate_json(name: str, type_: str, count: int, aliases: Sequence[str]) -> dict[str, Any]:
    """One candidate of an ambiguous name, one shape for every command (`entity`, `entities
    block|retype|merge|…`): `articles` and `count` are the same number, both kept because the
    README documented one for each."""
    return {
        "name": name,
        "type": type_,
        "articles": count,
        "count": count,
        "aliases": list(aliases),
    }
