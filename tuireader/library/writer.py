"""Writing parsed articles into the library, inside one write transaction.

The rules of identity live here: the same original bytes are stored once
("unchanged"); a new copy of a stored article (same title, published time and
story) replaces its details and teasers ("updated": the copy imported last
wins); anything else is a new article ("imported"). New articles enter the
full-text index when the writer finishes (one INSERT ... SELECT a batch).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from tuireader.ingest import PARSER_VERSION
from tuireader.library import converters as conv
from tuireader.library import site_furniture
from tuireader.library.compression import unpack
from tuireader.library.importer import Failure, ImportReport, Prepared, prepare_bytes
from tuireader.library.schema import index_new_articles, max_article_id
from tuireader.model import Article, Teaser

# What can go wrong with one article's data; it fails that article only.
ARTICLE_ERRORS = (sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError, TypeError, OverflowError)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def stored_teasers(conn: sqlite3.Connection, article_id: int) -> list[Teaser]:
    rows = conn.execute(
        f"SELECT {conv.TEASER_COLUMNS} FROM teasers WHERE article_id = ? ORDER BY position", [article_id]
    ).fetchall()
    return [conv.row_to_teaser(r, None) for r in rows]


def write_teasers(conn: sqlite3.Connection, article_id: int, teasers: list[Teaser]) -> None:
    write_teaser_rows(conn, article_id, [conv.teaser_values(i, t) for i, t in enumerate(teasers)])


def write_teaser_rows(conn: sqlite3.Connection, article_id: int, rows: list[tuple[object, ...]]) -> None:
    """Store an article's teasers given as ``converters.teaser_values``."""
    conn.executemany(
        "INSERT INTO teasers (article_id, position, title, title_key, source, section, date, summary, "
        "sponsored, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, *row) for row in rows],
    )


class ArticleWriter:
    """Stores prepared articles on ``conn``, which must be in a write transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.stamp = now()  # imported_at / updated_at of what this writer stores
        self.older_parser: set[int] = set()  # ids found unchanged whose file an earlier parser read
        self._fts_floor = max_article_id(conn)  # articles above this id are not indexed yet

    def finish(self) -> None:
        """Index the articles inserted so far (call before the transaction commits)."""
        index_new_articles(self.conn, self._fts_floor)
        self._fts_floor = max_article_id(self.conn)

    def store_batch(self, batch: list[list[Prepared] | Failure], report: ImportReport) -> None:
        """Store a batch; an article that cannot be stored fails alone.

        The batch is stored under one savepoint; if any article fails, that is
        undone and the batch stored again with a savepoint per article, so the
        failure undoes only its article. (A savepoint per article every time
        makes SQLite journal again the pages each article changes: storing
        takes about 40 % more CPU.)
        """
        conn = self.conn
        floor = self._fts_floor
        done = ImportReport()
        self.older_parser = set()
        conn.execute("SAVEPOINT batch")
        try:
            self._store_all(batch, done, alone=False)
        except ARTICLE_ERRORS:
            conn.execute("ROLLBACK TO batch")
            self._fts_floor = floor
            done = ImportReport()
            self.older_parser = set()
            self._store_all(batch, done, alone=True)
        conn.execute("RELEASE batch")
        self.finish()
        done.older_parser = sorted(self.older_parser)
        report.merge(done)

    def _store_all(self, batch: list[list[Prepared] | Failure], report: ImportReport, *, alone: bool) -> None:
        conn = self.conn
        for item in batch:
            if isinstance(item, Failure):
                item.add_to(report)
                continue
            for prepared in item:
                if not alone:
                    article_id, status = self.store(prepared)
                    report.record(prepared.path, status, article_id)
                    continue
                floor = self._fts_floor
                conn.execute("SAVEPOINT article")
                try:
                    article_id, status = self.store(prepared)
                except ARTICLE_ERRORS as exc:
                    conn.execute("ROLLBACK TO article")
                    conn.execute("RELEASE article")
                    self._fts_floor = floor
                    report.failed.append((prepared.path, f"cannot store: {exc}"))
                    continue
                conn.execute("RELEASE article")
                report.record(prepared.path, status, article_id)

    def _with_site_furniture(self, prepared: Prepared) -> Prepared:
        """A whole page whose site is already stored is read again, its site's repeated lines known."""
        known = site_furniture.known_furniture(self.conn, prepared.site_lines, prepared.article.url)
        return _reread(prepared, known) if known else prepared

    def store(self, prepared: Prepared) -> tuple[int, str]:
        """``(id, "imported" | "updated" | "unchanged")`` for one prepared article."""
        conn = self.conn
        row = conn.execute(
            "SELECT article_id, parser_version FROM files WHERE sha256 = ?", [prepared.sha256]
        ).fetchone()
        if row is not None:
            if row[1] < PARSER_VERSION:
                self.older_parser.add(row[0])
            return row[0], "unchanged"
        if prepared.site_lines:
            prepared = self._with_site_furniture(prepared)
        article = prepared.article
        values = prepared.values
        stamp = self.stamp
        existing = conn.execute(
            "SELECT id, title, section, lead, body, published, source, extra FROM articles WHERE dedup_key = ?",
            [prepared.key],
        ).fetchone()
        if existing is None:
            cols = [*values, "dedup_key", "parser_version", "imported_at", "updated_at"]
            cur = conn.execute(
                f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [*values.values(), prepared.key, PARSER_VERSION, stamp, stamp],
            )
            article_id = int(cur.lastrowid or 0)
            write_teaser_rows(conn, article_id, prepared.teaser_rows)
            status = "imported"
        else:
            article_id = existing[0]
            new = tuple(values[c] for c in ("title", "section", "lead", "body", "published", "source"))
            if existing[1:7] == new and conv.same_content(existing[7], stored_teasers(conn, article_id), article):
                status = "unchanged"
            else:
                if article_id > self._fts_floor:
                    self.finish()  # the update trigger removes the old text from the index
                sets = ", ".join(f"{c} = ?" for c in values)
                conn.execute(
                    f"UPDATE articles SET {sets}, parser_version = ?, updated_at = ? WHERE id = ?",
                    [*values.values(), PARSER_VERSION, stamp, article_id],
                )
                conn.execute("DELETE FROM teasers WHERE article_id = ?", [article_id])
                write_teaser_rows(conn, article_id, prepared.teaser_rows)
                status = "updated"
        if apply_imported_state(conn, article_id, article) and status == "unchanged":
            status = "updated"
        conn.execute(
            "INSERT INTO files (sha256, article_id, path, format, parser_version, content, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                prepared.sha256,
                article_id,
                prepared.abspath,
                article.format,
                PARSER_VERSION,
                prepared.content,
                stamp,
            ],
        )
        site_furniture.learn(conn, prepared.site_lines, article.url)
        return article_id, status


def _reread(prepared: Prepared, furniture: frozenset[int]) -> Prepared:
    """The page read again with its site's furniture known (a failure keeps the first reading)."""
    result = prepare_bytes(unpack(prepared.content), prepared.path, furniture)
    if isinstance(result, Failure) or len(result) != 1:
        return prepared
    again = result[0]
    again.abspath = prepared.abspath
    return again


def apply_imported_state(conn: sqlite3.Connection, article_id: int, article: Article) -> bool:
    """Bookmarks and read marks carried by an export are added, never taken away."""
    changed = False
    if article.bookmarked:
        cur = conn.execute(
            "UPDATE articles SET bookmarked = 1, bookmark_note = coalesce(bookmark_note, ?), "
            "bookmarked_at = coalesce(bookmarked_at, ?) "
            "WHERE id = ? AND (NOT bookmarked OR (bookmark_note IS NULL AND ? IS NOT NULL))",
            [article.bookmark_note, now(), article_id, article.bookmark_note],
        )
        changed |= cur.rowcount > 0
    if article.read:
        cur = conn.execute("UPDATE articles SET read = 1, read_at = ? WHERE id = ? AND NOT read", [now(), article_id])
        changed |= cur.rowcount > 0
    return changed
