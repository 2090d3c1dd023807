"""The faults a careful reviewer found in the reader, each driven the way a user meets it.

A hang is tested in a child process with a deadline: a deadlocked event loop
cannot time itself out.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from test_ui_data import LINKED_TITLE, article, build_library, story

from tuireader.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView

ROOT = Path(__file__).resolve().parent.parent
SIZE = (100, 30)


async def until(pilot, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds (each round waits for the screen to be idle)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause()


QUIT_WITH_FAILING_WRITE = textwrap.dedent(
    """
    import asyncio, json, sys, time
    sys.path.insert(0, {tests!r})
    from test_ui_data import build_library
    from tuireader.library import Library, LibraryError
    from tuireader.ui.app import ReaderApp

    def failing(self, *args, **kwargs):
        time.sleep(0.3)  # a busy library: the write fails only after a while
        raise LibraryError("library is busy (locked by another tuireader); try again")

    async def main():
        library = build_library({path!r})
        Library.set_read = failing
        Library.set_position = failing
        Library.set_setting = failing
        app = ReaderApp(library)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            await pilot.press("q")
        print(json.dumps({{"exited": True, "unsaved": list(getattr(app, "unsaved", []))}}))

    asyncio.run(main())
    """
)


def test_quitting_while_a_write_fails_does_not_hang_and_says_what_was_not_saved(tmp_path: Path) -> None:
    script = QUIT_WITH_FAILING_WRITE.format(tests=str(ROOT / "tests"), path=str(tmp_path / "library.db"))
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=20, cwd=str(tmp_path)
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the reader hung on quit while a write was failing")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["exited"]
    assert any("read mark" in item for item in result["unsaved"]), result


async def test_u_after_opening_is_not_undone_by_a_queued_read_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = build_library(tmp_path / "library.db")
    first, _ = library.add(article(950, title="Long one", published="2030-01-02T00:00", body=story(60, "L")), b"l1")
    second, _ = library.add(article(951, title="Long two", published="2030-01-01T00:00", body=story(60, "M")), b"l2")
    slow_position = Library.set_position

    def behind(self: Library, article_id: int, value: float) -> bool:
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.5)  # the writer is behind
        return slow_position(self, article_id, value)

    monkeypatch.setattr(Library, "set_position", behind)
    try:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            story_view = app.query_one(StoryView)
            await until(pilot, lambda: story_view.article is not None and story_view.article.id == first)
            await pilot.press("space", "n")
            await until(pilot, lambda: story_view.article is not None and story_view.article.id == second)
            await pilot.press("u")
            row = app.query_one(ArticleList).current
            assert row is not None and row.id == second and not row.read  # the screen says unread
            await pilot.press("q")
        assert not library.get(second).read  # and so does the library
        assert library.get(first).read
    finally:
        library.close()


async def test_quitting_while_an_article_loads_does_not_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = build_library(tmp_path / "library.db")
    get = Library.get
    story_gone = threading.Event()

    def slow_get(self: Library, article_id: int):  # type: ignore[no-untyped-def]
        story_gone.wait(5)  # the article arrives while the screen is being taken down
        return get(self, article_id)

    monkeypatch.setattr(Library, "get", slow_get)
    monkeypatch.setattr(StoryView, "on_unmount", lambda self: story_gone.set(), raising=False)
    try:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "q")
        assert app.return_code in (0, None)
    finally:
        story_gone.set()
        library.close()


async def test_an_import_by_another_process_shows_without_a_key_and_search_opens_the_hit(tmp_path: Path) -> None:
    from tuireader.paths import samples_dir

    path = tmp_path / "library.db"
    library = build_library(path)
    try:
        app = ReaderApp(library)
        async with app.run_test(size=SIZE) as pilot:
            article_list = app.query_one(ArticleList)
            await until(pilot, lambda: article_list.row_count == 15)
            done = subprocess.run(
                [sys.executable, "-m", "tuireader", "import", "--library", str(path), str(samples_dir())],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
            with Library(path) as other:
                total = other.count()
            assert total > 15
            status = app.screen.query_one("#status")
            # the count catches up without a key
            await until(pilot, lambda: f"{total} articles" in str(status.render()), timeout=5)
            await pilot.press("slash", *"floating")
            await until(pilot, lambda: bool(getattr(app.screen, "hits", None)))
            await pilot.press("enter")
            story_view = app.query_one(StoryView)
            await until(pilot, lambda: story_view.article is not None and story_view.article.title == LINKED_TITLE)
            current = article_list.current
            assert current is not None and current.id == story_view.article.id
            assert current.title == LINKED_TITLE and current.read
        assert library.get(story_view.article.id).read
    finally:
        library.close()
