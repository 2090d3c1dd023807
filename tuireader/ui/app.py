"""The reader app. (Placeholder until the reader screen lands.)"""

from __future__ import annotations

from pathlib import Path


def run_app(library: str | Path | None = None, paths: list[str] | None = None) -> int:
    from tuireader.ingest import parse_file
    from tuireader.paths import samples_dir
    from tuireader.render import render_article_text

    files = paths or sorted(str(p) for p in samples_dir().glob("*") if p.is_file())
    for f in files[:1]:
        print(render_article_text(parse_file(f)))
    return 0
