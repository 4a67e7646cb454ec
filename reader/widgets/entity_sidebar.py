"""The entity sidebar: who and where, with counts, for the results or the open article.

Under the list, the timeline of the entity under the cursor (`entity_timeline`: the data and
its slices; this module shows it).
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Sparkline
from textual.widgets.option_list import Option

from index.model import ENTITY_TYPES, EntityCount, EntityType, SearchResult

from ..commands import ENTITY_COMMANDS, MOVE_COMMANDS, bindings
from ..entity_commands import ENTITY_FIX_COMMANDS
from ..render import MENTION_STYLES, TYPE_LABELS, one_line
from .entity_timeline import EntityTimeline, timeline_series
from .reader_view import Reading
from .steady import SteadyLabel

#: How many entities of each type the sidebar lists.
PER_TYPE = 25

Scope = str  # "results" | "article"


def article_entities(reading: Reading) -> dict[EntityType, tuple[EntityCount, ...]]:
    """Entity counts for one article: how often each is mentioned (at least once if listed)."""
    article = reading.article
    counts: Counter[tuple[EntityType, str]] = Counter(
        (mention.type, mention.entity) for mention in article.mentions
    )
    for type_ in ENTITY_TYPES:
        for name in article.entities_of(type_):
            counts.setdefault((type_, name), 1)
    result: dict[EntityType, tuple[EntityCount, ...]] = {}
    for type_ in ENTITY_TYPES:
        entries = [
            EntityCount(name=name, type=type_, count=count)
            for (kind, name), count in counts.items()
            if kind == type_
        ]
        entries.sort(key=lambda entry: (-entry.count, entry.name.casefold()))
        result[type_] = tuple(entries)
    return result


def _same_entity(
    entries: list[EntityCount | None],
    previous: EntityCount | None,
    position: int | None,
    follow: tuple[EntityType, str] | None = None,
) -> int | None:
    """Where the cursor goes when the list is rebuilt: what a correction made of the entity
    (`follow`: renamed, merged into another); the same entity; the same name under another
    type (it was just retyped, or the retype undone); else the row nearest the old position,
    so a correction never leaves the cursor on an unrelated entity at the top."""
    rows = [i for i, e in enumerate(entries) if e is not None]
    if not rows:
        return None
    if follow is not None:
        found = next((i for i in rows if (entries[i].type, entries[i].name) == follow), None)  # type: ignore[union-attr]
        if found is not None:
            return found
    if previous is not None:
        for match in (
            lambda e: (e.type, e.name) == (previous.type, previous.name),
            lambda e: e.name == previous.name,
        ):
            found = next((i for i in rows if match(entries[i])), None)
            if found is not None:
                return found
    if position is None:
        return rows[0]
    return min(rows, key=lambda i: (abs(i - position), i))


class EntityLine(Text):
    """One sidebar row: "● name" and its count, drawn as two columns.

    An `OptionList` wraps a long prompt, so a name that just overflowed lost its count to the
    next row (or wrapped over several). Drawn as a grid, the name ends in "…" on its one row
    and the count always shows at the right. It stays a `Text` whose `plain` is the whole line,
    for what reads the prompt (tests, the palette); Textual draws it through `visualize`.
    """

    def __init__(self, entry: EntityCount) -> None:
        super().__init__(end="", no_wrap=True, overflow="ellipsis")
        self.name_part = Text(end="", no_wrap=True, overflow="ellipsis")
        self.name_part.append("● ", style=MENTION_STYLES[entry.type])
        self.name_part.append(one_line(entry.name))
        self.count_part = Text(str(entry.count), style="dim", end="", no_wrap=True)
        self.append_text(self.name_part)
        self.append(" ")
        self.append_text(self.count_part)

    def visualize(self) -> Table:
        grid = Table.grid(expand=True, padding=(0, 0, 0, 1))
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(no_wrap=True, justify="right")
        grid.add_row(self.name_part, self.count_part)
        return grid


class EntityList(OptionList):
    """The entities, grouped by type; `f`/enter filter by one, `x` excludes it; `t`, `M`, `S`,
    `R`, `B`, `U` correct them (see `reader.entity_commands`), `o` opens an entity's page."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(
        *MOVE_COMMANDS, *ENTITY_COMMANDS, *ENTITY_FIX_COMMANDS
    )

    class Picked(Message):
        def __init__(self, entity: EntityCount, exclude: bool) -> None:
            super().__init__()
            self.entity = entity
            self.exclude = exclude

    class Selected(Message):
        """The cursor is on `entity` (None when the list is empty)."""

        def __init__(self, entity: EntityCount | None) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._entities: list[EntityCount | None] = []
        #: What the list shows, per type: a new result with the same entities (most
        #: keystrokes that narrow a query) changes nothing on screen.
        self._shown: tuple[tuple[tuple[EntityCount, ...], ...], str] | None = None
        #: What the entity under the cursor became in a correction, for the next rebuild.
        self._follow: tuple[EntityType, str] | None = None

    def follow(self, type_: EntityType, name: str) -> None:
        """Keep the cursor on this entity when the list is next rebuilt (after a rename or a
        merge the old entry is gone and the new one may sort elsewhere)."""
        self._follow = (type_, name)

    def show(
        self, groups: dict[EntityType, tuple[EntityCount, ...]], *, hint: Text | None = None
    ) -> None:
        """List `groups` (the first PER_TYPE of each type), keeping the cursor's entity;
        with no entity at all, `hint` (what to do to see some) rather than a blank pane.

        Does nothing when the entries are those already shown: rebuilding an OptionList
        re-measures and repaints it and moves the highlight, which reloads the timeline.
        """
        groups_shown = tuple(groups.get(type_, ())[:PER_TYPE] for type_ in ENTITY_TYPES)
        shown = (groups_shown, hint.plain if hint is not None else "")
        if shown == self._shown:
            return
        self._shown = shown
        previous, position = self.current, self.highlighted
        self.clear_options()
        self._entities = []
        options: list[Option] = []
        if hint is not None and not any(groups_shown):
            options.append(Option(hint, disabled=True))
            self._entities.append(None)
        for type_, entries in zip(ENTITY_TYPES, groups_shown, strict=True):
            if not entries:
                continue
            options.append(Option(Text(TYPE_LABELS[type_], style="bold underline"), disabled=True))
            self._entities.append(None)
            for entry in entries:
                options.append(Option(self._line(entry)))
                self._entities.append(entry)
        self.add_options(options)
        keep = _same_entity(self._entities, previous, position, self._follow)
        self._follow = None
        self.highlighted = keep
        if keep is None:
            # `show` runs in the sidebar's context: name this list as the sender, or Textual
            # stops the message at the sidebar instead of letting it reach the screen.
            self.post_message(self.Selected(None).set_sender(self))

    @property
    def listed(self) -> tuple[EntityCount | None, ...]:
        """What each option stands for (None for a type's heading)."""
        return tuple(self._entities)

    @property
    def current(self) -> EntityCount | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self._entities):
            return None
        return self._entities[index]

    def palette_subject(self) -> str | None:
        """The entity the palette's sidebar commands would change: the one under the cursor
        while the sidebar is shown (hidden on a narrow terminal, its cursor is not in view,
        and a command naming an unseen entity would surprise)."""
        entity = self.current
        if entity is None or not all(node.display for node in self.ancestors_with_self):
            return None
        return one_line(entity.name)

    @staticmethod
    def _line(entry: EntityCount) -> Text:
        return EntityLine(entry)

    def action_top(self) -> None:
        """The first entity, with its type's heading in view: `action_first` scrolls only as
        far as the highlighted row, which left "People" above the top of a scrolled list."""
        self.action_first()
        self.scroll_home(animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.action_last()

    def action_cursor_down(self) -> None:
        """Down (`j`), wrapping from the last entity to the first with its heading in view,
        as `action_top` shows it."""
        super().action_cursor_down()
        if self.highlighted is not None and not any(self._entities[: self.highlighted]):
            self.scroll_home(animate=False, immediate=True)

    def action_pick(self, exclude: bool) -> None:
        entity = self.current
        if entity is not None:
            self.post_message(self.Picked(entity, exclude))

    def action_fix(self, kind: str) -> None:
        """Ask the screen to correct the entity under the cursor (undo needs none)."""
        entity = self.current
        if entity is not None or kind == "undo":
            self.post_message(EntitySidebar.Fix(kind, entity))

    def action_open_entity(self) -> None:
        entity = self.current
        if entity is not None:
            self.post_message(EntitySidebar.Opened(entity.name, entity.type))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Selected(self.current))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on an entity opens its page; `f` filters by it."""
        event.stop()
        self.action_open_entity()


class EntitySidebar(Vertical):
    """Bound to the screen's result, open article, scope and the selected entity's timeline."""

    result: var[SearchResult | None] = var(None)
    reading: var[Reading | None] = var(None)
    scope: var[Scope] = var("results")
    timeline: var[EntityTimeline | None] = var(None)
    #: A rebuild is waiting for the next frame to be painted.
    _refresh_pending = False

    class Fix(Message):
        """Correct `entity`: kind is retype, merge, split, rename, block or undo (no entity).

        The screen asks for what the kind needs (a type, a target, a name) and runs it.
        """

        def __init__(self, kind: str, entity: EntityCount | None) -> None:
            super().__init__()
            self.kind = kind
            self.entity = entity

    class Opened(Message):
        """Open the page of the entity called `name` of `type` (posted on enter or `o`)."""

        def __init__(self, name: str, type: EntityType) -> None:
            super().__init__()
            self.name = name
            self.type = type

    def __init__(self, *, scope_key: str = "a", id: str | None = None) -> None:
        super().__init__(id=id)
        #: The key that switches the scope, as the user has it (named in the empty hint).
        self._scope_key = scope_key

    def compose(self) -> ComposeResult:
        yield SteadyLabel(id="entity-scope")
        yield EntityList(id="entity-list")
        yield SteadyLabel(id="timeline-label")
        yield Sparkline([], id="timeline")

    def on_mount(self) -> None:
        self._refresh_entities()
        self.watch_timeline(self.timeline)

    def watch_result(self) -> None:
        if self.scope == "results":
            self._refresh_soon()

    def watch_reading(self) -> None:
        if self.scope == "article":
            self._refresh_soon()

    def watch_scope(self) -> None:
        self._refresh_soon()

    def _refresh_soon(self) -> None:
        """Rebuild after the next frame: the article list a keystroke asked for is painted
        first, the sidebar in the frame after, so neither frame carries both."""
        if not self._refresh_pending:
            self._refresh_pending = True
            self.call_after_refresh(self._refresh_entities)

    def _refresh_entities(self) -> None:
        self._refresh_pending = False
        if not self.is_mounted:
            return
        hint = None
        if self.scope == "article":
            title = "Entities in this article"
            groups = article_entities(self.reading) if self.reading else {}
            if self.reading is None:
                # Nothing open: a heading over a blank list looked broken.
                hint = Text(end="", style="dim")
                hint.append("Open an article to see its entities — ")
                hint.append(self._scope_key, style="bold")
                hint.append(" switches to the list's entities.")
        else:
            title = "Entities in these results"
            groups = self.result.entities if self.result else {}
            if self.result is not None and not self.result.entities_exact:
                # Counted over the newest matches only: say so rather than show a quiet cap.
                title = f"Entities in the newest {self.result.entities_over:,}"
        self.query_one("#entity-scope", SteadyLabel).show(Text(title, style="bold"))
        self.query_one(EntityList).show(groups, hint=hint)
        if self.timeline is not None and not self._listed(self.timeline.entity):
            # A correction took the timeline's entity out of the list (renamed, merged away,
            # blocked): its label goes now; the entity the cursor lands on loads its own.
            self.watch_timeline(self.timeline)

    def _listed(self, entity: EntityCount) -> bool:
        return any(
            e is not None and (e.type, e.name) == (entity.type, entity.name)
            for e in self.query_one(EntityList).listed
        )

    def watch_timeline(self, timeline: EntityTimeline | None) -> None:
        """Show the timeline of the entity under the cursor, the label naming its entity.

        The label and sparkline are one line each and keep their place when empty (hidden,
        not removed): a timeline coming or going repaints two lines, not the screen's layout.
        """
        if not self.is_mounted:
            return
        label = self.query_one("#timeline-label", SteadyLabel)
        sparkline = self.query_one(Sparkline)
        if timeline is None or not timeline.points or not self._listed(timeline.entity):
            label.show(Text())
            sparkline.visible = False
            return
        entity, points = timeline.entity, timeline.points
        sparkline.data = timeline_series(points)
        sparkline.visible = True
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        text.append(one_line(entity.name), style=MENTION_STYLES[entity.type])
        text.append(f"  {points[0][0]} → {points[-1][0]}", style="dim")
        label.show(text)
