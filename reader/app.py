"""The Dateline reader: a small App; the main screen does the work."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from .commands import Command
from .config import Config, load_config


class DatelineApp(App[int]):
    """Open the library at `library_path` in the three-pane reader."""

    TITLE = "Dateline"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        library_path: Path,
        *,
        demo: bool = False,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.library_path = Path(library_path)
        self.demo = demo
        # Read before the event loop starts: a small file, and never I/O on the loop later.
        self.config = load_config() if config is None else config
        if demo:
            self.title = "Dateline — DEMO"
        _start_resource_tracker()

    def on_mount(self) -> None:
        from .screens.main import MainScreen

        self.set_keymap(self.config.keymap)
        # Pushed rather than returned by `get_default_screen`, which skips a screen's CSS_PATH.
        self.push_screen(MainScreen(self.library_path, key_display=self.key_display))
        for warning in self.config.warnings:
            self.notify(warning, title="config.toml", severity="warning", markup=False)

    def key_display(self, command: type[Command]) -> str:
        """How `command`'s key shows in help and hints, following the user's keymap."""
        keys = self.config.keymap.get(command.ID)
        if keys is None and command.KEY_DISPLAY:
            return command.KEY_DISPLAY
        keys = keys or command.KEY
        return "/".join(
            self.get_key_display(Binding(key.strip(), command.ACTION)) for key in keys.split(",")
        )


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker while `sys.stderr` is still a real file.

    Jobs run in a "spawn" child (`index.jobs`), and the first spawn starts the tracker with
    `sys.stderr.fileno()` among the descriptors it passes on. Once Textual runs, `sys.stderr` is
    its print capture, whose `fileno()` is -1, and that spawn fails with "bad value(s) in
    fds_to_keep". Started here, before the app runs, the tracker is already there.
    """
    from multiprocessing import resource_tracker

    # If it cannot start, the job reports that itself when it runs.
    with contextlib.suppress(OSError, ValueError):
        resource_tracker.ensure_running()


def run(library_path: Path, *, demo: bool = False) -> int:
    """Run the reader until the user quits; the exit code for the shell."""
    app = DatelineApp(library_path, demo=demo)
    app.run()
    return app.return_code or 0
