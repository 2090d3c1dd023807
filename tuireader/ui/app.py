"""The reader app: a thin App holding the library, its writer, the config and the themes.

``run_app`` is what ``tuireader [PATH...]`` calls: it opens the library,
imports the given paths (the bundled samples on a first start with an empty
library), then runs the app.

The app owns the one ``LibraryWriter`` (``save`` queues a change) and turns what
its thread reports into messages: ``WriteFailed`` (a notification naming what
was not saved) and ``LibraryChanged`` (another process changed the library: the
main screen re-reads its list). A worker that fails is reported by the one
``Worker.StateChanged`` handler (``tuireader.ui.failures``). Quitting waits at
most ``QUIT_WAIT`` seconds for the writes still queued; ``unsaved`` then lists
what could not be saved (``run_app`` says so).
"""

from __future__ import annotations

import contextlib
import sys
import webbrowser
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from tuireader.config import Config, load_config
from tuireader.ui import browser as browsers
from tuireader.ui.collector import FullPasses
from tuireader.ui.commands import ArticleCommands
from tuireader.ui.failures import ReportsFailedWorkers
from tuireader.ui.feeds import FeedRefresher, pick_feed
from tuireader.ui.protocols import LibraryAPI
from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.main import MainScreen
from tuireader.ui.sources import VIEWS
from tuireader.ui.text import clean_line
from tuireader.ui.theming import DEFAULT_THEME, FALLBACK_THEME, VARIABLE_DEFAULTS, load_themes
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList
from tuireader.ui.writer import LibraryWriter

if TYPE_CHECKING:
    from collections.abc import Callable

# How long quitting waits for the writes still queued.
QUIT_WAIT = 3.0
# How often the garbage collector's full pass may run (when due): see ui/collector.py.
COLLECT_EVERY = 0.5


class ReaderApp(ReportsFailedWorkers, App[None]):
    TITLE = "tuireader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ArticleCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (remembers where you were)"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?", tooltip="This list of keys"),
        Binding("R", "refresh_feeds", "Refresh", show=False, id="app.refresh", tooltip="Refresh the feeds"),
    ]

    class WriteFailed(Message):
        """A change could not be saved (``what`` names it)."""

        def __init__(self, what: str, error: Exception) -> None:
            super().__init__()
            self.what = what
            self.error = error

    class LibraryChanged(Message):
        """Another process changed the library."""

    def __init__(
        self,
        library: LibraryAPI,
        config: Config | None = None,
        theme_dirs: list[Path] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.writer = LibraryWriter(library, self._write_failed, self._library_changed)
        self.feeds = FeedRefresher(self)
        self.unsaved: list[str] = []  # what quitting could not save
        self.welcome: str | None = None  # first start: said where the story goes (a toast would cover it)
        self.config = config if config is not None else load_config()
        self.keymap: dict[str, str] = dict(self.config.keymap)
        # (message, severity) shown as notifications once the app runs.
        self._full_passes: FullPasses | None = None
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
        self.writer.start()
        for message, severity in self.startup_messages:
            self.notify(message, severity=severity, markup=False, timeout=8)  # type: ignore[arg-type]
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.feeds.start_interval(self.config.refresh_minutes)
        self._full_passes = FullPasses.take_over()
        self.set_interval(COLLECT_EVERY, self._full_passes.on_timer, name="full garbage passes")

    def _theme_changed(self, theme: object) -> None:
        if self._theme_ready:
            name = self.theme
            self.save("the theme", lambda library: library.set_setting("theme", name))

    # -- the library's writer ----------------------------------------------

    def save(self, what: str, change: Callable[[LibraryAPI], object]) -> None:
        """Queue a change to the library, applied after every change queued before it."""
        self.writer.submit(what, change)

    def _write_failed(self, what: str, error: Exception) -> None:
        # On the writer's thread: post, never wait for the event loop.
        with contextlib.suppress(RuntimeError):  # the event loop is already closed
            self.post_message(self.WriteFailed(what, error))

    def _library_changed(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.post_message(self.LibraryChanged())

    @on(WriteFailed)
    def _on_write_failed(self, event: WriteFailed) -> None:
        self.notify(f"Not saved: {event.what} ({event.error})", severity="error", markup=False, timeout=10)

    @on(LibraryChanged)
    def _on_library_changed(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.library_changed()

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

    def action_refresh_feeds(self) -> None:
        self.feeds.start(manual=True)

    def action_feeds(self) -> None:
        pick_feed(self)

    async def action_quit(self) -> None:
        self.feeds.stop()
        screen = self.main_screen
        if screen is not None:
            screen.leave()
        # On a thread: the event loop goes on (painting, taking the writer's messages) meanwhile.
        closing = self.run_worker(partial(self.writer.close, QUIT_WAIT), thread=True, exit_on_error=False)
        self.unsaved = await closing.wait()
        self.exit(return_code=1 if self.unsaved else 0)

    def on_unmount(self) -> None:
        self.feeds.stop()
        if self._full_passes is not None:
            self._full_passes.stop()
        if not self.unsaved:
            self.unsaved = self.writer.close(QUIT_WAIT)  # left without q (ctrl+c): still bounded

    def browser(self) -> browsers.BrowserCommand | None:
        return browsers.browser_command(self.config.browser, self.config.terminal_browser)

    def open_in_terminal(self, url: str) -> bool:
        """Open a URL in a terminal browser with the reader suspended; False when the browser is not one."""
        command = self.browser()
        if command is None or not command.terminal:
            return False
        try:
            with self.suspend():
                browsers.run_in_terminal(command.argv(url))
        except SuspendNotSupported:
            self.notify("A terminal browser cannot run here (the reader cannot step aside).", severity="error")
        except OSError as exc:
            self.notify(f"The browser could not be started: {exc.strerror or exc}", severity="error", markup=False)
        return True

    def open_in_browser(self, url: str) -> bool:
        """Open a URL in a graphical browser, detached (called from a worker thread)."""
        command = self.browser()
        try:
            if command is None:
                return webbrowser.open(url)
            browsers.start_detached(command.argv(url))
            return True
        except (webbrowser.Error, OSError):
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
        yield from main.browsing_commands()


def run_app(library: str | Path | None = None, paths: list[str] | None = None) -> int:
    """Open the library, import ``paths`` (or the samples into an empty library), run the reader."""
    from tuireader.library import Library, LibraryError
    from tuireader.paths import samples_dir

    try:
        lib = Library(library)
    except LibraryError as exc:
        print(f"tuireader: {clean_line(str(exc))}", file=sys.stderr)
        return 1
    try:
        messages: list[tuple[str, str]] = []
        welcome = None
        to_import = list(paths or [])
        if not to_import and lib.is_empty() and samples_dir().is_dir():
            to_import = [str(samples_dir())]
            welcome = (
                "Welcome! Your library was empty, so it now holds the sample articles.\n\n"
                "Choose one with j/k and press enter to read it; ? shows every key."
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
        app.welcome = welcome
        app.run()
        if app.unsaved:
            print("tuireader: not saved: " + "; ".join(app.unsaved), file=sys.stderr)
            return 1
        return 0
    finally:
        lib.close()
