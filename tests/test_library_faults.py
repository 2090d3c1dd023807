"""Many users of one library, killed imports, files that are not ours: real processes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_library_support import make_pages

from tuireader.library import Library
from tuireader.library.store import BULK_MIN_FILES


def tuireader(home: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, TUIREADER_HOME=str(home))
    return subprocess.Popen(
        [sys.executable, "-m", "tuireader", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def titles_are_unique(db: Path) -> tuple[int, int]:
    raw = sqlite3.connect(db)
    try:
        return raw.execute("SELECT count(*), count(DISTINCT title) FROM articles").fetchone()
    finally:
        raw.close()


def test_two_imports_at_once_lose_nothing(home: Path, tmp_path: Path) -> None:
    files = make_pages(tmp_path / "crawl", 600)
    a = tuireader(home, "import", "--json", *map(str, files[:400]))
    b = tuireader(home, "import", "--json", *map(str, files[200:]))
    results = [finish(a), finish(b)]
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    counts = [json.loads(out)["counts"] for _, out, _ in results]
    assert sum(c["imported"] for c in counts) == 600
    assert sum(c["unchanged"] for c in counts) == 200
    assert titles_are_unique(home / "library.db") == (600, 600)


def test_the_reader_keeps_working_while_an_import_runs(home: Path, tmp_path: Path) -> None:
    # A large import: parsed by worker processes, its WAL copied by a thread of its own.
    files = make_pages(tmp_path / "crawl", BULK_MIN_FILES + 100)
    with Library() as reader:
        proc = tuireader(home, "import", str(tmp_path / "crawl"))
        seen = 0
        while proc.poll() is None:
            rows = reader.summaries(limit=20)
            for s in rows[:3]:
                assert reader.get(s.id) is not None
                reader.set_read(s.id, True)  # the reader writes too
                reader.set_position(s.id, 5.0)
            reader.search("Bericht")
            seen = max(seen, reader.count())
            time.sleep(0.02)
        code, out, err = finish(proc)
        assert code == 0, err
        assert out == f"imported {len(files)}, updated 0, unchanged 0, failed 0\n"
        assert reader.count() == len(files) and seen > 0


def test_kill_9_during_an_import_then_a_rerun_finishes_it(home: Path, tmp_path: Path) -> None:
    total = 1500
    make_pages(tmp_path / "crawl", total)
    db = home / "library.db"
    proc = tuireader(home, "import", str(tmp_path / "crawl"))
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = titles_are_unique(db)[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 200:
                break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)  # its parsing workers leave with it, closing the pipes
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"

    with Library() as lib:  # opens (and recovers) the interrupted library
        partial = lib.count()
        assert 0 < partial < total
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    code, out, err = finish(tuireader(home, "import", str(tmp_path / "crawl")))
    assert code == 0, err
    imported = int(out.split()[1].rstrip(","))
    assert imported == total - partial
    assert titles_are_unique(db) == (total, total)


@pytest.mark.parametrize(
    "content",
    [b"just some notes\n", b"SQLite format 3\x00" + b"\x00" * 100 + b"\xff" * 4000],
    ids=["text", "damaged-sqlite"],
)
def test_a_foreign_or_damaged_library_file_is_named_and_kept(home: Path, content: bytes, seed_path: Path) -> None:
    db = home / "library.db"
    db.write_bytes(content)
    for args in (
        ["list"],
        ["import", str(seed_path)],
        ["search", "Putin"],
        ["show", "1"],
        ["export", "-f", "json", str(home / "x.json")],
    ):
        code, out, err = finish(tuireader(home, *args))
        assert code != 0 and out == ""
        assert err.startswith(f"tuireader: {db}: ") and err.count("\n") == 1, err
        assert "Traceback" not in err
    assert db.read_bytes() == content
    assert not (home / "x.json").exists()


def test_another_programs_sqlite_database_is_kept(home: Path) -> None:
    db = home / "library.db"
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    before = db.read_bytes()
    code, _out, err = finish(tuireader(home, "list"))
    assert code == 2 and "another program" in err and str(db) in err
    assert db.read_bytes() == before
