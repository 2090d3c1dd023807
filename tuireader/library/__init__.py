"""The library: where articles live between sessions, in one SQLite file.

Never imports textual; callers get model dataclasses (``tuireader.model``),
never rows. The API a reader uses::

    lib = Library()                       # or Library(path); LibraryError for a foreign/corrupt file
    lib.count(view="all"|"unread"|"bookmarks", section=None, unread=False)   # sections match whatever their case
    lib.summaries(view, section, offset=0, limit=100, unread=False)   # newest first -> [ArticleSummary]
    lib.index_of(article_id, view, section)             # row position in that order, or None
    lib.sections(); lib.is_empty()
    lib.listing_count(Listing(view, section, source, hide_read, sort)); lib.listing_rows(listing, offset, limit)
    lib.listing_index(listing, id, or_next=False); lib.listing_next_unread(listing, after_id)
    lib.listing_facets("section"|"source", listing) -> [(name, count)]; lib.mark_listing_read(listing) -> int
    lib.get(article_id)                   # Article (teasers linked by title) or None
    lib.search(query, limit=50)           # [SearchHit], never raises for user input
    lib.search_page(query, limit, offset) # SearchResults(hits, total, ...); BadQuery with a reason
    lib.set_bookmark(id, on, note=None); lib.set_read(id, on)   # False: no such article
    lib.get_position(id) / set_position(id, value)
    lib.get_setting(key, default) / set_setting(key, value)
    lib.import_paths(paths, progress=None) -> ImportReport
    lib.add(article, raw) -> (id, "imported" | "updated" | "unchanged")
    lib.remove(id) -> bool
    lib.data_version()                   # changes when another connection commits

Feeds (``library/feeds.py``; fetching is ``tuireader.web``)::

    lib.feeds() -> [Feed]                 # with item, article and unread counts
    lib.find_feed(id | url | name); lib.feed(feed_id)
    lib.feed_summaries(feed_id, unread=False, offset=0, limit=100)   # a feed's articles, newest first
    lib.add_feed(url, name=, section=); lib.remove_feed(feed_id, purge=False)
"""

from tuireader.library.errors import ArticleNotFound, LibraryError
from tuireader.library.importer import ImportReport
from tuireader.library.store import Library

__all__ = ["ArticleNotFound", "ImportReport", "Library", "LibraryError"]
