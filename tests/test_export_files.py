"""Exports as files a user keeps: one reading-list file, group-readable files, stored copies beside bookmarks."""

from __future__ import annotations

import html.parser
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from test_library_support import Card, Page

from tuireader.cli import main
from tuireader.library import Library
from tuireader.library.exporters import export


@pytest.fixture
def lib_dir(tmp_path: Path, seed_path: Path) -> Iterator[Path]:
    db = tmp_path / "library.db"
    with Library(db) as lib:
        lib.import_paths(
            [
                seed_path,
                Page("Zweiter Artikel", cards=[Card("Ein Teaser")]).write(tmp_path / "crawl" / "b.txt"),
                Page("Dritter \x1b[31mArtikel\u202e", published="01.02.2023 07:00").write(tmp_path / "crawl" / "c.txt"),
            ]
        )
        (second,) = [s.id for s in lib.summaries() if s.title == "Zweiter Artikel"]
        lib.set_bookmark(second, True, "für später")
    yield db


def test_one_reading_list_file(lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "out" / "reading.md"
    assert main(["export", "--library", str(lib_dir), "--format", "md", "--one-file", str(dest)]) == 0
    assert "exported 3 articles" in capsys.readouterr().out
    text = dest.read_text(encoding="utf-8")
    front, contents, *entries = text.split("\n---\n")
    assert front.startswith("---\ntitle: Reading list\narticles: 3\nexported: ")
    with Library(lib_dir) as lib:
        titles = [s.title for s in lib.summaries()]
        seed = lib.get(lib.summaries()[-1].id)
    assert len(entries) == 3
    for number, (title, entry) in enumerate(zip(titles, entries, strict=True), 1):
        clean = title.replace("\x1b[31m", "").replace("\u202e", "")
        assert f"\n{number}. {clean}\n" in contents
        assert entry.lstrip().startswith(f"## {number}. {clean}\n")
    assert "\x1b" not in text and "\u202e" not in text
    assert "> Note: für später" in text
    assert seed is not None and seed.body.split("\n\n")[0] in text  # the whole story is there


def test_reading_list_of_bookmarks_and_a_wrong_format(lib_dir: Path, tmp_path: Path) -> None:
    dest = tmp_path / "b.md"
    assert main(["export", "--library", str(lib_dir), "-f", "md", "--one-file", "--bookmarked", str(dest)]) == 0
    text = dest.read_text(encoding="utf-8")
    assert "title: Bookmarks\narticles: 1\n" in text and "Zweiter Artikel" in text and "Dritter" not in text
    assert main(["export", "--library", str(lib_dir), "-f", "json", "--one-file", str(tmp_path / "x.json")]) == 2


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_exported_files_are_readable_as_the_umask_allows(lib_dir: Path, tmp_path: Path, fmt: str) -> None:
    old = os.umask(0o022)
    try:
        with Library(lib_dir) as lib:
            report = export(lib, fmt, tmp_path / f"export.{fmt}")
    finally:
        os.umask(old)
    assert report.files
    for name in report.files:
        assert stat.S_IMODE(Path(name).stat().st_mode) == 0o644, name


def test_reading_list_is_readable_as_the_umask_allows(lib_dir: Path, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert main(["export", "--library", str(lib_dir), "-f", "md", "--one-file", str(tmp_path / "r.md")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.md").stat().st_mode) == 0o640


class _Hrefs(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])


def test_bookmarks_link_crawl_text_to_the_stored_copy_exported_beside(lib_dir: Path, tmp_path: Path) -> None:
    imported_from = tmp_path / "crawl" / "b.txt"
    original = imported_from.read_bytes()
    imported_from.unlink()  # the place it was imported from is gone
    dest = tmp_path / "share" / "bookmarks.html"
    with Library(lib_dir) as lib:
        report = export(lib, "html", dest, bookmarked=True)
    assert report.written == 1
    parser = _Hrefs()
    parser.feed(dest.read_text(encoding="utf-8"))
    (href,) = parser.hrefs
    copy = Path(unquote(urlparse(href).path))
    assert copy.parent == (tmp_path / "share" / "bookmarks-files").resolve()
    assert copy.read_bytes() == original
    assert copy.suffix == ".txt"
