"""Imports parse in worker processes whatever threads the importing process runs; logs stay the caller's."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tuireader.library import importer
from tuireader.paths import samples_dir


def test_importing_tuireader_leaves_other_libraries_loggers_alone() -> None:
    code = (
        "import logging, tuireader, tuireader.library, tuireader.ingest.htmlformat, tuireader.ui.app, tuireader.cli\n"
        "print(logging.getLogger('trafilatura').level)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"  # NOTSET: as the program left it


def test_a_large_import_uses_workers_even_when_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(str(p) for p in samples_dir().iterdir() if p.is_file())
    serial = [importer.prepare_file(f) for f in files]
    contexts: list[str] = []
    real_pool = importer.ProcessPoolExecutor

    def pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        contexts.append(kwargs["mp_context"].get_start_method())
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(importer, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", len(files))
    monkeypatch.setattr(importer, "_workers", lambda: 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)  # a reader's worker thread, say
    other.start()
    try:
        parsed = list(importer.prepare_many(files))
    finally:
        stop.set()
        other.join()
    assert contexts and contexts[0] != "fork"  # never fork a process that runs other threads
    assert [_titles(r) for r in parsed] == [_titles(r) for r in serial]


def _titles(result: importer.Result) -> list[str] | str:
    if isinstance(result, importer.Failure):
        return result.reason
    return [p.article.title for p in result]


def test_with_one_thread_workers_are_forked(tmp_path: Path) -> None:
    code = "from tuireader.library.importer import worker_context; print(worker_context().get_start_method())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "fork"
