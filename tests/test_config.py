"""config.toml: keymap and default theme; a broken file never stops the reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.cli import main
from tuireader.config import load_config
from tuireader.ui.bindings import binding_table


def write(home: Path, text: str) -> Path:
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_without_problems(home: Path) -> None:
    config = load_config()
    assert config.theme is None and config.keymap == {} and config.problems == []


def test_theme_and_keys_are_read(home: Path) -> None:
    write(home, 'theme = "newspaper"\n[keys]\n"article.bookmark" = "m"\n"list.down" = ["j", "ctrl+n"]\n')
    config = load_config()
    assert config.theme == "newspaper"
    assert config.keymap == {"article.bookmark": "m", "list.down": "j,ctrl+n"}
    assert config.problems == []


def test_broken_toml_is_reported_and_defaults_apply(home: Path) -> None:
    write(home, "theme = \n[keys\n")
    config = load_config()
    assert config.theme is None and config.keymap == {}
    assert len(config.problems) == 1 and "config.toml" in config.problems[0]


def test_wrong_types_are_reported_one_by_one(home: Path) -> None:
    write(home, 'theme = 3\ncolour = "red"\n[keys]\n"a.b" = 5\n"article.read" = "x"\n')
    config = load_config()
    assert config.theme is None
    assert config.keymap == {"article.read": "x"}
    assert len(config.problems) == 3
    assert any("colour" in p for p in config.problems)


def test_non_utf8_file_is_reported(home: Path) -> None:
    (home / "config.toml").write_bytes(b'theme = "\xff\xfe"\n')
    config = load_config()
    assert config.problems and "UTF-8" in config.problems[0]


# -- key remaps are checked against the reader's bindings ---------------------


def test_an_unknown_binding_id_is_reported_and_ignored(home: Path) -> None:
    write(home, '[keys]\n"article.bookmrk" = "B"\n"article.bookmark" = "m"\n')
    config = load_config()
    assert config.keymap == {"article.bookmark": "m"}
    assert len(config.problems) == 1 and "keys.article.bookmrk: no binding has this id" in config.problems[0]


@pytest.mark.parametrize("key", ["ctrl+p", "ctrl+c", "ctrl+q", "ctrl+P"])
def test_keys_textual_reserves_are_refused(home: Path, key: str) -> None:
    write(home, f'[keys]\n"article.bookmark" = "{key},m"\n')
    config = load_config()
    assert config.keymap == {"article.bookmark": "m"}
    assert len(config.problems) == 1 and "reserved by Textual" in config.problems[0]


def test_a_key_two_bindings_in_one_place_would_share_is_refused(home: Path) -> None:
    # "j" moves down in the list: as the bookmark key on the main screen it could never run there.
    write(home, '[keys]\n"article.bookmark" = "j"\n"list.up" = "?"\n')
    config = load_config()
    assert config.keymap == {}
    assert any('"j" is also the key of list.down' in p for p in config.problems)
    assert any('"question_mark" is also the key of app.help' in p for p in config.problems)
    # Every binding keeps a key: the defaults stay.
    assert sum("no usable key left" in p for p in config.problems) == 2


def test_keys_may_be_swapped_and_reused_in_other_places(home: Path) -> None:
    # The story and the list are different places: both may use the same keys.
    write(home, '[keys]\n"list.down" = "k"\n"list.up" = "j"\n"story.down" = "ctrl+n"\n')
    config = load_config()
    assert config.problems == []
    assert config.keymap == {"list.down": "k", "list.up": "j", "story.down": "ctrl+n"}


def test_every_binding_the_reader_defines_has_an_id_a_key_and_no_clash() -> None:
    table = binding_table()
    assert len(table.bindings) >= 40 and all(b.keys for b in table.bindings)
    assert {"ctrl+p", "ctrl+c", "ctrl+q"} <= set(table.reserved)
    assert not {k for b in table.bindings for k in b.keys} & set(table.reserved)


def test_config_check_prints_the_path_and_each_problem(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "check"]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"config file: {home / 'config.toml'} (none; defaults apply)\ntheme: nightdesk (the default)\nno problems\n"
    )
    assert not (home / "library.db").exists()  # checking creates no library
    write(home, 'theme = "newspaper"\n[keys]\n"nope" = "x"\n"article.bookmark" = "ctrl+p"\n')
    assert main(["config", "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [f"config file: {home / 'config.toml'}", "theme: newspaper (theme = in config.toml)"]
    assert len(lines) == 5 and all(line.startswith("problem: ") for line in lines[2:])


def test_config_check_says_a_theme_picked_in_the_app_wins(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tuireader.library import Library

    write(home, 'theme = "newspaper"\n')
    with Library() as lib:
        lib.set_setting("theme", "high-contrast")
    assert main(["config", "check"]) == 0
    assert "theme: high-contrast (picked in the app; theme = newspaper in config.toml" in capsys.readouterr().out


async def test_the_reader_reports_key_problems_and_keeps_a_key(home: Path, tmp_path: Path) -> None:
    from tuireader.library import Library
    from tuireader.ui.app import ReaderApp

    write(home, '[keys]\n"app.help" = "ctrl+c"\n"article.bookmark" = "m"\n')
    with Library(tmp_path / "library.db") as lib:
        app = ReaderApp(lib)
        async with app.run_test() as pilot:
            await pilot.pause()
            # The app notifies each startup message when it mounts.
            assert any("keys.app.help" in m and "reserved" in m for m, _ in app.startup_messages)
            await pilot.press("question_mark")  # help keeps its default key
            assert type(app.screen).__name__ == "HelpScreen"


def test_config_check_reports_a_theme_that_does_not_exist(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(home, 'theme = "sepiaa"\n')
    (home / "themes").mkdir()
    (home / "themes" / "broken.toml").write_text("name = 'broken'\n", encoding="utf-8")
    assert main(["config", "check"]) == 1
    problems = [line for line in capsys.readouterr().out.splitlines() if line.startswith("problem: ")]
    assert len(problems) == 2
    assert "theme = sepiaa: no such theme" in problems[1] and "broken.toml" in problems[0]


def test_reading_width_and_browser_are_read_and_checked(home: Path) -> None:
    write(home, 'reading_width = 72\nbrowser = "w3m %u"\nterminal_browser = true\n')
    config = load_config()
    assert (config.reading_width, config.browser, config.terminal_browser) == (72, "w3m %u", True)
    assert config.problems == []
    write(home, 'reading_width = "wide"\nbrowser = 3\nterminal_browser = "yes"\n')
    config = load_config()
    assert (config.reading_width, config.browser, config.terminal_browser) == (80, None, None)
    assert len(config.problems) == 3
