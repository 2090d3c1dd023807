"""An article made ready to show: plain text for the terminal, bounded markdown for the reader.

Pure functions, no Textual: ``render_article_text`` is what `parse` and
`show` print; ``story_markdown`` is the story as the reader's markdown
renderer gets it. Stories come from anywhere, and a markdown renderer's cost
grows with what a story holds (a 1,000 x 50 table, 10,000 nested quotes or
list levels, a 250 KB code fence that is never closed, a paragraph of 5 MB),
so ``story_markdown`` caps what each of those may cost and shows the rest
plainly: every word stays readable, only the structure beyond the caps goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuireader.ingest.markdown_text import unescape
from tuireader.model import Article
from tuireader.sanitize import clean_block, clean_line


@dataclass(frozen=True)
class Caps:
    """What one story's markdown may hold; each number is far above what a news story uses."""

    table_rows: int = 60  # rows of one table (the header included); later rows become plain lines
    table_columns: int = 12  # columns kept in a table; the rest of a row follows in its last cell
    table_cell_chars: int = 200  # one cell, cut with "…"
    container_depth: int = 8  # nested quotes and list levels in front of a line
    indent_chars: int = 32  # leading spaces of a line (deeper list levels)
    fence_lines: int = 200  # lines of one code block; a longer block is split into blocks of this size
    fence_chars: int = 16_000  # characters of one code block, likewise
    paragraph_chars: int = 8_000  # one paragraph (and one line); a longer one is split at a space into several


CAPS = Caps()

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# Quote markers and list markers in front of a line's text: each one a level of nesting.
_CONTAINERS = re.compile(r"^[ \t]*(?:(?:>[ \t]?)|(?:(?:[-*+]|\d{1,9}[.)])[ \t]+))+")
_CONTAINER = re.compile(r">[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_CONTAINER_START = frozenset(" \t>-*+0123456789")
_LIST_START = frozenset("-*+0123456789")


def _line_meta(article: Article) -> str:
    return " · ".join(
        x
        for x in (
            clean_line(article.source),
            clean_line(article.section),
            clean_line(article.published),
            f"updated {clean_line(article.updated)}" if article.updated else None,
            f"{article.reading_minutes} min read" if article.reading_minutes else None,
        )
        if x
    )


def render_article_text(article: Article) -> str:
    """The article as plain terminal text: every field through the one sanitiser."""
    out: list[str] = []
    meta = _line_meta(article)
    if meta:
        out.append(meta)
    out.append(clean_line(article.title).upper() or "(untitled)")
    if article.lead:
        out += ["", clean_line(article.lead)]
    if article.image_caption:
        out += ["", f"[Image: {clean_line(article.image_caption)}]"]
    if article.authors:
        out += ["", "By " + ", ".join(clean_line(a) for a in article.authors)]
    if article.url:
        out += [clean_line(article.url)]
    if article.tags:
        out += ["", "Tags: " + ", ".join(clean_line(t) for t in article.tags)]
    out += ["", "-" * 72, "", clean_block(unescape(article.body)).strip() or "(no story text)"]
    if article.related:
        label = clean_line(article.related_label) or "Related"
        out += ["", "-" * 72, f">> {label} ({len(article.related)} teasers, not part of this story)", ""]
        for t in article.related:
            head = " · ".join(
                x
                for x in (
                    clean_line(t.source),
                    clean_line(t.section),
                    clean_line(t.date),
                    "sponsored" if t.sponsored else None,
                )
                if x
            )
            out.append(f"  * {clean_line(t.title)}")
            if head:
                out.append(f"    {head}")
            if t.summary:
                out.append(f"    {clean_line(t.summary)}")
            if t.url:
                out.append(f"    {clean_line(t.url)}")
    if article.leftover:
        out += ["", f"(unplaced lines: {len(article.leftover)})"]
        out += [f"  {clean_line(line)}" for line in article.leftover]
    if article.damaged:
        out += ["", f"(note: {clean_line(article.damaged)})"]
    return "\n".join(out)


# -- the story as bounded markdown for the reader ------------------------------------------


def story_markdown(body: str | None, caps: Caps = CAPS) -> str:
    """The story's markdown, sanitised and bounded: what the reader's renderer gets.

    Tables, nesting, code blocks and paragraphs are capped (``Caps``); what lies
    beyond a cap is kept as plain text, so no word is lost.
    """
    lines = clean_block(body).split("\n")
    out: list[str] = []
    i = 0
    n = len(lines)
    paragraph = 0  # characters of the paragraph being written
    while i < n:
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            i = _fenced_block(lines, i, fence[1], out, caps)
            paragraph = 0
            continue
        if i + 1 < n and "|" in line and "|" in lines[i + 1] and _TABLE_DELIMITER.match(lines[i + 1]):
            i = _table(lines, i, out, caps)
            paragraph = 0
            continue
        i += 1
        if not line.strip():
            out.append(line)
            paragraph = 0
            continue
        for piece in _pieces(_bounded_line(line, caps), caps.paragraph_chars):
            if paragraph and paragraph + len(piece) > caps.paragraph_chars:
                out.append("")  # a new paragraph
                paragraph = 0
            out.append(piece)
            paragraph += len(piece) + 1
    return "\n".join(out)


def _fenced_block(lines: list[str], start: int, marker: str, out: list[str], caps: Caps) -> int:
    """A code block: split into blocks of at most ``fence_lines``; never closed: plain lines."""
    char = marker[0]
    end = start + 1
    while end < len(lines):
        m = _FENCE.match(lines[end])
        if m and m[1][0] == char and len(m[1]) >= len(marker) and not lines[end].strip().strip(char):
            break
        end += 1
    if end >= len(lines):
        # Never closed: the rest is text, not code (its opening marker shown as typed).
        out.append("\\" + lines[start].lstrip())
        out.extend(_bounded_line(line, caps) for line in lines[start + 1 :])
        return len(lines)
    opener = lines[start]
    closer = lines[end].strip()
    block: list[str] = []
    size = 0
    for line in lines[start + 1 : end]:
        for piece in _pieces(line, caps.paragraph_chars):
            if block and (len(block) >= caps.fence_lines or size + len(piece) > caps.fence_chars):
                out += [opener, *block, closer]
                block, size = [], 0
            block.append(piece)
            size += len(piece) + 1
    out += [opener, *block, closer]
    return end + 1


def _cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [c.strip() for c in _CELL_SPLIT.split(text)]


def _cut(cell: str, limit: int) -> str:
    return cell if len(cell) <= limit else cell[: limit - 1].rstrip() + "…"


def _table(lines: list[str], start: int, out: list[str], caps: Caps) -> int:
    """A table: its first rows and columns as a table; rows beyond, and rows cut to fit, also as plain lines."""
    end = start + 2
    while end < len(lines) and lines[end].strip() and "|" in lines[end]:
        end += 1
    rows = [_cells(lines[start])] + [_cells(line) for line in lines[start + 2 : end]]
    width = min(max(len(r) for r in rows), caps.table_columns)
    plain: list[list[str]] = []  # rows (or their full text) shown as lines after the table

    def row_text(cells: list[str]) -> str:
        kept = [*cells[: width - 1], " · ".join(c for c in cells[width - 1 :] if c)]
        if any(len(c) > caps.table_cell_chars for c in kept):
            plain.append(cells)
            kept = [_cut(c, caps.table_cell_chars) for c in kept]
        return "| " + " | ".join(kept + [""] * (width - len(kept))) + " |"

    shown = rows[: caps.table_rows]
    out.append(row_text(shown[0]))
    out.append("|" + "---|" * width)
    out.extend(row_text(r) for r in shown[1:])
    plain += rows[caps.table_rows :]
    if plain:
        out += ["", f"(the table in full, {len(plain)} rows as text:)"]
        for r in plain:
            out += ["", *_pieces(_bounded_line(" · ".join(c for c in r if c), caps), caps.paragraph_chars)]
    return end


def _bounded_line(line: str, caps: Caps) -> str:
    """A line with at most ``container_depth`` quote and list levels and ``indent_chars`` of indent."""
    if not line or line[0] not in _CONTAINER_START:
        return line
    line = _bounded_indent(line, caps)
    rest = line.lstrip("> \t")
    if rest[:1] not in _LIST_START:
        # quotes only (the common deep case): counted without the pattern
        prefix = line[: len(line) - len(rest)]
        if prefix.count(">") > caps.container_depth:
            indent = prefix[: len(prefix) - len(prefix.lstrip(" \t"))]
            line = indent + "> " * caps.container_depth + rest
        return _bounded_indent(line, caps)
    m = _CONTAINERS.match(line)
    if m and len(m[0]) > caps.container_depth:
        markers = _CONTAINER.findall(m[0].lstrip())
        if len(markers) > caps.container_depth:
            indent = m[0][: len(m[0]) - len(m[0].lstrip())]
            line = indent + "".join(markers[: caps.container_depth]) + line[m.end() :]
    return _bounded_indent(line, caps)


def _bounded_indent(line: str, caps: Caps) -> str:
    stripped = line.lstrip(" \t")
    if len(line) - len(stripped) > caps.indent_chars:
        return " " * caps.indent_chars + stripped
    return line


def _pieces(line: str, limit: int) -> list[str]:
    """A line cut at spaces (or anywhere, if it has none) into pieces of at most ``limit`` characters."""
    if len(line) <= limit:
        return [line]
    pieces: list[str] = []
    start = 0
    while len(line) - start > limit:
        cut = line.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        pieces.append(line[start:cut])
        start = cut
        while start < len(line) and line[start] == " ":
            start += 1
    pieces.append(line[start:])
    return pieces
