"""robots.txt for page fetches (Protego reads its wildcards), one cached copy per host.

Feeds the user subscribed to are fetched without asking: the user asked for
them. Pages linked from feed items are fetched only where robots.txt allows.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit

from protego import Protego

from tuireader.ingest.urls import host_of
from tuireader.web.client import FetchError, HttpClient
from tuireader.web.schedule import parse_stamp

ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB
AGENT = "tuireader"
PROBLEM_TTL = 300.0


class RobotsUnreachable(Exception):
    """robots.txt could not be read for a reason that may pass (server error, timeout): ask again later."""


class RobotsStore(Protocol):
    """Where robots.txt files outlive a refresh (the library)."""

    def robots_txt(self, site: str) -> tuple[str, str | None] | None: ...
    def keep_robots_txt(self, site: str, body: str | None) -> None: ...


class RobotsCache:
    """One robots.txt per site, read at most once a ``ttl`` (kept in ``store`` between refreshes)."""

    def __init__(self, client: HttpClient, ttl: float, store: RobotsStore | None = None) -> None:
        self._client = client
        self._ttl = ttl
        self._store = store
        self._lock = threading.Lock()
        self._sites: dict[str, tuple[float, Protego | None, str | None]] = {}
        self._site_locks: dict[str, threading.Lock] = {}

    def allowed(self, url: str) -> bool:
        """Whether ``url`` may be fetched; ``RobotsUnreachable`` when robots.txt cannot be read now."""
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{host_of(url)}"
        with self._lock:
            site_lock = self._site_locks.setdefault(site, threading.Lock())
        with site_lock:  # one robots.txt request per site, however many pages wait for it
            cached = self._sites.get(site)
            if cached is None or time.monotonic() > cached[0]:
                cached = self._sites[site] = self._stored(site) or self._fetch(site)
        _, rules, problem = cached
        if problem is not None:
            raise RobotsUnreachable(problem)
        return rules is None or bool(rules.can_fetch(url, AGENT))

    def _stored(self, site: str) -> tuple[float, Protego | None, str | None] | None:
        kept = self._store.robots_txt(site) if self._store is not None else None
        if kept is None:
            return None
        fetched = parse_stamp(kept[0])
        age = (datetime.now(UTC) - fetched).total_seconds() if fetched else self._ttl
        if not 0 <= age < self._ttl:
            return None
        rules = Protego.parse(kept[1]) if kept[1] is not None else None
        return time.monotonic() + self._ttl - age, rules, None

    def _fetch(self, site: str) -> tuple[float, Protego | None, str | None]:
        try:
            resp = self._client.get(f"{site}/robots.txt", accept="text/plain")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                body = None  # no robots.txt: everything is allowed
            else:  # asked for again soon
                return time.monotonic() + PROBLEM_TTL, None, f"robots.txt unreadable ({exc})"
        else:
            body = resp.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
        if self._store is not None:
            self._store.keep_robots_txt(site, body)
        return time.monotonic() + self._ttl, Protego.parse(body) if body is not None else None, None
