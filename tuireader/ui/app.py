"""The reader app: a thin App holding the library, the config and the themes.

``run_app`` is what ``tuireader [PATH...]`` calls: it opens the library,
imports the given paths (the bundled samples on a first start with an empty
library), then runs the app.
"""

from __future__ import annotations

import sys
import webbrowser
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tuireader.config import Config, load_config
from tuireader.ui.commands import ArticleCommands
from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.main import MainScreen
from tuireader.ui.sources import VIEWS
from tuireader.ui.theming import DEFAULT_THEME, FALLBACK_THEME, VARIABLE_DEFAULTS, load_themes
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList

if TYPE_CHECKING:
    from tuireader.library import Library


class ReaderApp(App[None]):
    TITLE = "tuireader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ArticleCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (remembers where you were)"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?", tooltip="This list of keys"),
    ]

    def __init__(
        self,
        library: Library,
        config: Config | None = None,
        theme_dirs: list[Path] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.config = config if config is not None else load_config()
        # (message, severity) shown as notifications once the app runs.
        self.startup_messages: list[tuple[str, str]] = [(p, "warning") for p in self.config.problems]
        themes, problems = load_themes(theme_dirs)
        self.startup_messages += [(f"Theme not loaded: {p}", "warning") for p in problems]
        for theme in themes:
            self.register_theme(theme)
        self.set_keymap(self.config.keymap)
        self._theme_ready = False
        chosen = library.get_setting("theme") or self.config.theme or DEFAULT_THEME
        if chosen not in self.available_themes:
            self.startup_messages.append((f"Theme “{chosen}” is not available; using {DEFAULT_THEME}.", "warning"))
            chosen = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else FALLBACK_THEME
        self.theme = chosen
        self._theme_ready = True

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def get_default_screen(self) -> Screen:
        return MainScreen()

    @property
    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def on_mount(self) -> None:
        for message, severity in self.startup_messages:
            self.notify(message, severity=severity, markup=False, timeout=8)  # type: ignore[arg-type]
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: object) -> None:
        if self._theme_ready:
            self.library.set_setting("theme", self.theme)

    def help_groups(self) -> list[tuple[str, list[BindingType]]]:
        return [
            (
                "Anywhere",
                [
                    *list(ReaderApp.BINDINGS),
                    Binding("ctrl+p", "command_palette", "Command palette: open an article, views, themes"),
                ],
            ),
            ("Articles and reading", list(MainScreen.BINDINGS)),
            ("Article list", list(ArticleList.BINDINGS)),
            ("Story", list(StoryView.BINDINGS)),
            ("Teasers", list(TeaserList.BINDINGS)),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_groups()))

    async def action_quit(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.save_position()
        self.exit()

    def open_in_browser(self, url: str) -> bool:
        """Open a URL in the user's browser (called from a worker thread)."""
        try:
            return webbrowser.open(url)
        except webbrowser.Error:
            return False

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main_screen
        if main is None:
            return
        for view, label in VIEWS.items():
            yield SystemCommand(f"View: {label}", f"Show {label.lower()} articles", lambda v=view: main.action_view(v))
        yield SystemCommand("Filter by section", "Show only one section", main.action_pick_section)
        yield SystemCommand("Search", "Full-text search of all articles", main.action_search)
        yield SystemCommand("Bookmark", "Toggle the bookmark of the current article", main.action_toggle_bookmark)
        yield SystemCommand("Read / unread", "Toggle the read mark of the current article", main.action_toggle_read)
        yield SystemCommand("Keys", "Show every key", self.action_help)


def run_app(library: str | Path | None = None, paths: list[str] | None = None) -> int:
    """Open the library, import ``paths`` (or the samples into an empty library), run the reader."""
    from tuireader.library import Library, LibraryError
    from tuireader.paths import samples_dir

    try:
        lib = Library(library)
    except LibraryError as exc:
        print(f"tuireader: {exc}", file=sys.stderr)
        return 1
    try:
        messages: list[tuple[str, str]] = []
        to_import = list(paths or [])
        if not to_import and lib.is_empty() and samples_dir().is_dir():
            to_import = [str(samples_dir())]
            messages.append(
                (
                    "Welcome! Your library was empty, so it now holds the sample articles. Press ? for keys.",
                    "information",
                )
            )
        if to_import:
            report = lib.import_paths(to_import)
            done = len(report.imported) + len(report.updated)
            if paths:
                messages.append(
                    (
                        f"Imported {done} article{'s' if done != 1 else ''}; {len(report.unchanged)} already there.",
                        "information",
                    )
                )
            for _path, reason in report.failed[:5]:
                messages.append((f"Not imported: {reason}", "warning"))
            if len(report.failed) > 5:
                messages.append((f"… and {len(report.failed) - 5} more files not imported.", "warning"))
        app = ReaderApp(lib)
        app.startup_messages += messages
        app.run()
        return 0
    finally:
        lib.close()
