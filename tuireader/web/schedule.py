"""When a feed may be fetched again: what the server asked for, or back-off after failures, with jitter.

Times are aware UTC datetimes; the library keeps them as ``YYYY-MM-DDTHH:MM:SSZ``.
"""

from __future__ import annotations

import email.utils
import random
import re
from datetime import UTC, datetime, timedelta

from tuireader.web.settings import FetchSettings

_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.I)
_NO_CACHE = re.compile(r"(?:^|[,\s])(?:no-cache|no-store)(?:$|[,\s])", re.I)


def stamp(when: datetime | None) -> str | None:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if when else None


def parse_stamp(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def server_wait(headers: dict[str, str], now: datetime) -> float | None:
    """Seconds until the response goes stale: ``Cache-Control: max-age``, else ``Expires``; None if neither says."""
    control = headers.get("cache-control", "")
    if _NO_CACHE.search(control):
        return None
    m = _MAX_AGE.search(control)
    if m:
        age = headers.get("age", "")
        return max(0.0, float(m[1]) - (float(age) if age.isdigit() else 0.0))
    expires = _http_date(headers.get("expires"))
    if expires is not None:
        base = _http_date(headers.get("date")) or now
        return max(0.0, (expires - base).total_seconds())
    return None


def retry_after(headers: dict[str, str], now: datetime) -> float | None:
    """``Retry-After`` as seconds (it is a number of seconds or an HTTP date)."""
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    when = _http_date(value)
    return max(0.0, (when - now).total_seconds()) if when else None


def _spread(seconds: float, settings: FetchSettings, rng: random.Random) -> float:
    return seconds * (1.0 + rng.uniform(0.0, settings.jitter))


def after_success(
    headers: dict[str, str], now: datetime, settings: FetchSettings, rng: random.Random | None = None
) -> datetime | None:
    """The next fetch after a 200 or 304: when the server says the feed goes stale (None: whenever asked)."""
    wait = server_wait(headers, now)
    if not wait:
        return None
    return now + timedelta(seconds=_spread(min(wait, settings.max_wait), settings, rng or random.Random()))


def after_failure(
    failures: int,
    status: int | None,
    headers: dict[str, str],
    now: datetime,
    settings: FetchSettings,
    rng: random.Random | None = None,
) -> datetime:
    """The next fetch after the ``failures``-th failure in a row: Retry-After on 429/503, else exponential back-off."""
    rng = rng or random.Random()
    backoff = min(settings.backoff_base * 2 ** max(0, failures - 1), settings.max_backoff)
    if status in (429, 503):
        asked = retry_after(headers, now)
        if asked is not None:
            return now + timedelta(seconds=_spread(min(asked, settings.max_wait), settings, rng))
    return now + timedelta(seconds=_spread(backoff, settings, rng))
