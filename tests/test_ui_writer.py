"""The reader's one writer: order, failures, bounded flushes, and noticing other processes' changes."""

from __future__ import annotations

import threading
from pathlib import Path

from test_ui_data import build_library

from tuireader.library import Library, LibraryError
from tuireader.ui.writer import LibraryWriter


def writer_for(library: Library) -> tuple[LibraryWriter, list[tuple[str, Exception]], threading.Event]:
    failures: list[tuple[str, Exception]] = []
    changed = threading.Event()
    writer = LibraryWriter(library, lambda what, error: failures.append((what, error)), changed.set, poll=0.02)
    writer.start()
    return writer, failures, changed


def test_changes_are_applied_in_order_and_failures_named(tmp_path: Path) -> None:
    library = build_library(tmp_path / "library.db")
    first = library.summaries()[0].id
    writer, failures, _ = writer_for(library)

    def fail(lib: Library) -> None:
        raise LibraryError("library is busy")

    for on in (True, False, True, False):
        writer.submit(f"read {on}", lambda lib, on=on: lib.set_read(first, on))
    writer.submit("the bookmark of “X”", fail)
    writer.submit("bookmark", lambda lib: lib.set_bookmark(first, True))
    assert writer.close(5) == ["the bookmark of “X”"]
    assert [what for what, _ in failures] == ["the bookmark of “X”"]
    assert not library.get(first).read and library.get(first).bookmarked
    library.close()


def test_a_stuck_write_does_not_hold_a_flush_beyond_its_time(tmp_path: Path) -> None:
    library = build_library(tmp_path / "library.db")
    writer, _, _ = writer_for(library)
    release = threading.Event()
    writer.submit("the stuck one", lambda lib: release.wait(10))
    writer.submit("the one after", lambda lib: None)
    assert writer.flush(0.3) == ["the stuck one", "the one after"]
    release.set()
    assert writer.close(5) == []
    library.close()


def test_other_connections_changes_are_noticed_and_its_own_are_not(tmp_path: Path) -> None:
    library = build_library(tmp_path / "library.db")
    first = library.summaries()[0].id
    writer, _, changed = writer_for(library)
    writer.submit("own", lambda lib: lib.set_read(first, True))
    writer.flush(5)
    assert not changed.is_set()  # its own commit: nothing to re-read
    with Library(library.path) as other:
        other.set_bookmark(first, True)
    assert changed.wait(5)
    writer.close(5)
    library.close()


class _CommitsWhileWatched:
    """A library whose watcher read of ``data_version`` races the writer's own commit.

    On the watcher's first read after start, the writer commits right after the
    version was read and before the watcher looks at the writer's count again;
    nobody else ever writes.
    """

    def __init__(self) -> None:
        self.version = 1
        self.writer: LibraryWriter | None = None
        self.watched = 0
        self.seen_twice = threading.Event()

    def data_version(self) -> int:
        if threading.current_thread().name == "tuireader-writer":
            return 1  # on the writer's own connection, its own commits do not count
        version = self.version
        if threading.current_thread().name == "tuireader-watcher":
            self.watched += 1
            if self.watched == 2 and self.writer is not None:  # the first read after the watcher's baseline
                self.writer.attempts += 1  # a change starts, commits, ends
                self.version += 1
                self.writer.attempts += 1
            if self.watched >= 6:
                self.seen_twice.set()
        return version

    def release_thread(self) -> None:
        pass


def test_the_writers_own_commit_during_a_watch_is_not_taken_for_another_process() -> None:
    library = _CommitsWhileWatched()
    changed = threading.Event()
    writer = LibraryWriter(library, lambda what, error: None, changed.set, poll=0.01)  # type: ignore[arg-type]
    library.writer = writer
    writer.start()
    assert library.seen_twice.wait(5)
    writer.close(1)
    assert not changed.is_set()
