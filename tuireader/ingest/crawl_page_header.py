"""The header of the article in a whole page, read upwards from the story's first line.

Above the story stand its share bars, a caption, the byline, the date line, a
lead and the headline. The headline is weighed among the headline-like lines
within reach (``find_title``); the lines between it and the story are read as
the header's fields.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tuireader.ingest.crawl_lines import read_byline, reading_minutes, relative_time
from tuireader.ingest.crawl_lines_kind import CLOSERS, Kind, Line
from tuireader.ingest.crawl_vocab import ALL_STOP_WORDS
from tuireader.ingest.dates import DateLine, find_dates, parse_date_line

# How far above the story its header may reach (non-blank lines).
HEADER_REACH = 14
MAX_HEADER_LINES = 60  # share bars included
FULL_TITLE_REACH = 8
MIN_HEADLINE_CHARS = 12
HEADLINE_IN_RUN = 3  # how many of the densest run's first lines may be the headline itself
MAX_HEADLINE_WORDS = 20
MIN_ONE_WORD_CHARS = 4

# Weighing the headline candidates (``_find_title``).
OPENING_PARAGRAPHS = 4
TITLE_OVERLAP = 2.0
TITLE_REPEATED = 1.0
TITLE_ABOVE_HEADER = 0.5
TITLE_SEVERAL_WORDS = 0.5
TITLE_NOT_HEADLINE = 0.5
TITLE_PER_LINE = 0.05
TITLE_NAME_LIKE = 1.5  # "Gunter Frank", "Amelie Siekmann,": an author's name, not a headline
TITLE_IN_MENU = 1.0  # "Heute in Hamburg" between "Gastronomie" and "Panorama": a menu item
TITLE_AGREES = 1.0  # printed again in other words near it
TITLE_TWICE = 1.5  # printed twice in a row (the headline and its picture's or link's text)
# Five words or more and not one function word: a list of tags or names, not a headline.
LIST_MIN_WORDS = 5
TITLE_NO_FUNCTION_WORDS = 1.0
HEADLINE_MIN_WORDS = 3
# Headlines are rarely longer than some fifteen words: a longer line is a lead or a caption.
LONG_TITLE_WORDS = 18
TITLE_TOO_LONG = 1.0
TITLE_LABELLED = 1.0  # the value under a label ("Zugehörige Themenseiten:" / "Digitalisierung und IT-Sicherheit")

# A kicker ("Stromausfall in Berlin", "WAHLKAMPF IN THÜRINGEN") stands right above the headline:
# a few words without a final stop, over a longer line (a lone ":" may stand between them).
KICKER_MAX_WORDS = 4
KICKER_MAX_CHARS = 40
# The headline printed twice in the header (a breadcrumb's last step, the page's own title line
# above the printed one): two headline-like lines that share most of their words. The earlier
# is the page's name for the article.
AGREE_REACH = 30
AGREE_MIN_SHARED = 2
AGREE_MIN_WORDS = 4  # content words of the shorter ("Kolumnist*in: Evan Tepest" has a name, not a headline)
AGREE_FRACTION = 0.5
HEADLINE_MIN_WORDS_AGREE = 4

_WORDS = re.compile(r"[^\W\d_]+")
_BREADCRUMB = re.compile(r"\s+[/>»›|]\s+|\s*[>»›]\s*")
_META_PARTS = re.compile(r"[•|·]")
_KICKER_SEPARATORS = (": ", " - ", " – ")
_KICKER_AFTER = (" - ", " – ")  # "Headline - Kicker", as some pages title themselves
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")


class PageHeader:
    """The article's header, read upwards from the first line of the story."""

    def __init__(self, items: list[Line], first: int) -> None:
        self.title = ""
        self.section: str | None = None
        self.lead: str | None = None
        self.published: str | None = None
        self.updated: str | None = None
        self.reading_minutes: int | None = None
        self.caption: str | None = None
        self.authors: list[str] = []
        self.leftover: list[str] = []
        self.rest: list[Line] = []  # header-zone lines that are furniture
        self.top = first
        self._read(items, first)

    def take(self, x: Line) -> bool:
        """Take a header line (date, byline, caption) met inside the story; False if it is not one."""
        k = x.kind.kind
        if k is Kind.DATE:
            return self._date(x.text)
        if k is Kind.BYLINE:
            return self._byline(x.text)
        if k is Kind.CAPTION:
            if self.caption is None:
                self.caption = x.text
                return True
            return False
        return False

    def _date(self, text: str) -> bool:
        """A date line, a reading time, or both ("16.05.2024, 11:26 Uhr • Lesezeit: 5 Minuten").

        A line that says more ("Kolumne von A. B. - 28.04.2024 um 08:52 Uhr") gives its first
        date and is kept whole in ``leftover`` for what else it says.
        """
        parts = [part.strip() for part in _META_PARTS.split(text)] if _META_PARTS.search(text) else [text]
        minutes = [m for part in parts if (m := reading_minutes(part)) is not None]
        dates = [d for part in parts if (d := parse_date_line(part)) is not None]
        whole = len(minutes) + len(dates) == len(parts)
        taken = False
        if minutes and self.reading_minutes is None:
            self.reading_minutes = minutes[0]
            taken = True
        if relative_time(text):
            return taken
        if not dates and (found := find_dates(text)):
            dates = [DateLine(found[0].iso, None)]
        for line in dates:
            if self.published is None and line.published:
                self.published = line.published
                self.updated = self.updated or line.updated
                taken = True
            elif self.updated is None and line.updated:
                self.updated = line.updated
                taken = True
        if taken and not whole and text not in self.leftover:
            self.leftover.append(text)
        return taken

    def _byline(self, text: str) -> bool:
        if self.authors:
            return False
        found = read_byline(text)
        if found is None:
            return False
        self.authors, place = found
        if place:
            self.leftover.append(place)
        return True

    def _read(self, items: list[Line], first: int) -> None:
        title_at = find_title(items, first)
        if title_at is None:
            return
        line = items[title_at].text
        self.title = _tidy_title(_without_kicker(items, title_at, _punctuated(items, line)))
        if self.title != line:
            self.leftover.append(line)  # the breadcrumb or kicker around the headline, as printed
        self.top = title_at
        above = title_at - 1
        if above >= 1 and items[above].text == ":":
            above -= 1  # "Stuttgart hat's drauf" / ":" / "Stadt der Superlative": the kicker is the section line
        if above >= 0 and items[above].kind.kind is Kind.SHORT and not items[above].is_furniture:
            self.section = items[above].text
            self.top = above
        for n in range(title_at + 1, first):
            x = items[n]
            if x.text == items[title_at].text:
                continue  # the headline again (a picture's alt text): it is the title
            if x.kind.kind is Kind.PROSE or (x.kind.kind is Kind.TEXT and len(x.text) >= 40):
                if self.lead is None:
                    self.lead = x.text
                else:
                    self.leftover.append(x.text)
            elif x.is_furniture:
                self.rest.append(x)
            elif not self.take(x):
                self.leftover.append(x.text)


def is_title_candidate(x: Line) -> bool:
    k = x.kind.kind
    if k is Kind.HEADLINE:
        return True
    if k is Kind.TEXT:
        return x.kind.words <= 30 and not x.text.endswith((".", ":", ","))
    return k is Kind.SHORT and x.kind.words >= 2


def _candidate(items: list[Line], n: int, first: int) -> bool:
    """Whether items[n], above the story starting at ``first``, may be its headline."""
    return (
        is_title_candidate(items[n])
        or _one_word_headline(items, n, first)
        or _headline_read_as_caption(items, n)
        or (n == first - 1 and n + 2 < len(items) and _heads_article(items, n))
    )


def _headline_read_as_caption(items: list[Line], n: int) -> bool:
    """A headline whose words read like a picture credit ("Erstes Bild: So könnte …"), printed twice
    with at most a kicker between: a caption is not printed twice in a header."""
    x = items[n]
    return (
        x.kind.kind is Kind.CAPTION
        and HEADLINE_MIN_WORDS <= x.kind.words <= LONG_TITLE_WORDS
        and any(0 <= m < len(items) and items[m].text == x.text for m in (n - 2, n + 2))
        and _is_kicker(items[(n - 1) if n >= 2 and items[n - 2].text == x.text else n + 1])
    )


def _one_word_headline(items: list[Line], n: int, first: int) -> bool:
    """A headline of one word ("Batteriespeicher", "Hope!") right above the story or its date line."""
    x = items[n]
    if x.kind.kind is not Kind.SHORT or x.kind.words != 1:
        return False
    below = items[n + 1].kind.kind if n + 1 < len(items) else None
    return len(x.text) >= MIN_ONE_WORD_CHARS and (
        below in (Kind.DATE, Kind.BYLINE)
        # (not a kicker above a headline that opens the run: "Extremismus" over "Nach Kalifat-Rufen …?")
        or (n + 1 == first and (_ends_sentence(items[first].text, ".") or items[first].kind.words > MAX_HEADLINE_WORDS))
    )


def _printed_again(page: str, own: str) -> bool:
    """Whether the page (its case-folded lines joined) prints the line ``own`` again, alone or inside another line."""
    return len(own) >= MIN_HEADLINE_CHARS and page.count(own) >= 2


def headline_opening(items: list[Line], first: int, last: int) -> int:
    """Where the story starts when the densest run opens with the headline itself.

    A headline-like line among the run's first lines that the page prints again (its window
    title, a breadcrumb) is the headline: the story starts below it.
    """
    for t in range(first, min(first + HEADLINE_IN_RUN + 1, last - 1)):
        if _heads_article(items, t):
            return t + 1
    page = ""
    for t in range(first, min(first + HEADLINE_IN_RUN, last)):
        if is_title_candidate(items[t]) and items[t + 1].kind.kind is Kind.PROSE:
            page = page or "\n".join(x.text.casefold() for x in items)
            if _printed_again(page, items[t].text.casefold()):
                return t + 1
        if items[t].kind.kind is Kind.PROSE:
            break  # the story has begun: a line below its first paragraph is no headline
    return first


def _heads_article(items: list[Line], t: int) -> bool:
    """items[t] is a headline with the article's header below it: a lead then the byline or date,
    or the byline or date then running text. A note or a teaser above it is not the story's start."""
    x = items[t]
    above = items[t - 1] if t > 0 else None
    if (
        x.kind.kind not in (Kind.HEADLINE, Kind.TEXT, Kind.PROSE)
        or not 4 <= x.kind.words <= MAX_HEADLINE_WORDS
        or _ends_sentence(x.text, ".")
        or _only_names(x.text)
        or not (above is None or above.is_furniture or above.kind.kind is Kind.CAPTION or _is_kicker(above))
    ):
        return False
    below, then = items[t + 1].kind.kind, items[t + 2].kind.kind
    dated = (Kind.DATE, Kind.BYLINE)
    return (below is Kind.PROSE and then in dated) or (below in dated and then is Kind.PROSE)


def _ends_sentence(text: str, ends: str | tuple[str, ...] = _SENTENCE_ENDS) -> bool:
    return text.rstrip(CLOSERS).endswith(ends)


def _is_name_like(text: str) -> bool:
    """Two to four capitalised words, no function word: a person's name (with a comma, an agency)."""
    words = text.rstrip(",").replace("/", " ").split()
    return (
        2 <= len(words) <= 4
        and len(text) <= 40
        and all(w[:1].isupper() for w in words)
        and not any(w.casefold() in ALL_STOP_WORDS for w in words)
        and not text.endswith(("?", "!"))
    )


def _only_names(text: str) -> bool:
    """Capitalised words alone, no function word: names ("Birgit Baumann Anna Giulia Fink"), not a headline."""
    words = text.split()
    return all(w[:1].isupper() for w in words) and not any(w.casefold() in ALL_STOP_WORDS for w in words)


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    """The words of four letters or more that are no function words (cached: the same lines are compared often)."""
    return frozenset({w for w in _WORDS.findall(text.casefold()) if len(w) >= 4 and w not in ALL_STOP_WORDS})


def _reach(items: list[Line], first: int) -> list[int]:
    """The lines above the story within reach, nearest first; a share bar's labels do not use it up."""
    out: list[int] = []
    counted = 0
    n = first - 1
    while n >= 0 and counted < HEADER_REACH and first - n <= MAX_HEADER_LINES:
        out.append(n)
        counted += not (items[n].is_furniture and items[n].kind.category == "share")
        n -= 1
    return out


def find_title(items: list[Line], first: int) -> int | None:
    """The headline above the story's first line: the likeliest of the headline-like lines within reach.

    Each candidate is weighed by what makes a line the headline of this story:
    its words recur in the story's opening paragraphs; the page prints it again
    (the page title repeats it, a breadcrumb holds it); a lead, a date or a
    byline stands right below it; it has several words; it stands near the story.
    """
    candidates = [n for n in _reach(items, first) if _candidate(items, n, first)]
    if not candidates:
        return None
    opening: set[str] = set()
    taken = 0
    for x in items[first:]:
        if x.kind.kind is Kind.PROSE:
            opening |= _content_words(x.text)
            taken += 1
            if taken >= OPENING_PARAGRAPHS:
                break
    page = PageText(items, candidates, opening)
    # Weighed in order of the score without the agreement of wordings (the dearest test): a candidate
    # that cannot reach the best even with it is not asked. Ties go to the candidate nearest the story.
    scored = sorted(
        (
            (base_score(items, n, first, page) - TITLE_PER_LINE * distance, distance, n)
            for distance, n in enumerate(candidates)
        ),
        key=lambda t: (-t[0], t[1]),
    )
    best, best_score, best_distance = candidates[0], float("-inf"), 0
    for score, distance, n in scored:
        if score + TITLE_AGREES < best_score:
            break
        if _has_variant(page, n):
            score += TITLE_AGREES
        if score > best_score or (score == best_score and distance < best_distance):
            best, best_score, best_distance = n, score, distance
    best = _below_kicker(items, best, first)
    best = _printed_first(items, best, first)
    return _headline_within(items, best)


class PageText:
    """What the headline's candidates are weighed against (``find_title``)."""

    def __init__(self, items: list[Line], candidates: list[int], opening: set[str]) -> None:
        self.joined = "\n".join([x.text for x in items]).casefold()  # (no line holds a line break)
        self.texts = self.joined.split("\n")  # the page's lines, case-folded
        self.opening = opening  # the content words of the story's opening paragraphs
        self._items = items
        self._near = range(max(0, min(candidates) - AGREE_REACH), min(len(items), max(candidates) + AGREE_REACH))
        self._headlines: list[tuple[int, frozenset[str]]] | None = None

    @property
    def headlines(self) -> list[tuple[int, frozenset[str]]]:
        """(position, content words) of the headline-like lines near the candidates, read when first asked."""
        if self._headlines is None:
            items = self._items
            self._headlines = [
                (m, _content_words(items[m].text))
                for m in self._near
                if items[m].kind.kind in (Kind.HEADLINE, Kind.TEXT) and items[m].kind.words >= AGREE_MIN_WORDS
            ]
        return self._headlines


def title_score(items: list[Line], n: int, first: int, page: PageText) -> float:
    """How much items[n] looks like the headline of the story that starts at ``first`` (see ``find_title``)."""
    return base_score(items, n, first, page) + (TITLE_AGREES if _has_variant(page, n) else 0.0)


def base_score(items: list[Line], n: int, first: int, page: PageText) -> float:
    """``title_score`` without the agreement of wordings."""
    x = items[n]
    words = _content_words(x.text)
    score = TITLE_OVERLAP * (len(words & page.opening) / len(words) if words else 0.0)
    if x.kind.words >= HEADLINE_MIN_WORDS and _printed_again(page.joined, page.texts[n]):
        score += TITLE_REPEATED  # (a word or two printed again is a menu's or the site's name)
    below = items[n + 1].kind.kind if n + 1 < len(items) else None
    if below in (Kind.PROSE, Kind.DATE, Kind.BYLINE) or n + 1 == first:
        score += TITLE_ABOVE_HEADER
    if x.kind.words >= 4:
        score += TITLE_SEVERAL_WORDS
    if x.kind.kind is not Kind.HEADLINE and not _ends_sentence(x.text, ("?", "!")):
        score -= TITLE_NOT_HEADLINE  # a headline may ask or exclaim, but rarely ends with a full stop
    twice = x.kind.words >= HEADLINE_MIN_WORDS and _printed_twice(items, n)
    if twice:
        score += TITLE_TWICE
    elif _is_name_like(x.text):
        score -= TITLE_NAME_LIKE  # (a name is not printed twice in a row; "Interabled Sex Education" is)
    if x.text.count(":") >= 3:
        score -= TITLE_NAME_LIKE  # "home: heute: shop: woche:": a menu run together
    if _in_menu(items, n):
        score -= TITLE_IN_MENU
    if x.kind.words > LONG_TITLE_WORDS:
        score -= TITLE_TOO_LONG
    if n > 0 and _is_label(items[n - 1]):
        score -= TITLE_LABELLED
    tokens = x.text.split()
    if len(tokens) >= LIST_MIN_WORDS and not any(w.casefold() in ALL_STOP_WORDS for w in tokens):
        score -= TITLE_NO_FUNCTION_WORDS
    return score


def _is_label(x: Line) -> bool:
    """A label of a few words that names the line below it ("Zugehörige Themenseiten:", "Tags:")."""
    return x.text.endswith(":") and 1 <= x.kind.words <= KICKER_MAX_WORDS and x.kind.kind in (Kind.SHORT, Kind.HEADLINE)


def _printed_twice(items: list[Line], n: int) -> bool:
    """The line and its copy in a row, alone: not one of a menu's doubled items (a menu printed for two screens)."""

    def same(a: int, b: int) -> bool:
        return a >= 0 and b < len(items) and items[a].text == items[b].text

    for top in (n - 1, n):
        if same(top, top + 1):
            return not same(top - 2, top - 1) and not same(top + 2, top + 3)
    return False


def _in_menu(items: list[Line], n: int) -> bool:
    """A line among menu items: the four nearest lines are a word or two each, or navigation."""
    near = [items[m] for m in (n - 2, n - 1, n + 1, n + 2) if 0 <= m < len(items)]
    return len(near) == 4 and all(
        x.kind.kind is Kind.SHORT or (x.is_furniture and x.kind.category == "navigation") for x in near
    )


def _has_variant(page: PageText, n: int) -> bool:
    """Whether the page prints this headline again in other words near it (the page's own title line,
    a breadcrumb's last step, the printed headline): two wordings that agree are the headline's."""
    words = _content_words(page._items[n].text)
    if len(words) < AGREE_MIN_SHARED + 1:
        return False
    texts, own = page.texts, page.texts[n]
    return any(
        abs(m - n) < AGREE_REACH and m != n and _agree(other, words) and texts[m] != own for m, other in page.headlines
    )


def _is_kicker(x: Line) -> bool:
    return (
        x.kind.kind in (Kind.SHORT, Kind.HEADLINE)
        and x.kind.words <= KICKER_MAX_WORDS
        and len(x.text) <= KICKER_MAX_CHARS
        and not _ends_sentence(x.text)
    )


def _below_kicker(items: list[Line], at: int, first: int) -> int:
    """The headline when the chosen line is its kicker: a longer headline-like line right below it
    (past a lone ":"), still above the story."""
    if not _is_kicker(items[at]):
        return at
    below = at + 1
    if below < first and items[below].text == ":":
        below += 1
    if (
        below < first
        and _candidate(items, below, first)
        and items[below].kind.words > items[at].kind.words
        and not _is_name_like(items[below].text)
    ):
        return below
    return at


def _kicker_between(items: list[Line], top: int, at: int) -> bool:
    """Whether nothing but a kicker (and a lone ":") stands between two lines: one headline block."""
    between = [items[m] for m in range(top + 1, at) if items[m].text != ":"]
    return not between or (len(between) == 1 and _is_kicker(between[0]))


def _agree(a: frozenset[str], b: frozenset[str], min_words: int = AGREE_MIN_WORDS) -> bool:
    """Two wordings of one headline: they share most of the words of the shorter, which has some."""
    shared = len(a & b)
    fewer = min(len(a), len(b))
    return fewer >= min_words and shared >= AGREE_MIN_SHARED and shared >= AGREE_FRACTION * fewer


def _printed_first(items: list[Line], at: int, first: int) -> int:
    """Which of two printings of the headline in other words is the title.

    Within one headline block (a kicker between them: "Vanlife in Schweden -
    Skandinavien im Wohnmobil" / "VANLIFE IN SCHWEDEN" / "Skandinavien im Wohnmobil erleben")
    the lower line is the printed headline. Apart (a breadcrumb's last step, the page's own title
    line, with menus between: "BIP: Diese Grafiken zeigen, …" above "Diese zwei Grafiken zeigen,
    …") the earlier is the page's own name for the article (its window title too).
    """
    own = _content_words(items[at].text)
    if len(own) < AGREE_MIN_SHARED + 1:
        return at
    for n in range(at + 2, first):
        if not _kicker_between(items, at, n):
            break
        if is_title_candidate(items[n]) and _agree(_content_words(items[n].text), own, AGREE_MIN_SHARED + 1):
            return n  # below its kicker
    for n in range(max(0, at - AGREE_REACH), at):
        if _is_variant(items[n], items[at], own) and not _kicker_between(items, n, at):
            return n
    return at


def _is_variant(x: Line, headline: Line, words: frozenset[str]) -> bool:
    """x prints the headline in other words (not the same words with a site's name or a badge added,
    but with its kicker and colon before it)."""
    if x.kind.words < HEADLINE_MIN_WORDS_AGREE or not is_title_candidate(x) or _is_name_like(x.text):
        return False
    text, own = x.text.casefold(), headline.text.casefold()
    return text != own and (own not in text or text.endswith(": " + own)) and _agree(_content_words(x.text), words)


def _headline_within(items: list[Line], at: int) -> int:
    """The headline inside a line that holds it with more before it: a breadcrumb or a kicker run into it.

    "Startseite>Beauty>Lange Haare: …", "Interne Unterlagen im Netz Daten von Rheinmetall gehackt",
    "Wurmkiste Wurmkiste selber bauen": when another line near it is the end of this one, that
    line is the headline.
    """
    own = items[at].text.casefold()
    best = at
    for n in range(max(0, at - HEADER_REACH), min(len(items), at + FULL_TITLE_REACH)):
        text = items[n].text.casefold()
        if (
            n != at
            and len(text) >= MIN_HEADLINE_CHARS
            and len(text) < len(own)
            and own.endswith(text)
            and not own[: -len(text)].endswith(": ")  # a kicker with its colon belongs to the title
            and len(text) > len(items[best].text) * (best != at)
        ):
            best = n
    return best


def _punctuated(items: list[Line], headline: str) -> str:
    """The page's own printing of a headline whose kicker ran into it without its colon.

    "Die Eisheiligen 2024 Wann sie sind" where the page also prints "Die Eisheiligen 2024:
    Wann sie sind": the crawl lost the colon between two inline parts.
    """
    for x in items:
        if ": " in x.text and len(x.text) == len(headline) + 1 and x.text.replace(": ", " ", 1) == headline:
            return x.text
    return headline


def _without_kicker(items: list[Line], at: int, headline: str) -> str:
    """The headline without a kicker run into it, when the page prints the two apart.

    "Kind krank Was Arbeitgeber …" where the page also prints "Kind krank: Was Arbeitgeber
    wissen müssen"; "Daten von Rheinmetall gehackt - Interne Unterlagen im Netz" where it also
    prints "Interne Unterlagen im Netz Daten von Rheinmetall gehackt"; "Wurmkiste Wurmkiste
    selber bauen", a one-word kicker before a headline that starts with the same word.
    """
    words = headline.split()
    if len(words) >= 3 and words[0] == words[1]:
        return headline.split(None, 1)[1]
    for sep in _KICKER_AFTER:
        if sep in headline:
            head, kicker = headline.rsplit(sep, 1)
            printed = f"{kicker} {head}"
            if any(x.text == printed for x in items):
                return head
    for x in items[max(0, at - AGREE_REACH) : at + AGREE_REACH]:
        if x.kind.kind not in (Kind.HEADLINE, Kind.TEXT):
            continue
        for sep in _KICKER_SEPARATORS:
            if sep not in x.text:
                continue
            for kicker in x.text.split(sep, 1):
                rest = headline[len(kicker) + 1 :]
                if (
                    2 <= len(kicker.split()) <= KICKER_MAX_WORDS
                    and headline.startswith(kicker + " ")
                    and len(rest) >= MIN_HEADLINE_CHARS
                    and rest[:1].isupper()
                ):
                    return rest
    return headline


def _tidy_title(title: str) -> str:
    """A title as a person reads it.

    "Abrechnung : Musik-Stars" has lost an inline break, not a word; "Home / Essays / 2017 /
    Aggression Fotografie" is a breadcrumb whose last step is the headline.
    """
    return breadcrumb_end(title).replace(" : ", ": ")


def breadcrumb_end(title: str) -> str:
    """The last step of a breadcrumb taken for a title ("Home / Essays / 2017 / Aggression Fotografie")."""
    steps = [step.strip() for step in _BREADCRUMB.split(title)]
    if len(steps) >= 3 and len(steps[-1]) >= MIN_HEADLINE_CHARS:
        return steps[-1]
    return title
