"""Dates as news pages print them (German and English) to ISO strings.

``YYYY-MM-DDTHH:MM`` when a time is printed, else ``YYYY-MM-DD``. The time is
kept as printed: no time zone is invented or applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from tuireader.ingest import vocab

_MONTHS: dict[str, int] = vocab.MONTHS

_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:\s*(?:,|um|at|\||-|–|—|/)?\s*"
    r"(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*Uhr)?"
    r"(?:\s*(?:Z|[+-]\d\d:?\d\d|UTC|GMT|MEZ|MESZ|CET|CEST|[ECP][SD]T))?)?"
)

_PATTERNS = [
    # 2022-01-10, 2022-01-10T10:00, 2022-01-10 10:00:00+01:00
    re.compile(
        r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:(?:T|\s+)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])",
        re.I,
    ),
    # 10.01.2022 10:00, 10.1.2022, 10.01.2022, 10:00 Uhr
    re.compile(r"\b(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})(?!\d)" + _TIME, re.I),
    # 10. Januar 2022, 10:00 Uhr; 10 January 2022 10:00
    re.compile(
        r"\b(?P<day>\d{1,2})(?:\.\s*|\s+)" + _MONTH.format("mname") + r",?\s+(?P<year>\d{4})(?!\d)" + _TIME, re.I
    ),
    # January 10, 2022 10:00; Jan. 10 2022, 10:00 a.m.
    re.compile(
        r"\b" + _MONTH.format("mname") + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)" + _TIME,
        re.I,
    ),
]

_WEEKDAY = rf"(?:{vocab.alternation(vocab.WEEKDAYS)})\.?,?"
_PUBLISHED_LABEL = vocab.published_label_pattern()
_UPDATED_LABEL = vocab.updated_label_pattern()
_FILLER_WORDS = vocab.alternation(vocab.DATE_FILLERS)
_LABEL = re.compile(rf"\b(?:{_UPDATED_LABEL}|{_PUBLISHED_LABEL}|{_FILLER_WORDS})\b", re.I)
_UPDATED = re.compile(rf"(?:{_UPDATED_LABEL})\s*:?\s*$", re.I)
_FILLER = re.compile(rf"(?:{_WEEKDAY}|[\s,.:;|/()\[\]·•–—-])*", re.I)


_YEAR = re.compile(r"\d{4}")
_WORD = re.compile(r"[^\W\d_]{3}")
# What a pattern needs in the text to match at all: a quick test before the regex.
_PATTERN_NEEDS = list(zip(_PATTERNS, ("-", ".", "words", "words"), strict=False))


@dataclass(frozen=True)
class FoundDate:
    iso: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    start: int
    end: int


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        month = _MONTHS[groups["mname"].lower().rstrip(".")] if groups.get("mname") else int(groups["month"])
        day = int(groups["day"])
        date(year, month, day)
    except (KeyError, ValueError, TypeError):
        return None
    if not 1000 <= year <= 2999:
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if groups.get("hour") is not None and groups.get("minute") is not None:
        hour = int(groups["hour"])
        ampm = (groups.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        out += f"T{hour:02d}:{groups['minute']}"
    return out


def find_dates(text: str) -> list[FoundDate]:
    """Every date in ``text``, in order, without overlaps."""
    if _YEAR.search(text) is None:
        return []
    found: list[FoundDate] = []
    has_words = _WORD.search(text) is not None
    for pattern, needs in _PATTERN_NEEDS:
        if (needs == "words" and not has_words) or (needs != "words" and needs not in text):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            iso = _iso(m)
            if iso:
                found.append(FoundDate(iso, m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO, or None."""
    found = find_dates(text)
    return found[0].iso if found else None


@dataclass(frozen=True)
class DateLine:
    """A line that holds nothing but dates and their labels."""

    published: str | None
    updated: str | None


def parse_date_line(line: str) -> DateLine | None:
    """Read a published/updated line ("10.01.2022 10:00 Aktualisiert: 10.01.2022 10:19").

    Returns None unless the line is only dates, date labels and separators.
    """
    if len(line) > 160:
        return None
    return _parse_date_line(line)


# The layout rules ask about the same few lines many times per page, and card dates recur
# across pages; the answer is immutable, so it is kept.
@lru_cache(maxsize=8192)
def _parse_date_line(line: str) -> DateLine | None:
    found = find_dates(line)
    if not found:
        return None
    rest = line
    for f in reversed(found):
        rest = rest[: f.start] + " " + rest[f.end :]
    rest = _LABEL.sub(" ", rest)
    if _FILLER.fullmatch(rest) is None:
        return None
    published: str | None = None
    updated: str | None = None
    previous_end = 0
    for f in found:
        before = line[previous_end : f.start]
        previous_end = f.end
        if _UPDATED.search(before.strip(" ,;|·•–—-")):
            updated = updated or f.iso
        elif published is None:
            published = f.iso
        else:
            updated = updated or f.iso
    return DateLine(published, updated)
