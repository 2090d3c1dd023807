"""`tuireader remove ID`: delete an article, its teasers and stored files."""

from __future__ import annotations

import argparse

from tuireader.commands.libcmd import article_id, json_flag, library_errors, not_found, open_library, print_json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("remove", parents=[common], help="remove an article from the library")
    p.add_argument("id", type=article_id, metavar="ID")
    json_flag(p)
    p.set_defaults(func=run)


@library_errors
def run(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        removed = lib.remove(args.id)
    if not removed:
        raise not_found(args.id)
    if args.json:
        print_json({"id": args.id, "removed": True})
    else:
        print(f"removed {args.id}")
    return 0
