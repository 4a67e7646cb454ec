"""Small modal dialogs for entity corrections: a fuzzy picker and a one-line question.

`PickScreen` lists choices under an input; typing narrows them with rapidfuzz (the same
matcher the command palette's suggestions use), enter picks the highlighted one, escape
cancels. A choice is matched on its names only (an entity's name and its other names), folded
for case and accents as the palette folds them ("kilic" finds "Ayşe Kılıç", "mjo" finds
"Lake Mjøsa"): the label also shows the type and the article count, and matching on those made
"europ" offer every person. `AskScreen` asks for one line of text (a new name). `ChoiceScreen`
explains a problem and offers a few ways on (a rename to a name another type's entity has:
rename anyway, merge, cancel). All dismiss with the answer or None, so the caller's callback sees a cancel as None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, NamedTuple, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ..render import one_line

T = TypeVar("T")

#: How many choices the picker shows at once (the best matches when filtered).
SHOWN = 200
#: rapidfuzz's first pass (WRatio, 0-100): generous, the word check below is the strict one.
SHORTLIST_CUTOFF = 50
#: Each typed word must begin a word of the name, or be this close to one (a typo, 0-100).
WORD_CUTOFF = 75


class Choice(NamedTuple, Generic[T]):
    """A picker row: what it shows, what picking it answers, and the names typing matches
    (none: the label itself, for choices that are only a word such as a type)."""

    label: str
    value: T
    names: Sequence[str] = ()


def _word_score(typed: str, name: str) -> float:
    """How well the folded `name` covers every folded typed word, 0-100 (the worst word's
    score): a typed word that begins a word of the name scores 100, so typing narrows as you
    go; any other scores its ratio to the closest word, so a typo still finds the name."""
    from rapidfuzz import fuzz

    words = name.split()
    wanted = typed.split()
    if not words or not wanted:
        return 0.0
    best = [
        max(100.0 if word.startswith(w) else fuzz.ratio(w, word) for word in words) for w in wanted
    ]
    return min(best)


def matches(text: str, choices: Sequence[Choice[T]], limit: int = SHOWN) -> list[Choice[T]]:
    """The choices whose names match `text`, best first (ties keep the given order, which for
    entities is most mentioned first). Folding is rapidfuzz's processor, so the typed text and
    every name are compared alike."""
    from rapidfuzz import fuzz, process

    from ..providers import fold

    names: list[str] = []
    owner: list[int] = []
    for index, choice in enumerate(choices):
        for name in choice.names or (choice.label,):
            names.append(name)
            owner.append(index)
    typed = fold(text)
    best: dict[int, tuple[float, float]] = {}
    found = process.extract(
        text, names, scorer=fuzz.WRatio, processor=fold, limit=None, score_cutoff=SHORTLIST_CUTOFF
    )
    for name, score, at in found:
        words = _word_score(typed, fold(name))
        if words < WORD_CUTOFF:
            continue
        index = owner[at]
        best[index] = max(best.get(index, (0.0, 0.0)), (words, score))
    ranked = sorted(best, key=lambda i: (-best[i][0], -best[i][1], i))
    return [choices[i] for i in ranked[:limit]]


class PickScreen(ModalScreen[T | None], Generic[T]):
    """Choose one of `choices` ((label, value) or (label, value, names)), narrowing them by
    typing; see `matches`."""

    CSS_PATH = "entity_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker_cancel"),
        Binding("down", "move(1)", "Down", show=False, id="picker_down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker_up"),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, T] | Choice[T]]) -> None:
        super().__init__()
        self._title = title
        self._choices: list[Choice[T]] = [Choice(*choice) for choice in choices]
        self._shown: list[T] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text(one_line(self._title), style="bold"), id="picker-title")
            yield Input(placeholder="type to filter", id="picker-input")
            yield OptionList(id="picker-options", markup=False)

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, text: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        picked = matches(text, self._choices) if text.strip() else self._choices[:SHOWN]
        self._shown = [choice.value for choice in picked]
        # Labels are entity names from article text: `Text`, never markup.
        options.add_options([Option(Text(one_line(choice.label))) for choice in picked])
        if not picked:  # an empty box would look like a list still loading
            options.add_option(Option(Text("No matches", style="dim italic"), disabled=True))
        options.highlighted = 0 if picked else None

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and 0 <= index < len(self._shown):
            self.dismiss(self._shown[index])

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index])

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskScreen(ModalScreen[str | None]):
    """Ask for one line of text, prefilled with `value`; empty answers count as cancel."""

    CSS_PATH = "entity_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="ask_cancel")]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text(one_line(self._title), style="bold"), id="picker-title")
            yield Input(value=self._value, id="picker-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = " ".join(event.value.split())
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[T | None], Generic[T]):
    """A question with a few answers, under a sentence that says why it is asked.

    The last choice (the one that changes nothing) is highlighted first, so an enter pressed
    on reflex after typing a name does not override the warning.
    """

    CSS_PATH = "entity_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choice_cancel")
    ]

    def __init__(self, title: str, detail: str, choices: Sequence[tuple[str, T | None]]) -> None:
        super().__init__()
        self._title = title
        self._detail = detail
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text(one_line(self._title), style="bold"), id="picker-title")
            yield Label(Text(one_line(self._detail)), id="picker-detail")
            yield OptionList(
                *(Option(Text(one_line(label))) for label, _ in self._choices),
                id="picker-options",
                markup=False,
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = len(self._choices) - 1 if self._choices else None
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
