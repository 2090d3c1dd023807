"""Browsing benchmark: list queries at 100,000 articles, the way the reader pages its list.

    python benchmarks/bench_browse.py [--db PATH] [--count 100000]

Builds (once; ``--db`` keeps it) a library of generated articles with bench_ui's
generator, spreads them over 40 sources, then times in this process, beside
each other in one run:

- the list as the reader read it before (``Library.count``/``summaries``/``index_of``)
  and as it reads it now (``Library.listing_*`` with a ``Listing``): count, first
  page, a deep page, where an article sits;
- the new views: one source, read hidden, sorted by source, the section and
  source pickers' counts, the next unread article;
- sorted by source with and without the v5 source index (dropped on a copy);
- in the reader (headless ``App.run_test``): keypress to list shown for
  h (hide read), S (sort), 2 (unread), 1 (all).

Prints a markdown table with the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import bench_ui  # noqa: E402

from tuireader.library import Library  # noqa: E402
from tuireader.library.listing import Listing  # noqa: E402

SOURCES = 40


def prepare(db: Path, count: int) -> None:
    if db.exists():
        return
    raw = db.with_suffix(".raw")
    bench_ui.build(raw, count)
    conn = sqlite3.connect(raw)
    conn.execute(f"UPDATE articles SET source = 'Source ' || (id % {SOURCES}), read = (id % 3 = 0)")
    conn.commit()
    conn.close()
    raw.rename(db)


def timed(fn: Callable[[], object], runs: int = 20) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def key_to_list(db: Path) -> list[tuple[str, float]]:
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.screens.main import MainScreen

    library = Library(db)
    seen: list[object] = []
    app = ReaderApp(library)
    out = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:

        async def loaded() -> None:
            while not any(isinstance(m, MainScreen.ListLoaded) for m in seen):
                await pilot.pause()

        await loaded()
        await pilot.press("escape")
        for label, key in (("h hide read", "h"), ("h show read", "h"), ("S by source", "S"), ("S by date", "S")):
            times = []
            for _ in range(5 if key else 1):
                seen.clear()
                start = time.perf_counter()
                await pilot.press(key)
                await loaded()
                times.append((time.perf_counter() - start) * 1000)
                seen.clear()
                await pilot.press(key)
                await loaded()
            out.append((f"key → list shown: {label}", statistics.median(times)))
        for label, key in (("2 unread", "2"), ("1 all", "1")):
            seen.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await loaded()
            out.append((f"key → list shown: {label}", (time.perf_counter() - start) * 1000))
    library.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(HERE / ".work" / "browse-100000.db"))
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    prepare(db, args.count)
    rows: list[tuple[str, float]] = []
    with Library(db) as lib:
        total = lib.count()
        middle = lib.summaries(offset=total // 2, limit=1)[0].id
        deep = total // 2
        plain = Listing()
        rows += [
            ("before: count, all", timed(lambda: lib.count())),
            ("after:  count, all", timed(lambda: lib.listing_count(plain))),
            ("before: first page", timed(lambda: lib.summaries(limit=100))),
            ("after:  first page", timed(lambda: lib.listing_rows(plain, 0, 100))),
            (f"before: page at {deep:,}", timed(lambda: lib.summaries(offset=deep, limit=100))),
            (f"after:  page at {deep:,}", timed(lambda: lib.listing_rows(plain, deep, 100))),
            ("before: where an article sits (middle)", timed(lambda: lib.index_of(middle))),
            ("after:  where an article sits (middle)", timed(lambda: lib.listing_index(plain, middle))),
        ]
        for label, listing in (
            ("one source", Listing(source="Source 7")),
            ("read hidden", Listing(hide_read=True)),
            ("by source", Listing(sort="source")),
            ("by source, read hidden", Listing(sort="source", hide_read=True)),
        ):
            rows += [
                (f"{label}: count", timed(lambda listing=listing: lib.listing_count(listing))),
                (f"{label}: first page", timed(lambda listing=listing: lib.listing_rows(listing, 0, 100))),
                (
                    f"{label}: page at 20,000",
                    timed(lambda listing=listing: lib.listing_rows(listing, 20_000, 100)),
                ),
                (
                    f"{label}: where an article sits",
                    timed(lambda listing=listing: lib.listing_index(listing, middle, or_next=True)),
                ),
            ]
        rows += [
            ("section picker counts", timed(lambda: lib.listing_facets("section", plain), 5)),
            ("source picker counts", timed(lambda: lib.listing_facets("source", plain), 5)),
            ("next unread (by source)", timed(lambda: lib.listing_next_unread(Listing(sort="source"), middle))),
        ]
    copy = db.with_name("no-source-index.db")
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("DROP INDEX articles_source")
    conn.commit()
    conn.close()
    with Library(copy) as lib:
        by_source = Listing(sort="source")
        rows += [
            ("without the v5 index: by source, first page", timed(lambda: lib.listing_rows(by_source, 0, 100), 5)),
            (
                "without the v5 index: one source, count",
                timed(lambda: lib.listing_count(Listing(source="Source 7")), 5),
            ),
            ("without the v5 index: by source, where", timed(lambda: lib.listing_index(by_source, middle), 5)),
        ]
    copy.unlink()
    rows += asyncio.run(key_to_list(db))
    print(f"| {total:,} articles, {SOURCES} sources | median ms |\n|---|---:|")
    for label, value in rows:
        print(f"| {label} | {value:.2f} |")
    print(f"\nload average (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
