"""Files that are plainly not news pages: source code, configuration, JSON data, documentation.

Importing a folder should not turn a project's ``README.md``, ``pyproject.toml``,
``cli.py`` or a ``data.json`` into "articles". Such files are told by their
content, never by their name (a news page stays accepted whatever its
extension), and only when the signs are plain: crawler text of a news page
holds sentences, not a third of its lines ending in ``;`` or ``{``, nor ``key =
value`` lines, nor fenced code blocks.

``not_news(text)`` gives the reason to skip a file read as crawler text, or None.
"""

from __future__ import annotations

import json
import re

# Lines that are code in the common languages (Python, C-like, shell, JavaScript, Go, Rust).
_CODE_LINE = re.compile(
    r"""^\s*(?:
        (?:def|class|import|from\s+\S+\s+import|return|package|func|fn|pub|use|const|let|var|function|elif
        |except|try|assert|raise|yield|await|async|self\.)\b|\"\"\"
        |\#include\b|\#!|@\w+(?:\(|$)|//|/\*|\*/|[{}()\[\]]\s*[;,]?\s*$
        |.*[;{]\s*$|.*\)\s*:\s*$|(?:if|for|while|else|with)\b.*:\s*$
    )""",
    re.X,
)
# Sections, key = value and key: value lines, list items and the values of a multi-line array.
_CONFIG_LINE = re.compile(
    r"""^\s*(?:\[\[?[\w.\-" ]+\]\]?|[\w.\-"]+\s*=\s*\S.*|[\w.\-]+:\s*(?:\S.*)?|-\s+\S.*
    |"[^"]*",?\s*(?:\#.*)?|'[^']*',?\s*(?:\#.*)?|[\]}],?)\s*$""",
    re.X,
)
_COMMENT = re.compile(r"^\s*(?:#|;|//)")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)", re.M)
_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_MIN_LINES = 5
# Share of code lines that makes a file source code: crawler text of 438 news pages has at
# most 2.7 % (a line ending in ";" or ")" now and then); the project's own Python files 14-90 %.
CODE_SHARE = 0.12


def not_news(text: str) -> str | None:
    """Why ``text`` (read as crawler text) is plainly not a news page, or None."""
    head = text[:65536]
    stripped = head.lstrip()
    if stripped[:1] in ("{", "[") and _is_json(text):
        return "JSON data, not a tuireader export"
    if stripped.startswith("#!"):
        return "a script (source code), not a news page"
    lines = [line for line in head.split("\n") if line.strip()]
    if len(lines) < _MIN_LINES:
        return None
    if len(_FENCE.findall(head)) >= 2 and _HEADING.search(head):
        return "a markdown document with code blocks, not a news page"
    code = sum(1 for line in lines if _CODE_LINE.match(line))
    if code >= CODE_SHARE * len(lines):
        return "source code, not a news page"
    content = [line for line in lines if not _COMMENT.match(line)]
    if len(content) >= _MIN_LINES:
        config = sum(1 for line in content if _CONFIG_LINE.match(line))
        if config >= 0.7 * len(content):
            return "a configuration file, not a news page"
    return None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
