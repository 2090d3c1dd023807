"""o with a terminal browser: the reader steps aside (suspended); a graphical one starts detached."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import run_reader
from ui_helpers import opened

from tuireader.config import Config
from tuireader.ui import browser
from tuireader.ui.app import ReaderApp
from tuireader.ui.browser import browser_command

URL = "https://gazette.example/festival"


def test_the_setting_wins_over_browser_and_names_tell_terminal_from_graphical() -> None:
    env = {"BROWSER": "firefox:w3m"}
    assert browser_command(None, environ={}) is None
    command = browser_command(None, environ=env)
    assert command is not None and command.argv(URL) == ["firefox", URL] and not command.terminal
    command = browser_command("w3m -o confirm_qq=false %u", environ=env)
    assert command is not None and command.terminal
    assert command.argv(URL) == ["w3m", "-o", "confirm_qq=false", URL]
    command = browser_command("/usr/local/bin/mybrowser '%u'", terminal=True, environ=env)
    assert (
        command is not None
        and command.terminal
        and command.argv("https://x.example/a b;rm")
        == [
            "/usr/local/bin/mybrowser",
            "https://x.example/a b;rm",  # one argument, no shell
        ]
    )
    assert browser_command("lynx 'unclosed", environ={}) is None


async def test_a_terminal_browser_runs_with_the_reader_suspended(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[object] = []

    @contextmanager
    def suspend(self: ReaderApp) -> Iterator[None]:
        events.append("suspended")
        yield
        events.append("resumed")

    monkeypatch.setenv("BROWSER", "w3m")
    monkeypatch.setattr(ReaderApp, "suspend", suspend)
    monkeypatch.setattr(browser, "run_in_terminal", lambda argv: events.append(argv) or 0)
    monkeypatch.setattr(browser, "start_detached", lambda argv: events.append(("detached", argv)))
    with opened(lib_path) as library:
        async with run_reader(library) as reader:
            await reader.press("enter")
            await reader.settle()
            await reader.press("o", "y")
            await reader.settle()
    assert events == ["suspended", ["w3m", URL], "resumed"]


async def test_a_graphical_browser_from_the_config_starts_detached(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(browser, "start_detached", started.append)
    monkeypatch.setattr(browser, "run_in_terminal", lambda argv: pytest.fail("not a terminal browser"))
    with opened(lib_path) as library:
        async with run_reader(library, config=Config(browser="firefox --new-tab %u")) as reader:
            await reader.press("enter")
            await reader.settle()
            await reader.press("o", "y")
            await reader.settle()
    assert started == [["firefox", "--new-tab", URL]]


async def test_a_teaser_not_stored_shows_its_address_and_offers_to_open_it(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_ui_data import article
    from textual.widgets import Static

    from tuireader.model import Teaser
    from tuireader.ui.screens.dialogs import ConfirmScreen, TeaserInfoScreen

    opened_urls: list[str] = []
    monkeypatch.setattr(ReaderApp, "open_in_browser", lambda self, url: opened_urls.append(url) or True)
    with opened(lib_path) as library:
        teaser = Teaser(title="Elsewhere only", url="https://other.example/story")
        library.add(article(971, title="Has a teaser", published="2033-01-01T00:00", related=[teaser]), b"t")
        async with run_reader(library) as reader:
            app = reader.app
            await reader.press("enter")
            await reader.settle()
            await reader.press("r", "enter")
            await reader.settle()
            assert isinstance(app.screen, TeaserInfoScreen)
            text = " ".join(str(s.render()) for s in app.screen.query(Static))
            assert "https://other.example/story" in text
            await reader.press("o")
            await reader.settle()
            assert isinstance(app.screen, ConfirmScreen) and opened_urls == []
            await reader.press("y")
            await reader.settle()
            assert opened_urls == ["https://other.example/story"]
