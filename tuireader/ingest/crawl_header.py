"""The header of a crawled news page: section, title, lead, dates, reading time, caption, tags.

The header is found by what its lines are, not where they stand: it reaches to
the last line that is unmistakably header (a date line, "Lesezeit", a caption
with its credit, the title repeated as image alt text, a tag list, a byline, a
site address). It ends early where the story shows: two prose lines in a row
after a header line, a second long paragraph, a teaser heading or card.

The other lines of that stretch are then told apart: the repeated line is the
title (else the first headline that is more than a word or two); a short line
above the title is the section (two of them: site, then section); prose is the
lead. A prose line that closes the header block, with a blank line after it, is
the lead too. Where the dates (or a byline, a reading time) stand above the
headline, the headline is the line below them and the lead may follow it after
a blank line. Whatever is left is story text (prose) or ``leftover``, as are a
byline's place ("Von Max Muster, Berlin") and relative times ("vor 3 Stunden"),
which name no date. A date line after the header's dates are complete and text
has followed them is the story's (a list of dates), not header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from tuireader.ingest.crawl_lines import (
    ends_like_sentence,
    is_caption,
    is_domain,
    is_sentence_like,
    is_short_label,
    is_teaser_label,
    read_byline,
    reading_minutes,
    relative_time,
    split_tags,
    tag_label,
)
from tuireader.ingest.crawl_teasers import card_start_at, opens_tag_list
from tuireader.ingest.dates import parse_date_line

# How far the header may reach: non-blank lines, and prose paragraphs (the lead is one).
MAX_HEADER_LINES = 25
MAX_HEADER_PARAGRAPHS = 1
LONG_PARAGRAPH = 120
MAX_TITLE = 200
MAX_LEAD = 500  # a lead set apart from the headline by a blank line is a paragraph of a few sentences


@dataclass
class Header:
    end: int = 0  # index of the first line after the header
    title: str = ""
    section: str | None = None
    lead: str | None = None
    published: str | None = None
    updated: str | None = None
    reading_minutes: int | None = None
    image_caption: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)  # prose found inside the header stretch
    leftover: list[str] = field(default_factory=list)


def _is_title_like(line: str) -> bool:
    """A headline: not too long, and not ending with a full stop (a question or quote may end it)."""
    core = line.rstrip("\"'“”»«’‘)")
    return (
        0 < len(line) <= MAX_TITLE and bool(core) and (not core.endswith((".", ",", ";", ":")) or core.endswith("..."))
    )


def _is_section_like(line: str) -> bool:
    return is_short_label(line, max_chars=30, max_words=3) and not is_teaser_label(line)


def _next_nonblank(lines: list[str], i: int, stop: int) -> int | None:
    for j in range(i, min(stop, len(lines))):
        if lines[j]:
            return j
    return None


def _is_marker(line: str) -> bool:
    return (
        parse_date_line(line) is not None
        or relative_time(line)
        or reading_minutes(line) is not None
        or tag_label(line) is not None
        or is_teaser_label(line)
    )


class HeaderLine(Enum):
    """What one line of an article's header stretch is, by itself (``header_line``)."""

    TEASER_LABEL = "teaser label"  # "Mehr zum Thema" (unless it opens a tag list: the reader asks the neighbours)
    DATE = "date"  # "10.01.2022 10:00", "Aktualisiert: 10.01.2022 10:19"
    RELATIVE_TIME = "relative time"  # "vor 3 Stunden": no date to store
    READING_TIME = "reading time"  # "Lesezeit: 2 min"
    TAG_LABEL = "tag label"  # "Themen: Kasachstan, Russland"
    CAPTION = "caption"  # a picture's caption with its credit
    BYLINE = "byline"  # "Von Max Muster, Berlin"
    DOMAIN = "domain"  # "dwn.example": the site
    TEXT = "text"  # anything else: section, title, lead, or the story's first prose


def header_line(line: str) -> HeaderLine:
    """The kind of one non-blank header line, by the first rule that fits it (the order matters)."""
    if is_teaser_label(line):
        return HeaderLine.TEASER_LABEL
    if parse_date_line(line) is not None:
        return HeaderLine.DATE
    if relative_time(line):
        return HeaderLine.RELATIVE_TIME
    if reading_minutes(line) is not None:
        return HeaderLine.READING_TIME
    if tag_label(line) is not None:
        return HeaderLine.TAG_LABEL
    if is_caption(line):
        return HeaderLine.CAPTION
    if read_byline(line) is not None:
        return HeaderLine.BYLINE
    if is_domain(line):
        return HeaderLine.DOMAIN
    return HeaderLine.TEXT


def read_header(lines: list[str]) -> Header:
    """Read the header stretch: a small state machine over the kinds of its lines (``header_line``).

    State: the header fields found so far, the lines that are no marker (``candidates``),
    the first place each line was seen (a repeated line is the title), the last marker,
    and how much prose has run since it.
    """
    header = Header()
    candidates: list[int] = []  # lines of the header stretch that are not markers
    first_seen: dict[str, int] = {}
    title_index: int | None = None
    last_marker = -1
    nonblank = 0
    paragraphs = 0
    prose_run = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        nonblank += 1
        if nonblank > MAX_HEADER_LINES or card_start_at(lines, i):
            break
        kind = header_line(line)
        tag_list = kind is HeaderLine.TEASER_LABEL and opens_tag_list(lines, i)
        if kind is HeaderLine.TEASER_LABEL and not tag_list:
            break
        if kind is HeaderLine.DATE:
            date_line = parse_date_line(line)
            assert date_line is not None
            if (date_line.published and not header.published) or (date_line.updated and not header.updated):
                header.published = header.published or date_line.published
                header.updated = header.updated or date_line.updated
            elif candidates and candidates[-1] > last_marker >= 0:
                break  # the header's dates were complete and text followed: a date in the story (a list of dates)
            else:
                header.leftover.append(line)  # a further date: kept, not guessed at
        elif kind is HeaderLine.RELATIVE_TIME:
            header.leftover.append(line)  # "vor 3 Stunden": relative to a moment the page does not tell
        elif kind is HeaderLine.READING_TIME:
            minutes = reading_minutes(line)
            if header.reading_minutes is None:
                header.reading_minutes = minutes
            else:
                header.leftover.append(line)
        elif kind is HeaderLine.TAG_LABEL or tag_list:
            i = _read_tags(lines, i, header)
        elif line in first_seen and title_index is None:
            title_index = first_seen[line]
        elif kind is HeaderLine.CAPTION:
            # Caption and credit may stand on lines of their own; a credit or caption printed twice is kept once.
            if not header.image_caption:
                header.image_caption = line
            elif line not in header.image_caption:
                header.image_caption = f"{header.image_caption} {line}"
        elif kind is HeaderLine.BYLINE and not header.authors:
            byline = read_byline(line)
            assert byline is not None
            header.authors, place = byline
            if place:
                header.leftover.append(place)  # "Von Max Muster, Berlin": where it was written, not a name
        elif kind is HeaderLine.DOMAIN and header.source is None:
            header.source = line
        else:
            if is_sentence_like(line):
                # After header lines, two prose lines in a row mean the story has begun
                # (before them, a question headline and the lead may both read as prose);
                # a second long paragraph means so anywhere.
                prose_run += last_marker >= 0
                paragraphs += len(line) > LONG_PARAGRAPH
                if prose_run > 1 or paragraphs > MAX_HEADER_PARAGRAPHS:
                    break
            first_seen.setdefault(line, i)
            candidates.append(i)
            i += 1
            continue
        last_marker = i
        prose_run = 0
        i += 1

    if last_marker < 0:
        return _header_without_markers(lines, header)
    header.end = last_marker + 1
    candidates = [c for c in candidates if c < header.end]
    headline_below = False
    if title_index is None and not any(_is_title_like(lines[c]) and not _is_section_like(lines[c]) for c in candidates):
        # Dates (or a byline, a reading time) above the headline: the headline is the next line.
        j = _next_nonblank(lines, header.end, len(lines))
        if j is not None and _is_headline(lines, j):
            candidates.append(j)
            header.end = j + 1
            headline_below = True
    _assign_roles(lines, candidates, title_index, header)
    if header.lead is None:
        if _is_attached_lead(lines, header.end):
            header.lead = lines[header.end]
            header.end += 1
        elif headline_below and _is_lead_after_blank(lines, header.end):
            header.lead = lines[header.end + 1]
            header.end += 2
    return header


def _read_tags(lines: list[str], i: int, header: Header) -> int:
    """Read a tag list at lines[i] ("Themen: a, b", or a label with the tags on the next line); its last index."""
    tag = tag_label(lines[i]) or ("Mehr zum Thema", "")
    rest = tag[1]
    tags = split_tags(rest) if rest else None
    if tags:
        header.tags.extend(t for t in tags if t not in header.tags)
    elif rest:
        header.tags.append(rest)
    else:
        j = _next_nonblank(lines, i + 1, len(lines))
        if j is not None and not _is_marker(lines[j]):
            tags = split_tags(lines[j])
            if tags:
                header.tags.extend(t for t in tags if t not in header.tags)
                return j
    return i


def _is_headline(lines: list[str], j: int) -> bool:
    line = lines[j]
    return (
        _is_title_like(line)
        and len(line.split()) >= 2
        and not is_teaser_label(line)
        and not card_start_at(lines, j)
        and not is_caption(line)
        and not _is_marker(line)
    )


def _is_lead_after_blank(lines: list[str], i: int) -> bool:
    """Headline, a blank line, then a paragraph with a blank line after it and more story below: the lead."""
    if i + 1 >= len(lines) or lines[i] or len(lines[i + 1]) > MAX_LEAD:
        return False
    return _is_attached_lead(lines, i + 1) and _next_nonblank(lines, i + 2, len(lines)) is not None


def _is_attached_lead(lines: list[str], i: int) -> bool:
    """A prose line right below the last header line, with a blank line after it: the lead.

    Pages that set the header as one block and the story in blank-separated
    paragraphs (like DWN) may put the lead last in the block.
    """
    if i >= len(lines) or not lines[i] or (i + 1 < len(lines) and lines[i + 1]):
        return False
    line = lines[i]
    return (
        not _is_section_like(line)
        and (len(line) >= 40 or ends_like_sentence(line))
        and not is_teaser_label(line)
        and not card_start_at(lines, i)
    )


def _assign_roles(lines: list[str], candidates: list[int], title_index: int | None, header: Header) -> None:
    """Tell apart the header lines that are no marker: title, section (and site), lead."""
    if title_index is None:
        title_index = _choose_title(lines, candidates)
    if title_index is None:
        return
    _set_title(lines[title_index], header)
    rest = [k for k in candidates if k != title_index]
    # Section (and site) lines stand above the title; short lines below it are page furniture.
    short = [k for k in rest if k < title_index and _is_section_like(lines[k])]
    if len(short) >= 2 and header.source is None:
        # Two short lines above the title: the site, then the section.
        header.source, header.section = lines[short[0]], lines[short[1]]
        rest = [k for k in rest if k not in short[:2]]
    elif short:
        # The short line nearest the title is its section.
        header.section = lines[short[-1]]
        rest.remove(short[-1])
    for k in rest:
        line = lines[k]
        if header.lead is None and not _is_section_like(line) and (len(line) >= 40 or ends_like_sentence(line)):
            header.lead = line
        elif is_sentence_like(line):
            header.story.append(line)
        else:
            header.leftover.append(line)


def _choose_title(lines: list[str], candidates: list[int]) -> int | None:
    """The headline among header lines, when no line repeats it.

    The first headline-like line that is not a word or two; if all are that short,
    the second (the first is the section).
    """
    headline_like = [k for k in candidates if _is_title_like(lines[k])]
    longer = [k for k in headline_like if not _is_section_like(lines[k])]
    if longer:
        return longer[0]
    if len(headline_like) >= 2:
        return headline_like[1]
    if headline_like:
        return headline_like[0]
    return candidates[0] if candidates else None


def _set_title(line: str, header: Header) -> None:
    if len(line) <= MAX_TITLE:
        header.title = line
        return
    header.title = shorten(line)
    header.story.insert(0, line)


def shorten(line: str, limit: int = 100) -> str:
    """A long line cut at a word boundary, for use as a title."""
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return (cut or line[:limit]) + "…"


def _header_without_markers(lines: list[str], header: Header) -> Header:
    """No line is unmistakably header: a short first line may be the section, the next the title."""
    first = _next_nonblank(lines, 0, len(lines))
    if first is None:
        return header
    second = _next_nonblank(lines, first + 1, len(lines))
    if (
        second is not None
        and _is_section_like(lines[first])
        and len(lines[first].split()) <= 2
        and _is_title_like(lines[second])
        and not is_sentence_like(lines[second])
        and len(lines[second]) > len(lines[first])
        and _next_nonblank(lines, second + 1, len(lines)) is not None
    ):
        header.section = lines[first]
        _set_title(lines[second], header)
        header.end = second + 1
        return header
    _set_title(lines[first], header)
    header.end = first + 1
    return header
