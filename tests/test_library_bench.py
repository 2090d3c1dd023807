"""The library benchmark and its page generator keep working (a tiny run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from tuireader.ingest import parse_bytes

sys.path.insert(0, str(ROOT / "benchmarks"))
import crawlgen


def test_generated_pages_parse_like_real_crawls() -> None:
    pages = list(crawlgen.pages(30, seed=5))
    assert pages == list(crawlgen.pages(30, seed=5))  # deterministic
    sections = set()
    for name, text in pages:
        article = parse_bytes(text.encode("utf-8"), name)
        lines = text.split("\n")
        assert article.title == lines[2] and article.section == lines[0]
        assert article.published and article.published[:4] == name[:4]
        assert 4 <= len(article.related) <= 8
        assert "Mehr zum Thema" not in article.body and article.body
        sections.add(article.section)
    assert len(sections) > 5


def test_a_tiny_benchmark_run_prints_every_figure(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench_library.py"),
            "--count",
            "120",
            "--queries",
            "5",
            "--work",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert "import: imported 120, updated 0, unchanged 0, failed 0" in out
    for label in ("articles/s", "newest 100", "last page", "search, median of 5 two-word queries", "library size"):
        assert label in out, label
