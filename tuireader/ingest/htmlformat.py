"""A saved web page to an Article: the main story as markdown, its teasers apart.

1. ``html_dom``: parse the untrusted text into a tree of bounded size and depth.
2. ``html_metadata``: JSON-LD, then OpenGraph / ``article:*`` meta tags, then the page text.
3. ``html_dom.sanitise``: scripts, styles, frames, form controls, tracking pixels
   and unsafe links go.
4. Figure captions are marked so that they survive extraction.
5. ``html_teasers``: related-article blocks (by label or by shape) are taken out
   and read as teasers; ``html_furniture``: ad labels, photo credits, newsletter
   boxes and reader comments go.
6. ``html_lead``: the printed lead (standfirst) is found; it becomes the
   article's lead and is not repeated in the body.
7. trafilatura locates the main story in what is left; ``html_markdown`` turns it
   into markdown with numbered lists and figure captions intact.

``parse`` never raises for any text.
"""

from __future__ import annotations

import logging
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

# trafilatura logs every page it finds too short or empty
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_WS = re.compile(r"\s+")


def parse(text: str) -> Article:
    """Parse a saved HTML page. Never raises: a page that cannot be read yields an empty story."""
    try:
        return _parse(text)
    except Exception as exc:
        return Article(title="", leftover=[f"page could not be read as HTML ({type(exc).__name__})"])


def _parse(text: str) -> Article:
    tree, notes = html_dom.load(text if isinstance(text, str) else str(text))
    json_ld = html_metadata.from_json_ld(tree)  # before the scripts go
    html_dom.sanitise(tree)
    meta = html_metadata.extract(tree, json_ld)
    body = tree.find("body")
    if body is None:
        return Article(title=meta.title or "", leftover=notes, **_meta_fields(meta))
    if oversize.too_large(body):  # read plainly, in bounded time
        notes.append(oversize.NOTE.format(count=oversize.element_count(body, 10**9)))
        return Article(title=meta.title or "", body=oversize.plain_story(body), leftover=notes, **_meta_fields(meta))

    captions = _mark_captions(body)
    if meta.image_caption is None and captions:
        meta.image_caption = captions[0]
    label, teasers, _ = html_teasers.take_out(body)
    html_teasers.resolve_urls(teasers, meta.url)
    html_furniture.take_out(body)
    printed_lead = html_lead.find(body, meta.lead, meta.title)

    story = _extract_story(tree, meta.url)
    story = _drop_leading_title(story, meta.title)
    story = _drop_leading_caption(story, meta.image_caption)
    if printed_lead:
        # the reader shows the lead above the body: it is not repeated in the body
        story = html_lead.remove_from_story(story, printed_lead)
        meta.lead = printed_lead
    return Article(
        title=meta.title or "",
        body=story,
        related_label=label if teasers else None,
        related=teasers,
        leftover=notes,
        **_meta_fields(meta),
    )


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


def _mark_captions(body: etree._Element) -> list[str]:
    """Turn each captioned figure into a marked caption paragraph.

    The extractor drops ``<figure>`` with its caption; a paragraph in the
    figure's place is kept wherever the figure belongs to the story, and the
    marker makes it a caption again in the markdown.
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
        paragraph = etree.Element("p")
        paragraph.text = html_markdown.CAPTION_MARK + caption
        paragraph.tail = figure.tail
        figure.getparent().replace(figure, paragraph)
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
