"""From paths on disk to parsed articles ready to store: no database here.

``expand_paths`` turns the user's arguments (files, directories, globs) into
files; ``prepare_file`` reads and parses one file into zero or more
``Prepared`` articles (our JSON export holds many) or a failure reason.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.ingest import IngestError, read_file
from tuireader.ingest.decode import NotTextError, decode
from tuireader.model import Article

_GLOB_CHARS = set("*?[")


@dataclass
class ImportReport:
    """What an import did, file by file: ``(path, article id)`` or ``(path, reason)``."""

    imported: list[tuple[str, int]] = field(default_factory=list)
    updated: list[tuple[str, int]] = field(default_factory=list)
    unchanged: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def record(self, path: str, status: str, value: int | str) -> None:
        getattr(self, status).append((path, value))

    def merge(self, other: ImportReport) -> None:
        for name in ("imported", "updated", "unchanged", "failed"):
            getattr(self, name).extend(getattr(other, name))

    @property
    def ok(self) -> bool:
        return not self.failed

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in ("imported", "updated", "unchanged", "failed")}


@dataclass
class Prepared:
    """One parsed article and the bytes it came from (what reparse will read again)."""

    path: str
    article: Article
    raw: bytes
    sha256: str


@dataclass
class Failure:
    path: str
    reason: str


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str | Failure]:
    """Files to import, in a stable order; a Failure for an argument that names nothing.

    Directories are walked recursively (hidden files and folders skipped); an
    argument that does not exist but contains ``*?[`` is a glob.
    """
    seen: set[str] = set()

    def emit(p: Path) -> Iterator[str]:
        key = str(p.resolve())
        if key not in seen:
            seen.add(key)
            yield str(p)

    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for child in _walk(p):
                yield from emit(child)
        elif p.exists():
            yield from emit(p)
        elif _GLOB_CHARS & set(str(arg)):
            matches = sorted(glob.glob(str(arg), recursive=True))
            if not matches:
                yield Failure(str(arg), "no file matches this pattern")
            for m in matches:
                mp = Path(m)
                for child in _walk(mp) if mp.is_dir() else [mp]:
                    yield from emit(child)
        else:
            yield Failure(str(arg), "no such file or directory")


def _walk(root: Path) -> list[Path]:
    out: list[Path] = []
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return out
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            out.extend(_walk(entry))
        elif entry.is_file():
            out.append(entry)
    return out


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def prepare_bytes(data: bytes, path: str) -> list[Prepared] | Failure:
    """Parse one file's bytes. Never raises: a parser bug is one failed file, not a stopped import."""
    from tuireader.ingest import detect_format, parse_text

    try:
        text = decode(data)
    except NotTextError as exc:
        return Failure(path, str(exc))
    try:
        fmt = detect_format(text)
        if fmt == "json":
            return _prepare_json_export(text, path)
        article = parse_text(text, path, fmt)
    except Exception as exc:  # noqa: BLE001 - any parser failure is this file's failure
        return Failure(path, f"cannot parse: {type(exc).__name__}: {exc}".splitlines()[0])
    problem = _problem(article)
    if problem:
        return Failure(path, problem)
    return [Prepared(path, article, data, sha256(data))]


def _prepare_json_export(text: str, path: str) -> list[Prepared] | Failure:
    from tuireader.ingest import exportformat

    try:
        articles = exportformat.parse_all(text)
    except ValueError as exc:
        return Failure(path, str(exc))
    out: list[Prepared] = []
    for n, article in enumerate(articles, 1):
        problem = _problem(article)
        if problem:
            return Failure(f"{path}#{n}", problem)
        article.format = "json"
        article.path = path
        # Each article keeps a self-contained export of itself, so reparse reads it alone.
        raw = json.dumps(exportformat.export_document([article]), ensure_ascii=False).encode("utf-8")
        out.append(Prepared(f"{path}#{n}" if len(articles) > 1 else path, article, raw, sha256(raw)))
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
