"""Reader benchmarks: start-up, keypress-to-story, cursor speed and memory.

    python benchmarks/bench_ui.py [--sizes 10,100000] [--keep DIR]

Builds libraries of generated fictional articles in a temporary directory
(``--keep DIR`` keeps and reuses them), then measures each figure in a fresh
process with Textual's headless driver (``App.run_test``), so the numbers are
the app's own work without a real terminal's drawing time:

- start-up: from opening the library to the first screen with the list drawn;
- keypress to rendered story: enter on an article until its header and first
  chunk of story are mounted and painted (a typical ~700-word article, and a
  300 KB one whose rest renders in the background);
- cursor moves per second: ``j`` pressed repeatedly in the list;
- memory: peak resident set size of the process.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECTIONS = ["Politik", "Wirtschaft", "Kultur", "Sport", "Wissen", "Reise"]
WORDS = [
    "the",
    "council",
    "met",
    "on",
    "a",
    "grey",
    "morning",
    "to",
    "discuss",
    "plans",
    "for",
    "the",
    "harbour",
    "market",
    "square",
    "and",
    "old",
    "ferry",
    "pier",
    "which",
    "has",
    "been",
    "closed",
    "since",
    "the",
    "storm",
    "residents",
    "asked",
    "for",
    "more",
    "benches",
    "longer",
    "opening",
    "hours",
]


def scratch_dir(prefix: str) -> str:
    """A temporary folder, removed when the benchmark ends."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def paragraph(seed: int, words: int = 70) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def body(seed: int, paragraphs: int) -> str:
    parts = []
    for n in range(paragraphs):
        if n and n % 5 == 0:
            parts.append(f"## Part {n // 5}")
        parts.append(paragraph(seed + n))
    return "\n\n".join(parts)


def make_article(i: int, paragraphs: int = 10):  # type: ignore[no-untyped-def]
    from tuireader.model import Article, Teaser

    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    year = 2000 + (i // 336) % 26
    return Article(
        title=f"Generated article {i}: {WORDS[i % len(WORDS)]} {WORDS[(i * 5) % len(WORDS)]}",
        body=body(i, paragraphs),
        section=SECTIONS[i % len(SECTIONS)],
        lead=paragraph(i, 25),
        published=f"{year}-{month:02d}-{day:02d}T{i % 24:02d}:{i % 60:02d}",
        reading_minutes=3,
        source="Bench Gazette",
        path=f"/bench/{i}.txt",
        related_label="Related",
        related=[Teaser(title=f"Generated article {i + k}", summary=paragraph(i + k, 15)) for k in (1, 2, 3)],
    )


def build(path: Path, count: int) -> None:
    from tuireader.library import Library

    if path.exists():
        return
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    library = Library(tmp)
    try:
        # The library's bulk path (one transaction per batch) when it has one.
        from tuireader.library.importer import Prepared

        prepare = Prepared.of
        bulk = library.import_prepared
    except (ImportError, AttributeError):
        for i in range(count):
            library.add(make_article(i), f"bench {i}".encode())
    else:
        bulk([prepare(f"/bench/{i}.txt", make_article(i), f"bench {i}".encode())] for i in range(count))
    library.close()
    tmp.rename(path)


async def until(condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.002)


async def settle(app) -> None:  # type: ignore[no-untyped-def]
    """Wait for the app's workers (a worker cancelled by a newer one is fine) and its writer."""
    from textual.worker import WorkerCancelled

    for _ in range(20):
        try:
            await app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            await asyncio.sleep(0.01)
    writer = getattr(app, "writer", None)
    if writer is not None:
        await asyncio.to_thread(writer.flush, 10)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(db: Path, moves: int) -> dict[str, float]:
    """Runs in a fresh process: every figure for one library."""
    from textual import events

    from tuireader.library import Library
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.widgets.article_list import ArticleList
    from tuireader.ui.widgets.story_view import StoryView

    result: dict[str, float] = {}
    rss_before = peak_rss_mib()
    t0 = time.perf_counter()
    library = Library(db)
    app = ReaderApp(library)
    async with app.run_test(size=(120, 35)) as pilot:
        article_list = app.query_one(ArticleList)
        await until(lambda: article_list.row_count > 0)  # the count is read off the event loop
        await pilot.pause()
        result["startup_ms"] = (time.perf_counter() - t0) * 1000
        result["articles"] = article_list.row_count
        await settle(app)
        await pilot.pause()

        # keypress to rendered story (typical article): from the enter key event to the first
        # frame the app writes to the (headless) terminal with the story's header and first
        # chunk in it; the frame is caught as it is written, not by polling.
        timings: list[float] = []
        cpu_timings: list[float] = []
        story = app.query_one(StoryView)
        painted: dict[str, float] = {}
        painted_event = asyncio.Event()
        want: list[int | None] = [None]
        display = app._display

        def recording_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if (
                renderable is not None
                and want[0] is not None
                and story.article is not None
                and story.article.id == want[0]
                and story.chunks_shown >= 1
            ):
                painted["wall"] = time.perf_counter()
                painted["cpu"] = time.process_time()
                want[0] = None
                painted_event.set()

        app._display = recording_display  # type: ignore[method-assign]
        for _ in range(9):
            article_list.focus()
            article_list.action_cursor_down()
            target = article_list.current_id
            await settle(app)
            await pilot.pause()
            # Forget the preview, so that enter loads the article from the library.
            story.article = None
            app.screen.article_id = None  # type: ignore[attr-defined]
            await pilot.pause()
            painted_event.clear()
            want[0] = target
            t = time.perf_counter()
            cpu = time.process_time()
            app.post_message(events.Key("enter", "\r"))
            await asyncio.wait_for(painted_event.wait(), 60)
            timings.append((painted["wall"] - t) * 1000)
            cpu_timings.append((painted["cpu"] - cpu) * 1000)
            await settle(app)
            await pilot.pause()
        timings.sort()
        cpu_timings.sort()
        result["open_story_ms_median"] = timings[len(timings) // 2]
        result["open_story_ms_min"] = timings[0]
        result["open_story_ms_max"] = timings[-1]
        result["open_story_cpu_ms_median"] = cpu_timings[len(cpu_timings) // 2]

        # cursor moves per second in the list: key events as fast as the app takes them
        # (wide layout, so each move also schedules the debounced story preview).
        article_list.focus()
        article_list.action_top()
        await settle(app)
        await pilot.pause()
        span = min(article_list.row_count - 1, 1000)
        keys = (["j"] * span + ["k"] * span) * (moves // (2 * span) + 1)
        keys = keys[:moves]
        counted = [0]
        all_moved = asyncio.Event()
        watch = ArticleList.watch_cursor

        def counting_watch(self, old: int, new: int) -> None:  # type: ignore[no-untyped-def]
            watch(self, old, new)
            counted[0] += 1
            if counted[0] >= len(keys):
                all_moved.set()

        ArticleList.watch_cursor = counting_watch  # type: ignore[method-assign]
        t = time.perf_counter()
        cpu = time.process_time()
        for key in keys:
            app.post_message(events.Key(key, key))
        await asyncio.wait_for(all_moved.wait(), 120)
        result["cursor_moves_per_s"] = moves / (time.perf_counter() - t)
        result["cursor_moves_per_cpu_s"] = moves / (time.process_time() - cpu)
        await pilot.pause()
        # drawing a full screen of list rows from a cold cache (one library fetch) and a warm one
        article_list._pages.clear()
        t = time.perf_counter()
        for y in range(article_list.size.height):
            article_list.render_line(y)
        result["list_paint_cold_ms"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        for y in range(article_list.size.height):
            article_list.render_line(y)
        result["list_paint_warm_ms"] = (time.perf_counter() - t) * 1000
        article_list.action_bottom()
        await settle(app)
        await pilot.pause()
        result["rss_mib"] = peak_rss_mib()
        result["rss_growth_mib"] = peak_rss_mib() - rss_before
    library.close()
    return result


async def measure_long(db: Path) -> dict[str, float]:
    """A 300 KB article: time to the first chunk on screen, and to the whole story."""
    from textual import events

    from tuireader.library import Library
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.widgets.article_list import ArticleList
    from tuireader.ui.widgets.story_view import StoryView

    library = Library(db)
    long_article = make_article(10**7, paragraphs=700)
    long_article.published = "2099-01-01T00:00"
    long_article.title = "A very long generated article"
    long_id, _ = library.add(long_article, b"very long")
    app = ReaderApp(library)
    result: dict[str, float] = {"long_chars": len(long_article.body)}
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: no preview before enter
        await until(lambda: app.query_one(ArticleList).row_count > 0)
        await settle(app)
        await pilot.pause()
        story = app.query_one(StoryView)
        article_list = app.query_one(ArticleList)
        article_list.focus()
        article_list.cursor = library.index_of(long_id) or 0
        await settle(app)
        await pilot.pause()
        painted = asyncio.Event()
        display = app._display

        def recording_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if (
                renderable is not None
                and not painted.is_set()
                and story.article is not None
                and story.article.id == long_id
                and story.chunks_shown >= 1
            ):
                result["long_first_chunk_ms"] = (time.perf_counter() - t) * 1000
                painted.set()

        app._display = recording_display  # type: ignore[method-assign]
        t = time.perf_counter()
        app.post_message(events.Key("enter", "\r"))
        await asyncio.wait_for(painted.wait(), 60)
        # a key while the rest renders: scrolls at once
        t_key = time.perf_counter()
        app.post_message(events.Key("j", "j"))
        await until(lambda: story.scroll_y >= 1)
        result["long_key_during_render_ms"] = (time.perf_counter() - t_key) * 1000
        await until(lambda: story.fully_rendered, timeout=300)
        result["long_all_chunks_ms"] = (time.perf_counter() - t) * 1000
        result["long_chunks"] = story.chunks_total
    library.close()
    return result


def child(args: argparse.Namespace) -> None:
    os.environ.setdefault("TUIREADER_HOME", scratch_dir(prefix="tuireader-bench-home-"))
    if args.long:
        result = asyncio.run(measure_long(Path(args.db)))
    else:
        result = asyncio.run(measure(Path(args.db), args.moves))
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100000")
    parser.add_argument("--keep", metavar="DIR", help="build libraries here and reuse them")
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--long", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    workdir = Path(args.keep) if args.keep else Path(scratch_dir(prefix="tuireader-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'articles':>9} {'build s':>8} {'start-up ms':>12} {'open story ms: median (min-max) CPU':>36} "
        f"{'moves/s (per CPU s)':>20} {'list paint ms':>14} {'peak RSS MiB':>13}"
    )
    for size in sizes:
        db = workdir / f"bench-{size}.db"
        t = time.perf_counter()
        build(db, size)
        built = time.perf_counter() - t
        home = scratch_dir(prefix="tuireader-bench-home-")
        env = {**os.environ, "TUIREADER_HOME": home}
        out = subprocess.run(
            [sys.executable, __file__, "--child", "--db", str(db), "--moves", str(args.moves)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{int(r['articles']):>9} {built:>8.1f} {r['startup_ms']:>12.0f} "
            f"{r['open_story_ms_median']:>15.0f} ({r['open_story_ms_min']:>3.0f}-{r['open_story_ms_max']:<4.0f}) "
            f"{r['open_story_cpu_ms_median']:>6.0f} "
            f"{r['cursor_moves_per_s']:>10.0f} ({r['cursor_moves_per_cpu_s']:>5.0f}) "
            f"{r['list_paint_cold_ms']:>6.1f} / {r['list_paint_warm_ms']:<5.1f} "
            f"{r['rss_mib']:>13.0f}"
        )
    db = workdir / f"bench-{min(sizes)}.db"
    long_db = workdir / "bench-long.db"
    remove_library(long_db)
    # SQLite's backup: the library with what its log holds (a copy of the file alone could miss it).
    with contextlib.closing(sqlite3.connect(db)) as source, contextlib.closing(sqlite3.connect(long_db)) as target:
        source.backup(target)
    env = {**os.environ, "TUIREADER_HOME": scratch_dir(prefix="tuireader-bench-home-")}
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--long", "--db", str(long_db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    r = json.loads(out.strip().splitlines()[-1])
    print(
        f"\nload average {os.getloadavg()[0]:.1f} / {os.getloadavg()[1]:.1f} (1 / 5 min)\n"
        f"very long article ({r['long_chars'] / 1000:.0f} K characters, {int(r['long_chunks'])} chunks): "
        f"first chunk on screen {r['long_first_chunk_ms']:.0f} ms, a key during the rest "
        f"{r['long_key_during_render_ms']:.0f} ms, whole story {r['long_all_chunks_ms']:.0f} ms"
    )
    remove_library(long_db)


def remove_library(db: Path) -> None:
    """The library file and its log files (a log left beside another library is refused as foreign)."""
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
