"""Keyboard links: l lists the story's links, numbered; open (asking), copy, or read a stored one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_reader
from textual.widgets import OptionList
from ui_helpers import opened

from tuireader.ui.app import ReaderApp
from tuireader.ui.links import story_links
from tuireader.ui.screens.dialogs import ConfirmScreen
from tuireader.ui.screens.links import LinkScreen
from tuireader.ui.widgets.story_view import StoryView

BODY = (
    "One [first](https://one.example/), two [the festival](https://gazette.example/festival),\n"
    "three [third](https://three.example/x) and [bad](javascript:alert(1)) and [act](app.quit)."
)


def test_only_web_links_are_listed_in_reading_order() -> None:
    # file: and javascript: are no links to the markdown parser (nor on screen)
    links = story_links(BODY + " [file](file:///tmp/a.html) [again](https://one.example/)")
    assert [(link.number, link.text, link.url) for link in links] == [
        (1, "first", "https://one.example/"),
        (2, "the festival", "https://gazette.example/festival"),
        (3, "third", "https://three.example/x"),
    ]


async def test_the_third_link_by_number_opens_after_a_yes_and_a_stored_one_opens_in_the_reader(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_ui_data import article

    opened_urls: list[str] = []
    copied: list[str] = []
    monkeypatch.setattr(ReaderApp, "open_in_browser", lambda self, url: opened_urls.append(url) or True)
    monkeypatch.setattr(ReaderApp, "copy_to_clipboard", lambda self, text: copied.append(text))
    with opened(lib_path) as library:
        links_id, _ = library.add(article(980, title="With links", published="2040-01-01T00:00", body=BODY), b"l")
        async with run_reader(library) as reader:
            app = reader.app
            await reader.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            assert story.article.id == links_id
            await reader.press("l")
            await reader.settle()
            assert isinstance(app.screen, LinkScreen)
            assert app.screen.query_one(OptionList).option_count == 3
            await reader.press("3", "enter")
            await reader.settle()
            assert isinstance(app.screen, ConfirmScreen) and opened_urls == []
            await reader.press("y")
            await reader.settle()
            assert opened_urls == ["https://three.example/x"]
            # copy: only on request
            assert copied == []
            await reader.press("l", "1", "c")
            await reader.settle()
            assert copied == ["https://one.example/"]
            # a link naming a stored article opens it in the reader; escape comes back
            await reader.press("l")
            await reader.settle()
            assert isinstance(app.screen, LinkScreen)
            assert app.screen.stored == {
                "https://gazette.example/festival": library.ids_by_url(["https://gazette.example/festival"])[
                    "https://gazette.example/festival"
                ]
            }
            await reader.press("2", "enter")
            await reader.settle()
            assert story.article.title.startswith("Festival week")
            await reader.press("escape")
            await reader.settle()
            assert story.article.id == links_id
            assert opened_urls == ["https://three.example/x"]


async def test_a_story_without_links_says_so(lib_path: Path) -> None:
    from textual.widgets import Static

    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("j", "enter")
            await reader.settle()
            await reader.press("l")
            await reader.settle()
            screen = reader.app.screen
            assert isinstance(screen, LinkScreen)
            assert "no links" in str(screen.query_one("#links-title", Static).render())
            await reader.press("escape")
            assert not isinstance(reader.app.screen, LinkScreen)


async def test_web_links_are_terminal_hyperlinks_and_nothing_else_is(lib_path: Path) -> None:
    from test_ui_data import article
    from textual.style import Style
    from textual.widgets.markdown import MarkdownBlock

    with opened(lib_path) as library:
        library.add(article(981, title="Linked", published="2040-01-01T00:00", body=BODY), b"l")
        async with run_reader(library) as reader:
            await reader.press("enter")
            await reader.settle()
            story = reader.app.query_one(StoryView)
            links = {
                span.style.link
                for block in story.query(MarkdownBlock)
                for span in block.render().spans
                if isinstance(span.style, Style) and span.style.link
            }
            assert links == {"https://one.example/", "https://gazette.example/festival", "https://three.example/x"}
