"""How long the reader's event loop is blocked while it shows pathological stories.

Stores a few stories built to be costly (huge tables, deep quotes, an unclosed
code fence, a very long story) in a temporary library, opens each in the
reader (headless, Textual's test driver) and measures, while the story
renders: the longest gap between ticks of a 10 ms timer on the event loop
(how long a key would wait at most), and the time until the story is fully
shown. Target: the longest block <= 100 ms. Prints a table and the load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import run_reader  # noqa: E402 (after the path is set)

from tuireader.library import Library  # noqa: E402
from tuireader.model import Article  # noqa: E402


def table(rows: int, cols: int) -> str:
    head = "| " + " | ".join(f"c{c}" for c in range(cols)) + " |"
    rule = "|" + "---|" * cols
    body = "\n".join("| " + " | ".join(f"r{r}c{c}" for c in range(cols)) + " |" for r in range(rows))
    return f"{head}\n{rule}\n{body}"


def stories() -> dict[str, str]:
    paragraph = "The council met on a grey morning to discuss the plans for the harbour and the pier. " * 4
    return {
        "table 300x8": table(300, 8),
        "table 1000x10": table(1000, 10),
        "table 1000x50": table(1000, 50),
        "10,000 nested >": "> " * 10_000 + "deep",
        "unclosed fence 250 KB": "```\n" + ("code line\n" * 25_000),
        "story 265,000 characters": "\n\n".join([paragraph] * 780),
    }


async def _ticker(gaps: list[float], done: asyncio.Event) -> None:
    """Every 10 ms, how much later than asked the event loop came back."""
    last = time.perf_counter()
    while not done.is_set():
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        gaps.append(now - last - 0.01)
        last = now


async def measure(library: Library, ids: dict[str, int]) -> list[tuple[str, float, float]]:
    results = []
    async with run_reader(library, size=(120, 40)) as reader:
        for name, article_id in ids.items():
            gaps: list[float] = []
            done = asyncio.Event()
            task = asyncio.ensure_future(_ticker(gaps, done))
            start = time.perf_counter()
            reader.main.go_to_article(article_id)
            await reader.settle(timeout=300)
            shown = time.perf_counter() - start
            done.set()
            await task
            results.append((name, max(gaps, default=0.0) * 1000, shown))
            await reader.press("escape")
            await reader.settle()
    return results


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "library.db")
        ids = {}
        for n, (name, body) in enumerate(stories().items()):
            article = Article(title=f"Pathological {n}: {name}", body=body, published=f"2020-01-{n + 1:02d}T10:00")
            ids[name], _ = library.add(article, body.encode())
        results = asyncio.run(measure(library, ids))
        library.close()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("| story | longest event-loop block | fully shown |")
    print("|---|---:|---:|")
    for name, block_ms, shown in results:
        print(f"| {name} | {block_ms:.0f} ms | {shown:.2f} s |")


if __name__ == "__main__":
    main()
