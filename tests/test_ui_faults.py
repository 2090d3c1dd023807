"""The faults a careful reviewer found in the reader, each driven the way a user meets it.

A hang is tested in a child process with a deadline: a deadlocked event loop
cannot time itself out.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from conftest import Reader, run_reader
from test_ui_data import LINKED_TITLE, article, story

from tuireader.library import Library
from tuireader.ui.screens.main import MainScreen
from tuireader.ui.screens.search import SearchScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView

ROOT = Path(__file__).resolve().parent.parent


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
            while app.main_screen.article_list.row_count == 0:  # the list is read by a worker
                await pilot.pause()
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
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = library.add(article(950, title="Long one", published="2030-01-02T00:00", body=story(60, "L")), b"l1")
    second, _ = library.add(article(951, title="Long two", published="2030-01-01T00:00", body=story(60, "M")), b"l2")
    set_position = Library.set_position

    def behind(self: Library, article_id: int, value: float) -> bool:
        time.sleep(0.5)  # the writer is behind
        return set_position(self, article_id, value)

    monkeypatch.setattr(Library, "set_position", behind)
    async with run_reader(library) as reader:
        await reader.press("enter")
        await reader.wait_for(StoryView.Rendered, lambda m: m.article_id == first)
        await reader.press("space", "n")  # leaving the first article saves its position: slowly
        await reader.wait_for(StoryView.Rendered, lambda m: m.article_id == second)
        await reader.press("u")
        row = reader.app.query_one(ArticleList).current
        assert row is not None and row.id == second and not row.read  # the screen says unread
        await reader.press("q")
    assert not library.get(second).read  # and so does the library
    assert library.get(first).read


async def test_quitting_while_an_article_loads_does_not_crash(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    get = Library.get
    story_gone = threading.Event()

    def slow_get(self: Library, article_id: int):  # type: ignore[no-untyped-def]
        story_gone.wait(5)  # the article arrives while the screen is being taken down
        return get(self, article_id)

    monkeypatch.setattr(Library, "get", slow_get)
    monkeypatch.setattr(StoryView, "on_unmount", lambda self: story_gone.set(), raising=False)
    try:
        async with run_reader(library) as reader:
            await reader.press("enter", "q")
        assert reader.app.return_code == 0
    finally:
        story_gone.set()


async def test_an_import_by_another_process_shows_without_a_key_and_search_opens_the_hit(library: Library) -> None:
    from tuireader.paths import samples_dir

    async with run_reader(library) as reader:
        article_list = reader.app.query_one(ArticleList)
        assert article_list.row_count == 15
        done = subprocess.run(
            [sys.executable, "-m", "tuireader", "import", "--library", str(library.path), str(samples_dir())],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        total = await asyncio.to_thread(lambda: Library(library.path).count())
        assert total > 15
        # the count catches up without a key
        await reader.wait_for(MainScreen.ListLoaded, lambda m: m.count == total, timeout=5)
        assert f"{total} articles" in str(reader.app.screen.query_one("#status").render())
        await reader.press("slash", *"floating")
        await reader.wait_for(SearchScreen.Results, lambda m: bool(m.hits))
        await reader.press("enter")
        hit = next(a for a in library.summaries(limit=100) if a.title == LINKED_TITLE)
        # (the story shown before the search may finish rendering after enter: its message is not this one)
        await reader.wait_for(StoryView.Rendered, lambda m: m.article_id == hit.id)
        shown = reader.app.query_one(StoryView).article
        assert shown is not None and shown.title == LINKED_TITLE
        current = article_list.current
        assert current is not None and current.id == shown.id
        assert current.title == LINKED_TITLE and current.read
        await reader.settle()
    assert library.get(shown.id).read


async def test_quitting_while_a_long_story_renders_does_not_crash(library: Library) -> None:
    from test_ui_data import article, story

    long_id, _ = library.add(article(962, title="Endless", published="2031-01-01T00:00", body=story(1_100, "E")), b"e")
    async with run_reader(library) as reader:
        await reader.pilot.press_busy("enter")
        await reader.wait_for(StoryView.Rendered, lambda m: m.article_id == long_id, busy=True)
        assert not reader.app.query_one(StoryView).fully_rendered
        await reader.pilot.press_busy("q")
    assert reader.app.return_code == 0


async def test_keys_checked_as_the_screen_is_taken_down_do_not_crash(reader: Reader) -> None:
    """The footer asks which keys apply while quitting removes the screen's widgets: no NoMatches."""
    main = reader.main
    assert main.check_action("toggle_bookmark", ()) is True
    await main.article_list.remove()
    assert main.check_action("toggle_bookmark", ()) is False
    assert main.check_action("toggle_read", ()) is False
