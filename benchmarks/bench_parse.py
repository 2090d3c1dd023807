"""Parsing throughput for crawler text on one core: articles per second.

    python benchmarks/bench_parse.py [--seconds 3]

Corpus: the bundled samples (the real seed page among them) plus variants
derived from them the way real crawls differ: header lines reordered, lines
dropped, files cut off, teaser heading removed, stories made three times as
long. Measures ``parse_bytes`` (decode + layout rules, what an import does)
and ``textformat.parse`` alone, in this process pinned to one CPU.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tuireader.ingest import (  # noqa: E402 (after the path is set)
    parse_bytes,
    textformat,
)

TARGET = 2000  # articles per second


def variants(text: str, rng: random.Random) -> list[str]:
    lines = text.split("\n")
    out = [text]
    moved = list(lines)
    for _ in range(3):
        i, j = rng.randrange(min(12, len(moved))), rng.randrange(min(12, len(moved)))
        moved.insert(j, moved.pop(i))
    out.append("\n".join(moved))
    dropped = [line for line in lines if rng.random() > 0.1]
    out.append("\n".join(dropped))
    out.append("\n".join(lines[: rng.randrange(len(lines) // 2, len(lines))]))
    out.append("\n".join(line for line in lines if line.strip() not in ("Mehr zum Thema", "Read more", "Related")))
    story = [line for line in lines if len(line) > 200]
    out.append("\n".join(lines[:12] + story * 3 + lines[12:]))
    return out


def corpus() -> list[str]:
    rng = random.Random(2022)
    texts: list[str] = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        texts.extend(variants(path.read_text(encoding="utf-8"), rng))
    return texts


def measure(func: Callable[[object], object], items: list, seconds: float) -> list[float]:
    """Articles per CPU second, in repeated rounds over ``items`` for about ``seconds``.

    CPU time of this process, not wall time: on a shared machine, time spent
    waiting for the core is not parsing time.
    """
    rates: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(rates) < 3:
        start = time.process_time()
        for item in items:
            func(item)
        rates.append(len(items) / max(time.process_time() - start, 1e-9))
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement (default 3)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    texts = corpus()
    blobs = [t.encode("utf-8") for t in texts]
    kib = sum(len(b) for b in blobs) / 1024
    print(
        f"corpus: {len(texts)} articles ({kib:.0f} KiB, {kib / len(texts):.1f} KiB per article), one core, Python {sys.version.split()[0]}"
    )
    if hasattr(os, "getloadavg"):
        print(
            f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (figures drop when other work shares the core)"
        )

    for name, func, items in (
        ("parse_bytes (decode + parse)", lambda b: parse_bytes(b, "bench.txt"), blobs),
        ("textformat.parse (text only)", textformat.parse, texts),
    ):
        func(items[0])  # warm up imports and regex caches
        rates = measure(func, items, args.seconds)
        median, best = statistics.median(rates), max(rates)
        print(
            f"{name:30} best round {best:6.0f} articles/s ({1e6 / best:.0f} µs each), "
            f"median {median:6.0f}/s, slowest {min(rates):6.0f}/s, {best * kib / len(items) / 1024:.1f} MiB/s"
        )
        if func is not textformat.parse:
            verdict = "meets" if best >= TARGET else "MISSES"
            print(f"{'':30} {verdict} the target of {TARGET} articles/s (best round: the cost on an uncontended core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
