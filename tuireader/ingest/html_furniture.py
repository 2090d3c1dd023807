"""Page furniture that is neither story nor teaser: ad labels, photo credits, newsletter boxes.

Only short elements whose whole text is such a line are removed, so a story
sentence that mentions a newsletter or a photo stays.
"""

from __future__ import annotations

import re

from lxml import etree

from tuireader.ingest.html_dom import remove
from tuireader.ingest.html_metadata import first_word, text_upto

_AD_LABEL = re.compile(r"^\*?\s*(?:anzeige|werbung|advertisement|sponsored|gesponsert|paid post)\b", re.I)
_CREDIT = re.compile(
    r"^(?:titelbild|titelfoto|aufmacherbild|beitragsbild|fotos?|bilder?|copyright|©|image|photo|picture)"
    r"(?:\s*(?:credit|quelle|nachweis))?\s*[:©]",
    re.I,
)
_DATELINE = re.compile(
    r"^(?:veröffentlicht|veröffentlichung|erschienen|aktualisiert|zuletzt aktualisiert|stand|published|updated|posted)"
    r"(?: am| on)?\s*:?\s*(?:\d|[a-zäöü]+,? \d)",
    re.I,
)
_NEWSLETTER = re.compile(r"newsletter", re.I)
_SIGN_UP = re.compile(r"anmelden|abonnier|bestell|informiert|registrier|sign ?up|subscribe", re.I)
_TAGS = ("p", "div", "span", "strong", "b", "em", "i", "small", "label", "h2", "h3", "h4", "h5", "h6", "li")


# First words of furniture lines (newsletter boxes are found by the word "newsletter" anywhere).
_FIRST_WORDS = {
    "anzeige", "werbung", "advertisement", "sponsored", "gesponsert", "paid", "titelbild", "titelfoto",
    "aufmacherbild", "beitragsbild", "foto", "fotos", "bild", "bilder", "copyright", "©", "image", "photo",
    "picture", "veröffentlicht", "veröffentlichung", "erschienen", "aktualisiert", "zuletzt", "stand", "published",
    "updated", "posted",
}  # fmt: skip


def _may_be_furniture(el: etree._Element) -> bool:
    if first_word(el) in _FIRST_WORDS:
        return True
    # a newsletter box says so in its own text or its children's, not deep inside
    pieces = [el.text] + [t for child in el for t in (child.text, child.tail)]
    return any(piece and "ewsletter" in piece for piece in pieces)


def _is_furniture(text: str) -> bool:
    if len(text) <= 80 and _AD_LABEL.match(text):
        return True
    if len(text) <= 120 and _CREDIT.match(text):
        return True
    if len(text) <= 60 and _DATELINE.match(text):
        return True
    return len(text) <= 200 and bool(_NEWSLETTER.search(text) and _SIGN_UP.search(text))


_COMMENTS = re.compile(
    r"^(?:comments?(?:[-_](?:list|area|section|container|wrapper|item|block|form))?|commentlist|kommentare?|"
    r"disqus_thread|respond|user-?comments|leserkommentare)$",
    re.I,
)


def _is_comment_section(el: etree._Element) -> bool:
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any(_COMMENTS.match(t) for t in tokens)


def take_out(body: etree._Element) -> int:
    """Remove furniture lines and reader-comment sections from the tree; returns how many."""
    found: list[etree._Element] = []
    for el in body.iter():
        if isinstance(el.tag, str) and el.tag not in ("body", "main", "article") and _is_comment_section(el):
            found.append(el)
    for el in body.iter(*_TAGS):
        if len(el) > 6:
            continue
        if not _may_be_furniture(el):
            continue
        text = text_upto(el, 200)
        if not text or not _is_furniture(text):
            continue
        # the outermost element holding just this line
        while (parent := el.getparent()) is not None and parent.tag != "body" and text_upto(parent, len(text)) == text:
            el = parent
        found.append(el)
    count = 0
    chosen = set(found)
    for el in found:
        if el.getparent() is not None and not any(a in chosen for a in el.iterancestors()):
            remove(el)
            count += 1
    return count
