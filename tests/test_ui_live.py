"""The reader and a library that changes under it; writes in order, failures reported."""

from __future__ import annotations

import asyncio

import pytest
from conftest import Reader, run_reader
from test_ui_data import article, story

from tuireader.library import Library, LibraryError
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.main import MainScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView


def add_elsewhere(library: Library, *articles: tuple[int, str]) -> None:
    """Another connection (as another process would) adds articles newer than all others."""
    with Library(library.path) as other:
        for number, title in articles:
            other.add(article(number, title=title, published=f"2050-01-{number % 28 + 1:02d}T00:00"), title.encode())


async def test_new_articles_elsewhere_keep_the_cursor_and_the_open_story(reader: Reader) -> None:
    await reader.press("j", "j", "j", "enter")
    await reader.settle()
    story_view = reader.app.query_one(StoryView)
    await reader.press("space")
    position = story_view.scroll_y
    shown = story_view.article
    article_list = reader.app.query_one(ArticleList)
    assert shown is not None and article_list.current_id == shown.id and article_list.cursor == 3
    await asyncio.to_thread(add_elsewhere, reader.library, (801, "Fresh one"), (802, "Fresh two"))
    await reader.wait_for(MainScreen.ListLoaded, lambda m: m.count == 17)
    assert article_list.row_count == 17
    assert article_list.current_id == shown.id and article_list.cursor == 5  # same article, two rows down
    assert story_view.article is shown and story_view.scroll_y == position  # the story stays where it is
    assert "17 articles" in str(reader.app.screen.query_one("#status").render())
    await reader.press("n")  # next goes on from the article shown, in the new list
    await reader.settle()
    assert story_view.article is not None and story_view.article.id == reader.library.summaries()[6].id


async def test_an_article_removed_elsewhere_leaves_the_cursor_on_its_row(reader: Reader) -> None:
    await reader.press("j", "j")
    await reader.settle()
    article_list = reader.app.query_one(ArticleList)
    gone = article_list.current_id
    assert gone is not None
    with Library(reader.library.path) as other:
        await asyncio.to_thread(other.remove, gone)
    await reader.wait_for(MainScreen.ListLoaded, lambda m: m.count == 14)
    assert article_list.cursor == 2 and article_list.current_id != gone


async def test_own_writes_do_not_reload_the_list(library: Library) -> None:
    library.set_setting("view", "unread")
    async with run_reader(library) as reader:
        article_list = reader.app.query_one(ArticleList)
        first = article_list.current_id
        await reader.press("enter")
        await reader.settle()
        assert reader.library.get(first).read
        loads = sum(isinstance(m, MainScreen.ListLoaded) for m in reader.seen)
        # A flush returns only after the writer has looked for others' changes.
        await asyncio.to_thread(reader.app.writer.flush, 5)
        await reader.settle()
        assert sum(isinstance(m, MainScreen.ListLoaded) for m in reader.seen) == loads
        # the article just read stays in the unread list while reading it
        assert article_list.current_id == first and article_list.row_count == 15


async def test_a_failed_write_is_reported_by_name_and_the_reader_goes_on(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(self: Library, article_id: int, on: bool, note: str | None = None) -> bool:
        raise LibraryError("library is busy (locked by another tuireader); try again")

    monkeypatch.setattr(Library, "set_bookmark", busy)
    async with run_reader(library) as reader:
        title = reader.app.query_one(ArticleList).current.title
        await reader.press("b")
        failed = await reader.wait_for(ReaderApp.WriteFailed)
        assert failed.what == f"the bookmark of “{title}”"
        await reader.press("escape", "j", "enter")  # no note; the reader goes on working
        await reader.settle()
        assert reader.app.query_one(StoryView).article is not None
        await reader.press("q")
    assert reader.app.unsaved == [f"the bookmark of “{title}”"]


async def test_changes_are_written_in_the_order_of_the_keys(library: Library) -> None:
    first, _ = library.add(article(950, title="Long one", published="2030-01-02T00:00", body=story(60, "L")), b"l1")
    async with run_reader(library) as reader:
        await reader.press("enter", "u", "u", "u", "b", "enter", "b", "b", "enter")  # no waiting between keys
        await reader.settle()
        assert not library.get(first).read  # opened (read), unread, read, unread
        assert library.get(first).bookmarked


async def test_next_after_the_article_read_left_the_unread_list_opens_the_one_after_it(library: Library) -> None:
    library.set_setting("view", "unread")
    unread = [s.id for s in library.summaries("unread")]
    async with run_reader(library) as reader:
        await reader.press("enter")  # the first unread article, now read: it stays while it is read
        await reader.settle()
        await asyncio.to_thread(add_elsewhere, reader.library, (803, "Old news"))  # sorted last (2050-…)
        await reader.wait_for(MainScreen.ListLoaded, lambda m: m.refresh)
        assert reader.app.query_one(ArticleList).row_count == 15  # 14 unread left and the new one
        await reader.press("n")
        await reader.settle()
        shown = reader.app.query_one(StoryView).article
        assert shown is not None and shown.id == unread[1]


def test_a_change_elsewhere_while_the_screen_is_taken_down_is_ignored(library: Library) -> None:
    """The watcher's report of another process's change can arrive as quitting removes the list: no crash."""
    from tuireader.ui.sources import LibraryView

    screen = MainScreen()  # its widgets are gone (here: never there)
    screen._source = LibraryView(library)  # a list was shown
    screen.library_changed()  # NoMatches before
