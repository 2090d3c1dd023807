"""What the crawl parser returns for a fixed set of pages, as digests: a guard for PARSER_VERSION.

Stored articles record the parser version that built them, and `tuireader
reparse` rebuilds those built by an older one. So whenever the parser's output
changes, PARSER_VERSION must go up. test_parser_version.py compares today's
output with tests/golden/crawl-output.json; after a deliberate change, bump
PARSER_VERSION (tuireader/ingest/__init__.py) and run

    python tests/parser_golden.py

which refuses to record changed output under an unchanged version.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tuireader.ingest import PARSER_VERSION, parse_bytes  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "crawl-output.json"


def inputs() -> dict[str, bytes]:
    """The bundled crawl samples, and variants of each as crawls differ (line ends, cuts, no heading)."""
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
    return out


def digest(data: bytes) -> str:
    article = parse_bytes(data)
    text = json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digests() -> dict[str, str]:
    return {name: digest(data) for name, data in inputs().items()}


def recorded() -> tuple[int, dict[str, str]]:
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data["parser_version"], data["digests"]


def main() -> int:
    now = digests()
    if GOLDEN.exists():
        version, before = recorded()
        if version == PARSER_VERSION and before != now:
            changed = sorted(k for k in now if before.get(k) != now[k])
            print(
                f"output changed for {len(changed)} inputs (e.g. {changed[0]}) but PARSER_VERSION is still {version}:"
            )
            print("bump it in tuireader/ingest/__init__.py first.")
            return 1
    GOLDEN.write_text(
        json.dumps({"parser_version": PARSER_VERSION, "digests": now}, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"recorded {len(now)} digests for parser version {PARSER_VERSION} in {GOLDEN}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
