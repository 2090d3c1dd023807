"""`bookmark`, `unbookmark`, `read`, `unread`: an article's library state."""

from __future__ import annotations

import argparse

from tuireader.commands.libcmd import article_id, json_flag, library_errors, not_found, open_library, print_json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bookmark", parents=[common], help="bookmark an article")
    p.add_argument("id", type=article_id, metavar="ID")
    p.add_argument("--note", metavar="TEXT", help="a note kept with the bookmark")
    json_flag(p)
    p.set_defaults(func=run, action_name="bookmark")
    for name, help_text in (
        ("unbookmark", "remove an article's bookmark (and its note)"),
        ("read", "mark an article read"),
        ("unread", "mark an article unread"),
    ):
        q = sub.add_parser(name, parents=[common], help=help_text)
        q.add_argument("id", type=article_id, metavar="ID")
        json_flag(q)
        q.set_defaults(func=run, action_name=name, note=None)


@library_errors
def run(args: argparse.Namespace) -> int:
    action = args.action_name
    with open_library(args) as lib:
        if action in ("bookmark", "unbookmark"):
            found = lib.set_bookmark(args.id, action == "bookmark", args.note)
        else:
            found = lib.set_read(args.id, action == "read")
        if not found:
            raise not_found(args.id)
        summary = lib.summary(args.id)
        note = lib.get(args.id).bookmark_note if action == "bookmark" else None  # type: ignore[union-attr]
    assert summary is not None
    if args.json:
        print_json({"id": summary.id, "bookmarked": summary.bookmarked, "bookmark_note": note, "read": summary.read})
    else:
        done = {
            "bookmark": "bookmarked",
            "unbookmark": "unbookmarked",
            "read": "marked read",
            "unread": "marked unread",
        }
        print(f"{done[action]} {summary.id}")
    return 0
