"""`?`: every key, read from the same command classes as the bindings and the palette."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import SECTIONS, Command
from ..widgets.reader_view import LEGEND


def help_table(key_display: Callable[[type[Command]], str]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for title, commands in SECTIONS:
        table.add_row(Text(""), Text(title, style="bold underline"))
        for command in commands:
            table.add_row(Text(key_display(command), end=""), Text(command.HELP, end=""))
    table.add_row(Text(""), Text(""))
    table.add_row(
        Text("ctrl+p", end=""), Text("Command palette: entities, articles, saved searches, themes")
    )
    table.add_row(Text("ctrl+q", end=""), Text("Quit, from anywhere (even while typing)"))
    table.add_row(Text(""), Text.assemble("Reader colours: ", LEGEND))
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of every key; escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc"),
        # The same movement keys as the reader.
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False),
        Binding("g,home", "scroll('home')", "Top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", show=False),
    ]

    def __init__(self, key_display: Callable[[type[Command]], str]) -> None:
        super().__init__()
        self._key_display = key_display

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text("Dateline keys", style="bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(help_table(self._key_display), id="help-table")
            yield Static(
                Text.assemble(
                    ("esc", "bold"),
                    ", ",
                    ("q", "bold"),
                    " or ",
                    ("?", "bold"),
                    " closes this help · ",
                    ('remap keys in config.toml: [keys] star = "S"', "dim"),
                ),
                id="help-hint",
            )

    def action_scroll(self, how: str) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        {
            "down": scroll.scroll_down,
            "up": scroll.scroll_up,
            "page_down": scroll.scroll_page_down,
            "page_up": scroll.scroll_page_up,
            "home": scroll.scroll_home,
            "end": scroll.scroll_end,
        }[how](animate=False)
