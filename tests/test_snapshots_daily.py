"""Snapshots of the daily-driver screens: a note in the header, the link list, the reading column, light theme.

Review with ``pytest tests/test_snapshots_daily.py --snapshot-update`` and look
at the SVGs before committing them.
"""

from __future__ import annotations

from test_snapshots import settled

from tuireader.library import Library
from tuireader.model import Article
from tuireader.ui.app import ReaderApp

LINKS_BODY = (
    "The council met at the [town hall](https://gazette.example/town-hall) and read the "
    "[festival report](https://gazette.example/festival).\n\n"
    "The minutes are [online](https://minutes.example/2042/03) and the "
    "[harbour plan](https://harbour.example/plan.pdf) follows next week."
)


def noted(library: Library) -> None:
    first = library.summaries()[0].id
    library.set_bookmark(first, True, "Quote the mayor in Friday's column")


def test_note_in_the_header(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    noted(library)
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("enter"))


def test_note_in_the_header_light_theme(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    noted(library)
    library.set_setting("theme", "newspaper")
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("enter"))


def test_link_list(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    library.add(Article("Council minutes", body=LINKS_BODY, published="2043-01-01T09:00", section="Politik"), b"m")
    assert snap_compare(ReaderApp(library), terminal_size=(120, 35), run_before=settled("enter", "l"))


def test_reading_column_at_200_columns(snap_compare, library: Library) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(library), terminal_size=(200, 50), run_before=settled("enter"))
