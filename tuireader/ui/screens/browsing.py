"""Browsing the library from the main screen: filters, hide read, sort, mark all read, next unread.

A part of ``MainScreen`` (mixed in). The list shown is a ``LibraryView``
(``tuireader.ui.sources``); each key here makes a new one from the current
view with one thing changed and reloads the list (cursor kept by id). Reads
(facet counts, the next unread article) run in thread workers that post their
result; "mark all read" goes through the one writer, which posts how many it
marked once they are written.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import SystemCommand
from textual.css.query import NoMatches
from textual.message import Message

from tuireader.library.listing import Listing
from tuireader.ui.screens.dialogs import ConfirmScreen
from tuireader.ui.screens.picker import ALL, FacetPicker
from tuireader.ui.screens.screen_part import MainScreenPart
from tuireader.ui.sources import SORTS, LibraryView
from tuireader.ui.text import clean_line

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from tuireader.ui.protocols import LibraryAPI
    from tuireader.ui.widgets.article_list import ArticleList

SAVED = ("view", "section", "source", "hide_read", "sort")  # kept in the library's settings
FACETS = {"section": ("Show only one section", "All sections"), "source": ("Show only one source", "All sources")}


def restored_view(library: LibraryAPI, view: str, section: str | None) -> LibraryView:
    """The view last shown (in a worker at start): source, read hidden and order from the settings."""
    source = library.get_setting("source") or None
    if source is not None and library.listing_count(Listing(view, section, source)) == 0:
        source = None
    sort = library.get_setting("sort") or "date"
    hide_read = library.get_setting("hide_read") == "1"
    return LibraryView(library, view, section, source, hide_read, sort if sort in SORTS else "date")


def _setting(name: str, value: str | None) -> Callable[[LibraryAPI], None]:
    return lambda library: library.set_setting(name, value)


def browsing_status(view: LibraryView | None) -> list[tuple[str, str] | str]:
    """The status line's part about the source filter, hidden read articles and the order."""
    parts: list[tuple[str, str] | str] = []
    if view is None:
        return parts
    if view.source:
        parts += ["  ", ("source: ", "$text-muted"), (clean_line(view.source), "bold")]
    if view.hide_read and view.view != "unread":
        parts += ["  ", ("read hidden", "$text-muted")]
    if view.sort != "date":
        parts += ["  ", (SORTS[view.sort], "$text-muted")]
    return parts


class Browsing(MainScreenPart):
    """Mixed into ``MainScreen``: f, F, h, S, A, J."""

    class FacetsRead(Message):
        bubble = False

        def __init__(self, kind: str, items: list[tuple[str, int]]) -> None:
            super().__init__()
            self.kind = kind
            self.items = items

    class NextUnread(Message):
        """The next unread article (None: there is none in the view); ``wrapped``: found from the top."""

        bubble = False

        def __init__(self, article_id: int | None, wrapped: bool) -> None:
            super().__init__()
            self.article_id = article_id
            self.wrapped = wrapped

    class AllMarkedRead(Message):
        bubble = False

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    # Provided by MainScreen.
    _source: LibraryView | None
    article_id: int | None

    @property
    def article_list(self) -> ArticleList:
        raise NotImplementedError

    def _reload_list(self, keep_id: int | None, source: LibraryView | None = None) -> None:
        raise NotImplementedError

    def go_to_article(self, article_id: int) -> None:
        raise NotImplementedError

    _asked_view: LibraryView | None = None  # asked for by a key, not shown yet

    @property
    def shown_view(self) -> LibraryView:
        """The view shown, or the one a key asked for and that is on its way (keys pressed fast build on it)."""
        if self._asked_view is not None and self._asked_view != self._source:
            return self._asked_view
        self._asked_view = None
        return self._source or LibraryView(self.library)

    def view_shown(self, view: LibraryView) -> None:
        """The screen shows ``view`` by itself (an article the filters hid was opened): keep it."""
        self._asked_view = None
        self.save_view_settings(view)

    def change_view(self, **changes: object) -> None:
        """Show the current view with ``changes`` (section, source, hide_read, sort); saved for the next start."""
        source = self._asked_view = self.shown_view.but(**changes)
        self.save_view_settings(source, changes)
        keep = self.article_id if self.article_id is not None else self.article_list.current_id
        self._reload_list(keep, source)

    def browsing_commands(self) -> Iterator[SystemCommand]:
        """The command palette's entries for what this part does (and s, |)."""
        yield SystemCommand("Filter by source", "Show only one source (site)", self.action_pick_source)
        yield SystemCommand("Hide / show read", "Hide read articles, or show them again", self.action_toggle_hide_read)
        yield SystemCommand("Sort by date / source", "Change the order of the list", self.action_toggle_sort)
        yield SystemCommand("Mark all read", "Mark every article in this view read", self.action_mark_all_read)
        yield SystemCommand("Next unread", "Open the next unread article", self.action_next_unread)
        yield SystemCommand("Save as markdown", "Save the current article (save_path)", self.action_save_article)
        yield SystemCommand("Pipe to a command", "The current article as markdown", self.action_pipe_article)

    def action_save_article(self) -> None:
        raise NotImplementedError

    def action_pipe_article(self) -> None:
        raise NotImplementedError

    def save_view_settings(self, view: LibraryView, names: Iterable[str] = SAVED) -> None:
        """Keep ``view`` (the settings ``names`` of it) for the next start."""
        for name in names:
            value = getattr(view, name)
            stored = ("1" if value else None) if isinstance(value, bool) else value
            self.reader.save(f"the {name.replace('_', ' ')} setting", _setting(name, stored))

    # -- f, F: pick a section or a source ----------------------------------

    def action_pick_section(self) -> None:
        self._read_facets("section", self.shown_view.listing)

    def action_pick_source(self) -> None:
        self._read_facets("source", self.shown_view.listing)

    @work(thread=True, exclusive=True, group="facets", exit_on_error=False)
    def _read_facets(self, kind: str, listing: Listing) -> None:
        self.post_message(self.FacetsRead(kind, self.library.listing_facets(kind, listing)))

    @on(FacetsRead)
    def _facets_read(self, event: FacetsRead) -> None:
        kind = event.kind
        title, all_label = FACETS[kind]

        def chosen(name: str | None) -> None:
            if name is not None:
                self.change_view(**{kind: None if name == ALL else name})

        current = getattr(self.shown_view, kind)
        self.app.push_screen(FacetPicker(title, all_label, event.items, current), chosen)

    # -- h, S: hide read, order --------------------------------------------

    def action_toggle_hide_read(self) -> None:
        hide = not self.shown_view.hide_read
        self.change_view(hide_read=hide)
        self.app.notify("Read articles hidden" if hide else "Read articles shown", timeout=2)

    def action_toggle_sort(self) -> None:
        order = list(SORTS)
        sort = order[(order.index(self.shown_view.sort) + 1) % len(order)]
        self.change_view(sort=sort)
        self.app.notify(f"Sorted {SORTS[sort]}", timeout=2)

    # -- A: mark all read ---------------------------------------------------

    def action_mark_all_read(self) -> None:
        count = self.article_list.row_count
        if not count:
            return
        shown = self.shown_view

        def answered(yes: bool | None) -> None:
            if yes:
                self.reader.save(
                    "marking the articles of this view read",
                    lambda library: self.post_message(self.AllMarkedRead(shown.mark_all_read(library))),
                )

        question = f"Mark all {count:,} article{'s' if count != 1 else ''} in this view read?"
        self.app.push_screen(ConfirmScreen(question, yes="Mark read"), answered)

    @on(AllMarkedRead)
    def _all_marked_read(self, event: AllMarkedRead) -> None:
        self.app.notify(f"Marked {event.count:,} article{'s' if event.count != 1 else ''} read", timeout=3)
        with contextlib.suppress(NoMatches):  # the screen is being taken down
            self.article_list.forget_overrides()
            self._reload_list(self.article_id if self.article_id is not None else self.article_list.current_id)

    # -- J: next unread -----------------------------------------------------

    def action_next_unread(self) -> None:
        row = self.article_list.current
        if self.article_list.has_focus and row is not None and not row.read:
            self.go_to_article(row.id)  # in the list: the row highlighted, when it is unread
            return
        current = self.article_id if self.article_id is not None else self.article_list.current_id
        self._find_next_unread(self.shown_view, current)

    @work(thread=True, exclusive=True, group="next-unread", exit_on_error=False)
    def _find_next_unread(self, shown: LibraryView, current: int | None) -> None:
        found = shown.next_unread(current)
        wrapped = found is None and current is not None
        if wrapped:
            found = shown.next_unread(None)
        self.post_message(self.NextUnread(found, wrapped and found is not None))

    @on(NextUnread)
    def _next_unread(self, event: NextUnread) -> None:
        if event.article_id is None:
            self.app.notify("No unread articles in this view.", timeout=3)
            return
        if event.wrapped:
            self.app.notify("Next unread, from the top", timeout=2)
        self.go_to_article(event.article_id)
