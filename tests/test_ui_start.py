"""Starting the reader: first start, paths on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.ui.app import ReaderApp


async def test_first_start_imports_the_samples(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_app on an empty library imports the bundled samples before the app opens."""
    from tuireader.paths import library_file, samples_dir
    from tuireader.ui import app as app_module

    seen: dict[str, object] = {}

    def fake_run(self: ReaderApp) -> None:
        seen["count"] = self.library.count()
        seen["messages"] = list(self.startup_messages)
        seen["welcome"] = self.welcome

    monkeypatch.setattr(app_module.ReaderApp, "run", fake_run)
    assert app_module.run_app() == 0
    samples = [p for p in samples_dir().iterdir() if p.is_file()]
    assert seen["count"] >= 1 and seen["count"] <= len(samples)
    # The welcome is said where the story goes, not in a toast over the story.
    assert not any("sample" in m for m, _ in seen["messages"])  # type: ignore[union-attr]
    assert "sample" in str(seen["welcome"])
    assert library_file().exists()
    # A second start does not import them again.
    assert app_module.run_app() == 0
    assert seen["welcome"] is None


async def test_paths_given_on_the_command_line_are_imported_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuireader.paths import samples_dir
    from tuireader.ui import app as app_module

    seen: dict[str, object] = {}

    def fake_run(self: ReaderApp) -> None:
        seen["titles"] = [s.title for s in self.library.summaries()]
        seen["messages"] = [m for m, _ in self.startup_messages]

    monkeypatch.setattr(app_module.ReaderApp, "run", fake_run)
    sample = sorted(p for p in samples_dir().iterdir() if p.name.startswith("dwn-"))[0]
    assert app_module.run_app(library=tmp_path / "cli.db", paths=[str(sample)]) == 0
    assert len(seen["titles"]) == 1 and "Kasachstan" in seen["titles"][0]  # type: ignore[index]
    assert any(m.startswith("Imported 1 article") for m in seen["messages"])  # type: ignore[union-attr]
    assert not any("sample" in m for m in seen["messages"])  # type: ignore[union-attr]


async def test_the_welcome_shows_where_the_story_goes_and_no_toast_covers_it(
    lib_path: Path, notifications: list[str]
) -> None:
    from textual.widgets import Static
    from ui_helpers import opened

    with opened(lib_path) as library:
        app = ReaderApp(library)
        app.welcome = "Welcome! Sample articles."
        async with app.run_test(size=(120, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            text = str(app.screen.query_one("#story-placeholder", Static).render())
            assert "Welcome! Sample articles." in text
            assert notifications == []
