"""Small helpers for the reader's Pilot tests (no tests here)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from textual.widgets import Static

from tuireader.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.main import MainScreen
from tuireader.ui.widgets.article_list import ArticleList


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
