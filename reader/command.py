"""The base of every key Dateline answers to (see `reader.commands`).

Kept apart from the catalogue in `reader.commands` so that modules declaring commands of their
own (`reader.entity_keys`) can be imported by the catalogue without an import cycle.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from textual.binding import Binding, BindingType


class Command:
    """One thing the user can do. Subclasses fill in the class variables."""

    #: The binding id users remap in `[keys]`; also the key of the help table.
    ID: ClassVar[str]
    #: The default key(s), comma separated (Textual's syntax).
    KEY: ClassVar[str]
    #: How the key shows in the footer and help when it differs from Textual's display.
    KEY_DISPLAY: ClassVar[str | None] = None
    #: The action run by the binding (resolved on the node that declares the binding).
    ACTION: ClassVar[str]
    #: Short text for the footer.
    FOOTER: ClassVar[str]
    #: One line for the help screen and the palette.
    HELP: ClassVar[str]
    SHOW_IN_FOOTER: ClassVar[bool] = True
    #: Offered in the command palette as a command of the whole screen (a command of a
    #: widget's cursor is offered through `PALETTE_TITLE` instead).
    IN_PALETTE: ClassVar[bool] = True
    #: For a command of a widget's cursor (the entity sidebar's): how the palette offers it,
    #: "{}" standing for the item under the cursor. The palette runs it on that widget, and
    #: offers it only while the widget has such an item (see `reader.providers`).
    PALETTE_TITLE: ClassVar[str | None] = None
    PRIORITY: ClassVar[bool] = False

    @classmethod
    def binding(cls) -> Binding:
        return Binding(
            cls.KEY,
            cls.ACTION,
            cls.FOOTER,
            show=cls.SHOW_IN_FOOTER,
            key_display=cls.KEY_DISPLAY,
            priority=cls.PRIORITY,
            tooltip=cls.HELP,
            id=cls.ID,
        )

    @classmethod
    def palette_title(cls) -> str:
        return cls.FOOTER if cls.FOOTER else cls.HELP


@runtime_checkable
class CursorSubject(Protocol):
    """A widget whose cursor commands the palette offers (`Command.PALETTE_TITLE`)."""

    def palette_subject(self) -> str | None:
        """The name of what the cursor is on, one line of plain text (None: nothing, or the
        widget is not shown, so commands that need an item are not offered)."""
        ...


def bindings(*commands: type[Command]) -> list[BindingType]:
    """A widget's `BINDINGS`, typed as Textual declares them (a list of `BindingType`)."""
    return [command.binding() for command in commands]
