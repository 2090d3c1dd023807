"""The app's search and `tuireader search` find the same articles for the same words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_library_support import Page
from textual.worker import WorkerCancelled

from tuireader.cli import main as cli
from tuireader.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.search import SearchScreen

PAGES = {
    "a": Page("Österreich wählt", paragraphs=["Ein Tag in Österreich."]),
    "b": Page("Wien feiert", paragraphs=["Österreichs Hauptstadt feiert."]),
    "c": Page("Graz baut", paragraphs=["Die österreichische Stadt baut."]),
    "d": Page("Oesterreich spart", paragraphs=["Oesterreich hat gespart."]),
}


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.import_paths([p.write(tmp_path / f"{n}.txt") for n, p in PAGES.items()])
    return path


def cli_hits(capsys: pytest.CaptureFixture[str], path: Path, query: str) -> list[int]:
    assert cli(["search", "--library", str(path), "--json", query]) == 0
    return [h["id"] for h in json.loads(capsys.readouterr().out)["hits"]]


async def app_hits(path: Path, query: str) -> list[int]:
    with Library(path) as lib:
        app = ReaderApp(lib)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("slash")
            assert isinstance(app.screen, SearchScreen)
            screen = app.screen
            await pilot.press(*query)
            for _ in range(len(query) + 1):  # each key cancels the search the key before started
                try:
                    await app.workers.wait_for_complete()  # the worker shows its hits before it ends
                    break
                except WorkerCancelled:
                    continue
            return [h.id for h in screen.hits]


@pytest.mark.parametrize("query", ["Österreich", "oesterreich", "osterreich", "Österreich*"])
async def test_the_app_and_the_cli_find_the_same(
    capsys: pytest.CaptureFixture[str], library_path: Path, query: str
) -> None:
    in_app = await app_hits(library_path, query)
    assert in_app == cli_hits(capsys, library_path, query)
    assert len(in_app) == (4 if query.endswith("*") else 2)
