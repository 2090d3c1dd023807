"""Each site's furniture, learnt from the pages stored of it (Bar-Yossef & Rajagopalan 2002).

A line a site prints on many of its pages (menus, notices, footers, its teaser
headings) is the site's furniture, not a story's. For every whole-page crawl
the library keeps, per site, how many of its pages hold each line (by a 64-bit
hash of the line: table ``site_lines``); the whole-page reader then counts
those lines against the story.

How a site is recognised. Crawler text carries no address, so a page's site is
the stored site it shares the most lines with, if they are at least
``MIN_SHARED_LINES`` and ``MIN_SHARED_FRACTION`` of its own lines (pages of one
site share their menus and footers; two sites share a few words like
"Impressum" at most); else the page founds a site of its own, named after its
lines. A page known by its web address belongs to the site of its host.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Collection, Iterable
from urllib.parse import urlsplit

MIN_SHARED_LINES = 10
MIN_SHARED_FRACTION = 0.25
# A line on at least this many pages of the site (the page itself included) is furniture.
MIN_PAGES = 2
# (A page whose running text is mostly such lines is another copy of a stored page: the reader
# then leaves the site's lines aside, see crawl_page.nonblank.)
_CHUNK = 500  # hashes per query (SQLite's limit on variables is higher, but queries stay small)


def _chunks(hashes: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(hashes), _CHUNK):
        yield hashes[i : i + _CHUNK]


def site_of(conn: sqlite3.Connection, hashes: Collection[int], url: str | None = None) -> str:
    """The site of a page with these line hashes (and this address, if known)."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return "host:" + host.removeprefix("www.")
    counts: dict[str, int] = {}
    for chunk in _chunks(sorted(hashes)):
        marks = ",".join("?" * len(chunk))
        for site, n in conn.execute(
            f"SELECT site, count(*) FROM site_lines WHERE line_hash IN ({marks}) GROUP BY site", chunk
        ):
            counts[site] = counts.get(site, 0) + n
    if counts:
        site, shared = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if shared >= MIN_SHARED_LINES and shared >= MIN_SHARED_FRACTION * len(hashes):
            return site
    # A new site, named after all of the founding page's lines (so that two new sites never share a name).
    digest = hashlib.blake2b(b"".join(h.to_bytes(8, "big", signed=True) for h in sorted(hashes)), digest_size=8)
    return "lines:" + digest.hexdigest()


def record(conn: sqlite3.Connection, site: str, hashes: Collection[int]) -> None:
    """Count one more page of ``site`` holding each of ``hashes``."""
    conn.executemany(
        "INSERT INTO site_lines (site, line_hash, pages) VALUES (?, ?, 1) "
        "ON CONFLICT (site, line_hash) DO UPDATE SET pages = pages + 1",
        [(site, h) for h in hashes],
    )


def furniture(conn: sqlite3.Connection, site: str, hashes: Collection[int], *, recorded: bool = True) -> frozenset[int]:
    """Those of a page's ``hashes`` that other pages of ``site`` hold too (``recorded``: the page is counted)."""
    least = MIN_PAGES if recorded else MIN_PAGES - 1
    found: set[int] = set()
    for chunk in _chunks(sorted(hashes)):
        marks = ",".join("?" * len(chunk))
        found.update(
            h
            for (h,) in conn.execute(
                f"SELECT line_hash FROM site_lines WHERE site = ? AND pages >= ? AND line_hash IN ({marks})",
                [site, least, *chunk],
            )
        )
    return frozenset(found)


def known_furniture(conn: sqlite3.Connection, hashes: Collection[int], url: str | None = None) -> frozenset[int]:
    """For a page about to be stored: the lines its site already prints on other pages."""
    if not hashes:
        return frozenset()
    return furniture(conn, site_of(conn, hashes, url), hashes, recorded=False)


def learn(conn: sqlite3.Connection, hashes: Collection[int], url: str | None = None) -> str | None:
    """Recognise a newly stored page's site and count its lines; the site, or None for no lines."""
    if not hashes:
        return None
    site = site_of(conn, hashes, url)
    record(conn, site, hashes)
    return site
