"""What the crawl parser returns for a fixed set of pages, as readable JSON snapshots: a guard for PARSER_VERSION.

Stored articles record the parser version that built them, and `tuireader
reparse` rebuilds those built by an older one. So whenever the parser's output
changes, PARSER_VERSION must go up. test_parser_version.py compares today's
output with the snapshots in tests/golden/crawl/ (one JSON file per input: the
article as `tuireader parse --json` prints it, without its path), and names the
fields that changed. After a deliberate change, bump PARSER_VERSION
(tuireader/ingest/__init__.py) and run

    python tests/parser_golden.py

which refuses to record changed output under an unchanged version; review the
snapshot diff (`git diff tests/golden/crawl`) before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tuireader.ingest import PARSER_VERSION, parse_bytes  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "crawl"
VERSION_FILE = GOLDEN / "parser_version.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "crawl"


def inputs() -> dict[str, bytes]:
    """The bundled crawl samples, variants of each as crawls differ (line ends, cuts, no heading), and
    the whole-page fixtures."""
    out: dict[str, bytes] = {}
    for path in sorted((ROOT / "samples").glob("*.txt")):
        data = path.read_bytes()
        lines = data.split(b"\n")
        out[path.name] = data
        out[f"{path.name}#crlf"] = data.replace(b"\n", b"\r\n")
        out[f"{path.name}#cut"] = b"\n".join(lines[: len(lines) * 2 // 3])
        out[f"{path.name}#no-heading"] = b"\n".join(
            line for line in lines if line.strip().lower() not in (b"mehr zum thema", b"related", b"lesen sie auch")
        )
        out[f"{path.name}#doubled-blank-lines"] = data.replace(b"\n\n", b"\n\n\n")
    for path in sorted(FIXTURES.glob("*.txt")):
        out[f"fixture-{path.name}"] = path.read_bytes()
    return out


def snapshot(data: bytes) -> dict[str, Any]:
    article = parse_bytes(data).to_dict()
    article.pop("path")
    return article


def snapshots() -> dict[str, dict[str, Any]]:
    return {name: snapshot(data) for name, data in inputs().items()}


def _file(name: str) -> Path:
    return GOLDEN / (name.replace("#", "--") + ".json")


def recorded() -> tuple[int, dict[str, dict[str, Any]]]:
    version = json.loads(VERSION_FILE.read_text(encoding="utf-8"))["parser_version"]
    return version, {
        name: json.loads(_file(name).read_text(encoding="utf-8")) for name in inputs() if _file(name).exists()
    }


def field_diff(before: dict[str, Any], now: dict[str, Any], width: int = 70) -> list[str]:
    """One line per changed field: ``field: old -> new`` (long values shortened)."""

    def short(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= width else text[: width - 1] + "…"

    return [
        f"{key}: {short(before.get(key))} -> {short(now.get(key))}"
        for key in sorted(set(before) | set(now))
        if before.get(key) != now.get(key)
    ]


def main() -> int:
    now = snapshots()
    if VERSION_FILE.exists():
        version, before = recorded()
        changed = sorted(k for k in now if before.get(k) != now[k])
        if version == PARSER_VERSION and changed:
            print(f"output changed for {len(changed)} inputs but PARSER_VERSION is still {version}:")
            for name in changed[:5]:
                print(f"  {name}: " + "; ".join(field_diff(before.get(name, {}), now[name])[:3]))
            print("bump it in tuireader/ingest/__init__.py first.")
            return 1
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN.glob("*.json"):
        old.unlink()
    for name, article in now.items():
        _file(name).write_text(json.dumps(article, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    VERSION_FILE.write_text(json.dumps({"parser_version": PARSER_VERSION}) + "\n", encoding="utf-8")
    print(f"recorded {len(now)} snapshots for parser version {PARSER_VERSION} in {GOLDEN}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
