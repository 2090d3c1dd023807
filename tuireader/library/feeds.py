"""Feed subscriptions in the library: what is subscribed, what each feed brought, and its fetch state.

``Library`` takes these methods from ``FeedsMixin``. Fetching lives in
``tuireader.web``; here are only rows and the rules of identity: an item seen
once in a feed is never stored again (nor is an article the user removed
brought back), and an item whose address names an article already stored
(through another feed, or imported from a crawl) is linked to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from tuireader.ingest.markdown_text import plain_text
from tuireader.ingest.urls import canonical_url
from tuireader.library import converters as conv
from tuireader.library.errors import LibraryError
from tuireader.library.importer import Prepared
from tuireader.library.schema import ARTICLE_URL_SQL
from tuireader.library.writer import ArticleWriter, now
from tuireader.model import Article, ArticleSummary

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class FeedExists(LibraryError):
    def __init__(self, feed: Feed) -> None:
        super().__init__(f"already subscribed: {feed.url} (feed {feed.id})")
        self.feed = feed


@dataclass(frozen=True)
class Feed:
    """A subscription with its fetch state and what it brought."""

    id: int
    url: str
    subscribed_url: str
    name: str | None
    title: str | None
    site_url: str | None
    section: str | None
    etag: str | None
    last_modified: str | None
    added_at: str
    fetched_at: str | None
    ok_at: str | None
    next_at: str | None
    status: str  # new | ok | not modified | error
    error: str | None
    failures: int
    note: str | None
    items: int = 0
    articles: int = 0
    unread: int = 0

    @property
    def display_name(self) -> str:
        return self.name or self.title or self.url

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["display_name"] = self.display_name
        return data


_FEED_COLUMNS = (
    "id, url, subscribed_url, name, title, site_url, section, etag, last_modified, added_at, "
    "fetched_at, ok_at, next_at, status, error, failures, note"
)
# Columns refresh may set through ``update_feed``.
UPDATABLE = frozenset(
    [
        "url",
        "name",
        "title",
        "site_url",
        "section",
        "etag",
        "last_modified",
        "fetched_at",
        "ok_at",
        "next_at",
        "status",
        "error",
        "failures",
        "note",
    ]
)


@dataclass
class ItemOutcome:
    """One new item of a feed after refresh read it: an article to store, one already stored, or a failure."""

    guid: str
    url: str | None  # canonical
    title: str
    published: str | None = None
    summary: str | None = None  # plain text
    prepared: Prepared | None = None
    read_for: int | None = None  # the feed whose name and summary ``prepared`` carries
    article_id: int | None = None
    failure: str | None = None  # not stored this time; the next refresh tries again


@dataclass
class StoredItems:
    new: list[int]  # ids of articles stored for the first time
    linked: list[int]  # items that named articles already stored
    failed: list[tuple[str, str]]  # (item title, reason)


@dataclass(frozen=True)
class FeedContext:
    """What a feed says about an item, beside its page: the page's gaps are filled from it."""

    source: str | None = None  # the feed's name: the article's source
    section: str | None = None  # the subscription's section, where the page names none
    title: str | None = None
    published: str | None = None
    summary: str | None = None  # plain text: the lead where the page has none


def apply_feed_context(article: Article, context: FeedContext) -> None:
    """What a page lacks, the feed supplies: the feed's name as source, its summary as the lead."""
    if context.source:
        article.source = context.source
    if not article.section and context.section:
        article.section = context.section
    title, published, summary = context.title, context.published, context.summary
    if not article.title.strip() and title:
        article.title = title
    if not article.published and published:
        article.published = published
    if not article.lead and summary and not _opens(article.body, summary):
        article.lead = summary


def _opens(body: str, summary: str) -> bool:
    """Whether the story starts with the summary (a feed that repeats the opening is no lead)."""
    return " ".join(plain_text(body)[: len(summary) + 200].split()).startswith(" ".join(summary.split()))


def feed_context_for(conn: sqlite3.Connection, urls: Iterable[str | None]) -> FeedContext | None:
    """The context of the feed item a stored page was fetched for (reparse), or None."""
    for url in dict.fromkeys(canonical_url(u) for u in urls if u):
        row = conn.execute(
            "SELECT coalesce(f.name, f.title), f.section, i.title, i.published, i.summary FROM feed_items i "
            "JOIN feeds f ON f.id = i.feed_id WHERE i.url = ? ORDER BY i.origin DESC, i.seen_at LIMIT 1",
            [url],
        ).fetchone()
        if row:
            return FeedContext(*row)
    return None


def _row_to_feed(row: tuple[Any, ...], counts: tuple[int, int, int] = (0, 0, 0)) -> Feed:
    names = [f.name for f in fields(Feed)]
    return Feed(**dict(zip(names, (*row, *counts), strict=True)))


class FeedsMixin:
    """Feed methods of ``Library``."""

    if TYPE_CHECKING:  # what Library gives them

        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]: ...

    def add_feed(
        self,
        url: str,
        *,
        subscribed_url: str | None = None,
        name: str | None = None,
        section: str | None = None,
        title: str | None = None,
        site_url: str | None = None,
    ) -> Feed:
        """Subscribe; ``FeedExists`` if the address (or the one given) is subscribed already."""
        existing = self.find_feed(url) or (self.find_feed(subscribed_url) if subscribed_url else None)
        if existing is not None:
            raise FeedExists(existing)
        with self._writing() as conn:
            cur = conn.execute(
                "INSERT INTO feeds (url, subscribed_url, name, title, site_url, section, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [url, subscribed_url or url, name, title, site_url, section, now()],
            )
            feed_id = int(cur.lastrowid or 0)
        feed = self.feed(feed_id)
        assert feed is not None
        return feed

    def feed(self, feed_id: int) -> Feed | None:
        rows = self._query(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", [feed_id])
        return _row_to_feed(rows[0]) if rows else None

    def find_feed(self, ref: str | None) -> Feed | None:
        """A feed by id, address (as fetched or as subscribed) or name."""
        if not ref:
            return None
        ref = ref.strip()
        if ref.isdigit():
            found = self.feed(int(ref)) if int(ref) < 2**63 else None
            if found is not None:
                return found
        rows = self._query(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ? OR subscribed_url = ? OR name = ? ORDER BY id LIMIT 1",
            [ref, ref, ref],
        )
        return _row_to_feed(rows[0]) if rows else None

    def feeds(self) -> list[Feed]:
        """Every subscription in order of subscribing, with its item, article and unread counts."""
        rows = self._query(
            f"SELECT {_FEED_COLUMNS}, "
            "(SELECT count(*) FROM feed_items i WHERE i.feed_id = feeds.id), "
            "(SELECT count(DISTINCT i.article_id) FROM feed_items i JOIN articles a ON a.id = i.article_id "
            " WHERE i.feed_id = feeds.id), "
            "(SELECT count(DISTINCT i.article_id) FROM feed_items i JOIN articles a ON a.id = i.article_id "
            " WHERE i.feed_id = feeds.id AND NOT a.read) "
            "FROM feeds ORDER BY id"
        )
        return [_row_to_feed(r[:-3], (r[-3], r[-2], r[-1])) for r in rows]

    def update_feed(self, feed_id: int, **values: Any) -> None:
        unknown = set(values) - UPDATABLE
        if unknown:
            raise ValueError(f"not a feed field: {', '.join(sorted(unknown))}")
        if not values:
            return
        with self._writing() as conn:
            if "url" in values:
                taken = conn.execute(
                    "SELECT id FROM feeds WHERE url = ? AND id != ?", [values["url"], feed_id]
                ).fetchone()
                if taken:
                    values.pop("url")  # another subscription has that address already
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(f"UPDATE feeds SET {sets} WHERE id = ?", [*values.values(), feed_id])

    def remove_feed(self, feed_id: int, purge: bool = False) -> tuple[int, int]:
        """Unsubscribe; with ``purge`` also delete the articles only this feed brought.

        Returns ``(articles deleted, bookmarked articles kept)``: bookmarks are never purged.
        """
        with self._writing() as conn:
            deleted = kept = 0
            if purge:
                own = "SELECT article_id FROM feed_items WHERE feed_id = ? AND article_id IS NOT NULL " \
                      "AND article_id NOT IN (SELECT article_id FROM feed_items WHERE feed_id != ? " \
                      "AND article_id IS NOT NULL)"  # fmt: skip
                kept = conn.execute(
                    f"SELECT count(*) FROM articles WHERE bookmarked AND id IN ({own})", [feed_id, feed_id]
                ).fetchone()[0]
                deleted = conn.execute(
                    f"DELETE FROM articles WHERE NOT bookmarked AND id IN ({own})", [feed_id, feed_id]
                ).rowcount
            if conn.execute("DELETE FROM feeds WHERE id = ?", [feed_id]).rowcount == 0:
                raise LibraryError(f"no feed with id {feed_id}")
            return deleted, kept

    def subscribe_all(self, entries: Iterable[tuple[str, str | None, str | None]]) -> tuple[list[Feed], list[Feed]]:
        """Subscribe to ``(url, name, section)`` entries without fetching (an OPML import):
        ``(added, already subscribed)``. Their first refresh checks them."""
        added: list[Feed] = []
        existing: list[Feed] = []
        for url, name, section in entries:
            try:
                added.append(self.add_feed(url, name=name, section=section))
            except FeedExists as exc:
                existing.append(exc.feed)
        return added, existing

    def seen_guids(self, feed_id: int) -> set[str]:
        return {r[0] for r in self._query("SELECT guid FROM feed_items WHERE feed_id = ?", [feed_id])}

    def article_by_url(self, urls: Iterable[str | None]) -> int | None:
        """The stored article at one of these addresses (any feed's item, or any article's own address)."""
        with self._reading() as conn:
            return _stored_at(conn, list(urls))

    def store_feed_items(self, feed_id: int, outcomes: Iterable[ItemOutcome]) -> StoredItems:
        """Store a feed's new items in one transaction; an item that failed is not marked seen (tried again)."""
        result = StoredItems([], [], [])
        stamp = now()
        with self._writing() as conn:
            writer = ArticleWriter(conn)
            for item in outcomes:
                if item.failure is not None:
                    result.failed.append((item.title, item.failure))
                    continue
                article_id = item.article_id
                if article_id is None and item.prepared is not None:
                    article_id = _stored_at(conn, [item.url, item.prepared.article.url])
                    if article_id is None:
                        article_id, status = writer.store(item.prepared)
                        (result.new if status == "imported" else result.linked).append(article_id)
                    else:
                        result.linked.append(article_id)
                elif article_id is not None:
                    result.linked.append(article_id)
                # the origin: the item whose reading (with this feed's name and summary) is the stored file
                origin = int(
                    item.prepared is not None
                    and item.read_for == feed_id
                    and conn.execute("SELECT 1 FROM files WHERE sha256 = ?", [item.prepared.sha256]).fetchone()
                    is not None
                )
                conn.execute(
                    "INSERT INTO feed_items (feed_id, guid, article_id, url, title, published, summary, origin, "
                    "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO UPDATE SET "
                    "article_id = coalesce(feed_items.article_id, excluded.article_id)",
                    [feed_id, item.guid, article_id, item.url, item.title, item.published, item.summary, origin, stamp],
                )
            writer.finish()
        return result

    def robots_txt(self, site: str) -> tuple[str, str | None] | None:
        """``(fetched_at, body)`` of a site's stored robots.txt (body None: the site has none), or None."""
        rows = self._query("SELECT fetched_at, body FROM robots WHERE site = ?", [site])
        return (rows[0][0], rows[0][1]) if rows else None

    def keep_robots_txt(self, site: str, body: str | None) -> None:
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO robots (site, fetched_at, body) VALUES (?, ?, ?) "
                "ON CONFLICT (site) DO UPDATE SET fetched_at = excluded.fetched_at, body = excluded.body",
                [site, now(), body],
            )

    def store_page(self, prepared: Prepared) -> tuple[int, str]:
        """Store one fetched page: ``(id, "imported" | "updated" | "unchanged")``; a page whose address
        names a stored article is that article ("unchanged")."""
        with self._writing() as conn:
            existing = _stored_at(conn, [prepared.article.url, prepared.path])
            if existing is not None:
                return existing, "unchanged"
            writer = ArticleWriter(conn)
            result = writer.store(prepared)
            writer.finish()
            return result

    def feed_summaries(
        self, feed_id: int, *, unread: bool = False, offset: int = 0, limit: int = 100
    ) -> list[ArticleSummary]:
        """The articles a feed brought, newest first (the reader's view of one feed)."""
        rows = self._query(
            f"SELECT {conv.SUMMARY_COLUMNS} FROM articles WHERE id IN "
            "(SELECT article_id FROM feed_items WHERE feed_id = ?)"
            + (" AND NOT read" if unread else "")
            + " ORDER BY sort_key DESC, id DESC LIMIT ? OFFSET ?",
            [feed_id, max(0, int(limit)), max(0, int(offset))],
        )
        return [conv.row_to_summary(r) for r in rows]


def _stored_at(conn: sqlite3.Connection, urls: list[str | None]) -> int | None:
    for url in dict.fromkeys(u for u in urls if u):
        row = (
            conn.execute(
                "SELECT article_id FROM feed_items WHERE url = ? AND article_id IS NOT NULL LIMIT 1", [url]
            ).fetchone()
            or conn.execute(f"SELECT id FROM articles WHERE {ARTICLE_URL_SQL} = ? LIMIT 1", [url]).fetchone()
        )
        if row:
            return int(row[0])
    return None
