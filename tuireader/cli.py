"""Command line: `tuireader [PATH...]` opens the reader; `tuireader COMMAND ...` runs a command.

Each command lives in its own module under ``tuireader.commands`` with
``register(subparsers, common)``; it sets ``func`` (args -> exit code) on its parser.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tuireader import __version__
from tuireader.commands.errors import CliError
from tuireader.logs import quiet_parser_logs
from tuireader.sanitize import clean_line

# Modules under tuireader.commands (or named in full), each registering one or more subcommands.
COMMAND_MODULES: tuple[str, ...] = (
    "parse",
    "importing",
    "listing",
    "search",
    "show",
    "marks",
    "export",
    "remove",
    "reparse",
    "feeds",
    "tuireader.ui.configcheck",  # checks keys against the reader's bindings: lives beside them
)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="library database file (default: in the user data directory, or $TUIREADER_HOME)",
    )
    return common


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="tuireader",
        description="A keyboard-driven terminal reader for stored news articles.",
        epilog="Without a command, opens the reader (importing any PATH given first).",
    )
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name if "." in name else f"tuireader.commands.{name}")
        module.register(sub, common)
    return parser, set(sub.choices)


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader",
        description="Open the reader, importing any PATH (file, directory or glob) first.",
    )
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None, help="library database file")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    return parser


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token == "--library":
            skip = True
            continue
        if token.startswith("-"):
            continue
        return token
    return None


def main(argv: Sequence[str] | None = None) -> int:
    quiet_parser_logs()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser, commands = build_parser()
        first = _first_positional(argv)
        if first in commands or (first is None and any(a in ("-h", "--help") for a in argv)):
            args = parser.parse_args(argv)
            return int(args.func(args) or 0)
        args = _open_parser().parse_args(argv)
        from tuireader.ui.app import run_app

        return int(run_app(library=args.library, paths=args.paths) or 0)
    except CliError as exc:
        print(f"tuireader: {clean_line(str(exc))}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("tuireader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
