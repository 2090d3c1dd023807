"""Search and the command palette."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
from test_ui_data import LINKED_TITLE
from ui_helpers import main, opened, static_text

from tuireader.ui.screens.main import MainScreen
from tuireader.ui.screens.search import SearchScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView


async def test_search_finds_and_opens(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("slash")
            assert isinstance(app.screen, SearchScreen)
            await pilot.press(*"floating")
            await reader.settle()
            assert app.screen.hits and app.screen.hits[0].title == LINKED_TITLE
            await pilot.press("enter")
            await reader.settle()
            assert isinstance(app.screen, MainScreen)
            story = app.query_one(StoryView)
            assert story.article.title == LINKED_TITLE
            assert app.query_one(ArticleList).current_id == story.article.id


async def test_search_finds_while_the_last_word_is_being_typed(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("slash", *"harbour flo")
            await reader.settle()
            assert [hit.title for hit in app.screen.hits] == [LINKED_TITLE]
            # two letters are not yet a prefix; after a space the word is complete
            for typed in ("harbour fl", "harbour flo "):
                app.screen.query_one("#search-input").value = typed
                await reader.settle()
                assert app.screen.hits == []


async def test_escape_leaves_search(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("slash", "x", "escape")
            await reader.settle()
            assert isinstance(app.screen, MainScreen)
            assert (
                app.query_one(StoryView).article is None
                or app.query_one(StoryView).article.id == library.summaries()[0].id
            )


async def test_command_palette_opens_an_article_by_title(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("ctrl+p")
            await pilot.press(*"floating")
            await reader.settle()
            await pilot.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            assert story.article is not None and story.article.title == LINKED_TITLE


async def test_command_palette_switches_view(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("ctrl+p")
            await pilot.press(*"View: Bookmarks")
            await reader.settle()
            await pilot.press("enter")
            await reader.settle()
            assert main(app).view == "bookmarks"


async def test_the_real_sample_shows_story_and_teasers_apart(tmp_path: Path) -> None:
    from tuireader.paths import samples_dir

    with opened(tmp_path / "samples.db") as library:
        report = library.import_paths([samples_dir()])
        assert report.imported and not report.failed
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("/")
            await pilot.press(*"Kasachstan")
            await reader.settle()
            await pilot.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            assert story.article is not None and "Kasachstan" in story.article.title
            assert static_text(app, "#teaser-label").startswith("Mehr zum Thema")
            body = "".join(m.source for m in story.query("Markdown"))
            for teaser in story.article.related:
                assert teaser.title not in body
