"""Crawler text of a news page. (Placeholder: whole text as body, first line as title.)"""

from __future__ import annotations

from tuireader.model import Article


def parse(text: str) -> Article:
    lines = [line.strip() for line in text.split("\n")]
    non_blank = [line for line in lines if line]
    title = non_blank[0] if non_blank else ""
    return Article(title=title, body="\n\n".join(non_blank[1:]))
