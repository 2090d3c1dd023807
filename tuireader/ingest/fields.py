"""Typed fields checked before they are stored: a date field holds a date, or nothing.

Text from anywhere (an edited export, a hostile file) may put anything in a
field the library treats as typed. A ``published`` or ``updated`` that is not
an ISO date is not stored as one: it moves to the article's leftover lines,
labelled, so nothing is lost and nothing pretends to be a date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from tuireader.model import Article

# YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and a zone (what the parsers and ISO metadata write).
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def is_stamp(text: object) -> bool:
    """Whether ``text`` is an ISO date or date and time that exists (2022-02-30 does not)."""
    if not isinstance(text, str) or not _STAMP.fullmatch(text):
        return False
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def check_dates(article: Article) -> Article:
    """Move date fields that are not dates to ``leftover`` (the article is changed in place and returned)."""
    for name in ("published", "updated"):
        value = getattr(article, name)
        if value is not None and not is_stamp(value):
            setattr(article, name, None)
            if value.strip():
                article.leftover.append(f"{name} (not a date): {value}")
    for teaser in article.related:
        if teaser.date is not None and not is_stamp(teaser.date):
            if teaser.date.strip():
                article.leftover.append(f"teaser {teaser.title!r} date (not a date): {teaser.date}")
            teaser.date = None
    return article
