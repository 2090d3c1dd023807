"""The article model: plain dataclasses shared by ingest, library, cli and ui.

Nothing here knows about files, SQL or Textual.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Teaser:
    """One card of a page's related-articles block: another article, not this one."""

    title: str
    source: str | None = None
    section: str | None = None
    date: str | None = None  # YYYY-MM-DD, or None when the card shows no date
    summary: str | None = None
    sponsored: bool = False
    url: str | None = None
    # Set by the library when the teaser's title matches a stored article.
    article_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("article_id")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Teaser:
        known = {f.name for f in fields(cls)} - {"article_id"}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Article:
    """A stored news article with its main story apart from its teaser block."""

    title: str
    body: str = ""  # the main story as markdown
    section: str | None = None
    lead: str | None = None
    published: str | None = None  # YYYY-MM-DDTHH:MM as printed (no time zone), or YYYY-MM-DD
    updated: str | None = None
    reading_minutes: int | None = None
    image_caption: str | None = None
    source: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    related_label: str | None = None  # the page's own heading of the teaser block
    related: list[Teaser] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)  # lines that belong nowhere
    # Page furniture the parser set aside, by category ("navigation", "footer", ...): parse output only, never stored.
    furniture: dict[str, list[str]] = field(default_factory=dict)
    path: str | None = None
    format: str = "crawl"  # crawl | html | markdown | json

    # Set by the library for stored articles.
    id: int | None = None
    bookmarked: bool = False
    bookmark_note: str | None = None
    read: bool = False
    # Set by the library when part of the stored article could not be read (a damaged row): what and why.
    damaged: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The parse result as plain JSON-able data (no library state); ``furniture`` only when there is some."""
        data: dict[str, Any] = {
            "path": self.path,
            "format": self.format,
            "source": self.source,
            "url": self.url,
            "section": self.section,
            "title": self.title,
            "lead": self.lead,
            "published": self.published,
            "updated": self.updated,
            "reading_minutes": self.reading_minutes,
            "image_caption": self.image_caption,
            "authors": list(self.authors),
            "tags": list(self.tags),
            "body": self.body,
            "related_label": self.related_label,
            "related": [t.to_dict() for t in self.related],
            "leftover": list(self.leftover),
        }
        if self.furniture:
            data["furniture"] = {k: list(v) for k, v in self.furniture.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known and k != "related"}
        kwargs["related"] = [Teaser.from_dict(t) for t in data.get("related") or []]
        return cls(**kwargs)


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list: what the list draws, without the story."""

    id: int
    title: str
    section: str | None = None
    published: str | None = None
    source: str | None = None
    read: bool = False
    bookmarked: bool = False
    note: str | None = None  # the bookmark's note


@dataclass(frozen=True)
class SearchHit:
    """One full-text search result; ``snippet`` is plain text with the match in ``[[`` ``]]``."""

    id: int
    title: str
    section: str | None
    published: str | None
    snippet: str
    rank: float


@dataclass(frozen=True)
class SearchResults:
    """One page of search results and how many there are in all ("50 of 312").

    ``completed_last_word``: nothing matched the words as typed, so the last word
    was searched as the start of longer words ("Kasach" as "Kasach*").
    """

    hits: list[SearchHit]
    total: int
    offset: int = 0
    completed_last_word: bool = False
