"""Opening the library database safely, and writing to it under contention.

A file at the library path that is not ours (not SQLite, another program's
SQLite database, or a newer schema) is refused with an error naming it, before
anything is written to it.

``PerThread`` gives each thread its own connection (sqlite3 connections belong
to the thread that opened them): a reader's worker threads, its writer thread
and an importer never wait on one shared connection, and SQLite's own locking
(WAL: readers never block the writer) does the rest.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tuireader.library.errors import LibraryError
from tuireader.library.schema import APPLICATION_ID, SCHEMA_VERSION, migrate

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Beyond the busy timeout: how long a writer keeps retrying a locked database.
RETRY_SECONDS = 60.0
# Page cache of the first connection (the importer's, the reader's list), and of each
# further thread's: a reader runs several threads, each with a connection and a cache
# of its own, and the operating system caches the file for all of them.
CACHE_KIB = 64_000
THREAD_CACHE_KIB = 8_000

T = TypeVar("T")


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise LibraryError(f"{path}: is a directory, not a tuireader library")
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read library: {exc.strerror or exc}") from None
    if head and head != SQLITE_HEADER:
        raise LibraryError(f"{path}: not a tuireader library (not an SQLite database); left untouched")


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that belongs to someone else or to a newer tuireader."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: damaged or not a tuireader library ({exc}); left untouched") from None
    if app_id == 0 and version == 0 and tables == 0:
        return  # a new, empty database
    if app_id != APPLICATION_ID:
        raise LibraryError(f"{path}: an SQLite database of another program, not a tuireader library; left untouched")
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{path}: library made by a newer tuireader (schema {version}, this one knows {SCHEMA_VERSION})"
        )


def _open(path: Path) -> sqlite3.Connection:
    # check_same_thread=False only so that ``PerThread.close`` can close the
    # connections of other (finished) threads; each is used by its own thread.
    try:
        return sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise LibraryError(f"{path}: cannot open library: {exc}") from None


def _configure(conn: sqlite3.Connection, cache_kib: int = CACHE_KIB) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{cache_kib}")


def connect(path: Path, *, migrate_to: int = SCHEMA_VERSION) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library at ``path``."""
    _check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"{path.parent}: cannot create library directory: {exc.strerror or exc}") from None
    conn = _open(path)
    try:
        _check_ours(conn, path)
        _configure(conn)
        retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        retry(lambda: migrate(conn, migrate_to))
    except LibraryError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(f"{path}: damaged or not a tuireader library ({exc}); left untouched") from None
    return conn


def is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


def retry(fn: Callable[[], T], *, seconds: float = RETRY_SECONDS) -> T:
    """Run ``fn``, retrying with jittered backoff while the database is busy."""
    deadline = time.monotonic() + seconds
    delay = 0.01
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                if is_busy(exc):
                    raise LibraryError("library is busy (locked by another tuireader); try again") from None
                raise
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, 0.5)


class PerThread:
    """One connection to a library per thread, opened on the thread's first use.

    The first connection (opened by the constructor) checks and migrates the
    file; the others only open it. ``close`` closes every one of them, and a
    new connection closes those of threads that have ended.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._guard = threading.Lock()  # guards only the list of connections
        self._all: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._closed = False
        self._adopt(connect(path))

    def _adopt(self, conn: sqlite3.Connection) -> None:
        thread = threading.current_thread()
        with self._guard:
            ended = [(t, c) for t, c in self._all if not t.is_alive()]
            self._all = [(t, c) for t, c in self._all if t.is_alive()]
            self._all.append((thread, conn))
        for _, old in ended:
            old.close()
        self._local.conn = conn

    def get(self) -> sqlite3.Connection:
        """This thread's connection."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if self._closed:
            if conn is not None:  # left open by ``close`` while this thread was alive: closed here, by its owner
                self._local.conn = None
                conn.close()
            raise LibraryError(f"{self.path}: library is closed")
        if conn is not None:
            return conn
        conn = _open(self.path)
        try:
            _configure(conn, THREAD_CACHE_KIB)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise LibraryError(f"{self.path}: cannot open library: {exc}") from None
        self._adopt(conn)
        return conn

    def current(self) -> sqlite3.Connection | None:
        """This thread's connection if it has one (nothing is opened)."""
        return getattr(self._local, "conn", None)

    def release(self) -> None:
        """Close this thread's connection (a thread that ends closes its own)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            return
        self._local.conn = None
        with self._guard:
            self._all = [(t, c) for t, c in self._all if c is not conn]
        conn.close()

    def close(self) -> None:
        """Close this thread's connection and those of threads that have ended.

        A connection of a thread still running may be in use right now: closing
        it from here could pull it out from under a query. Its thread closes it
        on its next use (or when it ends).
        """
        self._closed = True
        me = threading.current_thread()
        with self._guard:
            mine = [(t, c) for t, c in self._all if t is me or not t.is_alive()]
            self._all = [(t, c) for t, c in self._all if not (t is me or not t.is_alive())]
        self._local.conn = None
        for _, conn in mine:
            conn.close()
