"""The reader, driven with keys through Textual's Pilot, against a real library."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_ui_data import HOSTILE_TITLE, LINKED_TITLE, UNLINKED_TITLE, build_library
from textual import events
from textual.binding import Binding
from textual.widgets import Static
from textual.worker import WorkerCancelled

from tuireader.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.dialogs import ConfirmScreen, SectionScreen, TeaserInfoScreen
from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.main import MainScreen
from tuireader.ui.screens.search import SearchScreen
from tuireader.ui.text import clean_block as clean_text
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList

SIZE = (100, 30)


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    build_library(path).close()
    return path


@contextmanager
def opened(path: Path) -> Iterator[Library]:
    library = Library(path)
    try:
        yield library
    finally:
        library.close()


def main(app: ReaderApp) -> MainScreen:
    screen = app.main_screen
    assert screen is not None
    return screen


def row_text(article_list: ArticleList, index: int) -> str:
    y = index - round(article_list.scroll_y)
    return article_list.render_line(y).text


def static_text(app: ReaderApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the app's workers and the screen; a worker cancelled by a newer one is fine."""
    for _ in range(2):
        for _ in range(20):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await pilot.pause(0.01)
        await pilot.pause()


async def test_list_is_newest_first_with_unread_marks(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            article_list = app.query_one(ArticleList)
            assert article_list.row_count == library.count() == 15
            first = row_text(article_list, 0)
            assert "2025-01-02" in first and "Festival week" in first and "●" in first
            dates = [library.summaries()[i].published for i in range(3)]
            assert dates == sorted(dates, reverse=True)
            assert app.focused is article_list


async def test_enter_opens_the_article_and_marks_it_read(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "enter")
            await settle(pilot)
            expected = library.summaries()[1]
            story = app.query_one(StoryView)
            assert story.article is not None and story.article.id == expected.id
            assert app.focused is story
            assert library.get(expected.id).read
            assert "●" not in row_text(app.query_one(ArticleList), 1)[:3]
            assert static_text(app, "#story-title") == expected.title
            # u toggles it back to unread
            await pilot.press("u")
            assert not library.get(expected.id).read


async def test_header_shows_section_dates_reading_time_lead_and_caption(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            meta = static_text(app, "#story-meta")
            assert "Kultur" in meta and "2025-01-02 18:30" in meta and "updated 2025-01-03 07:15" in meta
            assert "min read" in meta
            assert static_text(app, "#story-caption").startswith("Image: Fireworks over the bay")
            assert static_text(app, "#story-lead").startswith("A short lead")


async def test_bookmark_persists_across_a_restart(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "b")
            await settle(pilot)
            target = library.summaries()[2]
            assert "★" in row_text(app.query_one(ArticleList), 2)
    with opened(lib_path) as library:
        assert library.get(target.id).bookmarked
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("3")
            await settle(pilot)
            article_list = app.query_one(ArticleList)
            assert article_list.row_count == 1
            assert article_list.current_id == target.id
            assert "★" in row_text(article_list, 0)
            # b again removes it
            await pilot.press("b")
            assert not library.get(target.id).bookmarked


async def test_view_and_last_article_are_restored(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "j", "enter")
            await settle(pilot)
            opened_id = library.summaries()[3].id
            await pilot.press("escape")
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            story = app.query_one(StoryView)
            assert story.article is not None and story.article.id == opened_id
            assert app.query_one(ArticleList).cursor == 3
            await pilot.press("2")
            await settle(pilot)
            assert main(app).view == "unread"
            assert app.query_one(ArticleList).row_count == library.count("unread") == 14
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert main(app).view == "unread"
            assert "2 Unread" in static_text(app, "#status")
            assert app.query_one(ArticleList).row_count == 14


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
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            assert app.query_one(StoryView).article.id == long_id
            await pilot.press("space", "space", "space")
            await settle(pilot)
            position = app.query_one(StoryView).scroll_y
            assert position > 40
            await pilot.press("q")
        assert library.get_position(long_id) == position
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.pause(0.2)
            story = app.query_one(StoryView)
            assert story.article.id == long_id
            assert story.scroll_y == position


async def test_story_keys_scroll_and_page(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "enter")
            await settle(pilot)
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


async def test_list_keys_move_page_and_jump(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
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


async def test_next_and_previous_article_while_reading(lib_path: Path) -> None:
    with opened(lib_path) as library:
        ids = [s.id for s in library.summaries()]
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            story = app.query_one(StoryView)
            await pilot.press("n")
            await settle(pilot)
            assert story.article.id == ids[1]
            await pilot.press("n")
            await settle(pilot)
            assert story.article.id == ids[2]
            await pilot.press("p")
            await settle(pilot)
            assert story.article.id == ids[1]
            assert library.get(ids[2]).read and library.get(ids[1]).read
            assert app.query_one(ArticleList).cursor == 1


async def test_next_pressed_before_the_story_shows_goes_on_from_the_article_asked_for(lib_path: Path) -> None:
    with opened(lib_path) as library:
        ids = [s.id for s in library.summaries()]
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            for key in ("n", "n", "n"):  # faster than the stories load
                app.post_message(events.Key(key, key))
            await settle(pilot)
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
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            story_view = app.query_one(StoryView)
            await pilot.press("space", "space")
            read_to = story_view.scroll_y
            assert read_to > 20
            await pilot.press("n", "p", "n")  # back and forth before the stories are shown
            await settle(pilot)
            await pilot.pause(0.2)
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
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            keys = (["j", "enter", "escape"] * 3 + ["enter"] + ["n", "p"] * 3) * 3
            for n, key in enumerate(keys):
                app.post_message(events.Key(key, "\r" if key == "enter" else key))
                await asyncio.sleep((0, 0.002, 0.01, 0.03)[n % 4])
            await asyncio.wait_for(settle(pilot), 30)
            story_view = app.query_one(StoryView)
            shown = story_view.article
            assert shown is not None and shown.id == app.query_one(ArticleList).current_id
            parts = story_view.query("Markdown")
            assert story_view.fully_rendered and len(parts) == story_view.chunks_total
            assert all(part.is_running for part in parts)
            assert clean_text(shown.body).startswith(parts.first().source)
            story_view.focus()
            await pilot.press("G")
            assert story_view.scroll_y == story_view.max_scroll_y > 0


async def test_search_finds_and_opens(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("slash")
            assert isinstance(app.screen, SearchScreen)
            await pilot.press(*"floating")
            await settle(pilot)
            await pilot.pause(0.3)
            await settle(pilot)
            assert app.screen.hits and app.screen.hits[0].title == LINKED_TITLE
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            story = app.query_one(StoryView)
            assert story.article.title == LINKED_TITLE
            assert app.query_one(ArticleList).current_id == story.article.id


async def test_search_finds_while_the_last_word_is_being_typed(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("slash", *"harbour flo")
            await settle(pilot)
            await pilot.pause(0.3)
            await settle(pilot)
            assert [hit.title for hit in app.screen.hits] == [LINKED_TITLE]
            # two letters are not yet a prefix; after a space the word is complete
            for typed in ("harbour fl", "harbour flo "):
                app.screen.query_one("#search-input").value = typed
                await settle(pilot)
                await pilot.pause(0.3)
                await settle(pilot)
                assert app.screen.hits == []


async def test_escape_leaves_search(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("slash", "x", "escape")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            assert (
                app.query_one(StoryView).article is None
                or app.query_one(StoryView).article.id == library.summaries()[0].id
            )


async def test_teasers_are_apart_and_a_teaser_opens_its_linked_article(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            story = app.query_one(StoryView)
            markdown_source = "".join(m.source for m in story.query("Markdown"))
            assert LINKED_TITLE not in markdown_source  # the teasers are not in the story
            assert static_text(app, "#teaser-label").startswith("Mehr zum Thema")
            await pilot.press("r")
            assert isinstance(app.focused, TeaserList)
            await pilot.press("enter")
            await settle(pilot)
            assert story.article.title == LINKED_TITLE
            assert library.get(story.article.id).read


async def test_unlinked_teaser_shows_its_summary_and_date(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("r", "j", "enter")
            await settle(pilot)
            assert isinstance(app.screen, TeaserInfoScreen)
            text = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert UNLINKED_TITLE in text and "2024-03-01" in text and "runs again from Monday" in text
            await pilot.press("escape", "j", "enter")
            await settle(pilot)
            text = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert "Sponsored" in text


async def test_tab_cycles_list_story_and_teasers(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("escape")
            assert isinstance(app.focused, ArticleList)
            await pilot.press("tab")
            assert isinstance(app.focused, StoryView)
            await pilot.press("tab")
            assert isinstance(app.focused, TeaserList)
            await pilot.press("tab")
            assert isinstance(app.focused, ArticleList)
            await pilot.press("shift+tab")
            assert isinstance(app.focused, TeaserList)
            await pilot.press("escape")
            assert isinstance(app.focused, StoryView)


async def test_o_asks_before_opening_the_browser(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened_urls: list[str] = []
    monkeypatch.setattr(ReaderApp, "open_in_browser", lambda self, url: opened_urls.append(url) or True)
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("o")
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            await settle(pilot)
            assert opened_urls == []
            await pilot.press("o", "y")
            await settle(pilot)
            assert opened_urls == ["https://gazette.example/festival"]
            # An article without a URL: o does nothing and is not offered.
            await pilot.press("n")
            await settle(pilot)
            assert not main(app).check_action("open_url", ())
            await pilot.press("o")
            assert isinstance(app.screen, MainScreen)
            assert len(opened_urls) == 1


async def test_section_filter(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            assert isinstance(app.screen, SectionScreen)
            sections = library.sections()
            await pilot.press(*["down"] * (sections.index("Wirtschaft") + 1), "enter")
            await settle(pilot)
            article_list = app.query_one(ArticleList)
            assert main(app).section == "Wirtschaft"
            assert article_list.row_count == library.count("all", "Wirtschaft") == 4
            assert all(library.summaries("all", "Wirtschaft")[i].section == "Wirtschaft" for i in range(4))
            assert "section: Wirtschaft" in static_text(app, "#status")
            await pilot.press("s", "home", "enter")
            await settle(pilot)
            assert article_list.row_count == 15


async def test_help_lists_every_key(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = "\n".join(str(s.render()) for s in app.screen.query("#help-body Static"))
            # every binding of every part of the reader is listed with its id
            for _title, bindings in app.help_groups():
                for binding in bindings:
                    if isinstance(binding, Binding) and binding.id:
                        assert binding.id in text, binding.id
            for description in (
                "Full-text search",
                "Bookmark",
                "Mark read",
                "Next article",
                "Previous article",
                "Jump to the teasers",
                "browser",
                "Show all articles",
                "Show unread articles",
                "Show bookmarks",
                "Quit",
                "Read the article",
                "Page down",
                "Cycle list, story, teasers",
                "Open the teaser",
                "Command palette",
            ):
                assert description in text, description
            for key in ("/", "space", "G", "tab", "^p", "esc", "1", "2", "3", "?"):
                assert key in text, key
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)


async def test_footer_shows_only_keys_that_apply(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main(app)
            assert not screen.check_action("next_article", ())
            assert not screen.check_action("teasers", ())
            await pilot.press("enter")
            await settle(pilot)
            assert screen.check_action("next_article", ())
            assert screen.check_action("teasers", ())
            assert screen.check_action("open_url", ())
            active = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
            assert {"teasers", "open_url", "next_article"} <= active


async def test_narrow_layout_shows_one_pane_at_a_time(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            list_pane = app.screen.query_one("#list-pane")
            reader_pane = app.screen.query_one("#reader-pane")
            assert list_pane.display and not reader_pane.display
            assert list_pane.region.width == 80
            await pilot.press("enter")
            await settle(pilot)
            assert reader_pane.display and not list_pane.display
            assert reader_pane.region.width == 80
            story = app.query_one(StoryView)
            # nothing cut off: the story's lines fit the width
            assert story.virtual_size.width <= story.scrollable_content_region.width
            await pilot.press("escape")
            await settle(pilot)
            assert list_pane.display and not reader_pane.display
            assert isinstance(app.focused, ArticleList)
            # tab moves to the story pane and on through the teasers back to the list
            await pilot.press("tab")
            assert reader_pane.display and not list_pane.display and isinstance(app.focused, StoryView)
            await pilot.press("tab", "tab")
            assert list_pane.display and not reader_pane.display and isinstance(app.focused, ArticleList)


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
        app = ReaderApp(library)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("enter", "escape")  # back to the list before the rest of the story is there
            await settle(pilot)
            await pilot.pause(0.2)
            story_view_widget = app.query_one(StoryView)
            assert story_view_widget.fully_rendered
            await pilot.press("enter")
            await settle(pilot)
            await pilot.pause(0.2)
            assert story_view_widget.scroll_y == 120
            await pilot.press("q")
        assert library.get_position(long_id) == 120


async def test_markup_in_titles_and_control_codes_are_shown_as_text(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=(140, 30)) as pilot:
            await pilot.press("G", "enter")
            await settle(pilot)
            assert static_text(app, "#story-title") == HOSTILE_TITLE
            lead = static_text(app, "#story-lead")
            assert "[red]markup[/red]" in lead and "\x1b" not in lead and "escape" in lead
            row = row_text(app.query_one(ArticleList), 14)
            assert "Markup stays text: [/i] [b]bold" in row
            body = "".join(m.source for m in app.query_one(StoryView).query("Markdown"))
            assert "\x1b" not in body and "[bold]markup[/bold]" in body
            screenshot = app.export_screenshot()
            assert "\x1b" not in screenshot
            assert "[/i]" in screenshot.replace("&#160;", " ")


async def test_theme_choice_persists(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            assert app.theme == "nightdesk"
            assert {"newspaper", "nightdesk", "high-contrast"} <= set(app.available_themes)
            app.theme = "newspaper"
            await settle(pilot)
    with opened(lib_path) as library:
        assert library.get_setting("theme") == "newspaper"
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            assert app.theme == "newspaper"
            assert not app.current_theme.dark


async def test_broken_theme_file_gets_a_notification_and_a_fallback(lib_path: Path, home: Path) -> None:
    themes = home / "themes"
    themes.mkdir()
    (themes / "broken.toml").write_text("name = 'broken'\nprimary = [1, 2", encoding="utf-8")
    (themes / "badcolour.toml").write_text("name = 'badcolour'\nprimary = 'not-a-colour'\n", encoding="utf-8")
    (themes / "mine.toml").write_text("name = 'mine'\ndark = true\nprimary = '#ff8800'\n", encoding="utf-8")
    with opened(lib_path) as library:
        library.set_setting("theme", "badcolour")
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert any("broken.toml" in m for m in messages)
            assert any("badcolour.toml" in m for m in messages)
            assert app.theme == "nightdesk"
            assert "mine" in app.available_themes


async def test_keys_can_be_remapped_in_the_config_file(lib_path: Path, home: Path) -> None:
    (home / "config.toml").write_text('[keys]\n"article.bookmark" = "x"\n', encoding="utf-8")
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            first = library.summaries()[0].id
            await pilot.press("b")
            assert not library.get(first).bookmarked
            await pilot.press("x")
            assert library.get(first).bookmarked
            await pilot.press("question_mark")
            cells = [str(s.render()) for s in app.screen.query(".help-keys > Static")]
            rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
            assert ["x", "Bookmark / remove the bookmark", "article.bookmark"] in rows


async def test_broken_config_file_gets_a_notification(lib_path: Path, home: Path) -> None:
    (home / "config.toml").write_text("theme = \n", encoding="utf-8")
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert any("config.toml" in n.message for n in app._notifications)
            assert app.theme == "nightdesk"


async def test_command_palette_opens_an_article_by_title(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.press(*"floating")
            await pilot.pause(0.5)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            story = app.query_one(StoryView)
            assert story.article is not None and story.article.title == LINKED_TITLE


async def test_command_palette_switches_view(lib_path: Path) -> None:
    with opened(lib_path) as library:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.press(*"View: Bookmarks")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await settle(pilot)
            assert main(app).view == "bookmarks"


async def test_a_big_list_fetches_only_what_is_shown(tmp_path: Path) -> None:
    from test_ui_data import article

    with opened(tmp_path / "big.db") as library:
        for i in range(1500):
            library.add(article(i, title=f"Generated {i}"), f"g{i}".encode())
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            article_list = app.query_one(ArticleList)
            assert article_list.row_count == 1500
            assert article_list.fetches == 1
            await pilot.press("G")
            await settle(pilot)
            assert article_list.current_id == library.summaries(offset=1499, limit=1)[0].id
            assert article_list.fetches <= 3


async def test_a_very_long_article_renders_in_chunks(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_ui_data import article, story

    from tuireader.ui.widgets import story_view

    # Smaller limits than the real ones keep the test quick; the mechanism is the same.
    monkeypatch.setattr(story_view, "MAX_CHARS", 40_000)
    monkeypatch.setattr(story_view, "CHUNK_CHARS", 3_000)
    monkeypatch.setattr(story_view, "FIRST_CHUNK_CHARS", 2_000)
    with opened(lib_path) as library:
        body = story(300, "Endless")  # ~75 KB
        long_id, _ = library.add(article(960, title="Endless", published="2031-01-01T00:00", body=body), b"e")
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.pause(0.3)
            view = app.query_one(StoryView)
            assert view.article is not None and view.article.id == long_id
            assert view.chunks_total > 10
            assert "goes on for another" in static_text(app, "#story-cut")
            # the app still answers keys while the rest renders
            await pilot.press("j", "j")
            assert view.scroll_y == 2
            await settle(pilot)
            assert view.fully_rendered
            parts = [m.source for m in view.query("Markdown")]
            assert len(parts) == view.chunks_total
            assert len(parts[0]) < 3_000 and all(len(p) < 4_500 for p in parts)
            shown = "\n\n".join(parts)
            assert 35_000 < len(shown) <= 40_000 and body.startswith(shown)
            await pilot.press("escape", "j")
            assert app.query_one(ArticleList).cursor == 1


async def test_first_start_imports_the_samples(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_app on an empty library imports the bundled samples before the app opens."""
    from tuireader.paths import library_file, samples_dir
    from tuireader.ui import app as app_module

    seen: dict[str, object] = {}

    def fake_run(self: ReaderApp) -> None:
        seen["count"] = self.library.count()
        seen["messages"] = list(self.startup_messages)

    monkeypatch.setattr(app_module.ReaderApp, "run", fake_run)
    assert app_module.run_app() == 0
    samples = [p for p in samples_dir().iterdir() if p.is_file()]
    assert seen["count"] >= 1 and seen["count"] <= len(samples)
    assert any("sample" in m for m, _ in seen["messages"])  # type: ignore[union-attr]
    assert library_file().exists()
    # A second start does not import them again.
    assert app_module.run_app() == 0
    assert not any("sample" in m for m, _ in seen["messages"])  # type: ignore[union-attr]


async def test_the_real_sample_shows_story_and_teasers_apart(tmp_path: Path) -> None:
    from tuireader.paths import samples_dir

    with opened(tmp_path / "samples.db") as library:
        report = library.import_paths([samples_dir()])
        assert report.imported and not report.failed
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("/")
            await pilot.press(*"Kasachstan")
            await pilot.pause(0.4)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            story = app.query_one(StoryView)
            assert story.article is not None and "Kasachstan" in story.article.title
            assert static_text(app, "#teaser-label").startswith("Mehr zum Thema")
            body = "".join(m.source for m in story.query("Markdown"))
            for teaser in story.article.related:
                assert teaser.title not in body


async def test_a_link_in_the_story_opens_only_after_a_yes(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_ui_data import article
    from textual.widgets import Markdown

    opened_urls: list[str] = []
    monkeypatch.setattr(ReaderApp, "open_in_browser", lambda self, url: opened_urls.append(url) or True)
    with opened(lib_path) as library:
        library.add(
            article(
                970,
                title="With links",
                published="2032-01-01T00:00",
                body="See [the report](https://example.org/report) and [this](javascript:alert(1)).",
            ),
            b"links",
        )
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            markdown = app.query_one(StoryView).query_one(Markdown)
            markdown.post_message(Markdown.LinkClicked(markdown, "https://example.org/report"))
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert opened_urls == []
            await pilot.press("y")
            await settle(pilot)
            assert opened_urls == ["https://example.org/report"]
            markdown.post_message(Markdown.LinkClicked(markdown, "javascript:alert(1)"))
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            assert opened_urls == ["https://example.org/report"]


async def test_paths_given_on_the_command_line_are_imported_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuireader.paths import samples_dir
    from tuireader.ui import app as app_module

    seen: dict[str, object] = {}

    def fake_run(self: ReaderApp) -> None:
        seen["titles"] = [s.title for s in self.library.summaries()]
        seen["messages"] = [m for m, _ in self.startup_messages]

    monkeypatch.setattr(app_module.ReaderApp, "run", fake_run)
    sample = sorted(p for p in samples_dir().iterdir() if p.name.startswith("dwn-"))[0]
    assert app_module.run_app(library=tmp_path / "cli.db", paths=[str(sample)]) == 0
    assert len(seen["titles"]) == 1 and "Kasachstan" in seen["titles"][0]  # type: ignore[index]
    assert any(m.startswith("Imported 1 article") for m in seen["messages"])  # type: ignore[union-attr]
    assert not any("sample" in m for m in seen["messages"])  # type: ignore[union-attr]


async def test_teasers_without_a_page_label_are_labelled_related(lib_path: Path) -> None:
    from test_ui_data import article

    from tuireader.model import Teaser

    with opened(lib_path) as library:
        library.add(
            article(
                980,
                title="Unlabelled teasers",
                published="2033-01-01T00:00",
                related=[Teaser(title="Something else", date="2024-01-01")],
            ),
            b"unlabelled",
        )
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await settle(pilot)
            assert static_text(app, "#teaser-label").startswith("Related  1 teaser,")
            # an article without teasers shows no teaser block and offers no r key
            await pilot.press("n")  # the festival, with teasers
            await settle(pilot)
            await pilot.press("n")
            await settle(pilot)
            assert not app.query_one(StoryView).article.related
            assert not app.query_one("#teasers").display
            assert not main(app).check_action("teasers", ())
