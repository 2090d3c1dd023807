"""The reading column: a 200-column terminal reads like a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_reader
from textual.widget import Widget
from ui_helpers import opened

from tuireader.config import Config
from tuireader.ui.widgets.story_view import StoryHeader, StoryView


async def test_the_story_keeps_to_a_centred_column_on_a_wide_terminal(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library, (200, 50)) as reader:
            await reader.press("enter")
            await reader.settle()
            story = reader.app.query_one(StoryView)
            body = story.query_one(".story-body")
            header = story.query_one(StoryHeader)
            assert body.region.width == header.region.width == 80
            pane = story.scrollable_content_region
            left, right = body.region.x - pane.x, pane.right - body.region.right
            assert abs(left - right) <= 2  # the scrollbar gutter


@pytest.mark.parametrize("size", [(200, 50), (80, 24)])
async def test_the_header_text_lines_up_with_the_story_text(lib_path: Path, size: tuple[int, int]) -> None:
    from textual.widgets import Markdown

    with opened(lib_path) as library:
        async with run_reader(library, size) as reader:
            await reader.press("enter")
            await reader.settle()
            story = reader.app.query_one(StoryView)
            title = story.query_one("#story-title").content_region
            paragraph = story.query_one(Markdown).query("MarkdownParagraph").first().content_region
            assert title.x == paragraph.x


async def test_reading_width_comes_from_the_config_and_zero_means_the_whole_pane(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library, (200, 50), config=Config(reading_width=0)) as reader:
            await reader.press("enter")
            await reader.settle()
            story = reader.app.query_one(StoryView)
            assert story.query_one(".story-body").region.width == story.scrollable_content_region.width
        async with run_reader(library, (200, 50), config=Config(reading_width=60)) as reader:
            await reader.press("enter")
            await reader.settle()
            assert reader.app.query_one(StoryView).query_one(".story-body").region.width == 60


@pytest.mark.parametrize("width", [80, 64])
async def test_help_stays_in_the_footer_when_narrow(lib_path: Path, width: int) -> None:
    from textual.widgets import Footer

    from tuireader.ui.textual_adapter import footer_key_action

    def help_key(app: object) -> Widget | None:
        footer = reader.app.screen.query_one(Footer)
        return next((w for w in footer.walk_children() if footer_key_action(w) == "help"), None)

    with opened(lib_path) as library:
        async with run_reader(library, (width, 24)) as reader:
            for keys in ((), ("enter",)):
                await reader.press(*keys)
                await reader.settle()

                def shown() -> bool:
                    key = help_key(reader.app)
                    return key is not None and bool(key.region.width)

                await reader.until(shown)  # the footer is rebuilt a moment after the keys change
                key = help_key(reader.app)
                assert key is not None
                assert key.region.width and key.region.right <= width and key.region.y == 23
