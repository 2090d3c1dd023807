"""Faults: foreign, truncated and half-written libraries, a full disk, kill -9 mid-import, unreadable files.

Asserted: a clear one-line error, never a traceback, no hang, and nothing already stored lost.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from hostile.support import ROOT, env, run_on_pty, tally, terminal_text

sys.path.insert(0, str(ROOT / "tests"))
from test_library_support import make_pages

from tuireader.library import Library


def _refused(library: Path, what: str) -> None:
    before = {p.name: p.read_bytes() for p in library.parent.iterdir() if p.is_file()}
    code, out, err = run_on_pty(["list", "--library", str(library)])
    ok = (
        code == 2
        and err.count(b"\n") == 1
        and b"Traceback" not in out + err
        and {p.name: p.read_bytes() for p in library.parent.iterdir() if p.is_file()} == before
    )
    tally(f"refused library: {what}", ok)
    assert ok, (code, terminal_text(out), err)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib" / "library.db"
    with Library(path) as lib:
        lib.import_paths(make_pages(tmp_path / "pages", 40))
    return path


def test_a_foreign_wal_is_refused_and_changes_nothing(library: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.executemany("INSERT INTO t VALUES (randomblob(4000))", [()] * 300)
    conn.commit()
    shutil.copy(tmp_path / "other.db-wal", library.with_name("library.db-wal"))
    conn.close()
    _refused(library, "foreign WAL")


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib" / "library.db"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    _refused(path, "foreign database")


@pytest.mark.parametrize("keep", [0.5, 0.05])
def test_a_truncated_library_is_refused_or_read_without_traceback(library: Path, keep: float) -> None:
    data = library.read_bytes()
    library.write_bytes(data[: int(len(data) * keep)])
    before = library.read_bytes()
    code, out, err = run_on_pty(["list", "--library", str(library)])
    ok = b"Traceback" not in out + err and (code == 0 or err.count(b"\n") == 1)
    if code != 0:
        ok = ok and library.read_bytes() == before
    tally("truncated library", ok)
    assert ok, (code, terminal_text(out)[-500:], err)


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


def test_a_full_disk_gives_clear_errors_and_loses_nothing(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "3m"):
        pytest.skip("a small disk needs root and permission to mount a tmpfs here")
    try:
        library = disk / "library.db"
        first = make_pages(tmp_path / "first", 20)
        code, out, err = run_on_pty(["import", *map(str, first), "--library", str(library)])
        assert code == 0, err
        with Library(library) as lib:
            stored = {lib.require(i).title for i in lib.article_ids()}
        # leave a little room: the library opens, then fills up
        with open(disk / "filler", "wb") as fh, contextlib.suppress(OSError):
            fh.write(b"\0" * max(0, disk_free(disk) - 200_000))
        more = make_pages(tmp_path / "more", 400, start=100)
        code, out, err = run_on_pty(["import", *map(str, more), "--library", str(library)], timeout=90)
        full = b"No space left" in out + err or b"disk is full" in out + err
        ok = b"Traceback" not in out + err and code in (1, 2) and full and err.count(b"\n") <= 1
        (disk / "filler").unlink()
        with Library(library) as lib:
            assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            after = {lib.require(i).title for i in lib.article_ids()}
        code, _, err = run_on_pty(["import", *map(str, more), "--library", str(library)], timeout=90)
        with Library(library) as lib:
            resumed = lib.count()
        ok = ok and stored <= after and code == 0 and resumed == len(first) + len(more)
        tally("full disk", ok)
        assert ok, (code, terminal_text(out)[-800:], err[-800:])
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def disk_free(path: Path) -> int:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


KILL_RUNS = 3


def test_kill_9_during_import_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """A library holding 100 articles imports 1,200 pages and is killed mid-import, three times."""
    pages = make_pages(tmp_path / "pages", 1200)
    template = tmp_path / "template.db"
    with Library(template) as lib:
        lib.import_paths(pages[:100])
        stored = {lib.require(i).title for i in lib.article_ids()}
    library = tmp_path / "library.db"
    rng = random.Random(14)
    for run in range(KILL_RUNS):
        for p in tmp_path.glob("library.db*"):
            p.unlink()
        shutil.copy(template, library)
        proc = subprocess.Popen(
            [sys.executable, "-m", "tuireader", "import", str(tmp_path / "pages"), "--library", str(library), "-q"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env(),
        )
        time.sleep(rng.uniform(0.5, 2.0))  # an import of 1,200 pages takes longer: the kill lands mid-write
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with Library(library) as lib:
            integrity = lib.conn.execute("PRAGMA integrity_check").fetchone()[0]
            titles = [lib.require(i).title for i in lib.article_ids()]
        ok = integrity == "ok" and stored <= set(titles) and len(titles) == len(set(titles))
        tally("kill -9 during import", ok)
        assert ok, (run, integrity, len(titles))
    with Library(library) as lib:
        lib.import_paths([tmp_path / "pages"])
        assert lib.count() == len(pages)


def _as_nobody() -> list[str] | None:
    if os.geteuid() != 0:
        return []  # not root: permissions already apply
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"]


def test_unreadable_files_and_folders_are_reported(tmp_path: Path) -> None:
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("running as root without setpriv: cannot test permissions as another user")
    # pytest's own temporary folders are private to root: another user needs one it can reach
    base = Path(tempfile.mkdtemp(prefix="tuireader-hostile-"))
    base.chmod(0o755)
    folder = base / "pages"
    make_pages(folder, 3)
    make_pages(folder / "locked", 2, start=10)
    (folder / "secret.txt").write_text("x")
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0)
    work = base / "work"
    work.mkdir()
    work.chmod(0o777)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "tuireader", "import", str(folder), "--library", str(work / "lib.db")],
            capture_output=True,
            timeout=60,
            env={**env(), "TUIREADER_HOME": str(work)},
            stdin=subprocess.DEVNULL,
        )
    finally:
        (folder / "locked").chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)
    out = done.stdout.decode()
    ok = (
        done.returncode == 1
        and b"Traceback" not in done.stdout + done.stderr
        and "cannot read directory" in out
        and "secret.txt" in out
        and "imported 3" in out
    )
    tally("unreadable files and folders", ok)
    assert ok, (done.returncode, out, done.stderr.decode()[-800:])
