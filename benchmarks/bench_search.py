"""Search timings on an existing library (e.g. the one bench_library.py built).

    python benchmarks/bench_search.py benchmarks/.work/home-100000/library.db

Times, on the library as it is: the 50 two-word German queries of
bench_library.py as generated and written in ASCII (ae/oe/ue, ss), a word in
nearly every article, the total count, and long queries. Run it with another
checkout first on PYTHONPATH to compare two versions on the same file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import crawlgen  # noqa: E402

from tuireader.library import Library  # noqa: E402

_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def times_ms(fn: Callable[[str], object], queries: list[str]) -> list[float]:
    out = []
    for q in queries:
        fn(q)  # warm
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return sorted(out)


def row(label: str, samples: list[float]) -> str:
    if len(samples) == 1:
        return f"| {label} | {samples[0]:,.1f} ms |"
    p90 = samples[int(len(samples) * 0.9)]
    return f"| {label} | median {statistics.median(samples):.2f} ms, 90th {p90:.2f} ms, slowest {samples[-1]:.2f} ms |"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("library", type=Path)
    ap.add_argument("--queries", type=int, default=50)
    args = ap.parse_args()
    queries = crawlgen.query_words(args.queries)
    ascii_queries = [q.translate(_ASCII) for q in queries]
    load = os.getloadavg()[0]

    def safe_search(q: str) -> object:
        try:
            return lib.search(q, limit=50)
        except Exception as exc:  # an older version may raise for a long query
            return exc

    with Library(args.library) as lib:
        total = lib.count()
        hits = [len(lib.search(q, limit=1000)) for q in queries]
        ascii_hits = [len(lib.search(q, limit=1000)) for q in ascii_queries]
        lines = [
            f"| measure ({total:,} articles) | result |",
            "|---|---|",
            row(f"{len(queries)} two-word queries (limit 50)", times_ms(lambda q: lib.search(q, limit=50), queries)),
            row("the same written with ae/oe/ue/ss", times_ms(lambda q: lib.search(q, limit=50), ascii_queries)),
            row('"die" (in nearly every article)', times_ms(lambda q: lib.search(q, limit=50), ["die"] * 5)),
            row("a 32-word query", times_ms(safe_search, [" ".join(queries[:16])])),
            row("a 5,000-word query", times_ms(safe_search, [" ".join(["Energie", "Markt"] * 2500)])),
        ]
        if hasattr(lib, "search_page"):
            lines.append(
                row('"die", page 2 with the total', times_ms(lambda q: lib.search_page(q, 50, 50), ["die"] * 5))
            )
    print("\n".join(lines))
    same = sum(a == b for a, b in zip(hits, ascii_hits, strict=True))
    print(
        f"\nhits (limit 1000): median {statistics.median(hits):.0f} as generated, "
        f"{statistics.median(ascii_hits):.0f} in ASCII; equal counts for {same} of {len(queries)} queries"
    )
    print(f"load average (1 min) at the start and end: {load:.1f}, {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
