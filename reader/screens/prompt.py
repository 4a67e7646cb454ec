"""A one-line question (subscribe to…, rename to…, tags…): dismisses with the text or None."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..widgets.ordered_input import OrderedInput


class PromptScreen(ModalScreen[str | None]):
    """Enter answers with the typed text (stripped); escape answers None."""

    CSS_PATH = "add_news.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, *, value: str = "", placeholder: str = "", hint: str = ""):
        super().__init__()
        self._title = title
        self._value = value
        self._placeholder = placeholder
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            yield Static(Text(self._title, style="bold"), id="add-title")
            yield OrderedInput(value=self._value, placeholder=self._placeholder, id="add-input")
            yield Static(Text(self._hint, style="dim"), id="add-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
