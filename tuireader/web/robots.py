"""robots.txt for page fetches (Protego reads its wildcards), one cached copy per host.

Feeds the user subscribed to are fetched without asking: the user asked for
them. Pages linked from feed items are fetched only where robots.txt allows.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

from protego import Protego

from tuireader.ingest.urls import host_of
from tuireader.web.client import FetchError, HttpClient

ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB
AGENT = "tuireader"
PROBLEM_TTL = 300.0


class RobotsUnreachable(Exception):
    """robots.txt could not be read for a reason that may pass (server error, timeout): ask again later."""


class RobotsCache:
    def __init__(self, client: HttpClient, ttl: float) -> None:
        self._client = client
        self._ttl = ttl
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[float, Protego | None, str | None]] = {}
        self._host_locks: dict[str, threading.Lock] = {}

    def allowed(self, url: str) -> bool:
        """Whether ``url`` may be fetched; ``RobotsUnreachable`` when robots.txt cannot be read now."""
        parts = urlsplit(url)
        host = host_of(url)
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:  # one robots.txt request per host, however many pages wait for it
            cached = self._hosts.get(host)
            if cached is None or time.monotonic() > cached[0]:
                rules, problem = self._load(f"{parts.scheme}://{parts.netloc}/robots.txt")
                # an unreadable robots.txt is asked for again soon, a read one after the ttl
                expires = time.monotonic() + (PROBLEM_TTL if problem else self._ttl)
                cached = self._hosts[host] = (expires, rules, problem)
        _, rules, problem = cached
        if problem is not None:
            raise RobotsUnreachable(problem)
        return rules is None or bool(rules.can_fetch(url, AGENT))

    def _load(self, robots_url: str) -> tuple[Protego | None, str | None]:
        """``(rules, None)``; ``(None, None)`` when there are none (allow all); ``(None, reason)`` when unreadable."""
        try:
            resp = self._client.get(robots_url, accept="text/plain")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return None, None  # no robots.txt: everything is allowed
            return None, f"robots.txt unreadable ({exc})"
        text = resp.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
        return Protego.parse(text), None
