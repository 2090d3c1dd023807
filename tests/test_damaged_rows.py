"""A damaged row (its JSON column not JSON, wrong types) shows what can be read, with a note: no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_library_support import make_pages

from tuireader.cli import main
from tuireader.library import Library


@pytest.fixture
def damaged(tmp_path: Path, home: Path) -> Path:
    path = home / "library.db"
    with Library(path) as lib:
        lib.import_paths(make_pages(tmp_path / "pages", 3))
        lib.conn.execute("UPDATE articles SET extra = 'not json {' WHERE id = 1")
        lib.conn.execute("UPDATE articles SET extra = '[1, 2]', section = 42 WHERE id = 2")
        lib.conn.execute(
            "UPDATE articles SET extra = ? WHERE id = 3",
            [json.dumps({"authors": "not a list", "reading_minutes": "x", "url": 5})],
        )
    return path


@pytest.mark.parametrize("article_id", [1, 2, 3])
def test_show_bookmark_and_export_read_a_damaged_row(
    capsys: pytest.CaptureFixture[str], damaged: Path, tmp_path: Path, article_id: int
) -> None:
    assert main(["show", str(article_id)]) == 0
    out = capsys.readouterr().out
    assert "damaged" in out and "Traceback" not in out
    assert main(["show", str(article_id), "--json"]) == 0
    assert "damaged" in json.loads(capsys.readouterr().out)
    assert main(["bookmark", str(article_id), "--note", "still here"]) == 0
    capsys.readouterr()
    for fmt, dest in (("json", "a.json"), ("md", "md"), ("html", "b.html")):
        assert main(["export", "--format", fmt, str(tmp_path / dest)]) == 0
        assert f"note on {article_id}" in capsys.readouterr().out
    assert main(["list"]) == 0


def test_the_library_gives_an_article_with_a_note(damaged: Path) -> None:
    with Library(damaged) as lib:
        for article_id in (1, 2, 3):
            article = lib.require(article_id)
            assert article.damaged and article.title and article.body
            assert all(isinstance(a, str) for a in article.authors)
        assert lib.require(2).section == "42"
