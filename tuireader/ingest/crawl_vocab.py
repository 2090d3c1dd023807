"""The crawler-text path's lookups, derived from the shared vocabulary (``tuireader.ingest.vocab``).

No words live here: the lists are the ones the HTML path reads, made into what
whole-page crawler text needs, one line at a time:

- ``LABELS``: a whole line that says only this (case-folded, without a final
  colon, arrow or bullet) is furniture of that category: "Teilen", "Sign in";
  teaser headings also in their longer wordings (``vocab.is_teaser_label``);
- ``PHRASES``: a line holding one of these is furniture of that category when
  it is not long prose (``crawl_lines_kind.classify`` weighs the line's length);
  ``WEAK_PHRASES`` are those that running text uses in other senses too.

Categories: ``navigation``, ``share``, ``subscription``, ``consent``, ``comments``,
``footer``, ``advert``, ``teasers`` (a teaser block's heading; sponsored marks and
media headings among them, whose items are no articles: ``NOT_ARTICLES``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tuireader.ingest import vocab


def _folded(*lists: Iterable[str]) -> frozenset[str]:
    return frozenset(p.casefold() for items in lists for p in items)


LABELS: dict[str, frozenset[str]] = {
    "navigation": _folded(vocab.NAVIGATION_LABELS),
    "share": _folded(vocab.SHARE_LABELS, vocab.SHARE_BUTTONS, vocab.SOCIAL_NETWORKS),
    "subscription": _folded(vocab.SUBSCRIPTION_LABELS),
    "comments": _folded(vocab.COMMENT_LABELS),
    "footer": _folded(vocab.FOOTER_LABELS),
    "teasers": _folded(
        vocab.TEASER_LABELS,
        vocab.WEAK_TEASER_LABELS,
        vocab.BARE_TEASER_LABELS,
        vocab.SPONSORED_MARKS,
        vocab.MEDIA_MARKS,
        vocab.MEDIA_LABELS,
    ),
}
# Headings in the teaser category whose items are no articles of the site.
NOT_ARTICLES: frozenset[str] = _folded(vocab.SPONSORED_MARKS, vocab.MEDIA_MARKS)

# Phrases that make a line furniture wherever they stand in it (case-folded), by category; where a
# phrase is in two categories, the first named here wins.
PHRASES: dict[str, tuple[str, ...]] = {
    name: tuple(dict.fromkeys(p.casefold() for p in phrases))
    for name, phrases in (
        ("consent", vocab.CONSENT_PHRASES),
        ("footer", vocab.COPYRIGHT_MARKS + vocab.FOOTER_PHRASES),
        ("subscription", vocab.SUBSCRIPTION_PHRASES),
        ("comments", vocab.COMMENT_PHRASES),
        ("advert", vocab.ADVERT_PHRASES),
        ("share", vocab.SHARE_PHRASES),
    )
}
WEAK_PHRASES: frozenset[str] = _folded(vocab.WEAK_PHRASES)

# Words that make a line a byline's or credit's: "Von", "By", "Photograph by", "Quelle: dpa".
BYLINE_PREFIXES: tuple[str, ...] = vocab.BYLINE_PREFIXES
CREDIT_WORDS: tuple[str, ...] = vocab.unite(vocab.CREDIT_LABELS, vocab.SOURCE_LABELS, vocab.AGENCIES)

# The most frequent function words of all languages (jusText's stop-word density rests on them).
ALL_STOP_WORDS: frozenset[str] = frozenset().union(*vocab.STOP_WORDS.values())

_TRAILING = re.compile(r"[\s:»›>→▸▶•·|]+$")
_LEADING = re.compile(r"^[\s»›>→▸▶•·|]+")

# Teaser headings in their longer wordings ("Das könnte dich auch noch interessieren", "More from Politics").
MAX_TEASER_LABEL_WORDS = 8


def _bare(line: str) -> str:
    return _LEADING.sub("", _TRAILING.sub("", line))


def label_key(line: str) -> str:
    """A line as the label tables hold it: case-folded, without arrows, bullets or a final colon."""
    return _bare(line).casefold()


def label_category(line: str) -> str | None:
    """The furniture category of a line that is nothing but a known label, else None."""
    if len(line) > 60:
        return None
    bare = _bare(line)
    key = bare.casefold()
    for name, labels in LABELS.items():
        if key in labels:
            return name
    if len(key.split()) <= MAX_TEASER_LABEL_WORDS and vocab.is_teaser_label(bare):
        return "teasers"
    return None


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Whole words only: "subscribe" is not in "subscribers", "share" not in "shareholder"."""
    return re.compile(rf"(?<!\w)(?:{vocab.alternation(phrases)})(?!\w)")


_ALL_PHRASES = _phrase_pattern([p for phrases in PHRASES.values() for p in phrases])
_STRONG_PHRASE = _phrase_pattern([p for phrases in PHRASES.values() for p in phrases if p not in WEAK_PHRASES])
_CATEGORY_OF = {p: name for name, phrases in reversed(list(PHRASES.items())) for p in phrases}


def furniture_phrases(folded: str) -> tuple[int, int, str | None]:
    """(distinct phrases, of them those running text never uses, category of the first) in a case-folded line."""
    found = list(dict.fromkeys(m.group() for m in _ALL_PHRASES.finditer(folded)))
    if not found:
        return 0, 0, None
    strong = sum(1 for p in found if p not in WEAK_PHRASES)
    return len(found), strong, _CATEGORY_OF[found[0]]


def has_furniture_phrase(line: str) -> bool:
    """Whether a line holds a phrase that running text never uses (one search: cheap for every line)."""
    return _STRONG_PHRASE.search(line.casefold()) is not None
