"""Exports never write outside their destination, never export a script link, and round-trip losslessly."""

from __future__ import annotations

import html.parser
import json
import os
from pathlib import Path

import pytest

from tuireader.ingest import exportformat
from tuireader.library import Library
from tuireader.library.exporters import export, markdown_name
from tuireader.model import Article

INVISIBLE = "\x85\x9b\ufeff\u200b\u200c\u200d\u2060\u202e\u2066\x1b[2J"


def _store(lib: Library, article: Article) -> int:
    """Store an article as an edited export would bring it in (published unchecked by the parser)."""
    raw = exportformat.to_json([article]).encode()
    article_id, _ = lib.add(article, raw)
    return article_id


@pytest.mark.parametrize(
    "published",
    ["../../escaped", "/tmp/absolute", "..", "a\x00b", "x" * 5000, "CON", "NUL", "../" * 50 + "etc", "2022-01-10"],
    ids=["parent", "absolute", "dotdot", "nul", "long", "con", "nul-device", "deep", "date"],
)
def test_markdown_file_names_stay_inside_the_destination(tmp_path: Path, published: str) -> None:
    article = Article(title="CON", body="Story", published=published, id=7)
    name = markdown_name(article)
    assert set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-.") and len(name) < 100
    assert name[0].isdigit() or name.startswith("undated")
    with Library(tmp_path / "lib.db") as lib:
        _store(lib, Article(title="Hafen", body="Story", published=published))
        dest = tmp_path / "out" / "md"
        report = export(lib, "md", dest)
    assert report.written == 1
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".md"]
    assert written and all(p.parent == dest for p in written)


def test_bookmark_file_exports_only_web_and_file_links_with_attributes_escaped(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        for n, url in enumerate(
            [
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox",
                " javascript:alert(1)",
                'https://example.org/a"onmouseover="alert(1)',
                "https://example.org/ok",
            ]
        ):
            _store(lib, Article(title=f'T{n} <script>alert(1)</script> "q"', body=f"story {n}", url=url))
        report = export(lib, "html", tmp_path / "b.html")
    text = (tmp_path / "b.html").read_text()
    hrefs: list[str] = []

    class Links(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "a":
                hrefs.append(dict(attrs)["href"] or "")
                assert set(dict(attrs)) <= {"href", "add_date", "tags"}

    Links().feed(text)
    assert hrefs and all(h.split(":", 1)[0] in ("http", "https", "file") for h in hrefs)
    assert "<script>" not in text
    assert report.written + len(report.skipped) == 7


def test_round_trip_keeps_invisible_characters_untitled_articles_and_script_titles(tmp_path: Path) -> None:
    articles = [
        Article(title=f"Title{INVISIBLE}", body=f"Story {INVISIBLE}\n\nmore", lead=INVISIBLE, published="2022-01-10"),
        Article(title="<script>alert(1)</script>", body="<p>about</p> <div> <a> <span> <br> story"),
        Article(title="", body="An untitled story kept in the library"),
    ]
    with Library(tmp_path / "lib.db") as lib:
        for a in articles:
            _store(lib, a)
        before = [exportformat.article_record(lib.require(i)) for i in lib.article_ids()]
        export(lib, "json", tmp_path / "all.json")
        export(lib, "md", tmp_path / "md")
    for source in (tmp_path / "all.json", tmp_path / "md"):
        with Library(tmp_path / f"again-{source.name}.db") as again:
            report = again.import_paths([source])
            assert not report.failed, report.failed
            after = [exportformat.article_record(again.require(i)) for i in again.article_ids()]
        strip = {"path": None, "format": None, "id": None}
        assert sorted(json.dumps(r | strip) for r in after) == sorted(json.dumps(r | strip) for r in before)


def test_exports_print_safely(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        _store(lib, Article(title=f"Title{INVISIBLE}", body=f"Story {INVISIBLE}"))
        export(lib, "json", tmp_path / "all.json")
        export(lib, "md", tmp_path / "md")
    for path in [tmp_path / "all.json", *(tmp_path / "md").iterdir()]:
        data = path.read_bytes()
        assert b"\x1b" not in data and "\x9b".encode() not in data and "\u202e".encode() not in data
    assert os.listdir(tmp_path / "md")
