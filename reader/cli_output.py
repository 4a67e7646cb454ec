"""What every `dateline` subcommand prints through: one pair of consoles, the exit codes, and the
two ways outside text leaves the program (Rich `Text`, never markup; JSON with every control or
format character escaped).

One pair of consoles for all subcommands, so that `cli_contract.fit_output` (one line per message
in a pipe or a log) holds for `check`, `entity` or `watch` as it does for `search`.
"""

from __future__ import annotations

import io
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


class _Borrowed(io.BufferedWriter):
    """A buffer over a file that stays the original stream's: closing it (or collecting it)
    only flushes, and never closes the file under the stream it was put in front of."""

    def close(self) -> None:
        if not self.raw.closed:
            self.flush()


class _WholeWrites(io.TextIOWrapper):
    """A text stream that writes everything it is given, or raises: flushed after every write,
    as an unbuffered stream is, through a `BufferedWriter`, which writes again after a short
    write and raises `BrokenPipeError` when the reader has gone."""

    def write(self, text: str) -> int:
        written = super().write(text)
        self.flush()
        return written


def whole_writes() -> None:
    """Give stdout and stderr a buffer when they have none, so no output is lost in silence.

    With PYTHONUNBUFFERED set, `sys.stdout` writes straight to the file descriptor, and a write
    that comes back short (the reader of a pipe went away midway, as `head -1` does during a
    large table; a signal) is not retried and raises nothing: the rest of the text was dropped
    and `dateline articles | head -1` ended 0, not 141 (QA 5). Rich renders a table in one such
    write; JSON, written an item at a time, met the closed pipe on its next write."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, _WholeWrites) or not isinstance(
            getattr(stream, "buffer", None), io.RawIOBase
        ):
            continue  # buffered already, or not a real file (a test's capture)
        stream.flush()
        setattr(
            sys,
            name,
            _WholeWrites(
                _Borrowed(stream.buffer),
                encoding=stream.encoding,
                errors=stream.errors,
                write_through=True,
            ),
        )


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
