"""Saving the search on screen under a name of the user's own (`ctrl+s`): a watchlist that
`dateline watch NAME` and the feeds view count new matches of, chips and their trails kept."""

from __future__ import annotations

from textual import work

from index.library import Library
from index.query import Query

from ..filter_follow import ChipTrail
from ..render import one_line
from ..state import SAVED_SEARCHES, SavedSearch, dump_saved, load_saved, readable
from .base import Room


class SavingRoom(Room):
    chip_trail: ChipTrail  # the screen's (`EntityCorrections`)

    def action_save_search(self) -> None:
        if self.library is None or self.refuse_write("a saved search"):
            return
        query = self.search_query
        for kind, value, _ in self.scopes:  # a feed: or tag: chip belongs to the search too
            query = query & Query(f'{kind}:"{value.replace(chr(34), "")}"')
        # The chips' trails go with it: a correction undone after saving finds them again.
        trails = self.chip_trail.trails(query.filters)
        default = readable(query) or "Everything"

        def save(name: str | None) -> None:
            if name is None or self.library is None:
                return  # escape: nothing saved
            name = one_line(name).strip()  # pasted text: no control sequence, one line
            self._save_search(self.library, SavedSearch(name or default, query, trails))

        # A name of the user's own (`dateline watch ferries`), the query itself by default:
        # the name was always the whole query text (QA 5).
        from ..screens.prompt import PromptScreen

        prompt = PromptScreen(
            "Save this search as",
            value=default,
            hint="enter saves it under this name (dateline watch NAME); escape cancels",
        )
        self.app.push_screen(prompt, save)

    @work(thread=True, group="state", exit_on_error=False)
    def _save_search(self, library: Library, search: SavedSearch) -> None:
        saved = [s for s in load_saved(library.get_state(SAVED_SEARCHES)) if s.name != search.name]
        saved.append(search)
        library.set_state(SAVED_SEARCHES, dump_saved(saved))
        library.watch_seen(search.name)  # a watchlist counts what arrives from now on
        self.app.call_from_thread(
            self.notify, f"Saved search: {search.name}", timeout=3, markup=False
        )
