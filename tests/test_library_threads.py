"""One SQLite connection per thread; closing the library never pulls a connection from under another thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tuireader.library import Library, LibraryError


def test_each_thread_has_its_own_connection_and_close_is_safe_while_others_run(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.db")
    main_conn = library.conn
    ready, go, done = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def other() -> None:
        seen["conn"] = library.conn
        seen["count"] = library.count()
        ready.set()
        go.wait(5)
        try:
            library.count()
        except LibraryError as exc:
            seen["after close"] = str(exc)
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    assert ready.wait(5)
    assert seen["conn"] is not main_conn and seen["count"] == 0
    library.close()  # the other thread is alive: its connection is left to it
    go.set()
    assert done.wait(5)
    thread.join()
    assert "closed" in str(seen["after close"])
    with pytest.raises(LibraryError):
        library.count()
