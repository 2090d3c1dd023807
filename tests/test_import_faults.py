"""Import under hostile file systems: link loops, unreadable folders, FIFOs, odd names."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_library_support import Page

from tuireader.library import Library

ROOT = Path(__file__).resolve().parent.parent


def _page(folder: Path, name: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Page(title, section="Politik", published="10.01.2022 10:00").write(folder / name)


def _import(home: Path, *paths: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """The import command in its own process, so a hang fails the test instead of stopping the run."""
    return subprocess.run(
        [sys.executable, "-m", "tuireader", "import", *map(str, paths), "--library", str(home / "lib.db")],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
    )


def test_a_folder_with_two_links_into_itself_imports_once_and_reports_the_loop(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "news"
    _page(folder, "a.txt", "Erste Meldung über den Hafen")
    _page(folder / "sub", "b.txt", "Zweite Meldung über die Brücke")
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "self").symlink_to(".")
    result = _import(home, folder)
    assert result.returncode == 0, result.stderr
    assert "imported 2, updated 0, unchanged 0, failed 0, skipped 2" in result.stdout
    assert result.stdout.count("link loop") == 2
    assert "Traceback" not in result.stderr


def test_a_fifo_in_a_folder_or_as_library_never_hangs(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "news"
    _page(folder, "a.txt", "Erste Meldung über den Hafen")
    os.mkfifo(folder / "pipe.txt")
    result = _import(home, folder)
    assert result.returncode == 0 and "skipped 1" in result.stdout
    result = _import(home, folder / "pipe.txt")
    assert result.returncode == 1 and "not a regular file" in result.stdout
    os.mkfifo(tmp_path / "lib.fifo")
    done = subprocess.run(
        [sys.executable, "-m", "tuireader", "list", "--library", str(tmp_path / "lib.fifo")],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2 and "not a regular file" in done.stderr


def test_a_file_replaced_by_a_fifo_after_listing_is_refused(tmp_path: Path) -> None:
    from tuireader.library.importer import Failure, prepare_file

    path = _page(tmp_path, "a.txt", "Erste Meldung über den Hafen")
    path.unlink()
    os.mkfifo(path)
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(prepare_file(str(path))), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO hangs"
    [failure] = results
    assert isinstance(failure, Failure) and "not a regular file" in failure.reason


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8_is_stored_escaped(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "news"
    path = _page(folder, "a.txt", "Erste Meldung über den Hafen")
    odd = os.fsencode(folder) + b"/caf\xe9-\xff.txt"
    os.rename(path, odd)
    result = _import(home, folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "imported 1" in result.stdout
    with Library(home / "lib.db") as lib:
        article = lib.get(1)
    assert article is not None and article.path is not None and article.path.endswith("caf\\xe9-\\xff.txt")


def test_an_unreadable_folder_is_counted_and_reported(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "news"
    _page(folder, "a.txt", "Erste Meldung über den Hafen")
    _page(folder / "locked", "b.txt", "Zweite Meldung über die Brücke")
    (folder / "locked").chmod(0)
    try:
        if os.access(folder / "locked", os.R_OK):
            pytest.skip("running as root: every folder is readable (tests/hostile covers this as another user)")
        result = _import(home, folder)
    finally:
        (folder / "locked").chmod(0o755)
    assert result.returncode == 1
    assert "cannot read directory" in result.stdout and "failed 1" in result.stdout
