from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS, REPLACED_KEYS, key_to_character
from textual.message import Message
from textual.message_pump import MessagePump
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


def key_event(key: str) -> events.Key:
    """The key event a terminal sends for ``key`` (a key name such as "enter", or one character)."""
    if len(key) == 1 and not key.isalnum():
        try:
            name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            name = key
        return events.Key(KEY_NAME_REPLACEMENTS.get(name, name), key)
    char = key_to_character(key)
    if char is None and "+" not in key:
        with suppress(KeyError):
            char = unicodedata.lookup(REPLACED_KEYS.get(key, key).replace("_", " ").upper())
    return events.Key(key, char)


def _done(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class Messages:
    """Every message the app handles, in order (the run's ``message_hook``), and a way to wait for the next."""

    def __init__(self) -> None:
        self.seen: list[Message] = []
        self.arrived = asyncio.Event()

    def __call__(self, message: Message) -> None:
        if getattr(getattr(message, "callback", None), "func", None) is _done:
            return  # the waits' own markers (a Callback, an InvokeLater)
        self.seen.append(message)
        self.arrived.set()


class QuietPilot(Pilot[None]):
    """A Pilot whose keys and pauses wait until every message they caused has been handled and painted.

    Textual's own Pilot waits for the process's CPU to go idle (at least 20 ms
    twice for every key, longer on a busy machine); this one waits on the
    messages themselves: each node's queue is drained (a ``call_later`` marker
    at its end), animations finish, the screen refreshes, and again until a
    round handles nothing new.
    """

    def __init__(self, app: ReaderApp, messages: Messages) -> None:
        super().__init__(app)
        self.messages = messages

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.app.post_message(key_event(key))
            await self.quiet()

    async def press_busy(self, *keys: str) -> None:
        """Keys pressed while the reader keeps working (a long story rendering in chunks): each waits until
        the key itself has been handled (by the app's bindings or the focused widget) and painted, not for
        the work to end."""
        deadline = time.monotonic() + 30
        for key in keys:
            event = key_event(key)
            start = len(self.messages.seen)
            self.app.post_message(event)
            # The key goes to the focused widget and bubbles up to the app, which runs its binding: a queue
            # at each step. Drained until a round in which no node took the key (it is in no queue any more).
            sightings = 0
            while True:
                await self._drained(deadline)
                now = sum(1 for message in self.messages.seen[start:] if message is event)
                if now == sightings and now:
                    break
                sightings = now
            await self.app.animator.wait_until_complete()  # a scroll lands on the animator's next frame
            await self._refreshed(deadline)

    async def handled(self, rounds: int = 1, timeout: float = 30.0) -> None:
        """What was queued so far has been handled (``rounds`` times over) and painted."""
        deadline = time.monotonic() + timeout
        for _ in range(rounds):
            await self._drained(deadline)
        await self._refreshed(deadline)

    async def pause(self, delay: float | None = None) -> None:
        assert delay is None, "no fixed pauses: wait for a message, a worker or the writer"
        await self.quiet()

    async def quiet(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            before = len(self.messages.seen)
            await self._drained(deadline)
            if len(self.messages.seen) != before:
                continue  # messages still flow: drain again before waiting for a frame
            await self.app.animator.wait_until_complete()
            await self._refreshed(deadline)
            if len(self.messages.seen) == before:
                return

    async def _drained(self, deadline: float) -> None:
        """Every message queued so far in the app and in each screen's widgets has been handled."""
        loop = asyncio.get_running_loop()
        nodes: list[MessagePump] = [self.app]
        for screen in self.app.screen_stack:
            nodes += screen.walk_children(with_self=True)
        waiting: list[tuple[MessagePump, asyncio.Future[None]]] = []
        for node in nodes:
            future: asyncio.Future[None] = loop.create_future()
            if node.call_later(_done, future):
                waiting.append((node, future))
        while waiting:
            await asyncio.wait([f for _, f in waiting], timeout=0.5)
            # A node removed meanwhile (or the whole app, quitting) never runs its marker.
            waiting = [(n, f) for n, f in waiting if not f.done() and self._running and n.is_attached]
            assert time.monotonic() < deadline, "the reader's messages were not handled"

    async def _refreshed(self, deadline: float) -> None:
        """The screen has been laid out and painted since."""
        screen = self.app.screen
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if not screen.call_after_refresh(_done, future):
            return
        while not future.done() and self._running and screen.is_current:
            await asyncio.wait([future], timeout=0.5)
            assert time.monotonic() < deadline, "the reader's screen was not refreshed"

    @property
    def _running(self) -> bool:
        return self.app.is_running and self.app.return_code is None


@dataclass
class Reader:
    """A running reader: the app, its pilot and its library, with waits that need no fixed pauses."""

    app: ReaderApp
    pilot: QuietPilot
    library: Library
    messages: Messages

    @property
    def seen(self) -> list[Message]:
        return self.messages.seen

    @property
    def main(self) -> MainScreen:
        screen = self.app.main_screen
        assert screen is not None
        return screen

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)

    async def settle(self, timeout: float = 30.0) -> None:
        """Until no worker runs, the writer has applied every change, no preview is due and the screen is idle."""
        deadline = time.monotonic() + timeout
        loop = asyncio.get_running_loop()
        while True:
            for worker in list(self.app.workers):
                if worker.state in (WorkerState.PENDING, WorkerState.RUNNING):
                    with suppress(WorkerCancelled, WorkerFailed):
                        await asyncio.wait_for(worker.wait(), max(0.1, deadline - time.monotonic()))
            if not self.app.writer.idle:
                await asyncio.to_thread(self.app.writer.flush, max(0.1, deadline - time.monotonic()))
            await self.pilot.quiet(max(0.1, deadline - time.monotonic()))
            main = self.app.main_screen
            due = main.preview_due if main is not None else None
            if due is not None:  # the cursor rested: its preview starts when the timer fires
                await asyncio.sleep(max(0.0, due - loop.time()))
                continue
            busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in self.app.workers)
            if not busy and self.app.writer.idle:
                return
            assert time.monotonic() < deadline, "the reader did not settle"

    async def until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Until ``condition`` holds, checked each time the reader has handled what came (a timer's work too)."""
        deadline = time.monotonic() + timeout
        while True:
            self.messages.arrived.clear()
            await self.pilot.quiet()
            if condition():
                return
            remaining = deadline - time.monotonic()
            assert remaining > 0, "the reader never got there"
            with suppress(TimeoutError):
                await asyncio.wait_for(self.messages.arrived.wait(), remaining)

    async def wait_for(
        self,
        kind: type[M],
        condition: Callable[[M], bool] = lambda m: True,
        timeout: float = 10.0,
        *,
        busy: bool = False,
    ) -> M:
        """The first message of ``kind`` (seen so far or coming) for which ``condition`` holds, once handled
        and what it caused handled too (``busy``: only the message itself, while other work goes on)."""
        deadline = time.monotonic() + timeout
        checked = 0
        while True:
            self.messages.arrived.clear()
            for message in self.seen[checked:]:
                if isinstance(message, kind) and condition(message):
                    await (self.pilot.handled() if busy else self.pilot.quiet())
                    return message
            checked = len(self.seen)
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {kind.__name__} came"
            with suppress(TimeoutError):
                await asyncio.wait_for(self.messages.arrived.wait(), remaining)


M = TypeVar("M", bound=Message)


@asynccontextmanager
async def run_reader(library: Library, size: tuple[int, int] = UI_SIZE, **kwargs: object) -> AsyncIterator[Reader]:
    """Run a ``ReaderApp`` on ``library``; yields once its list is shown."""
    app = ReaderApp(library, **kwargs)  # type: ignore[arg-type]
    app.animation_level = "none"  # scrolls land at once: the tests check where, not how smoothly
    messages = Messages()
    async with app.run_test(size=size, message_hook=messages):
        reader = Reader(app, QuietPilot(app, messages), library, messages)
        # Only the list: the newest article's preview may go on rendering (a long story takes seconds).
        await reader.wait_for(MainScreen.ListLoaded, busy=True)
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
