"""The article list: order, marks, keys, views and sections, a big list."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
from ui_helpers import main, opened, row_text, static_text

from tuireader.ui.screens.browsing import Browsing
from tuireader.ui.screens.picker import FacetPicker
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView


async def test_list_is_newest_first_with_unread_marks(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, _pilot = reader.app, reader.pilot
            await reader.settle()
            article_list = app.query_one(ArticleList)
            assert article_list.row_count == library.count() == 15
            first = row_text(article_list, 0)
            assert "2025-01-02" in first and "Festival week" in first and "●" in first
            dates = [library.summaries()[i].published for i in range(3)]
            assert dates == sorted(dates, reverse=True)
            assert app.focused is article_list


async def test_list_keys_move_page_and_jump(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            article_list = app.query_one(ArticleList)
            await pilot.press("G")
            assert article_list.cursor == 14
            await pilot.press("k")
            assert article_list.cursor == 13
            await pilot.press("g")
            assert article_list.cursor == 0
            await pilot.press("down", "down", "up")
            assert article_list.cursor == 1
            await pilot.press("pagedown")
            assert article_list.cursor == 14  # a page is longer than the list


async def test_section_filter(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("f")
            await reader.wait_for(Browsing.FacetsRead)
            assert isinstance(app.screen, FacetPicker)
            sections = library.sections()
            await pilot.press(*["down"] * (sections.index("Wirtschaft") + 1), "enter")
            await reader.settle()
            article_list = app.query_one(ArticleList)
            assert main(app).section == "Wirtschaft"
            assert article_list.row_count == library.count("all", "Wirtschaft") == 4
            assert all(library.summaries("all", "Wirtschaft")[i].section == "Wirtschaft" for i in range(4))
            assert "section: Wirtschaft" in static_text(app, "#status")
            await pilot.press("f")
            await reader.wait_for(Browsing.FacetsRead, lambda m: m is not reader.seen[0] and len(reader.seen) > 0)
            await reader.settle()
            await pilot.press("pageup", "enter")
            await reader.settle()
            assert article_list.row_count == 15


async def test_a_big_list_fetches_only_what_is_shown(tmp_path: Path) -> None:
    from test_ui_data import article

    with opened(tmp_path / "big.db") as library:
        for i in range(1500):
            library.add(article(i, title=f"Generated {i}"), f"g{i}".encode())
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            article_list = app.query_one(ArticleList)
            assert article_list.row_count == 1500
            assert article_list.fetches == 1
            await pilot.press("G")
            await reader.settle()
            assert article_list.current_id == library.summaries(offset=1499, limit=1)[0].id
            assert article_list.fetches <= 3


async def test_view_and_last_article_are_restored(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("j", "j", "j", "enter")
            await reader.settle()
            opened_id = library.summaries()[3].id
            await pilot.press("escape")
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            story = app.query_one(StoryView)
            assert story.article is not None and story.article.id == opened_id
            assert app.query_one(ArticleList).cursor == 3
            await pilot.press("2")
            await reader.settle()
            assert main(app).view == "unread"
            assert app.query_one(ArticleList).row_count == library.count("unread") == 14
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            assert main(app).view == "unread"
            assert "2 Unread" in static_text(app, "#status")
            assert app.query_one(ArticleList).row_count == 14


async def test_bookmark_persists_across_a_restart(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("j", "j", "b", "enter")  # enter: no note
            await reader.settle()
            target = library.summaries()[2]
            assert "★" in row_text(app.query_one(ArticleList), 2)
    with opened(lib_path) as library:
        assert library.get(target.id).bookmarked
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("3")
            await reader.settle()
            article_list = app.query_one(ArticleList)
            assert article_list.row_count == 1
            assert article_list.current_id == target.id
            assert "★" in row_text(article_list, 0)
            # b again removes it
            await pilot.press("b")
            await reader.settle()
            assert not library.get(target.id).bookmarked


async def test_list_pages_are_read_off_the_event_loop(tmp_path: Path) -> None:
    """Starting, paging down a big list and a change by another process read no list page on the event loop."""
    import threading

    from test_ui_data import article
    from test_ui_live import add_elsewhere

    from tuireader.ui.screens.main import MainScreen

    with opened(tmp_path / "big.db") as library:
        for i in range(450):
            library.add(article(i, title=f"Generated {i}"), f"g{i}".encode())
        on_the_loop: list[tuple[int, int]] = []
        rows = library.listing_rows

        def recording(listing, offset, limit):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread():
                on_the_loop.append((offset, limit))
            return rows(listing, offset, limit)

        library.listing_rows = recording  # type: ignore[method-assign]
        async with run_reader(library) as reader:
            await reader.settle()
            article_list = reader.main.article_list
            for _ in range(12):  # 12 pages of the screen: rows 0-330, four pages of the library
                await reader.press("pagedown")
                await reader.settle()
            assert 300 < article_list.cursor < 400
            assert article_list.current_id == library.summaries(offset=article_list.cursor, limit=1)[0].id
            shown = article_list.current_id
            add_elsewhere(library, (901, "Fresh"))
            await reader.wait_for(MainScreen.ListLoaded, lambda m: m.refresh and m.count == 451)
            await reader.settle()
            assert article_list.current_id == shown  # the cursor kept by id, one row down
            assert on_the_loop == []
