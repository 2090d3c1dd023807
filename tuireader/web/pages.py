"""`tuireader fetch URL`: one page fetched and stored, the way a summary-only feed item's page is."""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.ingest.feedformat import FeedItem
from tuireader.library import Library
from tuireader.library.feeds import FeedContext
from tuireader.web.client import FetchError, HttpClient
from tuireader.web.parsing import read_item
from tuireader.web.refresh import HTML_TYPES, PAGE_ACCEPT
from tuireader.web.robots import RobotsCache, RobotsUnreachable
from tuireader.web.settings import FetchSettings
from tuireader.web.subscribe import SubscribeError, normalise_address


@dataclass
class PageResult:
    url: str
    status: str  # imported | unchanged | updated | failed
    article_id: int | None = None
    reason: str | None = None


def fetch_pages(lib: Library, urls: list[str], settings: FetchSettings | None = None) -> list[PageResult]:
    """Fetch each page (robots.txt permitting) and store it as an article; one failure never stops the rest."""
    client = HttpClient(settings)
    robots = RobotsCache(client, client.settings.robots_ttl, lib)
    try:
        return [_fetch_one(lib, client, robots, url) for url in urls]
    finally:
        client.close()


def _fetch_one(lib: Library, client: HttpClient, robots: RobotsCache, url: str) -> PageResult:
    try:
        address = normalise_address(url)
        if not robots.allowed(address):
            return PageResult(url, "failed", reason="robots.txt of the site disallows fetching this page")
        resp = client.get(address, accept=PAGE_ACCEPT)
    except (SubscribeError, RobotsUnreachable, FetchError) as exc:
        return PageResult(url, "failed", reason=str(exc))
    if resp.content_type not in HTML_TYPES:
        return PageResult(url, "failed", reason=f"the page is {resp.content_type}, not HTML")
    prepared, _ = read_item(FeedItem(guid=resp.url, title="", url=resp.url), FeedContext(), resp.body, resp.url)
    if isinstance(prepared, str):
        return PageResult(url, "failed", reason=prepared)
    article_id, status = lib.store_page(prepared)
    return PageResult(url, status, article_id)
