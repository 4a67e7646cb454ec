"""The entity page's correction keys: the sidebar's, on the entity the page shows.

Seeing "Mujib Dam" and "Wadi Mujib" side by side on a page, the user had to go back to the
sidebar to merge them (QA 6). The page now answers to the sidebar's keys (retype, merge,
split, rename, block, unblock, undo: the same commands, so a remap moves both) and hands the
correction to the main screen, which runs it as it runs the sidebar's
(`entity_commands.EntityCorrections`: the same pickers, questions and undo hint). The page
then follows the correction as it follows any (`follow_library`): retitled after a rename,
showing the entity a merge put it into, closed when the entity is blocked.
"""

from __future__ import annotations

from typing import Any

from index.model import EntityCount

from ..entity_page_keys import PAGE_FIX_COMMANDS as PAGE_FIX_COMMANDS


class EntityPageFixes:
    """Screen mixin for the entity page (needs `self.page` and `self.app`)."""

    page: Any

    def _corrections(self) -> Any:
        """The main screen under the page, which runs corrections (None: not there)."""
        from .main import MainScreen

        app: Any = getattr(self, "app", None)
        stack = app.screen_stack if app is not None else []
        return next((s for s in stack if isinstance(s, MainScreen)), None)

    def action_fix(self, kind: str) -> None:
        from ..widgets.entity_sidebar import EntitySidebar

        main, page = self._corrections(), self.page
        if main is None or (page is None and kind != "undo"):
            return
        entity = None
        if page is not None:
            entity = EntityCount(page.name, page.type, page.articles, tuple(page.aliases))
        main.post_message(EntitySidebar.Fix(kind, entity))

    def action_unblock_entity(self) -> None:
        main = self._corrections()
        if main is not None:
            main.action_unblock_entity()
