"""Rebuild every article from its stored original files with the current parser.

Bookmarks, notes, read marks and reading positions stay with the article. If
the improved parser now sees two stored articles as one (same title,
published time and story), they are merged (older id kept; bookmarked or read
if either was); if it tells apart files that were one article, the extra
article gets a new id and the same state. A file the parser now rejects keeps
its article as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from tuireader.ingest import PARSER_VERSION, detect_format
from tuireader.ingest.crawl_page import looks_like_whole_page, site_line_hashes
from tuireader.ingest.decode import NotTextError, decode
from tuireader.ingest.textformat import split_lines
from tuireader.library import converters as conv
from tuireader.library import site_furniture
from tuireader.library.compression import unpack
from tuireader.library.feeds import apply_feed_context, feed_context_for
from tuireader.library.importer import Failure, prepare_bytes
from tuireader.library.schema import index_new_articles
from tuireader.library.writer import now, stored_teasers, write_teasers
from tuireader.model import Article


@dataclass
class ReparseReport:
    files: int = 0
    articles: int = 0
    changed: int = 0
    merged: int = 0
    split: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Member:
    file_id: int
    article_id: int


def _parse_file(conn: sqlite3.Connection, file_id: int, furniture: Collection[int] = ()) -> Article | Failure:
    path, content = conn.execute("SELECT path, content FROM files WHERE id = ?", [file_id]).fetchone()
    name = path or f"file {file_id}"
    try:
        raw = unpack(content)
    except ValueError as exc:
        return Failure(name, str(exc))
    result = prepare_bytes(raw, name, furniture)
    if isinstance(result, Failure):
        return result
    # A stored JSON export holds exactly one article (the importer split it).
    article = result[0].article
    web = path and path.startswith(("http://", "https://"))
    context = feed_context_for(conn, [path, article.url]) if web else None
    if context is not None:  # a page fetched for a feed item
        apply_feed_context(article, context)
    return article


def reparse_all(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> ReparseReport:
    """Run inside one write transaction on ``conn``."""
    report = ReparseReport()
    total_files = conn.execute("SELECT count(*) FROM files").fetchone()[0]
    old_keys = dict(conn.execute("SELECT id, dedup_key FROM articles").fetchall())
    groups: dict[str, list[_Member]] = {}
    file_rows = conn.execute("SELECT id, article_id FROM files ORDER BY id").fetchall()
    furniture_of = _learn_sites(conn, [file_id for file_id, _ in file_rows])
    total = len(file_rows) * 2
    for done, (file_id, article_id) in enumerate(file_rows, 1):
        parsed = _parse_file(conn, file_id, furniture_of.get(file_id, ()))
        if isinstance(parsed, Failure):
            report.failed.append((parsed.path, parsed.reason))
        else:
            groups.setdefault(conv.dedup_key(parsed), []).append(_Member(file_id, article_id))
        if progress and done % 100 == 0:
            progress(done, total)
    report.files = total_files

    conn.execute("UPDATE articles SET dedup_key = 'reparse:' || id")
    claimed: set[int] = set()
    stamp = now()
    done = len(file_rows)
    for key, members in sorted(groups.items(), key=lambda kv: kv[1][0].file_id):
        candidates = sorted({m.article_id for m in members})
        survivor = next((a for a in candidates if a not in claimed), None)
        newest = members[-1].file_id  # the newest copy wins
        parsed = _parse_file(conn, newest, furniture_of.get(newest, ()))
        assert not isinstance(parsed, Failure)
        values = conv.article_values(parsed)
        if survivor is None:
            survivor = _insert_copy(conn, values, key, candidates[0], stamp)
            report.split += 1
        else:
            before = conn.execute(
                "SELECT title, section, lead, body, published, source, extra FROM articles WHERE id = ?", [survivor]
            ).fetchone()
            old_teasers = [t.to_dict() for t in stored_teasers(conn, survivor)]
            sets = ", ".join(f"{c} = ?" for c in values)
            conn.execute(
                f"UPDATE articles SET {sets}, dedup_key = ?, parser_version = ?, updated_at = ? WHERE id = ?",
                [*values.values(), key, PARSER_VERSION, stamp, survivor],
            )
            after = (
                values["title"],
                values["section"],
                values["lead"],
                values["body"],
                values["published"],
                values["source"],
                values["extra"],
            )
            if tuple(before) != after or old_teasers != [t.to_dict() for t in parsed.related]:
                report.changed += 1
        claimed.add(survivor)
        for other in candidates:
            if other != survivor:
                _merge_state(conn, survivor, other)
        conn.execute("DELETE FROM teasers WHERE article_id = ?", [survivor])
        write_teasers(conn, survivor, parsed.related)
        conn.executemany(
            "UPDATE files SET article_id = ?, format = ?, parser_version = ? WHERE id = ?",
            [(survivor, parsed.format, PARSER_VERSION, m.file_id) for m in members],
        )
        report.articles += 1
        done += len(members)
        if progress:
            progress(done, total)

    # Articles whose files all went to another article were merged into it.
    report.merged = conn.execute(
        "DELETE FROM articles WHERE dedup_key LIKE 'reparse:%' "
        "AND NOT EXISTS (SELECT 1 FROM files f WHERE f.article_id = articles.id)"
    ).rowcount
    # Articles kept as they were (their files no longer parse) get their old key back.
    for (article_id,) in conn.execute("SELECT id FROM articles WHERE dedup_key LIKE 'reparse:%'").fetchall():
        old = old_keys.get(article_id, f"kept:{article_id}")
        taken = conn.execute("SELECT 1 FROM articles WHERE dedup_key = ?", [old]).fetchone()
        conn.execute(
            "UPDATE articles SET dedup_key = ? WHERE id = ?", [f"{old}:{article_id}" if taken else old, article_id]
        )
        report.articles += 1
    if progress:
        progress(total, total)
    return report


def _learn_sites(conn: sqlite3.Connection, file_ids: list[int]) -> dict[int, frozenset[int]]:
    """Learn every site's furniture afresh from all stored whole pages; each page's known furniture.

    Every page is counted first, so a page imported early is read with what later pages of its
    site taught (the point of reparsing after importing more of a site).
    """
    conn.execute("DELETE FROM site_lines")
    pages: dict[int, tuple[str, list[int]]] = {}
    for file_id in file_ids:
        (content,) = conn.execute("SELECT content FROM files WHERE id = ?", [file_id]).fetchone()
        try:
            text = decode(unpack(content))
        except (ValueError, NotTextError):
            continue
        if detect_format(text) != "crawl":
            continue
        lines = split_lines(text)
        if not looks_like_whole_page(lines):
            continue
        hashes = site_line_hashes(lines)
        site = site_furniture.learn(conn, hashes)
        if site is not None:
            pages[file_id] = (site, hashes)
    return {file_id: site_furniture.furniture(conn, site, hashes) for file_id, (site, hashes) in pages.items()}


def _merge_state(conn: sqlite3.Connection, into: int, other: int) -> None:
    conn.execute(
        """
        UPDATE articles SET
            bookmarked = max(articles.bookmarked, o.bookmarked),
            bookmark_note = coalesce(articles.bookmark_note, o.bookmark_note),
            bookmarked_at = coalesce(articles.bookmarked_at, o.bookmarked_at),
            read = max(articles.read, o.read),
            read_at = coalesce(articles.read_at, o.read_at),
            position = max(articles.position, o.position)
        FROM (SELECT bookmarked, bookmark_note, bookmarked_at, read, read_at, position
              FROM articles WHERE id = ?) AS o
        WHERE articles.id = ?
        """,
        [other, into],
    )


def _insert_copy(conn: sqlite3.Connection, values: dict, key: str, state_from: int, stamp: str) -> int:
    cols = [*values, "dedup_key", "parser_version", "imported_at", "updated_at"]
    cur = conn.execute(
        f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [*values.values(), key, PARSER_VERSION, stamp, stamp],
    )
    new_id = int(cur.lastrowid or 0)
    index_new_articles(conn, new_id - 1)
    _merge_state(conn, new_id, state_from)
    return new_id
