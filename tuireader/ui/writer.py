"""The one ordered writer: every change the reader makes to the library goes through here.

Changes (read marks, bookmarks, reading positions, settings) are queued and
applied one after another on one thread with its own connection, in the order
they were asked for, so a later key always wins over an earlier one. A change
that fails is reported through ``on_failed`` with what was not saved; nothing
here ever waits on the event loop, so a failing or slow library cannot block
the screen or quitting.

Each change waits ``GRACE_SECONDS`` after its key before it is written (the
screen is painted first); ``flush`` and ``close`` write at once.

Other processes' changes are noticed twice over, since the writer thread can
wait a long time for the write lock while a large import runs:

- the writer thread reads ``PRAGMA data_version`` on its own connection between
  changes and every ``poll`` seconds when idle: on that connection it moves only
  when another connection commits, so the reader's own writes never count;
- a watcher thread polls ``data_version`` on a connection of its own every
  ``poll`` seconds, never waiting for a lock; its value moves with the writer's
  commits too, so it reports a change only when the writer committed nothing
  in between (``LibraryWriter.attempts`` did not move). A read taken while
  the writer was writing (its count moved during the read, or is odd) is not
  compared: it may or may not include the writer's commit.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tuireader.library import LibraryError
from tuireader.ui.protocols import LibraryAPI

# How often the library is checked for other processes' changes (a few microseconds each).
POLL_SECONDS = 0.1
# A change waits this long before it is written, so that writing never competes with
# painting what the key changed on screen (the story it opened); a flush skips the wait.
GRACE_SECONDS = 0.15


@dataclass
class Change:
    """One write: ``what`` names it for the user ("the read mark of …")."""

    what: str
    apply: Callable[[LibraryAPI], object]
    done: threading.Event = field(default_factory=threading.Event)
    asked: float = field(default_factory=time.monotonic)


_STOP = Change("stop", lambda library: None)


class LibraryWriter:
    def __init__(
        self,
        library: LibraryAPI,
        on_failed: Callable[[str, Exception], None],
        on_changed: Callable[[], None],
        poll: float = POLL_SECONDS,
        grace: float = GRACE_SECONDS,
    ) -> None:
        self.library = library
        self._on_failed = on_failed
        self._on_changed = on_changed
        self._poll = poll
        self._grace = grace
        self._hurry = threading.Event()  # a flush is waiting: no grace
        self._queue: queue.Queue[Change] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="tuireader-writer", daemon=True)
        self._current: Change | None = None
        self._pending = 0  # changes submitted and not yet done
        self._count_lock = threading.Lock()
        self._stopping = False
        self.failed: list[str] = []  # what could not be saved, in order
        self.attempts = 0  # +1 as a change starts, +1 as it ends: odd while one is being written
        self._watcher = threading.Thread(target=self._watch, name="tuireader-watcher", daemon=True)
        self._watching = threading.Event()
        self._wake = threading.Event()  # ends the watcher's wait at once on close

    def start(self) -> None:
        self._thread.start()
        self._watching.set()
        self._watcher.start()

    def submit(self, what: str, apply: Callable[[LibraryAPI], object]) -> Change:
        """Queue a change; it is applied after every change queued before it."""
        change = Change(what, apply)
        if self._stopping:
            self.failed.append(what)
            self._on_failed(what, LibraryError("the reader is closing"))
            change.done.set()
        else:
            with self._count_lock:
                self._pending += 1
            self._queue.put(change)
        return change

    def flush(self, timeout: float) -> list[str]:
        """Wait (at most ``timeout`` seconds) for the queued changes; what is still not saved."""
        with self._count_lock:
            self._hurry.set()
            marker = Change("flush", lambda library: None)
            self._pending += 1
            self._queue.put(marker)
        marker.done.wait(timeout)
        return self.unsaved()

    def unsaved(self) -> list[str]:
        """Changes that failed, are being written, or still wait in the queue."""
        pending = [c.what for c in list(self._queue.queue) if c is not _STOP and c.what != "flush"]
        current = self._current
        if current is not None and current.what != "flush" and not current.done.is_set():
            pending.insert(0, current.what)
        return [*self.failed, *pending]

    def close(self, timeout: float) -> list[str]:
        """Apply what is queued (waiting at most ``timeout`` seconds), then stop; what was not saved."""
        unsaved = self.flush(timeout) if self._thread.is_alive() else self.unsaved()
        self._stopping = True
        self._watching.clear()
        self._wake.set()
        self._queue.put(_STOP)
        if self._watcher.is_alive():
            self._watcher.join(timeout)  # it closes its own connection as it ends
        if not unsaved:
            self._thread.join(timeout)
        return unsaved

    @property
    def idle(self) -> bool:
        """Every change submitted so far is done (written or failed)."""
        return self._pending == 0

    def _run(self) -> None:
        library = self.library
        try:
            seen = library.data_version()
        except LibraryError:
            seen = None
        try:
            while True:
                try:
                    change = self._queue.get(timeout=self._poll)
                except queue.Empty:
                    change = None
                if change is _STOP:
                    return
                if change is not None:
                    if not self._hurry.is_set():
                        self._hurry.wait(change.asked + self._grace - time.monotonic())
                    self._apply(change)
                seen = self._check(seen)
                if change is not None:
                    with self._count_lock:
                        self._pending -= 1
                        if self._pending == 0:
                            self._hurry.clear()
                    change.done.set()  # after the check: a flush also reports others' changes before it
        finally:
            library.release_thread()

    def _apply(self, change: Change) -> None:
        self._current = change
        self.attempts += 1
        try:
            change.apply(self.library)
        except Exception as exc:  # any failure is reported, never raised into the void
            self.failed.append(change.what)
            self._on_failed(change.what, exc)
        finally:
            self.attempts += 1
            self._current = None

    def _check(self, seen: int | None) -> int | None:
        try:
            version = self.library.data_version()
        except LibraryError:
            return seen
        if seen is not None and version != seen:
            self._on_changed()
        return version

    def _watch(self) -> None:
        library = self.library
        try:
            seen, attempts = library.data_version(), self.attempts
        except LibraryError:
            return
        try:
            while self._watching.is_set():
                self._wake.wait(self._poll)
                if not self._watching.is_set():
                    return
                before = self.attempts
                try:
                    version = library.data_version()
                except LibraryError:
                    return
                after = self.attempts
                if before != after or after % 2:
                    # The writer was writing while the version was read: it may or may not hold its
                    # commit, so it is no baseline. The next quiet read is.
                    attempts = -1
                    continue
                if version != seen and after == attempts:
                    self._on_changed()  # nobody here wrote since the last quiet read: another process did
                seen, attempts = version, after
        finally:
            library.release_thread()
