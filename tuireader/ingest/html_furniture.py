"""Page furniture that is neither story nor teaser: ad labels, photo credits, bylines, date and
reading-time lines, share and comment labels, copyright lines, cookie notices, newsletter boxes.

Only short elements whose whole text is such a line are removed, so a story
sentence that mentions a newsletter or a photo stays.
"""

from __future__ import annotations

import re

from lxml import etree

from tuireader.ingest import vocab
from tuireader.ingest.html_dom import remove
from tuireader.ingest.html_metadata import first_word, is_byline, text_upto

_DATELINE = re.compile(
    rf"^(?:{vocab.published_label_pattern()}|{vocab.updated_label_pattern()})\s*:?\s*(?:\d|[^\W\d_]+,? \d)",
    re.I,
)
_READING_TIME = re.compile(rf"^{vocab.reading_time_pattern()}\W*$", re.I)
_TAGS = ("p", "div", "span", "strong", "b", "em", "i", "small", "label", "h2", "h3", "h4", "h5", "h6", "li")


# First words of furniture lines (newsletter boxes are found by the word "newsletter" anywhere).
_FIRST_WORDS = (
    vocab.first_words(
        "SPONSORED_MARKS",
        "CREDIT_LABELS",
        "PUBLISHED_LABELS",
        "UPDATED_LABELS",
        "READING_TIME_LABELS",
        "BYLINE_PREFIXES",
        "SHARE_LABELS",
        "SHARE_PHRASES",
        "COMMENT_LABELS",
        "COMMENT_PHRASES",
        "SUBSCRIPTION_LABELS",
        "SUBSCRIPTION_PHRASES",
    )
    | {"copyright", "©", "(c)"}
    | {w.split()[0] for w in vocab.CREDIT_LABELS}
)


def _may_be_furniture(el: etree._Element) -> bool:
    word = first_word(el)
    if word in _FIRST_WORDS or word[:1].isdigit():
        return True
    # a newsletter box says so in its own text or its children's, not deep inside
    pieces = [el.text] + [t for child in el for t in (child.text, child.tail)]
    return any(piece and ("ewsletter" in piece or "ookie" in piece) for piece in pieces)


def _is_furniture(text: str) -> bool:
    if len(text) <= 80 and vocab.starts_with_sponsored_mark(text):
        return True
    if len(text) <= 120 and vocab.is_credit(text):
        return True
    if len(text) <= 60 and (_DATELINE.match(text) or _READING_TIME.match(text)):
        return True
    if is_byline(text):
        return True  # the authors are shown with the header
    if len(text) <= 60 and (
        vocab.is_share_label(text) or vocab.is_comment_label(text) or vocab.is_subscription_prompt(text)
    ):
        return True
    if len(text) <= 200 and _COPYRIGHT.match(text) and (vocab.mentions_footer(text) or _YEAR.search(text)):
        return True
    if "ookie" in text and vocab.mentions_consent(text) and _CONSENT_ASK.search(text):
        return _ADDRESSES_READER.search(text) is not None  # a cookie notice asks the reader
    return len(text) <= 200 and vocab.is_newsletter_prompt(text)


_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A cookie notice asks the reader for something; a story sentence about cookies does not.
_ADDRESSES_READER = re.compile(r"\b(?:Sie|Ihre[nrms]?|du|dich|dein\w*|[Yy]ou|[Yy]our)\b")
_CONSENT_ASK = re.compile(
    r"\b(?:akzeptier\w*|zustimm\w*|stimmen sie|einverstanden|einwillig\w*|ablehnen|accept\w*|agree|consent\w*|reject|"
    r"opt[- ]out|manage (?:settings|preferences))\b",
    re.I,
)


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
