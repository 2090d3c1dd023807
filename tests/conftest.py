from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

from tuireader.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from webserver import LocalServer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config directory; the real home is never touched."""
    home = tmp_path / "tuireader-home"
    home.mkdir()
    monkeypatch.setenv("TUIREADER_HOME", str(home))
    return home


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture
def seed_path() -> Path:
    """The real crawled DWN page (a copy ships in samples/ so a clean clone has it)."""
    return SAMPLES / "dwn-2022-01-10-putin-kasachstan.txt"


# -- the reader, driven through Textual's Pilot ---------------------------------

UI_SIZE = (100, 30)


@dataclass
class Reader:
    """A running reader: the app, its pilot and its library, with waits that need no fixed pauses."""

    app: ReaderApp
    pilot: Pilot[None]
    library: Library
    seen: list[Message] = field(default_factory=list)

    @property
    def main(self) -> MainScreen:
        screen = self.app.main_screen
        assert screen is not None
        return screen

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)

    async def settle(self, timeout: float = 30.0) -> None:
        """Until no worker runs, the writer has applied every change and the screen is idle."""
        deadline = time.monotonic() + timeout
        while True:
            for worker in list(self.app.workers):
                if worker.state in (WorkerState.PENDING, WorkerState.RUNNING):
                    with suppress(WorkerCancelled, WorkerFailed):
                        await asyncio.wait_for(worker.wait(), max(0.1, deadline - time.monotonic()))
            if not self.app.writer.idle:
                await asyncio.to_thread(self.app.writer.flush, max(0.1, deadline - time.monotonic()))
            await self.pilot.pause()
            busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in self.app.workers)
            main = self.app.main_screen
            if not busy and self.app.writer.idle and not (main is not None and main.preview_pending):
                return
            assert time.monotonic() < deadline, "the reader did not settle"

    async def wait_for(
        self, kind: type[M], condition: Callable[[M], bool] = lambda m: True, timeout: float = 10.0
    ) -> M:
        """The first message of ``kind`` (seen so far or coming) for which ``condition`` holds, once handled."""
        deadline = time.monotonic() + timeout
        checked = 0
        while True:
            for message in self.seen[checked:]:
                if isinstance(message, kind) and condition(message):
                    await self.pilot.pause()
                    return message
            checked = len(self.seen)
            assert time.monotonic() < deadline, f"no {kind.__name__} came"
            await self.pilot.pause()


M = TypeVar("M", bound=Message)


@asynccontextmanager
async def run_reader(library: Library, size: tuple[int, int] = UI_SIZE, **kwargs: object) -> AsyncIterator[Reader]:
    """Run a ``ReaderApp`` on ``library``; yields once its list is shown."""
    app = ReaderApp(library, **kwargs)  # type: ignore[arg-type]
    seen: list[Message] = []
    async with app.run_test(size=size, message_hook=seen.append) as pilot:
        reader = Reader(app, pilot, library, seen)
        await reader.wait_for(MainScreen.ListLoaded)
        yield reader


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """The fictional library of tests/test_ui_data.py (15 articles)."""
    from test_ui_data import build_library

    library = build_library(tmp_path / "library.db")
    yield library
    library.close()


@pytest.fixture
async def reader(library: Library) -> AsyncIterator[Reader]:
    """The reader on the fictional library, its list shown (app, pilot, library)."""
    async with run_reader(library) as running:
        yield running


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    """The fictional library as a file, closed (for tests that open it, restart the reader, open it again)."""
    from test_ui_data import build_library

    path = tmp_path / "library.db"
    build_library(path).close()
    return path


@pytest.fixture
def notifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every notification the reader shows (the messages, in order), recorded through App.notify."""
    shown: list[str] = []
    notify = ReaderApp.notify

    def recording(self: ReaderApp, message: str, **kwargs: object) -> None:
        shown.append(message)
        notify(self, message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ReaderApp, "notify", recording)
    return shown


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A local HTTP server on 127.0.0.1 (tests/webserver.py): feeds and pages without the network."""
    from webserver import serving

    with serving() as srv:
        yield srv


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    """A library in the test's own directory."""
    with Library(tmp_path / "lib.db") as library:
        yield library
