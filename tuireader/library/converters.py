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
        title=_text(title) or "",
        section=_text(section),
        published=_text(published),
        source=_text(source),
        read=bool(read),
        bookmarked=bool(bookmarked),
        note=note or None,
    )


def row_to_teaser(row: tuple[Any, ...], linked_id: int | None) -> Teaser:
    title, source, section, date, summary, sponsored, url = row
    return Teaser(
        title=_text(title) or "",
        source=_text(source),
        section=_text(section),
        date=_text(date),
        summary=_text(summary),
        sponsored=bool(sponsored),
        url=_text(url),
        article_id=linked_id,
    )


# The details kept as JSON in the ``extra`` column, with the type each must have.
_EXTRA_TEXT = ("image_caption", "related_label", "updated", "url")
_EXTRA_LISTS = ("authors", "leftover", "tags")


def _text(value: Any) -> str | None:
    """A column value as text (a damaged row may hold a number or bytes where text belongs)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _extra(extra: Any) -> tuple[dict[str, Any], list[str]]:
    """The readable details of the ``extra`` column, and what could not be read."""
    try:
        data = json.loads(extra)
    except (TypeError, ValueError):
        return {}, ["its details (authors, tags, link, caption) are not readable"]
    if not isinstance(data, dict):
        return {}, ["its details (authors, tags, link, caption) are not readable"]
    out: dict[str, Any] = {}
    bad: list[str] = []
    for key in _EXTRA_TEXT:
        value = data.get(key)
        if value is None or isinstance(value, str):
            out[key] = value
        else:
            bad.append(key)
    for key in _EXTRA_LISTS:
        value = data.get(key) or []
        if isinstance(value, list):
            out[key] = [_text(v) or "" for v in value]
        else:
            bad.append(key)
    minutes = data.get("reading_minutes")
    if minutes is None or (isinstance(minutes, int) and not isinstance(minutes, bool)):
        out["reading_minutes"] = minutes
    else:
        bad.append("reading_minutes")
    return out, [f"{', '.join(bad)} not readable"] if bad else []


def row_to_article(row: tuple[Any, ...], teasers: list[Teaser], path: str | None) -> Article:
    """The article of a row; a damaged row gives what can be read, with a note in ``damaged``."""
    (id_, title, section, lead, body, published, source, extra, fmt, bookmarked, note, read) = row
    data, problems = _extra(extra)
    if not isinstance(title, str):
        problems.append("its title is not text")
    if body is not None and not isinstance(body, str):
        problems.append("its story is not text")
    data.update(
        title=_text(title) or "",
        section=_text(section),
        lead=_text(lead),
        body=_text(body) or "",
        published=_text(published),
        source=_text(source),
        format=_text(fmt) or "crawl",
        path=path,
    )
    article = Article.from_dict(data)
    article.related = teasers
    article.id = id_
    article.bookmarked = bool(bookmarked)
    article.bookmark_note = _text(note)
    article.read = bool(read)
    if problems:
        article.damaged = "this article's stored row is damaged: " + "; ".join(problems)
    return article


def same_content(stored_extra: str, stored_teasers: list[Teaser], article: Article) -> bool:
    """Whether a new copy of an article would change nothing that is stored."""
    new = [t.to_dict() for t in article.related]
    old = [t.to_dict() for t in stored_teasers]
    return stored_extra == extra_json(article) and new == old
