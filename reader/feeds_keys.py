"""The feeds and tags view's keys, as commands (see `reader.commands`).

`reader.screens.feeds` binds and runs them; the catalogue in `reader.commands` lists them for
the help screen and for remapping in `config.toml`.
"""

from __future__ import annotations

from .command import Command


class ChooseFeed(Command):
    ID, KEY, ACTION, FOOTER = "choose_feed", "enter", "choose", "Show"
    HELP = "Show its articles (a feed: or tag: chip), or run the saved search"
    IN_PALETTE = False


class Subscribe(Command):
    ID, KEY, ACTION, FOOTER = "subscribe", "a", "subscribe", "Subscribe"
    HELP = "Subscribe to a feed URL"
    IN_PALETTE = False


class Unsubscribe(Command):
    ID, KEY, ACTION, FOOTER = "unsubscribe", "d", "unsubscribe", "Unsubscribe"
    HELP = "Unsubscribe from the feed, or delete the saved search (press twice)"
    IN_PALETTE = False


class RenameFeed(Command):
    ID, KEY, ACTION, FOOTER = "rename_feed", "R", "rename", "Rename"
    HELP = "Rename the feed or saved search under the cursor"
    IN_PALETTE = False


class UndoSaved(Command):
    ID, KEY, ACTION, FOOTER = "undo_saved", "U", "undo_saved", "Undo"
    HELP = "Bring back the last deleted or renamed saved search"
    IN_PALETTE = False
    SHOW_IN_FOOTER = False  # the note after a delete or a rename names it


class TagFeed(Command):
    ID, KEY, ACTION, FOOTER = "tag_feed", "t", "tag", "Tag"
    HELP = "Set the tags of the feed under the cursor (its articles get them)"
    IN_PALETTE = False


class FeedFullText(Command):
    ID, KEY, ACTION, FOOTER = "feed_full_text", "f", "toggle_full_text", "Full text"
    HELP = "Fetch the full text of every new entry of this feed (on/off)"
    IN_PALETTE = False


class CloseView(Command):
    ID, KEY, ACTION, FOOTER = "close_view", "escape,q", "close", "Close"
    KEY_DISPLAY = "esc"
    HELP = "Back to the articles"
    IN_PALETTE = False


FEEDS_COMMANDS: tuple[type[Command], ...] = (
    ChooseFeed,
    Subscribe,
    Unsubscribe,
    RenameFeed,
    UndoSaved,
    TagFeed,
    FeedFullText,
    CloseView,
)
