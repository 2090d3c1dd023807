"""Row sources for the article list: a view of the library."""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.model import ArticleSummary
from tuireader.ui.protocols import LibraryAPI

VIEWS: dict[str, str] = {"all": "All", "unread": "Unread", "bookmarks": "Bookmarks"}


@dataclass
class LibraryView:
    """The library's articles in one view (all, unread, bookmarks), optionally one section."""

    library: LibraryAPI
    view: str = "all"
    section: str | None = None

    def count(self) -> int:
        return self.library.count(self.view, self.section)

    def fetch(self, offset: int, limit: int) -> list[ArticleSummary]:
        return self.library.summaries(self.view, self.section, offset=offset, limit=limit)

    def index_of(self, article_id: int) -> int | None:
        return self.library.index_of(article_id, self.view, self.section)

    def index_or_next(self, article_id: int) -> int | None:
        """Where the article is, or (left out of this view) the row of the one after it."""
        return self.library.index_of(article_id, self.view, self.section, or_next=True)
