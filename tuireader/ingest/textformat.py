"""Crawler text of a news page (like the stored DWN pages) to an Article.

The page is read in three parts, each by its own module:

- the header (``crawl_header``): section, title, lead, dates, reading time, caption, tags;
- the teaser block (``crawl_teasers``): from its heading or first card to the end;
- the story between them (``crawl_story``): paragraphs and subheadings as markdown.

Layout rules are by what a line is, with general fallbacks: text with nothing
recognisable becomes a body whose title is its first line. Never raises for text.
Lines that fit nowhere are kept in ``leftover``.
"""

from __future__ import annotations

from collections.abc import Collection

from tuireader.ingest import crawl_page
from tuireader.ingest.crawl_header import read_header, shorten
from tuireader.ingest.crawl_lines import inline_teaser, normalise
from tuireader.ingest.crawl_page_header import breadcrumb_end
from tuireader.ingest.crawl_story import story_markdown
from tuireader.ingest.crawl_teasers import find_block_start, read_block
from tuireader.model import Article, Teaser

SOFT_HYPHEN = "\xad"


def split_lines(text: str) -> list[str]:
    """Lines with white space normalised (``crawl_lines.normalise``); blank lines are kept as ``""``.

    Soft hyphens (where a browser may break a long word: "weiter\xadempfehlen") are dropped: they
    are no part of the word, and a terminal shows them as nothing or as a stray hyphen.
    """
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    return [normalise(line) for line in text.split("\n")]


def parse(text: str, furniture: Collection[int] = ()) -> Article:
    """Read crawler text with the first layout that fits it (``LAYOUTS``).

    ``furniture``: hashes (``crawl_page.line_hash``) of the lines the page's site repeats on its
    other pages, learnt by the library.
    """
    lines = split_lines(text)
    for layout in LAYOUTS:
        if layout.fits(lines):
            return layout.read(lines, furniture)
    return read_article_text(lines)


class WholePage:
    """A whole web page: menus, notices, teasers and footers around the article (``crawl_page``)."""

    name = "whole-page"

    def fits(self, lines: list[str]) -> bool:
        return crawl_page.looks_like_whole_page(lines)

    def read(self, lines: list[str], furniture: Collection[int] = ()) -> Article:
        return crawl_page.read(lines, furniture)


class ArticleText:
    """The article alone, from its section line on, with DWN cards or a labelled teaser block below it."""

    name = "article"

    def fits(self, lines: list[str]) -> bool:
        return True

    def read(self, lines: list[str], furniture: Collection[int] = ()) -> Article:
        return read_article_text(lines)


LAYOUTS: tuple[WholePage | ArticleText, ...] = (WholePage(), ArticleText())


def read_article_text(lines: list[str]) -> Article:
    header = read_header(lines)
    block_start = find_block_start(lines, header.end)
    block = read_block(lines[block_start:])
    story_lines, inline_teasers = _take_inline_teasers(header.story + lines[header.end : block_start])
    body, story_leftover = story_markdown(story_lines)

    title = breadcrumb_end(header.title)
    leftover = [header.title] if title != header.title else []  # the breadcrumb the title was the end of
    if not title:
        first = next((line for line in lines[header.end : block_start] if line), "")
        title = shorten(first)

    return Article(
        title=title,
        body=body,
        section=header.section,
        lead=header.lead,
        published=header.published,
        updated=header.updated,
        reading_minutes=header.reading_minutes,
        image_caption=header.image_caption,
        source=header.source or block.common_source,
        authors=header.authors,
        tags=header.tags,
        related_label=block.label,
        related=inline_teasers + block.teasers,
        leftover=leftover + header.leftover + story_leftover + block.leftover,
    )


def _take_inline_teasers(lines: list[str]) -> tuple[list[str], list[Teaser]]:
    """Story lines without the teasers set into them ("Lesen Sie auch: …"), and those teasers."""
    story: list[str] = []
    teasers: list[Teaser] = []
    for line in lines:
        found = inline_teaser(line) if line else None
        if found:
            teasers.append(Teaser(title=found[1]))
        else:
            story.append(line)
    return story, teasers


def site_lines(text: str) -> list[int]:
    """Hashes of a whole page's distinct lines (for the library to learn its site's furniture)."""
    return crawl_page.site_line_hashes(split_lines(text))
