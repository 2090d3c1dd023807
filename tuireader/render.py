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
    # Cells of one table (each is a widget in the reader, laid out again whenever the story grows):
    # rows beyond rows x columns <= table_cells become plain lines too.
    table_cells: int = 120
    table_chars: int = 6_000  # text of the rows kept as a table (a tall grid is costly to draw)
    # About how many widgets' worth (headings, list items, quotes, tables) one story may become in
    # the reader, which lays out all of them again as the story grows and whose garbage collector
    # scans all of them (a heading is ~335 objects it tracks); the rest is plain lines, drawn by
    # one widget. 200: 200 headings or 40 list items (300 left the longest block at 88-121 ms).
    story_weight: int = 200
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
    beyond a cap is kept as plain text, so no word is lost. The story's end
    beyond the caps (``StoryLayout.plain``) is written as markdown lines shown
    as typed, a line each.
    """
    layout = story_layout(body, caps)
    if not layout.plain:
        return layout.markdown
    out = _Paragraphs(caps.paragraph_chars)
    out.lines = layout.markdown.split("\n") if layout.markdown else []
    out.blank()
    for line in layout.plain:
        out.plain(line)
    return "\n".join(out.lines)


@dataclass(frozen=True)
class StoryLayout:
    """The story as bounded markdown, then its end beyond the caps as plain lines (shown as typed)."""

    markdown: str
    plain: list[str]  # sanitised lines, each shown on a line of its own; no markup in them means anything


def story_layout(body: str | None, caps: Caps = CAPS) -> StoryLayout:
    """The story's bounded markdown and the plain lines that end it (``[]`` when every part fits the caps).

    The lines after an unclosed code fence, and the rest of a story after about
    ``story_weight`` widgets' worth of structure, are plain lines: text, not markdown.
    """
    lines = clean_block(body).split("\n")
    out = _Paragraphs(caps.paragraph_chars)
    tail: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        if out.weight > caps.story_weight:
            # More structure than the reader lays out in time: the rest as plain lines.
            tail = lines[i:]
            break
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            i, tail = _fenced_block(lines, i, fence[1], out, caps)
            continue
        if _starts_table(lines, i):
            i = _table(lines, i, out, caps)
            continue
        i += 1
        if not line.strip():
            out.blank(line)
            continue
        line = _bounded_line(line, caps)
        out.weight += _line_weight(line, out.lines[-1] if out.lines else "")
        for piece in _pieces(line, caps.paragraph_chars):
            out.line(piece)
    plain = [piece for line in tail for piece in _pieces(line.strip(), caps.paragraph_chars)]
    return StoryLayout("\n".join(out.lines).rstrip("\n") if plain else "\n".join(out.lines), plain)


class _Paragraphs:
    """The lines written so far; a paragraph longer than ``limit`` characters goes on as a new one."""

    def __init__(self, limit: int) -> None:
        self.lines: list[str] = []
        self.limit = limit
        self.size = 0  # characters of the paragraph being written
        self.weight = 0  # about how many widgets the lines so far become in the reader

    def line(self, text: str) -> None:
        if self.size and self.size + len(text) > self.limit:
            self.lines.append("")  # a new paragraph
            self.size = 0
        self.lines.append(text)
        self.size += len(text) + 1

    def blank(self, text: str = "") -> None:
        self.lines.append(text)
        self.size = 0

    def block(self, lines: list[str], weight: int) -> None:
        """Lines that are a block of their own (a table, a code block)."""
        self.lines += lines
        self.size = 0
        self.weight += weight

    def plain(self, text: str) -> None:
        """A line shown as typed: on a line of its own (a hard break), its markers shown, not obeyed."""
        text = text.strip()
        if not text:
            self.blank()
            return
        for piece in _pieces(text, self.limit - 3):
            self.line(_escaped_start(piece) + "  ")


def _starts_table(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and "|" in lines[i] and "|" in lines[i + 1] and bool(_TABLE_DELIMITER.match(lines[i + 1]))


# What would make a line of text a heading, quote, list item, rule, fence or table row.
_BLOCK_START = re.compile(r"^(?:[#>+*=_`~|<-]|\d{1,9}[.)])")


def _escaped_start(text: str) -> str:
    m = _BLOCK_START.match(text)
    if m is None:
        return text
    return text[: m.end() - 1] + "\\" + text[m.end() - 1 :]


def _fenced_block(lines: list[str], start: int, marker: str, out: _Paragraphs, caps: Caps) -> tuple[int, list[str]]:
    """A code block: split into blocks of at most ``fence_lines``; never closed: the rest as plain lines.

    Returns where the story goes on, and the lines left as plain lines (the fence never closed).
    """
    char = marker[0]
    end = start + 1
    while end < len(lines):
        m = _FENCE.match(lines[end])
        if m and m[1][0] == char and len(m[1]) >= len(marker) and not lines[end].strip().strip(char):
            break
        end += 1
    if end >= len(lines):
        # Never closed: the rest is text, not code, each line on a line of its own.
        return len(lines), lines[start:]
    opener = lines[start]
    closer = lines[end].strip()
    block: list[str] = []
    size = 0
    for line in lines[start + 1 : end]:
        for piece in _pieces(line, caps.paragraph_chars):
            if block and (len(block) >= caps.fence_lines or size + len(piece) > caps.fence_chars):
                out.block([opener, *block, closer], 2)
                block, size = [], 0
            block.append(piece)
            size += len(piece) + 1
    out.block([opener, *block, closer], 2)
    return end + 1, []


def _cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [c.strip() for c in _CELL_SPLIT.split(text)]


def _cut(cell: str, limit: int) -> str:
    return cell if len(cell) <= limit else cell[: limit - 1].rstrip() + "…"


def _table(lines: list[str], start: int, out: _Paragraphs, caps: Caps) -> int:
    """A table: its first rows and columns as a table; rows beyond, and rows cut to fit, also as plain lines."""
    end = start + 2
    while end < len(lines) and lines[end].strip() and "|" in lines[end]:
        end += 1
    rows = [_cells(lines[start])] + [_cells(line) for line in lines[start + 2 : end]]
    if max(len(r) for r in rows) > caps.table_columns:
        # Too wide to read as a grid in a terminal: every row a line of text, the header first.
        note = f"a table of {len(rows) - 1} rows and {max(len(r) for r in rows)} columns"
        _rows_as_lines(out, note, rows)
        return end
    width = max(len(r) for r in rows)
    plain: list[list[str]] = []  # rows (or their full text) shown as lines after the table

    def row_text(cells: list[str]) -> str:
        kept = [*cells[: width - 1], " · ".join(c for c in cells[width - 1 :] if c)]
        if any(len(c) > caps.table_cell_chars for c in kept):
            plain.append(cells)
            kept = [_cut(c, caps.table_cell_chars) for c in kept]
        return "| " + " | ".join(kept + [""] * (width - len(kept))) + " |"

    kept = max(2, min(caps.table_rows, caps.table_cells // width))
    size = 0
    for n, r in enumerate(rows[:kept]):
        size += sum(min(len(c), caps.table_cell_chars) for c in r)
        if n >= 2 and size > caps.table_chars:
            kept = n
            break
    shown = rows[:kept]
    table = [row_text(shown[0]), "|" + "---|" * width]
    table += [row_text(r) for r in shown[1:]]
    out.block(table, TABLE_WEIGHT)
    plain += rows[kept:]
    if plain:
        _rows_as_lines(out, f"the table in full, {len(plain)} rows as text", plain)
    return end


def _rows_as_lines(out: _Paragraphs, note: str, rows: list[list[str]]) -> None:
    out.blank()
    out.line(f"({note}, a row a line:)")
    out.blank()
    for r in rows:
        out.plain(" · ".join(c for c in r if c))


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


# -- the bounded markdown in chunks the reader renders one at a time ----------------------------

CHUNK_CHARS = 4_000  # a chunk ends at the first blank line after this many characters
CHUNK_HARD_CHARS = 8_000  # ... or at any line after this many (outside a table or code block)
# What a chunk may make of widgets in the reader, roughly: a heading 1, a list item or quote
# level 5 (four widgets), a table 3 (one widget draws it). A chunk ends at any line beyond this
# (mounting 80 headings at once was one step of 90-120 ms of CPU on a loaded machine; 40: 50-70 ms;
# 20 leaves room beside a step for a full pass of the garbage collector: see ui/collector.py).
CHUNK_WEIGHT = 20
HEADING_WEIGHT = 1
TABLE_WEIGHT = 3


def _line_weight(line: str, previous: str) -> int:
    """Roughly how many widgets a line of ``story_markdown``'s output becomes in the reader."""
    stripped = line.lstrip()
    if not stripped:
        return 0
    if previous.strip() and not _BLOCK_START.match(stripped):
        return 0  # goes on with the paragraph above
    if stripped[0] == "#":
        return HEADING_WEIGHT
    m = _CONTAINERS.match(line) if line[0] in _CONTAINER_START else None
    if m:
        return 1 + 4 * len(_CONTAINER.findall(m[0].lstrip()))  # a list item is about five widgets
    return 0  # a paragraph: a run of them is one widget


def _block_end(lines: list[str], i: int) -> int:
    """Where the block starting at line ``i`` ends, for blocks that must stay whole (code, a table)."""
    fence = _FENCE.match(lines[i])
    if fence:
        marker = fence[1]
        end = i + 1
        while end < len(lines):
            m = _FENCE.match(lines[end])
            if m and m[1][0] == marker[0] and len(m[1]) >= len(marker) and not lines[end].strip().strip(marker[0]):
                return end + 1
            end += 1
        return i + 1  # never closed (not so after story_markdown): a line like any other
    if _starts_table(lines, i):
        end = i + 2
        while end < len(lines) and lines[end].strip() and "|" in lines[end]:
            end += 1
        return end
    return i + 1


def story_chunks(markdown: str, first: int = CHUNK_CHARS, size: int = CHUNK_CHARS) -> list[str]:
    """``story_markdown``'s output cut into chunks, each bounded in characters and in widgets.

    A chunk ends at a blank line once it holds ``size`` characters (``first`` for the first
    chunk), or at any line once it holds twice that or ``CHUNK_WEIGHT``; tables and code
    blocks stay whole (``story_markdown`` bounds them).
    """
    lines = markdown.split("\n")
    chunks: list[str] = []
    current: list[str] = []
    chars = weight = 0
    limit = first

    def flush() -> None:
        nonlocal current, chars, weight, limit
        text = "\n".join(current).strip("\n")
        if text:
            chunks.append(text)
        current, chars, weight, limit = [], 0, 0, size

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            if chars >= limit:
                flush()
            else:
                current.append(line)
            i += 1
            continue
        end = _block_end(lines, i)
        block = lines[i:end]
        block_chars = sum(len(x) + 1 for x in block)
        if end - i > 1 and _starts_table(lines, i):
            block_weight = TABLE_WEIGHT
        else:
            block_weight = _line_weight(line, lines[i - 1] if i else "") if end - i == 1 else 2
        if current and (chars + block_chars > 2 * limit or weight + block_weight > CHUNK_WEIGHT):
            flush()
        current += block
        chars += block_chars
        weight += block_weight
        i = end
    flush()
    return chunks or [""]
