"""An `Input` whose editing keys take effect in the order they were typed.

Textual's `Input` inserts a printable key in its own key handler, but runs its bound keys
(backspace, ctrl+u, ctrl+w, the arrows, enter …) only after the key has bubbled up through
every ancestor's message queue back to the app (Textual issue #6605). Keys that arrive in one
burst — a fast typist, a key-repeat, a paste-like macro — were therefore applied out of order:
"petra", five backspaces and "zurich" gave "petraz" or "perich", and ctrl+u followed by
"zurich" emptied the box after the word was typed. Here a key bound on the input itself runs
its action at once, in the input's own queue, so it lands between the characters around it.

Priority bindings (ctrl+g, "/") are checked by the app before the key reaches the input and
are untouched; a key the input does not bind still bubbles to the screen as before.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class OrderedInput(Input):
    """`Input` that runs its own key bindings inline, keeping typed keys in order."""

    async def on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # inserted by Input's own handler, in order already
        # The screen's view of the focus chain: the input's own binding wins unless a
        # priority one (already run by the app) holds the key, and a disabled action is absent.
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not self or active.binding.priority:
            return  # someone else's key: let it bubble as Textual would
        if not active.enabled:
            return  # disabled here: Textual would offer the key to the next node up
        event.stop()
        event.prevent_default()
        await self.run_action(active.binding.action)
