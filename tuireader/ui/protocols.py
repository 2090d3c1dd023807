"""The UI's view of the library: the methods the screens call, and nothing else.

``tuireader.library.Library`` satisfies it (mypy checks that where the app is
built); a test double needs only these.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from tuireader.model import Article, ArticleSummary, SearchHit, SearchResults


class LibraryAPI(Protocol):
    path: Path

    # Reads: from any thread (each thread has its own connection).
    def count(self, view: str = "all", section: str | None = None) -> int: ...

    def summaries(
        self,
        view: str = "all",
        section: str | None = None,
        offset: int = 0,
        limit: int = 100,
        *,
        unread: bool = False,
    ) -> list[ArticleSummary]: ...

    def summary(self, article_id: int) -> ArticleSummary | None: ...

    def index_of(
        self, article_id: int, view: str = "all", section: str | None = None, *, or_next: bool = False
    ) -> int | None: ...

    def sections(self) -> list[str]: ...

    def get(self, article_id: int) -> Article | None: ...

    def get_position(self, article_id: int) -> float: ...

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...

    def search(self, query: str, limit: int = 50) -> list[SearchHit]: ...

    def search_page(self, query: str, limit: int = 50, offset: int = 0) -> SearchResults: ...

    def data_version(self) -> int: ...

    # Writes: only on the writer's thread (tuireader.ui.writer).
    def set_read(self, article_id: int, on: bool) -> bool: ...

    def set_bookmark(self, article_id: int, on: bool, note: str | None = None) -> bool: ...

    def set_position(self, article_id: int, value: float) -> bool: ...

    def set_setting(self, key: str, value: str | None) -> None: ...

    def release_thread(self) -> None: ...
