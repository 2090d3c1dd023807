"""Feed commands: `subscribe`, `feeds`, `unsubscribe`, `refresh`, `fetch`."""

from __future__ import annotations

import argparse
import sys

from tuireader.commands.errors import CliError
from tuireader.commands.libcmd import json_flag, library_errors, open_library, print_json, safe
from tuireader.library import Library
from tuireader.library.feeds import Feed, FeedExists
from tuireader.web.pages import fetch_pages
from tuireader.web.refresh import Progress, RefreshReport, refresh
from tuireader.web.subscribe import SubscribeError, subscribe


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "subscribe",
        parents=[common],
        help="subscribe to a feed (RSS, Atom, JSON Feed) or to the feed a page links",
        description="Subscribe to a feed: RSS 0.9x/1.0/2.0, Atom, JSON Feed 1.x, or a page that links one "
        '(<link rel="alternate">). `tuireader refresh` brings its items in.',
    )
    p.add_argument("url", metavar="URL")
    p.add_argument("--name", help="the feed's name in tuireader (default: its own title)")
    p.add_argument("--section", help="a section for the feed (as in OPML folders)")
    json_flag(p)
    p.set_defaults(func=run_subscribe)

    p = sub.add_parser("feeds", parents=[common], help="list subscriptions with last refresh, status and counts")
    json_flag(p)
    p.set_defaults(func=run_feeds)

    p = sub.add_parser(
        "unsubscribe",
        parents=[common],
        help="end a subscription (its articles stay unless --purge)",
    )
    p.add_argument("feed", metavar="ID|URL")
    p.add_argument(
        "--purge", action="store_true", help="also delete the articles only this feed brought (bookmarked ones stay)"
    )
    p.set_defaults(func=run_unsubscribe)

    p = sub.add_parser(
        "refresh",
        parents=[common],
        help="fetch due feeds and store their new items as articles (full text for summary-only feeds)",
        description="Fetch the feeds that are due (all, or those named) and store new items as articles. "
        "Items whose feed carries only a summary get their page fetched and read. Feeds the server asked to "
        "wait (Retry-After, Cache-Control) or that failed recently (back-off) wait unless named or --force.",
    )
    p.add_argument("feeds", nargs="*", metavar="FEED", help="feed ids, addresses or names (default: every feed)")
    p.add_argument(
        "--force", action="store_true", help="fetch even feeds the server said are fresh (never before a Retry-After)"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress line, only the summary")
    json_flag(p)
    p.set_defaults(func=run_refresh)

    p = sub.add_parser("fetch", parents=[common], help="fetch web pages and store them as articles")
    p.add_argument("urls", nargs="+", metavar="URL")
    json_flag(p)
    p.set_defaults(func=run_fetch)


@library_errors
def run_subscribe(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        try:
            feed, parsed, page = subscribe(lib, args.url, name=args.name, section=args.section)
        except SubscribeError as exc:
            raise CliError(str(exc), 1) from None
        except FeedExists as exc:
            raise CliError(str(exc), 1) from None
    if args.json:
        print_json({**feed.to_dict(), "format": parsed.format, "items": len(parsed.items), "found_on": page})
        return 0
    found = f" (found on {safe(page)})" if page else ""
    print(
        f"subscribed {feed.id}: {safe(feed.display_name)} <{safe(feed.url)}>{found}, {_count(len(parsed.items), 'item')} now"
    )
    for note in parsed.notes:
        print(f"note: {safe(note)}")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _when(stamp: str | None) -> str:
    return stamp.replace("T", " ")[:16] if stamp else "never"


@library_errors
def run_feeds(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        feeds = lib.feeds()
    if args.json:
        print_json([feed.to_dict() for feed in feeds])
        return 0
    if not feeds:
        print("no subscriptions; add one with `tuireader subscribe URL`")
        return 0
    for feed in feeds:
        print(_feed_line(feed))
        if feed.error:
            print(f"      error: {safe(feed.error)}")
        if feed.note:
            print(f"      note: {safe(feed.note)}")
    return 0


def _feed_line(feed: Feed) -> str:
    section = f" [{safe(feed.section)}]" if feed.section else ""
    return (
        f"{feed.id:>4}  {safe(feed.display_name)}{section}  <{safe(feed.url)}>  "
        f"{feed.status}, refreshed {_when(feed.ok_at)}, {_count(feed.articles, 'article')} ({feed.unread} unread)"
    )


def _resolve(lib: Library, ref: str) -> Feed:
    feed = lib.find_feed(ref)
    if feed is None:
        raise CliError(f"no subscription {ref!r} (see `tuireader feeds`)", 1)
    return feed


@library_errors
def run_unsubscribe(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        feed = _resolve(lib, args.feed)
        deleted, kept = lib.remove_feed(feed.id, purge=args.purge)
    print(f"unsubscribed {feed.id}: {safe(feed.display_name)}")
    if args.purge:
        print(f"deleted {deleted} articles" + (f"; kept {kept} bookmarked" if kept else ""))
    return 0


class _ProgressLine:
    def __call__(self, p: Progress) -> None:
        sys.stderr.write(f"\rrefreshing {p.done}/{p.total} feeds, {p.new_articles} new articles ")
        if p.done >= p.total:
            sys.stderr.write("\r" + " " * 60 + "\r")
        sys.stderr.flush()


@library_errors
def run_refresh(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        feeds = [_resolve(lib, ref) for ref in args.feeds] if args.feeds else None
        if feeds is None and not lib.feeds():
            raise CliError("no subscriptions; add one with `tuireader subscribe URL`", 1)
        show = sys.stderr.isatty() and not args.json and not args.quiet
        report = refresh(lib, feeds, force=args.force or bool(args.feeds), progress=_ProgressLine() if show else None)
    if args.json:
        print_json(report.to_dict())
    else:
        _print_report(report)
    return 1 if any(f.status == "error" for f in report.feeds) else 0


def _print_report(report: RefreshReport) -> None:
    """A line for each feed that brought something, failed, waits or has a note; then the totals."""
    for f in sorted(report.feeds, key=lambda f: f.feed_id):
        if f.status == "error":
            line = f"error: {safe(f.error)}"
        elif f.status == "waiting":
            line = f"not due until {_when(f.next_at)}"
        elif f.status == "cancelled":
            line = "cancelled"
        elif f.new or f.linked:
            line = f"{f.new} new" + (f", {f.linked} already stored" if f.linked else "")
        elif f.notes or f.item_failures:
            line = "nothing new"
        else:
            continue
        print(f"{f.feed_id:>4}  {safe(f.name)}: {line}")
        for note in f.notes:
            print(f"      note: {safe(note)}")
        for title, reason in f.item_failures:
            print(f"      not stored (tried again next refresh): {safe(title)}: {safe(reason)}")
    c = report.counts()
    unchanged = sum(1 for f in report.feeds if f.status in ("ok", "not modified") and not (f.new or f.linked))
    print(
        f"refreshed {_count(c['feeds'], 'feed')} in {report.seconds:.1f} s: {_count(c['new'], 'new article')}, "
        f"{_count(c['pages'], 'page')} fetched, {unchanged} with nothing new, {_count(c['errors'], 'error')}"
        + (" (cancelled)" if report.cancelled else "")
    )


@library_errors
def run_fetch(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        results = fetch_pages(lib, args.urls)
    if args.json:
        print_json([{"url": r.url, "status": r.status, "id": r.article_id, "reason": r.reason} for r in results])
    else:
        for r in results:
            if r.status == "failed":
                print(f"failed: {safe(r.url)}: {safe(r.reason)}")
            else:
                print(f"{r.status} {r.article_id}: {safe(r.url)}")
    return 1 if any(r.status == "failed" for r in results) else 0
