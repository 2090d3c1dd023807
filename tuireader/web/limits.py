"""At most N requests in flight to one host, and M in all."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class HostHeld(Exception):
    """A host asked to wait (429, 503): no more requests to it from this client."""


class HostLimits:
    """Slots per host and overall; ``peak`` records the most requests a host ever had in flight."""

    def __init__(self, per_host: int, overall: int) -> None:
        self.per_host = max(1, per_host)
        self._overall = threading.BoundedSemaphore(max(1, overall))
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._in_flight: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self._held: dict[str, str] = {}

    def _host(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            sem = self._hosts.get(host)
            if sem is None:
                sem = self._hosts[host] = threading.BoundedSemaphore(self.per_host)
            return sem

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Wait for a slot of ``host`` (first) and an overall one (then), so waiting for a busy host holds no overall slot."""
        host_sem = self._host(host)
        with host_sem, self._overall:
            with self._lock:
                if host in self._held:  # checked once a slot is had: requests waiting for it stop too
                    raise HostHeld(self._held[host])
                now = self._in_flight.get(host, 0) + 1
                self._in_flight[host] = now
                self.peak[host] = max(self.peak.get(host, 0), now)
            try:
                yield
            finally:
                with self._lock:
                    self._in_flight[host] -= 1

    def hold(self, host: str, reason: str) -> None:
        """No more requests to ``host``: each one waiting or to come raises ``HostHeld``."""
        with self._lock:
            self._held.setdefault(host, reason)

    def max_peak(self) -> int:
        with self._lock:
            return max(self.peak.values(), default=0)
