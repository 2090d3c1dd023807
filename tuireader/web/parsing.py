"""Reading what refresh fetched: feeds and pages parsed, in worker processes when there are many.

The functions here run in a worker (they take and return plain, picklable
data) and never raise: a parser bug is one failed item, not a stopped refresh.
Each returns the CPU seconds it used, so a refresh can report CPU per item.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any, TypeVar

from tuireader.ingest import parse_bytes
from tuireader.ingest.feedformat import FeedItem, NotAFeed, ParsedFeed, item_document, parse_feed, plain_text
from tuireader.ingest.urls import canonical_url
from tuireader.library.feeds import FeedContext, apply_feed_context
from tuireader.library.importer import Prepared

T = TypeVar("T")


def read_feed(data: bytes, url: str, content_type: str | None) -> tuple[ParsedFeed | str, float]:
    """The parsed feed, or a one-line reason it is none."""
    start = time.process_time()
    try:
        result: ParsedFeed | str = parse_feed(data, url, content_type)
    except NotAFeed as exc:
        result = str(exc)
    except Exception as exc:  # a feed that breaks the parser fails alone
        result = f"cannot read the feed: {type(exc).__name__}: {exc}".splitlines()[0]
    return result, time.process_time() - start


def read_item(
    item: FeedItem, feed: FeedContext, page: bytes | None, page_url: str | None, note: str | None = None
) -> tuple[Prepared | str, float]:
    """An item as an article ready to store: from its page when given, else from what the feed carries."""
    start = time.process_time()
    try:
        result: Prepared | str = _read_item(item, feed, page, page_url, note)
    except Exception as exc:
        result = f"cannot read: {type(exc).__name__}: {exc}".splitlines()[0]
    return result, time.process_time() - start


def _read_item(
    item: FeedItem, feed: FeedContext, page: bytes | None, page_url: str | None, note: str | None
) -> Prepared | str:
    address = canonical_url(item.url) or canonical_url(page_url)
    if page is not None:
        raw = page
        article = parse_bytes(raw, page_url)
    else:
        raw = item_document(item, feed.source)
        article = parse_bytes(raw, address)
    summary = plain_text(item.summary) if item.summary else None
    apply_feed_context(article, replace(feed, title=item.title, published=item.published, summary=summary))
    if not article.title.strip():
        return "no article found (no title)"
    article.url = canonical_url(article.url) or address
    if note:
        article.leftover.append(note)
    path = page_url or address or item.guid
    article.path = path
    prepared = Prepared.of(path, article, raw)
    prepared.abspath = path  # a web address, not a file
    return prepared


class InlineExecutor(Executor):
    """Runs each call at once in the calling thread (few items: no worker processes to start)."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def _worker_start(parent: int) -> None:
    """In a worker: leave as soon as the refreshing process is gone (even killed with -9).

    Workers are children of the fork server, not of that process: they watch its pid.
    """

    def watch() -> None:
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)
            except OSError:
                pass
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()


def parser_pool(processes: int) -> Executor:
    """``processes`` worker processes (a fork server: safe beside threads), or inline when fewer than two."""
    if processes < 2 or "forkserver" not in multiprocessing.get_all_start_methods():
        return InlineExecutor()
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tuireader.web.parsing"])
    return ProcessPoolExecutor(
        max_workers=processes, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)
    )


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
