"""Between model dataclasses and rows: the only place that knows both.

Widgets and commands get ``Article``, ``ArticleSummary`` and ``Teaser``
objects; they never see a row.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from typing import Any

from tuireader.ingest.crawl_lines import is_normal
from tuireader.model import Article, ArticleSummary, Teaser

# The note is read (by a subquery) only for bookmarked rows, so the list's page
# query stays answered by the articles_list index alone, never reading a row.
SUMMARY_COLUMNS = (
    "id, title, section, published, source, read, bookmarked, "
    "CASE WHEN bookmarked THEN (SELECT n.bookmark_note FROM articles AS n WHERE n.id = articles.id) END"
)
ARTICLE_COLUMNS = "id, title, section, lead, body, published, source, extra, format, bookmarked, bookmark_note, read"
TEASER_COLUMNS = "title, source, section, date, summary, sponsored, url"


def title_key(title: str) -> str:
    """A title folded for matching: case, Unicode form and whitespace do not count."""
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())


def dedup_key(article: Article) -> str:
    """Same title, published time and story: the same article, whichever crawl it came from."""
    story = _single_spaced(unicodedata.normalize("NFC", article.body))
    parts = (title_key(article.title), article.published or "", story)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``, without splitting text whose paragraphs are single-spaced already.

    Bodies are such paragraphs between blank lines; joining paragraphs that have
    nothing to normalise with one space is the same as splitting into words and joining those.
    """
    paragraphs = text.split("\n\n")
    if all(p and is_normal(p) for p in paragraphs):
        return " ".join(paragraphs)
    return " ".join(text.split())


def sort_key(article: Article) -> str:
    return article.published or ""


def extra_json(article: Article) -> str:
    data = {
        "authors": list(article.authors),
        "image_caption": article.image_caption,
        "leftover": list(article.leftover),
        "reading_minutes": article.reading_minutes,
        "related_label": article.related_label,
        "tags": list(article.tags),
        "updated": article.updated,
        "url": article.url,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def article_values(article: Article) -> dict[str, Any]:
    """Column values describing the parsed article (not its library state)."""
    return {
        "title": article.title,
        "title_key": title_key(article.title),
        "section": article.section,
        "lead": article.lead,
        "body": article.body,
        "published": article.published,
        "sort_key": sort_key(article),
        "source": article.source,
        "extra": extra_json(article),
        "format": article.format,
    }


def teaser_values(position: int, teaser: Teaser) -> tuple[Any, ...]:
    """Column values of a teaser row after its article id."""
    return (
        position,
        teaser.title,
        title_key(teaser.title),
        teaser.source,
        teaser.section,
        teaser.date,
        teaser.summary,
        1 if teaser.sponsored else 0,
        teaser.url,
    )


def row_to_summary(row: sqlite3.Row | tuple[Any, ...]) -> ArticleSummary:
    id_, title, section, published, source, read, bookmarked, note = row
    return ArticleSummary(
        id=id_,
        title=title,
        section=section,
        published=published,
        source=source,
        read=bool(read),
        bookmarked=bool(bookmarked),
        note=note or None,
    )


def row_to_teaser(row: tuple[Any, ...], linked_id: int | None) -> Teaser:
    title, source, section, date, summary, sponsored, url = row
    return Teaser(
        title=title,
        source=source,
        section=section,
        date=date,
        summary=summary,
        sponsored=bool(sponsored),
        url=url,
        article_id=linked_id,
    )


def row_to_article(row: tuple[Any, ...], teasers: list[Teaser], path: str | None) -> Article:
    (id_, title, section, lead, body, published, source, extra, fmt, bookmarked, note, read) = row
    data: dict[str, Any] = json.loads(extra)
    data.update(
        title=title,
        section=section,
        lead=lead,
        body=body,
        published=published,
        source=source,
        format=fmt,
        path=path,
    )
    article = Article.from_dict(data)
    article.related = teasers
    article.id = id_
    article.bookmarked = bool(bookmarked)
    article.bookmark_note = note
    article.read = bool(read)
    return article


def same_content(stored_extra: str, stored_teasers: list[Teaser], article: Article) -> bool:
    """Whether a new copy of an article would change nothing that is stored."""
    new = [t.to_dict() for t in article.related]
    old = [t.to_dict() for t in stored_teasers]
    return stored_extra == extra_json(article) and new == old
