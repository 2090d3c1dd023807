"""`tuireader config check`: is config.toml usable as written? (Beside the bindings it checks keys against.)"""

from __future__ import annotations

import argparse

from tuireader.config import load_config
from tuireader.sanitize import clean_line


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("config", help="check the configuration file (config check)")
    actions = p.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="report every problem in config.toml",
        description=(
            "Read config.toml as the reader does and print each problem: TOML errors, unknown settings, "
            "unknown binding ids in [keys], keys Textual reserves (ctrl+c, ctrl+p, ctrl+q), keys two "
            "bindings in the same place share. Exit status 1 if there are problems."
        ),
    )
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = load_config()
    print(f"config file: {config.path}" + ("" if config.path and config.path.exists() else " (none; defaults apply)"))
    for problem in config.problems:
        print(f"problem: {clean_line(problem)}")
    if config.problems:
        return 1
    print("no problems")
    return 0
