"""A filter chip never silently changes type (found by QA driving the TUI).

A person renamed (with force) to a name a place has, "ostrava" beside the place "Ostrava",
then emptied by splitting its old name off, used to hand its chip to the place: the registry
still holds the person (with no articles), but `Library.entity_now` leads the name to the only
entity that has articles. The chip stays on the person; an entity page on it does not jump
to the place either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glass_fixtures import (
    glass_library_fixture,  # noqa: F401 (a fixture)
    glass_path_fixture,  # noqa: F401 (a fixture)
)
from index import Library
from index.query import EntityFilter
from reader.filter_follow import ChipTrail
from test_tui_entity_fixes import answer, notes
from test_tui_keys import main, make_app, pick_entity
from test_tui_undo_chips import no_poll_fixture, sidebar_only  # noqa: F401 (a fixture)
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

PERSON = EntityFilter("person", "ostrava")


def kept_apart(path: Path) -> None:
    """The person "Peter Hanley" renamed to "ostrava", kept apart from the place "Ostrava"."""
    with Library.open(path) as library:
        library.rename_entity("Peter Hanley", "ostrava", force=True)


@sidebar_only
async def test_splitting_the_chips_entity_keeps_the_chip_on_the_person(glass_path: Path) -> None:
    kept_apart(glass_path)
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "ostrava", "f")
        assert main(app).search_query.filters == (PERSON,)
        await pick_entity(pilot, "ostrava", "S")
        await answer(pilot, *"Peter Hanley", "enter")
        assert any(n.startswith('Split "Peter Hanley"') for n in notes(app)), notes(app)
        assert main(app).search_query.filters == (PERSON,)  # was: place: Ostrava


def test_a_retype_and_a_merge_still_move_the_chip(glass_path: Path) -> None:
    """The guard only holds a chip on an entity that still stands under its name and type."""
    trail = ChipTrail()
    hanley = EntityFilter("person", "Peter Hanley")
    with Library.open(glass_path) as library:
        library.retype_entity("Peter Hanley", "place")
        assert trail.follow(library, (hanley,)) == (EntityFilter("place", "Peter Hanley"),)
        library.undo_entity_change()
        assert trail.follow(library, (hanley,)) is None
        library.merge_entities("Ostrava Glassworks", "Peter Hanley")
        assert trail.follow(library, (hanley,)) == (EntityFilter("org", "Ostrava Glassworks"),)
