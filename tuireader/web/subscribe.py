"""Subscribing: check that an address gives a feed (or a page that links one) before it is kept."""

from __future__ import annotations

from urllib.parse import urlsplit

from tuireader.ingest.decode import NotTextError, decode
from tuireader.ingest.feedformat import NotAFeed, ParsedFeed, discover, looks_like_html, parse_feed
from tuireader.library import Library
from tuireader.library.feeds import Feed
from tuireader.web.client import FetchError, HttpClient, Response
from tuireader.web.refresh import FEED_ACCEPT
from tuireader.web.settings import FetchSettings


class SubscribeError(Exception):
    """The address gives no feed; ``str()`` says why in one line."""


def normalise_address(url: str) -> str:
    """What the user typed as an http(s) address (``example.com/feed`` -> ``https://example.com/feed``)."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SubscribeError(f"not a web address: {url!r}")
    return text


def find_feed(url: str, settings: FetchSettings | None = None) -> tuple[str, ParsedFeed, str | None]:
    """``(feed address, parsed feed, page it was found on)``: the address itself, or the first feed a page links."""
    client = HttpClient(settings)
    try:
        resp = _get(client, url)
        try:
            return _address(resp, url), parse_feed(resp.body, resp.url, resp.headers.get("content-type")), None
        except NotAFeed as exc:
            if not (resp.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(resp.body)):
                raise SubscribeError(f"{url}: {exc}") from None
        try:
            page = decode(resp.body)
        except NotTextError:
            page = ""
        links = discover(page, resp.url)
        if not links:
            raise SubscribeError(
                f'{url}: an HTML page that links no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed)'
            )
        problems: list[str] = []
        for link in links:
            try:
                found = _get(client, link)
                return (
                    _address(found, link),
                    parse_feed(found.body, found.url, found.headers.get("content-type")),
                    resp.url,
                )
            except (SubscribeError, NotAFeed) as exc:
                problems.append(f"{link}: {exc}")
        raise SubscribeError(f"{url}: the page links feeds, but none could be read ({'; '.join(problems)})")
    finally:
        client.close()


def _get(client: HttpClient, url: str) -> Response:
    try:
        resp = client.get(url, accept=FEED_ACCEPT)
    except FetchError as exc:
        raise SubscribeError(f"{url}: {exc}") from None
    if resp.status == 304:
        raise SubscribeError(f"{url}: HTTP 304 without a request for it")
    return resp


def _address(resp: Response, asked: str) -> str:
    """Where to fetch from now on: the end of permanent redirects, else the address asked."""
    return resp.permanent_url or asked


def subscribe(
    lib: Library,
    url: str,
    *,
    name: str | None = None,
    section: str | None = None,
    settings: FetchSettings | None = None,
) -> tuple[Feed, ParsedFeed, str | None]:
    """Subscribe to the feed at (or linked from) ``url``; ``SubscribeError`` or ``FeedExists`` otherwise."""
    address = normalise_address(url)
    feed_url, parsed, page = find_feed(address, settings)
    feed = lib.add_feed(
        feed_url,
        subscribed_url=url.strip(),
        name=name,
        section=section,
        title=parsed.title,
        site_url=parsed.site_url,
    )
    return feed, parsed, page
