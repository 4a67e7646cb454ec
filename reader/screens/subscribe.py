"""The feeds view's subscribe dialog (`a`): checks the feed before subscribing, as `dateline
feeds add` does, and keeps the dialog open with the reason when it is refused.

`dateline feeds add` fetches the target once (`Library.probe_feed`) and refuses a 404, a dead
host, a web page or a binary file; subscribing to one anyway would only fail at every refresh.
The reader calls the same `Library.subscribe_checked`, in a thread worker (a fetch can take
seconds; the window keeps answering keys), and shows the refusal in the dialog so the address
can be corrected in place rather than typed again.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from index.library import Library
from index.model import InputError

from ..feed_input import refusal
from ..render import one_line
from .prompt import PromptScreen

#: The refusal's colour: the feeds view's error red.
REFUSED_STYLE = "#e06c75"


def subscribe_note(
    library: Library, target: str, wanted: Callable[[], bool] = lambda: True
) -> tuple[str, str]:
    """Subscribe to `target` only if it is a feed that can be read now (what `dateline feeds
    add` does without --no-check, through the same `Library.subscribe_checked`); the sentence
    to show, and a warning ("" if none). Raises InputError with the reason. A dialog closed
    meanwhile subscribes nothing."""
    feed, new = library.subscribe_checked(target, wanted=wanted)
    if feed is None:
        return "", ""
    if not new:
        return f"Already subscribed to {feed.url}.", ""
    named = f" ({one_line(feed.title)})" if feed.title else ""
    said = f"Subscribed to {feed.url}{named}; r in the article list fetches it."
    # Fetched to check it and readable only in part, or not at all (`dateline feeds add`
    # warns too): said now rather than found out at the first refresh.
    warning = one_line(feed.last_error)
    return (f"{said} Warning: {warning}" if warning else said), warning


class Checked(Message):
    """The check's answer: what happened once subscribed, or why it was refused."""

    def __init__(self, *, note: str = "", refused: str | None = None, warning: str = "") -> None:
        super().__init__()
        self.note = note
        self.refused = refused
        self.warning = warning


class SubscribeScreen(PromptScreen):
    """Dismisses with what happened once subscribed; a refusal stays in the dialog."""

    def __init__(self, library: Library) -> None:
        super().__init__(
            "Subscribe to a feed",
            placeholder="https://example.org/feed.xml",
            hint="An RSS or Atom URL, a feed file or a file:// URL; it is fetched once to check.",
        )
        self.library = library
        self._checking = False
        self._gone = False

    def on_mount(self) -> None:
        self.query_one("#add-box", Vertical).mount(Static(id="add-error"))  # the answer's line

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.prevent_default()  # PromptScreen's handler would dismiss with the text at once
        target = event.value.strip()
        if not target:
            self.dismiss(None)
            return
        if self._checking:
            return  # one check at a time: its answer is on its way
        self._checking = True
        self._say(Text(f"Checking {one_line(target)}…", style="dim"))
        self._check(target)

    def _say(self, text: Text) -> None:
        self.query_one("#add-error", Static).update(text)

    @work(thread=True, exclusive=True, group="subscribe", exit_on_error=False)
    def _check(self, target: str) -> None:
        try:
            if self._gone or get_current_worker().is_cancelled:
                return
            note, warning = subscribe_note(self.library, target, lambda: not self._gone)
        except InputError as error:
            self.post_message(Checked(refused=refusal(target, error.reason)))
            return
        except Exception as error:  # a storage error: said in the dialog, not a crash
            self.post_message(Checked(refused=str(error) or type(error).__name__))
            return
        self.post_message(Checked(note=note, warning=warning))

    @on(Checked)
    def _checked(self, message: Checked) -> None:
        """The answer arrives as a message (the worker never waits on the UI thread, which
        closing this screen would make wait on the worker)."""
        self._checking = False
        if self._gone:
            return
        if message.refused is not None:
            self._say(Text(f"Not subscribed: {one_line(message.refused)}", style=REFUSED_STYLE))
            self.query_one(Input).focus()
        elif message.note:
            self._gone = True
            if message.warning:  # subscribed, but the feed is ill-formed: a toast that stays
                self.app.notify(
                    f"Subscribed, but: {message.warning}",
                    severity="warning",
                    timeout=8,
                    markup=False,
                )
            self.dismiss(message.note)

    def action_cancel(self) -> None:
        self._gone = True  # a check still running subscribes nothing more it has not started
        self.dismiss(None)
