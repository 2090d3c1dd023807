"""The library's SQLite schema and its forward migrations.

``PRAGMA user_version`` holds the schema version; ``MIGRATIONS[n]`` takes a
database from version ``n`` to ``n + 1``. A new database runs every migration
in turn, so the path from any earlier version is the same code that builds a
fresh one, and tests can stop at any version to check the upgrade.
"""

from __future__ import annotations

import sqlite3

# "TuiR": marks a database as ours, so a foreign SQLite file is never touched.
APPLICATION_ID = 0x54756952

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    dedup_key TEXT NOT NULL UNIQUE,   -- folded title + published + story
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,          -- folded title, to link teasers
    section TEXT,
    lead TEXT,
    body TEXT NOT NULL,
    published TEXT,
    sort_key TEXT NOT NULL,           -- published, '' when unknown: newest first
    source TEXT,
    extra TEXT NOT NULL,              -- the remaining Article fields as JSON
    format TEXT NOT NULL,
    parser_version INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    bookmarked INTEGER NOT NULL DEFAULT 0,
    bookmark_note TEXT,
    bookmarked_at TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    read_at TEXT
);
CREATE INDEX articles_title_key ON articles(title_key);
CREATE INDEX articles_newest ON articles(sort_key DESC, id DESC);

-- The stored files an article was read from, byte for byte (compressed: compression.py), for reparse.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path TEXT,
    format TEXT NOT NULL,
    parser_version INTEGER NOT NULL,
    content BLOB NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX files_article ON files(article_id);

CREATE TABLE teasers (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    source TEXT,
    section TEXT,
    date TEXT,
    summary TEXT,
    sponsored INTEGER NOT NULL DEFAULT 0,
    url TEXT,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX teasers_title_key ON teasers(title_key);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, lead, body,
    content='articles', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, lead, body)
    VALUES (new.id, new.title, coalesce(new.lead, ''), new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, body)
    VALUES ('delete', old.id, old.title, coalesce(old.lead, ''), old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, lead, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, body)
    VALUES ('delete', old.id, old.title, coalesce(old.lead, ''), old.body);
    INSERT INTO articles_fts(rowid, title, lead, body)
    VALUES (new.id, new.title, coalesce(new.lead, ''), new.body);
END;
"""

# v2: the reader's state (scroll position per article, settings), and list
# indexes that cover the article list, so deep pages read only the index.
_V2 = """
ALTER TABLE articles ADD COLUMN position REAL NOT NULL DEFAULT 0;
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
DROP INDEX articles_newest;
CREATE INDEX articles_list ON articles(
    sort_key DESC, id DESC, title, section, published, source, read, bookmarked
);
CREATE INDEX articles_section ON articles(section, sort_key DESC, id DESC);
CREATE INDEX articles_bookmarked ON articles(sort_key DESC, id DESC) WHERE bookmarked;
CREATE INDEX articles_unread ON articles(sort_key DESC, id DESC) WHERE NOT read;
"""

# v3: new articles enter the full-text index once per import batch (one
# INSERT ... SELECT, about twice as fast as a trigger per row); updates and
# deletes keep their triggers. Code that inserts articles calls
# ``index_new_articles``. A narrow order index makes counting the rows before
# an article (the list position of an id) read a third of the pages.
_V3 = """
DROP TRIGGER articles_fts_insert;
CREATE INDEX articles_order ON articles(sort_key DESC, id DESC);
"""

# v4: no query looks teasers up by title (a teaser finds its article through
# articles_title_key), and keeping that index cost eight scattered writes an
# article on import. The full-text index merges its segments 16 at a time
# instead of 4: at 100,000 articles indexing costs about a fifth less CPU, and
# searches are as fast.
_V4 = """
DROP INDEX teasers_title_key;
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
"""

# v5: each site's furniture (site_furniture.py): per site, how many of its stored whole-page
# crawls hold each line (a 64-bit hash of the line). A page finds its site by the lines it shares.
_V5 = """
CREATE TABLE site_lines (
    site TEXT NOT NULL,
    line_hash INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    PRIMARY KEY (site, line_hash)
) WITHOUT ROWID;
CREATE INDEX site_lines_hash ON site_lines(line_hash);
"""

# v6: feed subscriptions. ``feeds`` keeps each subscription with what polite
# fetching needs (validators for conditional GET, the next time it may be
# fetched, failures in a row for back-off); ``feed_items`` remembers every
# item seen (so a refresh fetches only new ones, and an article removed by the
# user does not come back) and the article it became. Articles are found by
# their web address, so the same story through two feeds (or already imported
# from a crawl) stays one article. ``robots`` keeps each site's robots.txt
# between refreshes.
# An article's web address as the index on it reads it: a row whose JSON is damaged has none
# (json_extract alone would make every write of such a row fail with "malformed JSON").
ARTICLE_URL_SQL = "(CASE WHEN json_valid(extra) THEN json_extract(extra, '$.url') END)"

_V6 = f"""
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,         -- fetched; a permanent redirect updates it
    subscribed_url TEXT NOT NULL,     -- as the user gave it
    name TEXT,                        -- the user's name for it (--name), else the feed's title
    title TEXT,                       -- the feed's own title
    site_url TEXT,
    section TEXT,
    etag TEXT,
    last_modified TEXT,
    added_at TEXT NOT NULL,
    fetched_at TEXT,                  -- last attempt
    ok_at TEXT,                       -- last success (200 or 304)
    next_at TEXT,                     -- not fetched before this (max-age, Expires, Retry-After, back-off)
    status TEXT NOT NULL DEFAULT 'new',
    error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    note TEXT
);
CREATE TABLE feed_items (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    url TEXT,                         -- the item's link (canonical form)
    title TEXT,                       -- the item as the feed told it: what a page
    published TEXT,                   -- that lacks them gets from the feed
    summary TEXT,                     -- (the summary as lead), at reparse too
    origin INTEGER NOT NULL DEFAULT 0,  -- 1: the article was read for this item (reparse takes its feed)
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;
CREATE INDEX feed_items_article ON feed_items(article_id);
CREATE INDEX feed_items_url ON feed_items(url);
CREATE INDEX articles_url ON articles{ARTICLE_URL_SQL};
-- robots.txt of the sites pages are fetched from, kept between refreshes
CREATE TABLE robots (
    site TEXT PRIMARY KEY,            -- scheme://host[:port]
    fetched_at TEXT NOT NULL,
    body TEXT                         -- NULL: the site has none (everything is allowed)
) WITHOUT ROWID;
"""


# v7: the reader lists by source (filtered to one, or sorted by it): an index on
# the source as the list compares it keeps counting, paging and finding a row
# fast at 100,000 articles (with the read mark, so hiding read articles needs
# no visit to the table).
_V7 = """
CREATE INDEX articles_source ON articles(coalesce(source, '') COLLATE NOCASE, sort_key DESC, id DESC, read);
"""


MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring ``conn`` from its version up to ``target``; each step is one transaction.

    Returns the version reached. ``conn`` must be in autocommit mode
    (``isolation_level=None``).
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= target:
                conn.execute("COMMIT")
                break
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            if version == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version


def _statements(script: str) -> list[str]:
    """Split a migration into statements (``executescript`` would commit on its own)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def index_new_articles(conn: sqlite3.Connection, after_id: int) -> None:
    """Add articles with an id above ``after_id`` to the full-text index (same transaction)."""
    conn.execute(
        "INSERT INTO articles_fts(rowid, title, lead, body) "
        "SELECT id, title, coalesce(lead, ''), body FROM articles WHERE id > ?",
        [after_id],
    )


def max_article_id(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
