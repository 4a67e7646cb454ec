"""Command palette providers: commands, entities, articles and saved searches.

The data comes from the library in a thread (`asyncio.to_thread`) when the palette opens, so
the event loop never waits on I/O. Names and titles are hostile text: prompts are built as Rich
`Text` (the palette parses plain strings as markup), and fuzzy matching uses rapidfuzz, which
also copes with tens of thousands of titles.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.widget import Widget

from index.model import ArticleSummary, EntityCount

from .command import CursorSubject
from .commands import ALL_COMMANDS, CURSOR_COMMANDS
from .render import MENTION_STYLES, TYPE_LABELS, article_date, one_line
from .saved import saved_now
from .state import SavedSearch, describe

if TYPE_CHECKING:
    from index.library import Library

    from .screens.main import MainScreen

#: Hits shown per provider for a search.
LIMIT = 20
#: The newest articles the palette matches titles among fuzzily (typos, partial words);
#: older ones are found by whole title words through the search index.
PALETTE_ARTICLES = 2000
#: Entities and articles rank a little below an equally good saved search or command: what
#: the user saved or asked for by name comes first.
LIBRARY_WEIGHT = 0.95
#: Below this score (0-100) a candidate is not offered: a query word must match a word of
#: the candidate closely ("osei" should not offer every headline with "os" and "se" in it).
CUTOFF = 75

T = TypeVar("T")


_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form for matching: "Ayşe Kılıç" and
    "ayse kilic" fold alike (anyascii transliterates, so ı and ø fold too, which Unicode
    decomposition alone leaves), and `place:aleppo` folds to the words "place aleppo"."""
    return " ".join(_NON_WORD.sub(" ", anyascii(text)).casefold().split())


def coverage(query: str, candidate: str) -> float:
    """How well `candidate` covers every word of `query`, 0-100.

    Each query word scores its best fuzzy match among the candidate's words; the mean is the
    score. So "nairobi electric" ranks the headline with both words above the entity
    "Nairobi", which a plain partial ratio would call a perfect match.
    """
    words = candidate.casefold().split()
    wanted = query.casefold().split()
    if not words or not wanted:
        return 0.0
    best = [max(fuzz.ratio(word, other) for other in words) for word in wanted]
    return sum(best) / len(best)


def fuzzy(query: str, items: Sequence[T], key: Callable[[T], str]) -> list[tuple[float, T]]:
    """The best matches of `query` among `items`, as (score 0-1, item), best first.

    rapidfuzz's C scorer shortlists quickly (tens of thousands of titles), then `coverage`
    orders the shortlist.
    """
    query = fold(query)
    if not query:
        return []
    choices = [fold(key(item)) for item in items]
    shortlist = process.extract(query, choices, scorer=fuzz.WRatio, limit=LIMIT * 10)
    scored = [
        (coverage(query, choice), index)
        for choice, _, index in shortlist
        if coverage(query, choice) >= CUTOFF
    ]
    scored.sort(key=lambda pair: -pair[0])
    return [(score / 100, items[index]) for score, index in scored[:LIMIT]]


def saved_search_text(saved: SavedSearch) -> str:
    """What a saved search is matched on: its label, its name and every part of its query."""
    parts = [f"Saved search: {saved.name}", saved.query.text]
    parts += [entity_filter.name for entity_filter in saved.query.filters]
    return " ".join(parts)


def new_counts(saved: list[SavedSearch], library: Library) -> dict[str, int]:
    """How many articles each saved search (as `saved_now` follows it) gained since it was
    last opened (a watchlist); a saved query that no longer parses counts none."""
    from index.query import QueryError

    counts: dict[str, int] = {}
    for search in saved:
        try:
            counts[search.name] = library.watch_new(search.name, describe(search.query), limit=0)[0]
        except QueryError:
            counts[search.name] = 0
    return counts


def older_titles(words: str, library: Library) -> list[ArticleSummary]:
    """Articles with every (folded) word of `words` in the title, from the whole index: how
    the palette reaches beyond the newest `PALETTE_ARTICLES` without reading them all."""
    terms = [f"title:{word}" for word in words.split() if len(word) > 1]
    if not terms:
        return []
    result = library.search(" ".join(terms), limit=LIMIT * 2, facets=False)
    return [hit.article for hit in result.hits]


class _LibraryProvider(Provider):
    """A provider for the main screen; it reads the library off the event loop."""

    @property
    def main(self) -> MainScreen | None:
        from .screens.main import MainScreen

        return self.screen if isinstance(self.screen, MainScreen) else None

    @property
    def library(self) -> Library | None:
        return self.main.library if self.main is not None else None

    async def load(self, fetch: Callable[[Library], Any]) -> Any:
        library = self.library
        if library is None:
            return None
        return await asyncio.to_thread(fetch, library)


class CommandsProvider(Provider):
    """Every command the palette may run, from the same classes as the keys and help.

    Screen commands run on the screen; a widget's cursor commands (the entity sidebar's
    filter, exclude and corrections) run on that widget, and are offered only while it has an
    item under its cursor, titled with the item's name, so the palette holds every command.
    """

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        found: list[tuple[str, str, Callable[[], object]]] = []
        for command in ALL_COMMANDS:
            if command.IN_PALETTE:
                found.append(
                    (command.palette_title(), command.HELP, partial(self._run, command.ACTION))
                )
        for selector, commands in CURSOR_COMMANDS:
            widget = next(iter(self.screen.query(selector)), None)
            if widget is None:
                continue
            subject = widget.palette_subject() if isinstance(widget, CursorSubject) else None
            for command in commands:
                title = command.PALETTE_TITLE
                if title is None or ("{}" in title and subject is None):
                    continue
                title = title.replace("{}", subject or "")
                found.append((title, command.HELP, partial(self._run_on, widget, command.ACTION)))
        return found

    def _run(self, action: str) -> None:
        self.app.call_later(self.screen.run_action, action)

    def _run_on(self, widget: Widget, action: str) -> None:
        self.app.call_later(widget.run_action, action)

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(Text(title), run, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), run, text=title, help=help_text)


def highlight(matcher: Matcher, title: str) -> Content:
    """`title` with the matched letters marked, as plain text: Textual's `Matcher.highlight`
    parses its argument as markup, and a title may hold an entity's (hostile) name."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if score:
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class EntitiesProvider(_LibraryProvider):
    """Jump to an entity: its articles become the results (an entity filter)."""

    async def startup(self) -> None:
        self._entities: list[EntityCount] = (
            await self.load(lambda library: library.entities()) or []
        )

    def _prompt(self, entity: EntityCount) -> Text:
        text = Text(end="")
        text.append("● ", style=MENTION_STYLES[entity.type])
        text.append(one_line(entity.name))
        text.append(f"  {TYPE_LABELS[entity.type]} · {entity.count}", style="dim")
        return text

    def _pick(self, entity: EntityCount) -> None:
        if self.main is not None:
            self.main.add_filter(entity.type, entity.name)

    async def search(self, query: str) -> Hits:
        for score, entity in fuzzy(query, self._entities, lambda e: e.name):
            yield Hit(
                score * LIBRARY_WEIGHT,
                self._prompt(entity),
                partial(self._pick, entity),
                text=one_line(entity.name),
                help="Show the articles that mention this entity",
            )


class ArticlesProvider(_LibraryProvider):
    """Jump to an article by its title: among the newest `PALETTE_ARTICLES`, fuzzily (read once
    when the palette opens, a bounded read however big the library is), and among all the
    others through the search index on whole title words (a query per search, a few hits)."""

    async def startup(self) -> None:
        self._articles: list[ArticleSummary] = (
            await self.load(lambda library: list(library.newest(PALETTE_ARTICLES))) or []
        )

    def _prompt(self, article: ArticleSummary) -> Text:
        text = Text(end="")
        text.append(one_line(article.title) or "(untitled)")
        text.append(
            f"  {one_line(article.source) or '—'} · {article_date(article) or '—'}", style="dim"
        )
        return text

    def _open(self, article: ArticleSummary) -> None:
        if self.main is not None:
            self.main.show_article(article.id)

    async def search(self, query: str) -> Hits:
        shown: set[str] = set()
        for score, article in fuzzy(query, self._articles, lambda a: a.title):
            shown.add(article.id)
            yield self._hit(score, article)
        if len(shown) >= LIMIT or len(self._articles) < PALETTE_ARTICLES:
            return  # every article was a candidate already
        older = await self.load(partial(older_titles, fold(query))) or []
        for score, article in fuzzy(query, older, lambda a: a.title):
            if article.id not in shown:
                yield self._hit(score, article)

    def _hit(self, score: float, article: ArticleSummary) -> Hit:
        return Hit(
            score * LIBRARY_WEIGHT,
            self._prompt(article),
            partial(self._open, article),
            text=one_line(article.title),
            help="Open this article",
        )


class SavedSearchesProvider(_LibraryProvider):
    """Open a saved search (saved with the "Save search" command)."""

    async def startup(self) -> None:
        # As the registry names their entities now: found by an entity's new name, counted
        # (and opened) with it.
        self._saved: list[SavedSearch] = await self.load(saved_now) or []
        self._new: dict[str, int] = await self.load(partial(new_counts, self._saved)) or {}

    def _apply(self, saved: SavedSearch) -> None:
        if self.main is not None:
            self.main.open_saved_search(saved)

    def _prompt(self, saved: SavedSearch) -> Text:
        text = Text.assemble(("Saved search: ", "dim"), one_line(saved.name))
        new = self._new.get(saved.name, 0)
        if new:
            text.append(f"  {new} new", style="bold #98c379")
        return text

    async def discover(self) -> Hits:
        for saved in reversed(self._saved):
            yield DiscoveryHit(
                self._prompt(saved),
                partial(self._apply, saved),
                text=one_line(saved.name),
                help="Run this saved search",
            )

    async def search(self, query: str) -> Hits:
        # The label is part of what is matched: typing "saved" lists the saved searches.
        # By name and by query text: typing "aleppo" finds a saved `place:aleppo`.
        for score, saved in fuzzy(query, self._saved, saved_search_text):
            yield Hit(
                score,
                self._prompt(saved),
                partial(self._apply, saved),
                text=one_line(saved.name),
                help="Run this saved search",
            )
