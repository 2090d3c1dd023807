"""The library as the reader and the commands use it: import, list, one article, state."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from test_library_support import Card, Page

from tuireader.library import Library, writer
from tuireader.library.exporters import export

SEED_TEASER = "Billigfluglinien bereiten sich bereits auf Flüge in die Ukraine vor"
SEED_TITLE = "Putin: Werden in Kasachstan keine „Farbenrevolution“ zulassen"


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "library.db") as library:
        yield library


def test_default_library_lives_under_tuireader_home(home: Path) -> None:
    with Library() as library:
        assert library.path == home / "library.db"
    assert (home / "library.db").exists()


def test_seed_is_stored_with_its_teasers_apart(lib: Library, seed_path: Path) -> None:
    report = lib.import_paths([seed_path])
    assert report.failed == [] and len(report.imported) == 1
    article = lib.get(report.imported[0][1])
    assert article is not None
    assert article.title == SEED_TITLE
    assert article.section == "Politik" and article.published == "2022-01-10T10:00"
    assert "Tokajew" in article.body and "Feiertage 2026" not in article.body
    assert len(article.related) == 8 and article.related[0].title.startswith("Feiertage 2026")
    assert article.path == str(seed_path) and article.format == "crawl"
    assert (article.bookmarked, article.read) == (False, False)
    assert lib.originals(article.id) == [(str(seed_path), seed_path.read_bytes())]


def test_same_file_twice_adds_nothing(lib: Library, seed_path: Path, tmp_path: Path) -> None:
    first = lib.import_paths([seed_path])
    copy = tmp_path / "elsewhere" / "copy.txt"
    copy.parent.mkdir()
    copy.write_bytes(seed_path.read_bytes())
    again = lib.import_paths([seed_path, copy])
    assert again.imported == [] and again.updated == []
    assert [i for _, i in again.unchanged] == [first.imported[0][1]] * 2
    assert lib.count() == 1


def test_two_crawls_of_one_article_are_one_article_and_the_last_imported_teasers_win(
    lib: Library, tmp_path: Path
) -> None:
    early = Page("Gold steigt weiter", cards=[Card("Erster Teaser"), Card("Zweiter Teaser")]).write(tmp_path / "a.txt")
    late = Page("Gold steigt weiter", cards=[Card("Dritter Teaser")]).write(tmp_path / "b.txt")
    (aid,) = [i for _, i in lib.import_paths([early]).imported]
    report = lib.import_paths([late])
    assert report.updated == [(str(late), aid)]
    assert lib.count() == 1
    assert [t.title for t in lib.get(aid).related] == ["Dritter Teaser"]
    # Re-importing an already stored copy changes nothing: the newest *new* copy stays.
    assert lib.import_paths([early]).unchanged == [(str(early), aid)]
    assert [t.title for t in lib.get(aid).related] == ["Dritter Teaser"]
    assert [p for p, _ in lib.originals(aid)] == [str(early), str(late)]


def test_a_new_copy_with_identical_content_is_unchanged(lib: Library, tmp_path: Path) -> None:
    a = Page("Gold steigt weiter").write(tmp_path / "a.txt")
    b = tmp_path / "b.txt"
    b.write_text(a.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")  # other bytes, same article
    lib.import_paths([a])
    assert len(lib.import_paths([b]).unchanged) == 1


@pytest.mark.parametrize(
    "other",
    [
        Page("Gold steigt weiter", published="11.01.2022 10:00"),
        Page("Gold steigt weiter", paragraphs=["Eine ganz andere Geschichte."]),
        Page("Gold fällt wieder"),
    ],
    ids=["other-time", "other-story", "other-title"],
)
def test_a_different_time_story_or_title_is_another_article(lib: Library, tmp_path: Path, other: Page) -> None:
    lib.import_paths([Page("Gold steigt weiter").write(tmp_path / "a.txt"), other.write(tmp_path / "b.txt")])
    assert lib.count() == 2


def test_teasers_link_to_stored_articles_whichever_is_imported_first(
    lib: Library, tmp_path: Path, seed_path: Path
) -> None:
    # A page whose teaser names the seed (other case and spacing), and whose title is a seed teaser.
    page = Page(SEED_TEASER, cards=[Card("  putin: werden in KASACHSTAN keine „Farbenrevolution“   zulassen")])
    (pid,) = [i for _, i in lib.import_paths([page.write(tmp_path / "p.txt")]).imported]
    assert lib.get(pid).related[0].article_id is None
    (sid,) = [i for _, i in lib.import_paths([seed_path]).imported]
    assert lib.get(pid).related[0].article_id == sid  # an earlier teaser finds the later article
    linked = {t.title: t.article_id for t in lib.get(sid).related}
    assert linked[SEED_TEASER] == pid
    assert sum(1 for v in linked.values() if v is not None) == 1
    lib.remove(sid)
    assert lib.get(pid).related[0].article_id is None


def _library_of_pages(lib: Library, tmp_path: Path) -> dict[str, int]:
    pages = {
        "old": Page("Alt", section="Politik", published="01.01.2020 08:00"),
        "new": Page("Neu", section="Wirtschaft", published="05.05.2024 09:30"),
        "mid": Page("Mitte", section="Politik", published="03.03.2022 12:00"),
        "undated": Page("Ohne Datum", section="Finanzen", published=""),
    }
    ids = {}
    for name, page in pages.items():
        ((_, ids[name]),) = lib.import_paths([page.write(tmp_path / f"{name}.txt")]).imported
    return ids


def test_list_is_newest_first_with_undated_last(lib: Library, tmp_path: Path) -> None:
    ids = _library_of_pages(lib, tmp_path)
    assert [s.id for s in lib.summaries()] == [ids["new"], ids["mid"], ids["old"], ids["undated"]]
    assert [s.id for s in lib.summaries(offset=1, limit=2)] == [ids["mid"], ids["old"]]
    assert [lib.index_of(ids[n]) for n in ("new", "mid", "old", "undated")] == [0, 1, 2, 3]
    assert lib.sections() == ["Finanzen", "Politik", "Wirtschaft"]


def test_views_and_sections_filter_the_list(lib: Library, tmp_path: Path) -> None:
    ids = _library_of_pages(lib, tmp_path)
    lib.set_read(ids["new"], True)
    lib.set_bookmark(ids["old"], True)
    lib.set_bookmark(ids["mid"], True)
    lib.set_read(ids["mid"], True)
    assert [s.id for s in lib.summaries("unread")] == [ids["old"], ids["undated"]]
    assert [s.id for s in lib.summaries("bookmarks")] == [ids["mid"], ids["old"]]
    assert [s.id for s in lib.summaries("all", "Politik")] == [ids["mid"], ids["old"]]
    assert [s.id for s in lib.summaries("bookmarks", unread=True)] == [ids["old"]]
    assert (lib.count(), lib.count("unread"), lib.count("bookmarks", "Politik")) == (4, 2, 2)
    assert lib.index_of(ids["old"], "bookmarks") == 1
    assert lib.index_of(ids["new"], "unread") is None
    # where a read article would be among the unread: before "old", the first of them
    assert lib.index_of(ids["new"], "unread", or_next=True) == 0
    assert lib.index_of(ids["mid"], "unread", or_next=True) == 0
    assert lib.index_of(ids["mid"], "bookmarks", or_next=True) == 0  # in the view: its own row
    assert lib.index_of(99999, "unread", or_next=True) is None  # not stored at all
    with pytest.raises(ValueError):
        lib.summaries("everything")


def test_section_filters_ignore_case_and_follow_new_imports(lib: Library, tmp_path: Path) -> None:
    ids = _library_of_pages(lib, tmp_path)
    politik = [s.id for s in lib.summaries("all", "Politik")]
    assert [s.id for s in lib.summaries("all", "politik")] == politik == [ids["mid"], ids["old"]]
    assert lib.count("all", "POLITIK ") == 2 and lib.index_of(ids["old"], "all", "politik") == 1
    # Another process adds an article whose page writes the section in capitals.
    with Library(lib.path) as other:
        other.import_paths(
            [Page("Neue Lage", section="POLITIK", published="01.01.2024 10:00").write(tmp_path / "n.txt")]
        )
    assert lib.count("all", "politik") == 3
    assert "POLITIK" in lib.sections()


def test_state_persists_and_unknown_ids_change_nothing(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        ((_, aid),) = lib.import_paths([seed_path]).imported
        assert lib.set_bookmark(aid, True, "nachlesen")
        assert lib.set_bookmark(aid, True)  # bookmarking again keeps the note
        assert lib.set_read(aid, True)
        assert lib.set_position(aid, 12.5)
        lib.set_setting("theme", "nord")
        assert not lib.set_bookmark(999, True) and not lib.set_read(999, True) and not lib.set_position(999, 1)
        assert lib.get(999) is None and lib.get_position(999) == 0.0
        for odd in (2**70, -1, 0):
            assert lib.get(odd) is None and lib.index_of(odd) is None
            assert not lib.remove(odd) and not lib.set_read(odd, True)
    with Library(db) as lib:
        article = lib.get(aid)
        assert (article.bookmarked, article.bookmark_note, article.read) == (True, "nachlesen", True)
        assert lib.get_position(aid) == 12.5
        assert lib.get_setting("theme") == "nord" and lib.get_setting("missing", "x") == "x"
        lib.set_setting("theme", None)
        assert lib.get_setting("theme") is None
        lib.set_bookmark(aid, False)
        lib.set_read(aid, False)
        article = lib.get(aid)
        assert (article.bookmarked, article.bookmark_note, article.read) == (False, None, False)


def test_remove_deletes_the_article_and_its_files(lib: Library, seed_path: Path) -> None:
    ((_, aid),) = lib.import_paths([seed_path]).imported
    assert lib.remove(aid) is True
    assert lib.remove(aid) is False
    assert lib.get(aid) is None and lib.is_empty() and lib.search("Kasachstan") == []
    # Its stored file went with it: importing it again brings it back.
    assert len(lib.import_paths([seed_path]).imported) == 1


def test_directories_globs_and_bad_files(lib: Library, tmp_path: Path, seed_path: Path) -> None:
    root = tmp_path / "crawl"
    Page("Eins").write(root / "2022" / "a.txt")
    Page("Zwei").write(root / "2023" / "deep" / "b.dat")
    (root / "2023" / "empty.txt").write_text("  \n")
    (root / "2023" / "image.png").write_bytes(bytes(range(256)) * 4)
    Page("Versteckt").write(root / ".cache" / "c.txt")
    report = lib.import_paths([root, str(tmp_path / "nothing*.txt"), tmp_path / "missing.txt", seed_path])
    assert sorted(Path(p).name for p, _ in report.imported) == ["a.txt", "b.dat", seed_path.name]
    reasons = {Path(p).name: r for p, r in report.failed}
    assert reasons == {
        "empty.txt": "empty file",
        "image.png": "binary file, not text",
        "nothing*.txt": "no file matches this pattern",
        "missing.txt": "no such file or directory",
    }
    globbed = lib.import_paths([str(root / "**" / "*.txt")])
    assert [Path(p).name for p, _ in globbed.unchanged] == ["a.txt"]


def test_a_file_reached_twice_or_through_links_is_imported_once_in_name_order(lib: Library, tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    for title in ("Zwei", "Eins", "Drei"):
        Page(title).write(root / "x" / f"{title.lower()}.txt")
    (root / "y").symlink_to(root / "x")
    (tmp_path / "link.txt").symlink_to(root / "x" / "eins.txt")
    report = lib.import_paths([root, tmp_path / "link.txt", root / "x" / "zwei.txt", root / "x"])
    assert [Path(p).name for p, _ in report.imported] == ["drei.txt", "eins.txt", "zwei.txt"]
    assert report.unchanged == [] and report.failed == [] and lib.count() == 3


def test_format_is_told_by_content_not_by_name(lib: Library, tmp_path: Path, seed_path: Path) -> None:
    lib.import_paths([seed_path])
    export(lib, "md", tmp_path / "md")
    (exported,) = (tmp_path / "md").iterdir()
    disguised = tmp_path / "looks-like-text.txt"
    disguised.write_bytes(exported.read_bytes())
    crawl_as_html = Page("Als HTML gespeichert").write(tmp_path / "page.html")
    with Library(tmp_path / "other.db") as other:
        report = other.import_paths([disguised, crawl_as_html])
        formats = {Path(p).name: other.get(i).format for p, i in report.imported}
    assert formats == {"looks-like-text.txt": "markdown", "page.html": "crawl"}


def test_a_parser_crash_fails_one_file_and_the_rest_import(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuireader.ingest import textformat

    real = textformat.parse

    def fragile(text: str, *args: object):
        if "Kaputt" in text:
            raise RuntimeError("parser bug")
        return real(text, *args)

    monkeypatch.setattr(textformat, "parse", fragile)
    files = [Page(t).write(tmp_path / f"{t}.txt") for t in ("Eins", "Kaputt", "Drei")]
    report = lib.import_paths(files)
    assert len(report.imported) == 2
    assert report.failed == [(str(files[1]), "cannot parse: RuntimeError: parser bug")]


def test_an_article_that_cannot_be_stored_leaves_nothing_behind(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = writer.write_teaser_rows

    def failing(conn, article_id, rows):  # type: ignore[no-untyped-def]
        real(conn, article_id, rows)
        if any("Gift" in row for row in rows):
            raise sqlite3.IntegrityError("simulated failure after the teasers")

    monkeypatch.setattr(writer, "write_teaser_rows", failing)
    files = [
        Page("Eins", cards=[Card("Gut")]).write(tmp_path / "1.txt"),
        Page("Zwei", cards=[Card("Gift")]).write(tmp_path / "2.txt"),
        Page("Drei", cards=[Card("Gut")]).write(tmp_path / "3.txt"),
    ]
    report = lib.import_paths(files)
    assert [Path(p).name for p, _ in report.failed] == ["2.txt"]
    assert [Path(p).name for p, _ in report.imported] == ["1.txt", "3.txt"]
    assert report.updated == [] and report.unchanged == []
    assert sorted(s.title for s in lib.summaries()) == ["Drei", "Eins"]
    raw = sqlite3.connect(lib.path)
    assert raw.execute("SELECT count(*) FROM files").fetchone()[0] == 2
    assert raw.execute("SELECT count(*) FROM teasers").fetchone()[0] == 2
    assert raw.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'zwei'").fetchone()[0] == 0
    raw.close()


def test_add_stores_a_parsed_article(lib: Library, seed_path: Path) -> None:
    from tuireader.ingest import parse_file

    article = parse_file(seed_path)
    aid, status = lib.add(article, seed_path.read_bytes())
    assert status == "imported" and lib.get(aid).title == SEED_TITLE
    assert lib.add(article, seed_path.read_bytes()) == (aid, "unchanged")


def test_one_library_is_shared_by_threads(lib: Library, tmp_path: Path) -> None:
    files = [Page(f"Artikel {n}").write(tmp_path / f"{n}.txt") for n in range(40)]
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(50):
                for s in lib.summaries(limit=10):
                    lib.get(s.id)
                lib.search("Artikel")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    report = lib.import_paths(files)
    for t in threads:
        t.join()
    assert errors == [] and len(report.imported) == 40 and lib.count() == 40


def _fts_consistent(lib: Library) -> bool:
    try:
        lib.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def test_copies_of_one_article_in_one_import_are_indexed_once(lib: Library, tmp_path: Path) -> None:
    files = [Page("Gold steigt weiter", cards=[Card(f"Teaser {n}")]).write(tmp_path / f"{n}.txt") for n in range(3)] + [
        Page("Silber fällt").write(tmp_path / "s.txt")
    ]
    report = lib.import_paths(files)
    assert (len(report.imported), len(report.updated)) == (2, 2)
    assert [h.title for h in lib.search("Gold")] == ["Gold steigt weiter"]
    assert [h.title for h in lib.search("Silber")] == ["Silber fällt"]
    assert _fts_consistent(lib)


def test_a_failed_update_in_a_batch_leaves_the_index_whole(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = writer.write_teaser_rows

    def failing(conn, article_id, rows):  # type: ignore[no-untyped-def]
        if any("Gift" in row for row in rows):
            raise ValueError("simulated")
        real(conn, article_id, rows)

    monkeypatch.setattr(writer, "write_teaser_rows", failing)
    files = [
        Page("Gold steigt weiter", cards=[Card("Gut")]).write(tmp_path / "1.txt"),
        Page("Gold steigt weiter", cards=[Card("Gift")]).write(tmp_path / "2.txt"),  # an update that fails
        Page("Silber fällt").write(tmp_path / "3.txt"),
    ]
    report = lib.import_paths(files)
    assert [Path(p).name for p, _ in report.failed] == ["2.txt"]
    assert [h.title for h in lib.search("Gold")] == ["Gold steigt weiter"]
    assert [h.title for h in lib.search("Silber")] == ["Silber fällt"]
    assert [t.title for t in lib.get(lib.search("Gold")[0].id).related] == ["Gut"]
    assert _fts_consistent(lib)


def test_the_index_check_notices_a_broken_index(lib: Library, tmp_path: Path) -> None:
    lib.import_paths([Page("Gold steigt weiter").write(tmp_path / "1.txt")])
    assert _fts_consistent(lib)
    lib.conn.execute("UPDATE articles SET body = 'ganz anders' WHERE 1")  # behind the index's back
    lib.conn.execute("DROP TRIGGER articles_fts_update")
    lib.conn.execute("UPDATE articles SET body = 'noch anders' WHERE 1")
    assert not _fts_consistent(lib)


def test_stored_paths_are_absolute_whatever_the_import_said(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Page("Relativ").write(tmp_path / "crawl" / "a.txt")
    monkeypatch.chdir(tmp_path)
    ((reported, aid),) = lib.import_paths(["crawl/a.txt"]).imported
    assert reported == "crawl/a.txt"  # reports speak the user's words
    assert lib.get(aid).path == str(tmp_path / "crawl" / "a.txt")


def test_the_library_and_its_commands_never_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tuireader.library, tuireader.library.exporters, tuireader.library.reparse\n"
        "import tuireader.commands.importing, tuireader.commands.listing, tuireader.commands.search\n"
        "import tuireader.commands.show, tuireader.commands.marks, tuireader.commands.export\n"
        "import tuireader.commands.remove, tuireader.commands.reparse\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_only_regular_files_are_read(lib: Library) -> None:
    report = lib.import_paths(["/dev/zero"])
    assert report.failed == [("/dev/zero", "not a regular file")]
