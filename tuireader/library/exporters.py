"""Writing the library out: JSON (everything), markdown files, a browser bookmark file.

JSON and markdown are written by ``tuireader.ingest.exportformat`` and read
back by it on import, losslessly.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from tuireader.ingest import exportformat
from tuireader.library.errors import LibraryError
from tuireader.library.store import Library
from tuireader.model import Article
from tuireader.sanitize import clean_line, dumps_json

FORMATS = ("json", "md", "html")


@dataclass
class ExportReport:
    dest: str
    format: str
    written: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (id, reason)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (id, what the export could not keep)
    files: list[str] = field(default_factory=list)


def _articles(lib: Library, bookmarked: bool, report: ExportReport) -> Iterator[Article]:
    for article_id in lib.article_ids("bookmarks" if bookmarked else "all"):
        article = lib.get(article_id)
        if article is not None:
            if article.damaged:
                report.notes.append((article_id, f"{article.damaged}; exported what could be read"))
            yield article


@contextmanager
def _atomic_text(dest: Path) -> Iterator[IO[str]]:
    """Write to a temporary file next to ``dest`` and move it into place when done."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_json(lib: Library, dest: Path, bookmarked: bool = False) -> ExportReport:
    report = ExportReport(str(dest), "json")
    with _atomic_text(dest) as fh:
        fh.write(f'{{"{exportformat.MARKER}": {exportformat.VERSION}, "articles": [')
        for article in _articles(lib, bookmarked, report):
            fh.write(",\n" if report.written else "\n")
            fh.write(dumps_json(exportformat.article_record(article)))
            report.written += 1
        fh.write("\n]}\n")
    report.files.append(str(dest))
    return report


def slug(title: str, limit: int = 60) -> str:
    ascii_title = unicodedata.normalize("NFKD", title.replace("ß", "ss")).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return s[:limit].rstrip("-") or "article"


_NAME_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def markdown_name(article: Article) -> str:
    """A file name from a safe alphabet only (digits, a-z, '-', '.md'), at most ~90 characters.

    Nothing from the article reaches the name unchecked: the date only when it is
    one, the id only as a number, the title as a slug. It starts with a digit or
    "undated", so it is never hidden, a path, or a reserved name (CON, NUL, …).
    """
    published = article.published or ""
    date = published[:10] if _NAME_DATE.fullmatch(published[:10]) else "undated"
    number = str(article.id) if isinstance(article.id, int) and article.id >= 0 else "0"
    return f"{date}-{number}-{slug(article.title)}.md"


def _inside(dest: Path, name: str) -> Path:
    """``dest / name``, refusing any name that would lead out of ``dest``."""
    target = dest / name
    if "/" in name or "\\" in name or "\x00" in name or name in (".", "..") or target.parent != dest:
        raise LibraryError(f"{dest}: refusing to write {name!r} outside the export folder")
    return target


def export_markdown(lib: Library, dest: Path, bookmarked: bool = False) -> ExportReport:
    if dest.exists() and not dest.is_dir():
        raise LibraryError(f"{dest}: exists and is not a directory (markdown export writes one file per article)")
    report = ExportReport(str(dest), "md")
    dest.mkdir(parents=True, exist_ok=True)
    for article in _articles(lib, bookmarked, report):
        target = _inside(dest, markdown_name(article))
        with _atomic_text(target) as fh:
            fh.write(exportformat.to_markdown(article))
        report.written += 1
        report.files.append(str(target))
    return report


# Schemes a bookmark may carry: web addresses, and files for stored copies.
# (javascript:, data:, vbscript: and the like would run once imported into a browser.)
WEB_SCHEMES = ("http", "https")


def _href(article: Article) -> str | None:
    """The article's web address, else its stored file's; None for anything else."""
    url = (article.url or "").strip()
    if url:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme in WEB_SCHEMES and not _CONTROL_OR_SPACE.search(url):
            return url
    if article.path:
        try:
            p = Path(article.path)
            if p.is_absolute() or p.exists():
                return p.resolve().as_uri()
        except (OSError, ValueError):
            return None
    return None


_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _timestamp(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return str(int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()))
    except ValueError:
        return ""


def export_html(lib: Library, dest: Path, bookmarked: bool = False) -> ExportReport:
    """A Netscape bookmark file (what browsers import): one link per article with a URL or file."""
    report = ExportReport(str(dest), "html")

    def esc(text: str) -> str:
        """Text for a bookmark file: one line, no controls, every markup character escaped."""
        return html.escape(clean_line(text), quote=True)

    with _atomic_text(dest) as fh:
        fh.write(
            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
            '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n'
            "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n"
            "    <DT><H3>tuireader</H3>\n    <DL><p>\n"
        )
        for article in _articles(lib, bookmarked, report):
            href = _href(article)
            if href is None:
                why = "its URL is not a web address" if article.url else "no URL and no stored file path"
                report.skipped.append((article.id or 0, why))
                continue
            added = _timestamp(lib.bookmarked_at(article.id or 0))
            add_date = f' ADD_DATE="{added}"' if added else ""
            tags = f' TAGS="{esc(",".join(article.tags))}"' if article.tags else ""
            title = esc(article.title) or "(untitled)"
            fh.write(f'        <DT><A HREF="{html.escape(href, quote=True)}"{add_date}{tags}>{title}</A>\n')
            note = article.bookmark_note or article.lead
            if note:
                fh.write(f"        <DD>{esc(note)}\n")
            report.written += 1
        fh.write("    </DL><p>\n</DL><p>\n")
    report.files.append(str(dest))
    return report


EXPORTERS: dict[str, Callable[[Library, Path, bool], ExportReport]] = {
    "json": export_json,
    "md": export_markdown,
    "html": export_html,
}


def export(lib: Library, fmt: str, dest: str | Path, bookmarked: bool = False) -> ExportReport:
    if fmt not in EXPORTERS:
        raise LibraryError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    try:
        return EXPORTERS[fmt](lib, Path(dest), bookmarked)
    except OSError as exc:
        raise LibraryError(f"{dest}: cannot write export: {exc.strerror or exc}") from None
