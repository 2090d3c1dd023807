"""`tuireader config check`: is config.toml usable as written? (Beside the bindings it checks keys against.)"""

from __future__ import annotations

import argparse
from pathlib import Path

from tuireader.config import load_config
from tuireader.library import Library, LibraryError
from tuireader.paths import library_file
from tuireader.sanitize import clean_line
from tuireader.ui.theming import DEFAULT_THEME, load_themes


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("config", help="check the configuration file (config check)")
    actions = p.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        parents=[common],
        help="report every problem in config.toml",
        description=(
            "Read config.toml as the reader does and print each problem: TOML errors, unknown settings, "
            "unknown binding ids in [keys], keys Textual reserves (ctrl+c, ctrl+p, ctrl+q), keys two "
            "bindings in the same place share, theme files that cannot be used, a theme that does not exist. "
            "Also says which theme the reader starts with: one picked in "
            "the app wins over theme = in config.toml. Exit status 1 if there are problems."
        ),
    )
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = load_config()
    print(f"config file: {config.path}" + ("" if config.path and config.path.exists() else " (none; defaults apply)"))
    print(f"theme: {theme_line(config.theme, args)}")
    themes, theme_problems = load_themes()
    config.problems += [f"theme file {p}" for p in theme_problems]
    if config.theme and config.theme not in {t.name for t in themes}:
        config.problems.append(f"{config.path}: theme = {config.theme}: no such theme; the default applies")
    for problem in config.problems:
        print(f"problem: {clean_line(problem)}")
    if config.problems:
        return 1
    print("no problems")
    return 0


def theme_line(configured: str | None, args: argparse.Namespace) -> str:
    """Which theme the reader starts with, and why (the app's choice, kept in the library, wins)."""
    picked = None
    path = Path(args.library).expanduser() if getattr(args, "library", None) else library_file()
    if path.exists():  # checking the config never creates a library
        try:
            with Library(path) as lib:
                picked = lib.get_setting("theme")
        except LibraryError:
            pass
    if picked:
        also = f"; theme = {clean_line(configured)} in config.toml applies only until then" if configured else ""
        return f"{clean_line(picked)} (picked in the app{also})"
    if configured:
        return f"{clean_line(configured)} (theme = in config.toml)"
    return f"{DEFAULT_THEME} (the default)"
