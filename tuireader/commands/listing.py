"""`tuireader list`: stored articles, newest first."""

from __future__ import annotations

import argparse

from tuireader.commands.libcmd import json_flag, library_errors, open_library, positive_int, print_json, safe
from tuireader.model import ArticleSummary


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help="list stored articles, newest first")
    p.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")
    p.add_argument("--unread", action="store_true", help="only unread articles")
    p.add_argument("--section", metavar="S", help="only articles of this section")
    p.add_argument(
        "--limit", metavar="N", type=positive_int, default=100, help="at most N articles (default 100; 0: all)"
    )
    p.add_argument("--offset", metavar="N", type=positive_int, default=0, help="skip the newest N")
    json_flag(p)
    p.set_defaults(func=run)


def summary_dict(s: ArticleSummary) -> dict:
    return {
        "id": s.id,
        "title": s.title,
        "section": s.section,
        "published": s.published,
        "source": s.source,
        "read": s.read,
        "bookmarked": s.bookmarked,
    }


def summary_line(s: ArticleSummary) -> str:
    flags = ("*" if s.bookmarked else " ") + (" " if s.read else "u")
    date = safe(s.published).replace("T", " ")
    section = f"[{safe(s.section)}] " if s.section else ""
    return f"{s.id:>6} {flags} {date:<16}  {section}{safe(s.title)}"


@library_errors
def run(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        limit = args.limit if args.limit else lib.count()
        rows = lib.select(
            view="bookmarks" if args.bookmarked else "all",
            unread=args.unread,
            section=args.section,
            offset=args.offset,
            limit=limit,
        )
    if args.json:
        print_json([summary_dict(s) for s in rows])
    else:
        for s in rows:
            print(summary_line(s))
    return 0
