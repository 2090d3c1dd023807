"""Readable snapshots of what the HTML parser makes of each fixture page: a guard for PARSER_VERSION.

One JSON file per fixture under ``tests/snapshots/html/``: the parsed article
(every field a reader sees, teasers included), the parser version and the
trafilatura version it was made with (the story depends on the extractor, so
the snapshots are only compared under the version they record).

test_html_snapshots.py shows a field-level difference when a parse changes.
After a deliberate change, bump PARSER_VERSION (tuireader/ingest/__init__.py)
and run

    python tests/html_snapshots.py

which refuses to record changed output under an unchanged parser version.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from tuireader.ingest import PARSER_VERSION, parse_bytes  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "html"
SNAPSHOTS = ROOT / "tests" / "snapshots" / "html"
TRAFILATURA = trafilatura.__version__
# Fields that say where the file was, not what the parser read.
_NOT_PARSED = ("path", "id", "bookmarked", "bookmark_note", "read")


def fixtures() -> dict[str, Path]:
    """The HTML fixture pages by snapshot name: hand-written pages and the bundled benchmark pages."""
    found = {p.name.removesuffix(".html"): p for p in sorted((FIXTURES / "pages").glob("*.html"))}
    found.update({p.name.removesuffix(".html.gz"): p for p in sorted((FIXTURES / "benchmark").glob("*.html.gz"))})
    return found


def parsed(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    article = parse_bytes(data, path.name.removesuffix(".gz")).to_dict()
    return {k: v for k, v in article.items() if k not in _NOT_PARSED}


def snapshot_file(name: str) -> Path:
    return SNAPSHOTS / f"{name}.json"


def recorded(name: str) -> dict[str, Any] | None:
    path = snapshot_file(name)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def record(name: str, article: dict[str, Any]) -> None:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    data = {"parser_version": PARSER_VERSION, "trafilatura": TRAFILATURA, "article": article}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    snapshot_file(name).write_text(text, encoding="utf-8")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def _text_diff(before: str, after: str) -> list[str]:
    """The paragraphs of a long text that went or came."""
    old, new = before.split("\n\n"), after.split("\n\n")
    lines = [f"    - {_short(p)}" for p in old if p not in new]
    lines += [f"    + {_short(p)}" for p in new if p not in old]
    return lines or ["    (paragraphs equal; white space or order changed)"]


def field_diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per changed field (and per changed teaser), readable in a test failure."""
    lines: list[str] = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if key == "related" and isinstance(old, list) and isinstance(new, list):
            lines.append(f"related: {len(old)} -> {len(new)} teasers")
            for index in range(max(len(old), len(new))):
                a = old[index] if index < len(old) else None
                b = new[index] if index < len(new) else None
                if a != b:
                    lines.append(f"  [{index}] {_short(a)}")
                    lines.append(f"   -> {_short(b)}")
        elif isinstance(old, str) and isinstance(new, str) and (len(old) > 160 or len(new) > 160):
            lines.append(f"{key}:")
            lines.extend(_text_diff(old, new))
        else:
            lines.append(f"{key}: {_short(old)} -> {_short(new)}")
    return lines


def main() -> int:
    changed: list[str] = []
    now: dict[str, dict[str, Any]] = {}
    for name, path in fixtures().items():
        now[name] = parsed(path)
        before = recorded(name)
        if before is not None and before["article"] != now[name] and before["trafilatura"] == TRAFILATURA:
            if before["parser_version"] == PARSER_VERSION:
                changed.append(name)
    if changed:
        print(f"output changed for {', '.join(changed)} but PARSER_VERSION is still {PARSER_VERSION}:")
        for name in changed:
            before = recorded(name)
            assert before is not None
            print(f"--- {name}")
            print("\n".join(field_diff(before["article"], now[name])))
        print("bump it in tuireader/ingest/__init__.py first.")
        return 1
    for name, article in now.items():
        record(name, article)
    for stale in set(p.stem for p in SNAPSHOTS.glob("*.json")) - set(now):
        snapshot_file(stale).unlink()
    print(
        f"recorded {len(now)} snapshots for parser version {PARSER_VERSION} (trafilatura {TRAFILATURA}) in {SNAPSHOTS}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
