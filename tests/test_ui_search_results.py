"""Search in the reader: counts and paging, the last query, back to the results, reasons for refused queries."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
from test_ui_data import LINKED_TITLE, article, build_library
from textual.widgets import Input, OptionList
from textual.widgets.input import Selection
from ui_helpers import main, static_text

from tuireader.ui.screens.main import MainScreen, Mode
from tuireader.ui.screens.search import SearchScreen, hit_prompt


def search_screen(reader_app: object) -> SearchScreen:
    screen = reader_app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SearchScreen)
    return screen


async def test_search_says_how_many_and_pages_on_demand(tmp_path: Path) -> None:
    library = build_library(tmp_path / "many.db", count=130)  # 130 + 3 articles, all about the harbour
    try:
        total = library.search_page("harbour", limit=1).total
        assert total > 100
        async with run_reader(library) as reader:
            await reader.press("slash", *"harbour")
            await reader.settle()
            screen = search_screen(reader.app)
            assert len(screen.hits) == 50
            assert static_text(reader.app, "#search-status").startswith(f"50 of {total:,} results")
            results = screen.query_one(OptionList)
            assert results.option_count == 51  # and a row that loads more
            for _ in range(50):  # the cursor on the last row reads the next page
                await reader.press("pagedown")
                if results.highlighted == results.option_count - 1 or len(screen.hits) > 50:
                    break  # (another pagedown once the page is read would go on into it)
            await reader.settle()
            assert results.highlighted == 50  # on the first row read
            assert len(screen.hits) == 100
            assert static_text(reader.app, "#search-status").startswith(f"100 of {total:,} results")
            results.highlighted = results.option_count - 1
            await reader.press("enter")
            await reader.settle()
            assert len(screen.hits) == total
            assert results.option_count == total  # no more row once everything is shown
            assert static_text(reader.app, "#search-status").startswith(f"{total:,} results")
            assert len({hit.id for hit in screen.hits}) == total
    finally:
        library.close()


async def test_slash_offers_the_last_query_selected(lib_path: Path) -> None:
    from ui_helpers import opened

    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("slash", *"floating")
            await reader.settle()  # the results are shown
            await reader.press("enter")  # the first hit is read
            await reader.settle()
            await reader.press("escape")  # back to the results, the cursor on the hit
            await reader.settle()
            assert search_screen(reader.app).hits[0].title == LINKED_TITLE
            await reader.press("escape")  # search left
            await reader.settle()
            await reader.press("slash")
            await reader.settle()
            field = search_screen(reader.app).query_one(Input)
            assert field.value == "floating"
            assert field.selection == Selection(0, len("floating"))
            assert search_screen(reader.app).hits[0].title == LINKED_TITLE
            await reader.press(*"fireworks")  # typing replaces it
            await reader.settle()
            assert field.value == "fireworks"
            await reader.press("escape")  # left without opening: still offered
            await reader.press("slash")
            assert search_screen(reader.app).query_one(Input).value == "fireworks"


async def test_the_last_query_is_offered_again_after_a_restart(lib_path: Path) -> None:
    from ui_helpers import opened

    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("slash", *"floating")
            await reader.settle()  # the results are shown
            await reader.press("enter")  # the first hit is read
            await reader.settle()
            await reader.press("escape", "escape", "slash", *"fireworks", "escape")  # typed, left: the last one
            await reader.settle()
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("slash")
            await reader.settle()
            field = search_screen(reader.app).query_one(Input)
            assert field.value == "fireworks" and field.selection == Selection(0, len("fireworks"))


async def test_escape_from_a_result_goes_back_to_the_results(lib_path: Path) -> None:
    from ui_helpers import opened

    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("slash", *"harbour")
            await reader.settle()
            hits = search_screen(reader.app).hits
            assert len(hits) > 3
            await reader.press("down", "down", "enter")
            await reader.settle()
            screen = main(reader.app)
            assert isinstance(reader.app.screen, MainScreen)
            assert screen.mode is Mode.READING and screen.article_id == hits[2].id
            await reader.press("escape")
            await reader.settle()
            back = search_screen(reader.app)
            assert back.query_one(Input).value == "harbour"
            assert back.query_one(OptionList).highlighted == 2
            assert [h.id for h in back.hits] == [h.id for h in hits]
            await reader.press("escape")  # out of search: the list
            await reader.settle()
            assert isinstance(reader.app.screen, MainScreen) and screen.mode is Mode.LIST


async def test_escape_after_moving_on_from_a_result_goes_to_the_list(lib_path: Path) -> None:
    from ui_helpers import opened

    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("slash", *"harbour")
            await reader.settle()  # the results are shown
            await reader.press("enter")  # the first hit is read
            await reader.settle()
            await reader.press("n")  # another article: escape means the list again
            await reader.settle()
            await reader.press("escape")
            await reader.settle()
            assert isinstance(reader.app.screen, MainScreen) and main(reader.app).mode is Mode.LIST


async def test_a_refused_query_says_why(lib_path: Path) -> None:
    from ui_helpers import opened

    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("slash", *"-harbour")
            await reader.settle()
            assert search_screen(reader.app).hits == []
            assert (
                static_text(reader.app, "#search-status") == "Cannot search: a search needs at least one word to find"
            )
            field = search_screen(reader.app).query_one(Input)
            field.value = " ".join(f"w{i}" for i in range(40))
            await reader.settle()
            assert "at most 32 words" in static_text(reader.app, "#search-status")


async def test_snippets_show_no_markdown_marks(tmp_path: Path) -> None:
    library = build_library(tmp_path / "marks.db", count=2)
    library.add(
        article(
            77,
            title="Quay walls",
            body="The **quaywall** was [rebuilt](https://example.org) in _spring_.\n\n## The **quaywall** again",
        ),
        b"marks",
    )
    try:
        async with run_reader(library) as reader:
            await reader.press("slash", *"quaywall")
            await reader.settle()
            hits = search_screen(reader.app).hits
            assert len(hits) == 1
            shown = hit_prompt(hits[0]).plain
            assert "quaywall" in shown and "rebuilt" in shown
            assert "**" not in shown and "](" not in shown and "#" not in shown
    finally:
        library.close()
