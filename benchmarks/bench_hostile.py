"""Hostile input: the longest parse of a page up to 10 MB (and trafilatura alone on the same HTML
pages, the anchor), the time render.py takes to prepare pathological stories, and kill -9 during
imports (integrity failures / lost / duplicated).

    python benchmarks/bench_hostile.py [--kills 20] [--skip-kills] [--trafilatura-limit 60] [--only-trafilatura]

Each figure is printed with the load average (the machine is shared). The pages are the
shapes that stalled the parsers (nested tables and lists, 100,000 nested divs, 190,000
paragraphs, huge tables, long runs of one character) and crawler text of the same sizes.
The vectors tried / passed per class are printed by the test suite (tests/hostile).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_library_support import make_pages  # noqa: E402

from tuireader.ingest import parse_bytes  # noqa: E402
from tuireader.library import Library  # noqa: E402
from tuireader.render import story_markdown  # noqa: E402

MB = 1_000_000
HEAD = "<html><head><title>Ein Titel für die Seite</title></head><body><article><h1>Ein Titel für die Seite</h1>"
TAIL = "</article></body></html>"
STORY = "<p>" + "Ein langer Absatz über den Hafen und die neue Brücke von Möwensand. " * 12 + "</p>"
CRAWL_HEAD = "Politik\n\nTitel einer Meldung\n\n10.01.2022 10:00\n\n"


def pages() -> dict[str, bytes]:
    html = {
        "100,000 nested divs (1.1 MB)": HEAD + "<div>" * 100_000 + STORY + "</div>" * 100_000 + TAIL,
        "100,000 nested divs with spaces": HEAD + "<div> " * 100_000 + STORY + "</div> " * 100_000 + TAIL,
        "2,600 nested tables": HEAD + STORY + "<table><tr><td>" * 2_600 + "x" + "</td></tr></table>" * 2_600 + TAIL,
        "20,000 nested tables": HEAD + STORY + "<table><tr><td>" * 20_000 + "x" + "</td></tr></table>" * 20_000 + TAIL,
        "4,000 nested lists": HEAD + STORY + "<ul><li>" * 4_000 + "x" + "</li></ul>" * 4_000 + TAIL,
        "50,000 nested lists": HEAD + STORY + "<ul><li>" * 50_000 + "x" + "</li></ul>" * 50_000 + TAIL,
        "3,990 paragraphs (just under the plain-reading limit)": HEAD + STORY + "<p>Wort " * 3_990 + TAIL,
        "10 MB of paragraphs": HEAD + STORY + "<p>Wort " * (10 * MB // 8) + TAIL,
        "10 MB in one paragraph": HEAD + STORY + "<p>" + "wort " * (2 * MB) + "</p>" + TAIL,
        "3,000 x 50 table": HEAD
        + STORY
        + "<table>"
        + ("<tr>" + "<td>c</td>" * 50 + "</tr>") * 3_000
        + "</table>"
        + TAIL,
        "10 MB of spaces": HEAD + STORY + "<p>a" + " " * (10 * MB) + "b</p>" + TAIL,
        "200,000 attributes": HEAD + STORY + "<p " + " ".join(f'a{i}="x"' for i in range(200_000)) + ">x</p>" + TAIL,
        "500,000 control references": HEAD + STORY + "<p>" + "&#27;&amp;&#x9b;" * 500_000 + "</p>" + TAIL,
    }
    crawl = {
        "crawl: 10 MB of lines": CRAWL_HEAD + "Ein Satz der Meldung.\n\n" * (10 * MB // 23),
        "crawl: one line of 5 MB": "Titel\n\n" + "wort " * MB,
        "crawl: 10 MB without a newline": "x" * (10 * MB),
        "crawl: 10 MB of tabs and newlines": "Titel\n\n" + "\t\n" * (5 * MB),
        "crawl: 10 MB of markdown-like lines": CRAWL_HEAD + "| a | b |\n> > quote\n- item\n```\n" * (10 * MB // 36),
    }
    return {k: v.encode("utf-8")[: 10 * MB] for k, v in (html | crawl).items()}


def stories() -> dict[str, str]:
    table = "| " + " | ".join(f"h{c}" for c in range(50)) + " |\n|" + "---|" * 50 + "\n"
    table += "\n".join("| " + " | ".join(f"r{r}c{c}" for c in range(50)) + " |" for r in range(1000))
    small = "| " + " | ".join(f"h{c}" for c in range(8)) + " |\n|" + "---|" * 8 + "\n"
    small += "\n".join("| " + " | ".join(f"r{r}c{c}" for c in range(8)) + " |" for r in range(300))
    return {
        "300 x 8 table": small,
        "1000 x 50 table": table,
        "10,000 nested quotes (one line)": ">" * 10_000 + " tief",
        "10,000 quote lines, nesting growing": "\n".join(">" * min(i, 200) + " q" for i in range(1, 10_001)),
        "10,000 list levels (one line)": "- " * 10_000 + "Punkt",
        "10,000 list lines, nesting growing": "\n".join("  " * min(i, 200) + "- Punkt" for i in range(10_000)),
        "unclosed 250 KB code fence": "Anfang\n\n```\n" + "code = 1\n" * 28_000,
        "one 5 MB paragraph": "wort " * MB,
    }


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else "load n/a"


def bench_parse() -> None:
    parse_bytes(HEAD.encode() + STORY.encode() + TAIL.encode())  # imports and caches warm
    print(f"\nparse_bytes, pages up to 10 MB ({load()})")
    longest = ("", 0.0)
    for name, data in pages().items():
        start = time.perf_counter()
        article = parse_bytes(data)
        took = time.perf_counter() - start
        longest = max(longest, (name, took), key=lambda x: x[1])
        print(
            f"  {took:6.2f} s  {len(data) / MB:5.1f} MB  {name}  ({article.format}, story {len(article.body):,} chars)"
        )
    print(f"longest parse: {longest[1]:.2f} s ({longest[0]}); {load()}")


_TRAFILATURA = """
import sys, time, logging
import trafilatura
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
html = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
start = time.perf_counter()
text = trafilatura.extract(html, include_comments=False)
print(time.perf_counter() - start, len(text or ""))
"""


def bench_trafilatura(limit: float) -> None:
    """The anchor: trafilatura alone on the same HTML pages, each in its own process (killed after ``limit`` s)."""
    print(f"\ntrafilatura.extract alone, the same HTML pages ({load()})")
    longest = ("", 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in pages().items():
            if not data.startswith(b"<html"):
                continue  # crawler text: trafilatura reads HTML only
            page = Path(tmp) / "page.html"
            page.write_bytes(data)
            try:
                done = subprocess.run(
                    [sys.executable, "-c", _TRAFILATURA, str(page)], capture_output=True, text=True, timeout=limit
                )
                took_text, chars = done.stdout.split()
                took = float(took_text)
                shown = f"{took:6.2f} s  ({int(chars):,} chars)"
            except subprocess.TimeoutExpired:
                took, shown = limit, f"> {limit:.0f} s (stopped)"
            except ValueError:
                took, shown = 0.0, "failed: " + done.stderr.strip().splitlines()[-1][:100]
            longest = max(longest, (name, took), key=lambda x: x[1])
            print(f"  {shown}  {len(data) / MB:5.1f} MB  {name}")
    print(f"trafilatura's longest: {longest[1]:.2f} s ({longest[0]}); {load()}")


def bench_render() -> None:
    print(f"\nrender.story_markdown, pathological stories ({load()})")
    longest = 0.0
    for name, body in stories().items():
        start = time.perf_counter()
        out = story_markdown(body)
        took = time.perf_counter() - start
        longest = max(longest, took)
        print(f"  {took * 1000:8.1f} ms  {len(body):>10,} -> {len(out):>10,} chars  {name}")
    print(f"longest preparation: {longest * 1000:.1f} ms; {load()}")


def _import_process(pages_dir: Path, library: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tuireader", "import", str(pages_dir), "--library", str(library), "-q"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _state(library: Path) -> tuple[bool, list[str]]:
    with Library(library) as lib:
        ok = lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return ok, [lib.require(i).title for i in lib.article_ids()]


def bench_kills(runs: int) -> None:
    """Each run: a library holding 300 articles imports 1,500 pages and is killed at a random moment."""
    print(f"\nkill -9 during imports: {runs} runs, 300 stored + 1,500 pages imported ({load()})")
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages_dir = root / "pages"
        total = len(make_pages(pages_dir, 1500))
        template = root / "template.db"
        with Library(template) as lib:
            lib.import_paths(sorted(pages_dir.iterdir())[:300])
        _, stored = _state(template)
        library = root / "library.db"
        shutil.copy(template, library)
        start = time.perf_counter()
        _import_process(pages_dir, library).wait()
        full = time.perf_counter() - start
        failures = lost = duplicated = mid_import = 0
        for _ in range(runs):
            for p in root.glob("library.db*"):
                p.unlink()
            shutil.copy(template, library)
            proc = _import_process(pages_dir, library)
            time.sleep(rng.uniform(0.05, 1.0) * full)
            if proc.poll() is None:
                mid_import += 1
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            ok, titles = _state(library)
            failures += not ok
            lost += len(set(stored) - set(titles))
            duplicated += len(titles) - len(set(titles))
        _import_process(pages_dir, library).wait()
        _, titles = _state(library)
    print(
        f"{runs} runs ({mid_import} killed mid-import; a whole import takes {full:.1f} s): integrity failures "
        f"{failures}, lost {lost}, duplicated {duplicated}; importing again completes the library: "
        f"{len(titles) == len(set(titles)) == total}; {load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--skip-kills", action="store_true")
    parser.add_argument("--trafilatura-limit", type=float, default=60.0, help="seconds per page for the anchor")
    parser.add_argument("--only-trafilatura", action="store_true", help="time the anchor alone")
    args = parser.parse_args()
    if args.only_trafilatura:
        bench_trafilatura(args.trafilatura_limit)
        return
    bench_render()
    bench_parse()
    bench_trafilatura(args.trafilatura_limit)
    if not args.skip_kills:
        bench_kills(args.kills)


if __name__ == "__main__":
    main()
