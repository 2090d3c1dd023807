"""`reparse`: articles rebuilt from their stored files, library state kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_library_support import Card, Page

from tuireader.ingest import textformat
from tuireader.library import Library
from tuireader.model import Article


def _naive_parse(text: str) -> Article:
    """A parser that has not learnt about teaser blocks: everything is story."""
    lines = [line for line in text.split("\n") if line.strip()]
    return Article(title=lines[2] if len(lines) > 2 else lines[0], body="\n\n".join(lines[3:]))


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "library.db") as library:
        yield library


def test_reparse_merges_what_a_better_parser_sees_as_one_article(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Page("Gold steigt weiter", cards=[Card("Alter Teaser")]).write(tmp_path / "1.txt")
    second = Page("Gold steigt weiter", cards=[Card("Neuer Teaser")]).write(tmp_path / "2.txt")
    with monkeypatch.context() as m:
        m.setattr(textformat, "parse", _naive_parse)
        ids = [i for _, i in lib.import_paths([first, second]).imported]
    assert len(ids) == 2 and lib.count() == 2  # the teaser blocks made the "stories" differ
    lib.set_bookmark(ids[1], True, "wichtig")
    lib.set_read(ids[0], True)
    lib.set_position(ids[1], 40.0)

    report = lib.reparse()

    assert (report.merged, report.failed) == (1, [])
    assert lib.count() == 1
    article = lib.get(ids[0])  # the older id stays
    assert article.body.startswith("Der erste Absatz") and "Teaser" not in article.body
    assert [t.title for t in article.related] == ["Neuer Teaser"]  # the newest copy wins
    assert (article.bookmarked, article.bookmark_note, article.read) == (True, "wichtig", True)
    assert lib.get_position(ids[0]) == 40.0
    assert lib.get(ids[1]) is None
    assert len(lib.originals(ids[0])) == 2
    # Importing either file again finds the merged article.
    assert {i for _, i in lib.import_paths([first, second]).unchanged} == {ids[0]}


def test_reparse_splits_what_a_better_parser_tells_apart(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = Page("Gleicher Titel", paragraphs=["Geschichte A."]).write(tmp_path / "a.txt")
    b = Page("Gleicher Titel", paragraphs=["Geschichte B."]).write(tmp_path / "b.txt")
    with monkeypatch.context() as m:
        m.setattr(textformat, "parse", lambda text: Article(title="Gleicher Titel", body="x"))
        report = lib.import_paths([a, b])
    ((_, aid),) = report.imported
    lib.set_bookmark(aid, True)
    result = lib.reparse()
    assert result.split == 1 and lib.count() == 2
    bodies = {lib.get(s.id).body for s in lib.summaries()}
    assert bodies == {"Geschichte A.", "Geschichte B."}
    assert all(s.bookmarked for s in lib.summaries())


def test_reparse_without_parser_changes_changes_nothing(lib: Library, tmp_path: Path, seed_path: Path) -> None:
    lib.import_paths([seed_path, Page("Zweiter Artikel").write(tmp_path / "2.txt")])
    before = {s.id: lib.get(s.id).to_dict() for s in lib.summaries()}
    report = lib.reparse()
    assert (report.files, report.articles, report.changed, report.merged, report.split) == (2, 2, 0, 0, 0)
    assert {s.id: lib.get(s.id).to_dict() for s in lib.summaries()} == before
    assert len(lib.search("Kasachstan")) == 1


def test_a_file_the_parser_now_rejects_keeps_its_article(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = Page("Bleibt wie es war").write(tmp_path / "a.txt")
    ((_, aid),) = lib.import_paths([path]).imported
    lib.set_read(aid, True)
    monkeypatch.setattr(textformat, "parse", lambda text: (_ for _ in ()).throw(RuntimeError("regression")))
    report = lib.reparse()
    assert len(report.failed) == 1 and "regression" in report.failed[0][1]
    article = lib.get(aid)
    assert article.title == "Bleibt wie es war" and article.read
    monkeypatch.undo()
    copy = tmp_path / "b.txt"  # other bytes, same article: found by its (restored) identity
    copy.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert lib.import_paths([copy]).unchanged == [(str(copy), aid)]


def test_reparse_rebuilds_articles_stored_by_an_older_parser_version(
    lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library written before the byline rule ("Von Max Muster, Berlin": Berlin is a place) learns it on reparse."""
    import sqlite3

    from tuireader.ingest import PARSER_VERSION, crawl_header, crawl_lines
    from tuireader.library import writer

    page = Page("Hafen wird umgebaut").text().replace("10.01.2022 10:00", "Von Max Muster, Berlin\n10.01.2022 10:00")
    path = tmp_path / "hafen.txt"
    path.write_text(page, encoding="utf-8")

    def byline_before(line: str):  # the rule of the earlier parser version: every comma part a name
        found = crawl_lines.read_byline(line)
        return (found[0] + [found[1]], None) if found and found[1] else found

    with monkeypatch.context() as m:
        m.setattr(writer, "PARSER_VERSION", PARSER_VERSION - 1)
        m.setattr(crawl_header, "read_byline", byline_before)
        ((_, aid),) = lib.import_paths([path]).imported
    assert lib.get(aid).authors == ["Max Muster", "Berlin"]
    lib.set_read(aid, True)

    report = lib.reparse()

    assert (report.files, report.changed, report.failed) == (1, 1, [])
    article = lib.get(aid)
    assert article.authors == ["Max Muster"]
    assert "Berlin" in article.leftover
    assert article.read
    with sqlite3.connect(tmp_path / "library.db") as conn:
        versions = conn.execute(
            "SELECT parser_version FROM articles UNION ALL SELECT parser_version FROM files"
        ).fetchall()
    assert versions == [(PARSER_VERSION,), (PARSER_VERSION,)]
