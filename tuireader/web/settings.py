"""How politely and how long tuireader fetches: one object, each number with where it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from tuireader import __version__


def project_url() -> str | None:
    """The project's web address from its package metadata (a ``[project.urls]`` entry), if it has one."""
    try:
        meta = metadata.metadata("tuireader")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        url = entry.partition(",")[2].strip()
        if url:
            return url
    home = meta.get_all("Home-page") or []
    return home[0] if home else None


def user_agent() -> str:
    """``tuireader/<version>``, with ``(+<project address>)`` once the package names one."""
    url = project_url()
    return f"tuireader/{__version__}" + (f" (+{url})" if url else "")


USER_AGENT = user_agent()


@dataclass(frozen=True)
class FetchSettings:
    # Seconds to open a connection and between two reads of a response: a server
    # that answers nothing for this long is given up (browsers wait ~30 s).
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # A response that is still arriving after this many seconds is given up (a slow drip).
    total_timeout: float = 120.0
    # Requests in flight at once to one host (browsers open up to 6; feed
    # readers 1-2), and in all.
    per_host: int = 2
    overall: int = 24
    # Redirects followed for one request (browsers: ~20; requests: 30; the issue: 10).
    max_redirects: int = 10
    # A page or feed larger than this (decoded) is not read.
    max_bytes: int = 20 * 1024 * 1024
    # Back-off after failures in a row: base * 2 ** (failures - 1), at most max_backoff.
    backoff_base: float = 15 * 60.0
    max_backoff: float = 24 * 3600.0
    # A server's "fetch again in" (max-age, Expires, Retry-After) is honoured up to this.
    max_wait: float = 7 * 24 * 3600.0
    # Next-refresh times are spread by up to this fraction, so feeds do not fall due together.
    jitter: float = 0.1
    # robots.txt is read again after this many seconds (Google caches it for a day).
    robots_ttl: float = 24 * 3600.0
    user_agent: str = USER_AGENT
