"""From paths on disk to parsed articles ready to store: no database here.

``expand_paths`` turns the user's arguments (files, directories, globs) into
files; ``prepare_file`` reads and parses one file into zero or more
``Prepared`` articles (our JSON export holds many) or a failure reason.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.ingest import IngestError, read_file
from tuireader.ingest.decode import NotTextError, decode
from tuireader.ingest.fields import check_dates
from tuireader.ingest.filekind import not_news
from tuireader.library import converters as conv
from tuireader.library.compression import pack
from tuireader.logs import quiet_parser_logs
from tuireader.model import Article
from tuireader.sanitize import dumps_json

# Imports this large parse in worker processes while the importer writes.
PARALLEL_MIN_FILES = 1000
CHUNK = 100  # files per worker task
WORKER_NICENESS = 5

_GLOB_CHARS = set("*?[")


@dataclass
class ImportReport:
    """What an import did, file by file: ``(path, article id)`` or ``(path, reason)``."""

    imported: list[tuple[str, int]] = field(default_factory=list)
    updated: list[tuple[str, int]] = field(default_factory=list)
    unchanged: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Files and folders passed over on purpose (not news pages, link loops, not regular files): (path, reason).
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # Unchanged articles whose stored files an earlier parser version read (`tuireader reparse` rereads them).
    older_parser: list[int] = field(default_factory=list)

    def record(self, path: str, status: str, value: int | str) -> None:
        getattr(self, status).append((path, value))

    def merge(self, other: ImportReport) -> None:
        for name in ("imported", "updated", "unchanged", "failed", "skipped", "older_parser"):
            getattr(self, name).extend(getattr(other, name))

    @property
    def read_by_earlier_parser(self) -> list[int]:
        """``older_parser`` without repeats (an article may be met in several batches)."""
        return sorted(set(self.older_parser))

    @property
    def ok(self) -> bool:
        return not self.failed

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in ("imported", "updated", "unchanged", "failed")}


@dataclass
class Prepared:
    """One parsed article, ready to store: identity computed, original bytes compressed.

    Everything costly happens here, down to the column values, so it can run
    in worker processes while the importing process only writes to the database.
    """

    path: str
    article: Article
    sha256: str  # of the original bytes: the same file is never stored twice
    content: bytes  # the original bytes, compressed (compression.pack), for reparse
    key: str  # converters.dedup_key: the same article from another crawl
    values: dict[str, object]  # converters.article_values
    teaser_rows: list[tuple[object, ...]]  # converters.teaser_values without the article id
    abspath: str | None  # where the file was read from, as stored
    # Hashes of a whole page's lines, from which the library learns its site's furniture (site_furniture.py).
    site_lines: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, path: str, article: Article, raw: bytes, site_lines: list[int] | None = None) -> Prepared:
        check_dates(article)  # a date field holds a date, whatever the file said
        path = storable_path(path)
        article.path = storable_path(article.path) if article.path else article.path
        return cls(
            path,
            article,
            sha256(raw),
            pack(raw),
            conv.dedup_key(article),
            conv.article_values(article),
            [conv.teaser_values(i, t) for i, t in enumerate(article.related)],
            os.path.abspath(path) if path else None,
            site_lines or [],
        )


@dataclass
class Failure:
    path: str
    reason: str
    skipped: bool = False  # passed over on purpose (reported apart from the files that failed)

    def add_to(self, report: ImportReport) -> None:
        (report.skipped if self.skipped else report.failed).append((storable_path(self.path), self.reason))


def storable_path(path: str) -> str:
    """A path as text that can be stored and printed: undecodable name bytes as ``\\xNN``."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str | Failure]:
    """Files to import, in a stable order; a Failure for an argument that names nothing.

    Directories are walked recursively (hidden files and folders skipped). Each
    real directory is read once (by device and inode), so links back into a
    folder cannot make the walk endless: each such link is reported once,
    as skipped. A folder that cannot be read is a failure; what is not a
    regular file (a FIFO, a socket, a device) is skipped. An argument that
    does not exist but contains ``*?[`` is a glob.
    """
    seen: set[str] = set()
    walk = _Walk()

    def emit(p: Path, key: str | None = None) -> Iterator[str]:
        key = key or str(p.resolve())
        if key not in seen:
            seen.add(key)
            yield str(p)

    def walk_dir(p: Path) -> Iterator[str | Failure]:
        for item in walk.files(p):
            if isinstance(item, Failure):
                yield item
            else:
                yield from emit(*item)

    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            yield from walk_dir(p)
        elif p.is_file():
            yield from emit(p)
        elif p.exists():
            yield Failure(str(arg), "not a regular file")
        elif _GLOB_CHARS & set(str(arg)):
            matches = sorted(glob.glob(str(arg), recursive=True))
            if not matches:
                yield Failure(str(arg), "no file matches this pattern")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    yield from walk_dir(mp)
                elif mp.is_file():
                    yield from emit(mp)
        else:
            yield Failure(str(arg), "no such file or directory")


_Frame = tuple[Iterator[os.DirEntry[str]], Path, str, tuple[tuple[int, int], ...]]


class _Walk:
    """Files under directories in name order, each real directory read once (by device and inode).

    One directory listing per folder: entry types come with the listing, and a
    file's resolved path is its folder's plus its name unless it is a link.
    An explicit stack, not recursion: a tree of any depth is walked.
    """

    def __init__(self) -> None:
        self.visited: dict[tuple[int, int], str] = {}

    def files(self, root: Path) -> list[tuple[Path, str] | Failure]:
        out: list[tuple[Path, str] | Failure] = []
        frames: list[_Frame] = []
        self._enter(root, str(root.resolve()), (), out, frames)
        while frames:
            entries, folder, real, inside = frames[-1]
            entry = next(entries, None)
            if entry is None:
                frames.pop()
                continue
            path = folder / entry.name
            try:
                link = entry.is_symlink()
                resolved = str(path.resolve()) if link else os.path.join(real, entry.name)
                if entry.is_dir():
                    self._enter(path, resolved, inside, out, frames)
                elif entry.is_file():
                    out.append((path, resolved))
                elif link and not os.path.exists(path):
                    out.append(Failure(str(path), "broken link", skipped=True))
                else:
                    out.append(Failure(str(path), "not a regular file (a FIFO, socket or device)", skipped=True))
            except OSError as exc:
                out.append(Failure(str(path), f"cannot read: {exc.strerror or exc}"))
        return out

    def _enter(
        self,
        folder: Path,
        real: str,
        ancestors: tuple[tuple[int, int], ...],
        out: list[tuple[Path, str] | Failure],
        frames: list[_Frame],
    ) -> None:
        try:
            st = os.stat(folder)
        except OSError as exc:
            out.append(Failure(str(folder), f"cannot read directory: {exc.strerror or exc}"))
            return
        key = (st.st_dev, st.st_ino)
        if key in self.visited:
            reason = "link loop" if key in ancestors else "folder already read"
            out.append(Failure(str(folder), f"{reason} (same folder as {self.visited[key]})", skipped=True))
            return
        self.visited[key] = str(folder)
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            out.append(Failure(str(folder), f"cannot read directory: {exc.strerror or exc}"))
            return
        frames.append((iter(entries), folder, real, (*ancestors, key)))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def prepare_bytes(data: bytes, path: str, furniture: Collection[int] = ()) -> list[Prepared] | Failure:
    """Parse one file's bytes. Never raises: a parser bug is one failed file, not a stopped import.

    ``furniture``: what the library knows of the page's site (see site_furniture.py).
    """
    from tuireader.ingest import detect_format, parse_text
    from tuireader.ingest.textformat import site_lines

    try:
        text = decode(data)
    except NotTextError as exc:
        return Failure(path, str(exc))
    try:
        fmt = detect_format(text)
        if fmt in ("json", "markdown"):
            return _prepare_export(text, path, fmt, data)
        if fmt == "crawl":
            reason = not_news(text)
            if reason:
                return Failure(path, reason, skipped=True)
        article = parse_text(text, path, fmt, furniture)
        # Only whole pages (the reader sets their furniture aside) teach the library a site's furniture.
        lines = site_lines(text) if article.format == "crawl" and article.furniture else None
    except Exception as exc:
        return Failure(path, f"cannot parse: {type(exc).__name__}: {exc}".splitlines()[0])
    problem = _problem(article)
    if problem:
        return Failure(path, problem)
    return [Prepared.of(path, article, data, lines)]


def _prepare_export(text: str, path: str, fmt: str, data: bytes) -> list[Prepared] | Failure:
    """Our own exports: every article as it was stored, an untitled one too."""
    from tuireader.ingest import exportformat

    try:
        articles = exportformat.parse_all(text)
    except ValueError as exc:
        return Failure(path, str(exc))
    if fmt == "markdown":
        articles[0].format = fmt
        articles[0].path = path
        return [Prepared.of(path, articles[0], data)]
    out: list[Prepared] = []
    for n, article in enumerate(articles, 1):
        article.format = "json"
        article.path = path
        # Each article keeps a self-contained export of itself, so reparse reads it alone.
        raw = dumps_json(exportformat.export_document([article])).encode("utf-8")
        out.append(Prepared.of(f"{path}#{n}" if len(articles) > 1 else path, article, raw))
    if not out:
        return Failure(path, "export holds no articles")
    return out


def _problem(article: Article) -> str | None:
    if not article.title.strip():
        return "no article found (no title)"
    return None


def prepare_file(path: str) -> list[Prepared] | Failure:
    try:
        data = read_file(path)
    except IngestError as exc:
        return Failure(path, _reason(str(exc), path))
    return prepare_bytes(data, path)


def _reason(message: str, path: str) -> str:
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


Result = list[Prepared] | Failure


def prepare_files(paths: list[str]) -> list[Result]:
    return [prepare_file(p) for p in paths]


def _workers() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return min(cpus, 4)


def _worker_start(parent: int) -> None:
    """In a worker: yield the CPU to the importing process, and leave when it is gone.

    The importing process writes every article in turn, so it sets the pace:
    at a lower priority, workers parse with the CPU time it leaves over.
    """
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    quiet_parser_logs()
    _exit_with_parent(parent)


def _exit_with_parent(parent: int) -> None:
    """In a worker: leave as soon as the importing process is gone (even killed with -9).

    A worker's parent is the importing process (fork) or the fork server, which
    itself ends when the importing process does: either way the parent changes.
    """
    started_under = os.getppid()

    def watch() -> None:
        while os.getppid() == started_under and _alive(parent):
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def worker_context() -> multiprocessing.context.BaseContext:
    """How to start parse workers: fork while this process has one thread, else a fork server.

    Forking a process that runs other threads (a reader app's workers, its
    writer) can copy a lock held by one of them into the child; a fork server
    (or spawn, where there is none) starts workers from a clean process.
    """
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def prepare_many(paths: list[str], *, parallel: bool | None = None, ahead: int = 0) -> Iterator[Result]:
    """Parse files in order; large imports use worker processes.

    Workers run at most ``ahead`` files (and at least two chunks each) ahead of
    the consumer, so they keep parsing while it stores a batch, and memory stays flat.
    They are started safely whatever threads this process runs (``worker_context``).
    """
    workers = _workers()
    if parallel is None:
        parallel = len(paths) >= PARALLEL_MIN_FILES and workers > 1
    if not parallel:
        for p in paths:
            yield prepare_file(p)
        return
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=worker_context(),
        initializer=_worker_start,
        initargs=(os.getpid(),),
    ) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for i in range(0, len(paths), CHUNK):
            pending.append(pool.submit(prepare_files, paths[i : i + CHUNK]))
            if len(pending) >= max(workers * 2, ahead // CHUNK):
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
