"""Exports: JSON and markdown read back losslessly; HTML a browser bookmark file."""

from __future__ import annotations

import html.parser
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_library_support import Card, Page

from tuireader.ingest import detect_format, exportformat, parse_bytes
from tuireader.library import Library
from tuireader.library.exporters import export
from tuireader.model import Article, Teaser

# Stored text may hold anything an export carried in (C1 controls, U+FEFF, zero-width and bidi
# characters, escapes): exports keep it exactly; only what is shown is sanitised.
_odd = st.sampled_from("\n\t\r\x1b\x07\x85\x9b\ufeff\u200b\u200d\u2060\u202e\u2066\u2028")
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | _odd)
_line = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | _odd, min_size=1).filter(lambda s: s.strip())
_opt = st.none() | _text
_moment = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1))
_day = _moment.map(lambda d: d.date().isoformat())
_stamp = st.none() | _day | _moment.map(lambda d: d.isoformat(timespec="minutes"))
_teaser = st.builds(
    Teaser,
    title=_line,
    source=_opt,
    section=_opt,
    date=st.none() | _day,
    summary=_opt,
    sponsored=st.booleans(),
    url=_opt,
)
_article = st.builds(
    Article,
    title=_line,
    body=_text,
    section=_opt,
    lead=_opt,
    published=_stamp,
    updated=_stamp,
    reading_minutes=st.none() | st.integers(0, 500),
    image_caption=_opt,
    source=_opt,
    url=_opt,
    authors=st.lists(_line, max_size=3),
    tags=st.lists(_line, max_size=3),
    related_label=_opt,
    related=st.lists(_teaser, max_size=4),
    leftover=st.lists(_text, max_size=2),
    path=_opt,
    id=st.none() | st.integers(1, 10**6),
    bookmarked=st.booleans(),
    bookmark_note=_opt,
    read=st.booleans(),
)


def _same(a: Article, b: Article) -> None:
    """Equal in everything but where it was read from (``path``, ``format``)."""
    provenance = {"format": None, "path": None}
    assert exportformat.article_record(b) | provenance == exportformat.article_record(a) | provenance


@settings(max_examples=80, deadline=None)
@given(_article)
def test_markdown_export_reads_back_losslessly(article: Article) -> None:
    text = exportformat.to_markdown(article)
    assert detect_format(text) == "markdown"
    parsed = parse_bytes(text.encode("utf-8"))
    _same(article, parsed)


@settings(max_examples=40, deadline=None)
@given(st.lists(_article, min_size=1, max_size=3))
def test_json_export_reads_back_losslessly(articles: list[Article]) -> None:
    text = exportformat.to_json(articles)
    assert detect_format(text) == "json"
    back = exportformat.parse_all(text)
    assert len(back) == len(articles)
    for a, b in zip(articles, back, strict=False):
        _same(a, b)


def test_front_matter_is_plain_yaml_keys_with_a_story_after_it(seed_path: Path) -> None:
    article = parse_bytes(seed_path.read_bytes(), str(seed_path))
    text = exportformat.to_markdown(article)
    head, _, body = text.partition("\n---\n\n")
    assert head.startswith('---\ntuireader_export: 1\ntitle: "Putin: Werden in Kasachstan')
    assert 'section: "Politik"' in head and 'published: "2022-01-10T10:00"' in head
    assert body == article.body + "\n"


def _library(tmp_path: Path, seed_path: Path) -> Library:
    lib = Library(tmp_path / "library.db")
    lib.import_paths(
        [
            seed_path,
            Page("Zweiter <Artikel> & „Co“", cards=[Card("Ein Teaser")]).write(tmp_path / "crawl" / "b.txt"),
            Page("Dritter Artikel", published="01.02.2023 07:00").write(tmp_path / "crawl" / "c.txt"),
        ]
    )
    return lib


def _state(lib: Library) -> dict[str, tuple]:
    out = {}
    for s in lib.summaries():
        a = lib.get(s.id)
        record = exportformat.article_record(a)
        for key in ("id", "path", "format"):
            record.pop(key)
        out[a.title] = (json.dumps(record, sort_keys=True, ensure_ascii=False),)
    return out


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_a_library_survives_export_and_import(tmp_path: Path, seed_path: Path, fmt: str) -> None:
    with _library(tmp_path, seed_path) as lib:
        ids = {s.title: s.id for s in lib.summaries()}
        lib.set_bookmark(ids["Dritter Artikel"], True, "später lesen")
        lib.set_read(next(i for t, i in ids.items() if t.startswith("Putin")), True)
        before = _state(lib)
        dest = tmp_path / ("out.json" if fmt == "json" else "out")
        assert export(lib, fmt, dest).written == 3
        again = lib.import_paths([dest])  # into the same library: nothing new
        assert again.imported == [] and again.updated == [] and len(again.unchanged) == 3
    with Library(tmp_path / "fresh.db") as fresh:
        report = fresh.import_paths([dest])
        assert len(report.imported) == 3 and report.failed == []
        assert _state(fresh) == before
        # And out again, the same files.
        if fmt == "json":
            export(fresh, "json", tmp_path / "again.json")
            first = json.loads(dest.read_text(encoding="utf-8"))["articles"]
            second = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))["articles"]
            strip = lambda rs: sorted(  # noqa: E731
                json.dumps({k: v for k, v in r.items() if k not in ("id", "path", "format")}) for r in rs
            )
            assert strip(first) == strip(second)


def test_markdown_export_is_one_named_file_per_article(tmp_path: Path, seed_path: Path) -> None:
    with _library(tmp_path, seed_path) as lib:
        report = export(lib, "md", tmp_path / "md", bookmarked=False)
    names = sorted(p.name for p in (tmp_path / "md").iterdir())
    assert len(names) == 3 and report.written == 3
    assert any(n.startswith("2022-01-10-") and "putin-werden-in-kasachstan" in n for n in names)
    assert all(n.endswith(".md") for n in names)


def test_export_bookmarked_exports_only_bookmarks(tmp_path: Path, seed_path: Path) -> None:
    with _library(tmp_path, seed_path) as lib:
        (third,) = [s.id for s in lib.summaries() if s.title == "Dritter Artikel"]
        lib.set_bookmark(third, True)
        export(lib, "json", tmp_path / "b.json", bookmarked=True)
    doc = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in doc["articles"]] == ["Dritter Artikel"]


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag == "a":
            self._open = dict(attrs)

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._open is not None:
            self.links.append((self._open, data))
            self._open = None


def test_html_export_is_a_netscape_bookmark_file(tmp_path: Path, seed_path: Path) -> None:
    with _library(tmp_path, seed_path) as lib:
        (second,) = [s.id for s in lib.summaries() if s.title.startswith("Zweiter")]
        lib.set_bookmark(second, True, "note")
        report = export(lib, "html", tmp_path / "bookmarks.html", bookmarked=True)
    text = (tmp_path / "bookmarks.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")
    parser = _Links()
    parser.feed(text)
    ((attrs, title),) = parser.links
    assert title == "Zweiter <Artikel> & „Co“"
    # a crawl-text article links to its stored copy, exported beside the bookmark file
    assert attrs["href"].startswith((tmp_path / "bookmarks-files").resolve().as_uri() + "/")
    assert attrs["add_date"].isdigit()
    assert report.written == 1 and report.skipped == []


def test_broken_exports_fail_with_a_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"tuireader_export": 1, "articles": 5}')
    empty = tmp_path / "empty.json"
    empty.write_text('{"tuireader_export": 1, "articles": []}')
    with Library(tmp_path / "library.db") as lib:
        report = lib.import_paths([bad, empty])
    assert dict(report.failed) == {
        str(bad): "JSON export without an article list",
        str(empty): "export holds no articles",
    }


@pytest.mark.parametrize(
    "record, reason",
    [
        ({"title": 5}, "title is not text"),
        ({"title": "T", "related": [{"title": "x", "date": {"d": 1}}]}, "teaser date is not text"),
        ({"title": "T", "tags": "politik"}, "tags is not a list of texts"),
        ({"title": "T", "reading_minutes": "zwei"}, "reading_minutes is not a number"),
    ],
)
def test_a_malformed_export_fails_alone(tmp_path: Path, record: dict, reason: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"tuireader_export": 1, "articles": [record]}))
    good = Page("Gutes Stück").write(tmp_path / "good.txt")
    with Library(tmp_path / "library.db") as lib:
        report = lib.import_paths([bad, good])
        assert report.failed == [(str(bad), f"malformed article: {reason}")]
        assert [s.title for s in lib.summaries()] == ["Gutes Stück"]
