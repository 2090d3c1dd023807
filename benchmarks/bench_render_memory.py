"""Memory of the reader over many pathological stories opened and left.

    python benchmarks/bench_render_memory.py [--root DIR] [--stories N]

Opens ``N`` stories (bench_render's eight pathological stories in turn), each
after a short story and followed by it, in the reader (headless, 120x40), and
prints the process's resident memory (RSS) and the objects alive that the
garbage collector tracks (after a full collection) after every round of
eight: memory that keeps growing round after round is a leak. ``--root`` measures another checkout.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def cycle(library: Any, ids: list[int], plain_id: int, count: int) -> list[tuple[int, float, int]]:
    from bench_render import _phase
    from conftest import run_reader

    figures = []
    async with run_reader(library, size=(120, 40)) as reader:
        await _phase(reader, plain_id, with_keys=False)
        gc.collect()
        figures.append((0, rss_mb(), len(gc.get_objects())))
        for n in range(1, count + 1):
            await _phase(reader, ids[(n - 1) % len(ids)], with_keys=False)
            await _phase(reader, plain_id, with_keys=False)
            reader.seen.clear()  # the test driver's record of messages (the reader keeps none)
            if n % len(ids) == 0 or n == count:
                gc.collect()  # what is alive, not what awaits the next pass
                figures.append((n, rss_mb(), len(gc.get_objects())))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--stories", type=int, default=48)
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(root / "tests"))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_render import stories

    from tuireader.library import Library
    from tuireader.model import Article

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "library.db")
        ids = []
        for n, (name, body) in enumerate(stories().items()):
            article = Article(title=f"Pathological {n}: {name}", body=body, published=f"2020-01-{n + 1:02d}T10:00")
            ids.append(library.add(article, body.encode())[0])
        plain = Article(title="A short story", body="A short story.", published="2020-02-01T10:00")
        plain_id, _ = library.add(plain, b"plain")
        figures = asyncio.run(cycle(library, ids, plain_id, args.stories))
        library.close()
    print(f"code: {root}")
    print(
        f"load average before {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, after {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print("| stories opened and left | RSS | objects the collector tracks (not frozen) |")
    print("|---:|---:|---:|")
    for n, rss, objects in figures:
        print(f"| {n} | {rss:,.0f} MB | {objects:,} |")


if __name__ == "__main__":
    main()
