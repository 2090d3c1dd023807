"""Theme files turned into Textual themes."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme

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


# Secondary text (dates, read titles) must read at 3:1 on the background and on
# the focused article-list cursor ($primary 40%).
MUTED_CONTRAST = 3.0


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""

    def luminance(color: Color) -> float:
        def channel(c: int) -> float:
            s = c / 255
            return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def with_real_muted_colour(theme: Theme) -> Theme:
    """The theme with $text-muted as a real colour when it has none of its own.

    Textual's default, "auto 60%", has no background to blend against in
    partial styles (the article list's dates and read titles): it comes out
    white or black. This is the same blend, computed once, made stronger
    until it reads on the background and on the list cursor.
    """
    if "text-muted" in theme.variables:
        return theme
    colors = theme.to_color_system().generate()
    try:
        background = Color.parse(colors["background"])
        cursor = background + Color.parse(colors["primary"]).with_alpha(0.4)
    except Exception:  # ANSI themes: the terminal's own colours, nothing to compute
        return theme
    muted = background
    for alpha in (0.6, 0.7, 0.8, 0.9, 1.0):
        muted = background + background.get_contrast_text(alpha)
        if min(contrast_ratio(muted, background), contrast_ratio(muted, cursor)) >= MUTED_CONTRAST:
            break
    return dataclasses.replace(theme, variables={**theme.variables, "text-muted": muted.hex})


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
    return with_real_muted_colour(theme)


def load_themes(directories: list[Path] | None = None) -> tuple[list[Theme], list[str]]:
    """Textual's themes with a real muted colour, then ours: bundled, then the user's.

    One problem message per unusable file.
    """
    if directories is None:
        directories = [bundled_themes_dir(), user_themes_dir()]
    specs, problems = load_theme_specs(directories)
    themes: list[Theme] = [with_real_muted_colour(t) for t in BUILTIN_THEMES.values()]
    for spec in specs:
        try:
            themes.append(build_theme(spec))
        except Exception as exc:  # a bad colour string: report the file, keep going
            where = spec.path.name if spec.path else spec.name
            problems.append(f"{where}: {exc}")
    return themes, problems
