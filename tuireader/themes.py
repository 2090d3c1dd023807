"""Theme files: TOML data describing a colour theme. No Textual here.

A theme file holds the fields of ``textual.theme.Theme`` plus a ``[variables]``
table of extra CSS variables (``teaser-border``, ``teaser-background``,
``sponsored``)::

    name = "newspaper"
    dark = false
    primary = "#8b1a1a"
    background = "#f5f1e6"
    [variables]
    teaser-border = "#8a7f66"

Bundled themes live in ``themes/``; users add their own in the config
directory's ``themes/`` folder (a user theme with a bundled name replaces it).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

COLOR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ThemeFileError(Exception):
    """A theme file that cannot be used; ``str()`` names the file and the reason."""


@dataclass(frozen=True)
class ThemeSpec:
    name: str
    dark: bool
    colors: dict[str, str]
    variables: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def read_theme_file(path: Path) -> ThemeSpec:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeFileError(f"{path.name}: cannot read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(f"{path.name}: not valid TOML ({exc})") from exc

    name = data.get("name", path.stem)
    if not isinstance(name, str) or not _NAME.match(name):
        raise ThemeFileError(f"{path.name}: 'name' must be lower-case letters, digits, '-' or '_'")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{path.name}: 'dark' must be true or false")
    if not isinstance(data.get("primary"), str):
        raise ThemeFileError(f"{path.name}: a theme needs a 'primary' colour")
    colors: dict[str, str] = {}
    for key in COLOR_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ThemeFileError(f"{path.name}: '{key}' must be a colour string like \"#336699\"")
        colors[key] = value
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variables.items()
    ):
        raise ThemeFileError(f"{path.name}: [variables] must map names to strings")
    return ThemeSpec(name=name, dark=dark, colors=colors, variables=dict(variables), path=path)


def load_theme_specs(directories: Iterable[Path]) -> tuple[list[ThemeSpec], list[str]]:
    """Every *.toml theme in the directories, later directories overriding earlier ones.

    Returns the themes and one message per file that could not be used.
    """
    by_name: dict[str, ThemeSpec] = {}
    problems: list[str] = []
    for directory in directories:
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            try:
                spec = read_theme_file(path)
            except ThemeFileError as exc:
                problems.append(str(exc))
                continue
            by_name[spec.name] = spec
    return list(by_name.values()), problems
