"""Refreshing subscriptions: fetch each due feed, read its new items, store them as articles.

``refresh(lib, ...)`` is the whole API a command or a screen needs: it takes a
progress callback (called from worker threads) and a cancel event, and returns
a ``RefreshReport`` with one ``FeedResult`` per feed. One feed's failure is a
line in its result, never an exception, and never stops the other feeds.

An item whose feed carries only a summary has its page fetched (robots.txt
permitting) and read by the HTML parser; the feed's summary becomes the lead
where the page has none. An item whose page cannot be had for good (404,
robots.txt, not HTML, too large) is stored from its summary, with a note; one
whose page failed for a reason that may pass is tried again next refresh.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tuireader.ingest.feedformat import FEED_TYPES, FeedItem, ParsedFeed, plain_text
from tuireader.ingest.urls import canonical_url, host_of
from tuireader.library import Library, LibraryError
from tuireader.library.feeds import Feed, FeedContext, ItemOutcome
from tuireader.library.importer import Prepared
from tuireader.web import schedule
from tuireader.web.client import RETRY_LATER, FetchError, HttpClient, Response
from tuireader.web.parsing import cpu_count, parser_pool, read_feed, read_item
from tuireader.web.robots import RobotsCache, RobotsUnreachable
from tuireader.web.settings import FetchSettings

FEED_ACCEPT = ", ".join(FEED_TYPES) + ", text/html;q=0.5, */*;q=0.1"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
# Content types read as pages ("" and text/plain: servers that do not say, or say it wrong).
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
# Page failures that will not pass by waiting: the item is stored from its summary.
_PERMANENT_STATUS = {401, 403, 404, 410, 451}
# Notes kept for one feed's refresh (pages not read...): the rest are counted in one line.
MAX_NOTES = 5
# In a feed's error: the server gave a Retry-After, which even a forced refresh honours.
ASKED_TO_WAIT = "the server asked to wait"
# Refreshes of this many feeds parse in worker processes (starting them costs ~1 s).
PROCESSES_MIN_FEEDS = 10


@dataclass(frozen=True)
class Progress:
    done: int  # feeds finished
    total: int
    new_articles: int
    feed: str | None = None  # the feed just finished


@dataclass
class FeedResult:
    feed_id: int
    name: str
    status: str  # ok | not modified | error | waiting | cancelled
    new: int = 0  # articles stored for the first time
    linked: int = 0  # items naming articles already stored (another feed, a crawl)
    pages: int = 0  # pages fetched for summary-only items
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    item_failures: list[tuple[str, str]] = field(default_factory=list)  # (title, reason): tried again next time
    next_at: str | None = None
    new_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "feed": self.feed_id,
            "name": self.name,
            "status": self.status,
            "new": self.new,
            "linked": self.linked,
            "pages": self.pages,
            "error": self.error,
            "notes": list(self.notes),
            "item_failures": [{"title": t, "reason": r} for t, r in self.item_failures],
            "next_at": self.next_at,
        }


@dataclass
class RefreshReport:
    feeds: list[FeedResult] = field(default_factory=list)
    seconds: float = 0.0
    parse_cpu: float = 0.0  # CPU seconds spent reading feeds and pages (all processes)
    items_read: int = 0
    peak_per_host: int = 0  # the most requests one host had in flight at once
    cancelled: bool = False

    @property
    def new_ids(self) -> list[int]:
        return [i for f in self.feeds for i in f.new_ids]

    def counts(self) -> dict[str, int]:
        out = {"feeds": len(self.feeds), "new": 0, "linked": 0, "pages": 0, "errors": 0}
        for f in self.feeds:
            out["new"] += f.new
            out["linked"] += f.linked
            out["pages"] += f.pages
            out["errors"] += f.status == "error"
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts(),
            "seconds": round(self.seconds, 3),
            "cancelled": self.cancelled,
            "feeds": [f.to_dict() for f in self.feeds],
        }


def _now() -> datetime:
    return datetime.now(UTC)


def is_due(feed: Feed, now: datetime, force: bool = False) -> bool:
    """Whether ``feed`` may be fetched now. ``force`` skips the server's freshness, never its Retry-After."""
    next_at = schedule.parse_stamp(feed.next_at)
    if next_at is None or next_at <= now:
        return True
    asked_to_wait = feed.status == "error" and ASKED_TO_WAIT in (feed.error or "")
    return force and not asked_to_wait


def next_due(feeds: Iterable[Feed]) -> datetime | None:
    """When the first of ``feeds`` falls due (already past: due now); None without feeds.

    A reader refreshing on an interval asks this to refresh no feed before its time.
    """
    times = [schedule.parse_stamp(f.next_at) or datetime.min.replace(tzinfo=UTC) for f in feeds]
    return min(times, default=None)


def refresh(
    lib: Library,
    feeds: Iterable[Feed] | None = None,
    *,
    force: bool = False,
    settings: FetchSettings | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    processes: int | None = None,
) -> RefreshReport:
    """Refresh ``feeds`` (default: every subscription) that are due; see the module text."""
    settings = settings or FetchSettings()
    # each feed as stored now (a caller's copy may be older than another refresh)
    chosen = [f for f in (lib.feed(f.id) for f in feeds) if f is not None] if feeds is not None else lib.feeds()
    run = _Refresh(lib, settings, progress, cancel or threading.Event())
    now = _now()
    due = [f for f in chosen if is_due(f, now, force)]
    for f in chosen:
        if f not in due:
            run.report.feeds.append(FeedResult(f.id, f.display_name, "waiting", error=f.error, next_at=f.next_at))
    if processes is None:
        processes = min(cpu_count(), 4) if len(due) >= PROCESSES_MIN_FEEDS else 0
    start = time.monotonic()
    with parser_pool(processes) as pool:
        run.parse = pool
        run.total = len(due)
        run.run(due)
    run.report.seconds = time.monotonic() - start
    run.report.peak_per_host = run.client.limits.max_peak()
    run.client.close()
    return run.report


class _Refresh:
    def __init__(
        self,
        lib: Library,
        settings: FetchSettings,
        progress: Callable[[Progress], None] | None,
        cancel: threading.Event,
    ) -> None:
        self.lib = lib
        self.settings = settings
        self.client = HttpClient(settings, cancel=cancel)
        self.robots = RobotsCache(self.client, settings.robots_ttl, lib)
        self.progress = progress
        self.cancel = cancel
        self.report = RefreshReport()
        self.parse: Executor
        self.total = 0
        self._lock = threading.Lock()
        self._done = 0
        self._new = 0
        self._rng = random.Random()
        # pages being read in this refresh: the feed that asked first, and the reading
        self._claims: dict[str, tuple[int, Future[tuple[Prepared | str, float]]]] = {}
        # Pages wait here for a thread, so a feed's pages are fetched side by side (within host limits).
        self._pages = ThreadPoolExecutor(max_workers=settings.overall, thread_name_prefix="page")

    def run(self, feeds: list[Feed]) -> None:
        finished = threading.Event()
        threading.Thread(
            target=self._abort_when_cancelled, args=(finished,), name="refresh-cancel", daemon=True
        ).start()
        try:
            with ThreadPoolExecutor(max_workers=self.settings.overall, thread_name_prefix="feed") as pool:
                futures = [pool.submit(self._feed, f) for f in _by_host_in_turn(feeds)]
                try:
                    for fut in futures:
                        fut.result()
                except BaseException:  # ctrl-c: requests under way are cut off, no new ones start
                    self.cancel.set()
                    raise
        finally:
            self._pages.shutdown(wait=True, cancel_futures=True)
            finished.set()
        self.report.cancelled = self.cancel.is_set()

    def _abort_when_cancelled(self, finished: threading.Event) -> None:
        """Requests under way end when the refresh is cancelled: quitting never waits for a slow server."""
        while not finished.is_set():
            if self.cancel.wait(0.1):
                self.client.abort()
                return

    # -- one feed ---------------------------------------------------------------------

    def _feed(self, feed: Feed) -> None:
        result = FeedResult(feed.id, feed.display_name, "cancelled")
        try:
            if not self.cancel.is_set():
                self._refresh_feed(feed, result)
        except LibraryError as exc:  # the library went away (closed, locked for long): this feed fails
            result.status, result.error = "error", str(exc)
        except Exception as exc:  # a bug here must not stop the other feeds
            result.status, result.error = "error", f"{type(exc).__name__}: {exc}".splitlines()[0]
        with self._lock:
            self.report.feeds.append(result)
            self._done += 1
            self._new += result.new
            done, new = self._done, self._new
        if self.progress is not None:
            self.progress(Progress(done, self.total, new, result.name))

    def _refresh_feed(self, feed: Feed, result: FeedResult) -> None:
        now = _now()
        try:
            resp = self.client.get(feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT)
        except FetchError as exc:
            if self.cancel.is_set():  # not asked, or the answer cut off: the feed keeps its state, due as before
                return
            self._failed(feed, result, str(exc), exc.status, exc.headers, now)
            return
        changes: dict[str, Any] = {"fetched_at": schedule.stamp(now)}
        if resp.permanent_url and resp.permanent_url != feed.url:
            changes["url"] = resp.permanent_url
            result.notes.append(f"moved permanently to {resp.permanent_url}; the subscription follows")
        if resp.status == 304:
            self._succeeded(feed, result, resp, now, changes, "not modified")
            return
        parsed, cpu = self.parse.submit(read_feed, resp.body, resp.url, resp.headers.get("content-type")).result()
        self._count(cpu, 0)
        if isinstance(parsed, str):
            if parsed.startswith("an HTML page"):
                parsed = "the address now gives an HTML page, not a feed"
            self._failed(feed, result, parsed, None, {}, now, changes)
            return
        result.notes.extend(parsed.notes)
        changes.update(title=parsed.title or feed.title, site_url=parsed.site_url or feed.site_url)
        context = FeedContext(source=feed.name or parsed.title or feed.title or host_of(feed.url), section=feed.section)
        outcomes = self._read_items(feed, parsed, context, result)
        stored = self.lib.store_feed_items(feed.id, outcomes)
        result.new, result.linked = len(stored.new), len(stored.linked)
        result.new_ids = stored.new
        result.item_failures = stored.failed
        # Items to try again need the feed read again: no validators, so the next answer is not a 304.
        changes["etag"] = None if stored.failed else resp.headers.get("etag")
        changes["last_modified"] = None if stored.failed else resp.headers.get("last-modified")
        if self.cancel.is_set() and stored.failed:  # stopped half way: what was stored stays, the rest waits
            self.lib.update_feed(feed.id, **changes)
            result.status = "cancelled"
            return
        self._succeeded(feed, result, resp, now, changes, "ok")

    def _succeeded(
        self, feed: Feed, result: FeedResult, resp: Response, now: datetime, changes: dict[str, Any], status: str
    ) -> None:
        next_at = schedule.stamp(schedule.after_success(resp.headers, now, self.settings, self._rng))
        note = "; ".join(result.notes) or None
        self.lib.update_feed(
            feed.id,
            **changes,
            ok_at=schedule.stamp(now),
            next_at=next_at,
            status=status,
            error=None,
            failures=0,
            note=note,
        )
        result.status, result.next_at = status, next_at

    def _failed(
        self,
        feed: Feed,
        result: FeedResult,
        reason: str,
        status: int | None,
        headers: dict[str, str],
        now: datetime,
        changes: dict[str, Any] | None = None,
    ) -> None:
        failures = feed.failures + 1
        when = schedule.after_failure(failures, status, headers, now, self.settings, self._rng)
        next_at = schedule.stamp(when)
        if status in RETRY_LATER:
            if schedule.retry_after(headers, now) is not None:
                reason += f"; {ASKED_TO_WAIT}: next try after {next_at}"
        values = dict(changes or {}, fetched_at=schedule.stamp(now))
        self.lib.update_feed(feed.id, **values, next_at=next_at, status="error", error=reason, failures=failures)
        result.status, result.error, result.next_at = "error", reason, next_at

    # -- its items ---------------------------------------------------------------------

    def _read_items(
        self, feed: Feed, parsed: ParsedFeed, context: FeedContext, result: FeedResult
    ) -> list[ItemOutcome]:
        seen = self.lib.seen_guids(feed.id)
        outcomes: list[ItemOutcome] = []
        pending: list[tuple[ItemOutcome, Future[tuple[Prepared | str, float]]]] = []
        outcome: ItemOutcome
        for item in parsed.items:
            if item.guid in seen:
                continue
            seen.add(item.guid)
            url = canonical_url(item.url)
            outcome = ItemOutcome(
                guid=item.guid,
                url=url,
                title=item.title,
                published=item.published,
                summary=plain_text(item.summary) if item.summary else None,
            )
            outcomes.append(outcome)
            existing = self.lib.article_by_url([url]) if url else None
            if existing is not None:
                outcome.article_id = existing
                continue
            outcome.read_for = feed.id
            if item.summary_only and url:
                with self._lock:  # a page another feed is fetching in this refresh is fetched once
                    claim = self._claims.get(url)
                    if claim is None:
                        claim = self._claims[url] = (
                            feed.id,
                            self._pages.submit(self._page_item, item, context, result),
                        )
                outcome.read_for, fut = claim
            else:
                fut = self.parse.submit(read_item, item, context, None, None)
            pending.append((outcome, fut))
        for outcome, fut in pending:
            if self.cancel.is_set():
                fut.cancel()
            try:
                prepared, cpu = fut.result()
            except Exception as exc:  # cancelled, or a worker process died
                prepared, cpu = f"not read: {type(exc).__name__}", 0.0
            self._count(cpu, 1)
            if isinstance(prepared, str):
                outcome.failure = prepared
            else:
                outcome.prepared = prepared
        return outcomes

    def _page_item(self, item: FeedItem, context: FeedContext, result: FeedResult) -> tuple[Prepared | str, float]:
        """Fetch the page of a summary-only item and read it (in a worker process)."""
        assert item.url is not None
        if self.cancel.is_set():
            return "refresh cancelled", 0.0
        try:
            if not self.robots.allowed(item.url):
                return self._from_summary(item, context, result, "robots.txt of the site disallows fetching it")
            resp = self.client.get(item.url, accept=PAGE_ACCEPT)
        except RobotsUnreachable as exc:
            return str(exc), 0.0
        except FetchError as exc:
            if exc.status in _PERMANENT_STATUS or exc.too_large:
                return self._from_summary(item, context, result, f"it could not be fetched: {exc}")
            return f"page: {exc}", 0.0
        with self._lock:
            result.pages += 1
        if resp.content_type not in HTML_TYPES:
            return self._from_summary(item, context, result, f"it is {resp.content_type}, not HTML")
        return self.parse.submit(read_item, item, context, resp.body, resp.url).result()

    def _from_summary(
        self, item: FeedItem, context: FeedContext, result: FeedResult, why: str
    ) -> tuple[Prepared | str, float]:
        """An item whose page cannot be had for good: stored from what the feed says, with a note."""
        with self._lock:
            if len(result.notes) < MAX_NOTES:
                result.notes.append(f"{item.url}: the page is not read ({why}); the feed's summary is stored")
            elif len(result.notes) == MAX_NOTES:
                result.notes.append("more pages not read; their summaries are stored")
        note = f"the page is not read ({why}); the feed's summary is shown"
        return self.parse.submit(read_item, item, context, None, None, note).result()

    def _count(self, cpu: float, items: int) -> None:
        with self._lock:
            self.report.parse_cpu += cpu
            self.report.items_read += items


def _by_host_in_turn(feeds: list[Feed]) -> list[Feed]:
    """Feeds ordered one host at a time in turn, so the first requests go to many hosts at once."""
    hosts: dict[str, list[Feed]] = {}
    for f in feeds:
        hosts.setdefault(host_of(f.url), []).append(f)
    out: list[Feed] = []
    queues = list(hosts.values())
    while queues:
        out.extend(q.pop(0) for q in queues)
        queues = [q for q in queues if q]
    return out
