"""`tuireader import PATH...`: files, directories (recursively) and globs into the library."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TextIO

from tuireader.commands.libcmd import json_flag, library_errors, open_library, print_json, safe
from tuireader.commands.opml import import_opml, print_opml_import, split_opml
from tuireader.library import ImportReport


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="import stored articles (files, directories, globs) into the library",
        description=(
            "Import stored articles; the format is told by content. Importing the same file again "
            "changes nothing. A new copy of an article already stored (same title, published time "
            "and story) updates it: the copy imported last wins, teasers included."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    json_flag(p)
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, only failures and the summary")
    p.set_defaults(func=run)


class ProgressBar:
    """A one-line progress bar on stderr, drawn at most ten times a second, with the rate and the time left."""

    WIDTH = 30

    def __init__(self, clock: Callable[[], float] = time.monotonic, out: TextIO | None = None) -> None:
        self._clock = clock
        self._out = out
        self._start: float | None = None
        self._last = -1.0
        self._drawn = 0

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        if self._start is None:
            self._start = now
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        out = self._out or sys.stderr
        if done >= total:
            out.write("\r" + " " * self._drawn + "\r")
            out.flush()
            return
        line = self.line(done, total, now - self._start)
        out.write("\r" + line.ljust(self._drawn))
        self._drawn = len(line)
        out.flush()

    def line(self, done: int, total: int, elapsed: float) -> str:
        filled = self.WIDTH * done // total if total else self.WIDTH
        bar = f"importing [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:,}/{total:,}"
        if done and elapsed >= 0.5:
            rate = done / elapsed
            bar += f"  {rate:,.0f} files/s  {_duration((total - done) / rate)} left"
        return bar


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}:{seconds:02d} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d} h"


def _report_json(report: ImportReport) -> dict:
    return {
        "counts": report.counts(),
        "imported": [{"path": p, "id": i} for p, i in report.imported],
        "updated": [{"path": p, "id": i} for p, i in report.updated],
        "unchanged": [{"path": p, "id": i} for p, i in report.unchanged],
        "failed": [{"path": p, "reason": r} for p, r in report.failed],
        "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
        "read_by_earlier_parser": report.read_by_earlier_parser,
    }


@library_errors
def run(args: argparse.Namespace) -> int:
    progress = ProgressBar() if sys.stderr.isatty() and not args.json and not args.quiet else None
    opml_files, paths = split_opml(args.paths)
    with open_library(args) as lib:
        opml_failed = False
        for opml_path in opml_files:  # subscription lists: subscribe to every feed
            added, existing, reason = import_opml(lib, opml_path)
            opml_failed |= reason is not None
            print_opml_import(opml_path, added, existing, reason, as_json=args.json)
        if not paths:
            return 1 if opml_failed else 0
        report = lib.import_paths(paths, progress=progress)
    if args.json:
        print_json(_report_json(report))
    else:
        for path, reason in report.failed:
            print(f"failed: {safe(path)}: {safe(reason)}")
        for path, reason in report.skipped:
            print(f"skipped: {safe(path)}: {safe(reason)}")
        c = report.counts()
        skipped = f", skipped {len(report.skipped)}" if report.skipped else ""
        print(
            f"imported {c['imported']}, updated {c['updated']}, unchanged {c['unchanged']}, failed {c['failed']}"
            + skipped
        )
        if report.older_parser:
            n = len(report.read_by_earlier_parser)
            print(
                f"{n} unchanged article{'s were' if n != 1 else ' was'} read by an earlier version of the parser; "
                "`tuireader reparse` reads every article again",
                file=sys.stderr,
            )
    return 1 if report.failed else 0
