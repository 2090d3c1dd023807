"""Opening the library database safely, and writing to it under contention.

A file at the library path that is not ours (not SQLite, another program's
SQLite database, or a newer schema) is refused with an error naming it, before
anything is written to it.
"""

from __future__ import annotations

import random
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tuireader.library.errors import LibraryError
from tuireader.library.schema import APPLICATION_ID, SCHEMA_VERSION, migrate
from tuireader.library.walcheck import check_wal

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Beyond the busy timeout: how long a writer keeps retrying a locked database.
RETRY_SECONDS = 60.0

T = TypeVar("T")


def _check_file(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read library: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise LibraryError(f"{path}: is a directory, not a tuireader library")
    if not stat.S_ISREG(mode):
        raise LibraryError(f"{path}: not a regular file (a FIFO, socket or device), not a tuireader library")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read library: {exc.strerror or exc}") from None
    if head and head != SQLITE_HEADER:
        raise LibraryError(f"{path}: not a tuireader library (not an SQLite database); left untouched")


def check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that belongs to someone else or to a newer tuireader."""
    try:
        # One statement, one snapshot: read apart, another process creating the library could
        # commit between the reads (an empty file's id, then its first version: "another program").
        app_id, version, tables = conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id), "
            "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
        ).fetchone()
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


def connect(path: Path, *, migrate_to: int = SCHEMA_VERSION) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library at ``path``."""
    _check_file(path)
    check_wal(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"{path.parent}: cannot create library directory: {exc.strerror or exc}") from None
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise LibraryError(f"{path}: cannot open library: {exc}") from None
    try:
        check_ours(conn, path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -64000")
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
