"""The reader beside a large import in another process: how fast it answers keys, how soon its count catches up.

    python benchmarks/bench_live.py [--files 20000] [--start 10] [--keep DIR]

Generates crawled pages (``crawlgen``), opens the reader (Textual's headless
driver) on a library of ``--start`` articles, runs ``tuireader import`` of the
pages in another process, and meanwhile:

- presses j and k in turn every 50 ms and times each key to the first frame
  written with the cursor on another article (the key's answer on screen);
- watches the library from a thread of its own (``PRAGMA data_version`` polled
  every 5 ms on its own connection) and times each committed batch, from the
  moment it is visible to the moment the reader's list and header count show it.

Prints the key latencies (median, 90th percentile, max) and the catch-up lag
per batch, with the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_ui
import crawlgen

KEY_EVERY = 0.05


def write_pages(directory: Path, count: int) -> None:
    done = directory / ".complete"
    if done.exists():
        return
    for name, text in crawlgen.pages(count, seed=7):
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    done.touch()


def watch_commits(db: Path, stop: threading.Event, seen: list[tuple[float, int]]) -> None:
    """Each committed batch of articles: (when it became visible, the article count then)."""
    conn = sqlite3.connect(str(db))
    last = conn.execute("PRAGMA data_version").fetchone()[0]
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    while not stop.is_set():
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != last:
            last = version
            now = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            if now != count:  # a batch of articles (the reader's own writes change no count)
                count = now
                seen.append((time.perf_counter(), count))
        time.sleep(0.005)
    conn.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(db: Path, pages: Path) -> dict[str, object]:
    from textual import events
    from textual.message import Message

    from tuireader.library import Library
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.screens.main import MainScreen
    from tuireader.ui.widgets.article_list import ArticleList

    library = Library(db)
    shown: list[tuple[float, int]] = []

    def hook(message: Message) -> None:
        if isinstance(message, MainScreen.ListLoaded):
            shown.append((time.perf_counter(), message.count))

    app = ReaderApp(library)
    commits: list[tuple[float, int]] = []
    latencies: list[float] = []
    async with app.run_test(size=(120, 35), message_hook=hook) as pilot:
        await bench_ui.until(lambda: app.query_one(ArticleList).row_count > 0)
        await pilot.pause()
        article_list = app.query_one(ArticleList)
        article_list.focus()
        moved = asyncio.Event()
        expect: list[int | None] = [None]  # the article the cursor leaves (None: no key pending)
        display = app._display

        def recording_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            display(screen, renderable)
            # A frame with the cursor on another article: a refresh alone keeps it on the same one.
            if renderable is not None and expect[0] is not None and article_list.current_id != expect[0]:
                expect[0] = None
                moved.set()

        app._display = recording_display  # type: ignore[method-assign]
        stop = threading.Event()
        watcher = threading.Thread(target=watch_commits, args=(db, stop, commits), daemon=True)
        watcher.start()
        importer = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tuireader",
            "import",
            "--library",
            str(db),
            str(pages),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        key = "j"
        while importer.returncode is None:
            key = "k" if key == "j" and article_list.cursor > 0 else "j"
            expect[0] = article_list.current_id
            moved.clear()
            t = time.perf_counter()
            app.post_message(events.Key(key, key))
            try:
                await asyncio.wait_for(moved.wait(), 5)
                latencies.append((time.perf_counter() - t) * 1000)
            except TimeoutError:
                latencies.append(5000.0)
            await asyncio.sleep(KEY_EVERY)  # returncode is set as soon as the importer ends
        await importer.wait()
        final = await asyncio.to_thread(lambda: Library(db).count())
        await bench_ui.until(lambda: article_list.row_count == final, timeout=10)
        stop.set()
        watcher.join()
    library.close()
    lags: list[float] = []
    for t_commit, count in commits:
        caught = next((t for t, n in shown if t >= t_commit and n >= count), None)
        if caught is not None:
            lags.append((caught - t_commit) * 1000)
    return {"latencies": latencies, "lags": lags, "commits": len(commits), "final": final}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--start", type=int, default=10, help="articles in the library before the import")
    parser.add_argument("--keep", metavar="DIR", help="generate pages and libraries here and reuse them")
    args = parser.parse_args()
    workdir = Path(args.keep) if args.keep else Path(bench_ui.scratch_dir(prefix="tuireader-bench-live-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TUIREADER_HOME", bench_ui.scratch_dir(prefix="tuireader-bench-home-"))
    pages = workdir / f"pages-{args.files}"
    t = time.perf_counter()
    write_pages(pages, args.files)
    print(f"{args.files} pages ready in {time.perf_counter() - t:.1f} s")
    base = workdir / f"bench-{args.start}.db"
    bench_ui.build(base, args.start)
    db = workdir / "live.db"
    db.write_bytes(base.read_bytes())
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    load_before = os.getloadavg()[0]
    t = time.perf_counter()
    r = asyncio.run(measure(db, pages))
    took = time.perf_counter() - t
    latencies: list[float] = r["latencies"]  # type: ignore[assignment]
    lags: list[float] = r["lags"]  # type: ignore[assignment]
    print(
        f"import of {args.files} files beside the reader: {took:.1f} s, {r['commits']} commits seen, "
        f"{r['final']} articles at the end"
    )
    print(
        f"keys answered ({len(latencies)}): median {percentile(latencies, 0.5):.0f} ms, "
        f"90% {percentile(latencies, 0.9):.0f} ms, max {max(latencies):.0f} ms"
    )
    if lags:
        print(
            f"count caught up after each commit ({len(lags)}): median {percentile(lags, 0.5):.0f} ms, "
            f"90% {percentile(lags, 0.9):.0f} ms, max {max(lags):.0f} ms"
        )
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (1 min)")
    db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
