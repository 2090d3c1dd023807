"""A write-ahead log left next to the library is checked before SQLite may replay it.

SQLite replays any ``-wal`` file next to a database when it opens it, and
checkpoints it into the database on close, without asking whose log it is:
another database's log, or an old one next to a restored backup, would be
written into the library. So, before the library is opened for writing, a
log that no running program holds open is read and checked:

- its header is a WAL header with the database's page size;
- every copy of page 1 it holds is a tuireader library's (application id);
- the database it describes is not smaller than the file it would be written into;
- read-only, with the log, the library is still ours (application id, schema)
  and passes SQLite's ``quick_check``.

A log that fails is refused with an error naming it; nothing is written.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from tuireader.library.errors import LibraryError
from tuireader.library.schema import APPLICATION_ID

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _in_use(*paths: Path) -> bool:
    """Whether a process holds a lock on any of ``paths`` (a running SQLite connection does).

    Read from /proc/locks, so this process's own locks are never touched (closing a
    file it has open would drop SQLite's locks). Where that is not available, False.
    """
    inodes = set()
    for p in paths:
        try:
            inodes.add(str(p.stat().st_ino))
        except OSError:
            continue
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            for line in fh:
                fields = line.split()
                for f in fields:
                    if f.count(":") == 2 and f.rsplit(":", 1)[1] in inodes:
                        return True
    except OSError:
        return False
    return False


def _refuse(path: Path, wal: Path, why: str) -> LibraryError:
    return LibraryError(
        f"{path}: the write-ahead log {wal.name} next to it does not belong to this library ({why}); "
        f"library left untouched: move {wal.name} away to open it"
    )


def check_wal(path: Path) -> None:
    """Raise LibraryError if a ``-wal`` next to ``path`` must not be replayed into it."""
    wal = wal_path(path)
    try:
        size = wal.stat().st_size
    except OSError:
        return
    if size <= _WAL_HEADER:
        return  # empty: nothing to replay
    if _in_use(path, path.with_name(path.name + "-shm"), wal):
        return  # a running tuireader's log
    try:
        db_size = path.stat().st_size if path.exists() else 0
        db_head = b""
        if db_size:
            with path.open("rb") as fh:
                db_head = fh.read(100)
        with wal.open("rb") as fh:
            _check_frames(path, wal, fh, size, db_size, db_head)
    except FileNotFoundError:
        return  # its last user closed it meanwhile (another import): checkpointed and removed, nothing to replay
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read library: {exc.strerror or exc}") from None
    _check_read_only(path, wal)


def _check_frames(path: Path, wal: Path, fh: BinaryIO, size: int, db_size: int, db_head: bytes) -> None:
    """The log's header and frame headers (read one by one: a log may be large) against the database."""
    magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">IIIIII", fh.read(24))
    if magic not in _WAL_MAGIC:
        return  # not a log: SQLite ignores it
    if db_size == 0:
        raise _refuse(path, wal, "a log without its database")
    db_page = struct.unpack(">H", db_head[16:18])[0] if len(db_head) >= 18 else 0
    db_page = 65536 if db_page == 1 else db_page
    if page_size != db_page:
        raise _refuse(path, wal, f"its pages are {page_size} bytes, the library's {db_page}")
    db_app_id = struct.unpack(">I", db_head[68:72])[0] if len(db_head) >= 72 else 0
    last_commit = 0
    frame = _FRAME_HEADER + page_size
    for offset in range(_WAL_HEADER, size - frame + 1, frame):
        fh.seek(offset)
        head = fh.read(_FRAME_HEADER + 100)
        page, commit, s1, s2 = struct.unpack(">IIII", head[:16])
        if (s1, s2) != (salt1, salt2):
            break  # the end of the valid frames
        if commit:
            last_commit = commit
        if page == 1:
            data = head[_FRAME_HEADER:]
            app_id = struct.unpack(">I", data[68:72])[0]
            if not data.startswith(b"SQLite format 3\x00") or app_id not in (APPLICATION_ID, db_app_id):
                raise _refuse(path, wal, "it holds another database's first page")
    if last_commit and last_commit * page_size < db_size:
        raise _refuse(path, wal, "it describes a smaller database")


def _check_read_only(path: Path, wal: Path) -> None:
    from tuireader.library.connection import check_ours

    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise _refuse(path, wal, str(exc)) from None
    try:
        check_ours(conn, path)
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except LibraryError as exc:
        raise _refuse(path, wal, str(exc).split(": ", 1)[-1]) from None
    except sqlite3.Error as exc:
        raise _refuse(path, wal, str(exc)) from None
    finally:
        conn.close()
    if result != "ok":
        raise _refuse(path, wal, f"with it the library fails SQLite's check: {result}")
