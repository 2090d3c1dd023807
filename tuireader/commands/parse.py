"""`tuireader parse FILE... [--json]`: show what the parser makes of stored files."""

from __future__ import annotations

import argparse
import sys

from tuireader.ingest import IngestError, parse_file
from tuireader.render import render_article_text
from tuireader.sanitize import clean_line, dumps_json


def one_line(message: str) -> str:
    """A message safe for one terminal line: newlines shown escaped, control characters gone."""
    return clean_line(message.replace("\r", "\\r").replace("\n", "\\n"))


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("parse", parents=[common], help="parse stored articles and print the result")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    first = True
    for path in args.files:
        try:
            article = parse_file(path)
        except IngestError as exc:
            print(f"tuireader: {one_line(str(exc))}", file=sys.stderr)
            failed += 1
            continue
        if args.json:
            print(dumps_json(article.to_dict()))
        else:
            if not first:
                print("\n" + "=" * 72 + "\n")
            print(render_article_text(article))
        first = False
    return 1 if failed else 0
