"""Entity corrections in the TUI: the sidebar's keys, and the screen side that runs them.

The keys are commands in the pattern of `reader.commands` (one class: key, footer, help line,
remappable id). The sidebar turns a key into a domain message (`EntitySidebar.Fix` with the
kind and the entity under the cursor) and knows nothing of the library; `EntityCorrections`,
mixed into the main screen, asks what it needs (a type, a target, a name) in a modal, runs the
correction in a worker through `index.Library` (undoable, the index follows), tells the user
what changed, searches again so the list and the sidebar show it, and reads the open
article's mentions again so the reader shows the new names and colours at once.

A rename to a name an entity of another type has is refused by the registry (`NameTaken`:
one name, one type); the screen then says which entity has it and offers a confirm step:
rename anyway (two different things of one name, kept apart), merge into it, or cancel. Other
refusals are the registry's words, which suggest shell commands (`dateline entities merge …`);
here the key that does it is named instead (`in_tui_words`).

The chips follow each correction through the screen's `ChipTrail`, which also brings a chip
back when the correction is undone (`reader.filter_follow`). Entity names come from article
text: every toast is sent with `markup=False` and every label is a Rich `Text`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from index.model import ENTITY_TYPES, EntityCount

from .entity_keys import ENTITY_FIX_COMMANDS as ENTITY_FIX_COMMANDS
from .entity_keys import MergeEntity, UnblockEntity, UndoEntityFix
from .filter_follow import ChipTrail, followed_filters

#: Candidates the merge picker loads (most mentioned first).
MERGE_CHOICES = 2000


#: The confirm step's answer that keeps two entities of one name (a rename with `force`).
KEEP_BOTH = "keep-both"

#: The shell command a registry refusal suggests for a merge (`merge KEEP OTHER`).
_SHELL_MERGE = re.compile(
    r'(?:merge them: )?dateline entities merge "(?P<keep>.+?)" "(?P<other>.+?)"(?=$|[\s.;,])'
)
#: The shell command a blocked name's message gives to take the block back.
_SHELL_UNBLOCK = re.compile(r"dateline entities unblock (?P<name>\"[^\"]*\"|'[^']*')")


def in_tui_words(message: str, merge_key: str, unblock_key: str = "L") -> str:
    """A registry message as the TUI says it: the merge or unblock the registry suggests as a
    shell command (it speaks to the CLI too) becomes the key that does it here. The back end
    keeps its words; only this surface changes them (a search bar showing
    `Library.blocked_in_query` may pass its note through here too)."""
    message = _SHELL_MERGE.sub(
        lambda m: f'press {merge_key} to merge "{m["other"]}" into "{m["keep"]}"', message
    )
    return _SHELL_UNBLOCK.sub(
        lambda m: f'press {unblock_key} (or the palette\'s "Unblock") and pick {m["name"]}',
        message,
    )


def run_fix(
    library: Any, kind: str, entity: EntityCount | None, argument: Any = None, force: bool = False
) -> str:
    """Run one correction against `library` (in a worker thread); the message to show.

    `force` renames even to a name an entity of another type has (the user confirmed)."""
    if kind == "undo":
        return str(library.undo_entity_change() or "Nothing to undo.")
    assert entity is not None
    name, type_ = entity.name, entity.type
    if kind == "retype":
        return str(library.retype_entity(name, argument, type_=type_))
    if kind == "merge":
        target: EntityCount = argument
        if target.type == type_:
            return str(library.merge_entities(target.name, name, type_=type_))
        return str(library.merge_entities(target.name, name))
    if kind == "split":
        return str(library.split_entity(name, argument, type_=type_))
    if kind == "rename":
        return str(library.rename_entity(name, argument, type_=type_, force=force))
    if kind == "block":
        return str(library.block_entity(name, type_=type_))
    if kind == "unblock":
        return str(library.unblock_entity(name, type_=type_))
    raise ValueError(f"unknown entity correction {kind!r}")


def _became(kind: str, entity: EntityCount | None, argument: Any) -> tuple[str, str] | None:
    """(type, name) of what a correction made of the entity under the cursor."""
    if entity is None:
        return None
    if kind == "rename":
        return (entity.type, str(argument))
    if kind == "merge":
        return (argument.type, argument.name)
    if kind == "retype":
        return (str(argument), entity.name)
    if kind == "unblock":  # back in the list: the cursor goes to it
        return (entity.type, entity.name)
    return None


class EntityCorrections:
    """Screen mixin: handles `EntitySidebar.Fix` (needs `self.library` and `self._search()`).

    Handlers are found by name (`on_entity_sidebar_fix`), so this plain mixin works in front
    of any `Screen` subclass.
    """

    library: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Every name the chips have had, so an undone correction gives them back.
        self.chip_trail = ChipTrail()

    def on_entity_sidebar_fix(self, message: Any) -> None:
        message.stop()
        if self.library is None:
            return
        kind, entity = message.kind, message.entity
        screen: Any = self
        if kind in ("undo", "block"):
            self._run_fix(kind, entity, None)
        elif kind == "retype":
            from .screens.entity_picker import PickScreen

            choices = [(t, t) for t in ENTITY_TYPES if t != entity.type]
            screen.app.push_screen(
                # A whole question: "… is a…" read as a title cut short by the box.
                PickScreen(f"Retype {entity.name} (now {entity.type}) as:", choices),
                lambda t: t and self._run_fix(kind, entity, t),
            )
        elif kind == "rename":
            from .screens.entity_picker import AskScreen

            screen.app.push_screen(
                AskScreen(f"Rename {entity.name} to", entity.name),
                lambda new: new and new != entity.name and self._run_fix(kind, entity, new),
            )
        else:  # merge / split: their choices come from the library
            screen.run_worker(
                lambda: self._load_choices(kind, entity),
                thread=True,
                group="entity-fix",
                exit_on_error=False,
            )

    def action_unblock_entity(self) -> None:
        """`L` (or the palette): pick one of the names marked "not an entity" and unblock it.
        A blocked name is in no list, so the choices are the blocked names themselves."""
        screen: Any = self
        if self.library is None:
            return
        library = self.library

        def load() -> None:
            blocked = library.blocked_entities()
            screen.app.call_from_thread(self._ask_unblock, blocked)

        screen.run_worker(load, thread=True, group="entity-fix", exit_on_error=False)

    def _ask_unblock(self, blocked: list[EntityCount]) -> None:
        from .screens.entity_picker import PickScreen

        screen: Any = self
        if not blocked:
            screen.notify('No name is marked "not an entity".', markup=False)
            return
        choices: list[Any] = [
            (f"{e.name} · {e.type} · {e.count}", e, (e.name, *e.aliases)) for e in blocked
        ]
        screen.app.push_screen(
            PickScreen('Unblock (marked "not an entity")…', choices),
            lambda choice: choice is not None and self._run_fix("unblock", choice, None),
        )

    def _load_choices(self, kind: str, entity: EntityCount) -> None:
        screen: Any = self
        if kind == "merge":
            others = [
                e
                for e in self.library.entities(limit=MERGE_CHOICES)
                if (e.name, e.type) != (entity.name, entity.type)
            ]
            # Shown with type and count, matched on the names alone (the picker folds them).
            choices: list[Any] = [
                (f"{e.name} · {e.type} · {e.count}", e, (e.name, *e.aliases)) for e in others
            ]
            title = f"Merge {entity.name} into…"
        else:
            found = self.library.entity_candidates(entity.name, entity.type)
            mine = next((e for e in found if e.name == entity.name), None)
            aliases = list(mine.aliases) if mine else []
            if not aliases:
                screen.app.call_from_thread(
                    screen.notify, f"{entity.name} has no other names to split off", markup=False
                )
                return
            choices = [(a, a) for a in aliases]
            title = f"Split from {entity.name}…"

        def ask() -> None:
            from .screens.entity_picker import PickScreen

            screen.app.push_screen(
                PickScreen(title, choices),
                lambda choice: choice is not None and self._run_fix(kind, entity, choice),
            )

        screen.app.call_from_thread(ask)

    def _run_fix(
        self, kind: str, entity: EntityCount | None, argument: Any, force: bool = False
    ) -> bool:
        screen: Any = self
        library = self.library

        def work() -> None:
            from index.entities.registry import EntityError, NameTaken

            try:
                message = run_fix(library, kind, entity, argument, force)
            except NameTaken as exc:  # another type's name: the user decides, not a toast
                screen.app.call_from_thread(self._name_taken, exc, entity, argument)
                return
            except EntityError as exc:
                screen.app.call_from_thread(self._refused, str(exc))
                return
            filters = followed_filters(library, screen.search_query.filters, self.chip_trail)
            became = _became(kind, entity, argument)
            screen.app.call_from_thread(self._fixed, message, filters, became, kind != "undo")

        screen.run_worker(work, thread=True, group="entity-fix", exit_on_error=False)
        return True

    def _refused(self, message: str) -> None:
        screen: Any = self
        keys = screen.key_display(MergeEntity), screen.key_display(UnblockEntity)
        text = in_tui_words(message, *keys)
        screen.notify(text, severity="warning", markup=False)

    def _name_taken(self, exc: Any, entity: EntityCount, new_name: str) -> None:
        """Say which entity of another type has the name and offer the ways on: keep both
        (rename with force), merge into it, or cancel (highlighted first)."""
        from .screens.entity_picker import ChoiceScreen

        screen: Any = self
        choices: list[tuple[str, Any]] = [
            (f"Rename anyway: {_a(entity.type)} called {new_name}, kept apart", KEEP_BOTH),
            *((f"Merge {entity.name} into {h.name} ({h.type})", h) for h in exc.holders),
            ("Cancel", None),
        ]
        detail = (
            f"{exc.conflict} Two entities of one name are usually one thing typed two ways: "
            "merge them. Keep both only for two different things that share the name."
        )

        def chosen(choice: Any) -> None:
            if choice == KEEP_BOTH:
                self._run_fix("rename", entity, new_name, force=True)
            elif choice is not None:
                self._run_fix("merge", entity, choice)

        screen.app.push_screen(
            ChoiceScreen(f"Rename {entity.name} to {new_name}?", detail, choices), chosen
        )

    def _fixed(
        self,
        message: str,
        filters: tuple[Any, ...] | None = None,
        became: tuple[str, str] | None = None,
        undoable: bool = True,
    ) -> None:
        screen: Any = self
        if became is not None:  # the sidebar's cursor goes with the entity
            from .widgets.entity_sidebar import EntityList

            screen.query_one(EntityList).follow(*became)
        # The message quotes entity names, which come from article text: never markup.
        # The undo hint goes in the toast's title: appended, it wrapped a long message mid-name
        # at 80 columns. It names the key the user has, remapped or not.
        # An undo says what it did in its own words ("Unblocked … (undid the block)"), so
        # whether to offer the undo key comes from the kind of fix, not from the message.
        hint = f"{screen.key_display(UndoEntityFix)} undoes it" if undoable else ""
        screen.notify(message, title=hint, markup=False)
        if filters is not None:  # a chip's entity was renamed, retyped, merged or blocked
            screen.search_query = replace(screen.search_query, filters=filters)
        else:
            screen._search()  # the list, chips and sidebar follow the corrected registry
        screen.refresh_open_entities()  # and so do the open article's names and colours


def _a(word: str) -> str:
    """ "a person", "an org"."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
