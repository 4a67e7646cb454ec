"""The main screen's doors to the entity and story pages.

`PagesRoom` is mixed into `MainScreen` so the main screen's own module only names it: the
actions behind the "Entity page" and "Story page" commands, the handler for the sidebar's
"open this entity" message, and what to do with what a page hands back (a page closes with a
`PageResult`: filters to add, or an article to open in the reader). Handlers use Textual's
naming convention (`on_…`), which a plain mixin class supports. An open page is told when
the library changes (`refresh_open_pages`, from the live poll) and reads itself again; so is
the feeds view, whose subscriptions the same poll follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.command import Hit, Hits

from index.model import EntityCount, EntityType

from ..commands import PAGE_COMMANDS
from ..providers import LIBRARY_WEIGHT, _LibraryProvider, fuzzy
from ..render import MENTION_STYLES, TYPE_LABELS, one_line

if TYPE_CHECKING:
    from index.changes import Change
    from index.library import Library


__all__ = ["PAGE_COMMANDS", "EntityPagesProvider", "PageResult", "PagesRoom"]


#: Entity-page hits rank just below the same entity's filter hit in the main palette.
PAGE_WEIGHT = 0.97


@dataclass(frozen=True)
class PageResult:
    """What a page asks the main screen to do as it closes."""

    #: (type, name) entity filters to add to the search.
    filters: tuple[tuple[EntityType, str], ...] = ()
    #: An article to open in the reader.
    article: str | None = None


class PagesRoom:
    """Mixin for `MainScreen` (which provides `library`, `add_filter`, `show_article`)."""

    library: Library | None

    # -- opening -----------------------------------------------------------------------------
    def open_entity_page(self, name: str, type_: EntityType | None) -> None:
        from .entity_page import EntityPageScreen

        if self.library is None:
            return
        screen: Any = self
        screen.app.push_screen(EntityPageScreen(self.library, name, type_), self._page_closed)

    def open_story_page(self, story: str) -> None:
        from .story_page import StoryPageScreen

        if self.library is None:
            return
        screen: Any = self
        screen.app.push_screen(StoryPageScreen(self.library, story), self._page_closed)

    def action_entity_page(self) -> None:
        """The sidebar's entity under the cursor, else a palette of every entity."""
        from ..widgets.entity_sidebar import EntityList

        screen: Any = self
        entity = screen.query_one(EntityList).current
        if entity is not None and screen.focused is screen.query_one(EntityList):
            self.open_entity_page(entity.name, entity.type)
            return
        from textual.command import CommandPalette

        screen.app.push_screen(
            CommandPalette(providers=[EntityPagesProvider], placeholder="Entity page…")
        )

    def action_story_page(self) -> None:
        """The story of the open article (reader focused), else of the list's cursor row."""
        from ..widgets.article_list import ArticleList
        from ..widgets.reader_view import ReaderView

        screen: Any = self
        reading = getattr(screen, "reading", None)
        focused = screen.focused
        reader = screen.query_one(ReaderView)
        if reading is not None and focused is not None and reader in focused.ancestors_with_self:
            article = reading.article
        else:
            article = screen.query_one(ArticleList).current
        if article is None:
            screen.notify("No article selected.", timeout=2)
            return
        self.open_story_page(article.story or article.id)

    def on_entity_sidebar_opened(self, message: Any) -> None:
        """Enter on an entity in the sidebar (`EntitySidebar.Opened`) opens its page."""
        message.stop()
        self.open_entity_page(message.name, message.type)

    #: The same, should the message come from the sidebar's list (`EntityList.Opened`).
    on_entity_list_opened = on_entity_sidebar_opened

    def refresh_open_pages(self, change: Change) -> None:
        """Have the entity, story and feeds pages open over this screen read the library again.

        The main screen's poll is the one place that notices another process's writes; a page
        pushed over it would otherwise show what it read when it opened until reopened. The
        feeds view follows every change (subscriptions, and the unread counts articles move);
        the entity and story pages only what moves articles or entity names."""
        from .entity_page import EntityPageScreen
        from .feeds import FeedsScreen
        from .story_page import StoryPageScreen

        screen: Any = self
        for page in screen.app.screen_stack:
            if isinstance(page, FeedsScreen) or (
                isinstance(page, EntityPageScreen | StoryPageScreen)
                and (change.articles or change.entities)
            ):
                page.follow_library(change)

    # -- closing -----------------------------------------------------------------------------
    def _page_closed(self, result: PageResult | None) -> None:
        if result is None:
            return
        screen: Any = self
        for type_, name in result.filters:
            screen.add_filter(type_, name)
        if result.article:
            screen.show_article(result.article)


class EntityPagesProvider(_LibraryProvider):
    """ "Entity page: NAME" for every entity, from the palette."""

    async def startup(self) -> None:
        self._entities: list[EntityCount] = (
            await self.load(lambda library: library.entities()) or []
        )

    @property
    def room(self) -> PagesRoom | None:
        return self.screen if isinstance(self.screen, PagesRoom) else None

    def _prompt(self, entity: EntityCount) -> Text:
        text = Text("Entity page: ", style="dim", end="")
        text.append("● ", style=MENTION_STYLES[entity.type])
        text.append(one_line(entity.name), style="")
        text.append(f"  {TYPE_LABELS[entity.type]} · {entity.count}", style="dim")
        return text

    def _open(self, entity: EntityCount) -> None:
        if self.room is not None:
            self.room.open_entity_page(entity.name, entity.type)

    async def discover(self) -> Hits:
        for entity in self._entities[:40]:
            yield Hit(
                1.0,
                self._prompt(entity),
                partial(self._open, entity),
                text=f"Entity page: {one_line(entity.name)}",
                help="Open this entity's page",
            )

    async def search(self, query: str) -> Hits:
        # "Entity page" is part of what is matched: "page kiprono" finds it first, while
        # "kiprono" alone ranks the plain entity jump (a filter) above it.
        for score, entity in fuzzy(query, self._entities, lambda e: f"Entity page {e.name}"):
            yield Hit(
                score * LIBRARY_WEIGHT * PAGE_WEIGHT,
                self._prompt(entity),
                partial(self._open, entity),
                text=f"Entity page: {one_line(entity.name)}",
                help="Open this entity's page: timeline, related entities, quotes",
            )
