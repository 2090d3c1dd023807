"""Feeds from bytes: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed 1.x (json).

Pure functions, no network. ``parse_feed`` turns a fetched body into a
``ParsedFeed`` or raises ``NotAFeed`` with a one-line reason; ``discover``
finds the feeds an HTML page links with ``<link rel="alternate">``;
``item_document`` writes an item that carries its full text as a small HTML
page, so it is read (and reread by ``tuireader reparse``) like any saved page.
"""

from __future__ import annotations

import email.utils
import html
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urljoin

from tuireader.ingest.html_metadata import normalise_date

# A feed holding more items than this is read up to it, with a note.
MAX_ITEMS = 10_000
# An item whose text (content or summary, tags stripped) is shorter than this
# carries only a summary: its page is fetched for the full story.
FULL_TEXT_MIN_CHARS = 1000

FEED_TYPES = (
    "application/atom+xml",
    "application/rss+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"\s+")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


class NotAFeed(Exception):
    """Bytes that are no feed; ``str()`` is a one-line reason."""


@dataclass
class FeedItem:
    guid: str  # the item's id, else its link, else its title: what tells it apart in its feed
    title: str
    url: str | None = None
    summary: str | None = None  # HTML
    content: str | None = None  # HTML: the full text, when the feed carries it
    published: str | None = None  # YYYY-MM-DDTHH:MM as printed, or YYYY-MM-DD
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def body_html(self) -> str:
        return self.content or self.summary or ""

    @cached_property
    def summary_only(self) -> bool:
        """Whether the feed carries only a summary of this item (its page has the story)."""
        return bool(self.url) and len(plain_text(self.body_html)) < FULL_TEXT_MIN_CHARS


@dataclass
class ParsedFeed:
    format: str  # rss20, rss10, rss09x, atom10, atom03, json1 ...
    title: str | None = None
    site_url: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def plain_text(fragment: str) -> str:
    """An HTML fragment as one line of text."""
    return _WS.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:4096]))


def parse_feed(data: bytes, url: str, content_type: str | None = None, max_items: int = MAX_ITEMS) -> ParsedFeed:
    """Read a feed; ``NotAFeed`` for anything else (an HTML page, malformed XML with no items, empty data)."""
    if not data.strip():
        raise NotAFeed("empty response")
    if data.lstrip()[:1] == b"{":
        feed = _parse_json_feed(data, url)
    else:
        feed = _parse_xml_feed(data, url, content_type)
    if len(feed.items) > max_items:
        feed.notes.append(f"the feed holds {len(feed.items):,} items; only the first {max_items:,} are read")
        del feed.items[max_items:]
    for item in feed.items:
        _ = item.summary_only  # worked out here, where the feed is parsed (a worker process), and kept
    return feed


# --- XML: RSS and Atom -------------------------------------------------------------


def _parse_xml_feed(data: bytes, url: str, content_type: str | None) -> ParsedFeed:
    import feedparser  # imported here: it costs ~0.1 s, and only refreshes need it

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    version = parsed.get("version") or ""
    meta = parsed.get("feed") or {}
    items = [item for item in map(_xml_item, parsed.get("entries") or []) if item is not None]
    exc = parsed.get("bozo_exception")
    # feedparser also flags a charset that differs from the declared one: it read the text right.
    malformed = bool(parsed.get("bozo")) and not isinstance(
        exc, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    )
    if not items and (not version or malformed):
        if looks_like_html(data):
            raise NotAFeed("an HTML page, not a feed")
        if malformed and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
            raise NotAFeed(f"malformed XML: {_bozo_reason(parsed)}")
        raise NotAFeed("not a feed (no RSS, Atom or JSON Feed found)")
    feed = ParsedFeed(format=version or "unknown", title=_clean(meta.get("title")), site_url=meta.get("link") or None)
    feed.items = items
    if malformed:
        feed.notes.append(f"malformed XML, read as far as possible: {_bozo_reason(parsed)}")
    return feed


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    text = str(exc) if exc else "unreadable"
    return _WS.sub(" ", text).strip()[:200]


def _xml_item(entry: Any) -> FeedItem | None:
    title = _clean(entry.get("title")) or ""
    link = entry.get("link") or None
    summary = entry.get("summary") or None
    content = None
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value and (content is None or len(value) > len(content)):
            content = value
    if content and summary and plain_text(content) == plain_text(summary):
        content = None if len(plain_text(content)) < FULL_TEXT_MIN_CHARS else content
    guid = entry.get("id") or link or title
    if not guid:
        return None
    if not title:
        title = _first_words(plain_text(content or summary or ""))
    authors = [name for name in (_clean(a.get("name")) for a in entry.get("authors") or []) if name]
    if not authors and _clean(entry.get("author")):
        authors = [_clean(entry.get("author")) or ""]
    tags = [_clean(t.get("term")) or "" for t in entry.get("tags") or [] if _clean(t.get("term"))]
    return FeedItem(
        guid=str(guid),
        title=title,
        url=link,
        summary=summary,
        content=content,
        published=_date(entry.get("published") or entry.get("created")),
        updated=_date(dict.get(entry, "updated")),  # feedparser.get("updated") falls back to published
        authors=authors[:10],
        tags=tags[:30],
    )


# --- JSON Feed ------------------------------------------------------------------------


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise NotAFeed(f"malformed JSON: {exc}") from None
    if not isinstance(doc, dict) or "jsonfeed.org/version/1" not in str(doc.get("version") or ""):
        raise NotAFeed("JSON, but not a JSON Feed (no jsonfeed.org version)")
    version = "json11" if str(doc["version"]).rstrip("/").endswith("1.1") else "json10"
    feed = ParsedFeed(
        format=version, title=_clean(_str(doc.get("title"))), site_url=_url(doc.get("home_page_url"), url)
    )
    items = doc.get("items")
    if not isinstance(items, list):
        raise NotAFeed("JSON Feed without an items list")
    for raw in items:
        if isinstance(raw, dict):
            item = _json_item(raw, url)
            if item is not None:
                feed.items.append(item)
    return feed


def _json_item(raw: dict[str, Any], base: str) -> FeedItem | None:
    link = _url(raw.get("url"), base) or _url(raw.get("external_url"), base)
    content = _str(raw.get("content_html"))
    if not content and _str(raw.get("content_text")):
        content = "".join(f"<p>{html.escape(p.strip())}</p>" for p in _str(raw.get("content_text")).split("\n\n"))
    summary_text = _str(raw.get("summary"))
    summary = f"<p>{html.escape(summary_text)}</p>" if summary_text else None
    title = _clean(_str(raw.get("title"))) or _first_words(plain_text(content or summary or ""))
    raw_id = raw.get("id")
    guid = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id).strip() else (link or title)
    if not guid:
        return None
    people = raw.get("authors")
    if not isinstance(people, list):
        people = [raw.get("author")]
    authors = [_clean(_str(p.get("name"))) or "" for p in people if isinstance(p, dict) and _clean(_str(p.get("name")))]
    tags = [_clean(t) or "" for t in raw.get("tags") or [] if isinstance(t, str) and _clean(t)]
    return FeedItem(
        guid=guid,
        title=title,
        url=link,
        summary=summary,
        content=content or None,
        published=_date(_str(raw.get("date_published"))),
        updated=_date(_str(raw.get("date_modified"))),
        authors=authors[:10],
        tags=tags[:30],
    )


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _url(value: object, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    joined = urljoin(base, value.strip())
    return joined if joined.startswith(("http://", "https://")) else None


# --- shared -----------------------------------------------------------------------------


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = plain_text(value) if "<" in value or "&" in value else _WS.sub(" ", value).strip()
    return text or None


def _first_words(text: str, limit: int = 80) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _date(value: object) -> str | None:
    """A feed date as printed (the publisher's local time): RFC 822 (RSS) or ISO 8601 (Atom, JSON Feed)."""
    if not isinstance(value, str) or not value.strip():
        return None
    iso = normalise_date(value)
    if iso:
        return iso
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    year, month, day, hour, minute = parsed[:5]
    if not 1900 <= year <= 2100:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"


# --- discovery --------------------------------------------------------------------------

_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def discover(page: str, base_url: str) -> list[str]:
    """The feeds a page links with ``<link rel="alternate" type="...">``, in page order."""
    found: list[str] = []
    head = page[: 512 * 1024]
    for tag in _LINK.findall(head):
        attrs = {m[0].lower(): html.unescape(m[1] or m[2] or m[3]) for m in _ATTR.findall(tag)}
        rels = attrs.get("rel", "").lower().split()
        kind = attrs.get("type", "").lower().split(";")[0].strip()
        href = attrs.get("href", "").strip()
        if "alternate" in rels and kind in FEED_TYPES and href:
            url = urljoin(base_url, href)
            if url.startswith(("http://", "https://")) and url not in found:
                found.append(url)
    return found


# --- an item as a page ------------------------------------------------------------------


def item_document(item: FeedItem, source: str | None) -> bytes:
    """An item carrying its full text, written as a small HTML page the HTML parser reads."""
    esc = html.escape
    tags = (
        ("property", "og:title", item.title),
        ("property", "og:site_name", source),
        ("property", "article:published_time", item.published),
        ("property", "article:modified_time", item.updated),
        ("name", "author", ", ".join(item.authors)),
        ("name", "keywords", ", ".join(item.tags)),
    )
    meta = [f'<meta charset="utf-8"><title>{esc(item.title)}</title>']
    meta += [f'<meta {kind}="{name}" content="{esc(value)}">' for kind, name, value in tags if value]
    if item.url:
        meta.append(f'<link rel="canonical" href="{esc(item.url)}">')
    summary = plain_text(item.summary) if item.content and item.summary else ""
    if summary and not plain_text(item.content or "").startswith(summary):  # a summary, not the story's opening
        meta.append(f'<meta name="description" content="{esc(summary)}">')
    page = (
        "<!DOCTYPE html>\n<html><head>"
        + "".join(meta)
        + f"</head><body><article><h1>{esc(item.title)}</h1>\n{item.body_html}\n</article></body></html>\n"
    )
    return page.encode("utf-8")
