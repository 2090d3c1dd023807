"""What the library commands share: opening the library, ids, output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from tuireader.commands.errors import CliError
from tuireader.library import Library, LibraryError
from tuireader.sanitize import clean_line, dumps_json


def open_library(args: argparse.Namespace) -> Library:
    try:
        return Library(getattr(args, "library", None))
    except LibraryError as exc:
        raise CliError(str(exc), 2) from None


def article_id(text: str) -> int:
    """argparse type for an article id."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an article id: {text!r}") from None
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"not an article id: {text!r}")
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text!r}")
    return value


def not_found(article_id: int) -> CliError:
    return CliError(f"no article with id {article_id}", 1)


def safe(text: str | None) -> str:
    """Stored text for the terminal: no escape, control or bidi characters, one line."""
    return clean_line(text)


def print_json(data: Any) -> None:
    print(dumps_json(data))


def library_errors(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn LibraryError into a one-line CLI error."""

    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except LibraryError as exc:
            raise CliError(str(exc), 2) from None

    return run


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def more_note(total: int, offset: int, shown: int) -> None:
    """After a page of results, say on stderr how many follow it."""
    rest = total - offset - shown
    if rest > 0:
        print(f"… {rest:,} more (use --limit/--offset)", file=sys.stderr)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
