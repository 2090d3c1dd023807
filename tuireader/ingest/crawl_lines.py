"""What a single line of crawler text is: the line-level vocabulary of news pages.

Each function looks at one stripped line and knows nothing about its neighbours.
"""

from __future__ import annotations

import re

from tuireader.ingest import vocab
from tuireader.ingest.crawl_vocab import ALL_STOP_WORDS

# Sponsored marks, compared case-insensitively without a final colon.
SPONSORED_MARKS: frozenset[str] = frozenset(s.casefold() for s in vocab.SPONSORED_MARKS)

_MINUTES = rf"(?:{vocab.alternation(vocab.MINUTE_WORDS)})\.?"
_READING_LABEL = vocab.alternation(vocab.READING_TIME_LABELS)
_READING_TIME = re.compile(
    rf"(?:(?:{_READING_LABEL})\s*:?\s*(?:{vocab.alternation(vocab.ABOUT_WORDS)})?\s*(?P<a>\d{{1,3}})\s*{_MINUTES}"
    rf"|(?P<b>\d{{1,3}})\s*{_MINUTES}\s*(?:{vocab.alternation(vocab.READ_WORDS)}|{_READING_LABEL}))",
    re.I,
)

_TAG_LABEL = re.compile(rf"(?P<label>{vocab.alternation(vocab.TAG_LABELS)})\s*:\s*(?P<rest>.*)", re.I)

_CREDIT_LABEL = vocab.alternation(vocab.CREDIT_LABELS)
_CREDIT = re.compile(
    rf"(?:\b(?:{_CREDIT_LABEL})\s*:|\((?:{_CREDIT_LABEL})\b|©|\(c\)\s|^(?:{vocab.alternation(vocab.CAPTION_LABELS)})\b)",
    re.I,
)

# The prefix in any case, the names capitalised: "Von Max Muster", "BY Jane Miller", "Text: Anna Berg".
_BYLINE = re.compile(rf"(?i:{vocab.alternation(vocab.BYLINE_PREFIXES)})\s*:?\s+(?P<names>[A-ZÄÖÜ][^.!?]+)")
_AND = vocab.alternation(vocab.AND_WORDS)
_NAME_SPLIT = re.compile(rf"\s*(?:,|\b(?:{_AND})\b|&)\s*")
_JOINED = re.compile(rf"\b(?:{_AND})\b|&")

# "vor 3 Stunden", "Aktualisiert vor einer Stunde", "2 hours ago", "gestern, 18:30 Uhr": no date to store.
_A_NUMBER = rf"(?:\d{{1,3}}|{vocab.alternation(vocab.NUMBER_WORDS)})"
_UNIT = vocab.alternation(vocab.TIME_UNITS)
_RELATIVE_TIME = re.compile(
    rf"(?:(?:{vocab.published_label_pattern()}|{vocab.updated_label_pattern()})\s*:?\s*)?"
    rf"(?:(?:{vocab.alternation(vocab.RELATIVE_BEFORE)})\s+{_A_NUMBER}\s+(?:{_UNIT})"
    rf"|{_A_NUMBER}\s+(?:{_UNIT})\s+(?:{vocab.alternation(vocab.RELATIVE_AFTER)})"
    rf"|(?:{vocab.alternation(vocab.DAY_WORDS)})\s*,?\s*(?:(?:{vocab.alternation(vocab.DATE_FILLERS)})\s*)?"
    rf"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:{vocab.alternation(vocab.CLOCK_WORDS)}))?"
    rf"|{vocab.alternation(vocab.NOW_PHRASES)})",
    re.I,
)

_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:de|com|net|org|at|ch|eu|uk|news|info|io|fr|it|es|nl|example)/?",
    re.I,
)

# CMS template residue such as "article:fokus_txt" or "teaser_box_2".
_ARTIFACT = re.compile(r"[a-z][a-z0-9]*(?:[:_][a-z0-9]+)+")

_LETTER = re.compile(r"[^\W\d_]")

_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",", '"', "'", "“", "”", "»", "«", "‘", "’", ")")


def is_normal(text: str) -> bool:
    """Whether ``normalise`` returns ``text`` as it is (cheaper to check than to redo).

    Every white space character but " " is unprintable, so printable text without
    double, leading or trailing spaces has nothing to normalise.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def normalise(line: str) -> str:
    """A line with surrounding space removed and inner runs of white space made one space."""
    return line if is_normal(line) else " ".join(line.split())


_LONGEST_SPONSORED_MARK = max(map(len, SPONSORED_MARKS)) + 2


def is_teaser_label(line: str) -> bool:
    """A heading of a related-articles block ("Mehr zum Thema:", "Read more »"): ``vocab.is_teaser_label``."""
    return vocab.is_teaser_label(line)


def inline_teaser(line: str) -> tuple[str, str] | None:
    """(label, title) of a teaser set into the story: "Lesen Sie auch: Warum die Fähre später fährt"."""
    label, sep, title = line.partition(":")
    title = title.strip()
    if not sep or not title or len(title) > 200 or not is_teaser_label(label):
        return None
    return label.strip(), title


def is_sponsored_mark(line: str) -> bool:
    return len(line) <= _LONGEST_SPONSORED_MARK and line.rstrip(" :").casefold() in SPONSORED_MARKS


def reading_minutes(line: str) -> int | None:
    """Minutes of a reading-time line ("Lesezeit: 2 min", "4 min read"), else None."""
    if len(line) > 40:
        return None
    m = _READING_TIME.fullmatch(line.strip(" ·|"))
    if not m:
        return None
    return int(m.group("a") or m.group("b"))


def tag_label(line: str) -> tuple[str, str] | None:
    """(label, text after the colon) for a tag-list label such as "Mehr zum Thema:", else None."""
    m = _TAG_LABEL.fullmatch(line)
    if not m:
        return None
    return m.group("label"), m.group("rest").strip()


def split_tags(line: str) -> list[str] | None:
    """The tags of a tag line ("Kasachstan, Russland"), or None when the line is not one."""
    if not line or len(line) > 240 or line.endswith((".", "!", "?", ":")):
        return None
    parts = [p.strip() for p in re.split(r"\s*[,;|·•]\s*|\s{2,}|\s+#", line) if p.strip()]
    parts = [p.lstrip("#") for p in parts]
    if not parts or len(parts) > 20 or any(len(p) > 40 or len(p.split()) > 5 for p in parts):
        return None
    return parts


def is_caption(line: str) -> bool:
    """An image caption with its credit ("Russlands Präsident. (Foto: dpa) Foto: A. N.")."""
    if len(line) > 400 or not (":" in line or "(" in line or "©" in line or line.startswith(("Image ", "Bild "))):
        return False
    return has_credit(_CREDIT, line)


def has_credit(pattern: re.Pattern[str], line: str) -> bool:
    """Whether ``pattern`` finds a picture credit in the line that is a label ("Foto: dpa", "Rede. Foto: dpa"),
    not a word of a sentence: after an article or a preposition ("auf dem Titelbild: Was ich will") it is one."""
    for m in pattern.finditer(line):
        before = line[: m.start()].split()
        if not before or before[-1].casefold() not in ALL_STOP_WORDS:
            return True
    return False


def read_byline(line: str) -> tuple[list[str], str | None] | None:
    """(names, place) of a byline, else None.

    "Von Max Muster, Berlin" names Max Muster, writing from Berlin: what follows the
    last comma is a place (or a role) unless the names go on with "und" after it
    ("Von Anna Berg, Tom Li und Jo Kim").
    """
    if len(line) > 80:
        return None
    m = _BYLINE.fullmatch(line)
    if not m:
        return None
    text = m.group("names")
    place: str | None = None
    head, comma, tail = text.rpartition(",")
    if comma and head.strip() and tail.strip() and not _JOINED.search(tail):
        text, place = head, tail.strip()
    names = [n.strip() for n in _NAME_SPLIT.split(text) if n.strip()]
    if not names or any(len(n.split()) > 4 or not n[0].isupper() for n in names):
        return None
    return names, place


def relative_time(line: str) -> bool:
    """A time given relative to when the page was saved ("vor 3 Stunden", "2 hours ago")."""
    return len(line) <= 60 and _RELATIVE_TIME.fullmatch(line.strip(" ·|•–—-")) is not None


def is_domain(line: str) -> bool:
    return len(line) <= 80 and "." in line and " " not in line and _DOMAIN.fullmatch(line) is not None


def is_artifact(line: str) -> bool:
    """CMS template residue: lowercase identifiers joined by ':' or '_' and no spaces."""
    return " " not in line and len(line) <= 80 and _ARTIFACT.fullmatch(line) is not None and not is_domain(line)


def ends_like_sentence(line: str) -> bool:
    return line.endswith(_SENTENCE_END)


def is_sentence_like(line: str) -> bool:
    """Prose: long enough and ending like a sentence."""
    return len(line) >= 40 and line.endswith((".", "!", "?", "…", '"', "“", "”", "»", "'"))


def is_short_label(line: str, max_chars: int = 30, max_words: int = 3) -> bool:
    """A word or two, such as a section name or a site name."""
    return (
        0 < len(line) <= max_chars
        and line[-1] not in ".!?,;:…"
        and len(line.split()) <= max_words
        and _LETTER.search(line) is not None
    )


def is_subheading(line: str) -> bool:
    """A short line without final punctuation: an in-story subheading."""
    if not 3 <= len(line) <= 100 or len(line.split()) > 14:
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if ". " in line or is_caption(line):  # several sentences, or an image caption
        return False
    if line.endswith("?"):
        return True
    return not ends_like_sentence(line)
