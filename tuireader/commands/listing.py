"""`tuireader list`: stored articles, newest first."""

from __future__ import annotations

import argparse

from tuireader.commands.libcmd import (
    json_flag,
    library_errors,
    more_note,
    open_library,
    positive_int,
    print_json,
    safe,
)
from tuireader.model import ArticleSummary


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help="list stored articles, newest first")
    p.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")
    p.add_argument("--unread", action="store_true", help="only unread articles")
    p.add_argument("--section", metavar="S", help="only articles of this section (case does not matter)")
    p.add_argument(
        "--limit", metavar="N", type=positive_int, default=100, help="at most N articles (default 100; 0: all)"
    )
    p.add_argument("--offset", metavar="N", type=positive_int, default=0, help="skip the newest N")
    json_flag(p)
    p.set_defaults(func=run)


def summary_dict(s: ArticleSummary, url: str | None = None) -> dict:
    return {
        "id": s.id,
        "title": s.title,
        "section": s.section,
        "published": s.published,
        "source": s.source,
        "read": s.read,
        "bookmarked": s.bookmarked,
        "note": s.note,
        "url": url,
    }


def summary_line(s: ArticleSummary) -> str:
    flags = ("*" if s.bookmarked else " ") + (" " if s.read else "u")
    date = safe(s.published).replace("T", " ")
    section = f"[{safe(s.section)}] " if s.section else ""
    note = f"  — {safe(s.note)}" if s.bookmarked and s.note else ""
    return f"{s.id:>6} {flags} {date:<16}  {section}{safe(s.title)}{note}"


@library_errors
def run(args: argparse.Namespace) -> int:
    view = "bookmarks" if args.bookmarked else ("unread" if args.unread else "all")
    with open_library(args) as lib:
        total = lib.count(view, section=args.section, unread=args.unread)
        limit = args.limit if args.limit else total
        rows = lib.summaries(view=view, unread=args.unread, section=args.section, offset=args.offset, limit=limit)
        urls = lib.urls([s.id for s in rows]) if args.json else {}
    if args.json:
        articles = [summary_dict(s, urls.get(s.id)) for s in rows]
        print_json({"total": total, "offset": args.offset, "articles": articles})
        return 0
    for s in rows:
        print(summary_line(s))
    more_note(total, args.offset, len(rows))
    return 0
