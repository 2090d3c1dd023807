"""Copying the WAL into the database on a thread of its own, during a large import.

A checkpoint copies what the last commits wrote from the WAL into the database
file and waits for the disk twice; done by the importing connection after a
commit (SQLite's autocheckpoint), that stalls the import. Here the importing
connection does not checkpoint: after each commit it asks this thread to, and
goes on with the next batch while the copy runs.

The WAL starts over from its beginning only when a write begins with all of
it copied, so every few batches the importer waits for the running checkpoint
before it begins (``before_write``): that keeps the WAL to a few batches.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

# A write waits for the running checkpoint once in this many batches.
WAIT_EVERY = 4


class BackgroundCheckpoints:
    def __init__(self, path: Path, *, wait_every: int = WAIT_EVERY) -> None:
        self.path = path
        self.wait_every = wait_every
        self._writes = 0
        self._cond = threading.Condition()
        self._wanted = False
        self._busy = False
        self._closing = False
        self._thread: threading.Thread | None = None

    def before_write(self) -> None:
        """Call before a batch's transaction begins."""
        self._writes += 1
        if self._writes % self.wait_every == 0:
            self.wait()

    def after_commit(self) -> None:
        """Call after a batch has committed: ask for its pages to be copied."""
        with self._cond:
            if self._thread is None:
                # Started late on purpose: worker processes are forked before the first commit.
                self._thread = threading.Thread(target=self._run, name="tuireader-checkpoint", daemon=True)
                self._thread.start()
            self._wanted = True
            self._cond.notify_all()

    def wait(self) -> None:
        """Until no checkpoint is asked for or running."""
        with self._cond:
            while (self._wanted or self._busy) and self._thread is not None and self._thread.is_alive():
                self._cond.wait(0.5)

    def close(self) -> None:
        """Let the running checkpoint finish, then stop the thread."""
        with self._cond:
            self._closing = True
            self._wanted = False
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None)
            while True:
                with self._cond:
                    while not self._wanted and not self._closing:
                        self._cond.wait()
                    if self._closing:
                        return
                    self._wanted = False
                    self._busy = True
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    pass  # the import's own checkpoint at its end copies what is left
                finally:
                    with self._cond:
                        self._busy = False
                        self._cond.notify_all()
        except sqlite3.Error:
            return
        finally:
            if conn is not None:
                conn.close()
            with self._cond:
                self._busy = False
                self._cond.notify_all()
