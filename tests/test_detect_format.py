"""Format detection: our exports first, then real HTML structure; text about HTML stays text."""

from __future__ import annotations

from tuireader.ingest import detect_format, exportformat, parse_bytes
from tuireader.model import Article

CRAWL_ABOUT_HTML = (
    "Netzwelt\n\nSo baut man Webseiten: <p>, <a>, <div> und <span> erklärt\n\n"
    "10.01.2022 10:00\n\nWer eine Seite schreibt, beginnt mit <p und <a href, dann <div class, "
    "<span und <br. Das Element <section> gliedert, <article> umschließt.\n\n"
    "Mehr als fünf Tags im Text machen aus einem Artikel noch keine Webseite.\n"
)


def test_crawler_text_about_html_stays_crawler_text() -> None:
    assert detect_format(CRAWL_ABOUT_HTML) == "crawl"
    article = parse_bytes(CRAWL_ABOUT_HTML.encode())
    assert article.format == "crawl" and "Webseiten" in article.title


def test_our_exports_are_detected_before_html() -> None:
    article = Article(
        title="<script>alert(1)</script> <p> <a> <div> <span>",
        body="<html><body><p>x</p><div>y</div><a>z</a><span>w</span></body></html>",
    )
    assert detect_format(exportformat.to_markdown(article)) == "markdown"
    assert detect_format(exportformat.to_json([article])) == "json"
    assert parse_bytes(exportformat.to_markdown(article).encode()).title == article.title


def test_real_pages_and_fragments_are_html() -> None:
    assert detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    fragment = '<div class="story"><h1>Titel</h1><p>Erster Absatz.</p><p>Zweiter.</p><a href="/x">mehr</a></div>'
    assert detect_format(fragment) == "html"
