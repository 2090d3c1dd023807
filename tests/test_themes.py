"""Theme files: the bundled themes load; broken files are reported, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.theme import BUILTIN_THEMES

from tuireader.paths import bundled_themes_dir
from tuireader.themes import ThemeFileError, load_theme_specs, read_theme_file
from tuireader.ui.theming import VARIABLE_DEFAULTS, load_themes


def test_bundled_themes_are_light_dark_and_high_contrast() -> None:
    specs, problems = load_theme_specs([bundled_themes_dir()])
    assert problems == []
    by_name = {s.name: s for s in specs}
    assert not by_name["newspaper"].dark
    assert by_name["nightdesk"].dark
    assert by_name["high-contrast"].colors["background"] == "#000000"
    for spec in specs:
        assert set(VARIABLE_DEFAULTS) <= set(spec.variables)


def test_bundled_themes_build_as_textual_themes() -> None:
    themes, problems = load_themes([bundled_themes_dir()])
    assert problems == []
    assert {t.name for t in themes} == {"newspaper", "nightdesk", "high-contrast"} | set(BUILTIN_THEMES)


def test_user_theme_overrides_a_bundled_one_by_name(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('name = "newspaper"\ndark = false\nprimary = "#000080"\n', encoding="utf-8")
    specs, problems = load_theme_specs([bundled_themes_dir(), tmp_path])
    assert problems == []
    newspaper = [s for s in specs if s.name == "newspaper"]
    assert len(newspaper) == 1 and newspaper[0].colors["primary"] == "#000080"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("name = 'x'\nprimary = [1,", "not valid TOML"),
        ("name = 'Bad Name'\nprimary = '#fff'", "'name'"),
        ("name = 'x'\ndark = 'yes'\nprimary = '#fff'", "'dark'"),
        ("name = 'x'", "'primary'"),
        ("name = 'x'\nprimary = '#fff'\nsurface = 3", "'surface'"),
        ("name = 'x'\nprimary = '#fff'\nvariables = 3", "[variables]"),
    ],
)
def test_broken_theme_files_are_reported(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeFileError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        read_theme_file(path)
    specs, problems = load_theme_specs([tmp_path])
    assert specs == [] and len(problems) == 1 and "x.toml" in problems[0]


def test_a_colour_that_does_not_parse_is_reported(tmp_path: Path) -> None:
    (tmp_path / "odd.toml").write_text("name = 'odd'\nprimary = 'not-a-colour'\n", encoding="utf-8")
    (tmp_path / "fine.toml").write_text("name = 'fine'\nprimary = '#336699'\n", encoding="utf-8")
    themes, problems = load_themes([tmp_path])
    assert [t.name for t in themes if t.name not in BUILTIN_THEMES] == ["fine"]
    assert len(problems) == 1 and problems[0].startswith("odd.toml")
