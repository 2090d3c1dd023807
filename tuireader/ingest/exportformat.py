"""Our own exports, written and read back losslessly. Pure functions.

- JSON: ``{"tuireader_export": 1, "articles": [...]}``, each article its
  ``Article.to_dict()`` plus library state (``id``, ``bookmarked``,
  ``bookmark_note``, ``read``).
- Markdown: one article per file. YAML front matter between ``---`` lines,
  one ``key: value`` per line where every value is written as JSON (JSON is
  valid YAML), then a blank line and the story exactly as stored. A story
  holding characters that reading a text file changes or drops (controls,
  carriage returns, U+FEFF) is also kept in the front matter as ``body``,
  and the story below it is then the sanitised text, for people.

Both write invisible and control characters as ``\\uXXXX`` escapes
(``sanitize.dumps_json``): an export is safe to print, and stored text
(C1 controls, U+FEFF, zero-width characters) comes back exactly.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tuireader.ingest.fields import check_dates
from tuireader.model import Article
from tuireader.sanitize import clean_block, dumps_json

MARKER = "tuireader_export"
VERSION = 1

_JSON_HEAD = re.compile(r'\A\s*\{\s*"' + MARKER + r'"\s*:')
_MD_HEAD = f"---\n{MARKER}: "

# Front matter keys in the order they are written (the story is the body).
_FRONT_MATTER_KEYS = (
    "title",
    "source",
    "section",
    "published",
    "updated",
    "reading_minutes",
    "url",
    "lead",
    "image_caption",
    "authors",
    "tags",
    "format",
    "path",
    "id",
    "bookmarked",
    "bookmark_note",
    "read",
    "related_label",
    "related",
    "leftover",
)


def detect(text: str) -> str | None:
    """``"json"`` or ``"markdown"`` for our exports, else None."""
    if text.startswith(_MD_HEAD):
        return "markdown"
    if _JSON_HEAD.match(text[:256]):
        return "json"
    return None


def article_record(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    data.update(
        id=article.id,
        bookmarked=article.bookmarked,
        bookmark_note=article.bookmark_note,
        read=article.read,
    )
    return data


def export_document(articles: list[Article]) -> dict[str, Any]:
    return {MARKER: VERSION, "articles": [article_record(a) for a in articles]}


def to_json(articles: list[Article]) -> str:
    return dumps_json(export_document(articles), indent=1) + "\n"


# Characters that decoding a text file removes or changes (decode.clean_text), besides tab and newline.
_NOT_KEPT_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")


def to_markdown(article: Article) -> str:
    record = article_record(article)
    lines = ["---", f"{MARKER}: {VERSION}"]
    for key in _FRONT_MATTER_KEYS:
        lines.append(f"{key}: {dumps_json(record[key])}")
    body = article.body
    if _NOT_KEPT_IN_TEXT.search(body):
        lines.append(f"body: {dumps_json(body)}")
        body = clean_block(body)
    lines += ["---", "", body]
    return "\n".join(lines) + "\n"


_TEXT_FIELDS = (
    "source",
    "url",
    "section",
    "lead",
    "published",
    "updated",
    "image_caption",
    "path",
    "related_label",
    "bookmark_note",
)
_LIST_FIELDS = ("authors", "tags", "leftover")
_TEASER_TEXT_FIELDS = ("source", "section", "date", "summary", "url")


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"malformed article: {what}")


def _article(record: dict[str, Any]) -> Article:
    """An article from an export record; ValueError names the first field of a wrong type."""
    _check(isinstance(record, dict), "not an object")
    data = dict(record)
    data.pop("format", None)
    _check(isinstance(data.get("title"), str), "title is not text")
    _check(isinstance(data.get("body", ""), str), "body is not text")
    for key in _TEXT_FIELDS:
        _check(data.get(key) is None or isinstance(data[key], str), f"{key} is not text")
    for key in _LIST_FIELDS:
        value = data.get(key) or []
        _check(isinstance(value, list) and all(isinstance(v, str) for v in value), f"{key} is not a list of texts")
        data[key] = value
    minutes = data.get("reading_minutes")
    _check(
        minutes is None or (isinstance(minutes, int) and not isinstance(minutes, bool)),
        "reading_minutes is not a number",
    )
    _check(data.get("id") is None or isinstance(data.get("id"), int), "id is not a number")
    related = data.get("related") or []
    _check(isinstance(related, list), "related is not a list")
    for teaser in related:
        _check(isinstance(teaser, dict) and isinstance(teaser.get("title"), str), "a teaser without a title")
        for key in _TEASER_TEXT_FIELDS:
            _check(teaser.get(key) is None or isinstance(teaser[key], str), f"teaser {key} is not text")
    data["related"] = related
    data["bookmarked"] = bool(data.get("bookmarked"))
    data["read"] = bool(data.get("read"))
    try:
        return check_dates(Article.from_dict(data))
    except TypeError as exc:
        raise ValueError(f"malformed article: {exc}") from None


def parse_all(text: str) -> list[Article]:
    """Every article of an export (JSON: many; markdown: one). Raises ValueError if malformed."""
    fmt = detect(text)
    if fmt == "markdown":
        return [parse_markdown(text)]
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"broken JSON export: {exc}") from None
    articles = doc.get("articles") if isinstance(doc, dict) else None
    if not isinstance(articles, list):
        raise ValueError("JSON export without an article list")
    return [_article(r) for r in articles]


def parse_markdown(text: str) -> Article:
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        raise ValueError("no front matter")
    record: dict[str, Any] = {}
    for i in range(1, len(lines)):
        line = lines[i]
        if line == "---":
            rest = "\n".join(lines[i + 1 :])
            break
        key, sep, value = line.partition(": ")
        if not sep:
            continue
        try:
            record[key] = json.loads(value)
        except json.JSONDecodeError:
            record[key] = value  # hand-edited plain YAML scalar
    else:
        raise ValueError("front matter is never closed")
    if rest.startswith("\n"):
        rest = rest[1:]
    if rest.endswith("\n"):
        rest = rest[:-1]
    if not isinstance(record.get("body"), str):
        record["body"] = rest
    return _article(record)


def parse(text: str, fmt: str) -> Article:
    """The (first) article of an export; for a broken one, the text as an untitled story."""
    try:
        articles = parse_all(text)
    except ValueError:
        articles = []
    if not articles:
        return Article(title="", body=text)
    return articles[0]
