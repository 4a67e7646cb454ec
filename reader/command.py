"""The base of every key Dateline answers to (see `reader.commands`).

Kept apart from the catalogue in `reader.commands` so that modules declaring commands of their
own (`reader.entity_keys`) can be imported by the catalogue without an import cycle.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding


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
    #: Offered in the command palette (commands that need a cursor position are not).
    IN_PALETTE: ClassVar[bool] = True
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


def bindings(*commands: type[Command]) -> list[Binding]:
    return [command.binding() for command in commands]
