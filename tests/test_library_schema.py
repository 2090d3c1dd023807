"""Schema versions, migrations from every earlier version, and files that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tuireader.library import Library, LibraryError
from tuireader.library.connection import connect
from tuireader.library.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, index_new_articles


def _fill_v1(conn: sqlite3.Connection) -> None:
    """Data as the first schema stored it: an article, a teaser, a file, a bookmark."""
    conn.execute(
        "INSERT INTO articles (id, dedup_key, title, title_key, section, lead, body, published, sort_key, "
        "source, extra, format, parser_version, imported_at, updated_at, bookmarked, bookmark_note, read) "
        "VALUES (7, 'k7', 'Alte Nachricht', 'alte nachricht', 'Politik', 'Vorspann', 'Die Geschichte über München.', "
        "'2021-05-01T10:00', '2021-05-01T10:00', 'DWN', '{}', 'crawl', 1, 'x', 'x', 1, 'merken', 1)"
    )
    conn.execute(
        "INSERT INTO teasers (article_id, position, title, title_key, sponsored) VALUES (7, 0, 'Nachbar', 'nachbar', 0)"
    )
    conn.execute(
        "INSERT INTO files (sha256, article_id, path, format, parser_version, content, imported_at) "
        "VALUES ('abc', 7, 'a.txt', 'crawl', 1, x'789c030000000001', 'x')"
    )


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_every_earlier_version_migrates_keeping_the_data(tmp_path: Path, start: int) -> None:
    db = tmp_path / "old.db"
    conn = connect(db, migrate_to=start)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == start
    conn.execute("BEGIN")
    _fill_v1(conn)
    if start >= 3:  # from v3 the code that inserts articles indexes them
        index_new_articles(conn, 0)
    conn.execute("COMMIT")
    conn.close()

    with Library(db) as lib:
        article = lib.get(7)
        assert (article.title, article.bookmarked, article.bookmark_note, article.read) == (
            "Alte Nachricht",
            True,
            "merken",
            True,
        )
        assert [t.title for t in article.related] == ["Nachbar"]
        assert [h.id for h in lib.search("munchen")] == [7]
        # What the later versions added works on the old data.
        assert lib.get_position(7) == 0.0 and lib.set_position(7, 3.0) and lib.get_position(7) == 3.0
        lib.set_setting("view", "unread")
        assert [s.id for s in lib.summaries("bookmarks")] == [7]
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()


def test_a_new_library_has_the_latest_schema_and_our_mark(tmp_path: Path) -> None:
    Library(tmp_path / "new.db").close()
    raw = sqlite3.connect(tmp_path / "new.db")
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_the_newest_list_is_served_by_an_index(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        plan = lib.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, title, section, published, source, read, bookmarked "
            "FROM articles WHERE 1 ORDER BY sort_key DESC, id DESC LIMIT 100 OFFSET 5000"
        ).fetchall()
    detail = " ".join(row[-1] for row in plan)
    assert "COVERING INDEX" in detail and "TEMP B-TREE" not in detail


def test_a_teaser_finds_its_article_through_an_index(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        plan = lib.conn.execute(
            "EXPLAIN QUERY PLAN SELECT (SELECT a.id FROM articles a WHERE a.title_key = t.title_key "
            "ORDER BY a.sort_key DESC, a.id DESC LIMIT 1) FROM teasers t WHERE t.article_id = ?",
            [1],
        ).fetchall()
        teaser_indexes = lib.conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'teasers' AND sql IS NOT NULL"
        ).fetchall()
    detail = " ".join(row[-1] for row in plan)
    assert "articles_title_key" in detail and "SCAN a" not in detail
    # Only the primary key: an index by title would cost writes on every import and serve no query.
    assert teaser_indexes == []


def _unchanged_after_refusal(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=match) as info:
        Library(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_a_text_file_at_the_library_path_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_text("my shopping list\n")
    _unchanged_after_refusal(path, "not an SQLite database")


def test_another_programs_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Ada')")
    other.commit()
    other.close()
    _unchanged_after_refusal(path, "another program")


def test_a_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    Library(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(LibraryError, match="newer tuireader"):
        Library(path)


def test_a_damaged_library_is_an_error_naming_it(tmp_path: Path, seed_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.import_paths([seed_path])
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xde\xad" * ((len(data) - 4096) // 2)  # every page after the first
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryError) as info, Library(path) as lib:
        lib.summaries()
        lib.get(1)
        lib.search("Kasachstan")
    assert str(path) in str(info.value)


def test_a_directory_at_the_library_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "library.db").mkdir()
    with pytest.raises(LibraryError, match="is a directory"):
        Library(tmp_path / "library.db")
