"""Finding the story in whole-page crawler text: tuireader against the whole text taken as the story.

Scores, in one run, on the crawler texts (``pages/ID.txt.gz``) of two shared benchmarks:

- ``../shared/benchmarks/web-text`` (93 pages): sets of 4-token shingles of
  lower-cased ``\\w+`` tokens, per-page precision and recall averaged over the
  pages (an empty story scores 0), F1 of the averages; per source and language;
  pages whose ``text_ok`` is false are left out (their story is not in the text).
  Titles: exact after whitespace and case folding, over pages with a title.
- ``../shared/benchmarks/html-extraction`` (331 pages): ``de-*`` with/without
  snippets pooled over the pages; ``zyte-*`` 4-token shingles (an empty pair
  counts 1.0); German titles exact.

The story is what the reader shows as the article: lead + body, markdown
stripped. Three readers:

- ``one-by-one``: ``parse_bytes`` on each page alone;
- ``library``: all pages of a set imported into one new library, then
  ``reparse`` (each site's furniture learnt from its other pages);
- ``whole-text``: the whole crawler text as the story (the baseline).

    python benchmarks/bench_crawltext.py [--set web-text|html-extraction] [--show PAGE_ID] [--misses]

Speed (pages/s) is parse_bytes in this process, by wall clock and CPU time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_html import f1, markdown_to_text, normalise, zyte_precision_recall  # noqa: E402

from tuireader.model import Article  # noqa: E402


def _bench_dir() -> Path:
    """``../shared/benchmarks`` beside the checkout (or one level further up, for a worktree)."""
    for up in (REPO.parent, REPO.parent.parent):
        if (up / "shared" / "benchmarks").is_dir():
            return up / "shared" / "benchmarks"
    return REPO.parent / "shared" / "benchmarks"


BENCH = _bench_dir()


def story_of(article: Article) -> str:
    """Lead + body as plain text, as the reader shows them."""
    text = article.body
    if article.lead:
        text = f"{article.lead}\n\n{text}"
    return markdown_to_text(text)


def shingle_pr(story: str, truth: str) -> tuple[float, float]:
    """web-text: like the zyte score, but an empty story scores 0."""
    if not story.strip():
        return 0.0, 0.0
    return zyte_precision_recall(story, truth)


@dataclass
class Group:
    p: list[float] = field(default_factory=list)
    r: list[float] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    titles_right: int = 0
    titles_total: int = 0

    def shingle(self) -> str:
        if not self.p:
            return "—"
        p, r = sum(self.p) / len(self.p), sum(self.r) / len(self.r)
        return f"{f1(p, r):.3f} ({p:.3f} / {r:.3f})"

    def pooled(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return f"{f1(p, r):.3f} ({p:.3f} / {r:.3f})"

    def titles(self) -> str:
        return f"{self.titles_right} / {self.titles_total}" if self.titles_total else "—"


def same_title(found: str | None, truth: str) -> bool:
    return bool(found) and normalise(found or "").casefold() == normalise(truth).casefold()


def load(name: str) -> tuple[dict[str, dict], dict[str, bytes]]:
    root = BENCH / name
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {pid: gzip.decompress((root / "pages" / f"{pid}.txt.gz").read_bytes()) for pid in sorted(truth)}
    return truth, pages


# -- readers -----------------------------------------------------------------------


def one_by_one(pages: dict[str, bytes]) -> dict[str, tuple[str, str | None]]:
    from tuireader.ingest import parse_bytes

    out = {}
    for pid, data in pages.items():
        article = parse_bytes(data, f"{pid}.txt")
        out[pid] = (story_of(article), article.title)
    return out


def in_library(pages: dict[str, bytes]) -> dict[str, tuple[str, str | None]]:
    """Import every page into one new library, reparse, and read each page's article back."""
    from tuireader.library.store import Library

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for pid, data in pages.items():
            (folder / f"{pid}.txt").write_bytes(data)
        with Library(Path(tmp) / "library.db") as lib:
            report = lib.import_paths([folder])
            lib.reparse()
            ids = {Path(path).stem: aid for path, aid in report.imported + report.updated + report.unchanged}
            out = {}
            for pid in pages:
                article = lib.get(ids[pid]) if pid in ids else None
                out[pid] = (story_of(article), article.title) if article else ("", None)
    return out


def whole_text(pages: dict[str, bytes]) -> dict[str, tuple[str, str | None]]:
    from tuireader.ingest.decode import decode

    return {pid: (decode(data), None) for pid, data in pages.items()}


READERS: dict[str, Callable[[dict[str, bytes]], dict[str, tuple[str, str | None]]]] = {
    "one-by-one": one_by_one,
    "library": in_library,
    "whole-text": whole_text,
}


# -- scoring -----------------------------------------------------------------------


def score_web_text(truth: dict[str, dict], results: dict[str, tuple[str, str | None]]) -> dict[str, Group]:
    groups: dict[str, Group] = defaultdict(Group)
    for pid, (story, title) in results.items():
        t = truth[pid]
        keys = ["all", f"source {t['source']}", f"lang {t['lang']}"]
        if t.get("text_ok", True):
            p, r = shingle_pr(story, t["text"])
            for k in keys:
                groups[k].p.append(p)
                groups[k].r.append(r)
        if t.get("title"):
            for k in keys:
                groups[k].titles_total += 1
                groups[k].titles_right += same_title(title, t["title"])
    return groups


def score_html_extraction(truth: dict[str, dict], results: dict[str, tuple[str, str | None]]) -> dict[str, Group]:
    groups: dict[str, Group] = defaultdict(Group)
    for pid, (story, title) in results.items():
        t = truth[pid]
        if pid.startswith("de-"):
            g = groups["de"]
            text = normalise(story)
            for snippet in t.get("with", []):
                if normalise(snippet) in text:
                    g.tp += 1
                else:
                    g.fn += 1
            g.fp += sum(normalise(s) in text for s in t.get("without", []))
            if t.get("title"):
                g.titles_total += 1
                g.titles_right += same_title(title, t["title"])
        else:
            p, r = zyte_precision_recall(story, t.get("articleBody") or "")
            groups["zyte"].p.append(p)
            groups["zyte"].r.append(r)
    return groups


def pages_per_second(pages: dict[str, bytes]) -> tuple[float, float]:
    from tuireader.ingest import crawl_lines_kind, crawl_page_header, dates, parse_bytes

    sample = list(pages.values())
    parse_bytes(sample[0])
    # Line answers are cached within a run; start cold, as an import of new pages does.
    crawl_lines_kind.classify.cache_clear()
    dates._parse_date_line.cache_clear()
    crawl_page_header._content_words.cache_clear()
    wall, cpu = time.perf_counter(), time.process_time()
    for data in sample:
        parse_bytes(data)
    return len(sample) / (time.perf_counter() - wall), len(sample) / (time.process_time() - cpu)


def misses(truth: dict[str, dict], results: dict[str, tuple[str, str | None]]) -> None:
    for pid, (story, title) in results.items():
        t = truth[pid]
        if "text" in t:
            if not t.get("text_ok", True):
                continue
            p, r = shingle_pr(story, t["text"])
        elif pid.startswith("de-"):
            text = normalise(story)
            w = t.get("with", [])
            r = sum(normalise(s) in text for s in w) / len(w) if w else 1.0
            p = 1.0 - sum(normalise(s) in text for s in t.get("without", [])) / max(1, len(t.get("without", [])))
        else:
            p, r = zyte_precision_recall(story, t.get("articleBody") or "")
        tt = t.get("title")
        title_mark = "" if not tt or same_title(title, tt) else f"  TITLE {title!r} != {tt!r}"
        if p < 0.8 or r < 0.8 or title_mark:
            print(f"{pid:40} P={p:.2f} R={r:.2f}{title_mark}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--set", choices=["web-text", "html-extraction"], action="append")
    parser.add_argument("--only", choices=sorted(READERS), action="append")
    parser.add_argument("--misses", action="store_true", help="list pages scored below 0.8 and wrong titles")
    parser.add_argument("--show", help="print one page's story as read one page at a time")
    args = parser.parse_args(argv)
    sets = args.set or ["web-text", "html-extraction"]
    readers = args.only or list(READERS)
    if not (BENCH / sets[0] / "ground-truth.json").exists():
        print(f"no benchmark data at {BENCH}", file=sys.stderr)
        return 2
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name in sets:
        truth, pages = load(name)
        if args.show:
            if args.show in pages:
                from tuireader.ingest import parse_bytes

                article = parse_bytes(pages[args.show], f"{args.show}.txt")
                print(json.dumps(article.to_dict(), ensure_ascii=False, indent=1))
            continue
        score = score_web_text if name == "web-text" else score_html_extraction
        print(f"\n## {name}: {len(pages)} pages")
        rows = []
        for reader in readers:
            results = READERS[reader](pages)
            if args.misses and reader != "whole-text":
                print(f"--- {reader}")
                misses(truth, results)
            rows.append((reader, score(truth, results)))
        speed = pages_per_second(pages)
        if name == "web-text":
            keys = sorted({k for _, g in rows for k in g})
            print("| reader | group | story F1 (P / R) | titles |")
            print("|---|---|---|---|")
            for reader, groups in rows:
                for k in keys:
                    g = groups.get(k, Group())
                    print(f"| {reader} | {k} | {g.shingle()} | {g.titles()} |")
        else:
            print("| reader | de F1 (P / R), pooled snippets | zyte F1 (P / R) | de titles |")
            print("|---|---|---|---|")
            for reader, groups in rows:
                de, zy = groups.get("de", Group()), groups.get("zyte", Group())
                print(f"| {reader} | {de.pooled()} | {zy.shingle()} | {de.titles()} |")
        print(f"tuireader one page at a time: {speed[0]:.0f} pages/s wall, {speed[1]:.0f} pages/s CPU")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
