"""Snapshots of the browsing screens: the source column, the pickers with counts, the search counts."""

from __future__ import annotations

from pathlib import Path

from test_snapshots import settled
from test_ui_browse import build

from tuireader.ui.app import ReaderApp


def test_source_column_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = build(tmp_path / "snap.db")
    assert snap_compare(ReaderApp(library), terminal_size=(80, 24), run_before=settled())


def test_source_picker_with_counts(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = build(tmp_path / "snap.db")
    assert snap_compare(ReaderApp(library), terminal_size=(100, 30), run_before=settled("escape", "F"))


def test_section_picker_narrowed(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = build(tmp_path / "snap.db")
    assert snap_compare(ReaderApp(library), terminal_size=(100, 30), run_before=settled("escape", "f", "k"))


def test_search_says_how_many(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_ui_data import build_library

    library = build_library(tmp_path / "many.db", count=60)
    assert snap_compare(ReaderApp(library), terminal_size=(100, 30), run_before=settled("slash", "h a r b o u r"))
