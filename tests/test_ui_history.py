"""Back keeps the place: teasers → story where it was; a teaser's article → the article before, at its line."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
from test_ui_data import LINKED_TITLE
from ui_helpers import opened

from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList


async def test_escape_after_r_returns_the_story_to_where_it_was(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app = reader.app
            await reader.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            await reader.press("j", "j", "j")
            await reader.settle()
            assert story.scroll_target_y == 3
            await reader.press("r")
            await reader.settle()
            assert isinstance(app.focused, TeaserList) and story.scroll_target_y > 3
            await reader.press("escape")
            await reader.settle()
            assert app.focused is story and story.scroll_target_y == 3


async def test_escape_after_a_teaser_returns_to_the_article_before_at_its_place(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app = reader.app
            await reader.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            first = story.article.id
            await reader.press("j", "j")
            await reader.press("r", "enter")  # the teaser names a stored article
            await reader.settle()
            assert story.article.title == LINKED_TITLE
            await reader.press("j")
            await reader.settle()
            await reader.press("escape")
            await reader.settle()
            assert story.article.id == first and app.focused is story
            assert story.scroll_target_y == 2
            # from the first article, escape goes to the list
            await reader.press("backspace")
            await reader.settle()
            assert isinstance(app.focused, ArticleList)
            assert app.query_one(ArticleList).current_id == first
