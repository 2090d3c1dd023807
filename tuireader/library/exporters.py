"""Writing the library out: JSON (everything), markdown files, a browser bookmark file.

JSON and markdown are written by ``tuireader.ingest.exportformat`` and read
back by it on import, losslessly.
"""

from __future__ import annotations

import html
import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from tuireader import sanitize
from tuireader.ingest import exportformat
from tuireader.library.errors import LibraryError
from tuireader.library.store import Library
from tuireader.model import Article
from tuireader.paths import documents_dir
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
    fd, tmp = _new_temp(dest)
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
        copies = StoredCopies(lib, dest)
        fh.write(
            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
            '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n'
            "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n"
            "    <DT><H3>tuireader</H3>\n    <DL><p>\n"
        )
        for article in _articles(lib, bookmarked, report):
            href = _href(article)
            href = href if article.url else copies.href(article) or href
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


def _new_temp(dest: Path) -> tuple[int, str]:
    """A new temporary file next to ``dest``, with the permissions the umask gives new files (not 0600)."""
    for _ in range(100):
        tmp = dest.parent / f".{dest.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(tmp)
        except FileExistsError:
            continue
    raise FileExistsError(f"{dest.parent}: no free temporary file name")


class StoredCopies:
    """The stored originals of articles without a web address, copied next to a bookmark file.

    ``DEST.html`` gets a folder ``DEST-files/`` holding one copy an article, so
    the bookmarks point at the copy exported with them, not at the path an
    article was once imported from (which may be gone, or another machine's).
    """

    def __init__(self, lib: Library, dest: Path) -> None:
        self.lib = lib
        self.folder = dest.with_name(f"{dest.stem}-files")

    def href(self, article: Article) -> str | None:
        if article.id is None:
            return None
        originals = self.lib.originals(article.id)
        if not originals:
            return None
        path, raw = originals[-1]  # the copy imported last
        suffix = Path(path).suffix.lower() if path else ""
        suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ".txt"
        name = markdown_name(article).removesuffix(".md") + suffix
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / name
        with _atomic_bytes(target) as fh:
            fh.write(raw)
        return target.resolve().as_uri()


@contextmanager
def _atomic_bytes(dest: Path) -> Iterator[IO[bytes]]:
    fd, tmp = _new_temp(dest)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_HEADING = re.compile(r"^(#{1,4}) ", re.MULTILINE)


def reading_list_entry(article: Article, number: int) -> str:
    """One article of a reading list: a numbered heading, its details, the note, the lead and the story."""
    line = sanitize.clean_line
    title = line(article.title) or "(untitled)"
    details = " · ".join(x for x in (line(article.source), line(article.section), line(article.published)[:10]) if x)
    parts = [f"## {number}. {title}", ""]
    if details:
        parts += [f"*{details}*", ""]
    if article.url:
        parts += [f"<{line(article.url)}>", ""]
    if article.bookmark_note:
        parts += [f"> Note: {line(article.bookmark_note)}", ""]
    if article.lead:
        parts += [line(article.lead), ""]
    # The story's own headings go below the article's heading.
    body = _HEADING.sub(lambda m: "##" + m.group(1) + " ", sanitize.clean_block(article.body).strip())
    parts += [body, ""]
    return "\n".join(parts)


def export_reading_list(lib: Library, dest: Path, bookmarked: bool = False) -> ExportReport:
    """Articles (or the bookmarked ones) in one markdown file: front matter, contents, then each story."""
    if dest.is_dir():
        raise LibraryError(f"{dest}: is a directory (a reading list is one file)")
    report = ExportReport(str(dest), "reading-list")
    summaries = [s for s in map(lib.summary, lib.article_ids("bookmarks" if bookmarked else "all")) if s]
    title = "Bookmarks" if bookmarked else "Reading list"
    exported = datetime.now().isoformat(timespec="seconds")
    with _atomic_text(dest) as fh:
        fh.write(f"---\ntitle: {title}\narticles: {len(summaries)}\nexported: {exported}\n---\n\n# {title}\n\n")
        for number, summary in enumerate(summaries, 1):
            fh.write(f"{number}. {sanitize.clean_line(summary.title) or '(untitled)'}\n")
        for number, summary in enumerate(summaries, 1):
            article = lib.get(summary.id)
            if article is not None:
                fh.write("\n---\n\n" + reading_list_entry(article, number))
                report.written += 1
    report.files.append(str(dest))
    return report


# What a save path template may name ({date}-{title}.md); each a safe file name part.
SAVE_FIELDS = ("date", "title", "id", "source", "section")
DEFAULT_SAVE_NAME = "{date}-{title}.md"


def save_target(template: str | None, article: Article) -> Path:
    """Where ``s`` saves ``article``: the template filled with safe file name parts (a-z, 0-9, '-').

    No template: ``documents_dir()/{date}-{title}.md``; a relative one is taken
    inside ``documents_dir()``; ``~`` is the home directory.
    """
    published = article.published or ""
    values = {
        "date": published[:10] if _DATE_NAME.fullmatch(published[:10]) else "undated",
        "title": slug(article.title),
        "id": str(article.id if isinstance(article.id, int) else 0),
        "source": slug(article.source or "unknown"),
        "section": slug(article.section or "none"),
    }
    try:
        filled = (template or DEFAULT_SAVE_NAME).format_map(values)
    except (KeyError, ValueError, IndexError, AttributeError) as exc:
        raise LibraryError(f"save_path {template!r} cannot be filled in ({exc}); it may name {SAVE_FIELDS}") from None
    path = Path(filled).expanduser()
    return path if path.is_absolute() else documents_dir() / path


_DATE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")


def save_article(article: Article, template: str | None) -> Path:
    """Write ``article`` as markdown with front matter (as the md export) where the template says."""
    target = save_target(template, article)
    try:
        with _atomic_text(target) as fh:
            fh.write(exportformat.to_markdown(article))
    except OSError as exc:
        raise LibraryError(f"{target}: cannot save: {exc.strerror or exc}") from None
    return target
