"""`tuireader show ID`: one stored article as text (header, story, teasers apart)."""

from __future__ import annotations

import argparse

from tuireader.commands.libcmd import article_id, json_flag, library_errors, not_found, open_library, print_json, safe
from tuireader.ingest.exportformat import article_record
from tuireader.render import render_article_text


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("show", parents=[common], help="show a stored article")
    p.add_argument("id", type=article_id, metavar="ID")
    json_flag(p)
    p.set_defaults(func=run)


@library_errors
def run(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        article = lib.get(args.id)
    if article is None:
        raise not_found(args.id)
    if args.json:
        record = article_record(article)
        for teaser, data in zip(article.related, record["related"], strict=False):
            data["article_id"] = teaser.article_id
        print_json(record)
        return 0
    state = ", ".join(
        x
        for x in (
            f"id {article.id}",
            "read" if article.read else "unread",
            "bookmarked" if article.bookmarked else None,
            f"note: {safe(article.bookmark_note)}" if article.bookmark_note else None,
        )
        if x
    )
    print(render_article_text(article))
    print(f"\n({state})")
    return 0
