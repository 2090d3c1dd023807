"""The printed lead (standfirst) of a page: the reader shows it above the story.

Extractors often leave it out of the story, or keep it as the story's first
paragraph; either way it becomes ``Article.lead`` and not part of the body.

The lead is the element whose text is the page's description, or else the
first element marked as a lead by its class (``lead``, ``intro``, ``teaser-text``,
``excerpt``, ``abstract``, ``chapo``, ``standfirst``, ...).
"""

from __future__ import annotations

import re

from lxml import etree

from tuireader.ingest.html_metadata import clean, first_word, text_upto

_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|leadtext|intro|introduction|teaser-?text|excerpt|abstract|chapo|standfirst|"
    r"article-?summary|summary|subline|kicker-?text|dek|deck|text-lead|ts-intro)(?:$|[\s_-])",
    re.I,
)
_TAGS = ("p", "div", "h2", "h3", "span", "strong", "section", "header")
MIN_LEAD = 60
MAX_LEAD = 900
# How many elements away from the headline a marked lead may be.
NEAR_HEADLINE = 60


def _link_len(el: etree._Element) -> int:
    return sum(len(clean(a.text_content())) for a in el.iter("a"))


def _is_container(el: etree._Element) -> bool:
    """An element holding the lead with the headline or with further paragraphs."""
    if el.find(".//h1") is not None or el.find(".//h2") is not None:
        return True
    return sum(1 for _ in zip(range(2), el.iter("p"), strict=False)) > 1 or (
        el.tag != "p" and el.find(".//p") is not None and len(el) > 1
    )


# A "lead" that is a picture: "page-lead-media", "lead-image", "article-opener" holding a figure.
_MEDIA_CLASS = re.compile(r"media|image|img|photo|picture|figure|video|gallery|slide|carousel", re.I)
_MEDIA_TAGS = ("figure", "figcaption", "img", "picture", "video")


def _is_media(el: etree._Element) -> bool:
    """A picture with its caption, not printed text: the lead is never one."""
    if _MEDIA_CLASS.search(el.get("class") or ""):
        return True
    if any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
        return True
    return next(el.iter(*_MEDIA_TAGS), None) is not None


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())[:60]


def find(body: etree._Element, description: str | None, headline: str | None = None) -> str | None:
    """The text of the page's printed lead, if it has one.

    An element marked as a lead only counts near the headline: teaser cards
    elsewhere on the page have "summary" and "excerpt" classes too.
    """
    wanted = _key(description) if description and len(description) >= 40 else None
    wanted_word = (description or "").split(None, 1)[0].lower().strip("*:,.!?»«>\"'„“") if wanted else None
    marked: str | None = None
    headline_key = _key(headline) if headline else None
    headline_at: int | None = None
    marked_at = 0
    for index, el in enumerate(body.iter()):
        if not isinstance(el.tag, str):
            continue
        if (
            headline_at is None
            and el.tag == "h1"
            and headline_key
            and headline_key[:30] in _key(text_upto(el, 400) or "")
        ):
            headline_at = index
        if el.tag not in _TAGS:
            continue
        marked_here = marked is None and _LEAD_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}")
        if not marked_here and (wanted_word is None or first_word(el) != wanted_word):
            continue  # neither marked as a lead nor starting like the description
        text = text_upto(el, MAX_LEAD)
        if text is None or len(text) < MIN_LEAD or _link_len(el) > len(text) / 4 or _is_media(el):
            continue
        key = _key(text)
        if headline_key and _key(headline or "")[:40] in _key(text[:400]) and len(headline_key) >= 20:
            continue  # the headline with its kicker, not a lead
        if wanted and (key.startswith(wanted[:40]) or wanted.startswith(key[:40])) and not _is_container(el):
            return text
        if marked_here:
            marked, marked_at = text, index
    if marked is not None and headline_at is not None and -NEAR_HEADLINE < marked_at - headline_at < NEAR_HEADLINE:
        return marked
    return None


def remove_from_story(story: str, lead: str) -> str:
    """The story without the lead paragraph, when it is among its first paragraphs."""
    paragraphs = story.split("\n\n")
    key = _key(lead)[:40]
    for index, paragraph in enumerate(paragraphs[:3]):
        plain = paragraph.replace("\\", "")
        if key and _key(plain)[:40] == key and len(plain) <= 1.2 * len(lead) + 20:
            return "\n\n".join(paragraphs[:index] + paragraphs[index + 1 :]).strip()
    return story
