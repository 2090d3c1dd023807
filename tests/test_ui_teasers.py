"""Teasers, links and the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Reader, run_reader
from test_ui_data import LINKED_TITLE, UNLINKED_TITLE
from textual.widgets import Static
from ui_helpers import main, opened, static_text

from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.dialogs import ConfirmScreen, TeaserInfoScreen
from tuireader.ui.screens.main import MainScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList


async def test_teasers_are_apart_and_a_teaser_opens_its_linked_article(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            markdown_source = "".join(m.source for m in story.query("Markdown"))
            assert LINKED_TITLE not in markdown_source  # the teasers are not in the story
            assert static_text(app, "#teaser-label").startswith("Mehr zum Thema")
            await pilot.press("r")
            assert isinstance(app.focused, TeaserList)
            await pilot.press("enter")
            await reader.settle()
            assert story.article.title == LINKED_TITLE
            assert library.get(story.article.id).read


async def test_unlinked_teaser_shows_its_summary_and_date(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            await pilot.press("r", "j", "enter")
            await reader.settle()
            assert isinstance(app.screen, TeaserInfoScreen)
            text = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert UNLINKED_TITLE in text and "2024-03-01" in text and "runs again from Monday" in text
            await pilot.press("escape", "j", "enter")
            await reader.settle()
            text = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert "Sponsored" in text


async def test_tab_cycles_list_story_and_teasers(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
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
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            await pilot.press("o")
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            await reader.settle()
            assert opened_urls == []
            await pilot.press("o", "y")
            await reader.settle()
            assert opened_urls == ["https://gazette.example/festival"]
            # An article without a URL: o does nothing and is not offered.
            await pilot.press("n")
            await reader.settle()
            assert not main(app).check_action("open_url", ())
            await pilot.press("o")
            assert isinstance(app.screen, MainScreen)
            assert len(opened_urls) == 1


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
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            markdown = app.query_one(StoryView).query_one(Markdown)
            markdown.post_message(Markdown.LinkClicked(markdown, "https://example.org/report"))
            await reader.settle()
            assert isinstance(app.screen, ConfirmScreen)
            assert opened_urls == []
            await pilot.press("y")
            await reader.settle()
            assert opened_urls == ["https://example.org/report"]
            markdown.post_message(Markdown.LinkClicked(markdown, "javascript:alert(1)"))
            await reader.settle()
            assert isinstance(app.screen, MainScreen)
            assert opened_urls == ["https://example.org/report"]


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
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("enter")
            await reader.settle()
            assert static_text(app, "#teaser-label").startswith("Related  1 teaser,")
            # an article without teasers shows no teaser block and offers no r key
            await pilot.press("n")  # the festival, with teasers
            await reader.settle()
            await pilot.press("n")
            await reader.settle()
            assert not app.query_one(StoryView).article.related
            assert not app.query_one("#teasers").display
            assert not main(app).check_action("teasers", ())


async def test_a_browser_that_does_not_start_is_reported(
    reader: Reader, monkeypatch: pytest.MonkeyPatch, notifications: list[str]
) -> None:
    monkeypatch.setattr(ReaderApp, "open_in_browser", lambda self, url: False)
    await reader.press("enter")
    await reader.settle()
    await reader.press("o", "y")
    await reader.settle()
    assert "No web browser could be started." in notifications
