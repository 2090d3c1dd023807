"""Original files are kept compressed: zstd now, zlib in libraries from earlier versions."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_library_support import Card, Page

from tuireader.library import Library
from tuireader.library.compression import pack, unpack


@given(st.binary(max_size=20_000))
def test_what_is_packed_unpacks_to_the_same_bytes(raw: bytes) -> None:
    assert unpack(pack(raw)) == raw


@given(st.binary(max_size=20_000), st.integers(min_value=0, max_value=9))
def test_files_stored_by_earlier_versions_still_read(raw: bytes, level: int) -> None:
    assert unpack(zlib.compress(raw, level)) == raw


@pytest.mark.parametrize("blob", [b"", b"not compressed at all", b"\x28\xb5\x2f\xfd broken", b"x\x01broken"])
def test_bytes_that_are_neither_are_a_clear_error(blob: bytes) -> None:
    with pytest.raises(ValueError, match="cannot be decompressed"):
        unpack(blob)


def test_pages_are_stored_smaller_than_zlib_would(tmp_path: Path, seed_path: Path) -> None:
    raw = seed_path.read_bytes()
    assert len(pack(raw)) < len(raw) / 2
    assert len(pack(raw)) <= len(zlib.compress(raw, 1))


def test_a_library_holding_zlib_originals_reparses_and_gives_them_back(tmp_path: Path) -> None:
    page = Page("Gold steigt weiter", cards=[Card("Ein Teaser")]).write(tmp_path / "1.txt")
    raw = page.read_bytes()
    db = tmp_path / "library.db"
    with Library(db) as lib:
        [(_, article_id)] = lib.import_paths([page]).imported
    conn = sqlite3.connect(db)  # as an earlier version stored it
    conn.execute("UPDATE files SET content = ?", [zlib.compress(raw, 1)])
    conn.commit()
    conn.close()
    with Library(db) as lib:
        assert lib.originals(article_id) == [(str(page.resolve()), raw)]
        report = lib.reparse()
        assert report.failed == []
        assert [t.title for t in lib.require(article_id).related] == ["Ein Teaser"]


def test_a_damaged_original_fails_its_reparse_alone(tmp_path: Path) -> None:
    pages = [Page(f"Meldung {n}").write(tmp_path / f"{n}.txt") for n in range(3)]
    db = tmp_path / "library.db"
    with Library(db) as lib:
        lib.import_paths(pages)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE files SET content = x'28b52ffd0000' WHERE path LIKE '%1.txt'")
    conn.commit()
    conn.close()
    with Library(db) as lib:
        report = lib.reparse()
        assert [(Path(p).name, "cannot be decompressed" in why) for p, why in report.failed] == [("1.txt", True)]
        assert sorted(s.title for s in lib.summaries()) == ["Meldung 0", "Meldung 1", "Meldung 2"]
