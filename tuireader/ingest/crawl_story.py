"""The main story of a crawled page as markdown: paragraphs and ``##`` subheadings."""

from __future__ import annotations

import re

from tuireader.ingest import markdown_text
from tuireader.ingest.crawl_lines import is_artifact, is_sponsored_mark, is_subheading


def story_markdown(lines: list[str]) -> tuple[str, list[str]]:
    """(markdown body, leftover lines) of the story's lines (blank lines allowed)."""
    paragraphs: list[str] = []
    leftover: list[str] = []
    for line in lines:
        if not line:
            continue
        if is_artifact(line) or is_sponsored_mark(line):
            # CMS residue, or the label of an ad slot the crawl left in the story
            leftover.append(line)
        else:
            paragraphs.append(line)
    blocks: list[str] = []
    for n, line in enumerate(paragraphs):
        if (
            0 < n < len(paragraphs) - 1
            and is_subheading(line)
            and not is_subheading(paragraphs[n + 1])
            and len(paragraphs[n + 1]) > len(line)
            and not blocks[-1].startswith("## ")
            and not _opens_or_continues_list(paragraphs[n - 1])
        ):
            blocks.append(markdown_text.heading(line))
        else:
            blocks.append(markdown_text.paragraph(line))
    return "\n\n".join(blocks), leftover


_LIST_MARK = re.compile(r"(?:[-–•*+·▪►]|\d{1,3}[.)])\s")


def _opens_or_continues_list(line: str) -> bool:
    """A line introducing a list ("Geplant sind:") or an item of one: what follows is an item too, not a heading."""
    return line.endswith(":") or is_subheading(line) or _LIST_MARK.match(line) is not None
