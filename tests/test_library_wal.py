"""A stray write-ahead log next to the library is refused, and the library stays as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from test_library_support import make_pages

from tuireader.library import Library, LibraryError


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib" / "library.db"
    with Library(path) as lib:
        lib.import_paths(make_pages(tmp_path / "pages", 30))
    assert not path.with_name("library.db-wal").exists() or path.with_name("library.db-wal").stat().st_size == 0
    return path


def _wal_of_open_database(path: Path, fill: object) -> Path:
    """The -wal of a database whose connection is still open (nothing checkpointed)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    assert callable(fill)
    fill(conn)
    conn.commit()
    wal = path.with_name(path.name + "-wal")
    copy = path.with_name(path.name + ".wal-copy")
    shutil.copy(wal, copy)
    conn.close()
    return copy


def _assert_refused(path: Path, copy: Path) -> None:
    before = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    shutil.copy(copy, wal)
    with pytest.raises(LibraryError, match="does not belong to this library"):
        Library(path)
    assert path.read_bytes() == before
    assert wal.read_bytes() == copy.read_bytes()


def test_another_programs_wal_is_refused(library: Path, tmp_path: Path) -> None:
    def fill(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE t (x BLOB)")
        conn.executemany("INSERT INTO t VALUES (randomblob(3000))", [()] * 400)

    _assert_refused(library, _wal_of_open_database(tmp_path / "other.db", fill))


def test_another_librarys_wal_is_refused(library: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "library.db"
    lib = Library(other)
    lib.conn.execute("PRAGMA wal_autocheckpoint = 0")
    lib.import_paths(make_pages(tmp_path / "other-pages", 2))
    copy = other.with_name("wal-copy")
    shutil.copy(other.with_name("library.db-wal"), copy)
    lib.close()
    _assert_refused(library, copy)


def test_a_wal_without_its_database_is_refused(tmp_path: Path, library: Path) -> None:
    lib = Library(library)
    lib.conn.execute("PRAGMA wal_autocheckpoint = 0")
    lib.set_bookmark(1, True)
    copy = tmp_path / "wal-copy"
    shutil.copy(library.with_name("library.db-wal"), copy)
    lib.close()
    lonely = tmp_path / "new" / "library.db"
    lonely.parent.mkdir()
    shutil.copy(copy, lonely.with_name("library.db-wal"))
    with pytest.raises(LibraryError, match="without its database"):
        Library(lonely)


def test_the_librarys_own_wal_after_a_crash_is_replayed(library: Path, tmp_path: Path) -> None:
    lib = Library(library)
    lib.conn.execute("PRAGMA wal_autocheckpoint = 0")
    lib.set_bookmark(3, True, "kept")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    shutil.copy(library, crashed / "library.db")
    shutil.copy(library.with_name("library.db-wal"), crashed / "library.db-wal")
    lib.close()
    with Library(crashed / "library.db") as copy:
        article = copy.get(3)
        assert article is not None and article.bookmark_note == "kept"
        assert copy.count() == 30


def test_a_running_readers_wal_is_left_to_sqlite(library: Path) -> None:
    reader = Library(library)
    reader.conn.execute("PRAGMA wal_autocheckpoint = 0")
    reader.set_read(2, True)
    with Library(library) as other:  # another connection while the first holds its log
        assert other.summary(2).read  # type: ignore[union-attr]
    reader.close()


def test_a_log_removed_as_its_last_user_closes_is_nothing_to_check(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two imports at once: the other's log is there when looked at, gone (checkpointed) when read."""
    from tuireader.library import walcheck

    copy = _wal_of_open_database(library, lambda conn: conn.execute("UPDATE articles SET read = 1"))
    wal = library.with_name("library.db-wal")
    shutil.copy(copy, wal)

    def closed_meanwhile(*paths: Path) -> bool:
        wal.unlink()  # its owner closed: SQLite checkpointed the log and removed it
        return False

    monkeypatch.setattr(walcheck, "_in_use", closed_meanwhile)
    with Library(library) as lib:
        assert lib.count() == 30
