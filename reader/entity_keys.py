"""The entity sidebar's correction keys, as commands (see `reader.commands`).

`reader.entity_commands` runs them; the catalogue in `reader.commands` lists them for the help
screen and for remapping in `config.toml`.
"""

from __future__ import annotations

from .command import Command


class RetypeEntity(Command):
    ID, KEY, ACTION, FOOTER = "entity_retype", "t", "fix('retype')", "Type"
    HELP = "Give the entity under the cursor another type (person, place, org)"
    IN_PALETTE = False
    PALETTE_TITLE = "Retype {}…"


class MergeEntity(Command):
    ID, KEY, ACTION, FOOTER = "entity_merge", "M", "fix('merge')", "Merge"
    HELP = "Merge the entity under the cursor into another (fuzzy picker)"
    # Out of the footer: with the screen's keys, the sidebar's footer ran past 160 columns
    # into the palette key ("r Refr▏"); `?` and the help screen list it.
    SHOW_IN_FOOTER = False
    IN_PALETTE = False
    PALETTE_TITLE = "Merge {} into…"


class SplitEntity(Command):
    ID, KEY, ACTION, FOOTER = "entity_split", "S", "fix('split')", "Split"
    HELP = "Split one of the entity's other names off into an entity of its own"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False
    PALETTE_TITLE = "Split a name off {}…"


class RenameEntity(Command):
    ID, KEY, ACTION, FOOTER = "entity_rename", "R", "fix('rename')", "Rename"
    HELP = "Give the entity under the cursor another display name"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False
    PALETTE_TITLE = "Rename {}…"


class BlockEntity(Command):
    ID, KEY, ACTION, FOOTER = "entity_block", "B", "fix('block')", "Not an entity"
    HELP = "Mark the name under the cursor as not an entity (everywhere, undoable)"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False
    PALETTE_TITLE = "Not an entity: {}"


class UnblockEntity(Command):
    """A blocked name is in no list (it is not an entity any more), so there is no cursor to
    put on it: the key opens a picker of the blocked names, run by the screen (`screen.`
    action), and the palette offers it whether or not the sidebar has an entity."""

    ID, KEY, ACTION, FOOTER = "entity_unblock", "L", "screen.unblock_entity", "Unblock…"
    HELP = 'Unblock a name marked "not an entity" (a picker of blocked names)'
    SHOW_IN_FOOTER = False
    IN_PALETTE = False
    PALETTE_TITLE = 'Unblock a name marked "not an entity"…'


class UndoEntityFix(Command):
    ID, KEY, ACTION, FOOTER = "entity_undo", "U", "fix('undo')", "Undo fix"
    HELP = "Undo the last entity correction"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False
    PALETTE_TITLE = "Undo entity correction"


class OpenEntity(Command):
    ID, KEY, ACTION, FOOTER = "entity_open", "enter,o", "open_entity", "Entity page"
    KEY_DISPLAY = "enter"
    HELP = "Open the page of the entity under the cursor"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


#: The sidebar's correction keys, in help order.
ENTITY_FIX_COMMANDS: tuple[type[Command], ...] = (
    RetypeEntity,
    MergeEntity,
    SplitEntity,
    RenameEntity,
    BlockEntity,
    UnblockEntity,
    UndoEntityFix,
    OpenEntity,
)
