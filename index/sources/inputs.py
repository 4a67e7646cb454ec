"""What the user typed (files, folders, globs, URLs) turned into a list of concrete inputs.

Kept apart from parsing so the walking rules (hidden files, links to folders, `**` that never
loops, one entry per real file) can be read and tested on their own.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..model import InputError

#: The reason given for an input that names nothing on disk.
NO_SUCH = "no such file or folder"
#: … and for a pattern that names nothing: the pattern is fine, there is just no file for it.
NO_MATCH = "the pattern matched no file"

_URL = re.compile(r"^https?://", re.IGNORECASE)
_GLOB = re.compile(r"[*?[]")


# -- what the user typed -> inputs -----------------------------------------------------------


def _hidden(name: str) -> bool:
    return name.startswith(".")


_LINKED_FOLDER = "symbolic link to a folder, not followed (add it directly)"
_DANGLING = f"{NO_SUCH} (a symbolic link whose target is missing)"


def _walk(folder: Path) -> list[str | InputError]:
    """Every non-hidden file under `folder`, in a stable (sorted) order.

    Links to folders are not followed: a link back up the tree would walk forever. Each one
    becomes an `InputError` in its place rather than vanishing, so the user learns why its
    files are missing. A link to a file is read like the file.
    """
    found: list[str | InputError] = []
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            if not _hidden(d) and os.path.islink(os.path.join(root, d)):
                found.append(InputError(os.path.join(root, d), _LINKED_FOLDER))
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for f in files:
            if _hidden(f):
                continue
            path = os.path.join(root, f)
            found.append(path if os.path.exists(path) else InputError(path, _DANGLING))

    # Sorted as paths (like `find | sort`): a folder's files and subfolders interleave by name.
    def key(item: str | InputError) -> tuple[str, ...]:
        return Path(item.origin if isinstance(item, InputError) else item).relative_to(folder).parts

    return sorted(found, key=key)


def _glob(pattern: str) -> list[str]:
    """Paths matching `pattern`, sorted, where `**` never descends through a link to a folder.

    `glob.glob` follows such links, so "news/**" over a link back up the tree explores an
    exponential number of paths before the OS refuses; pathlib's `**` does not follow them.
    Like `glob.glob`, a wildcard does not match a hidden name; a name written out does.
    """
    parts = Path(pattern).parts
    at = next((i for i, part in enumerate(parts) if _GLOB.search(part)), len(parts))
    base = Path(*parts[:at]) if at else Path(".")
    dotted = [part for part in parts[at:] if part.startswith(".")]

    def shown(name: str) -> bool:
        return not _hidden(name) or any(fnmatch.fnmatch(name, part) for part in dotted)

    try:
        matches = [
            m for m in base.glob("/".join(parts[at:])) if all(map(shown, m.relative_to(base).parts))
        ]
    except ValueError:
        # pathlib refuses "**" inside a name ("a/**b"); glob reads it as "*", which cannot loop.
        return sorted(glob.glob(pattern))
    except OSError:
        return []
    return sorted(str(m) for m in matches)


def _real(path: str) -> str:
    """The file a path names, whatever the spelling: "a.txt", "./a.txt", "/abs/a.txt" or a
    link to it all give the same key."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.normpath(os.path.abspath(path))


def expand(inputs: Sequence[str]) -> list[str | InputError]:
    """Expand files, folders (recursively) and globs; pass http(s) URLs through.

    Order follows `inputs`; each input's files are sorted. A file that appears twice (a file
    and the folder holding it, or a relative and an absolute spelling) is listed once, as the
    user first spelled it. A missing path or a glob that matches nothing becomes an
    `InputError` in place, so one typo never hides the other inputs. A URL's scheme is
    lower-cased ("HTTP://" works, and the rest of Dateline only has to look for "http").
    """
    out: list[str | InputError] = []
    seen: set[str] = set()

    def emit(item: str | InputError) -> None:
        # Overlapping globs walk a folder twice; its links are reported once, like its files.
        key = repr((item.origin, item.reason)) if isinstance(item, InputError) else _real(item)
        if key not in seen:
            seen.add(key)
            out.append(item)

    for raw in inputs:
        if url := _URL.match(raw):
            out.append(raw[: url.end()].lower() + raw[url.end() :])
            continue
        path = Path(os.path.expanduser(raw))
        if path.is_dir():
            for item in _walk(path):
                emit(item)
        elif path.exists():
            emit(str(path))
        elif _GLOB.search(raw):
            matches = _glob(os.path.expanduser(raw))
            files: list[str | InputError] = []
            for match in matches:
                if os.path.isdir(match):
                    files.extend(_walk(Path(match)))
                elif os.path.isfile(match):
                    files.append(match)
            if not files:
                out.append(InputError(raw, NO_MATCH))
            for item in files:
                emit(item)
        else:
            out.append(InputError(raw, NO_SUCH))
    return out
