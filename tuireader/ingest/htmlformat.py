"""A saved web page to an Article: the main story as markdown, its teasers apart.

1. ``html_dom``: parse the untrusted text into a tree of bounded size and depth.
2. ``html_metadata``: JSON-LD, then OpenGraph / ``article:*`` meta tags, then the page text.
3. ``html_dom.sanitise``: scripts, styles, frames, form controls, tracking pixels
   and unsafe links go.
4. Figures go: the first one's caption is the article's ``image_caption`` (shown
   with the header); captions are not story text.
5. ``html_teasers``: related-article blocks (by label or by shape) are taken out
   and read as teasers; ``html_furniture``: ad labels, photo credits, newsletter
   boxes and reader comments go.
6. ``html_lead``: the printed lead (standfirst) is found; it becomes the
   article's lead and is not repeated in the body.
7. trafilatura locates the main story in what is left; ``html_markdown`` turns it
   into markdown with numbered lists intact.

``parse`` never raises for any text.
"""

from __future__ import annotations

import copy
import re

import trafilatura
from lxml import etree

from tuireader.ingest import (
    html_dom,
    html_furniture,
    html_lead,
    html_markdown,
    html_metadata,
    html_teasers,
    oversize,
)
from tuireader.model import Article

_WS = re.compile(r"\s+")


def parse(text: str) -> Article:
    """Parse a saved HTML page. Never raises: a page that cannot be read yields an empty story."""
    try:
        return _parse(text)
    except Exception as exc:
        return Article(title="", leftover=[f"page could not be read as HTML ({type(exc).__name__})"])


def _parse(text: str) -> Article:
    text = text if isinstance(text, str) else str(text)
    tree, notes = html_dom.load(text)
    json_ld = html_metadata.from_json_ld(tree)  # before the scripts go
    html_dom.sanitise(tree)
    meta = html_metadata.extract(tree, json_ld)
    body = tree.find("body")
    if body is None:
        body = _noframes_body(tree)
    if body is None:
        body = tree  # content in elements of its own: the whole page is read
    if oversize.too_large(body):  # read plainly, in bounded time
        notes.append(oversize.NOTE.format(count=oversize.element_count(body, 10**9)))
        return Article(title=meta.title or "", body=oversize.plain_story(body), leftover=notes, **_meta_fields(meta))

    captions = _take_out_figures(body)
    if meta.image_caption is None and captions:
        meta.image_caption = captions[0]
    label, teasers, _ = html_teasers.take_out(body)
    html_teasers.resolve_urls(teasers, meta.url)
    teasers = html_teasers.tidy(teasers, meta.url, meta.title)
    html_furniture.take_out(body)
    printed_lead = html_lead.find(body, meta.lead, meta.title)

    story = _extract_story(tree, meta.url)
    story = _with_continued_chunks(body, story)
    story = _drop_leading_title(story, meta.title)
    story = _drop_leading_caption(story, meta.image_caption)
    if printed_lead:
        # the reader shows the lead above the body: it is not repeated in the body
        story = html_lead.remove_from_story(story, printed_lead)
        meta.lead = printed_lead
    elif meta.lead and not _prints_apart(meta.lead, story, body, meta.image_caption):
        meta.lead = None
    if len(_letters(story)) < NO_STORY and len(_letters(printed_lead or "")) < NO_STORY:
        story = _fallback_story(text, meta.url, teasers) or story
    return Article(
        title=meta.title or "",
        body=story,
        related_label=label if teasers else None,
        related=teasers,
        leftover=notes,
        **_meta_fields(meta),
    )


def _prints_apart(description: str, story: str, body: etree._Element, caption: str | None) -> bool:
    """Whether the page prints its description outside the story (then it is the lead).

    A description that the page does not print is written for search engines and
    link previews, not for the reader; one that opens the story is not repeated above
    it, and one that is a picture's caption stays the caption.
    """
    key = _letters(description)[:60]
    if len(key) < 20 or key in _letters(story) or key in _letters(caption or ""):
        return False
    return key in _letters(body.text_content())


# A story with fewer letters than this is no story: the page is read again as the extractor alone sees it.
NO_STORY = 80


def _fallback_story(text: str, url: str | None, teasers: list) -> str:
    """The story as the extractor finds it in the whole page, without what was read as teasers.

    For pages where this parser's own selection left nothing (the story in an element
    it does not know, outside ``<body>``, or inside what looked like a teaser block).
    """
    tree, _ = html_dom.load(text)
    html_dom.sanitise(tree)
    story = _extract_story(tree, url)
    if len(_letters(story)) < NO_STORY:
        return ""
    titles = {_letters(t.title) for t in teasers if len(t.title) >= 20}
    kept = [p for p in story.split("\n\n") if _letters(_markdown_words(p)) not in titles]
    return "\n\n".join(kept)


def _markdown_words(paragraph: str) -> str:
    """A markdown paragraph's words without link targets and marks (to compare it with a teaser title)."""
    return re.sub(r"\]\([^)]*\)", "", paragraph)


# Paragraphs shorter than this in a continued chunk are not story text (ad labels, credits).
CHUNK_PARAGRAPH = 40


def _with_continued_chunks(body: etree._Element, story: str) -> str:
    """The story with its continuation where the page splits it into chunks of the same kind.

    Some templates cut the story into several sibling containers of one class
    (around advertisements); the extractor keeps only the chunk it found. The
    paragraphs of the following chunks of the same tag and class are added.
    """
    anchor = _element_of(body, story)
    if anchor is None:
        return story
    for level, chunk in enumerate(anchor.iterancestors()):
        if level >= 6 or chunk.tag in ("body", "html", "main", "article"):
            break
        parent = chunk.getparent()
        cls = chunk.get("class")
        if parent is None or not cls:
            continue
        following = [s for s in chunk.itersiblings() if s.tag == chunk.tag and s.get("class") == cls]
        if not following:
            continue
        known = _letters(_markdown_words(story))
        added: list[str] = []
        for sibling in following:
            for p in sibling.iter("p"):
                text = html_metadata.clean(p.text_content())
                key = _letters(text)[:80]
                if len(text) < CHUNK_PARAGRAPH or key in known or _link_share(p) >= 0.5:
                    continue
                paragraph = html_markdown.to_markdown(copy.deepcopy(p))
                lines = paragraph.split("\n")
                if len(lines) > 1 and len(paragraph) / len(lines) < CHUNK_PARAGRAPH:
                    continue  # short lines under each other: a data box, not prose
                added.append(paragraph)
        return "\n\n".join([story, *added]) if added else story
    return story


def _element_of(body: etree._Element, story: str) -> etree._Element | None:
    """The ``<p>`` of the page that holds the story's first long paragraph."""
    first = next((p for p in story.split("\n\n") if len(_letters(p)) >= 80), None)
    if first is None:
        return None
    key = _letters(_markdown_words(first))[:60]
    for p in body.iter("p"):
        if _letters(p.text_content())[:60] == key:
            return p
    return None


def _link_share(el: etree._Element) -> float:
    text = len(el.text_content()) or 1
    return sum(len(a.text_content()) for a in el.iter("a")) / text


def _noframes_body(tree: etree._Element) -> etree._Element | None:
    """A frameset page's ``<noframes>`` content as the page's body.

    The HTML parser keeps what stands in ``<noframes>`` as text; it is read as markup
    here (within the same bounds as any page) and sanitised like the rest.
    """
    noframes = next(tree.iter("noframes"), None)
    if noframes is None or "<" not in (noframes.text or ""):
        return None
    inner, _ = html_dom.load(f"<html><body>{noframes.text}</body></html>")
    html_dom.sanitise(inner)
    body = inner.find("body")
    if body is None:
        return None
    noframes.getparent().replace(noframes, body)
    return body


def _meta_fields(meta: html_metadata.Metadata) -> dict:
    return {
        "section": meta.section,
        "lead": meta.lead,
        "published": meta.published,
        "updated": meta.updated,
        "reading_minutes": meta.reading_minutes,
        "image_caption": meta.image_caption,
        "source": meta.source,
        "url": meta.url,
        "authors": list(meta.authors),
        "tags": list(meta.tags),
    }


def _take_out_figures(body: etree._Element) -> list[str]:
    """Remove each captioned picture from the page; returns the captions in page order.

    A caption describes a picture the terminal does not show: it is not story text
    (the ground truths of the extraction benchmarks leave captions out). The first is kept as the
    article's ``image_caption``.
    """
    captions: list[str] = []
    for figure in list(body.iter("figure")):
        caption_el = figure.find(".//figcaption")
        if caption_el is None or figure.find(".//table") is not None:
            continue
        if _links_elsewhere(figure):
            continue  # a teaser card shaped as a figure, not a picture of the story
        caption = _WS.sub(" ", caption_el.text_content()).strip()
        if not caption:
            continue
        captions.append(caption)
        html_dom.remove(figure)
    return captions


# A story shorter than this is read again with the extractor favouring recall.
SHORT_STORY = 400


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)(?:[?#].*)?$", re.I)


def _links_elsewhere(figure: etree._Element) -> bool:
    """Whether the figure links to another page (not just to a larger version of its image)."""
    links = [a for a in figure.iter("a")] + [a for a in figure.iterancestors() if a.tag == "a"]
    return any(not _IMAGE_FILE.search((a.get("href") or "").strip()) for a in links if a.get("href"))


def _extract_story(tree: etree._Element, url: str | None) -> str:
    story = _extract(tree, url, favor_recall=False)
    if len(story) < SHORT_STORY:
        second = _extract(tree, url, favor_recall=True)
        if len(second) > 2 * len(story):
            story = second
    return story


def _extract(tree: etree._Element, url: str | None, favor_recall: bool) -> str:
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_recall=favor_recall,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,
        include_formatting=True,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    if body is None:
        return ""
    html = html_markdown.xml_body_to_html(body)
    return html_markdown.to_markdown(html)


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text.replace("\\", "")).casefold()


def _drop_leading_title(story: str, title: str | None) -> str:
    """The story without a first heading that repeats the headline (with or without its kicker)."""
    if not title or not story.startswith("#"):
        return story
    first, _, rest = story.partition("\n")
    if _letters(title) and _letters(title) in _letters(first):
        return rest.lstrip("\n")
    return story


def _drop_leading_caption(story: str, caption: str | None) -> str:
    """The story without the lead picture's caption when it opens the story (it is the article's
    ``image_caption``, shown with the header)."""
    if not caption:
        return story
    first, _, rest = story.partition("\n\n")
    if first.startswith("*") and _letters(first) == _letters(caption):
        return rest.lstrip("\n")
    return story
