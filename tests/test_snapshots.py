"""Snapshots of the reader's screens (pytest-textual-snapshot).

Review changes with ``pytest tests/test_snapshots.py --snapshot-update`` and look
at the SVGs before committing them. Everything shown comes from a fixed
fictional library, so nothing depends on the clock.
"""

from __future__ import annotations

from conftest import Messages, QuietPilot, Reader

from tuireader.library import Library
from tuireader.ui.app import ReaderApp


def settled(*keys: str):  # type: ignore[no-untyped-def]
    """Wait for the list, press ``keys`` (each group waits for the reader to settle), then settle.

    snap_compare's own press does not wait for the reader's workers and writer. Its run has no message
    hook, so the keys go through Textual's own Pilot.
    """

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        reader = Reader(pilot.app, QuietPilot(pilot.app, Messages()), pilot.app.library, Messages())
        await reader.settle()
        for group in keys:
            await pilot.press(*group.split())
            await reader.settle()

    return run_before


def test_main_screen_wide(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("enter"))


def test_teasers_focused(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("enter", "r j"))


def test_main_screen_80x24_list(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(80, 24), run_before=settled())


def test_main_screen_80x24_story(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(80, 24), run_before=settled("enter"))


def test_bookmarks_view(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    ids = [s.id for s in library.summaries()]
    library.set_bookmark(ids[1], True)
    library.set_bookmark(ids[4], True)
    library.set_read(ids[4], True)
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("3"))


def test_help_screen(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(100, 40), run_before=settled("question_mark"))


def test_light_theme(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    library.set_setting("theme", "newspaper")
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("enter"))


def test_high_contrast_theme(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    library.set_setting("theme", "high-contrast")
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("enter"))
