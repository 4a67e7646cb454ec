""" "Add news…": a small dialog asking for what to add; the screen runs it as a background job.

Anything `dateline add` takes works here: files, folders (recursively), globs, http(s) URLs,
OPML files. Several inputs are separated by spaces; a path with spaces is quoted, as in a shell.
"""

from __future__ import annotations

import os
import shlex
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..widgets.ordered_input import OrderedInput


def parse_inputs(text: str, cwd: str | None = None) -> list[str]:
    """The inputs typed in the dialog: shell-like words, `~` expanded, relative paths made
    absolute (the job runs in another process). Raises ValueError for an unclosed quote."""
    base = cwd or os.getcwd()
    inputs = []
    for word in shlex.split(text):
        if "://" in word:
            inputs.append(word)
            continue
        path = os.path.expanduser(word)
        inputs.append(path if os.path.isabs(path) else os.path.join(base, path))
    return inputs


class AddNewsScreen(ModalScreen[list[str] | None]):
    """Asks for paths, globs, URLs or an OPML file; dismisses with the inputs, or None."""

    CSS_PATH = "add_news.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            yield Static(Text("Add news", style="bold"), id="add-title")
            yield OrderedInput(
                placeholder="~/news/*.txt  https://example.org/feed.xml", id="add-input"
            )
            hint = Text(end="", style="dim")
            hint.append("Files, folders, globs, http(s) URLs or an OPML file, separated by\n")
            hint.append("spaces (quote a path with spaces). Enter adds in the background;\n")
            hint.append("escape cancels.")
            yield Static(hint, id="add-hint")
            yield Static(id="add-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            inputs = parse_inputs(event.value)
        except ValueError as error:
            self.query_one("#add-error", Static).update(
                Text(f"Cannot read that: {error}.", style="bold red")
            )
            return
        if not inputs:
            self.query_one("#add-error", Static).update(
                Text("Type at least one file, folder, glob or URL.", style="bold red")
            )
            return
        self.dismiss(inputs)

    def action_cancel(self) -> None:
        self.dismiss(None)
