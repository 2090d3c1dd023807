"""A damaged article row opens in the reader with what can be read and a note saying what is damaged."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
from ui_helpers import opened, static_text


async def test_a_damaged_row_opens_with_a_note(lib_path: Path) -> None:
    with opened(lib_path) as library:
        first = library.summaries()[0]
        library.conn.execute("UPDATE articles SET extra = 'not json {' WHERE id = ?", [first.id])
        async with run_reader(library) as reader:
            await reader.press("enter")
            await reader.settle()
            assert "Damaged:" in static_text(reader.app, "#story-note")
            assert static_text(reader.app, "#story-title").strip() == first.title
