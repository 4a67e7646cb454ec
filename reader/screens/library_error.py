"""A library that cannot be opened: the reason on a screen of its own, exit status 2 on close.

The CLI exits 2 on the same path (`dateline --library /etc/passwd search x`), so a script that
starts the TUI sees the same status; a toast over an empty reader would hide the problem.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..render import one_line

#: The exit status of the TUI after this screen, the CLI's usage/unopenable status.
EXIT_STATUS = 2


class LibraryErrorScreen(Screen[None]):
    """Says which library could not be opened and why; any of q, escape or enter quits."""

    CSS_PATH = "library_error.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,enter", "close", "Quit", key_display="q"),
    ]

    def __init__(self, path: str, reason: str) -> None:
        super().__init__()
        self.path = path
        self.reason = reason

    def compose(self) -> ComposeResult:
        text = Text(end="")
        text.append("Dateline cannot open this library\n\n", style="bold red")
        text.append("Library  ", style="bold")
        text.append(one_line(self.path) + "\n")
        text.append("Reason   ", style="bold")
        text.append(one_line(self.reason) + "\n\n")
        text.append(
            "Start Dateline with --library pointing at a library folder (an empty or new "
            "folder creates one). Press q to quit.",
            style="dim",
        )
        with Vertical(id="error-box"):
            yield Static(text, id="error-text")
        yield Footer()

    def action_close(self) -> None:
        self.app.exit(return_code=EXIT_STATUS)
