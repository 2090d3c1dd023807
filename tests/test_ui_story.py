"""Reading: opening an article, its header, story keys, next/previous, positions, long stories, narrow layout."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from conftest import run_reader
from textual import events
from ui_helpers import opened, row_text, static_text

from tuireader.library import Library
from tuireader.model import Article
from tuireader.ui.screens.main import MainScreen, Mode
from tuireader.ui.text import clean_block as clean_text
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView


def hold_articles(library: Library, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Articles read from ``library`` are on their way until the returned event is set."""
    arrived = threading.Event()
    get = library.get

    def held_get(article_id: int) -> Article | None:
        arrived.wait(10)
        return get(article_id)

    monkeypatch.setattr(library, "get", held_get)
    return arrived


async def test_enter_opens_the_article_and_marks_it_read(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("j", "enter")
            await reader.settle()
            expected = library.summaries()[1]
            story = app.query_one(StoryView)
            assert story.article is not None and story.article.id == expected.id
            assert app.focused is story
            assert library.get(expected.id).read
            assert "●" not in row_text(app.query_one(ArticleList), 1)[:3]
            assert static_text(app, "#story-title") == expected.title
            # u toggles it back to unread
            await pilot.press("u")
            await reader.settle()
            assert not library.get(expected.id).read


async def test_header_shows_section_dates_reading_time_lead_and_caption(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            meta = static_text(app, "#story-meta")
            assert "Kultur" in meta and "2025-01-02 18:30" in meta and "updated 2025-01-03 07:15" in meta
            assert "min read" in meta
            assert static_text(app, "#story-caption").startswith("Image: Fireworks over the bay")
            assert static_text(app, "#story-lead").startswith("A short lead")


async def test_reading_position_is_restored(lib_path: Path) -> None:
    with opened(lib_path) as library:
        long_id, _ = library.add(
            __import__("test_ui_data").article(
                950,
                title="A long read",
                published="2030-01-01T00:00",
                body=__import__("test_ui_data").story(60, "A long read"),
            ),
            b"long",
        )
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            assert app.query_one(StoryView).article.id == long_id
            await pilot.press("space", "space", "space")
            await reader.settle()
            position = app.query_one(StoryView).scroll_y
            assert position > 40
            await pilot.press("q")
            await reader.settle()
        assert library.get_position(long_id) == position
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            story = app.query_one(StoryView)
            assert story.article.id == long_id
            assert story.scroll_y == position


async def test_story_keys_scroll_and_page(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("j", "enter")
            await reader.settle()
            story = app.query_one(StoryView)
            await pilot.press("j", "j")
            assert story.scroll_y == 2
            await pilot.press("k")
            assert story.scroll_y == 1
            await pilot.press("space")
            paged = story.scroll_y
            assert paged > 10
            await pilot.press("shift+space")
            assert story.scroll_y < paged
            await pilot.press("G")
            assert story.scroll_y == story.max_scroll_y > 0
            await pilot.press("g")
            assert story.scroll_y == 0


async def test_next_and_previous_article_while_reading(lib_path: Path) -> None:
    with opened(lib_path) as library:
        ids = [s.id for s in library.summaries()]
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            await pilot.press("n")
            await reader.settle()
            assert story.article.id == ids[1]
            await pilot.press("n")
            await reader.settle()
            assert story.article.id == ids[2]
            await pilot.press("p")
            await reader.settle()
            assert story.article.id == ids[1]
            assert library.get(ids[2]).read and library.get(ids[1]).read
            assert app.query_one(ArticleList).cursor == 1


async def test_next_pressed_before_the_story_shows_goes_on_from_the_article_asked_for(lib_path: Path) -> None:
    with opened(lib_path) as library:
        ids = [s.id for s in library.summaries()]
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            for key in ("n", "n", "n"):  # faster than the stories load
                app.post_message(events.Key(key, key))
            await reader.settle()
            assert app.query_one(StoryView).article.id == ids[3]
            assert app.query_one(ArticleList).cursor == 3
            assert library.get(ids[0]).read and library.get(ids[3]).read


async def test_next_saves_the_position_of_the_article_left(lib_path: Path) -> None:
    from test_ui_data import article, story

    with opened(lib_path) as library:
        first, _ = library.add(
            article(950, title="Long one", published="2030-01-02T00:00", body=story(60, "Long one")), b"l1"
        )
        second, _ = library.add(
            article(951, title="Long two", published="2030-01-01T00:00", body=story(60, "Long two")), b"l2"
        )
        library.set_position(second, 30)
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            story_view = app.query_one(StoryView)
            await pilot.press("space", "space")
            read_to = story_view.scroll_y
            assert read_to > 20
            await pilot.press("n", "p", "n")  # back and forth before the stories are shown
            await reader.settle()
            assert story_view.article.id == second
            assert story_view.scroll_y == 30
            assert library.get_position(first) == read_to
            assert library.get_position(second) == 30
            assert library.get(first).read and library.get(second).read


async def test_fast_keys_while_long_stories_load_leave_a_working_story(lib_path: Path) -> None:
    from test_ui_data import article, story

    with opened(lib_path) as library:
        for n in range(4):
            library.add(
                article(970 + n, title=f"Long {n}", published=f"2030-01-0{n + 1}T00:00", body=story(120, f"Long {n}")),
                f"x{n}".encode(),
            )
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            keys = (["j", "enter", "escape"] * 3 + ["enter"] + ["n", "p"] * 3) * 3
            for n, key in enumerate(keys):
                app.post_message(events.Key(key, "\r" if key == "enter" else key))
                await asyncio.sleep((0, 0.002, 0.01, 0.03)[n % 4])
            await reader.settle(30)
            story_view = app.query_one(StoryView)
            shown = story_view.article
            screen = reader.main
            state = (
                f"mode {screen.mode}, article_id {screen.article_id}, shown {shown and shown.id}, "
                f"rendered {story_view.chunks_shown}/{story_view.chunks_total}, "
                f"workers {[(w.name, w.group, w.state.name) for w in app.workers]}"
            )
            assert shown is not None and shown.id == app.query_one(ArticleList).current_id, state
            parts = story_view.query("Markdown")
            assert story_view.fully_rendered and len(parts) == story_view.chunks_total
            assert all(part.is_running for part in parts)
            assert clean_text(shown.body).startswith(parts.first().source)
            story_view.focus()
            await pilot.press("G")
            assert story_view.scroll_y == story_view.max_scroll_y > 0


async def test_a_story_that_arrives_after_the_reader_went_back_is_not_shown(lib_path: Path) -> None:
    """The next article's story arrives, then the reader goes back before it is on screen: the list and the story agree."""
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("enter")
            await reader.settle()
            main = reader.main
            first = main.story.article
            assert first is not None and first.id is not None
            main.action_next_article()  # the next article is asked for
            second_id = main.article_id
            assert second_id is not None and second_id != first.id
            # Its story arrives, and the first is asked for again before the story is put on screen.
            main.post_message(MainScreen.Fetched(second_id, library.get(second_id), 0.0))
            main.post_message(ArticleList.Opened(main.article_list, first.id))
            await reader.settle()
            assert main.article_id == first.id
            shown = main.story.article
            assert shown is not None and shown.id == first.id


async def test_a_very_long_article_is_readable_to_its_end(lib_path: Path) -> None:
    """A 265,000-character story is shown whole, in chunks; G while it renders goes to its real end."""
    from test_ui_data import article, story

    with opened(lib_path) as library:
        body = story(1_100, "Endless")
        assert len(body) > 265_000
        long_id, _ = library.add(article(960, title="Endless", published="2031-01-01T00:00", body=body), b"e")
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press_busy("enter")
            await reader.wait_for(StoryView.Rendered, lambda m: m.article_id == long_id, busy=True)
            view = app.query_one(StoryView)
            assert view.chunks_total > 50 and not view.fully_rendered
            deadline = time.monotonic() + 30
            while view.max_scroll_y < 3:  # the first chunk laid out (a loaded machine may take a frame more)
                assert time.monotonic() < deadline, "the story's first chunk was never laid out"
                await pilot.handled()
            # the app answers keys while the rest renders
            await pilot.press_busy("j", "j")
            assert view.scroll_y == 2, f"focus {app.focused}, list cursor {app.query_one(ArticleList).cursor}"
            await pilot.press_busy("G")
            await reader.settle(60)
            assert view.fully_rendered
            await pilot.pause()
            assert view.scroll_y == view.max_scroll_y > 5_000
            parts = [m.source for m in view.query("Markdown")]
            assert len(parts) == view.chunks_total
            assert all(len(p) < 6_000 for p in parts)
            assert "\n\n".join(parts) == clean_text(body)
            assert "too long" not in "".join(str(s.render()) for s in app.screen.query("Static"))
            await pilot.press("escape", "j")
            assert app.query_one(ArticleList).cursor == 1


async def test_keys_arriving_together_all_count(lib_path: Path) -> None:
    """Ten j in one burst (slow SSH, a paste) move the story ten lines, and the list ten rows."""
    from test_ui_data import article, story

    with opened(lib_path) as library:
        library.add(article(961, title="Long", published="2031-01-01T00:00", body=story(60, "Long")), b"l")
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            for _ in range(10):
                app.post_message(events.Key("j", "j"))
            await reader.settle()
            assert app.query_one(ArticleList).cursor == 10
            await pilot.press("g", "enter")
            await reader.settle()
            view = app.query_one(StoryView)
            for _ in range(10):
                app.post_message(events.Key("j", "j"))
            await reader.settle()
            assert view.scroll_target_y == 10
            for _ in range(3):
                app.post_message(events.Key("space", " "))
            await reader.settle()
            assert view.scroll_target_y == 10 + 3 * view.scrollable_content_region.height


async def test_keys_typed_ahead_of_an_opening_article_leave_the_story_beside_the_cursor(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """enter, j, escape typed before the story arrives: back in the list, the story beside it is the cursor's."""
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, main = reader.app, reader.main
            await reader.settle()
            arrived = hold_articles(library, monkeypatch)  # the article opened is on its way
            for key in ("j", "enter", "j"):  # the second j reaches the list: the story is not there yet
                app.post_message(events.Key(key, "\r" if key == "enter" else key))
            await reader.wait_for(ArticleList.Highlighted, lambda m: m.index == 2, busy=True)
            assert main.mode is Mode.LOADING
            app.post_message(events.Key("escape", None))
            await reader.wait_for(ArticleList.Highlighted, lambda m: m.index == 1, busy=True)
            arrived.set()
            await reader.settle()
            shown = main.story.article
            assert main.mode is Mode.LIST
            assert shown is not None and shown.id == main.article_list.current_id


async def test_enter_typed_right_after_escape_opens_the_highlighted_article(lib_path: Path) -> None:
    """escape then enter in one burst while reading: the enter reaches the story, still focused, and still opens."""
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app = reader.app
            await reader.press("j", "enter")
            await reader.settle()
            main = reader.main
            assert main.mode is Mode.READING
            opened_id = main.article_id
            for key, character in (("escape", None), ("enter", "\r")):
                app.post_message(events.Key(key, character))
            await reader.settle()
            assert main.mode is Mode.READING and main.article_id == opened_id
            assert app.focused is main.story


async def test_narrow_layout_shows_one_pane_at_a_time(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library, (80, 24)) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            list_pane = app.screen.query_one("#list-pane")
            reader_pane = app.screen.query_one("#reader-pane")
            assert list_pane.display and not reader_pane.display
            assert list_pane.region.width == 80
            await pilot.press("enter")
            await reader.settle()
            assert reader_pane.display and not list_pane.display
            assert reader_pane.region.width == 80
            story = app.query_one(StoryView)
            # nothing cut off: the story's lines fit the width
            assert story.virtual_size.width <= story.scrollable_content_region.width
            await pilot.press("escape")
            await reader.settle()
            assert list_pane.display and not reader_pane.display
            assert isinstance(app.focused, ArticleList)
            # tab moves to the story pane and on through the teasers back to the list
            await pilot.press("tab")
            assert reader_pane.display and not list_pane.display and isinstance(app.focused, StoryView)
            await pilot.press("tab", "tab")
            assert list_pane.display and not reader_pane.display and isinstance(app.focused, ArticleList)


async def test_narrow_next_article_keeps_the_reader_on_screen_while_it_loads(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """n while reading in one pane: the story stays on screen until the next one is there (no flash of the list)."""
    with opened(lib_path) as library:
        async with run_reader(library, (80, 24)) as reader:
            app = reader.app
            await reader.press("enter")
            await reader.settle()
            first = app.query_one(StoryView).article
            arrived = hold_articles(library, monkeypatch)  # the next article is on its way
            await reader.press("n")
            assert reader.main.mode is Mode.LOADING
            assert app.screen.query_one("#reader-pane").display and not app.screen.query_one("#list-pane").display
            arrived.set()
            await reader.settle()
            shown = app.query_one(StoryView).article
            assert shown is not None and first is not None and shown.id != first.id
            assert app.screen.query_one("#reader-pane").display


async def test_narrow_position_is_kept_when_going_back_to_the_list_while_the_story_renders(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_ui_data import article, story

    from tuireader.ui.widgets import story_view

    monkeypatch.setattr(story_view, "CHUNK_CHARS", 1_000)
    monkeypatch.setattr(story_view, "FIRST_CHUNK_CHARS", 1_000)
    with opened(lib_path) as library:
        long_id, _ = library.add(
            article(950, title="A long read", published="2030-01-01T00:00", body=story(60, "A long read")), b"l"
        )
        library.set_position(long_id, 120)
        async with run_reader(library, (80, 24)) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            await pilot.press("enter", "escape")  # back to the list before the rest of the story is there
            await reader.settle()
            story_view_widget = app.query_one(StoryView)
            assert story_view_widget.fully_rendered
            await pilot.press("enter")
            await reader.settle()
            assert story_view_widget.scroll_y == 120
            await pilot.press("q")
            await reader.settle()
        assert library.get_position(long_id) == 120


async def test_a_long_story_left_lets_go_of_its_text_and_its_widgets(lib_path: Path) -> None:
    """Leaving a long story removes its widgets and frees them as they go, without a pass of the garbage collector.

    (Such a pass, freeing a whole story at once, held the screen up 50-120 ms.)
    """
    import gc
    import weakref

    from test_ui_data import article, story
    from textual.widgets.markdown import MarkdownBlock

    with opened(lib_path) as library:
        long_id, _ = library.add(
            article(940, title="Long", published="2031-02-01T00:00", body=story(300, "Long")), b"l"
        )
        other = library.summaries()[-1].id
        async with run_reader(library) as reader:
            reader.main.go_to_article(long_id)
            await reader.settle(60)
            view = reader.app.query_one(StoryView)
            assert view.article is not None and view.article.id == long_id and view.chunks_total > 4
            blocks = list(view.query(MarkdownBlock))
            assert len(blocks) > 20 and all(block.render().plain for block in blocks[:: len(blocks) // 10])
            freed = [weakref.ref(block) for block in blocks]
            kept = blocks[:: len(blocks) // 10]
            del blocks
            gc.collect()
            gc.disable()
            try:
                reader.main.go_to_article(other)
                await reader.settle(60)
                assert view.article is not None and view.article.id == other
                assert all(not block.is_attached and block.render().plain == "" for block in kept)
                del kept
                reader.seen.clear()  # the test's record of messages names the widgets; the reader keeps none
                assert sum(ref() is not None for ref in freed) == 0
            finally:
                gc.enable()
