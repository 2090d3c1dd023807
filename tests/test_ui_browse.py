"""Browsing the library in the reader: source column and filter, pickers with counts, hide read, sort,
mark all read, next unread."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import Reader, run_reader
from test_ui_data import article
from textual.widgets import Input, OptionList
from ui_helpers import main, row_text, static_text

from tuireader.library import Library
from tuireader.library.listing import Listing
from tuireader.ui.screens.browsing import Browsing
from tuireader.ui.screens.dialogs import ConfirmScreen
from tuireader.ui.screens.main import Mode
from tuireader.ui.screens.picker import FacetPicker

SOURCES = ["Harbour Gazette", "Alpine Times", "Österreich Heute"]
TAG_SOUP = "Thoughts, Content Creator, Influencer, Podcaster"


def build(path: Path) -> Library:
    library = Library(path)
    for i in range(18):
        section = TAG_SOUP if i == 17 else None
        overrides: dict[str, object] = {"source": SOURCES[i % 3]}
        if section:
            overrides["section"] = section
        library.add(article(i, **overrides), f"b{i}".encode())
    for summary in library.summaries(limit=100)[::4]:
        library.set_read(summary.id, True)
    return library


@pytest.fixture
async def browse(tmp_path: Path) -> AsyncIterator[Reader]:
    library = build(tmp_path / "browse.db")
    try:
        async with run_reader(library, size=(120, 30)) as reader:
            yield reader
    finally:
        library.close()


def picker_rows(reader: Reader) -> list[str]:
    option_list = reader.app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_source_picker_counts_narrows_and_filters(browse: Reader) -> None:
    await browse.press("escape", "F")
    await browse.wait_for(Browsing.FacetsRead)
    assert isinstance(browse.app.screen, FacetPicker)
    assert [r.split() for r in picker_rows(browse)] == [
        ["18", "All", "sources"],
        ["6", "Alpine", "Times"],
        ["6", "Harbour", "Gazette"],
        ["6", "Österreich", "Heute"],
    ]
    await browse.press(*"oster")  # umlauts and case aside
    assert [r.split()[1] for r in picker_rows(browse)] == ["Österreich"]
    await browse.press("enter")
    await browse.settle()
    screen = main(browse.app)
    assert screen.article_list.row_count == 6
    assert {screen.article_list.row(i).source for i in range(6)} == {"Österreich Heute"}  # type: ignore[union-attr]
    assert "source: Österreich Heute" in static_text(browse.app, "#status")


async def test_the_list_shows_the_source_when_it_is_wide_enough(tmp_path: Path) -> None:
    library = build(tmp_path / "column.db")
    try:
        async with run_reader(library, size=(80, 24)) as reader:
            await reader.settle()
            article_list = main(reader.app).article_list
            first = article_list.row(0)
            assert first is not None and first.source
            assert first.source[:9] in row_text(article_list, 0)
        soup = next(i for i in range(18) if library.summaries(limit=100)[i].section == TAG_SOUP)
        async with run_reader(library, size=(80, 24)) as reader:
            await reader.settle()
            article_list = main(reader.app).article_list
            article_list.cursor = soup
            await reader.settle()
            assert "Thoughts" not in row_text(article_list, soup)  # tag soup is not shown as a section
    finally:
        library.close()


async def test_section_picker_leaves_out_tag_soup_and_counts_the_view(browse: Reader) -> None:
    await browse.press("2")  # unread: the counts are the view's
    await browse.settle()
    await browse.press("f")
    event = await browse.wait_for(Browsing.FacetsRead)
    names = dict(event.items)
    assert TAG_SOUP not in names
    unread = browse.library.count("unread")
    assert sum(names.values()) == unread - (0 if browse.library.summary(_soup_id(browse)).read else 1)  # type: ignore[union-attr]
    assert picker_rows(browse)[0].split()[0] == str(sum(names.values()))
    field = browse.app.screen.query_one(Input)
    assert field.has_focus
    await browse.press(*"wirt", "enter")
    await browse.settle()
    assert main(browse.app).section == "Wirtschaft"
    assert main(browse.app).article_list.row_count == browse.library.listing_count(Listing("unread", "Wirtschaft"))


def _soup_id(reader: Reader) -> int:
    return next(s.id for s in reader.library.summaries(limit=100) if s.section == TAG_SOUP)


async def test_hide_read_toggles_and_is_kept(browse: Reader) -> None:
    screen = main(browse.app)
    await browse.press("escape", "h")
    await browse.settle()
    assert screen.article_list.row_count == browse.library.count("unread")
    assert all(not screen.article_list.row(i).read for i in range(screen.article_list.row_count))  # type: ignore[union-attr]
    assert "read hidden" in static_text(browse.app, "#status")
    assert browse.library.get_setting("hide_read") == "1"
    await browse.press("h")
    await browse.settle()
    assert screen.article_list.row_count == 18
    assert browse.library.get_setting("hide_read") is None


async def test_sort_by_source(browse: Reader) -> None:
    screen = main(browse.app)
    await browse.press("escape", "S")
    await browse.settle()
    sources = [screen.article_list.row(i).source for i in range(18)]  # type: ignore[union-attr]
    assert sources == sorted(sources, key=str.casefold)
    assert "by source" in static_text(browse.app, "#status")
    await browse.press("S")
    await browse.settle()
    assert "by source" not in static_text(browse.app, "#status")


async def test_mark_all_in_the_view_read_asks_first(browse: Reader) -> None:
    screen = main(browse.app)
    await browse.press("escape", "F")
    await browse.wait_for(Browsing.FacetsRead)
    await browse.press(*"alpine", "enter")
    await browse.settle()
    alpine = Listing(source="Alpine Times")
    before = browse.library.listing_count(alpine.but(hide_read=True))
    unread_elsewhere = browse.library.count("unread") - before
    assert before > 0
    await browse.press("A")
    assert isinstance(browse.app.screen, ConfirmScreen)
    await browse.press("n")  # no: nothing changes
    await browse.settle()
    assert browse.library.listing_count(alpine.but(hide_read=True)) == before
    await browse.press("A", "y")
    marked = await browse.wait_for(Browsing.AllMarkedRead)
    await browse.settle()
    assert marked.count == before
    assert browse.library.listing_count(alpine.but(hide_read=True)) == 0
    assert browse.library.count("unread") == unread_elsewhere  # only the view
    assert all(screen.article_list.row(i).read for i in range(6))  # type: ignore[union-attr]


async def test_mark_all_read_overrides_a_row_marked_unread_on_screen(browse: Reader) -> None:
    screen = main(browse.app)
    await browse.press("escape")
    first = screen.article_list.current_id
    browse.library.set_read(first, True)  # type: ignore[arg-type]
    await browse.press("u")  # marked unread on screen
    await browse.press("A", "y")
    await browse.wait_for(Browsing.AllMarkedRead)
    await browse.settle()
    assert screen.article_list.row(0).read  # type: ignore[union-attr]
    assert browse.library.count("unread") == 0


async def test_next_unread_opens_the_next_unread_article(browse: Reader) -> None:
    screen = main(browse.app)
    await browse.press("escape")
    await browse.settle()
    rows = [screen.article_list.row(i) for i in range(18)]
    assert rows[0].read  # type: ignore[union-attr]
    await browse.press("J")
    found = await browse.wait_for(Browsing.NextUnread)
    await browse.settle()
    expected = next(r.id for r in rows if not r.read)  # type: ignore[union-attr]
    assert found.article_id == expected == screen.article_id
    assert screen.mode is Mode.READING
    assert browse.library.summary(expected).read  # type: ignore[union-attr]
    await browse.press("J")
    again = await browse.wait_for(Browsing.NextUnread, lambda m: m is not found)
    await browse.settle()
    assert again.article_id == next(r.id for r in rows if not r.read and r.id != expected)  # type: ignore[union-attr]


async def test_next_unread_in_the_list_opens_the_highlighted_row_when_unread(browse: Reader) -> None:
    screen = main(browse.app)
    await browse.press("escape", "j")
    await browse.settle()
    row = screen.article_list.current
    assert row is not None and not row.read
    await browse.press("J")
    await browse.settle()
    assert screen.article_id == row.id and screen.mode is Mode.READING


async def test_next_unread_says_when_there_is_none(browse: Reader, notifications: list[str]) -> None:
    browse.library.mark_listing_read(Listing())
    await browse.press("escape", "J")
    found = await browse.wait_for(Browsing.NextUnread)
    assert found.article_id is None
    assert "No unread articles in this view." in notifications


async def test_the_source_filter_and_order_are_kept_for_the_next_start(tmp_path: Path) -> None:
    library = build(tmp_path / "keep.db")
    try:
        async with run_reader(library) as reader:
            await reader.press("escape", "F")
            await reader.wait_for(Browsing.FacetsRead)
            await reader.press(*"harbour", "enter", "S")
            await reader.settle()
        async with run_reader(library) as reader:
            await reader.settle()
            view = main(reader.app).shown_view
            assert (view.source, view.sort) == ("Harbour Gazette", "source")
            assert main(reader.app).article_list.row_count == 6
    finally:
        library.close()


async def test_the_command_palette_offers_the_browsing_actions(browse: Reader) -> None:
    await browse.press("escape", "ctrl+p", *"Filter by source")
    await browse.settle()
    await browse.press("enter")
    await browse.wait_for(Browsing.FacetsRead)
    assert isinstance(browse.app.screen, FacetPicker)


async def test_opening_an_article_the_filters_hide_shows_all_and_keeps_the_order(browse: Reader) -> None:
    screen = main(browse.app)
    await browse.press("escape", "F")
    await browse.wait_for(Browsing.FacetsRead)
    await browse.press(*"alpine", "enter", "h", "S")
    await browse.settle()
    hidden = next(
        s for s in browse.library.summaries(limit=100) if s.read and s.source == "Harbour Gazette"
    )  # another source, and read
    screen.go_to_article(hidden.id)
    await browse.settle()
    assert screen.article_id == hidden.id and screen.article_list.current_id == hidden.id
    view = screen.shown_view
    assert (view.view, view.source, view.hide_read, view.sort) == ("all", None, False, "source")
    assert browse.library.get_setting("source") is None and browse.library.get_setting("hide_read") is None
    assert browse.library.get_setting("sort") == "source"
