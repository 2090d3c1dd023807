"""Snapshots of the reader's screens (pytest-textual-snapshot).

Review changes with ``pytest tests/test_snapshots.py --snapshot-update`` and look
at the SVGs before committing them. Everything shown comes from a fixed
fictional library, so nothing depends on the clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ui_data import build_library
from textual.worker import WorkerCancelled

from tuireader.library import Library
from tuireader.ui.app import ReaderApp


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    library: Library = build_library(tmp_path / "library.db")
    yield library
    library.close()


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the app's workers and the screen; a worker cancelled by a newer one is fine."""
    for _ in range(2):
        for _ in range(20):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await pilot.pause(0.01)
        await pilot.pause()


def pressing(*keys: str):  # type: ignore[no-untyped-def]
    """Press keys, then wait until the story workers are done (snap_compare's own press does not wait)."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_main_screen_wide(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=pressing("enter"))


def test_teasers_focused(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("r", "j")
        await settle(pilot)

    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=run_before)


def test_main_screen_80x24_list(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(80, 24), run_before=settle)


def test_main_screen_80x24_story(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(80, 24), run_before=pressing("enter"))


def test_bookmarks_view(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    ids = [s.id for s in library.summaries()]
    library.set_bookmark(ids[1], True)
    library.set_bookmark(ids[4], True)
    library.set_read(ids[4], True)
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=pressing("3"))


def test_help_screen(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(100, 40), run_before=pressing("question_mark"))


def test_light_theme(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    library.set_setting("theme", "newspaper")
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=pressing("enter"))


def test_high_contrast_theme(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    library.set_setting("theme", "high-contrast")
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=pressing("enter"))
