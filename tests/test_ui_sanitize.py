"""Untrusted article text on every surface of the reader: shown as text, never obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_reader
from test_ui_data import HOSTILE_TITLE, build_library
from ui_helpers import opened, row_text, static_text

from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    build_library(path).close()
    return path


async def test_markup_in_titles_and_control_codes_are_shown_as_text(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library, (140, 30)) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("G", "enter")
            await reader.settle()
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
