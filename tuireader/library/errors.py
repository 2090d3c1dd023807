"""Errors the library raises; ``str()`` of each is one line fit for a user."""

from __future__ import annotations


class LibraryError(Exception):
    """The library cannot do what was asked (bad file, locked, bad query...)."""


class ArticleNotFound(LibraryError, LookupError):
    """No stored article has this id."""

    def __init__(self, article_id: int) -> None:
        super().__init__(f"no article with id {article_id}")
        self.article_id = article_id


class BadQuery(LibraryError):
    """A search query that full-text search cannot run."""
