"""What one line of whole-page crawler text is: a pure classifier, testable one line at a time.

``classify(line)`` looks at a single stripped, non-blank line and knows nothing of
its neighbours. The kinds follow the shallow text features of boilerplate
detection (Kohlschütter et al. 2010: word counts; jusText: stop-word density
with length classes):

- ``FURNITURE``: a known label or phrase of page furniture (``crawl_vocab``),
  with its category (navigation, share, subscription, consent, comments,
  footer, teasers);
- ``DATE``, ``BYLINE``, ``CAPTION``: header lines of an article;
- ``PROSE``: a sentence or more of running text (enough words, enough stop words);
- ``TEXT``: a short sentence (a few words, ending like one);
- ``HEADLINE``: a line of several words that does not end like a sentence;
- ``SHORT``: a word or two (menu items, section names, kickers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from tuireader.ingest.crawl_lines import has_credit, is_caption, reading_minutes, relative_time
from tuireader.ingest.crawl_vocab import (
    ALL_STOP_WORDS,
    BYLINE_PREFIXES,
    CREDIT_WORDS,
    furniture_phrases,
    label_category,
)
from tuireader.ingest.dates import find_dates, parse_date_line
from tuireader.ingest.vocab import alternation

# Length classes (words) and stop-word densities. jusText's defaults are 0.30 / 0.32 with
# full stop-word lists of a few hundred words; our lists hold the ~150 most frequent of each
# language, which cover somewhat less of running text, so the bounds are lower.
PROSE_MIN_WORDS = 10
PROSE_MIN_STOP = 0.18
LONG_PROSE_WORDS = 40  # a long line is running text even with few function words (lists of names aside)
LONG_PROSE_MIN_STOP = 0.10
TEXT_MIN_WORDS = 4
SENTENCES_WORDS = 20
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_CHARS = 200
# A line with one furniture phrase is furniture when it is this short; longer ones need two phrases.
PHRASE_LINE_WORDS = 12

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = (".", "!", "?", "…", ":", ";", "。", "！", "？")
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CLOSERS = "\"'“”»«’‘)]"  # what may stand after a sentence's last mark
# (Names, not a headline: "Von München bis Aachen: Im Netz der China-Agenten" is no byline.)
_BYLINE = re.compile(
    r"(?:" + alternation(BYLINE_PREFIXES) + r")\s*:?\s+\S(?:(?!: ).){0,80}$",
    re.I,
)
_CREDIT = re.compile(r"\b(?:" + alternation(CREDIT_WORDS) + r")\b\s*(?::|by\b|/)", re.I)


# A date line with a few more words ("Artikel veröffentlicht am 28. April 2024, 14:26 Uhr, Tobias K.",
# "16.05.2024, 11:26 Uhr • Lesezeit: 5 Minuten", "Stand: 20:03 Uhr | Lesedauer: 4 Minuten").
META_MAX_WORDS = 12
META_OTHER_WORDS = 6
_READING = re.compile(r"\b(?:lesezeit|lesedauer|min\.? read|minute read|minutes read|reading time|read time)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# "Veröffentlicht am 27.04.24 um 07:39 Uhr": a date with a two-digit year (not read as a date, but a date line).
SHORT_DATE_LINE_CHARS = 60
_SHORT_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2}(?![\d.])")


def _is_meta(line: str) -> bool:
    if _READING.search(line):
        return True
    spans = [(f.start, f.end) for f in find_dates(line)]
    if not spans and len(line) <= SHORT_DATE_LINE_CHARS and "." in line:
        spans = [m.span() for m in _SHORT_DATE.finditer(line)]
    if not spans:
        return False
    rest = line
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    return len(_WORD.findall(rest)) <= META_OTHER_WORDS


# Furniture after which the story does not go on.
BOUNDARY = frozenset({"comments", "footer", "consent"})


class Kind(Enum):
    FURNITURE = "furniture"
    DATE = "date"
    BYLINE = "byline"
    CAPTION = "caption"
    PROSE = "prose"
    TEXT = "text"
    HEADLINE = "headline"
    SHORT = "short"


@dataclass(frozen=True, slots=True)
class LineKind:
    kind: Kind
    words: int = 0
    category: str | None = None  # a furniture line's category

    @property
    def is_story_text(self) -> bool:
        return self.kind is Kind.PROSE or self.kind is Kind.TEXT


def words_and_stop_density(line: str) -> tuple[int, float]:
    """Words (in scripts written without spaces, about two characters a word) and the share of stop words."""
    words = _WORD.findall(line)
    if not words:
        return 0, 0.0
    stop = sum(1 for w in words if w.casefold() in ALL_STOP_WORDS)
    count = len(words)
    if count * 8 < len(line):  # few spaces for its length: Chinese, Japanese, Thai …
        count = max(count, len(_UNSPACED.findall(line)) // 2)
    return count, stop / count


@lru_cache(maxsize=16384)
def classify(line: str) -> LineKind:
    """The kind of one stripped, non-blank line (the same line always gets the same kind)."""
    if (category := label_category(line)) is not None:
        return LineKind(Kind.FURNITURE, len(line.split()), category)
    if len(line) <= 160 and (
        parse_date_line(line) is not None or relative_time(line) or reading_minutes(line) is not None
    ):
        return LineKind(Kind.DATE, len(line.split()))
    words, stop = words_and_stop_density(line)
    if words <= META_MAX_WORDS and _is_meta(line):
        return LineKind(Kind.DATE, words)
    folded = line.casefold()
    if "©" in line and words <= 6 and _YEAR.search(line) is None and "rights" not in folded and "rechte" not in folded:
        return LineKind(Kind.CAPTION, words)  # "© Rolf Zoellner/imago": a picture's credit, not the page's copyright
    if words <= 40 and has_credit(_CREDIT, line):
        return LineKind(Kind.CAPTION, words)  # "… © Foto: Stadtwerke": a caption with its credit
    ends = line.rstrip(CLOSERS).endswith(_SENTENCE_END)
    if words <= 12 and _BYLINE.match(line) and not ends:
        return LineKind(Kind.BYLINE, words)  # before the phrases: "Ein Kommentar von Anna Berg"
    hits, strong, category = furniture_phrases(folded)
    if (
        strong >= 3
        or (strong >= 1 and hits >= 2 and words <= 5 * PHRASE_LINE_WORDS)
        or (hits >= 2 and words <= PHRASE_LINE_WORDS)
        or (hits == 1 and words <= PHRASE_LINE_WORDS and (not ends or words <= 6))
    ):
        # "Folgen Sie uns auf", "© 2024 Verlag", a cookie notice. A sentence of the story that
        # speaks of a company's shares or of a comment is not furniture.
        return LineKind(Kind.FURNITURE, words, category)
    if len(line) <= 300 and (is_caption(line) or (words <= 40 and has_credit(_CREDIT, line))):
        return LineKind(Kind.CAPTION, words)
    if words >= PROSE_MIN_WORDS and (
        stop >= PROSE_MIN_STOP or (words >= LONG_PROSE_WORDS and stop >= LONG_PROSE_MIN_STOP)
    ):
        if ends or words >= 25:
            return LineKind(Kind.PROSE, words)
    if words >= SENTENCES_WORDS and ends:
        return LineKind(Kind.PROSE, words)  # running text in a language without a stop-word list here
    if words >= TEXT_MIN_WORDS and ends and stop > 0:
        return LineKind(Kind.TEXT, words)
    if words >= HEADLINE_MIN_WORDS and len(line) <= HEADLINE_MAX_CHARS:
        return LineKind(Kind.HEADLINE, words)
    if words >= PROSE_MIN_WORDS:
        return LineKind(Kind.TEXT, words)
    return LineKind(Kind.SHORT, words)


@dataclass
class Line:
    index: int
    text: str
    kind: LineKind

    @property
    def is_furniture(self) -> bool:
        return self.kind.kind is Kind.FURNITURE
