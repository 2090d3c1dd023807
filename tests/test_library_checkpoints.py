"""Large imports copy the WAL into the database on a thread of their own."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from test_library_support import make_pages

from tuireader.library import Library, store
from tuireader.library.checkpoints import BackgroundCheckpoints


def _checkpoint_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "tuireader-checkpoint"]


def test_a_large_import_keeps_the_wal_small_and_leaves_it_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "BATCH_SIZE", 60)
    monkeypatch.setattr(store, "FIRST_BATCH_SIZE", 60)
    total = store.BULK_MIN_FILES + 200
    make_pages(tmp_path / "crawl", total)
    db = tmp_path / "library.db"
    wal = Path(f"{db}-wal")
    wal_sizes: list[int] = []

    def progress(done: int, total: int) -> None:  # called after each batch
        wal_sizes.append(wal.stat().st_size if wal.exists() else 0)

    with Library(db) as lib:
        report = lib.import_paths([tmp_path / "crawl"], progress)
        assert len(report.imported) == total and report.ok
        assert lib.count() == total
        # The importing connection checkpoints by itself again.
        assert lib.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [h.title for h in lib.search('"Bericht 1107"')] == ["Meldung 1107: Neues aus der Region"]
    assert _checkpoint_threads() == []
    # The WAL started over while the import ran: it never held everything written
    # (the import is 20 batches; without restarts the WAL would outgrow the library).
    assert len(wal_sizes) > 10 and max(wal_sizes) < db.stat().st_size


def test_a_checkpoint_thread_that_cannot_open_the_library_never_blocks_the_import(tmp_path: Path) -> None:
    checkpoints = BackgroundCheckpoints(tmp_path / "no such folder" / "library.db", wait_every=1)
    start = time.monotonic()
    checkpoints.after_commit()
    checkpoints.before_write()  # waits for a checkpoint that cannot run
    checkpoints.after_commit()
    checkpoints.close()
    assert time.monotonic() - start < 5
    assert _checkpoint_threads() == []


def test_checkpoints_copy_what_other_connections_committed(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with Library(db) as lib:
        lib.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for n in range(20):
            lib.set_setting(f"key{n}", "x" * 2000)
        before = db.stat().st_size  # the settings are in the WAL only
        checkpoints = BackgroundCheckpoints(db)
        checkpoints.after_commit()
        checkpoints.wait()
        checkpoints.close()
        assert db.stat().st_size >= before + 20 * 2000
        assert all(lib.get_setting(f"key{n}") == "x" * 2000 for n in range(20))
