"""Notes, first class: b offers a note, B edits it, removing a noted bookmark asks, z undoes."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
from textual.widgets import Input
from ui_helpers import opened, row_text, static_text

from tuireader.ui.screens.dialogs import ConfirmScreen
from tuireader.ui.screens.note import NoteScreen
from tuireader.ui.widgets.article_list import ArticleList


async def test_b_bookmarks_and_offers_a_note_shown_in_the_header_and_the_list(lib_path: Path) -> None:
    with opened(lib_path) as library:
        first = library.summaries()[0].id
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            await pilot.press("b")
            assert isinstance(app.screen, NoteScreen)
            await pilot.press(*"see p3", "enter")
            await reader.settle()
            article = library.get(first)
            assert article.bookmarked and article.bookmark_note == "see p3"
            assert "Note: see p3" in static_text(app, "#story-note")
            await pilot.press("escape", "3")
            await reader.settle()
            assert "— see p3" in row_text(app.query_one(ArticleList), 0)


async def test_enter_keeps_the_note_empty(lib_path: Path) -> None:
    with opened(lib_path) as library:
        first = library.summaries()[0].id
        async with run_reader(library) as reader:
            await reader.press("b")
            assert isinstance(reader.app.screen, NoteScreen)
            await reader.press("enter")
            await reader.settle()
            article = library.get(first)
            assert article.bookmarked and article.bookmark_note is None
            # without a note, b removes the bookmark at once
            await reader.press("b")
            await reader.settle()
            assert not library.get(first).bookmarked


async def test_removing_a_bookmark_with_a_note_asks_first_and_z_undoes(lib_path: Path) -> None:
    with opened(lib_path) as library:
        first = library.summaries()[0].id
        library.set_bookmark(first, True, "keep this")
        async with run_reader(library) as reader:
            app = reader.app
            await reader.press("b")
            assert isinstance(app.screen, ConfirmScreen)
            assert "keep this" in static_text(app, ".dialog-detail")
            await reader.press("n")
            await reader.settle()
            assert library.get(first).bookmark_note == "keep this"
            await reader.press("b", "y")
            await reader.settle()
            assert not library.get(first).bookmarked
            await reader.press("z")
            await reader.settle()
            article = library.get(first)
            assert article.bookmarked and article.bookmark_note == "keep this"


async def test_capital_b_edits_the_note_and_z_puts_the_old_one_back(lib_path: Path) -> None:
    with opened(lib_path) as library:
        first = library.summaries()[0].id
        library.set_bookmark(first, True, "old")
        async with run_reader(library) as reader:
            app = reader.app
            await reader.press("enter")
            await reader.settle()
            await reader.press("B")
            assert isinstance(app.screen, NoteScreen)
            assert app.screen.query_one(Input).value == "old"
            app.screen.query_one(Input).value = ""
            await reader.press(*"new [b]note[/b]", "enter")
            await reader.settle()
            assert library.get(first).bookmark_note == "new [b]note[/b]"
            assert "new [b]note[/b]" in static_text(app, "#story-note")
            await reader.press("z")
            await reader.settle()
            assert library.get(first).bookmark_note == "old"
            assert "Note: old" in static_text(app, "#story-note")
            # escape in the note dialog changes nothing
            await reader.press("B", "x", "escape")
            await reader.settle()
            assert library.get(first).bookmark_note == "old"


async def test_z_undoes_a_read_mark(lib_path: Path) -> None:
    with opened(lib_path) as library:
        first = library.summaries()[0].id
        was = library.get(first).read
        async with run_reader(library) as reader:
            await reader.press("u")
            await reader.settle()
            assert library.get(first).read is not was
            await reader.press("z")
            await reader.settle()
            assert library.get(first).read is was
