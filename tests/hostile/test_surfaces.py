"""Hostile files through every surface: import, list, search, show, export and re-import, on a terminal.

Asserted everywhere: no raw ESC/C1/BEL/bidi byte reaches the terminal, no traceback,
no hang (each command under a time limit), no file outside its destination, and
nothing stored lost on a round trip through our exports.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hostile.support import run_on_pty, tally, terminal_text
from hostile.vectors import FORBIDDEN, FORBIDDEN_BYTES, Written, every_vector, write_vectors
from tuireader.cli import main
from tuireader.ingest import exportformat
from tuireader.library import Library


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Written, Path, bytes]:
    root = tmp_path_factory.mktemp("hostile")
    written = write_vectors(root / "vectors")
    library = root / "library.db"
    code, out, err = run_on_pty(["import", str(written.root), "--library", str(library)], timeout=90)
    assert b"Traceback" not in out + err
    assert code == 1  # the empty, binary and oversized files fail, with reasons
    return written, library, out


def _clean(out: bytes, err: bytes = b"") -> bool:
    return FORBIDDEN_BYTES.search(terminal_text(out)) is None and b"Traceback" not in out + err


def test_import_on_a_terminal_prints_nothing_that_drives_it(imported: tuple[Written, Path, bytes]) -> None:
    written, _, out = imported
    ok = _clean(out)
    tally("import summary (pty)", ok)
    assert ok, terminal_text(out)[:2000]
    text = terminal_text(out).decode("utf-8", "replace")
    assert re.search(rf"imported {written.articles}, updated 0, unchanged 0, failed 4, skipped 3", text), text[-500:]
    assert text.count("link loop") == 2 and "not a regular file" in text


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--limit", "0"],
        ["list", "--json", "--limit", "0"],
        ["list", "--bookmarked"],
        ["search", "Meldung"],
        ["search", "Export"],
        ["search", "Seite", "--json"],
        ["show", "1"],
        ["show", "1", "--json"],
    ],
    ids=lambda a: " ".join(a),
)
def test_library_commands_on_a_terminal(imported: tuple[Written, Path, bytes], argv: list[str]) -> None:
    _, library, _ = imported
    code, out, err = run_on_pty([*argv, "--library", str(library)])
    ok = code == 0 and _clean(out, err) and out.strip() != b""
    tally(f"{argv[0]} (pty)", ok)
    assert ok, (code, terminal_text(out)[:1000], err[-1000:])


def test_every_article_shows_safely(imported: tuple[Written, Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    """Every stored article through show (text and JSON), each counted against its vector's class."""
    _, library, _ = imported
    classes = {f" {n} {name} ": cls for n, (cls, name, _text) in enumerate(every_vector())}
    with Library(library) as lib:
        ids = lib.article_ids()
        titles = {i: lib.require(i).title for i in ids}
    failures = []
    for article_id in ids:
        cls = next((c for key, c in classes.items() if key in titles[article_id]), "other files")
        ok = True
        for argv in (["show", str(article_id)], ["show", str(article_id), "--json"]):
            code = main([*argv, "--library", str(library)])
            out, err = capsys.readouterr()
            ok = ok and code == 0 and FORBIDDEN.search(out + err) is None
        tally(f"show: {cls}", ok)
        if not ok:
            failures.append(article_id)
    assert failures == []


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if not p.is_symlink()}


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_exports_stay_inside_and_reimport_without_loss(
    imported: tuple[Written, Path, bytes], fmt: str, tmp_path: Path
) -> None:
    written, library, _ = imported
    before = _files(written.root.parent)
    dest = tmp_path / "out" / ("export" if fmt == "md" else f"export.{fmt}")
    code, out, err = run_on_pty(["export", "--format", fmt, str(dest), "--library", str(library)])
    assert code == 0 and _clean(out, err), (out, err)
    outside = _files(written.root.parent) - before
    assert outside == set()
    # a bookmark file's stored copies go to its own folder beside it (DEST-files/), nowhere else
    inside = [dest, dest.with_name(f"{dest.stem}-files")] if fmt == "html" else [dest]
    assert all(any(p == d or d in p.parents for d in inside) for p in _files(tmp_path / "out") if p.is_file())
    if fmt == "html":
        hrefs = re.findall(r'HREF="([^"]*)"', dest.read_text())
        ok = bool(hrefs) and all(h.split(":", 1)[0] in ("http", "https", "file") for h in hrefs)
        tally("export html links", ok)
        assert ok
        return
    with Library(library) as lib:
        stored = sorted(json.dumps(_record(lib, i), sort_keys=True) for i in lib.article_ids())
    again = tmp_path / "again.db"
    code, out, err = run_on_pty(["import", str(dest), "--library", str(again)], timeout=90)
    assert code == 0 and _clean(out, err), (out, err)
    with Library(again) as lib:
        back = sorted(json.dumps(_record(lib, i), sort_keys=True) for i in lib.article_ids())
    lost = set(stored) - set(back)
    tally(f"round trip {fmt}", not lost)
    assert len(back) == len(stored) and not lost


def _record(lib: Library, article_id: int) -> dict:
    """What an article is, apart from where it was read from."""
    record = exportformat.article_record(lib.require(article_id))
    for key in ("id", "path", "format"):
        record.pop(key)
    return record
