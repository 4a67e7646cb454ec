"""The entity page's own keys, as commands (see `reader.commands`).

`reader.screens.entity_page` binds and runs them, beside the sidebar's correction keys
(`entity_keys`), which the page answers to as well; the catalogue in `reader.commands` lists
them for the help screen and for remapping in `config.toml`, and `reader.keyclash` knows them,
so a remap onto one of them is a clash reported like any other.
"""

from __future__ import annotations

from .command import Command
from .entity_keys import ENTITY_FIX_COMMANDS, OpenEntity


class PageBack(Command):
    ID, KEY, ACTION, FOOTER = "entity_page_back", "escape", "back", "Back"
    HELP = "Back to the page opened before this one, or close the page"
    IN_PALETTE = False


class PageOpen(Command):
    ID, KEY, ACTION, FOOTER = "entity_page_open", "enter", "select", "Open"
    HELP = "Open the related entity's page, or the quote or article in the reader"
    IN_PALETTE = False


class PageNextList(Command):
    ID, KEY, ACTION, FOOTER = "entity_page_next_list", "tab", "cycle(1)", "Next list"
    HELP = "Move to the next list (seen with, quotes, latest articles)"
    IN_PALETTE = False


class PagePreviousList(Command):
    ID, KEY, ACTION, FOOTER = "entity_page_previous_list", "shift+tab", "cycle(-1)", "Previous list"
    HELP = "Move to the previous list"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class PageFilter(Command):
    ID, KEY, ACTION, FOOTER = "entity_page_filter", "f", "filter", "Filter"
    HELP = "Filter the list by this entity (and the related one under the cursor)"
    IN_PALETTE = False


class PageDown(Command):
    ID, KEY, ACTION, FOOTER = "entity_page_down", "j", "move('down')", "Down"
    HELP = "Move down in the list"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class PageUp(Command):
    ID, KEY, ACTION, FOOTER = "entity_page_up", "k", "move('up')", "Up"
    HELP = "Move up in the list"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


#: The entity page's own keys, in footer and help order.
ENTITY_PAGE_COMMANDS: tuple[type[Command], ...] = (
    PageBack,
    PageOpen,
    PageNextList,
    PagePreviousList,
    PageFilter,
    PageDown,
    PageUp,
)
#: The sidebar's correction keys the page answers to, in the sidebar's help order (not its
#: "open the entity's page": the page is open). Run by `screens.entity_page_fixes`.
PAGE_FIX_COMMANDS = tuple(c for c in ENTITY_FIX_COMMANDS if c is not OpenEntity)
