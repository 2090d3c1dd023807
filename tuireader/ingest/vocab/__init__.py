"""The words of page furniture, one module of data per language, and how they are matched.

Both ingest paths read their words here: the HTML path through the functions
below, the crawler-text path through the lookups ``crawl_vocab`` derives from
the same lists. A line is asked whether it is a teaser heading, a sponsored
mark, a byline, a date or reading-time label, a picture credit, a consent or
subscription prompt, a comment or share label, a navigation or footer line;
the stop words tell running text from furniture. The phrases of all languages
are used together, as pages mix them ("Related" on German sites).

Notation of the data: lower-case phrases, compared case-insensitively with any
run of white space for a space; ``{a,b}`` stands for either alternative, and an
empty one makes a word optional (``{auch ,}``). ``*_LABELS`` are lines that say
only this; ``*_PHRASES`` count anywhere in a line.

Adding a language: copy ``en.py`` to ``<code>.py``, translate each list (a list
left out counts as empty, see ``fr.py``), name the module in ``LANGUAGES``, and
add crawler-text and HTML fixtures of that language's pages to the tests
(``tests/fixtures/crawl``, ``tests/test_vocab.py``). No parser code changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import ModuleType
from typing import Any

from tuireader.ingest.vocab import de, en, fr

LANGUAGES: tuple[ModuleType, ...] = (de, en, fr)

# Marks and names the same in every language.
COPYRIGHT_MARKS = ("©", "copyright")
# Networks a share bar links to: names in running text, a share bar's buttons in crawler text alone.
SOCIAL_NETWORKS = (
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "xing", "reddit", "pinterest", "flipboard",
    "instagram", "youtube", "tiktok", "threads", "bluesky", "mastodon", "pocket", "rss", "mailto",
)  # fmt: skip
# Picture agencies named in a credit ("Foto: Reuters", "dpa/Max Muster").
AGENCIES = ("getty images", "imago", "reuters", "dpa", "afp", "ap photo")

_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(phrase: str) -> list[str]:
    """Every phrase that ``{a,b}`` alternatives stand for."""
    m = _BRACES.search(phrase)
    if m is None:
        return [phrase]
    return [out for choice in m.group(1).split(",") for out in expand(phrase[: m.start()] + choice + phrase[m.end() :])]


def phrases(name: str) -> tuple[str, ...]:
    """The expanded phrases of one list, over all languages, without repeats, in order."""
    seen: dict[str, None] = {}
    for language in LANGUAGES:
        for phrase in getattr(language, name, ()):
            for one in expand(phrase):
                seen.setdefault(one.lower(), None)
    return tuple(seen)


def months() -> dict[str, int]:
    out: dict[str, int] = {}
    for language in LANGUAGES:
        out.update(getattr(language, "MONTHS", {}))
    return out


def stop_words() -> dict[str, frozenset[str]]:
    """Each language's stop words (its most frequent function words)."""
    return {language.LANGUAGE: frozenset(getattr(language, "STOP_WORDS", ())) for language in LANGUAGES}


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of the phrases, white space matching any run of it.

    The phrases share their beginnings as a trie (``mehr (?:aus|zu(?:m)?)``): that
    matches what a flat alternation of them, longest first, matches, in a fraction
    of the time, since a line is read against one branch per letter, not per phrase.
    """
    trie: dict[str, Any] = {}
    for phrase in items:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(rest) for char, rest in node.items() if char
    ]
    if not branches:
        return ""
    if "" not in node:
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{'|'.join(branches)})?"  # a longer phrase first, as the greedy ``?`` tries it first


def first_words(*names: str) -> frozenset[str]:
    """The first words of the phrases of these lists (a quick test before a pattern)."""
    return frozenset(p.split()[0] for name in names for p in phrases(name) if p.split())


def unite(*lists: tuple[str, ...]) -> tuple[str, ...]:
    """Several lists as one, without repeats, in order."""
    return tuple(dict.fromkeys(p for items in lists for p in items))


TEASER_LABELS = phrases("TEASER_LABELS")
TEASER_LABEL_PREFIXES = phrases("TEASER_LABEL_PREFIXES")
WEAK_TEASER_LABELS = phrases("WEAK_TEASER_LABELS")
WEAK_TEASER_LABEL_PREFIXES = phrases("WEAK_TEASER_LABEL_PREFIXES")
BARE_TEASER_LABELS = phrases("BARE_TEASER_LABELS")
MEDIA_MARKS = phrases("MEDIA_MARKS")
MEDIA_LABELS = phrases("MEDIA_LABELS")
SPONSORED_MARKS = phrases("SPONSORED_MARKS")
BYLINE_PREFIXES = phrases("BYLINE_PREFIXES")
AND_WORDS = phrases("AND_WORDS")
READING_TIME_LABELS = phrases("READING_TIME_LABELS")
MINUTE_WORDS = phrases("MINUTE_WORDS")
READ_WORDS = phrases("READ_WORDS")
ABOUT_WORDS = phrases("ABOUT_WORDS")
PUBLISHED_LABELS = phrases("PUBLISHED_LABELS")
UPDATED_LABELS = phrases("UPDATED_LABELS")
DATE_FILLERS = phrases("DATE_FILLERS")
CLOCK_WORDS = phrases("CLOCK_WORDS")
RELATIVE_BEFORE = phrases("RELATIVE_BEFORE")
RELATIVE_AFTER = phrases("RELATIVE_AFTER")
NUMBER_WORDS = phrases("NUMBER_WORDS")
TIME_UNITS = phrases("TIME_UNITS")
DAY_WORDS = phrases("DAY_WORDS")
NOW_PHRASES = phrases("NOW_PHRASES")
CREDIT_LABELS = phrases("CREDIT_LABELS")
CAPTION_LABELS = phrases("CAPTION_LABELS")
SOURCE_LABELS = phrases("SOURCE_LABELS")
TAG_LABELS = phrases("TAG_LABELS")
LINKING_WORDS = phrases("LINKING_WORDS")
NAVIGATION_LABELS = phrases("NAVIGATION_LABELS")
CONSENT_PHRASES = phrases("CONSENT_PHRASES")
SUBSCRIPTION_LABELS = phrases("SUBSCRIPTION_LABELS")
SUBSCRIPTION_PHRASES = phrases("SUBSCRIPTION_PHRASES")
SIGN_UP_WORDS = phrases("SIGN_UP_WORDS")
COMMENT_LABELS = phrases("COMMENT_LABELS")
COMMENT_PHRASES = phrases("COMMENT_PHRASES")
SHARE_LABELS = phrases("SHARE_LABELS")
SHARE_PHRASES = phrases("SHARE_PHRASES")
SHARE_BUTTONS = phrases("SHARE_BUTTONS")
FOOTER_LABELS = phrases("FOOTER_LABELS")
FOOTER_PHRASES = phrases("FOOTER_PHRASES")
ADVERT_PHRASES = phrases("ADVERT_PHRASES")
WEAK_PHRASES = phrases("WEAK_PHRASES")
WEEKDAYS = phrases("WEEKDAYS")
MONTHS = months()
STOP_WORDS = stop_words()

# What may close a heading: "Mehr zum Thema:", "Read more »", "Schon gelesen?"
_LABEL_END = r"\s*[:.…>»›?!→]*"
_TEASER_LABEL = re.compile(
    rf"^(?:(?:{alternation(TEASER_LABELS)})|(?:{alternation(TEASER_LABEL_PREFIXES)})\s+.{{1,40}}?){_LABEL_END}$",
    re.I,
)
_WEAK_TEASER_LABEL = re.compile(
    rf"^(?:(?:{alternation(WEAK_TEASER_LABELS)})|(?:{alternation(WEAK_TEASER_LABEL_PREFIXES)})\s+\w.{{0,40}}?)"
    rf"{_LABEL_END}$",
    re.I,
)
TEASER_LABEL_FIRST_WORDS = first_words(
    "TEASER_LABELS", "TEASER_LABEL_PREFIXES", "WEAK_TEASER_LABELS", "WEAK_TEASER_LABEL_PREFIXES"
)


def _first_word(text: str) -> str:
    words = text.split(None, 1)
    return words[0].rstrip(":.…>»›?!→").lower() if words else ""


def is_teaser_label(text: str, weak: bool = False) -> bool:
    """A heading of a related-articles block ("Mehr zum Thema", "Read more:", "Most popular in Tech").

    ``weak``: also the headings that mark a block only when links follow them
    ("Weitere Tourentipps in Schweden", "More Sports").
    """
    if len(text) > 90 or _first_word(text) not in TEASER_LABEL_FIRST_WORDS:
        return False
    return _TEASER_LABEL.match(text) is not None or (weak and _WEAK_TEASER_LABEL.match(text) is not None)


_SPONSORED_MARK = re.compile(rf"\b(?:{alternation(SPONSORED_MARKS)})\b", re.I)
# A mark opening a line: alone, before punctuation, "by", or a capitalised word ("Anzeige Jetzt bestellen"),
# but not as the first word of a sentence ("Promoted to captain in 2019, she ...").
_STARTS_SPONSORED = re.compile(
    rf"^\*?\s*(?:{alternation(SPONSORED_MARKS)})(?:\s*$|\s*[^\w\s]|\s+(?:by|von|from)\b|\s+(?-i:[A-ZÄÖÜ\d]))",
    re.I,
)


def mentions_sponsor(text: str) -> bool:
    """Whether a sponsored mark stands anywhere in the text (a card's few lines)."""
    return _SPONSORED_MARK.search(text) is not None


def starts_with_sponsored_mark(text: str) -> bool:
    return _STARTS_SPONSORED.match(text) is not None


def byline_prefix_pattern() -> str:
    """A regex for the words before the authors' names, with an optional colon ("Von", "Autor:")."""
    return rf"(?:{alternation(BYLINE_PREFIXES)})\s*:?"


def reading_time_pattern() -> str:
    """A regex of a reading time with the minutes in group ``minutes`` ("Lesezeit: ca. 4 Min.", "4 min read")."""
    minute = alternation(MINUTE_WORDS)
    label = alternation(READING_TIME_LABELS)
    return (
        rf"(?:(?:{label})\s*:?\s*(?:{alternation(ABOUT_WORDS)})?\s*(?P<minutes>\d{{1,3}})\s*(?:{minute})\b"
        rf"|(?P<minutes_before>\d{{1,3}})\s*-?\s*(?:{minute})\s+(?:{alternation(READ_WORDS)}|{label})\b)"
    )


def published_label_pattern() -> str:
    return alternation(PUBLISHED_LABELS)


def updated_label_pattern() -> str:
    return alternation(UPDATED_LABELS)


_CREDIT = re.compile(
    rf"^(?:copyright|©|(?:{alternation(CREDIT_LABELS)})(?:\s*(?:credit|quelle|nachweis))?)\s*[:©]", re.I
)


def is_credit(text: str) -> bool:
    """A picture credit line ("Foto: dpa", "Image © Reuters", "Titelbild: ...")."""
    return _CREDIT.match(text) is not None


_SIGN_UP = re.compile(alternation(SIGN_UP_WORDS), re.I)


def is_newsletter_prompt(text: str) -> bool:
    """A box asking to sign up for a newsletter (a story sentence about a newsletter asks nothing)."""
    return "ewsletter" in text and _SIGN_UP.search(text) is not None


def _whole_line(items: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(items)}){_LABEL_END}$", re.I)


# A line that is nothing but a phrase of a kind is a label of that kind.
_COMMENT_LABEL = _whole_line(unite(COMMENT_LABELS, COMMENT_PHRASES))
_SHARE_LABEL = _whole_line(unite(SHARE_LABELS, SHARE_PHRASES))
_FOOTER = re.compile(rf"\b(?:{alternation(unite(FOOTER_LABELS, FOOTER_PHRASES))})\b", re.I)
_CONSENT = re.compile(rf"\b(?:{alternation(CONSENT_PHRASES)})\b", re.I)
_SUBSCRIPTION_PROMPT = _whole_line(unite(SUBSCRIPTION_LABELS, SUBSCRIPTION_PHRASES))


def is_comment_label(text: str) -> bool:
    """A heading of the reader-comment section ("Kommentare", "Leave a reply")."""
    return len(text) <= 60 and _COMMENT_LABEL.match(text) is not None


def is_share_label(text: str) -> bool:
    return len(text) <= 60 and _SHARE_LABEL.match(text) is not None


def mentions_footer(text: str) -> bool:
    """Whether the text names a footer item ("Impressum", "All rights reserved")."""
    return _FOOTER.search(text) is not None


def mentions_consent(text: str) -> bool:
    return _CONSENT.search(text) is not None


def is_subscription_prompt(text: str) -> bool:
    """A line that only asks to subscribe, sign up or log in ("Jetzt abonnieren", "Subscribe now")."""
    return len(text) <= 60 and _SUBSCRIPTION_PROMPT.match(text) is not None
