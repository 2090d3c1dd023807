"""Row sources for the article list: a view of the library."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tuireader.library.listing import Listing
from tuireader.model import ArticleSummary
from tuireader.ui.protocols import LibraryAPI

VIEWS: dict[str, str] = {"all": "All", "unread": "Unread", "bookmarks": "Bookmarks"}
SORTS: dict[str, str] = {"date": "by date", "source": "by source"}


@dataclass
class LibraryView:
    """The library's articles in one view (all, unread, bookmarks), optionally one section and one source,
    read articles hidden or not, by date or by source."""

    library: LibraryAPI = field(compare=False)
    view: str = "all"
    section: str | None = None
    source: str | None = None
    hide_read: bool = False
    sort: str = "date"

    @property
    def listing(self) -> Listing:
        return Listing(self.view, self.section, self.source, self.hide_read, self.sort)

    def but(self, **changes: object) -> LibraryView:
        return replace(self, **changes)  # type: ignore[arg-type]

    def count(self) -> int:
        return self.library.listing_count(self.listing)

    def fetch(self, offset: int, limit: int) -> list[ArticleSummary]:
        return self.library.listing_rows(self.listing, offset, limit)

    def index_of(self, article_id: int) -> int | None:
        return self.library.listing_index(self.listing, article_id)

    def index_or_next(self, article_id: int) -> int | None:
        """Where the article is, or (left out of this view) the row of the one after it."""
        return self.library.listing_index(self.listing, article_id, or_next=True)

    def next_unread(self, after_id: int | None) -> int | None:
        """The first unread article below ``after_id`` (from the top for None), or None."""
        return self.library.listing_next_unread(self.listing, after_id)

    def mark_all_read(self, library: LibraryAPI) -> int:
        """Mark every article of this view read (on the writer's thread, with its ``library``); how many."""
        return library.mark_listing_read(self.listing)
