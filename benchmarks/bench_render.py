"""How long the reader's event loop is blocked while it shows pathological stories.

    python benchmarks/bench_render.py [--root DIR] [--rounds N]

Stores a few stories built to be costly (huge tables, deep quotes, an unclosed
code fence, a very long story) in a temporary library and opens each in the
reader (headless, Textual's test driver, 120x40), after a short story, then
goes on to a short story again. Measured while each story opens and renders
to its end, and while it is left:

- the longest event-loop block: the longest gap between ticks of a 10 ms
  timer on the loop, beyond the 10 ms (how long a key would wait at most);
- the longest single step of the loop (one callback) in wall time and in CPU
  time of the loop's thread (the CPU figure does not grow when other
  processes take the cores: this machine is shared);
- the longest wait of a key: a ``down`` key is posted every 50 ms while the
  story renders and timed until the story has scrolled;
- until the story is fully shown (the reader idle again).

Target: the longest block <= 100 ms, keys answered within 100 ms.
``--root`` measures another checkout of the project (e.g. an older commit
exported with ``git archive``) with the same probes, for before/after figures
in one run. Prints a table and the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import asyncio.events
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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
        "10,000 list items": "\n".join(f"- item {n}" for n in range(10_000)),
        "10,000 headings": "\n".join(f"# heading {n}" for n in range(10_000)),
    }


@dataclass
class Probe:
    """Loop lag, the longest loop step (wall and CPU of the loop's thread) and key waits."""

    gaps: list[float] = field(default_factory=list)
    step_wall: float = 0.0
    step_cpu: float = 0.0
    keys: list[float] = field(default_factory=list)

    def add_step(self, wall: float, cpu: float) -> None:
        self.step_wall = max(self.step_wall, wall)
        self.step_cpu = max(self.step_cpu, cpu)


_current: list[Probe] = []


@contextmanager
def step_timer() -> Iterator[None]:
    """Time every callback the event loop runs (one step each) into the current probe."""
    original: Callable[[Any], None] = asyncio.events.Handle._run

    def timed(handle: Any) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            original(handle)
        finally:
            if _current:
                _current[-1].add_step(time.perf_counter() - wall, time.thread_time() - cpu)

    asyncio.events.Handle._run = timed  # type: ignore[method-assign]
    try:
        yield
    finally:
        asyncio.events.Handle._run = original  # type: ignore[method-assign]


async def _ticker(probe: Probe, done: asyncio.Event) -> None:
    """Every 10 ms, how much later than asked the event loop came back."""
    last = time.perf_counter()
    while not done.is_set():
        await asyncio.sleep(0.01)
        now = time.perf_counter()
        probe.gaps.append(now - last - 0.01)
        last = now


async def _keys(app: Any, story: Any, probe: Probe, done: asyncio.Event) -> None:
    """Every 50 ms a ``down`` key, timed until the story has handled it."""
    from textual import events

    handled: list[float] = []
    original = story.action_scroll_down

    def scroll_down() -> None:
        handled.append(time.perf_counter())
        original()

    story.action_scroll_down = scroll_down
    try:
        while not done.is_set():
            await asyncio.sleep(0.05)
            if app.focused is not story:
                continue
            sent, before = time.perf_counter(), len(handled)
            app.post_message(events.Key("down", None))
            while len(handled) == before and not done.is_set():
                await asyncio.sleep(0.001)
            if len(handled) > before:
                probe.keys.append(handled[-1] - sent)
    finally:
        story.action_scroll_down = original


async def _phase(reader: Any, article_id: int, with_keys: bool) -> tuple[Probe, float]:
    from tuireader.ui.widgets.story_view import StoryView

    # The test driver's record of every message (kept for waits the benchmark does not use) would
    # hold hundreds of thousands of messages and the widgets they name: a heap the reader does not have.
    reader.seen.clear()
    probe = Probe()
    done = asyncio.Event()
    _current.append(probe)
    tasks = [asyncio.ensure_future(_ticker(probe, done))]
    if with_keys:
        tasks.append(asyncio.ensure_future(_keys(reader.app, reader.app.query_one(StoryView), probe, done)))
    start = time.perf_counter()
    reader.main.go_to_article(article_id)
    await reader.settle(timeout=600)
    shown = time.perf_counter() - start
    done.set()
    await asyncio.gather(*tasks)
    _current.pop()
    return probe, shown


async def measure(
    library: Any, ids: dict[str, int], plain_id: int, rounds: int
) -> list[tuple[str, Probe, float, Probe]]:
    from conftest import run_reader

    results = []
    with step_timer():
        async with run_reader(library, size=(120, 40)) as reader:
            await _phase(reader, plain_id, with_keys=False)
            for _ in range(rounds):
                for name, article_id in ids.items():
                    opening, shown = await _phase(reader, article_id, with_keys=True)
                    leaving, _ = await _phase(reader, plain_id, with_keys=False)
                    results.append((name, opening, shown, leaving))
    return results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", help="stories whose name holds one of these texts (comma-separated)")
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(root / "tests"))
    from tuireader.library import Library
    from tuireader.model import Article

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "library.db")
        ids = {}
        wanted = args.only.split(",") if args.only else [""]
        chosen = {k: v for k, v in stories().items() if any(w in k for w in wanted)}
        for n, (name, body) in enumerate(chosen.items()):
            article = Article(title=f"Pathological {n}: {name}", body=body, published=f"2020-01-{n + 1:02d}T10:00")
            ids[name], _ = library.add(article, body.encode())
        plain = Article(
            title="A short story", body="A short story.\n\nIn two paragraphs.", published="2020-02-01T10:00"
        )
        plain_id, _ = library.add(plain, b"plain")
        results = asyncio.run(measure(library, ids, plain_id, args.rounds))
        library.close()
    after = os.getloadavg()
    print(f"code: {root}")
    print(
        f"load average before {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}"
    )
    print(
        "| story | longest block | longest step (CPU) | longest key wait | fully shown "
        "| leaving it: longest block | longest step (CPU) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, opening, shown, leaving in results:
        keys = ms(max(opening.keys)) + f" ({len(opening.keys)} keys)" if opening.keys else "-"
        print(
            f"| {name} | {ms(max(opening.gaps, default=0))} | {ms(opening.step_wall)} ({ms(opening.step_cpu)}) "
            f"| {keys} | {shown:.2f} s | {ms(max(leaving.gaps, default=0))} "
            f"| {ms(leaving.step_wall)} ({ms(leaving.step_cpu)}) |"
        )


if __name__ == "__main__":
    main()
