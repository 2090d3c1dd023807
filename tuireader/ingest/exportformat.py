"""Our own exports (JSON and markdown with front matter), read back losslessly. (Placeholder.)"""

from __future__ import annotations

from tuireader.model import Article


def detect(text: str) -> str | None:
    return None


def parse(text: str, fmt: str) -> Article:
    raise NotImplementedError
