"""`tuireader export --format json|md|html DEST`: the library (or its bookmarks) as files."""

from __future__ import annotations

import argparse
from pathlib import Path

from tuireader.commands.libcmd import json_flag, library_errors, open_library, print_json, safe
from tuireader.commands.opml import export_opml
from tuireader.library import Library
from tuireader.library.errors import LibraryError
from tuireader.library.exporters import FORMATS, ExportReport, export, export_reading_list


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export",
        parents=[common],
        help="export articles: json (everything), md (one file each), html (browser bookmarks)",
        description=(
            "json: one file with every article, its teasers and library state (re-importable). "
            "md: a directory with one markdown file per article, YAML front matter (re-importable). "
            "html: a Netscape bookmark file for browsers (articles with a URL or stored file). "
            "opml: the feed subscriptions, sections as folders."
        ),
    )
    p.add_argument("dest", metavar="DEST", help="file (json, html) or directory (md)")
    p.add_argument("--format", "-f", required=True, choices=(*FORMATS, "opml"))
    p.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")
    p.add_argument(
        "--one-file",
        action="store_true",
        help="with --format md: one reading-list file (DEST.md: contents, then every article) instead of a folder",
    )
    json_flag(p)
    p.set_defaults(func=run)


@library_errors
def run(args: argparse.Namespace) -> int:
    if args.format == "opml":  # the subscriptions, not the articles
        with open_library(args) as lib:
            count = export_opml(lib, args.dest)
        print(f"exported {count} subscriptions to {safe(args.dest)}")
        return 0
    with open_library(args) as lib:
        report = reading_list(lib, args) if args.one_file else export(lib, args.format, args.dest, args.bookmarked)
    if args.json:
        print_json(
            {
                "format": report.format,
                "dest": report.dest,
                "written": report.written,
                "skipped": [{"id": i, "reason": r} for i, r in report.skipped],
                "notes": [{"id": i, "note": n} for i, n in report.notes],
            }
        )
    else:
        for i, reason in report.skipped:
            print(f"skipped {i}: {safe(reason)}")
        for i, note in report.notes:
            print(f"note on {i}: {safe(note)}")
        print(f"exported {report.written} articles to {safe(report.dest)}")
    return 0


def reading_list(lib: Library, args: argparse.Namespace) -> ExportReport:
    if args.format != "md":
        raise LibraryError("--one-file goes with --format md (a reading list in one markdown file)")
    try:
        return export_reading_list(lib, Path(args.dest), args.bookmarked)
    except OSError as exc:
        raise LibraryError(f"{args.dest}: cannot write export: {exc.strerror or exc}") from None
