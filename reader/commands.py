"""Every key Dateline answers to, declared once.

A command is a class: its key, its footer text, its help line and whether the command palette
offers it. `binding()` turns it into a public `Binding` with an `id`, so a user can remap the
key in `config.toml` (`[keys] star = "S"`), and the footer, the `?` help screen and the palette
all read the same classes, so they never drift (the pattern of textual-enhanced). The keys of
the entity sidebar's corrections (`entity_keys`), of the feeds view (`feeds_keys`) and of the
entity page (`entity_page_keys`) are declared beside this catalogue, which lists them with the
rest.
"""

from __future__ import annotations

from .command import Command as Command
from .command import bindings as bindings
from .entity_keys import ENTITY_FIX_COMMANDS
from .entity_page_keys import ENTITY_PAGE_COMMANDS as ENTITY_PAGE_COMMANDS
from .feeds_keys import FEEDS_COMMANDS as FEEDS_COMMANDS


def footer_order(commands: tuple[type[Command], ...]) -> tuple[type[Command], ...]:
    """`commands` with Help and Quit first: the footer lists bindings in declaration order
    and cuts what does not fit, and those two must stay visible at 80 columns."""
    first = tuple(c for c in commands if c in FOOTER_FIRST)
    return first + tuple(c for c in commands if c not in FOOTER_FIRST)


# -- the whole screen ----------------------------------------------------------------------
class Search(Command):
    ID, KEY, ACTION, FOOTER = "search", "slash", "search", "Search"
    KEY_DISPLAY = "/"
    HELP = "Focus the search bar (the query language of `dateline search`)"
    # Handled as the app reads the key, before the keys after it are routed: "/u" typed in one
    # burst searches for "u" instead of running "u" (unread only) on the list.
    PRIORITY = True


class Back(Command):
    ID, KEY, ACTION, FOOTER = "back", "escape", "back", "Back"
    HELP = "Leave the search bar or sidebar, back to the list, close the reader"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class NextPane(Command):
    ID, KEY, ACTION, FOOTER = "next_pane", "tab", "cycle_pane(1)", "Next pane"
    HELP = "Move to the next pane (list, reader, entities)"
    SHOW_IN_FOOTER = False


class PreviousPane(Command):
    ID, KEY, ACTION, FOOTER = "previous_pane", "shift+tab", "cycle_pane(-1)", "Previous pane"
    HELP = "Move to the previous pane"
    SHOW_IN_FOOTER = False


class FocusEntities(Command):
    ID, KEY, ACTION, FOOTER = "entities", "e", "focus_entities", "Entities"
    HELP = "Focus the entity sidebar (shows it on a narrow terminal)"


class EntityScope(Command):
    ID, KEY, ACTION, FOOTER = "entity_scope", "a", "toggle_entity_scope", "Results/article"
    HELP = "Switch the sidebar between the result set and the open article"
    SHOW_IN_FOOTER = False


class DropFilter(Command):
    ID, KEY, ACTION, FOOTER = "drop_filter", "backspace", "drop_filter", "Unfilter"
    HELP = "Drop the last entity filter"


class ToggleRead(Command):
    ID, KEY, ACTION, FOOTER = "toggle_read", "m", "toggle_read", "Read"
    HELP = "Mark the current article read or unread"


class Star(Command):
    ID, KEY, ACTION, FOOTER = "star", "s", "toggle_star", "Star"
    HELP = "Star or unstar the current article"


class UnreadOnly(Command):
    ID, KEY, ACTION, FOOTER = "unread_only", "u", "toggle_unread_only", "Unread"
    HELP = "Show only unread articles, or everything again"


class OpenLink(Command):
    ID, KEY, ACTION, FOOTER = "open_link", "o", "open_link", "Open"
    HELP = "Open the link in the web browser (http/https only); marks it read"
    SHOW_IN_FOOTER = False


class CopyLink(Command):
    ID, KEY, ACTION, FOOTER = "copy_link", "y", "copy_link", "Copy link"
    HELP = "Copy the article's link to the clipboard"
    SHOW_IN_FOOTER = False


class Refresh(Command):
    ID, KEY, ACTION, FOOTER = "refresh", "r", "refresh_feeds", "Refresh"
    HELP = "Fetch every feed subscription and add what is new"


class NextUnread(Command):
    ID, KEY, ACTION, FOOTER = "next_unread", "N", "step_unread(1)", "Next unread"
    HELP = "Open the next unread article (loads more; wraps to the top)"


class PreviousUnread(Command):
    ID, KEY, ACTION, FOOTER = "previous_unread", "P", "step_unread(-1)", "Previous unread"
    HELP = "Open the previous unread article (wraps to the bottom)"
    SHOW_IN_FOOTER = False


class MarkAllRead(Command):
    ID, KEY, ACTION, FOOTER = "mark_all_read", "A", "mark_all_read", "All read"
    HELP = "Mark every article of the current results read (U undoes it)"
    SHOW_IN_FOOTER = False


class UndoMarkRead(Command):
    ID, KEY, ACTION, FOOTER = "undo_mark_read", "U", "undo_mark_read", "Undo all read"
    HELP = 'Undo the last "mark all read"'
    SHOW_IN_FOOTER = False


class AddNews(Command):
    ID, KEY, ACTION, FOOTER = "add_news", "plus", "add_news", "Add news…"
    KEY_DISPLAY = "+"
    HELP = "Add files, folders, globs, URLs or OPML in the background"
    SHOW_IN_FOOTER = False


class FullTextCommand(Command):
    ID, KEY, ACTION, FOOTER = "full_text", "t", "full_text", "Full text"
    HELP = "Fetch the article's page and keep its full text beside the summary"
    SHOW_IN_FOOTER = False


class FeedsView(Command):
    ID, KEY, ACTION, FOOTER = "feeds", "F", "feeds", "Feeds"
    HELP = "Feeds, tags and saved searches with their unread and new counts"


class SortOrder(Command):
    ID, KEY, ACTION, FOOTER = "sort", "D", "toggle_sort", "Newest first/relevance"
    HELP = "Sort the results newest first, or by relevance again"
    SHOW_IN_FOOTER = False


class AcceptSuggestion(Command):
    ID, KEY, ACTION, FOOTER = "accept_suggestion", "ctrl+g", "accept_suggestion", "Did you mean"
    HELP = "Search for the suggested spelling instead"
    SHOW_IN_FOOTER = False
    PRIORITY = True


class SaveSearch(Command):
    ID, KEY, ACTION, FOOTER = "save_search", "ctrl+s", "save_search", "Save search"
    HELP = "Save the query with its filters and chips (reopen from the palette)"
    SHOW_IN_FOOTER = False


class LoadSample(Command):
    ID, KEY, ACTION, FOOTER = "load_sample", "d", "load_sample", "Load sample news"
    HELP = "Add the bundled sample articles (in an empty library)"
    SHOW_IN_FOOTER = False


class Help(Command):
    ID, KEY, ACTION, FOOTER = "help", "question_mark", "help", "Help"
    KEY_DISPLAY = "?"
    HELP = "Show every key"


class Quit(Command):
    ID, KEY, ACTION, FOOTER = "quit", "q", "app.quit", "Quit"
    HELP = "Quit Dateline"


# -- the article list ------------------------------------------------------------------------
class Down(Command):
    ID, KEY, ACTION, FOOTER = "down", "j,down", "cursor_down", "Down"
    KEY_DISPLAY = "j/↓"
    HELP = "Move down"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class Up(Command):
    ID, KEY, ACTION, FOOTER = "up", "k,up", "cursor_up", "Up"
    KEY_DISPLAY = "k/↑"
    HELP = "Move up"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class Top(Command):
    ID, KEY, ACTION, FOOTER = "top", "g,home", "top", "Top"
    HELP = "Go to the first row"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class Bottom(Command):
    ID, KEY, ACTION, FOOTER = "bottom", "G,end", "bottom", "Bottom"
    HELP = "Go to the last loaded row (the next page loads from there)"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class OpenArticle(Command):
    ID, KEY, ACTION, FOOTER = "open", "enter", "select_cursor", "Open"
    HELP = "Open the article under the cursor"
    IN_PALETTE = False


class ExpandStory(Command):
    ID, KEY, ACTION, FOOTER = "expand_story", "z", "toggle_story", "Sources"
    HELP = "Expand or fold the other sources of a story"
    IN_PALETTE = False


# -- the reader ---------------------------------------------------------------------------------
class PageDown(Command):
    ID, KEY, ACTION, FOOTER = "page_down", "space", "page_down", "Page"
    HELP = "Page the reader down"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class PageUp(Command):
    ID, KEY, ACTION, FOOTER = "page_up", "b", "page_up", "Page up"
    HELP = "Page the reader up"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class ScrollDown(Command):
    ID, KEY, ACTION, FOOTER = "scroll_down", "j,down", "scroll_down", "Down"
    KEY_DISPLAY = "j/↓"
    HELP = "Scroll the reader down"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class ScrollUp(Command):
    ID, KEY, ACTION, FOOTER = "scroll_up", "k,up", "scroll_up", "Up"
    KEY_DISPLAY = "k/↑"
    HELP = "Scroll the reader up"
    SHOW_IN_FOOTER = False
    IN_PALETTE = False


class NextArticle(Command):
    ID, KEY, ACTION, FOOTER = "next_article", "n", "step(1)", "Next"
    HELP = "Open the next article in the list"


class PreviousArticle(Command):
    ID, KEY, ACTION, FOOTER = "previous_article", "p", "step(-1)", "Previous"
    HELP = "Open the previous article in the list"


# -- the entity sidebar ------------------------------------------------------------------------
class Filter(Command):
    ID, KEY, ACTION, FOOTER = "filter", "f", "pick(False)", "Filter"
    HELP = "Filter the results by the entity under the cursor"
    IN_PALETTE = False
    PALETTE_TITLE = "Filter by {}"


class Exclude(Command):
    ID, KEY, ACTION, FOOTER = "exclude", "x", "pick(True)", "Exclude"
    HELP = "Exclude the entity under the cursor from the results"
    IN_PALETTE = False
    PALETTE_TITLE = "Exclude {}"


#: Kept visible in the footer at any width.
FOOTER_FIRST: tuple[type[Command], ...] = (Help, Quit)


# -- the search bar (reader/widgets/search_bar.py) ------------------------------------------
# Its input takes every printable key, so the footer lost every key while typing but ^p
# (QA 6): these name what applies there. `ctrl+s` (save_search) shows there too.
class SubmitSearch(Command):
    ID, KEY, ACTION, FOOTER = "submit_search", "enter", "submit", "Search"
    HELP = "In the search bar: show the results (the list takes the keys)"
    IN_PALETTE = False


class LeaveSearch(Command):
    ID, KEY, ACTION, FOOTER = "leave_search", "escape", "screen.back", "Back"
    KEY_DISPLAY = "esc"
    HELP = "In the search bar: back to the list, the query kept"
    IN_PALETTE = False


SEARCH_BAR_COMMANDS: tuple[type[Command], ...] = (SubmitSearch, LeaveSearch)


# -- pages (reader/screens/pages_room.py) -----------------------------------------------------
class EntityPage(Command):
    ID, KEY, ACTION, FOOTER = "entity_page", "E", "entity_page", "Entity page…"
    HELP = "Open an entity's page: timeline, related entities, quotes"
    SHOW_IN_FOOTER = False


class StoryPage(Command):
    ID, KEY, ACTION, FOOTER = "story_page", "Z", "story_page", "Story page"
    HELP = "Open the story's page: every source side by side, aligned"
    SHOW_IN_FOOTER = False


PAGE_COMMANDS: tuple[type[Command], ...] = (EntityPage, StoryPage)


SCREEN_COMMANDS: tuple[type[Command], ...] = (
    Search,
    Back,
    NextPane,
    PreviousPane,
    FocusEntities,
    EntityScope,
    DropFilter,
    ToggleRead,
    Star,
    UnreadOnly,
    OpenLink,
    CopyLink,
    NextUnread,
    PreviousUnread,
    MarkAllRead,
    UndoMarkRead,
    AddNews,
    FullTextCommand,
    FeedsView,
    Refresh,
    SortOrder,
    AcceptSuggestion,
    SaveSearch,
    LoadSample,
    Help,
    Quit,
)
LIST_COMMANDS: tuple[type[Command], ...] = (Down, Up, Top, Bottom, OpenArticle, ExpandStory)
READER_COMMANDS: tuple[type[Command], ...] = (
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    NextArticle,
    PreviousArticle,
)
ENTITY_COMMANDS: tuple[type[Command], ...] = (Filter, Exclude)
#: Commands of a widget's cursor that the palette offers, run on that widget: (the widget's
#: selector, its commands with a `PALETTE_TITLE`). The widget says what its cursor is on
#: (`palette_subject`), so the palette names the entity a command will change.
CURSOR_COMMANDS: tuple[tuple[str, tuple[type[Command], ...]], ...] = (
    ("#entity-list", (*ENTITY_COMMANDS, *ENTITY_FIX_COMMANDS)),
)
#: Moving in the other lists (entities, the reader's related articles): the list's keys.
MOVE_COMMANDS: tuple[type[Command], ...] = (Down, Up, Top, Bottom)

#: The sections of the help screen, in order.
SECTIONS: tuple[tuple[str, tuple[type[Command], ...]], ...] = (
    ("Everywhere", SCREEN_COMMANDS),
    ("Search bar", SEARCH_BAR_COMMANDS),
    ("Article list", LIST_COMMANDS),
    ("Reader", READER_COMMANDS),
    ("Entity sidebar", (*ENTITY_COMMANDS, *ENTITY_FIX_COMMANDS)),
    ("Feeds and tags", FEEDS_COMMANDS),
    ("Pages", PAGE_COMMANDS),
    ("Entity page", ENTITY_PAGE_COMMANDS),
)

ALL_COMMANDS: tuple[type[Command], ...] = tuple(c for _, group in SECTIONS for c in group)
#: Binding ids a user may remap.
COMMAND_IDS: frozenset[str] = frozenset(c.ID for c in ALL_COMMANDS)
