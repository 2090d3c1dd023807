"""The ``Library``: articles, teasers, bookmarks, read state and search in one SQLite file.

Thread-safe: each thread uses a connection of its own (``PerThread``), so a
UI's worker threads and its writer thread share one ``Library`` without
waiting on each other. Several processes may use the same file at once (WAL,
busy timeout, retried writes).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import Any

from tuireader.library import converters as conv
from tuireader.library import listing as listing_sql
from tuireader.library.checkpoints import BackgroundCheckpoints
from tuireader.library.compression import unpack
from tuireader.library.connection import PerThread, is_busy, retry
from tuireader.library.errors import ArticleNotFound, BadQuery, LibraryError
from tuireader.library.feeds import FeedsMixin
from tuireader.library.importer import Failure, ImportReport, Prepared, expand_paths, prepare_many
from tuireader.library.listing import Listing
from tuireader.library.reparse import ReparseReport, reparse_all
from tuireader.library.search import build_fts_query, clean_snippet, plain_words_query
from tuireader.library.writer import ArticleWriter
from tuireader.library.writer import now as _now
from tuireader.model import Article, ArticleSummary, SearchHit, SearchResults, Teaser
from tuireader.paths import library_file

VIEWS = ("all", "unread", "bookmarks")
# Files parsed, then stored in one transaction (ArticleWriter.store_batch). The
# first batch is small so the first articles show soon; later ones are larger
# (fewer commits and full-text merges), holding the write lock well under a second.
FIRST_BATCH_SIZE = 200
BATCH_SIZE = 1000
# Files parsed ahead of the batch being stored: workers go on parsing through
# a few batches' commits (and WAL checkpoints) before they wait.
READ_AHEAD = 3 * BATCH_SIZE
# Large imports (this many files) checkpoint the WAL on a thread of their own.
BULK_MIN_FILES = 1000
# Search ranking: title above lead above story.
BM25_WEIGHTS = "10.0, 3.0, 1.0"
# A query matching more articles than this ranks only the newest of them (and
# the newest title matches): ranking costs a few microseconds per match.
RANK_ALL_UP_TO = 1000
# Beyond those, the newest older matches with the words in the title are ranked
# too (enough to fill the first pages; ranking them all would cost a pass with positions).
RANK_OLDER_TITLES_UP_TO = 200

_VIEW_WHERE = {"all": "1", "unread": "NOT read", "bookmarks": "bookmarked"}


_MAX_ID = 2**63 - 1


def _storable_id(article_id: object) -> bool:
    """Whether an id can name a stored article (anything else names none)."""
    return isinstance(article_id, int) and not isinstance(article_id, bool) and 0 < article_id <= _MAX_ID


def _where(view: str, section: list[str] | None, *, unread: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause of a view; ``section``: the stored spellings of one section name."""
    if view not in _VIEW_WHERE:
        raise ValueError(f"unknown view {view!r} (one of {', '.join(VIEWS)})")
    clause = _VIEW_WHERE[view]
    if unread and view != "unread":
        clause += " AND NOT read"
    params: list[Any] = []
    if section is not None:
        clause += f" AND section IN ({','.join('?' * len(section))})"
        params.extend(section)
    return clause, params


def _counted(
    items: Iterable[list[Prepared] | Failure], total: int, progress: Callable[[int, int], None]
) -> Iterator[list[Prepared] | Failure]:
    """``items``, calling ``progress(done, total)`` as each file is read (not only once a batch is stored)."""
    for done, item in enumerate(items, 1):
        if done < total:
            progress(done, total)
        yield item


def _batches(items: Iterable[list[Prepared] | Failure]) -> Iterator[list[list[Prepared] | Failure]]:
    """``FIRST_BATCH_SIZE`` items, then ``BATCH_SIZE`` at a time."""
    batch: list[list[Prepared] | Failure] = []
    size = FIRST_BATCH_SIZE
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
            size = BATCH_SIZE
    if batch:
        yield batch


class Library(FeedsMixin):
    """A library file; ``Library()`` opens the user's own (honouring $TUIREADER_HOME)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else library_file()
        self._checkpoints: BackgroundCheckpoints | None = None  # during a large import
        self._connections = PerThread(self.path)
        # (data version, changes), names: replaced whole, so threads may share it
        self._sections: tuple[tuple[int, int], list[str]] | None = None

    # -- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        conn = self._connections.current()
        if conn is not None:
            with suppress(sqlite3.Error):
                conn.execute("PRAGMA optimize")
        self._connections.close()

    def release_thread(self) -> None:
        """Close the calling thread's connection (a thread that is about to end)."""
        self._connections.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """The calling thread's connection."""
        return self._connections.get()

    @contextmanager
    def _damage_as_error(self) -> Iterator[None]:
        """SQLite errors leave the library as one-line LibraryErrors naming the file."""
        try:
            yield
        except sqlite3.Error as exc:
            raise LibraryError(f"{self.path}: {exc}") from None

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several SELECTs."""
        with self._damage_as_error():
            conn = self.conn
            try:
                retry(lambda: conn.execute("BEGIN"))
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, waiting (with retries) for other writers."""
        with self._damage_as_error():
            conn = self.conn
            retry(lambda: conn.execute("BEGIN IMMEDIATE"))
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            retry(lambda: conn.execute("COMMIT"))

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._damage_as_error():
            conn = self.conn
            return retry(lambda: conn.execute(sql, tuple(params)).fetchall())

    # -- the article list ----------------------------------------------------

    def is_empty(self) -> bool:
        return not self._query("SELECT 1 FROM articles LIMIT 1")

    def count(self, view: str = "all", section: str | None = None, *, unread: bool = False) -> int:
        """How many articles the view holds (``unread`` narrows it as in ``select``)."""
        where, params = _where(view, self._section_spellings(section), unread=unread)
        return self._query(f"SELECT count(*) FROM articles WHERE {where}", params)[0][0]

    def summaries(
        self,
        view: str = "all",
        section: str | None = None,
        offset: int = 0,
        limit: int = 100,
        *,
        unread: bool = False,
    ) -> list[ArticleSummary]:
        """Newest first (unknown dates last, then by id, newest first); ``unread`` narrows any view."""
        where, params = _where(view, self._section_spellings(section), unread=unread)
        rows = self._query(
            f"SELECT {conv.SUMMARY_COLUMNS} FROM articles WHERE {where} "
            "ORDER BY sort_key DESC, id DESC LIMIT ? OFFSET ?",
            [*params, max(0, int(limit)), max(0, int(offset))],
        )
        return [conv.row_to_summary(r) for r in rows]

    def summary(self, article_id: int) -> ArticleSummary | None:
        if not _storable_id(article_id):
            return None
        rows = self._query(f"SELECT {conv.SUMMARY_COLUMNS} FROM articles WHERE id = ?", [article_id])
        return conv.row_to_summary(rows[0]) if rows else None

    def index_of(
        self, article_id: int, view: str = "all", section: str | None = None, *, or_next: bool = False
    ) -> int | None:
        """The article's row in that view; ``or_next``: for a stored article the view leaves out, the row after it."""
        if not _storable_id(article_id):
            return None
        where, params = _where(view, self._section_spellings(section))
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT sort_key FROM articles WHERE id = ? AND {where}", [article_id, *params]
            ).fetchone()
            if row is None and or_next:
                row = conn.execute("SELECT sort_key FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                return None
            (key,) = row
            return conn.execute(
                f"SELECT count(*) FROM articles WHERE {where} AND (sort_key, id) > (?, ?)",
                [*params, key, article_id],
            ).fetchone()[0]

    def sections(self) -> list[str]:
        """Every section name stored, sorted (cached until the library changes)."""
        with self._damage_as_error():
            conn = self.conn
            version = (retry(lambda: conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
            if self._sections is None or self._sections[0] != version:
                rows = self._query("SELECT DISTINCT section FROM articles WHERE section IS NOT NULL AND section != ''")
                self._sections = (version, sorted((r[0] for r in rows), key=lambda s: (s.casefold(), s)))
            return list(self._sections[1])

    def _section_spellings(self, section: str | None) -> list[str] | None:
        """The stored names equal to ``section`` but for case and spacing ("politik" → ["Politik"])."""
        if section is None:
            return None
        key = conv.title_key(section)
        return [section, *(s for s in self.sections() if s != section and conv.title_key(s) == key)]

    # -- one article ---------------------------------------------------------

    def get(self, article_id: int) -> Article | None:
        """The full article with its teasers (linked to stored articles by title), or None."""
        if not _storable_id(article_id):
            return None
        with self._reading() as conn:
            row = conn.execute(f"SELECT {conv.ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                return None
            teasers = self._linked_teasers(conn, article_id)
            path_row = conn.execute(
                "SELECT path FROM files WHERE article_id = ? ORDER BY id DESC LIMIT 1", [article_id]
            ).fetchone()
        return conv.row_to_article(row, teasers, path_row[0] if path_row else None)

    @staticmethod
    def _linked_teasers(conn: sqlite3.Connection, article_id: int) -> list[Teaser]:
        """Teasers in page order, each with the id of the newest stored article of its title."""
        rows = conn.execute(
            "SELECT t.title, t.source, t.section, t.date, t.summary, t.sponsored, t.url, "
            "(SELECT a.id FROM articles a WHERE a.title_key = t.title_key AND a.id != t.article_id "
            "ORDER BY a.sort_key DESC, a.id DESC LIMIT 1) "
            "FROM teasers t WHERE t.article_id = ? ORDER BY t.position",
            [article_id],
        ).fetchall()
        return [conv.row_to_teaser(r[:-1], r[-1]) for r in rows]

    def require(self, article_id: int) -> Article:
        article = self.get(article_id)
        if article is None:
            raise ArticleNotFound(article_id)
        return article

    # -- search --------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """The best ``limit`` hits of ``search_page``; never raises for user input (no hits instead)."""
        try:
            return self.search_page(query, limit=limit).hits
        except BadQuery:
            return []

    def search_page(self, query: str, limit: int = 50, offset: int = 0) -> SearchResults:
        """Full-text search over title, lead and story: one page, best first, and the total count.

        An article whose title is the query comes first, then title matches
        weigh more than lead and story matches (bm25 column weights). When
        the words as typed find nothing, the last word is tried as the start
        of longer words. BadQuery (a one-line reason) for a query too long or
        with nothing to search for.
        """
        occurs = cache(self._occurs)  # both tries ask about the same spellings
        fts = build_fts_query(query, occurs=occurs)
        results = self._run_search(query, fts, limit, offset)
        if results.total == 0:
            completed = build_fts_query(query, prefix_last=True, occurs=occurs)
            if completed != fts:
                results = self._run_search(query, completed, limit, offset)
                return replace(results, completed_last_word=results.total > 0)
        return results

    def _occurs(self, phrase: str) -> bool:
        """Whether the full-text index holds ``phrase`` (one FTS5 phrase, maybe a prefix) at all."""
        with self._damage_as_error():
            conn = self.conn
            try:
                found = retry(
                    lambda: conn.execute(
                        "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", [phrase]
                    ).fetchone()
                )
            except sqlite3.OperationalError as exc:
                if is_busy(exc):
                    raise
                return True  # the search itself will say what is wrong with it
            return found is not None

    def _run_search(self, query: str, fts: str, limit: int, offset: int) -> SearchResults:
        with self._damage_as_error():
            for expression in (fts, plain_words_query(query)):
                if not expression:
                    break
                try:
                    return retry(partial(self._search, query, expression, limit, offset))
                except sqlite3.OperationalError as exc:
                    if is_busy(exc):
                        raise
        return SearchResults([], 0, offset)

    def _search(self, query: str, fts: str, limit: int, offset: int) -> SearchResults:
        """Rank by bm25 (ids only, cheap), then fetch snippets for the page of hits."""
        conn = self.conn
        limit, offset = max(0, int(limit)), max(0, int(offset))
        total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [fts]).fetchone()[0]
        if limit == 0 or total <= offset:
            return SearchResults([], total, offset)
        # Ranking costs a few microseconds per match: a query matching very many
        # articles ranks only the newest RANK_ALL_UP_TO of them and the newest
        # RANK_OLDER_TITLES_UP_TO older title matches; an article titled as the
        # query comes first. The other matches follow unranked, newest first.
        score = f"bm25(articles_fts, {BM25_WEIGHTS})"
        floor = 0
        # Older matches with the query in the title, ranked by their title's
        # score (the column filter leaves lead and story out).
        titled = f"{{title}} : ({fts})"
        older: dict[int, float] = {}
        if total > RANK_ALL_UP_TO:
            floor = conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                [fts, RANK_ALL_UP_TO - 1],
            ).fetchone()[0]
            older = dict(
                conn.execute(
                    f"SELECT rowid, {score} FROM articles_fts "
                    "WHERE articles_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?",
                    [titled, floor, RANK_OLDER_TITLES_UP_TO],
                ).fetchall()
            )
        exact = {r[0] for r in conn.execute("SELECT id FROM articles WHERE title_key = ?", [conv.title_key(query)])}
        for i in exact:
            if i < floor and i not in older:  # rare: an old article titled as the query, behind newer title matches
                row = conn.execute(
                    f"SELECT {score} FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? AND rowid <= ?",
                    [fts, i, i],
                ).fetchone()
                if row is not None:
                    older[i] = row[0]
        exact_list = ",".join(str(int(i)) for i in exact)
        newer = conn.execute(
            f"SELECT rowid, {score} AS score FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? "
            f"ORDER BY rowid IN ({exact_list}) DESC, score LIMIT ?",
            [fts, floor, offset + limit],
        ).fetchall()
        candidates = [*newer, *older.items()]
        ranked = sorted(candidates, key=lambda r: (r[0] not in exact, r[1]))[offset : offset + limit]
        ranked_count = min(total, RANK_ALL_UP_TO) + len(older)
        if len(ranked) < limit and total > ranked_count:
            # Past the ranked matches: the others, newest first, unranked.
            older_list = ",".join(str(int(i)) for i in older)
            ranked += conn.execute(
                "SELECT rowid, 0.0 FROM articles_fts WHERE articles_fts MATCH ? AND rowid < ? "
                f"AND +rowid NOT IN ({older_list}) ORDER BY rowid DESC LIMIT ? OFFSET ?",
                [fts, floor, limit - len(ranked), max(0, offset - ranked_count)],
            ).fetchall()
        if not ranked:
            return SearchResults([], total, offset)
        ids = [r[0] for r in ranked]
        id_list = ",".join(str(int(i)) for i in ids)
        snippets: dict[int, str] = {}
        # The story's opening for an older title match; the best passage for the others.
        for expression, column, part in (
            (titled, 2, [i for i in ids if i in older]),
            (fts, -1, [i for i in ids if i not in older]),
        ):
            if part:
                # "+rowid": filter while scanning the matches, instead of one full-text lookup per id.
                snippets.update(
                    conn.execute(
                        f"SELECT rowid, snippet(articles_fts, {column}, '[[', ']]', '…', 16) FROM articles_fts "
                        f"WHERE articles_fts MATCH ? AND rowid >= ? AND +rowid IN ({','.join(map(str, part))})",
                        [expression, min(part)],
                    ).fetchall()
                )
        info = {
            r[0]: r[1:]
            for r in conn.execute(f"SELECT id, title, section, published FROM articles WHERE id IN ({id_list})")
        }
        hits = [
            SearchHit(
                id=i,
                title=info[i][0],
                section=info[i][1],
                published=info[i][2],
                snippet=clean_snippet(snippets.get(i, "")),
                rank=score,
            )
            for i, score in ranked
            if i in info
        ]
        return SearchResults(hits, total, offset)

    # -- state ---------------------------------------------------------------

    def _update_state(self, article_id: int, sql: str, params: list[Any]) -> bool:
        if not _storable_id(article_id):
            return False
        with self._writing() as conn:
            return conn.execute(sql, [*params, article_id]).rowcount > 0

    # The setters return False (and change nothing) for an id that is not stored.

    def set_bookmark(self, article_id: int, on: bool, note: str | None = None) -> bool:
        """Bookmark (keeping an earlier note unless a new one is given) or unbookmark."""
        if on:
            return self._update_state(
                article_id,
                "UPDATE articles SET bookmarked = 1, bookmark_note = coalesce(?, bookmark_note), "
                "bookmarked_at = coalesce(bookmarked_at, ?) WHERE id = ?",
                [note, _now()],
            )
        return self._update_state(
            article_id,
            "UPDATE articles SET bookmarked = 0, bookmark_note = NULL, bookmarked_at = NULL WHERE id = ?",
            [],
        )

    def set_note(self, article_id: int, note: str | None) -> bool:
        """Set or clear (None, "") the note of a bookmark; an article not bookmarked is bookmarked."""
        return self._update_state(
            article_id,
            "UPDATE articles SET bookmarked = 1, bookmark_note = ?, "
            "bookmarked_at = coalesce(bookmarked_at, ?) WHERE id = ?",
            [note or None, _now()],
        )

    def set_read(self, article_id: int, on: bool) -> bool:
        return self._update_state(
            article_id,
            "UPDATE articles SET read = ?, read_at = ? WHERE id = ?",
            [1 if on else 0, _now() if on else None],
        )

    def get_position(self, article_id: int) -> float:
        if not _storable_id(article_id):
            return 0.0
        rows = self._query("SELECT position FROM articles WHERE id = ?", [article_id])
        return float(rows[0][0]) if rows else 0.0

    def set_position(self, article_id: int, value: float) -> bool:
        value = float(value)
        if not math.isfinite(value) or value < 0:
            value = 0.0
        return self._update_state(article_id, "UPDATE articles SET position = ? WHERE id = ?", [value])

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._query("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str | None) -> None:
        with self._writing() as conn:
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                conn.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, str(value)],
                )

    def remove(self, article_id: int) -> bool:
        """Delete an article with its teasers and stored files; False if there was none."""
        if not _storable_id(article_id):
            return False
        with self._writing() as conn:
            return conn.execute("DELETE FROM articles WHERE id = ?", [article_id]).rowcount > 0

    # -- import --------------------------------------------------------------

    def add(self, article: Article, raw: bytes) -> tuple[int, str]:
        """Store one parsed article and the bytes it was parsed from.

        Returns ``(id, status)``: "imported" (new), "updated" (a new copy of a
        stored article whose teasers or details changed: the newest copy wins),
        or "unchanged".
        """
        prepared = Prepared.of(article.path or "", article, raw)
        with self._writing() as conn:
            writer = ArticleWriter(conn)
            result = writer.store(prepared)
            writer.finish()
            return result

    def import_paths(
        self,
        paths: Iterable[str | Path],
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Import files, directories (recursively) and globs; one bad file never stops the rest.

        Files are parsed (in worker processes for large imports) and stored in
        batches: one short transaction per batch, in which an article that
        cannot be stored is undone alone (ArticleWriter.store_batch), so a
        failure never leaves half an article and other processes get turns.
        """
        report = ImportReport()
        files: list[str] = []
        for item in expand_paths(paths):
            if isinstance(item, Failure):
                item.add_to(report)
            else:
                files.append(item)
        total = len(files)
        if progress:
            progress(0, total)
        parsed = prepare_many(files, ahead=READ_AHEAD)
        with self._bulk(total >= BULK_MIN_FILES):
            for batch in _batches(_counted(parsed, total, progress) if progress else parsed):
                self._import_batch(batch, report)
        if progress:
            progress(total, total)
        return report

    @contextmanager
    def _bulk(self, on: bool) -> Iterator[None]:
        """For large imports, checkpoint the WAL on a thread of its own (copying pages is most of a commit's cost)."""
        if not on:
            yield
            return
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._checkpoints = BackgroundCheckpoints(self.path)
        try:
            yield
        finally:
            self._checkpoints.close()
            self._checkpoints = None
            self.conn.execute("PRAGMA wal_autocheckpoint = 1000")
            with suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def import_prepared(self, items: Iterable[list[Prepared] | Failure]) -> ImportReport:
        """Store already parsed files (one transaction per batch)."""
        report = ImportReport()
        for batch in _batches(items):
            self._import_batch(batch, report)
        return report

    def _import_batch(self, batch: list[list[Prepared] | Failure], report: ImportReport) -> None:
        checkpoints = self._checkpoints
        if checkpoints is not None:
            checkpoints.before_write()
        with self._writing() as conn:
            ArticleWriter(conn).store_batch(batch, report)
        if checkpoints is not None:
            checkpoints.after_commit()

    # -- stored originals ----------------------------------------------------

    def originals(self, article_id: int) -> list[tuple[str | None, bytes]]:
        """The stored files of an article, oldest import first: ``(path, bytes)``."""
        rows = self._query("SELECT path, content FROM files WHERE article_id = ? ORDER BY id", [article_id])
        return [(path, unpack(content)) for path, content in rows]

    def article_ids(self, view: str = "all") -> list[int]:
        """Every id in list order (newest first)."""
        where, params = _where(view, None)
        return [
            r[0] for r in self._query(f"SELECT id FROM articles WHERE {where} ORDER BY sort_key DESC, id DESC", params)
        ]

    def urls(self, article_ids: Iterable[int]) -> dict[int, str]:
        """The web addresses of these articles (those that have one)."""
        found: dict[int, str] = {}
        ids = [i for i in article_ids if _storable_id(i)]
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows = self._query(f"SELECT id, json_extract(extra, '$.url') FROM articles WHERE id IN ({marks})", part)
            found.update({i: url for i, url in rows if isinstance(url, str) and url})
        return found

    def ids_by_url(self, urls: Iterable[str]) -> dict[str, int]:
        """The stored articles with these web addresses (the newest, when several share one)."""
        wanted = sorted({u for u in urls if u})[:500]
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        rows = self._query(
            f"SELECT json_extract(extra, '$.url'), id FROM articles WHERE json_extract(extra, '$.url') IN ({marks}) "
            "ORDER BY sort_key, id",
            wanted,
        )
        return {url: article_id for url, article_id in rows}

    def bookmarked_at(self, article_id: int) -> str | None:
        rows = self._query("SELECT bookmarked_at FROM articles WHERE id = ?", [article_id])
        return rows[0][0] if rows else None

    def reparse(self, progress: Callable[[int, int], None] | None = None) -> ReparseReport:
        """Rebuild every article from its stored files with the current parser (one transaction)."""
        with self._writing() as conn:
            return reparse_all(conn, progress)

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap "did anything change?".

        Per connection, so per thread: a thread that writes nothing itself (or
        whose own commits should not count) sees only the others' changes.
        """
        return self._query("PRAGMA data_version")[0][0]

    # -- the list as the reader browses it (tuireader.library.listing) --------

    def _listing_where(self, listing: Listing) -> tuple[str, list[Any]]:
        return listing_sql.where(listing, self._section_spellings(listing.section))

    def listing_count(self, listing: Listing) -> int:
        where, params = self._listing_where(listing)
        return self._query(f"SELECT count(*) FROM articles WHERE {where}", params)[0][0]

    def listing_rows(self, listing: Listing, offset: int = 0, limit: int = 100) -> list[ArticleSummary]:
        where, params = self._listing_where(listing)
        rows = self._query(
            f"SELECT {conv.SUMMARY_COLUMNS} FROM articles WHERE {where} {listing_sql.order(listing)} LIMIT ? OFFSET ?",
            [*params, max(0, int(limit)), max(0, int(offset))],
        )
        return [conv.row_to_summary(r) for r in rows]

    def listing_index(self, listing: Listing, article_id: int, *, or_next: bool = False) -> int | None:
        """The article's row in the listing; ``or_next``: for a stored article it leaves out, the row after it."""
        if not _storable_id(article_id):
            return None
        where, params = self._listing_where(listing)
        keys = f"{listing_sql.SOURCE_KEY}, sort_key"
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {keys} FROM articles WHERE id = ? AND {where}", [article_id, *params]
            ).fetchone()
            if row is None and or_next:
                row = conn.execute(f"SELECT {keys} FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                return None
            # One count a range of the order index (an OR of ranges would scan).
            return sum(
                conn.execute(
                    f"SELECT count(*) FROM articles WHERE {where} AND {condition}", [*params, *keys]
                ).fetchone()[0]
                for condition, keys in listing_sql.before(listing, row[0], row[1], article_id)
            )

    def listing_next_unread(self, listing: Listing, after_id: int | None) -> int | None:
        """The first unread article listed after ``after_id`` (from the top when None); None: none after it."""
        where, params = self._listing_where(listing.but(hide_read=True))
        with self._reading() as conn:
            row = None
            if after_id is not None and _storable_id(after_id):
                row = conn.execute(
                    f"SELECT {listing_sql.SOURCE_KEY}, sort_key FROM articles WHERE id = ?", [after_id]
                ).fetchone()
            if row is not None:
                where += f" AND {listing_sql.after(listing)}"
                params += listing_sql.after_params(listing, row[0], row[1], after_id or 0)
            found = conn.execute(
                f"SELECT id FROM articles WHERE {where} {listing_sql.order(listing)} LIMIT 1", params
            ).fetchone()
            return found[0] if found else None

    def listing_facets(self, kind: str, listing: Listing) -> list[tuple[str, int]]:
        """Sections (``kind`` "section", tag soup left out) or sources in the listing, with their counts.

        Counted in the listing without its own filter of that kind (the source
        picker counts every source of the section shown, and the other way round).
        """
        if kind not in ("section", "source"):
            raise ValueError(f"unknown facet {kind!r}")
        where, params = self._listing_where(listing.but(**{kind: None}))
        # Grouped and named as an index holds them (for sources: one stored spelling of each, case aside).
        group = listing_sql.SOURCE_KEY if kind == "source" else "section"
        rows = self._query(f"SELECT {group}, count(*) FROM articles WHERE {where} GROUP BY {group}", params)
        return listing_sql.facet_counts(rows, sections=kind == "section")

    def mark_listing_read(self, listing: Listing) -> int:
        """Mark every unread article of the listing read (one transaction); how many were."""
        where, params = self._listing_where(listing.but(hide_read=True))
        with self._writing() as conn:
            return conn.execute(f"UPDATE articles SET read = 1, read_at = ? WHERE {where}", [_now(), *params]).rowcount
