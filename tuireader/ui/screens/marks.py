"""Bookmarks with notes, and undo of the last change of marks (b, B, u, z on the main screen).

``b`` bookmarks and offers a one-line note (enter keeps it empty); on a
bookmark that has a note it asks before removing both; ``B`` edits the note
(bookmarking the article if needed). Every change goes through the app's one
writer; ``z`` puts back what the last change of a read mark, a bookmark or a
note replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tuireader.ui.screens.dialogs import ConfirmScreen
from tuireader.ui.screens.note import NoteScreen
from tuireader.ui.text import clean_line

if TYPE_CHECKING:
    from tuireader.model import Article
    from tuireader.ui.screens.main import MainScreen


@dataclass(frozen=True)
class MarkState:
    title: str
    read: bool
    bookmarked: bool
    note: str | None


class Marks:
    """The main screen's marks, notes and their undo."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self._undo: tuple[str, Callable[[], None]] | None = None

    def state(self, article_id: int) -> MarkState:
        """As on screen (the list's row, or the story shown), changes not yet written included."""
        row = self.screen.article_list.cached(article_id)
        if row is not None:
            return MarkState(row.title, row.read, row.bookmarked, row.note)
        article = self.screen.story.article
        if article is not None and article.id == article_id:
            return MarkState(article.title, article.read, article.bookmarked, article.bookmark_note)
        return MarkState("", False, False, None)

    def apply_to(self, article: Article) -> None:
        """An article just read from the library gets the note as changed on screen meanwhile."""
        row = self.screen.article_list.cached(article.id) if article.id is not None else None
        if row is not None:
            article.bookmark_note = row.note

    # -- undo ---------------------------------------------------------------

    def remember(self, what: str, restore: Callable[[], None]) -> None:
        """The last change (``what`` it was) and how to put back what it replaced."""
        self._undo = (what, restore)

    def remember_read(self, article_id: int, was: bool) -> None:
        self.remember("the read mark", lambda: self.screen._mark(article_id, read=was))

    def undo(self) -> None:
        if self._undo is None:
            self.screen.notify("Nothing to undo.", timeout=2)
            return
        what, restore = self._undo
        self._undo = None
        restore()
        self.screen.notify(f"Undone: {what}", markup=False, timeout=3)

    # -- bookmarks and notes ------------------------------------------------

    def toggle_bookmark(self, article_id: int) -> None:
        state = self.state(article_id)
        if not state.bookmarked:
            self._bookmark(article_id, state)
        elif state.note:
            self._confirm_removal(article_id, state)
        else:
            self._remove(article_id, state)

    def _bookmark(self, article_id: int, state: MarkState) -> None:
        self.screen._mark(article_id, bookmarked=True)
        self.remember("the bookmark", lambda: self._unbookmark(article_id))
        self.screen.notify(f"Bookmarked: {clean_line(state.title)}", markup=False, timeout=2)

        def noted(note: str | None) -> None:
            if note:
                self.write_note(article_id, note)

        self.screen.app.push_screen(NoteScreen(state.title, None, "Bookmarked. A note? (enter: none)"), noted)

    def _confirm_removal(self, article_id: int, state: MarkState) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(article_id, state)

        question = "Remove the bookmark and its note?"
        self.screen.app.push_screen(ConfirmScreen(question, state.note or "", yes="Remove"), answered)

    def _remove(self, article_id: int, state: MarkState) -> None:
        self._unbookmark(article_id)
        note = state.note
        if note:
            self.remember("the bookmark and its note", lambda: self.write_note(article_id, note))
        else:
            self.remember("the bookmark", lambda: self.screen._mark(article_id, bookmarked=True))
        self.screen.notify(f"Bookmark removed (z undoes): {clean_line(state.title)}", markup=False, timeout=3)

    def _unbookmark(self, article_id: int) -> None:
        self.screen._mark(article_id, bookmarked=False)
        self._show_note(article_id, None)

    def edit_note(self, article_id: int) -> None:
        state = self.state(article_id)

        def edited(note: str | None) -> None:
            if note is None or (state.bookmarked and note == (state.note or "")):
                return
            self.write_note(article_id, note)
            if state.bookmarked:
                old = state.note
                self.remember("the note", lambda: self.write_note(article_id, old or ""))
            else:
                self.remember("the bookmark and its note", lambda: self._unbookmark(article_id))

        question = "The bookmark's note" if state.bookmarked else "Bookmark with a note"
        self.screen.app.push_screen(NoteScreen(state.title, state.note, question), edited)

    def write_note(self, article_id: int, note: str) -> None:
        """Bookmark with ``note`` ("" clears it): on screen at once, in the library through the writer."""
        screen = self.screen
        screen.article_list.update_article(article_id, bookmarked=True)
        self._show_note(article_id, note or None)
        name = f"“{clean_line(self.state(article_id).title)}”"
        screen.reader.save(f"the note of {name}", lambda library: library.set_note(article_id, note))

    def _show_note(self, article_id: int, note: str | None) -> None:
        screen = self.screen
        screen.article_list.update_article(article_id, note=note)
        article = screen.story.article
        if article is not None and article.id == article_id:
            article.bookmark_note = note
            if note is not None:
                article.bookmarked = True
            screen.story.show_header()
