"""OPML on the command line: `tuireader import FILE.opml` subscribes, `export --format opml` writes the list."""

from __future__ import annotations

from pathlib import Path

from tuireader.commands.errors import CliError
from tuireader.commands.libcmd import print_json, safe
from tuireader.ingest.opml import NotOpml, OpmlFeed, looks_like_opml, parse_opml, write_opml
from tuireader.library import Library


def split_opml(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The arguments that are OPML files (told by content), and the rest."""
    opml: list[Path] = []
    rest: list[str] = []
    for arg in paths:
        p = Path(arg)
        try:
            is_opml = p.is_file() and looks_like_opml(_head(p))
        except OSError:
            is_opml = False
        if is_opml:
            opml.append(p)
        else:
            rest.append(arg)
    return opml, rest


def _head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(4096)


def import_opml(lib: Library, path: Path) -> tuple[int, int, str | None]:
    """Subscribe to every feed in an OPML file: ``(added, already subscribed, failure reason)``."""
    try:
        feeds = parse_opml(path.read_bytes())
    except (NotOpml, OSError) as exc:
        return 0, 0, str(exc)
    added, existing = lib.subscribe_all((f.url, f.title, f.section) for f in feeds)
    return len(added), len(existing), None


def print_opml_import(path: Path, added: int, existing: int, reason: str | None, as_json: bool = False) -> None:
    if as_json:
        print_json({"opml": str(path), "subscribed": added, "already_subscribed": existing, "failed": reason})
    elif reason:
        print(f"failed: {safe(str(path))}: {safe(reason)}")
    else:
        print(
            f"{safe(str(path))}: subscribed to {added} feeds ({existing} already subscribed); `tuireader refresh` brings their items in"
        )


def export_opml(lib: Library, dest: str) -> int:
    feeds = [OpmlFeed(url=f.url, title=f.display_name, section=f.section) for f in lib.feeds()]
    try:
        Path(dest).write_bytes(write_opml(feeds))
    except OSError as exc:
        raise CliError(f"{dest}: {exc.strerror or exc}", 1) from None
    return len(feeds)
