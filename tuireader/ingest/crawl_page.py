"""The whole-page reader: the story in crawler text of a whole web page.

Crawlers that keep a page's visible text keep all of it: menus, cookie notices,
share bars, teaser blocks, comments and footers around the story. The article
is found the way a reader's eye finds it:

1. Every line gets a kind (``crawl_lines_kind.classify``) and a weight: running
   text counts for the story by its length, menus and labels against it,
   furniture phrases strongly against it. Lines a site repeats on many of its
   pages (learnt by the library, passed in as ``furniture``) count as furniture.
2. The story is the run of lines with the greatest total weight (a maximum
   subarray): the densest stretch of running text, which crosses a subheading
   or a small teaser box inside the story but not a menu or a footer.
3. A comment section (labelled, or names and dates over running text), a
   footer, a sidebar of headlines under a teaser heading, or the article
   layout's teaser cards end the story; a teaser box set into it ("Mehr zum
   Thema" and its titles, with the story going on below) is taken out. Teaser
   blocks around the article become its related teasers.
4. Above the story stands its header (``crawl_page_header``): share bars, a
   caption, the byline, the date line, a lead, and the headline, weighed among
   the headline-like lines within reach; running text below a headline and a
   date line counts for the story's start.

Every line ends in a field, in ``leftover``, or in ``furniture`` by category.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field

from tuireader.ingest.crawl_header import shorten
from tuireader.ingest.crawl_lines import is_artifact
from tuireader.ingest.crawl_lines_kind import BOUNDARY, CLOSERS, Kind, Line, LineKind, classify
from tuireader.ingest.crawl_page_header import PageHeader, headline_opening
from tuireader.ingest.crawl_story import story_markdown
from tuireader.ingest.crawl_teasers import card_start_at, read_block
from tuireader.ingest.crawl_vocab import NOT_ARTICLES, has_furniture_phrase, label_category, label_key
from tuireader.ingest.dates import parse_date_line
from tuireader.model import Article, Teaser

# Weights of the kinds for the densest stretch (see the module docstring). The scale: a line of
# running text is worth about one point plus one for every ten words (capped, so one long
# paragraph cannot carry a page); a menu item costs about a point, a furniture label three.
PROSE_BASE = 1.0
PROSE_PER_WORD = 0.1
PROSE_MAX_WORDS = 100
TEXT_WEIGHT = 0.3
HEADLINE_WEIGHT = -0.8
# A long line without a final stop is rarely a menu item: a list item, a subheading, a teaser's title.
LONG_HEADLINE_WORDS = 8
LONG_HEADLINE_WEIGHT = -0.3
SHORT_WEIGHT = -1.0
HEADER_WEIGHT = -0.3  # a date, byline or caption inside the story costs little
FURNITURE_WEIGHT = -3.0
BOUNDARY_WEIGHT = -12.0  # comments and footers: the story does not go on past them
KNOWN_FURNITURE_WEIGHT = -2.0  # a line the site repeats on its other pages

# A page whose running text the site mostly prints elsewhere too is a copy: its site's lines are not used.
COPY_FRACTION = 0.5

# Running text right below a headline and a date or byline line is likely the story's start.
ARTICLE_START_BONUS = 6.0
ARTICLE_HEADER_REACH = 16

# A teaser heading inside the densest run ends the story unless this many words of running text
# ending in full stops follow it (a teaser box set into the story, with the story going on below).
STORY_BELOW_WORDS = 80

# How far below one comment's name and date the next must stand for either to count as comments.
COMMENT_REACH = 30

# Whole-page evidence: furniture lines before the first running text, or in all.
MIN_FURNITURE_BEFORE = 2
MIN_LINES_BEFORE = 20
MIN_FURNITURE_LINES = 5

# Teaser blocks outside the article: at most this many titles under one heading.
MAX_BLOCK_TEASERS = 20

MAX_LABEL_CHARS = 60
MIN_PROSE_CHARS = 80
MAX_NOTICE_CHARS = 120  # below the article's start only short lines are searched for phrases (footers, bars)
_SENTENCE_ENDS = frozenset(".!?…:;")
_NOT_EVIDENCE = frozenset({"teasers"})


@dataclass
class Reading:
    """Where each line of the page went, for the Article."""

    story: list[str] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)
    furniture: dict[str, list[str]] = field(default_factory=dict)

    def put(self, category: str, line: str) -> None:
        self.furniture.setdefault(category, []).append(line)


def line_hash(text: str) -> int:
    """A stable 64-bit signed hash of a normalised line (for the library's per-site line counts)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def site_line_hashes(lines: list[str]) -> list[int]:
    """The distinct lines of a whole page as hashes, for learning its site's furniture."""
    return sorted({line_hash(text) for text in lines if text})


def nonblank(lines: list[str], furniture: Collection[int] = ()) -> list[Line]:
    """The page's non-blank lines with their kinds; lines the site repeats elsewhere become furniture.

    Unless most of the page's running text is such a line: then the page is another copy of a
    stored page (or a site that prints one story everywhere), and the site's lines are not used.
    """
    out = []
    prose = known_prose = 0
    for i, text in enumerate(lines):
        if not text:
            continue
        kind = classify(text)
        if furniture and kind.kind is not Kind.FURNITURE and line_hash(text) in furniture:
            prose += kind.kind is Kind.PROSE
            known_prose += kind.kind is Kind.PROSE
            kind = LineKind(Kind.FURNITURE, kind.words, "site")
        else:
            prose += kind.kind is Kind.PROSE
        out.append(Line(i, text, kind))
    if known_prose and known_prose >= COPY_FRACTION * prose:
        return nonblank(lines)
    return out


def looks_like_whole_page(lines: list[str]) -> bool:
    """Menus, notices or footers around the text: a whole page, not an article alone.

    Evidence: furniture labels or phrases before the first running text or date line,
    a long run of other lines before it, or furniture labels and phrases all over the page.
    (Teaser headings are no evidence: an article alone may end in its teaser block.)
    Every crawl file is asked this, so it looks at each line as cheaply as it can: a
    label lookup, one phrase search, and before the article begins a date test.
    """
    before = 0
    furniture_before = 0
    furniture = 0
    opened = False  # running text or a date line seen: the article has begun
    for text in lines:
        if not text:
            continue
        n = len(text)
        category = label_category(text) if n <= MAX_LABEL_CHARS else None
        if category is not None:
            if category in _NOT_EVIDENCE:
                continue
            furniture += 1
            furniture_before += not opened
        elif opened:
            if n <= MAX_NOTICE_CHARS and has_furniture_phrase(text):
                furniture += 1
        elif (n >= MIN_PROSE_CHARS and text.rstrip(CLOSERS)[-1:] in _SENTENCE_ENDS) or (
            n <= 160 and parse_date_line(text) is not None
        ):
            opened = True
        elif n <= 300 and has_furniture_phrase(text):
            furniture += 1
            furniture_before += 1
        else:
            before += 1
        if (
            furniture_before >= MIN_FURNITURE_BEFORE
            or furniture >= MIN_FURNITURE_LINES
            or (not opened and before >= MIN_LINES_BEFORE)
        ):
            return True
    return False


def weight(line: Line) -> float:
    kind = line.kind
    k = kind.kind
    if k is Kind.PROSE:
        return PROSE_BASE + PROSE_PER_WORD * min(kind.words, PROSE_MAX_WORDS)
    if k is Kind.TEXT:
        return TEXT_WEIGHT
    if k is Kind.HEADLINE:
        return LONG_HEADLINE_WEIGHT if kind.words >= LONG_HEADLINE_WORDS else HEADLINE_WEIGHT
    if k is Kind.SHORT:
        return SHORT_WEIGHT
    if k is Kind.FURNITURE:
        if kind.category in BOUNDARY:
            return BOUNDARY_WEIGHT
        if kind.category == "site":
            return KNOWN_FURNITURE_WEIGHT
        return FURNITURE_WEIGHT
    return HEADER_WEIGHT


def densest_run(items: list[Line]) -> tuple[int, int] | None:
    """(first, last) positions in ``items`` of the run with the greatest total weight, if any is positive."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    total = 0.0
    start = 0
    for n, line in enumerate(items):
        w = weight(line)
        if line.kind.kind is Kind.PROSE and _opens_article(items, n):
            w += ARTICLE_START_BONUS
        if total <= 0:
            total, start = w, n
        else:
            total += w
        if total > best:
            best, best_span = total, (start, n)
    return best_span


def _opens_article(items: list[Line], n: int) -> bool:
    """items[n] is running text right below an article's header: a headline of several words, then a
    date or byline line (share bars, captions between), and more running text follows it.

    Teaser cards look alike (title, date, summary) but no running text follows their summary,
    and comments have a name, not a headline, above their date.
    """
    if sum(1 for x in items[n + 1 : n + 4] if x.kind.kind is Kind.PROSE) < 2:
        return False
    dated = False
    for m in range(n - 1, max(-1, n - 1 - ARTICLE_HEADER_REACH), -1):
        k = items[m].kind.kind
        if k is Kind.DATE or k is Kind.BYLINE:
            dated = True
        elif k is Kind.HEADLINE:
            if dated and items[m].kind.words >= 4:
                return True
        elif k is Kind.PROSE or k is Kind.TEXT:
            return False
    return False


def read(lines: list[str], furniture: Collection[int] = ()) -> Article:
    items = nonblank(lines, furniture)
    reading = Reading()
    span = densest_run(items)
    if span is None:
        # No running text at all (a front page, a menu): no article; every line is set aside.
        for x in items:
            _set_aside(x, reading)
        return Article(title="", leftover=reading.leftover, furniture=reading.furniture)
    first, last = span
    first = headline_opening(items, first, last)
    related: list[Teaser] = []
    related_label: str | None = None
    cards = _card_block(lines, items, first, last)
    if cards is not None:
        # Teaser cards (source, section, prefixed title) below the story: read as the article layout reads them.
        start, end = cards
        block = read_block(lines[items[start].index : items[end].index + 1])
        related_label, related = block.label, list(block.teasers)
        reading.leftover.extend(block.leftover)
        cards_used = set(range(start, end + 1))
        last = start - 1
    else:
        cards_used = set()
    last = _story_end(items, first, last)
    header = PageHeader(items, first)
    n = first
    while n <= last:
        x = items[n]
        k = x.kind.kind
        if x.is_furniture and x.kind.category == "teasers":
            # A teaser box inside the story: its heading and the titles below it, up to running text.
            related_label = related_label or x.text.rstrip(" :")
            reading.put("teasers", x.text)
            n += 1
            while n <= last and not items[n].kind.is_story_text:
                if items[n].kind.kind is Kind.HEADLINE:
                    related.append(Teaser(title=items[n].text))
                reading.put("teasers", items[n].text)
                n += 1
            continue
        if k is Kind.PROSE or k is Kind.TEXT:
            reading.story.append(x.text)
        elif k is Kind.HEADLINE or k is Kind.SHORT:
            if _is_subheading(items, n, first, last):
                reading.story.append(x.text)
            else:
                reading.leftover.append(x.text)
        elif not header.take(x):
            _set_aside(x, reading)
        n += 1
    used = set(range(header.top, first)) | set(range(first, last + 1)) | cards_used
    for block_label, titles in _teaser_blocks(items, used):
        related_label = related_label or block_label
        related.extend(Teaser(title=items[t].text) for t in titles if items[t].text != header.title)
        used.update(titles)
    for n, x in enumerate(items):
        if n not in used:
            _set_aside(x, reading)
    for x in header.rest:
        _set_aside(x, reading)
    body, story_leftover = story_markdown(reading.story)
    title = header.title
    if not title and reading.story:
        title = shorten(reading.story[0])  # no headline above the story: its first words
    return Article(
        title=title,
        body=body,
        section=header.section,
        lead=header.lead,
        published=header.published,
        updated=header.updated,
        reading_minutes=header.reading_minutes,
        image_caption=header.caption,
        authors=header.authors,
        related_label=related_label,
        related=related,
        leftover=header.leftover + reading.leftover + story_leftover,
        furniture=reading.furniture,
    )


def _card_block(lines: list[str], items: list[Line], first: int, last: int) -> tuple[int, int] | None:
    """(first, last) positions of a run of teaser cards in the densest run, with the heading above them.

    The cards are the article layout's (``crawl_teasers.card_start_at``): their summaries read
    like running text, so the densest run takes them in; the story ends above them.
    """
    for n in range(first + 1, last + 1):
        if card_start_at(lines, items[n].index):
            start = n
            while start - 1 > first and (
                (items[start - 1].is_furniture and items[start - 1].kind.category == "teasers")
                or is_artifact(items[start - 1].text)
            ):
                start -= 1
            return start, last
    return None


def _teaser_blocks(items: list[Line], used: set[int]) -> list[tuple[str, list[int]]]:
    """Teaser blocks outside the article: a teaser heading and the headlines below it.

    A block runs from its heading to the next furniture line or running text, at most
    ``MAX_BLOCK_TEASERS`` headlines; adverts and videos are no teasers of articles.
    """
    blocks: list[tuple[str, list[int]]] = []
    n = 0
    while n < len(items):
        x = items[n]
        if n in used or not (x.is_furniture and x.kind.category == "teasers") or label_key(x.text) in NOT_ARTICLES:
            n += 1
            continue
        titles: list[int] = []
        n += 1
        while n < len(items) and n not in used and len(titles) < MAX_BLOCK_TEASERS:
            k = items[n].kind.kind
            if k is Kind.HEADLINE and not items[n].text.isupper():  # an upper-case kicker is no title
                titles.append(n)
            elif k is not Kind.DATE and k is not Kind.SHORT and k is not Kind.CAPTION:
                break
            n += 1
        if titles:
            blocks.append((x.text.rstrip(" :"), titles))
    return blocks


def _set_aside(x: Line, reading: Reading) -> None:
    if x.is_furniture:
        reading.put(x.kind.category or "other", x.text)
    elif x.kind.kind in (Kind.PROSE, Kind.TEXT):
        reading.put("outside", x.text)  # running text away from the story: teaser summaries, comments
    else:
        reading.put("page", x.text)  # menu items and headlines of other articles


def _story_end(items: list[Line], first: int, last: int) -> int:
    """The story ends before a comment section (labelled, or a name and a date over running text), a
    footer, or a teaser heading with no paragraph of the story's length below it (a sidebar)."""
    for n in range(first + 1, last + 1):
        x = items[n]
        if (
            (x.is_furniture and x.kind.category in BOUNDARY)
            or _opens_comment(items, n, last)
            or (
                x.is_furniture
                and x.kind.category == "teasers"
                and label_key(x.text) not in NOT_ARTICLES  # an ad slot's mark inside the story
                and not _story_below(items, n + 1, last)
            )
        ):
            m = n - 1
            while m > first and not items[m].kind.is_story_text:
                m -= 1
            return m
    return last


def _story_below(items: list[Line], start: int, last: int) -> bool:
    """Whether the story goes on below: running text ending with full stops (teasers' titles,
    even long ones, rarely end so), some paragraphs' worth of it."""
    words = sum(
        items[m].kind.words
        for m in range(start, last + 1)
        if items[m].kind.kind is Kind.PROSE and items[m].text.rstrip(CLOSERS).endswith(".")
    )
    return words >= STORY_BELOW_WORDS


def _comment_head(items: list[Line], n: int, last: int) -> bool:
    return (
        n + 2 <= last
        and items[n].kind.kind is Kind.SHORT
        and items[n + 1].kind.kind is Kind.DATE
        and items[n + 2].kind.kind is Kind.PROSE
    )


def _opens_comment(items: list[Line], n: int, last: int) -> bool:
    """A name, then a date line, then running text, and again further down: the comments below a story."""
    return (
        items[n - 1].kind.is_story_text
        and _comment_head(items, n, last)
        and any(_comment_head(items, m, last) for m in range(n + 3, min(last, n + COMMENT_REACH)))
    )


def _is_subheading(items: list[Line], n: int, first: int, last: int) -> bool:
    """A short line inside the story with running text below it (and above it, or the story's start)."""
    below = items[n + 1] if n + 1 <= last else None
    above = items[n - 1] if n - 1 >= first else None
    return (
        below is not None
        and below.kind.kind is Kind.PROSE
        and (above is None or above.kind.is_story_text)
        and len(items[n].text) <= 120
    )
