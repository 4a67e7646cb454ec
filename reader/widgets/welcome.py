"""What an empty library shows: how to get news in, and the bundled sample."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Welcome(Static):
    """Shown instead of the list while the library has no articles at all."""

    def __init__(self, *, sample_key: str, add_key: str = "+", id: str | None = None) -> None:
        super().__init__(id=id)
        self._sample_key = sample_key
        #: "Add news…" (files, folders, globs, URLs, OPML) without leaving the reader.
        self._add_key = add_key

    def on_mount(self) -> None:
        text = Text(end="")
        text.append("Welcome to Dateline\n\n", style="bold")
        # The key comes first: on a short terminal the last lines of this pane are cut off.
        text.append("This library has no news yet. Press ")
        text.append(f" {self._sample_key} ", style="bold reverse")
        text.append(" to add the bundled sample articles now, ")
        text.append(f" {self._add_key} ", style="bold reverse")
        text.append(" to add files, folders, URLs or OPML here, or add news from a shell:\n\n")
        # Each command on its own line with its explanation below: nothing wraps mid-phrase.
        text.append("  dateline add FILE|FOLDER|URL\n", style="bold #7cc47c")
        text.append("      text dumps, HTML pages, RSS/Atom, OPML, JSON Lines\n")
        text.append("  dateline feeds add URL\n", style="bold #7cc47c")
        text.append("      subscribe to a feed (r fetches it)\n")
        text.append("  dateline demo\n", style="bold #7cc47c")
        text.append("      a throwaway library of sample news")
        self.update(text)
