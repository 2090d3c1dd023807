"""Theme files turned into Textual themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.theme import Theme

from tuireader.paths import bundled_themes_dir, user_themes_dir
from tuireader.themes import ThemeSpec, load_theme_specs

DEFAULT_THEME = "nightdesk"
FALLBACK_THEME = "textual-dark"

# Our own CSS variables, with values that work on any theme (built-in ones included).
VARIABLE_DEFAULTS: dict[str, str] = {
    "teaser-border": "#7f7f7f",
    "teaser-background": "#7f7f7f 8%",
    "sponsored": "#d7a000",
}


def build_theme(spec: ThemeSpec) -> Theme:
    """A Textual Theme from a theme file; raises ValueError when a colour does not parse."""
    colors: dict[str, Any] = dict(spec.colors)
    theme = Theme(
        name=spec.name,
        dark=spec.dark,
        variables={**VARIABLE_DEFAULTS, **spec.variables},
        **colors,
    )
    # Generating the colour system parses every colour: fail here, not mid-render.
    theme.to_color_system().generate()
    return theme


def load_themes(directories: list[Path] | None = None) -> tuple[list[Theme], list[str]]:
    """Bundled themes, then the user's; one problem message per unusable file."""
    if directories is None:
        directories = [bundled_themes_dir(), user_themes_dir()]
    specs, problems = load_theme_specs(directories)
    themes: list[Theme] = []
    for spec in specs:
        try:
            themes.append(build_theme(spec))
        except Exception as exc:  # a bad colour string: report the file, keep going
            where = spec.path.name if spec.path else spec.name
            problems.append(f"{where}: {exc}")
    return themes, problems
