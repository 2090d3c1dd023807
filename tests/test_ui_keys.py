"""Keys, help, footer, themes and the config file."""

from __future__ import annotations

from pathlib import Path

from conftest import run_reader
from textual.binding import Binding
from ui_helpers import main, opened

from tuireader.ui.screens.help import HelpScreen
from tuireader.ui.screens.main import MainScreen


async def test_help_lists_every_key(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = "\n".join(str(s.render()) for s in app.screen.query("#help-body Static"))
            # every binding of every part of the reader is listed with its id
            for _title, bindings in app.help_groups():
                for binding in bindings:
                    if isinstance(binding, Binding) and binding.id:
                        assert binding.id in text, binding.id
            for description in (
                "Full-text search",
                "Bookmark",
                "Mark read",
                "Next article",
                "Previous article",
                "Jump to the teasers",
                "browser",
                "Show all articles",
                "Show unread articles",
                "Show bookmarks",
                "Quit",
                "Read the article",
                "Page down",
                "Cycle list, story, teasers",
                "Open the teaser",
                "Command palette",
            ):
                assert description in text, description
            for key in ("/", "space", "G", "tab", "^p", "esc", "1", "2", "3", "?"):
                assert key in text, key
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)


async def test_footer_shows_only_keys_that_apply(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            await reader.settle()
            screen = main(app)
            assert not screen.check_action("next_article", ())
            assert not screen.check_action("teasers", ())
            await pilot.press("enter")
            await reader.settle()
            assert screen.check_action("next_article", ())
            assert screen.check_action("teasers", ())
            assert screen.check_action("open_url", ())
            active = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
            assert {"teasers", "open_url", "next_article"} <= active


async def test_theme_choice_persists(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, _pilot = reader.app, reader.pilot
            assert app.theme == "nightdesk"
            assert {"newspaper", "nightdesk", "high-contrast"} <= set(app.available_themes)
            app.theme = "newspaper"
            await reader.settle()
    with opened(lib_path) as library:
        assert library.get_setting("theme") == "newspaper"
        async with run_reader(library) as reader:
            app, _pilot = reader.app, reader.pilot
            assert app.theme == "newspaper"
            assert not app.current_theme.dark


async def test_broken_theme_file_gets_a_notification_and_a_fallback(
    lib_path: Path, home: Path, notifications: list[str]
) -> None:
    themes = home / "themes"
    themes.mkdir()
    (themes / "broken.toml").write_text("name = 'broken'\nprimary = [1, 2", encoding="utf-8")
    (themes / "badcolour.toml").write_text("name = 'badcolour'\nprimary = 'not-a-colour'\n", encoding="utf-8")
    (themes / "mine.toml").write_text("name = 'mine'\ndark = true\nprimary = '#ff8800'\n", encoding="utf-8")
    with opened(lib_path) as library:
        library.set_setting("theme", "badcolour")
        async with run_reader(library) as reader:
            app, _pilot = reader.app, reader.pilot
            await reader.settle()
            assert any("broken.toml" in m for m in notifications)
            assert any("badcolour.toml" in m for m in notifications)
            assert app.theme == "nightdesk"
            assert "mine" in app.available_themes


async def test_keys_can_be_remapped_in_the_config_file(lib_path: Path, home: Path) -> None:
    (home / "config.toml").write_text('[keys]\n"article.bookmark" = "x"\n', encoding="utf-8")
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, pilot = reader.app, reader.pilot
            first = library.summaries()[0].id
            await pilot.press("b")
            await reader.settle()
            assert not library.get(first).bookmarked
            await pilot.press("x", "enter")  # bookmarked; enter: no note
            await reader.settle()
            assert library.get(first).bookmarked
            await pilot.press("question_mark")
            cells = [str(s.render()) for s in app.screen.query(".help-keys > Static")]
            rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
            assert ["x", "Bookmark / remove the bookmark", "article.bookmark"] in rows


async def test_broken_config_file_gets_a_notification(lib_path: Path, home: Path, notifications: list[str]) -> None:
    (home / "config.toml").write_text("theme = \n", encoding="utf-8")
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            app, _pilot = reader.app, reader.pilot
            await reader.settle()
            assert any("config.toml" in m for m in notifications)
            assert app.theme == "nightdesk"
