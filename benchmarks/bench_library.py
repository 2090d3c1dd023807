"""Library benchmark: import a generated crawl, then time the reader's queries.

    python benchmarks/bench_library.py                # 100,000 articles
    python benchmarks/bench_library.py --count 5000   # a quick run

Generates (once, then reuses) a crawl of realistic pages in the seed's layout
under benchmarks/.work/, imports it with `tuireader import` in a fresh library
(a real process: its wall time, peak memory), then measures in this process:
the newest page, deep pages, filtered pages, one article, and the median of
50 two-word German searches (after os.sync(), so not while the system is
still writing the import out). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import crawlgen  # noqa: E402

from tuireader.library import Library  # noqa: E402
from tuireader.library.importer import prepare_file  # noqa: E402


def generate(root: Path, count: int) -> float:
    marker = root / ".complete"
    if marker.exists() and marker.read_text() == str(count):
        return 0.0
    shutil.rmtree(root, ignore_errors=True)
    start = time.perf_counter()
    made: set[Path] = set()
    for name, text in crawlgen.pages(count):
        path = root / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8")
    marker.write_text(str(count))
    return time.perf_counter() - start


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``runs`` calls (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--work", type=Path, default=HERE / ".work")
    ap.add_argument("--queries", type=int, default=50)
    args = ap.parse_args()
    n = args.count
    crawl = args.work / f"crawl-{n}"
    home = args.work / f"home-{n}"

    gen_s = generate(crawl, n)
    crawl_mb = sum(p.stat().st_size for p in crawl.rglob("*.txt")) / 1e6
    print(f"crawl: {n} files, {crawl_mb:.0f} MB" + (f" (generated in {gen_s:.0f} s)" if gen_s else " (reused)"))

    sample = sorted(str(p) for p in crawl.rglob("*.txt"))[: min(n, 2000)]
    t, c = time.perf_counter(), time.process_time()
    prepared = [prepare_file(f) for f in sample]
    parse_rate = len(sample) / (time.perf_counter() - t)
    parse_cpu_ms = (time.process_time() - c) * 1000 / len(sample)
    scratch = args.work / "store-only.db"
    for old in args.work.glob("store-only.db*"):
        old.unlink()
    with Library(scratch) as lib:
        t, c = time.perf_counter(), time.process_time()
        lib.import_prepared(prepared)
        store_rate = len(sample) / (time.perf_counter() - t)
        store_cpu_ms = (time.process_time() - c) * 1000 / len(sample)
    for old in args.work.glob("store-only.db*"):
        old.unlink()
    del prepared

    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    env = dict(os.environ, TUIREADER_HOME=str(home))
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "tuireader", "import", "--quiet", str(crawl)],
        env=env,
        capture_output=True,
        text=True,
    )
    import_s = time.perf_counter() - t
    load_after = os.getloadavg()[0]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr)
        return 1
    print("import:", proc.stdout.strip())
    cpu_s = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peak_mb = after.ru_maxrss / 1024

    db = home / "library.db"
    size_mb = sum(p.stat().st_size for p in home.glob("library.db*")) / 1e6
    # The queries are timed on a library at rest, not while the system writes the import's pages out.
    os.sync()

    rng = random.Random(3)
    with Library(db) as lib:
        total = lib.count()
        ids = [s.id for s in lib.summaries(limit=total)]
        some = rng.sample(ids, min(50, len(ids)))
        sections = lib.sections()
        rows: list[tuple[str, str]] = []

        def ms(label: str, fn: Callable[[], object], runs: int = 50) -> None:
            rows.append((label, f"{timed(fn, runs):.2f} ms"))

        ms("count of all articles", lambda: lib.count())
        ms("count of unread articles", lambda: lib.count("unread"))
        ms("sections (distinct, sorted)", lambda: lib.sections())
        ms("newest 100", lambda: lib.summaries(limit=100))
        ms(f"page at offset {total // 2:,}", lambda: lib.summaries(offset=total // 2, limit=100))
        ms(f"last page (offset {max(0, total - 100):,})", lambda: lib.summaries(offset=max(0, total - 100), limit=100))
        ms(
            f"section page at offset {total // 30:,}",
            lambda: lib.summaries("all", sections[0], offset=total // 30, limit=100),
        )
        ms("unread page at offset 5,000", lambda: lib.summaries("unread", offset=min(5000, total // 2), limit=100))
        ms("index_of (an article deep in the list)", lambda: lib.index_of(ids[total * 3 // 4]))
        it = iter(some * 2)
        ms("one article with teasers (get)", lambda: lib.get(next(it)))
        queries = crawlgen.query_words(args.queries)
        times, hits = [], []
        for q in queries:
            lib.search(q)  # warm
            t = time.perf_counter()
            hits.append(len(lib.search(q, limit=50)))
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        rows.append((f"search, median of {len(queries)} two-word queries", f"{statistics.median(times):.2f} ms"))
        rows.append(("search, 90th percentile", f"{times[int(len(times) * 0.9)]:.2f} ms"))
        rows.append(("search, slowest", f"{times[-1]:.2f} ms"))
        one_word = [q.split()[0] for q in queries]
        ms("search, one common word (limit 50)", lambda: lib.search(one_word[0]), runs=10)

    print()
    print(f"| measure ({total:,} articles) | result |")
    print("|---|---|")
    print(
        f"| import (`tuireader import`, parse + store + FTS) | {import_s:.0f} s = **{n / import_s:,.0f} articles/s** (CPU {cpu_s:.0f} s) |"
    )
    print(f"| import CPU time per article (all processes) | {cpu_s * 1000 / n:.2f} ms |")
    print(
        f"| parsing alone (read, decode, parse, hash, compress), one process | {parse_rate:,.0f} files/s ({parse_cpu_ms:.2f} ms CPU a file) |"
    )
    print(
        f"| storing alone (SQL, indexes, FTS; {len(sample):,} parsed files into a new library) | {store_rate:,.0f} articles/s ({store_cpu_ms:.2f} ms CPU an article) |"
    )
    print(f"| peak memory of the import (largest process, ru_maxrss) | {peak_mb:,.0f} MB |")
    print(f"| library size (crawl {crawl_mb:,.0f} MB) | {size_mb:,.0f} MB |")
    for label, value in rows:
        print(f"| {label} | {value} |")
    print(f"\nsearch hits per query (limit 50): median {statistics.median(hits):.0f}, zero hits for {hits.count(0)}")
    print(
        f"load average (1 min) at the import's start and end: {load_before:.1f}, {load_after:.1f} on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
