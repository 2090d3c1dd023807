"""Main-story extraction from saved HTML pages: tuireader against plain trafilatura.

Scores both extractors on the shared benchmark of 331 real pages
(``<repo>/../shared/benchmarks/html-extraction``; its README gives the scoring):

- ``de-*`` pages: ``with`` snippets found in the story are true positives, missing
  ones false negatives, ``without`` snippets found are false positives; counts
  pooled over all pages. Titles: exact match after whitespace normalisation and
  case folding, over the pages that have one.
- ``zyte-*`` pages: sets of 4-token shingles of lower-cased word tokens;
  per-page precision and recall averaged over the pages; F1 of the averages.

The story is scored as plain text: markdown syntax is stripped first.
tuireader keeps the lead (standfirst) apart from the body and the reader shows
it above the body: story = lead + body. ``--printed-lead-only`` scores the lead
only where the page prints it (earlier figures did so).

The 93 pages of ``<repo>/../shared/benchmarks/web-text`` (``--set web-text``; its
README gives the scoring) are scored like the ``zyte-*`` pages, except that an
empty story scores 0; figures per source and per language, titles exact.

    python benchmarks/bench_html.py [--set html-extraction|web-text|both] [--data DIR]
                                    [--only tuireader|trafilatura] [--jobs N] [--show-misses]

Speed (pages/s) is always measured in a single process, by the wall clock and
by the process's CPU time; ``--jobs`` only speeds up the quality run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's tuireader, not one installed elsewhere


def _benchmarks_dir() -> Path:
    """``../shared/benchmarks`` beside the checkout (or beside the folder of a worktree)."""
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "benchmarks").is_dir():
            return base / "shared" / "benchmarks"
    return REPO.parent / "shared" / "benchmarks"


DEFAULT_DATA = _benchmarks_dir() / "html-extraction"
WEB_TEXT_DATA = _benchmarks_dir() / "web-text"

# --- markdown to plain text ---------------------------------------------------

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}\s+", re.M)
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])\s+", re.M)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_TABLE_SEP = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_|_(?!\w)|~~|`)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # any escaped ASCII punctuation (CommonMark)
_HIDDEN = re.compile(r"\x00(\d+)\x00")


def markdown_to_text(md: str) -> str:
    """Plain text of a markdown story: no heading marks, emphasis or link targets."""
    # escaped characters are literal text: hide them from the syntax rules
    escaped: list[str] = []

    def hide(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = _ESCAPE.sub(hide, md)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TABLE_SEP.sub("", text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub("", text)
    text = _HEADING.sub("", text)  # after list markers: "### 6. Title" keeps its number
    text = _RULE.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = text.replace("|", " ")
    return _HIDDEN.sub(lambda m: escaped[int(m.group(1))], text)


# --- scoring --------------------------------------------------------------------

_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip()


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return {tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1))}


def zyte_precision_recall(story: str, truth: str) -> tuple[float, float]:
    pred, true = shingles(story), shingles(truth)
    if not pred and not true:
        return 1.0, 1.0
    common = len(pred & true)
    precision = common / len(pred) if pred else 0.0
    recall = common / len(true) if true else 0.0
    return precision, recall


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    titles_right: int = 0
    titles_total: int = 0
    zyte_p: list[float] = field(default_factory=list)
    zyte_r: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, page_id: str, truth: dict, story: str, title: str | None) -> None:
        if truth["set"] == "trafilatura-eval-de" or page_id.startswith("de-"):
            text = normalise(story)
            for snippet in truth.get("with", []):
                if normalise(snippet) in text:
                    self.tp += 1
                else:
                    self.fn += 1
                    self.misses.append(f"{page_id} MISSING  {snippet!r}")
            for snippet in truth.get("without", []):
                if normalise(snippet) in text:
                    self.fp += 1
                    self.misses.append(f"{page_id} LEAKED   {snippet!r}")
            if truth.get("title"):
                self.titles_total += 1
                if title and normalise(title).casefold() == normalise(truth["title"]).casefold():
                    self.titles_right += 1
                else:
                    self.misses.append(f"{page_id} TITLE    {title!r} != {truth['title']!r}")
        else:
            p, r = zyte_precision_recall(story, truth.get("articleBody") or "")
            self.zyte_p.append(p)
            self.zyte_r.append(r)
            if p < 0.8 or r < 0.8:
                self.misses.append(f"{page_id} ZYTE     P={p:.2f} R={r:.2f}")

    def de(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return f1(p, r), p, r

    def zyte(self) -> tuple[float, float, float]:
        if not self.zyte_p:
            return 0.0, 0.0, 0.0
        p = sum(self.zyte_p) / len(self.zyte_p)
        r = sum(self.zyte_r) / len(self.zyte_r)
        return f1(p, r), p, r


@dataclass
class WebTextScore:
    """The web-text set: shingle precision / recall per page (an empty story scores 0), by group."""

    p: dict[str, list[float]] = field(default_factory=dict)
    r: dict[str, list[float]] = field(default_factory=dict)
    titles_right: dict[str, int] = field(default_factory=dict)
    titles_total: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, page_id: str, truth: dict, story: str, title: str | None) -> None:
        pred, true = shingles(story), shingles(truth.get("text") or "")
        common = len(pred & true)
        p = common / len(pred) if pred else 0.0
        r = common / len(true) if true and pred else 0.0
        for group in ("all", f"lang {truth['lang']}", f"source {truth['source']}"):
            self.p.setdefault(group, []).append(p)
            self.r.setdefault(group, []).append(r)
            if truth.get("title"):
                self.titles_total[group] = self.titles_total.get(group, 0) + 1
                right = bool(title) and normalise(title or "").casefold() == normalise(truth["title"]).casefold()
                self.titles_right[group] = self.titles_right.get(group, 0) + right
        if truth.get("title") and normalise(title or "").casefold() != normalise(truth["title"]).casefold():
            self.misses.append(f"{page_id} TITLE    {title!r} != {truth['title']!r}")
        if p < 0.8 or r < 0.8:
            self.misses.append(f"{page_id} STORY    P={p:.2f} R={r:.2f}")

    def groups(self) -> list[str]:
        return sorted(self.p, key=lambda g: (g != "all", g))

    def f1(self, group: str) -> tuple[float, float, float, int]:
        ps, rs = self.p[group], self.r[group]
        p, r = sum(ps) / len(ps), sum(rs) / len(rs)
        return f1(p, r), p, r, len(ps)


# --- extractors -------------------------------------------------------------------


def run_tuireader(data: bytes) -> tuple[str, str | None]:
    from tuireader.ingest import parse_bytes

    article = parse_bytes(data)
    story = article.body
    if article.lead and (SCORE_EVERY_LEAD or _letters(article.lead)[:60] in _letters(visible_text(data))):
        story = f"{article.lead}\n\n{story}"  # the lead, shown above the body
    return markdown_to_text(story), article.title or None


# The reader shows the lead above the body, wherever it came from: it is scored as story.
# (--printed-lead-only scores it only when the page prints it, as earlier figures did.)
SCORE_EVERY_LEAD = True


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def visible_text(data: bytes) -> str:
    """The page's text without scripts, styles and attributes (whitespace-normalised)."""
    import lxml.html

    from tuireader.ingest.decode import decode

    try:
        root = lxml.html.document_fromstring(decode(data))
    except (ValueError, lxml.etree.ParserError):
        return ""
    for el in root.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    return normalise(root.text_content())


def time_tuireader(data: bytes) -> object:
    from tuireader.ingest import parse_bytes

    return parse_bytes(data)


def time_trafilatura(data: bytes) -> object:
    return run_trafilatura(data)


def run_trafilatura(data: bytes) -> tuple[str, str | None]:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    story = trafilatura.extract(data, include_comments=False) or ""
    meta = extract_metadata(data)
    return story, (meta.title if meta else None)


EXTRACTORS: dict[str, Callable[[bytes], tuple[str, str | None]]] = {
    "tuireader": run_tuireader,
    "trafilatura": run_trafilatura,
}
# What is timed: the extractor alone, without the scoring's own work.
TIMED: dict[str, Callable[[bytes], object]] = {
    "tuireader": time_tuireader,
    "trafilatura": time_trafilatura,
}


def load_pages(data_dir: Path) -> tuple[dict[str, dict], dict[str, bytes]]:
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {k: v for k, v in truth.items() if (data_dir / "pages" / f"{k}.html.gz").exists()}
    pages = {}
    for page_id in sorted(truth):
        pages[page_id] = gzip.decompress((data_dir / "pages" / f"{page_id}.html.gz").read_bytes())
    return truth, pages


def _one(args: tuple[str, bytes]) -> tuple[str, str | None]:
    name, data = args
    try:
        return EXTRACTORS[name](data)
    except Exception as exc:
        return "", f"<crash {type(exc).__name__}: {exc}>"


def evaluate(name: str, truth: dict[str, dict], pages: dict[str, bytes], jobs: int, score: Score | WebTextScore):
    ids = list(pages)
    work = [(name, pages[i]) for i in ids]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_one, work, chunksize=4))
    else:
        results = [_one(w) for w in work]
    for page_id, (story, title) in zip(ids, results, strict=False):
        score.add(page_id, truth[page_id], story, title)
    return score


def pages_per_second(name: str, pages: dict[str, bytes], limit: int) -> tuple[float, float]:
    """Single-process rate over the first ``limit`` pages: (wall clock, CPU time of this process).

    On a shared machine the CPU-time rate is the steadier figure.
    """
    sample = list(pages.values())[:limit]
    timed = TIMED[name]
    timed(sample[0])  # warm up imports
    wall, cpu = time.perf_counter(), time.process_time()
    for data in sample:
        timed(data)
    return len(sample) / (time.perf_counter() - wall), len(sample) / (time.process_time() - cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("html-extraction", "web-text", "both"), default="both")
    parser.add_argument("--data", type=Path, help="benchmark directory (one set)")
    parser.add_argument("--only", choices=sorted(EXTRACTORS), action="append")
    parser.add_argument("--jobs", type=int, default=1, help="processes for the quality run")
    parser.add_argument("--speed-pages", type=int, default=331, help="pages timed for pages/s (0: skip)")
    parser.add_argument("--show-misses", action="store_true", help="list missed/leaked snippets")
    parser.add_argument("--printed-lead-only", action="store_true", help="score a lead only where the page prints it")
    args = parser.parse_args(argv)
    global SCORE_EVERY_LEAD
    SCORE_EVERY_LEAD = not args.printed_lead_only

    sets = ["html-extraction", "web-text"] if args.set == "both" else [args.set]
    names = args.only or ["tuireader", "trafilatura"]
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for which in sets:
        data = args.data or (DEFAULT_DATA if which == "html-extraction" else WEB_TEXT_DATA)
        if not (data / "ground-truth.json").exists():
            print(f"no benchmark data at {data}", file=sys.stderr)
            return 2
        truth, pages = load_pages(data)
        rows = []
        for name in names:
            score = evaluate(name, truth, pages, args.jobs, Score() if which == "html-extraction" else WebTextScore())
            speed = pages_per_second(name, pages, args.speed_pages) if args.speed_pages else (float("nan"),) * 2
            if args.show_misses:
                print(f"--- {name}")
                print("\n".join(score.misses))
            rows.append((name, score, speed))
        print(f"\n{len(pages)} pages from {data}")
        if which == "html-extraction":
            _print_html_extraction(rows)
        else:
            _print_web_text(rows)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def _print_html_extraction(rows: list) -> None:
    print("| extractor | de F1 (P / R) | zyte F1 (P / R) | de titles | pages/s (wall / CPU) |")
    print("|---|---|---|---|---|")
    for name, score, speed in rows:
        de, zy = score.de(), score.zyte()
        print(
            f"| {name} | {de[0]:.3f} ({de[1]:.3f} / {de[2]:.3f}) "
            f"| {zy[0]:.3f} ({zy[1]:.3f} / {zy[2]:.3f}) "
            f"| {score.titles_right} / {score.titles_total} | {speed[0]:.1f} / {speed[1]:.1f} |"
        )


def _print_web_text(rows: list) -> None:
    print("| extractor | group | pages | story F1 (P / R) | titles | pages/s (wall / CPU) |")
    print("|---|---|---|---|---|---|")
    for name, score, speed in rows:
        for group in score.groups():
            f, p, r, n = score.f1(group)
            titles = f"{score.titles_right.get(group, 0)} / {score.titles_total.get(group, 0)}"
            rate = f"{speed[0]:.1f} / {speed[1]:.1f}" if group == "all" else ""
            print(f"| {name} | {group} | {n} | {f:.3f} ({p:.3f} / {r:.3f}) | {titles} | {rate} |")


if __name__ == "__main__":
    sys.exit(main())
