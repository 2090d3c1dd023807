"""The reader shows hostile articles without letting any of them drive the terminal.

Independent of the main screen's widgets: articles are opened with the keys a
user presses, and the whole screen is checked through Textual's public export.
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.worker import WorkerCancelled

from hostile.support import tally
from hostile.vectors import FORBIDDEN, crawl_page, every_vector, export_record, html_page
from tuireader.library import Library
from tuireader.ui.app import ReaderApp


def _hostile_library(path: Path, files: Path) -> Library:
    files.mkdir()
    records = []
    for n, (_cls, name, text) in enumerate(every_vector()):
        (files / f"{n}.txt").write_text(crawl_page(f"Meldung {n} {name} {text}", f"Der Text {text} geht weiter."))
        (files / f"{n}.html").write_text(html_page(f"Seite {n} {text}", f"<p>{text} " + "Hafen und Brücke. " * 30))
        records.append(export_record(f"Export {n} {name} {text}", text, n))
    (files / "export.json").write_text(json.dumps({"tuireader_export": 1, "articles": records}))
    library = Library(path)
    library.import_paths([files])
    return library


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()


# Articles opened one after another (each renders in about a second here): the first ones
# of the list, a mix of crawl pages, HTML pages and export records.
OPENED = 12


async def test_hostile_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    library = _hostile_library(tmp_path / "library.db", tmp_path / "files")
    try:
        count = library.count()
        assert count >= 3 * len(every_vector())
        app = ReaderApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            await _settle(pilot)
            screens = [app.export_screenshot()]
            for _ in range(OPENED):
                await pilot.press("enter")
                await _settle(pilot)
                screens.append(app.export_screenshot())
                await pilot.press("escape", "j")
            await pilot.press("question_mark")
            await _settle(pilot)
            screens.append(app.export_screenshot())
        bad = [i for i, svg in enumerate(screens) if FORBIDDEN.search(svg)]
        for i in range(len(screens)):
            tally("reader screens (Pilot)", i not in bad)
        assert bad == []
        assert any("Meldung" in svg for svg in screens)
    finally:
        library.close()
