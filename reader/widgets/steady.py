"""Text that repaints only when it changes.

`Static.update` repaints its widget and, unless told otherwise, asks the screen for a new
layout — even when the new text is the one already shown. The search result arrives on every
keystroke, and each unchanged label redrawn that way was another layout of the whole screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Label


def text_key(text: Text) -> tuple[object, ...]:
    """What makes two texts look the same (rich's `Text.__eq__` ignores the base style)."""
    return (text.plain, tuple(text.spans), str(text.style))


class SteadyLabel(Label):
    """A label whose size is fixed in CSS: `show` repaints it only when the text changed,
    and never asks for a layout."""

    _shown: tuple[object, ...] | None = None

    def show(self, text: Text) -> bool:
        """Show `text`; False (nothing done) when it is what the label already shows."""
        key = text_key(text)
        if key == self._shown:
            return False
        self._shown = key
        self.update(text, layout=False)
        return True
