"""Key remaps that clash: found when config.toml is read, resolved by one rule, reported once.

A key press goes to the focused widget first, then up to the screen (a *priority* binding, such
as `/` for the search bar, is asked before all of them). So `[keys] star = "j"` put star on the
screen while the article list still answered `j` itself, and `search = "q"` took `q` from Quit:
both silently (QA 6). Defaults that share a key in different places (`t` is Full text on the
screen and Type in the entity sidebar) are by design, and not reported.

The rule, documented in the README ("Remapping keys"):

* two remaps in the file on one key, where both would answer: the first wins; the later one
  loses that key (and keeps its own default key when it has no other left);
* a remap wins over a default: the default gives up that key and keeps its others; a default
  whose only key it was is left without one where they meet (when they sit on one widget, or
  the remap is a priority one), or keeps it in its own pane, where it comes first.

Each clash is one warning naming both commands and how it was resolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from .command import Command
from .commands import (
    ENTITY_COMMANDS,
    FEEDS_COMMANDS,
    LIST_COMMANDS,
    MOVE_COMMANDS,
    PAGE_COMMANDS,
    READER_COMMANDS,
    SCREEN_COMMANDS,
    SEARCH_BAR_COMMANDS,
    SaveSearch,
)
from .entity_keys import ENTITY_FIX_COMMANDS
from .entity_page_keys import ENTITY_PAGE_COMMANDS, PAGE_FIX_COMMANDS

_MAIN = (*SCREEN_COMMANDS, *PAGE_COMMANDS)
#: Where a key press is resolved: the place's name and its binding chain, focused widget
#: first, each link the commands one widget or screen binds (see the widgets' BINDINGS).
CHAINS: tuple[tuple[str, tuple[tuple[type[Command], ...], ...]], ...] = (
    ("the article list", (LIST_COMMANDS, _MAIN)),
    ("the reader", (READER_COMMANDS, _MAIN)),
    ("the reader's related list", (MOVE_COMMANDS, READER_COMMANDS, _MAIN)),
    ("the entity sidebar", ((*MOVE_COMMANDS, *ENTITY_COMMANDS, *ENTITY_FIX_COMMANDS), _MAIN)),
    ("the feeds view", (MOVE_COMMANDS, FEEDS_COMMANDS)),
    # A screen of its own: the main screen's keys do not reach it.
    ("the entity page", ((*ENTITY_PAGE_COMMANDS, *PAGE_FIX_COMMANDS),)),
    ("the search bar", ((*SEARCH_BAR_COMMANDS, SaveSearch),)),
)
#: Keys Textual itself keeps for the app (priority bindings), whatever the keymap says.
_APP_KEYS = {"ctrl+p": "the command palette", "ctrl+q": "quitting"}


@dataclass(frozen=True)
class Resolved:
    #: The keymap to give Textual: the user's remaps, and the defaults that gave a key up.
    keymap: dict[str, str]
    warnings: tuple[str, ...]


def _label(command: type[Command]) -> str:
    return f"{command.ID!r} ({command.FOOTER})"


def _keys(keys: str) -> list[str]:
    """Keys as Textual matches them: "?" is question_mark, "/" slash (as its keymap does)."""
    from textual.keys import _character_to_key

    return [_character_to_key(k) if len(k) == 1 else k for k in map(str.strip, keys.split(","))]


def _defaults(command: type[Command]) -> list[str]:
    return _keys(command.KEY)


def resolve_clashes(remaps: dict[str, str], origin: str = "config.toml") -> Resolved:
    """Apply the rule above to `remaps` (command id -> "key,key", in file order)."""
    commands = {c.ID: c for _, chain in CHAINS for link in chain for c in link}
    keys = {i: _defaults(c) for i, c in commands.items()}
    user = [i for i in remaps if i in commands]
    for i in user:
        keys[i] = _keys(remaps[i])
    warnings: list[str] = []
    adjusted: dict[str, str] = {}
    for n, a in enumerate(user):  # two remaps on one key: the first in the file wins
        for b in user[:n]:
            taken = [k for k in keys[a] if k in keys[b]]
            if taken and _places(a, b):
                keys[a] = [k for k in keys[a] if k not in taken] or _defaults(commands[a])
                warnings.append(
                    f"{origin}: {taken[0]} is set for both {_label(commands[b])} and"
                    f" {_label(commands[a])}; the first wins, {a!r} keeps {','.join(keys[a])}"
                )
    for a in user:  # a remap over a default
        for key in list(keys[a]):
            if key in _APP_KEYS:
                warnings.append(
                    f"{origin}: {key} is Textual's own key for {_APP_KEYS[key]}; it stays so,"
                    f" and {a!r} does not answer it"
                )
            for b, command in commands.items():
                if b in remaps or b == a or key not in keys[b] or not _places(a, b):
                    continue
                if key in _defaults(commands[a]) and key in _defaults(command):
                    continue  # two defaults that share a key by design, left as they were
                said = _over_default(commands[a], command, key, keys[b])
                if said.endswith(_NEVER):  # asked first everywhere: the remap keeps its own
                    keys[a] = [k for k in keys[a] if k != key] or _defaults(commands[a])
                    said += f"; {a!r} keeps {','.join(keys[a])}"
                warnings.append(f"{origin}: {said}")
                if len(keys[b]) > 1:
                    keys[b] = [k for k in keys[b] if k != key]
                    adjusted[b] = ",".join(keys[b])
    unknown = {i: v for i, v in remaps.items() if i not in commands}
    return Resolved(
        {**unknown, **{i: ",".join(keys[i]) for i in user}, **adjusted}, tuple(warnings)
    )


def _places(a: str, b: str) -> list[str]:
    """The places where commands `a` and `b` both answer keys."""
    return [place for place, chain in CHAINS if {a, b} <= {c.ID for link in chain for c in link}]


def _winner(
    a: type[Command], b: type[Command], chain: tuple[tuple[type[Command], ...], ...]
) -> str:
    """Which of `a` (remapped) and `b` (a default) gets a key both have in `chain`: a priority
    binding first, then the focused end of the chain; on one widget the remap (Textual drops
    the default's key there)."""
    if a.PRIORITY != b.PRIORITY:
        return a.ID if a.PRIORITY else b.ID
    depth = {c.ID: d for d, link in reversed(list(enumerate(chain))) for c in link}
    return b.ID if depth[b.ID] < depth[a.ID] else a.ID


def _over_default(a: type[Command], b: type[Command], key: str, b_keys: list[str]) -> str:
    """The warning for remap `a` taking `key`, which default `b` has too."""
    places = _places(a.ID, b.ID)
    where = "" if b in _MAIN else f" in {places[0]}"  # a main screen key: everywhere
    said = f"{key} for {_label(a)} was already the key of {_label(b)}{where}"
    others = [k for k in b_keys if k != key]
    if others:
        return f"{said}; {a.ID!r} has it now, {b.ID!r} keeps {','.join(others)}"
    chains = dict(CHAINS)
    kept = [p for p in places if _winner(a, b, chains[p]) == b.ID]
    there = "there" if where else f"in {places[0]}"
    if kept:  # `b` is asked first there (its own pane, or a priority key)
        if len(_homes(a)) > len(kept):
            there = "there" if where and kept[0] == places[0] else f"in {kept[0]}"
            return f"{said}, its only key; {there} {key} stays {b.ID!r}, elsewhere {a.ID!r}"
        return f"{said}, its only key, and asked first: {a.ID!r} {_NEVER}"
    if len(_homes(b)) > len(places):
        return f"{said}, its only key; {there} {key} is {a.ID!r} now, elsewhere {b.ID!r}"
    hint = " (ctrl+q still quits)" if b.ID == "quit" else ""
    return f"{said}; {a.ID!r} has it now, and {b.ID!r} is left without a key{hint}"


#: The end of a warning for a remap onto a key that another command is always asked first for.
_NEVER = "would never answer it"


def _homes(command: type[Command]) -> list[str]:
    """The places where `command` answers a key."""
    return [p for p, chain in CHAINS if any(command in link for link in chain)]
