"""The article list as the reader browses it: a view narrowed by section and source, read hidden, sorted.

A ``Listing`` says which rows and in which order; the functions here turn it
into SQL (``Library.listing_*`` call them). Sorting by source keeps each
source's articles newest first; an index on the source (schema v5) keeps
counting, paging and finding a row fast at 100,000 articles.

Section names: some HTML pages put tag lists where the section goes ("Thoughts,
Content Creator, Influencer…"). ``is_section_name`` tells a section from such
tag soup; tag soup stays stored as it was but is not offered as a section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from tuireader.library.converters import title_key

VIEW_WHERE = {"all": "1", "unread": "NOT read", "bookmarks": "bookmarked"}
SORTS = ("date", "source")
SOURCE_KEY = "coalesce(source, '') COLLATE NOCASE"
_ORDER = {
    "date": "ORDER BY sort_key DESC, id DESC",
    "source": f"ORDER BY {SOURCE_KEY}, sort_key DESC, id DESC",
}

# A section name is a few words: more, or a list of three or more items, is tag soup.
MAX_SECTION_WORDS = 4
MAX_SECTION_CHARS = 40
MAX_SECTION_ITEMS = 2
_SEPARATORS = re.compile(r"[,;|·•]")
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def is_section_name(name: str) -> bool:
    """Whether a stored section reads as a section ("Politik", "Kunst & Kultur"), not a tag list."""
    name = name.strip()
    if not name or len(name) > MAX_SECTION_CHARS or name.endswith(("…", "...")):
        return False
    if len(_SEPARATORS.split(name)) > MAX_SECTION_ITEMS:
        return False
    return 0 < len(_WORDS.findall(name)) <= MAX_SECTION_WORDS


@dataclass(frozen=True)
class Listing:
    """Which articles the list shows, in which order."""

    view: str = "all"
    section: str | None = None
    source: str | None = None
    hide_read: bool = False
    sort: str = "date"

    def __post_init__(self) -> None:
        if self.view not in VIEW_WHERE:
            raise ValueError(f"unknown view {self.view!r} (one of {', '.join(VIEW_WHERE)})")
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r} (one of {', '.join(SORTS)})")

    def but(self, **changes: Any) -> Listing:
        return replace(self, **changes)


def where(listing: Listing, section_spellings: list[str] | None) -> tuple[str, list[Any]]:
    """The WHERE clause; ``section_spellings``: the stored names of the listing's section."""
    clause = VIEW_WHERE[listing.view]
    params: list[Any] = []
    if listing.hide_read and listing.view != "unread":
        clause += " AND NOT read"
    if section_spellings is not None:
        clause += f" AND section IN ({','.join('?' * len(section_spellings))})"
        params.extend(section_spellings)
    if listing.source is not None:
        clause += f" AND {SOURCE_KEY} = ?"
        params.append(listing.source)
    return clause, params


def order(listing: Listing) -> str:
    return _ORDER[listing.sort]


def before(listing: Listing, source: str, sort_key: Any, article_id: int) -> list[tuple[str, list[Any]]]:
    """Conditions (with their values) for the rows listed before a row: one range of the order each."""
    if listing.sort == "source":
        return [
            (f"{SOURCE_KEY} < ?", [source]),
            (f"{SOURCE_KEY} = ? AND (sort_key, id) > (?, ?)", [source, sort_key, article_id]),
        ]
    return [("(sort_key, id) > (?, ?)", [sort_key, article_id])]


def after_params(listing: Listing, source: str, sort_key: Any, article_id: int) -> list[Any]:
    if listing.sort == "source":
        return [source, source, sort_key, article_id]
    return [sort_key, article_id]


def after(listing: Listing) -> str:
    """A condition for rows listed after a row (bind ``after_params``)."""
    if listing.sort == "source":
        return f"({SOURCE_KEY} > ? OR ({SOURCE_KEY} = ? AND (sort_key, id) < (?, ?)))"
    return "(sort_key, id) < (?, ?)"


def facet_counts(rows: Iterable[tuple[str | None, int]], sections: bool) -> list[tuple[str, int]]:
    """Names and counts, names folded by case (the most used spelling shown), sorted by name.

    ``sections``: leave out names that are not sections (tag soup).
    """
    spellings: dict[str, dict[str, int]] = {}
    for name, count in rows:
        if not name or not name.strip() or (sections and not is_section_name(name)):
            continue
        key = title_key(name)
        spellings.setdefault(key, {})
        spellings[key][name] = spellings[key].get(name, 0) + count
    out = [(max(names.items(), key=lambda kv: (kv[1], kv[0]))[0], sum(names.values())) for names in spellings.values()]
    return sorted(out, key=lambda nc: (nc[0].casefold(), nc[0]))
