"""The related-articles block at the end of a crawled news page.

A card of the block, as DWN prints it::

    DWN                      <- source (site)
    Panorama                 <- section
    Panorama Feiertage 2026  <- title, prefixed with the section word
    13.12.2025               <- date (optional)

    Die Feiertage 2026 ...   <- summary

Other sites print a heading ("Lesen Sie auch", "Related", ...) and then plain
titles, optionally with a date and a summary; those are read by a general rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tuireader.ingest import vocab
from tuireader.ingest.crawl_lines import (
    ends_like_sentence,
    is_artifact,
    is_sentence_like,
    is_short_label,
    is_sponsored_mark,
    is_teaser_label,
)
from tuireader.ingest.dates import parse_date_line
from tuireader.model import Teaser


@dataclass
class TeaserBlock:
    label: str | None = None
    teasers: list[Teaser] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)

    @property
    def common_source(self) -> str | None:
        """The site most cards name, if any card names one (sponsored cards name their sponsor)."""
        counts = Counter(t.source for t in self.teasers if t.source and not t.sponsored)
        return counts.most_common(1)[0][0] if counts else None


# Words that go on a phrase: after them the line is the word above it continued (a list item), not a card title.
_LINKING_WORDS = frozenset(vocab.LINKING_WORDS)


def _is_section_line(line: str) -> bool:
    return is_short_label(line, max_chars=40, max_words=4)


def _is_head_line(line: str) -> bool:
    """A line that can stand above a card's section line: a site name or a sponsored mark."""
    if not line or is_artifact(line) or is_teaser_label(line):
        return False
    return is_sponsored_mark(line) or is_short_label(line, max_chars=40, max_words=5)


def _day(line: str) -> str | None:
    dl = parse_date_line(line)
    if dl is None:
        return None
    return (dl.published or dl.updated or "")[:10] or None


def is_prefixed_title(lines: list[str], t: int) -> bool:
    """lines[t] is a card title prefixed with the section word on lines[t-1]."""
    if t < 1 or not lines[t] or not lines[t - 1]:
        return False
    section = lines[t - 1]
    title = lines[t]
    # The cheap tests first: few lines start with the line above them.
    n = len(section)
    return (
        n + 1 < len(title) <= 300
        and title.startswith(section)
        and title[n] == " "
        and title[n + 1 :].split(" ", 1)[0] not in _LINKING_WORDS  # "Radwege" then "Radwege auf beiden Seiten": a list
        and _is_section_line(section)
        and not is_teaser_label(section)
    )


def card_start_at(lines: list[str], i: int) -> bool:
    """A card begins at lines[i] (a source or "Anzeige" line, then section, then prefixed title).

    Used to find a teaser block that has no heading.
    """
    line = lines[i]
    if not line or len(line) > 40:  # source, sponsored mark and section lines are all short
        return False
    # A prefixed title is rare and cheap to rule out, so it is tested first.
    if i + 2 < len(lines) and is_prefixed_title(lines, i + 2) and _is_head_line(line):
        return True
    if (
        i + 3 < len(lines)
        and is_prefixed_title(lines, i + 3)
        and is_sponsored_mark(line)
        and _is_head_line(lines[i + 1])
    ):
        return True
    # No source line: section, prefixed title, then a date.
    if i + 2 < len(lines) and is_prefixed_title(lines, i + 1):
        if (i == 0 or not lines[i - 1]) and _day(lines[i + 2]) is not None:
            return True
        # No date either: only a second card of that shape close below (after one summary) tells a card.
        return _card_follows(lines, i + 2)
    return False


def _card_follows(lines: list[str], j: int) -> bool:
    """A card (section, prefixed title) starts within a date, a summary and blank lines from lines[j]."""
    texts = 0
    for k in range(j, min(j + 8, len(lines) - 1)):
        if not lines[k]:
            continue
        if is_prefixed_title(lines, k + 1):
            return True
        if _day(lines[k]) is None:
            texts += 1
            if texts > 1:
                return False
    return False


def opens_tag_list(lines: list[str], i: int) -> bool:
    """lines[i] is "Mehr zum Thema" opening the tag list before a story, not a teaser block.

    The tag list goes on with "Benachrichtigung über neue Artikel" within three lines.
    """
    if lines[i].rstrip(" :").casefold() != "mehr zum thema":
        return False
    seen = 0
    for j in range(i + 1, len(lines)):
        if not lines[j]:
            continue
        seen += 1
        if lines[j].casefold().startswith("benachrichtigung über neue artikel"):
            return True
        if seen >= 3:
            break
    return False


def find_block_start(lines: list[str], start: int) -> int:
    """Index where the teaser block begins (its heading or its first card), or len(lines)."""
    for i in range(start, len(lines)):
        line = lines[i]
        if not line:
            continue
        if is_teaser_label(line) and not opens_tag_list(lines, i):
            return i
        if card_start_at(lines, i):
            return _earlier_cards(lines, i, start)
    return len(lines)


def _earlier_cards(lines: list[str], i: int, floor: int) -> int:
    """Move a heading-less block's start back over cards above it that lack a source line.

    Such a card (section, prefixed title, maybe a date and a summary) is only
    recognisable next to the cards below it.
    """
    while True:
        j = i - 1
        # Above the card at i: blank lines, at most one summary, blank lines, maybe a date.
        while j >= floor and not lines[j]:
            j -= 1
        if j >= floor and not is_prefixed_title(lines, j) and not _day(lines[j]):
            j -= 1
            while j >= floor and not lines[j]:
                j -= 1
        if j >= floor and _day(lines[j]):
            j -= 1
        if j - 1 < floor or not is_prefixed_title(lines, j):
            return i
        i = j - 1
        for _ in range(2):  # a source line, a sponsored mark
            if i - 1 >= floor and lines[i - 1] and _is_head_line(lines[i - 1]):
                i -= 1


def _summary_text(lines: list[str]) -> str | None:
    text = " ".join(line for line in lines if line)
    return text or None


def read_block(lines: list[str]) -> TeaserBlock:
    """Read the teaser block (from its heading or first card to the end of the page)."""
    block = TeaserBlock()
    # Only a line that starts with the line above it can be a prefixed title: most are ruled out here.
    titles = [
        t
        for t in range(1, len(lines))
        if lines[t - 1] and lines[t].startswith(lines[t - 1]) and is_prefixed_title(lines, t)
    ]
    if titles:
        _read_cards(lines, titles, block)
    else:
        _read_plain(lines, block)
    return block


def _card_head(lines: list[str], section_index: int, floor: int) -> list[int]:
    """Indexes of the source and sponsored-mark lines right above a card's section line."""
    head: list[int] = []
    i = section_index - 1
    while i >= floor and len(head) < 3:
        line = lines[i]
        if not line:
            # A sponsored mark may stand apart, above the card.
            j = i - 1
            if j >= floor and lines[j] and is_sponsored_mark(lines[j]):
                head.append(j)
            break
        if not _is_head_line(line) or ends_like_sentence(line) or _day(line):
            break
        head.append(i)
        i -= 1
    return sorted(head)


def _read_cards(lines: list[str], titles: list[int], block: TeaserBlock) -> None:
    heads: list[list[int]] = []
    floor = 0
    for t in titles:
        head = _card_head(lines, t - 1, floor)
        heads.append(head)
        floor = t + 1
    first_card_line = min([titles[0] - 1, *heads[0]])
    _read_preamble(lines[:first_card_line], block)
    for n, t in enumerate(titles):
        section = lines[t - 1]
        teaser = Teaser(title=lines[t][len(section) + 1 :].strip(), section=section)
        for i in heads[n]:
            if is_sponsored_mark(lines[i]):
                teaser.sponsored = True
            elif teaser.source is None:
                teaser.source = lines[i]
            else:
                block.leftover.append(lines[i])
        end = min([titles[n + 1] - 1, *heads[n + 1]]) if n + 1 < len(titles) else len(lines)
        rest = lines[t + 1 : end]
        if n + 1 == len(titles):
            rest, cut = _split_trailing_head(rest)
            block.leftover.extend(cut)
        summary: list[str] = []
        for line in rest:
            if not line:
                continue
            if teaser.date is None and not summary and (day := _day(line)):
                teaser.date = day
            elif is_sponsored_mark(line) and not summary:
                teaser.sponsored = True
            elif is_artifact(line):
                block.leftover.append(line)
            else:
                summary.append(line)
        teaser.summary = _summary_text(summary)
        block.teasers.append(teaser)


def _split_trailing_head(rest: list[str]) -> tuple[list[str], list[str]]:
    """Split off the head of a card the page was cut off in (source and section, no title yet)."""
    end = len(rest)
    while end and not rest[end - 1]:
        end -= 1
    start = end
    while start and rest[start - 1] and _is_head_line(rest[start - 1]) and end - start < 3:
        start -= 1
    if start < end and start > 0 and not rest[start - 1] and any(rest[:start]):
        return rest[:start], rest[start:end]
    return rest, []


def _read_preamble(lines: list[str], block: TeaserBlock) -> None:
    """Lines between the block's start and its first card: the heading and CMS residue."""
    for line in lines:
        if not line:
            continue
        if block.label is None and is_teaser_label(line):
            block.label = line.rstrip(" :»›>→")
        else:
            block.leftover.append(line)


def _read_plain(lines: list[str], block: TeaserBlock) -> None:
    """Cards without section prefixes: a heading, then titles with optional date and summary.

    A date line closes a card: the line above it is the title, short lines above
    that its source and section. Other lines are a summary when they read like
    prose, else the title of a card without a date.
    """
    reader = _PlainCards(block)
    group: list[str] = []
    for line in [*lines, ""]:
        if line:
            group.append(line)
            continue
        if group:
            reader.read_group(group)
            group = []
    reader.finish()


class _PlainCards:
    def __init__(self, block: TeaserBlock) -> None:
        self.block = block
        self.teaser: Teaser | None = None
        self.sponsored: str | None = None  # a sponsored mark waiting for its card

    def read_group(self, group: list[str]) -> None:
        """One run of lines between blank lines."""
        dates = [
            k
            for k in range(1, len(group))
            if _day(group[k]) and not _day(group[k - 1]) and not is_teaser_label(group[k - 1])
        ]
        pos = 0
        for k in dates:
            if k - 1 < pos:
                continue
            title = group[k - 1]
            between = group[pos : k - 1]
            split = len(between)
            while (
                split > 0
                and len(between) - split < 2
                and _is_head_line(between[split - 1])
                and len(between[split - 1]) < len(title)
            ):
                split -= 1
            self.read_lines(between[:split])
            self.card(title, _day(group[k]), between[split:])
            pos = k + 1
        self.read_lines(group[pos:])

    def card(self, title: str, day: str | None, head: list[str]) -> None:
        teaser = Teaser(title=title, date=day, sponsored=self.sponsored is not None)
        self.sponsored = None
        names: list[str] = []
        for line in head:
            if is_sponsored_mark(line):
                teaser.sponsored = True
            else:
                names.append(line)
        if len(names) == 2:
            teaser.source, teaser.section = names
        elif names:
            teaser.section = names[0]
        self.block.teasers.append(teaser)
        self.teaser = teaser

    def read_lines(self, lines: list[str]) -> None:
        block = self.block
        for line in lines:
            teaser = self.teaser
            if block.label is None and not block.teasers and is_teaser_label(line):
                block.label = line.rstrip(" :»›>→")
            elif is_artifact(line):
                block.leftover.append(line)
            elif is_sponsored_mark(line) and self.sponsored is None:
                self.sponsored = line
            elif teaser is not None and teaser.date is None and teaser.summary is None and (day := _day(line)):
                teaser.date = day
            elif teaser is not None and (line.endswith((".", "…")) or (is_sentence_like(line) and len(line) >= 60)):
                teaser.summary = f"{teaser.summary} {line}" if teaser.summary else line
            else:
                self.card(line, None, [])

    def finish(self) -> None:
        if self.sponsored is not None:
            self.block.leftover.append(self.sponsored)
