"""The Dateline reader: a small App; the main screen does the work."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from .commands import Command
from .config import Config, load_config
from .gcpolicy import pace_collector
from .model_choice import ModelChoice, settle_model


class DatelineApp(App[int]):
    """Open the library at `library_path` in the three-pane reader."""

    TITLE = "Dateline"
    #: Styles every screen shares (toasts live on each screen, so they are styled here).
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        library_path: Path,
        *,
        demo: bool = False,
        config: Config | None = None,
        model: ModelChoice | None = None,
    ) -> None:
        super().__init__()
        pace_collector()  # the process is the reader's: no full collections mid-keystroke
        self.library_path = Path(library_path)
        self.demo = demo
        # Read before the event loop starts: a small file, and never I/O on the loop later.
        self.config = load_config() if config is None else config
        if model is None:  # `dateline` settles `--model` first; else the config and environment
            model = settle_model(
                None, self.config.ner_model, required=False, origin=self.config.origin
            )
        #: What the settings got wrong (config.toml, the NER model), shown as one notice.
        self.setting_warnings = (*self.config.warnings, *model.warnings)
        if demo:
            self.title = "Dateline — DEMO"

    def on_mount(self) -> None:
        from .screens.main import MainScreen

        self.set_keymap(self.config.keymap)
        # Pushed rather than returned by `get_default_screen`, which skips a screen's CSS_PATH.
        self.push_screen(MainScreen(self.library_path, key_display=self.key_display))
        if self.setting_warnings:
            self.notify(
                settings_notice(self.setting_warnings),
                title="Settings",
                severity="warning",
                markup=False,
                timeout=10 + 2 * len(self.setting_warnings),
            )

    async def action_quit(self) -> None:
        """Quit, unless a job is running: it says so, and a second press stops the job
        (`JobsRoom.ask_quit`); the window never goes blank waiting for it (QA 6)."""
        if not self._job_holds_quit():
            self.exit()

    def action_help_quit(self) -> None:
        """Ctrl-C: while a job runs, the same as quit (users press it to get out); otherwise
        Textual's note of the key that quits."""
        if not self._job_holds_quit():
            super().action_help_quit()

    def _job_holds_quit(self) -> bool:
        from .commands import Quit
        from .screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen.ask_quit(self.key_display(Quit))
        return False

    def key_display(self, command: type[Command], *, every: bool = False) -> str:
        """How `command`'s key shows in help and hints, following the user's keymap.

        `every`: name every key it answers to (the help screen). A short `KEY_DISPLAY` that
        names fewer keys than the command has is for the footer only: the help screen showed
        the sidebar's `enter` without `o` and the feeds view's `esc` without `q`."""
        keys = self.config.keymap.get(command.ID)

        def shown(keys: list[str]) -> list[str]:
            return [self.get_key_display(Binding(key.strip(), command.ACTION)) for key in keys]

        if keys is None and command.KEY_DISPLAY:
            named = command.KEY_DISPLAY.split("/")
            rest = command.KEY.split(",")[len(named) :] if every else []
            return "/".join([*named, *shown(rest)])
        return "/".join(shown((keys or command.KEY).split(",")))


def settings_notice(warnings: tuple[str, ...]) -> str:
    """The settings' problems as one notice: five stacked toasts covered the list (QA 6)."""
    if len(warnings) == 1:
        return warnings[0]
    return "\n".join(f"• {warning}" for warning in warnings)


def run(
    library_path: Path,
    *,
    demo: bool = False,
    config: Config | None = None,
    model: ModelChoice | None = None,
) -> int:
    """Run the reader until the user quits; the exit code for the shell."""
    app = DatelineApp(library_path, demo=demo, config=config, model=model)
    app.run()
    return app.return_code or 0
