"""`tuireader search QUERY`: full-text search over titles, leads and stories."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from tuireader.commands.libcmd import (
    json_flag,
    library_errors,
    more_note,
    open_library,
    positive_int,
    print_json,
    safe,
    stdout_is_terminal,
)

# Options of `search` that take a value; every other word after the command
# that starts with a single "-" is a word to exclude ("-Putin").
_VALUE_OPTIONS = ("--limit", "--offset", "--library")


class _QueryParser(argparse.ArgumentParser):
    """``search -Putin Merkel``: "-word" is a query word, not an option; ``--`` ends the options."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        options, words = _options_and_words(list(sys.argv[1:] if args is None else args))
        return super().parse_known_args([*options, "--", *words], namespace)


def _options_and_words(args: list[str]) -> tuple[list[str], list[str]]:
    options: list[str] = []
    words: list[str] = []
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            words.extend(tokens)
        elif token in _VALUE_OPTIONS:
            options.append(token)
            value = next(tokens, None)
            if value is not None:
                options.append(value)
        elif token.startswith("--") or token in ("-h",):
            options.append(token)
        else:
            words.append(token)
    return options, words


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        allow_abbrev=False,
        help='full-text search (words, "phrases", prefix*, OR, -word)',
        description=(
            "Search titles, leads and stories (not teasers). Case and German spellings do not matter: "
            "München, munchen and muenchen, Straße and strasse find each other. Words must all occur; "
            '"a phrase" in quotes, Kasach* for a prefix, OR between alternatives, -word to exclude '
            "(anywhere: search -Putin Merkel). When the words find nothing, the last one is tried as a prefix."
        ),
    )
    p.__class__ = _QueryParser  # add_parser builds the class the subparsers were made with
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", metavar="N", type=positive_int, default=20, help="at most N hits (default 20)")
    p.add_argument("--offset", metavar="N", type=positive_int, default=0, help="skip the best N hits")
    json_flag(p)
    p.set_defaults(func=run)


def hit_dict(h: Any) -> dict[str, Any]:
    return {
        "id": h.id,
        "title": h.title,
        "section": h.section,
        "published": h.published,
        "snippet": h.snippet,
        "rank": h.rank,
    }


@library_errors
def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_library(args) as lib:
        results = lib.search_page(query, limit=args.limit, offset=args.offset)
    hits = results.hits
    if args.json:
        print_json(
            {
                "total": results.total,
                "offset": results.offset,
                "completed_last_word": results.completed_last_word,
                "hits": [hit_dict(h) for h in hits],
            }
        )
        return 0
    if results.completed_last_word:
        print(
            f"no article has all the words as typed; the last one also as the start of a word ({query}*)",
            file=sys.stderr,
        )
    tty = stdout_is_terminal()
    for h in hits:
        date = safe(h.published).replace("T", " ")
        snippet = safe(h.snippet)
        if tty:
            snippet = snippet.replace("[[", "\x1b[1m").replace("]]", "\x1b[0m")
        print(f"{h.id:>6}  {date:<16}  {safe(h.title)}")
        print(f"        {snippet}")
    if not hits:
        print("no matches" if results.total == 0 else f"no matches past the first {results.total}")
    more_note(results.total, args.offset, len(hits))
    return 0
