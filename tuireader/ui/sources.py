"""Row sources for the article list: a view of the library."""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.model import ArticleSummary

VIEWS: dict[str, str] = {"all": "All", "unread": "Unread", "bookmarks": "Bookmarks"}


@dataclass
class LibraryView:
    """The library's articles in one view (all, unread, bookmarks), optionally one section."""

    library: object  # tuireader.library.Library (typed loosely: ui depends only on its methods)
    view: str = "all"
    section: str | None = None

    def count(self) -> int:
        return self.library.count(self.view, self.section)  # type: ignore[attr-defined]

    def fetch(self, offset: int, limit: int) -> list[ArticleSummary]:
        return self.library.summaries(self.view, self.section, offset=offset, limit=limit)  # type: ignore[attr-defined]

    def index_of(self, article_id: int) -> int | None:
        return self.library.index_of(article_id, self.view, self.section)  # type: ignore[attr-defined]
