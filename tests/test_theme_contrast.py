"""Every shipped theme keeps every text role readable: WCAG contrast 4.5:1 for text, 3:1 for muted text.

The colours are the ones the app resolves (``App.get_css_variables``: Textual's
``ColorSystem.generate()`` under the theme's own variables), for each role on
each background it is drawn on (app.tcss and the widgets' CSS).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color

from tuireader.library import Library
from tuireader.paths import bundled_themes_dir
from tuireader.themes import load_theme_specs
from tuireader.ui.app import ReaderApp
from tuireader.ui.theming import contrast_ratio as contrast

BODY, MUTED = 4.5, 3.0

# Backgrounds: the screen, dialogs (surface), the status bar (panel), the teaser
# block, and the article list's cursor row (primary at 20% and, focused, 40%).
PLAIN = ("background", "surface", "panel", "teaser-background")
LIST_ROWS = ("background", "cursor", "cursor-focused")

# (role, variable, backgrounds, minimum ratio)
ROLES = [
    ("story and list text", "foreground", (*PLAIN, "cursor", "cursor-focused"), BODY),
    ("text of Textual's widgets", "text", PLAIN, BODY),
    ("dates, bylines, read titles", "text-muted", (*PLAIN, "cursor", "cursor-focused"), MUTED),
    ("sections in the list", "text-secondary", LIST_ROWS, MUTED),
    ("bookmark marks in the list", "text-accent", LIST_ROWS, MUTED),
    ("search matches", "text-accent", ("surface",), BODY),
    ("story and help titles", "text-primary", ("background", "surface"), BODY),
    ("a bookmark's note in the story header", "text-accent", ("background",), BODY),
    ("the sponsored mark", "sponsored", ("teaser-background",), MUTED),
]
# Drawn as partial component styles by the article list (Line API): the style
# has no background to blend an "auto" colour against, so these must be real colours.
LINE_API_ROLES = ("text-muted", "text-secondary", "text-accent")


def resolve(value: str, under: Color) -> Color:
    """A CSS colour value ("#abc", "#abc 40%", "auto 60%") as drawn over ``under``."""
    base, _, percent = value.partition(" ")
    alpha = float(percent.rstrip("%")) / 100 if percent else 1.0
    color = under.get_contrast_text(alpha) if base == "auto" else Color.parse(base).multiply_alpha(alpha)
    return under + color


def theme_variables(tmp_path: Path) -> dict[str, dict[str, str]]:
    specs, problems = load_theme_specs([bundled_themes_dir()])
    assert problems == []
    with Library(tmp_path / "library.db") as lib:
        app = ReaderApp(lib, theme_dirs=[bundled_themes_dir()])
        out = {}
        for spec in specs:
            app.theme = spec.name
            out[spec.name] = app.get_css_variables()
        return out


@pytest.fixture(scope="module")
def variables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    return theme_variables(tmp_path_factory.mktemp("themes"))


def backgrounds(v: dict[str, str]) -> dict[str, Color]:
    screen = resolve(v["background"], Color(0, 0, 0))
    out = {name: resolve(v[name], screen) for name in PLAIN}
    out["cursor"] = resolve(f"{v['primary']} 20%", screen)
    out["cursor-focused"] = resolve(f"{v['primary']} 40%", screen)
    return out


def test_every_theme_is_checked(variables: dict[str, dict[str, str]]) -> None:
    assert {"newspaper", "nightdesk", "high-contrast"} <= set(variables)


def test_every_text_role_is_readable_in_every_theme(variables: dict[str, dict[str, str]]) -> None:
    failures = []
    for theme, v in sorted(variables.items()):
        under = backgrounds(v)
        for role, name, places, minimum in ROLES:
            for place in places:
                ratio = contrast(resolve(v[name], under[place]), under[place])
                if ratio < minimum:
                    failures.append(f"{theme}: {role} (${name} {v[name]}) on {place}: {ratio:.2f} < {minimum}")
    assert failures == []


def test_list_colours_are_real_colours(variables: dict[str, dict[str, str]]) -> None:
    auto = [
        f"{theme}: ${name} = {v[name]}"
        for theme, v in variables.items()
        for name in LINE_API_ROLES
        if "auto" in v[name]
    ]
    assert auto == []


# Ours, and Textual's light themes: their muted text came out white as well.
@pytest.mark.parametrize(
    "theme", ["newspaper", "nightdesk", "high-contrast", "textual-light", "solarized-light", "rose-pine-dawn"]
)
async def test_the_article_list_draws_readable_rows(tmp_path: Path, theme: str) -> None:
    """What the list really draws: dates, sections and read titles on the row and cursor backgrounds."""
    from tuireader.ui.widgets.article_list import ArticleList

    samples = Path(__file__).resolve().parent.parent / "samples"
    with Library(tmp_path / "library.db") as lib:
        lib.import_paths([samples])
        for summary in lib.summaries(limit=3):
            lib.set_read(summary.id, True)
        app = ReaderApp(lib, theme_dirs=[bundled_themes_dir()])
        async with app.run_test(size=(120, 20)) as pilot:
            app.theme = theme
            await app.workers.wait_for_complete()
            await pilot.pause()
            article_list = app.query_one(ArticleList)
            low = []
            for y in range(4):  # the cursor row, read rows and unread rows
                for segment in article_list.render_line(y):
                    style = segment.style
                    if not segment.text.strip() or style is None or style.color is None or style.bgcolor is None:
                        continue
                    fg, bg = (Color.from_rich_color(c) for c in (style.color, style.bgcolor))
                    if contrast(fg, bg) < MUTED:
                        low.append(f"row {y} {segment.text.strip()[:20]!r}: {fg.hex} on {bg.hex}")
            assert low == []


def test_a_user_theme_without_a_muted_colour_gets_a_readable_one(tmp_path: Path) -> None:
    from tuireader.ui.theming import load_themes

    (tmp_path / "sepia.toml").write_text(
        'name = "sepia"\ndark = false\nprimary = "#704214"\nbackground = "#f4ecd8"\nforeground = "#3b2f2f"\n',
        encoding="utf-8",
    )
    themes, problems = load_themes([tmp_path])
    (sepia,) = [t for t in themes if t.name == "sepia"]
    muted = Color.parse(sepia.variables["text-muted"])
    assert problems == [] and contrast(muted, Color.parse("#f4ecd8")) >= MUTED
