"""Regenerate `docs/screenshot.svg`: the reader on the bundled sample corpus.

Run from the repository root: `.venv/bin/python docs/make_screenshot.py`.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from index import Library
from reader.app import DatelineApp
from reader.config import Config
from reader.demo import corpus_inputs

OUT = Path(__file__).with_name("screenshot.svg")


async def shoot(library_path: Path) -> str:
    app = DatelineApp(library_path, demo=True, config=Config())
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(4):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("slash", *"flood", "enter", "escape", "enter")
        for _ in range(4):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("e")
        for _ in range(4):
            await app.workers.wait_for_complete()
            await pilot.pause()
        return app.export_screenshot(title="Dateline")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        library_path = Path(folder) / "library"
        with Library.open(library_path) as library:
            library.add(corpus_inputs())
        OUT.write_text(asyncio.run(shoot(library_path)), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
