"""`tuireader reparse`: rebuild every article from its stored files with the current parser."""

from __future__ import annotations

import argparse
import sys

from tuireader.commands.importing import ProgressBar
from tuireader.commands.libcmd import json_flag, library_errors, open_library, print_json, safe


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "reparse",
        parents=[common],
        help="re-read every stored article with the current parser (bookmarks and read state stay)",
    )
    json_flag(p)
    p.set_defaults(func=run)


@library_errors
def run(args: argparse.Namespace) -> int:
    progress = ProgressBar() if sys.stderr.isatty() and not args.json else None
    with open_library(args) as lib:
        report = lib.reparse(progress)
    if args.json:
        print_json(
            {
                "files": report.files,
                "articles": report.articles,
                "changed": report.changed,
                "merged": report.merged,
                "split": report.split,
                "failed": [{"path": p, "reason": r} for p, r in report.failed],
            }
        )
    else:
        for path, reason in report.failed:
            print(f"kept as it was: {safe(path)}: {safe(reason)}")
        print(
            f"reparsed {report.files} files: {report.articles} articles, {report.changed} changed, "
            f"{report.merged} merged, {report.split} split"
        )
    return 1 if report.failed else 0
