"""The reading column: a 200-column terminal reads like a page."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
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
