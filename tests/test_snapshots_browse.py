"""Snapshots of the browsing screens: the source column, the pickers with counts, the search counts."""

from __future__ import annotations

from pathlib import Path

from test_snapshots import settled
from test_ui_browse import build
from textual.widgets import Input

from tuireader.ui.app import ReaderApp


def still(*groups: str):  # type: ignore[no-untyped-def]
    """As ``settled``, with the text cursor of every field kept still (a blinking one is drawn or not)."""
    steps = [settled(group) for group in groups]

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        for step in steps:
            await step(pilot)
            for field in pilot.app.screen.query(Input):
                field.cursor_blink = False
        await settled()(pilot)

    return run_before


def test_source_column_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = build(tmp_path / "snap.db")
    assert snap_compare(ReaderApp(library), terminal_size=(80, 24), run_before=settled())


def test_source_picker_with_counts(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = build(tmp_path / "snap.db")
    assert snap_compare(ReaderApp(library), terminal_size=(100, 30), run_before=still("escape F"))


def test_section_picker_narrowed(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = build(tmp_path / "snap.db")
    assert snap_compare(ReaderApp(library), terminal_size=(100, 30), run_before=still("escape f", "k"))


def test_search_says_how_many(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_ui_data import build_library

    library = build_library(tmp_path / "many.db", count=60)
    assert snap_compare(ReaderApp(library), terminal_size=(100, 30), run_before=still("slash", "h a r b o u r"))
