"""The import's progress bar moves as files are read, with the rate and the time left."""

from __future__ import annotations

import io
from pathlib import Path

from tuireader.commands.importing import ProgressBar
from tuireader.library import Library, store


def make_pages(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"page-{i}.md").write_text(
            f"---\ntitle: Meldung {i}\npublished: 2024-01-01\n---\n\nBericht {i} aus der Region, mit Text.\n",
            encoding="utf-8",
        )


def test_progress_is_reported_as_files_are_read_not_only_per_batch(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages", 250)
    calls: list[tuple[int, int]] = []
    with Library(tmp_path / "library.db") as lib:
        report = lib.import_paths([tmp_path / "pages"], lambda done, total: calls.append((done, total)))
    assert len(report.imported) == 250
    dones = [done for done, _ in calls]
    assert dones == sorted(dones) and dones[0] == 0 and dones[-1] == 250
    # the first batch stores 200 files: the bar moved before it was stored
    assert len([d for d in dones if 0 < d < store.FIRST_BATCH_SIZE]) > 100


def test_the_bar_shows_rate_and_time_left() -> None:
    now = [0.0]
    out = io.StringIO()
    bar = ProgressBar(clock=lambda: now[0], out=out)
    bar(0, 1000)
    now[0] = 2.0
    bar(100, 1000)
    drawn = out.getvalue().split("\r")[-1]
    assert "100/1,000" in drawn and "50 files/s" in drawn and "18 s left" in drawn
    now[0] = 2.05
    bar(101, 1000)  # drawn at most ten times a second
    assert out.getvalue().split("\r")[-1] == drawn
    now[0] = 80.0
    bar(1000, 1000)
    assert out.getvalue().endswith("\r")  # the line is cleared at the end
    assert ProgressBar().line(100, 10_100, 10.0).endswith("10 files/s  16:40 min left")
