"""The user's `config.toml`: keys, reading and refresh settings.

It lives in the platform's user config dir (`platformdirs`), or where `DATELINE_CONFIG` points::

    [keys]
    star = "S"
    next_article = "n,right"

    [reading]
    read_on_open = true       # opening an article marks it read

    [refresh]
    every_minutes = 30        # refresh subscriptions while the reader runs; 0 turns it off

Each name is a command id (see `dateline`'s `?` help screen); the value is a Textual key or a
comma-separated list of keys; remaps that clash are resolved by `reader.keyclash`'s rule. A bad
file never stops the reader: problems come back as warnings, each "<file>: <what is wrong>;
<what is used instead>", which the app shows together in one notice and `add`/`refresh`
print. A `DATELINE_CONFIG` that names no file is one of them: a typo in the path dropped every
setting silently (QA 6).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path

from .commands import ALL_COMMANDS, COMMAND_IDS
from .keyclash import resolve_clashes

#: A Textual key name: letters, digits, `_` and `+` for modifiers (`ctrl+shift+s`, `question_mark`)
#: or a single printable character (`?`, `S`).
_KEY = re.compile(r"^(?:[A-Za-z0-9_]+(?:\+[A-Za-z0-9_]+)*|[!-~])$")
#: The modifiers a terminal can report with a key (Textual's names).
MODIFIERS = frozenset({"shift", "ctrl", "alt", "meta", "super", "hyper"})
#: Keys that are no character: the names Textual gives them.
NAMED_KEYS = frozenset(
    {"escape", "enter", "return", "tab", "space", "backspace", "delete", "insert", "newline"}
    | {"up", "down", "left", "right", "home", "end", "pageup", "pagedown"}
    | {f"f{n}" for n in range(1, 25)}
)


#: Subscriptions refresh this often while the reader runs, unless config.toml says otherwise.
DEFAULT_REFRESH_MINUTES = 30


@dataclass(frozen=True)
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    #: `[entities] model`: the spaCy English pipeline for NER ("sm", "md", "lg", "trf" or an
    #: import name); None is the pinned small model. Applied by `reader.cli_entities`.
    ner_model: str | None = None
    #: Opening an article marks it read (`[reading] read_on_open`).
    read_on_open: bool = True
    #: Minutes between scheduled refreshes of the subscriptions; 0 is off.
    refresh_minutes: int = DEFAULT_REFRESH_MINUTES
    #: The file's name, for warnings about its entries found later (the NER model's).
    origin: str = "config.toml"


#: The environment variable that points at another config file.
CONFIG_ENV = "DATELINE_CONFIG"


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return user_config_path("dateline", appauthor=False) / "config.toml"


def parse_config(text: str, *, origin: str = "config.toml") -> Config:
    """Read the TOML text of a config file; unknown or malformed entries become warnings.

    `origin` is the file's path: a problem with the whole file names it in full, one with an
    entry names the file (`config.toml: …`), as the entry is what to look for in it.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(warnings=(f"{origin}: not valid TOML ({error}); using the default settings",))
    name = Path(origin).name
    warnings: list[str] = []
    read_on_open, refresh_minutes = _settings(data, name, warnings)
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        warnings.append(f"{name}: [keys] must be a table; using the default keys")
        keys = {}
    keymap: dict[str, str] = {}
    for command_id, value in keys.items():
        if command_id not in COMMAND_IDS:
            warnings.append(
                f"{name}: no command called {command_id!r} (the ? help screen lists them);"
                " it is ignored"
            )
            continue
        own = f"it keeps its own key, {_DEFAULT_KEYS[command_id]}"
        if not isinstance(value, str):
            warnings.append(f"{name}: the key for {command_id!r} must be a string; {own}")
            continue
        parts = [part.strip() for part in value.split(",")]
        if not parts or not all(_KEY.match(part) for part in parts):
            warnings.append(f"{name}: {value!r} is not a key for {command_id!r}; {own}")
            continue
        unknown = [part for part in parts if not real_key(part)]
        if unknown:  # well formed, but no keyboard sends it: the command would be unreachable
            warnings.append(
                f"{name}: {unknown[0]!r} is not a key for {command_id!r}"
                " (a key is a character, a name such as escape, f5 or question_mark, with"
                f" modifiers such as ctrl+ or alt+); {own}"
            )
            continue
        keymap[command_id] = ",".join(parts)
    resolved = resolve_clashes(keymap, name)
    warnings.extend(resolved.warnings)
    model = (
        data.get("entities", {}).get("model") if isinstance(data.get("entities"), dict) else None
    )
    if model is not None and not isinstance(model, str):
        warnings.append(
            f'{name}: [entities] model must be a string such as "md"; using the default'
        )
        model = None
    return Config(
        keymap=resolved.keymap,
        warnings=tuple(warnings),
        read_on_open=read_on_open,
        refresh_minutes=refresh_minutes,
        ner_model=model or None,
        origin=name,
    )


#: Each command's own keys, as the help screen shows them, for "it keeps its own key, s".
_DEFAULT_KEYS = {c.ID: c.KEY_DISPLAY or c.KEY for c in ALL_COMMANDS}


def real_key(key: str) -> bool:
    """Whether Textual can deliver `key` (`ctrl+s`, `S`, `question_mark`, `f5`): known
    modifiers, each once, before a character or a named key. The syntax check alone let
    "notakey" and "ctrl+alt+hyper+zz" through, binding a command to nothing."""
    from textual.keys import REPLACED_KEYS, key_to_character

    *modifiers, name = key.split("+")
    if any(m not in MODIFIERS for m in modifiers) or len(set(modifiers)) < len(modifiers):
        return False
    if name in NAMED_KEYS:
        return True
    if len(name) == 1:
        return name.isprintable()
    character = key_to_character(REPLACED_KEYS.get(name, name))
    return character is not None and len(character) == 1 and character.isprintable()


def _settings(data: dict[str, object], origin: str, warnings: list[str]) -> tuple[bool, int]:
    """`[reading] read_on_open` and `[refresh] every_minutes`; a bad value is a warning and
    the default."""
    read_on_open, minutes = True, DEFAULT_REFRESH_MINUTES
    reading = data.get("reading", {})
    if isinstance(reading, dict) and "read_on_open" in reading:
        if isinstance(reading["read_on_open"], bool):
            read_on_open = reading["read_on_open"]
        else:
            warnings.append(f"{origin}: [reading] read_on_open must be true or false; using true")
    elif not isinstance(reading, dict):
        warnings.append(f"{origin}: [reading] must be a table; using read_on_open = true")
    refresh = data.get("refresh", {})
    if isinstance(refresh, dict) and "every_minutes" in refresh:
        value = refresh["every_minutes"]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 7 * 24 * 60:
            minutes = value
        else:
            warnings.append(
                f"{origin}: [refresh] every_minutes must be a whole number of minutes "
                f"(0 turns it off); using {DEFAULT_REFRESH_MINUTES}"
            )
    elif not isinstance(refresh, dict):
        warnings.append(
            f"{origin}: [refresh] must be a table; using every {DEFAULT_REFRESH_MINUTES} minutes"
        )
    return read_on_open, minutes


def load_config(path: Path | None = None) -> Config:
    """Read the config file. A missing file is the default configuration, unless
    `DATELINE_CONFIG` named it: then it is a typo the user should hear about."""
    named = path is None and bool(os.environ.get(CONFIG_ENV))
    path = config_path() if path is None else path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if named:
            return Config(
                warnings=(f"{CONFIG_ENV}={path}: no such file; using the default settings",)
            )
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        return Config(warnings=(f"{path}: cannot be read ({error}); using the default settings",))
    return parse_config(text, origin=str(path))
