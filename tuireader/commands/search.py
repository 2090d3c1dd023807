"""`tuireader search QUERY`: full-text search over titles, leads and stories."""

from __future__ import annotations

import argparse

from tuireader.commands.libcmd import (
    json_flag,
    library_errors,
    open_library,
    positive_int,
    print_json,
    safe,
    stdout_is_terminal,
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        help='full-text search (words, "phrases", prefix*, OR, -word)',
        description=(
            "Search titles, leads and stories (not teasers). Case and umlauts do not matter: "
            "munchen, muenchen and München find each other. Words must all occur; "
            '"a phrase" in quotes, Kasach* for a prefix, OR between alternatives, -word to exclude.'
        ),
    )
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", metavar="N", type=positive_int, default=20, help="at most N hits (default 20)")
    json_flag(p)
    p.set_defaults(func=run)


@library_errors
def run(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        hits = lib.search(" ".join(args.query), limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": h.id,
                    "title": h.title,
                    "section": h.section,
                    "published": h.published,
                    "snippet": h.snippet,
                    "rank": h.rank,
                }
                for h in hits
            ]
        )
        return 0
    tty = stdout_is_terminal()
    for h in hits:
        date = safe(h.published).replace("T", " ")
        snippet = safe(h.snippet)
        if tty:
            snippet = snippet.replace("[[", "\x1b[1m").replace("]]", "\x1b[0m")
        print(f"{h.id:>6}  {date:<16}  {safe(h.title)}")
        print(f"        {snippet}")
    if not hits and not args.json:
        print("no matches")
    return 0
