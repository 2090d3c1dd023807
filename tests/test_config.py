"""config.toml: keymap and default theme; a broken file never stops the reader."""

from __future__ import annotations

from pathlib import Path

from tuireader.config import load_config


def write(home: Path, text: str) -> Path:
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_without_problems(home: Path) -> None:
    config = load_config()
    assert config.theme is None and config.keymap == {} and config.problems == []


def test_theme_and_keys_are_read(home: Path) -> None:
    write(home, 'theme = "newspaper"\n[keys]\n"article.bookmark" = "B"\n"list.down" = ["j", "ctrl+n"]\n')
    config = load_config()
    assert config.theme == "newspaper"
    assert config.keymap == {"article.bookmark": "B", "list.down": "j,ctrl+n"}
    assert config.problems == []


def test_broken_toml_is_reported_and_defaults_apply(home: Path) -> None:
    write(home, "theme = \n[keys\n")
    config = load_config()
    assert config.theme is None and config.keymap == {}
    assert len(config.problems) == 1 and "config.toml" in config.problems[0]


def test_wrong_types_are_reported_one_by_one(home: Path) -> None:
    write(home, 'theme = 3\ncolour = "red"\n[keys]\n"a.b" = 5\n"c.d" = "x"\n')
    config = load_config()
    assert config.theme is None
    assert config.keymap == {"c.d": "x"}
    assert len(config.problems) == 3
    assert any("colour" in p for p in config.problems)


def test_non_utf8_file_is_reported(home: Path) -> None:
    (home / "config.toml").write_bytes(b'theme = "\xff\xfe"\n')
    config = load_config()
    assert config.problems and "UTF-8" in config.problems[0]
