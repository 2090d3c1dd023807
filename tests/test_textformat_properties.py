"""Properties of the crawler-text parser over generated pages: it never raises, and loses nothing."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.ingest import IngestError, parse_bytes, textformat
from tuireader.ingest.crawl_lines import (
    inline_teaser,
    is_sponsored_mark,
    is_teaser_label,
    normalise,
    read_byline,
    reading_minutes,
    split_tags,
    tag_label,
)
from tuireader.ingest.dates import find_dates, parse_date_line
from tuireader.ingest.markdown_text import unescape
from tuireader.model import Article

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED_LINES = [
    line for line in (SAMPLES / "dwn-2022-01-10-putin-kasachstan.txt").read_text(encoding="utf-8").split("\n")
]

# Lines pages are made of: the seed's, the labels of other layouts, and odd ones.
VOCABULARY = sorted(
    set(SEED_LINES)
    | {
        "Mehr zum Thema:",
        "Benachrichtigung über neue Artikel:",
        "Kasachstan, Russland",
        "Putin",
        "Lesen Sie auch",
        "Read more",
        "Related",
        "Weitere Artikel",
        "Anzeige",
        "Sponsored",
        "10. Januar 2022, 10:00 Uhr",
        "January 10, 2022 10:00",
        "2022-01-10T10:00",
        "Aktualisiert: 10. Januar 2022, 10:19 Uhr",
        "10.01.2022 10:00 Aktualisiert: 10.01.2022 10:19",
        "4 min read",
        "Lesezeit: 12 min",
        "Von Ilse Brandt",
        "By Maeve Collins and Tom Reyes",
        "Von Max Muster, Berlin",
        "vor 3 Stunden",
        "2 hours ago",
        "nordlicht-kurier.de",
        "Tags: Wetter, Küste",
        "# nicht eine Überschrift",
        "- keine Liste",
        "1. kein Listenpunkt",
        "> kein Zitat",
        "<b>fett</b>",
        "[x](y)",
        "Ein *Satz* mit _Zeichen_ und `Code`.",
        "teaser_box:item_3",
        "Politik",
        "Politik Politik",
        "Lesen Sie auch: Warum die Fähre später fährt",
        "Read more: Harbour seals take over the ferry terminal",
    }
)

LINE = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80).map(lambda s: s.replace("\n", " ")),
)


def _dates_of(article: Article) -> set[str]:
    found = {article.published, article.updated} | {t.date for t in article.related}
    return {d for d in found if d}


def accounted_for(line: str, article: Article) -> bool:
    """The line's content is in a field, or the line is a label that a field stands for."""
    line = normalise(line.replace("\xad", ""))  # soft hyphens are dropped with the rest of a line's spacing
    if not line:
        return True
    texts = [
        article.title,
        article.section,
        article.lead,
        article.image_caption,
        article.source,
        article.related_label,
        unescape(article.body),
        *article.authors,
        *article.tags,
        *article.leftover,
        *(text for lines in article.furniture.values() for text in lines),  # set aside as page furniture
    ]
    for teaser in article.related:
        texts += [teaser.title, teaser.source, teaser.section, teaser.summary, f"{teaser.section} {teaser.title}"]
    if any(text and line in normalise(text) for text in texts):
        return True
    parts = [part.strip() for part in re.split(r"[•|·]", line)]
    if len(parts) > 1 and all(part and accounted_for(part, article) for part in parts):
        return True  # "12.03.2024, 09:15 Uhr • Lesezeit: 3 Minuten": a date and a reading time, each in its field
    date_line = parse_date_line(line)
    if date_line is not None:
        dates = _dates_of(article)
        return any(f.iso in dates or f.iso[:10] in dates for f in find_dates(line))
    minutes = reading_minutes(line)
    if minutes is not None:
        return article.reading_minutes == minutes
    label = tag_label(line)
    if label is not None:
        return all(tag in article.tags for tag in (split_tags(label[1]) or [])) if label[1] else True
    set_in = inline_teaser(line)
    if set_in is not None and any(t.title == set_in[1] for t in article.related):
        return True  # a teaser set into the story: its label stands for "related"
    tags = split_tags(line)
    if tags and article.tags and all(tag in article.tags for tag in tags):
        return True  # a tag line: the tags stand for it
    if is_teaser_label(line):
        # The teaser block's heading, or "Mehr zum Thema" opening a tag list.
        return article.related_label is not None or line.rstrip(" :").casefold() == "mehr zum thema"
    if is_sponsored_mark(line):
        return any(t.sponsored for t in article.related)
    byline = read_byline(line)
    if byline is not None:
        authors, place = byline
        return authors == article.authors and (place is None or place in article.leftover)
    return False


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_parses(text: str) -> None:
    article = textformat.parse(text)
    assert isinstance(article.title, str)
    assert isinstance(article.body, str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_parse_or_fail_with_one_line(data: bytes) -> None:
    try:
        article = parse_bytes(data, "page.txt")
    except IngestError as exc:
        message = str(exc)
        assert message.startswith("page.txt: ")
        assert "\n" not in message
    else:
        assert isinstance(article.title, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINE, st.just("")), max_size=60))
def test_nothing_is_lost(lines: list[str]) -> None:
    article = textformat.parse("\n".join(lines))
    lost = [line for line in lines if not accounted_for(line, article)]
    assert lost == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_nothing_is_lost_from_reordered_and_cut_seed(data: st.DataObject) -> None:
    """The seed with lines moved, dropped and cut off at any point."""
    lines = list(SEED_LINES)
    for _ in range(data.draw(st.integers(0, 4), label="moves")):
        i = data.draw(st.integers(0, len(lines) - 1))
        j = data.draw(st.integers(0, len(lines) - 1))
        lines.insert(j, lines.pop(i))
    for _ in range(data.draw(st.integers(0, 4), label="drops")):
        lines.pop(data.draw(st.integers(0, len(lines) - 1)))
    end = data.draw(st.integers(1, len(lines)), label="cut")
    lines = lines[:end]
    lines[-1] = lines[-1][: data.draw(st.integers(0, len(lines[-1])), label="cut in line")]
    article = textformat.parse("\n".join(lines))
    lost = [line for line in lines if not accounted_for(line, article)]
    assert lost == []


_HEADER_END = (
    SEED_LINES.index("Russlands Präsident Wladimir Putin. (Foto: dpa) Foto: Alexei Nikolsky") + 1
)  # the caption
SEED_HEADER = [line for line in SEED_LINES[:_HEADER_END] if line]
SEED_REST = SEED_LINES[_HEADER_END:]
SEED_ARTICLE = textformat.parse("\n".join(SEED_LINES))
HEADER_FIELDS = (
    "title",
    "section",
    "lead",
    "published",
    "updated",
    "reading_minutes",
    "image_caption",
    "body",
    "related",
)


@settings(max_examples=100, deadline=None)
@given(st.permutations(SEED_HEADER[1:]))
def test_header_lines_in_any_order_below_the_section(header: list[str]) -> None:
    """The section line first, the other header lines (title, its repeat, lead, dates,
    reading time, caption) in any order: the same article."""
    article = textformat.parse("\n".join([SEED_HEADER[0], *header, *SEED_REST]))
    for name in HEADER_FIELDS:
        assert getattr(article, name) == getattr(SEED_ARTICLE, name), name


def _seed_cards() -> list[list[str]]:
    block = SEED_LINES[SEED_LINES.index("article:fokus_txt") + 1 :]
    cards: list[list[str]] = []
    for line in block:
        if line == "DWN":
            cards.append([])
        cards[-1].append(line)
    return cards


SEED_STORY = SEED_LINES[: SEED_LINES.index("Mehr zum Thema")]
SEED_CARDS = _seed_cards()


@st.composite
def card_variant(draw: st.DrawFn, card: list[str]) -> list[str]:
    if draw(st.booleans()):
        card = [line for line in card if not line.endswith("12.2025")]  # no date
    if draw(st.booleans()):
        card = [line for line in card if line]  # no blank lines
    if draw(st.integers(0, 4)) == 0:
        card = card[1:]  # no source line
    return card


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_teaser_cards_in_any_order_and_shape(data: st.DataObject) -> None:
    """Cards shuffled, with or without date, blank lines or source line, under a heading or none."""
    cards = data.draw(st.permutations(SEED_CARDS), label="order")
    block = [line for card in cards for line in data.draw(card_variant(card))]
    heading = data.draw(
        st.sampled_from([["Mehr zum Thema", "article:fokus_txt"], ["Mehr zum Thema"], []]), label="heading"
    )
    article = textformat.parse("\n".join(SEED_STORY + heading + block))
    assert sorted(t.title for t in article.related) == sorted(t.title for t in SEED_ARTICLE.related)
    assert article.body == SEED_ARTICLE.body
    by_title = {t.title: t for t in SEED_ARTICLE.related}
    for teaser in article.related:
        expected = by_title[teaser.title]
        assert teaser.section == expected.section
        assert teaser.summary == expected.summary
        assert teaser.date in (expected.date, None)
        assert teaser.source in (expected.source, None)


MARKDOWN_PIECES = st.sampled_from(
    [*"#>-+*_=`~[]()<>!&;:|\\1. \t", "&amp;", "&#42;", "<b>", "](x)", "```", "---", "1. "]
)
STORY_TEXT = (
    st.lists(
        st.one_of(
            MARKDOWN_PIECES, st.sampled_from("ab xy"), st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
        ),
        min_size=1,
        max_size=20,
    )
    .map(lambda pieces: normalise("".join(pieces)))
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(STORY_TEXT)
def test_story_lines_stay_plain_text_in_markdown(line: str) -> None:
    """Whatever a story line holds, a markdown reader sees one paragraph of exactly that text."""
    from markdown_it import MarkdownIt

    from tuireader.ingest.markdown_text import paragraph

    tokens = MarkdownIt("commonmark").parse(paragraph(line))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text"}
    assert "".join(c.content for c in children) == line


@settings(max_examples=200, deadline=None)
@given(STORY_TEXT)
def test_subheadings_stay_plain_text_in_markdown(line: str) -> None:
    from markdown_it import MarkdownIt

    from tuireader.ingest.markdown_text import heading

    tokens = MarkdownIt("commonmark").parse(heading(line))
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert tokens[0].tag == "h2"
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text"}
    assert "".join(c.content for c in children) == line


RELATIVE_TIMES = st.sampled_from(
    [
        "vor 3 Stunden",
        "vor einer Stunde",
        "Aktualisiert vor 20 Minuten",
        "vor 2 Tagen",
        "vor 5 Min.",
        "gestern, 18:30 Uhr",
        "heute um 9:05 Uhr",
        "3 hours ago",
        "Updated an hour ago",
        "yesterday at 6:30",
        "just now",
    ]
)


@settings(max_examples=100, deadline=None)
@given(RELATIVE_TIMES, st.data())
def test_relative_time_anywhere_in_the_header_is_kept_and_no_date(relative: str, data: st.DataObject) -> None:
    """A relative time ("vor 3 Stunden") above or below any header line: the same article, the line in leftover."""
    at = data.draw(st.integers(0, len(SEED_HEADER)), label="position")
    header = [*SEED_HEADER[:at], relative, *SEED_HEADER[at:]]
    article = textformat.parse("\n".join([*header, *SEED_REST]))
    for name in HEADER_FIELDS:
        assert getattr(article, name) == getattr(SEED_ARTICLE, name), name
    assert relative in article.leftover


_NAME = st.tuples(
    st.sampled_from(["Anna", "Tom", "Max", "Ilse", "Jörg", "Özlem", "Maeve", "Sam"]),
    st.sampled_from(["Berg", "Li", "Muster", "Brandt", "Weber", "Collins", "Okafor", "Schäfer-Ulm"]),
).map(" ".join)
_PLACE = st.sampled_from(["Berlin", "Hamburg", "Frankfurt am Main", "Port Allory", "Brüssel", "New York", "dpa"])


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["Von", "By", "Text:"]),
    st.lists(_NAME, min_size=1, max_size=3, unique=True),
    st.one_of(st.none(), _PLACE),
)
def test_byline_names_are_authors_and_its_place_is_kept(word: str, names: list[str], place: str | None) -> None:
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]
    byline = f"{word} {joined}" + (f", {place}" if place else "")
    lines = [SEED_HEADER[0], SEED_HEADER[1], byline, *SEED_HEADER[2:], *SEED_REST]
    article = textformat.parse("\n".join(lines))
    assert article.authors == names
    assert (place in article.leftover) if place else article.leftover == SEED_ARTICLE.leftover
    for name in HEADER_FIELDS:
        assert getattr(article, name) == getattr(SEED_ARTICLE, name), name


_ITEM_WORDS = st.sampled_from(
    ["Radwege", "Bänke", "Bäume", "Laternen", "Anhörung", "Abstimmung", "Kosten", "Zeitplan", "Bürgerfest"]
)
_ITEM = st.one_of(
    _ITEM_WORDS,
    st.tuples(_ITEM_WORDS, st.sampled_from(["im Rathaus", "am Wasser", "auf beiden Seiten", "für alle"])).map(" ".join),
    st.tuples(st.sampled_from(["- ", "• ", "1. ", "– "]), _ITEM_WORDS).map("".join),
    st.sampled_from(["15.03.2024", "22. März 2024", "15.03.2024: Anhörung im Rathaus"]),
)


@st.composite
def story_list(draw: st.DrawFn) -> list[str]:
    """A list as crawls keep it: an intro line, then items, some repeating the word above them, some dates."""
    items: list[str] = []
    for item in draw(st.lists(_ITEM, min_size=2, max_size=8)):
        if draw(st.booleans()) and " " in item and not item[0].isdigit() and item[0].isalpha():
            items.append(item.split(" ", 1)[0])  # "Radwege" above "Radwege am Wasser"
        items.append(item)
        if draw(st.integers(0, 3)) == 0:
            items.append("")
    return [draw(st.sampled_from(["Geplant sind:", "Die Termine im Überblick:", "Das ist neu:"])), *items]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story_list(), st.data())
def test_a_list_in_the_story_stays_story(items: list[str], data: st.DataObject) -> None:
    """A list between any two story paragraphs: header and teasers as before, every item a paragraph of the body."""
    paragraphs = [i for i, line in enumerate(SEED_STORY) if len(line) > 100 and i > _HEADER_END]
    at = data.draw(st.sampled_from(paragraphs), label="after paragraph") + 1
    lines = [*SEED_STORY[:at], "", *items, "", *SEED_STORY[at:], *SEED_LINES[len(SEED_STORY) :]]
    article = textformat.parse("\n".join(lines))
    for name in ("title", "section", "lead", "published", "updated", "reading_minutes", "image_caption"):
        assert getattr(article, name) == getattr(SEED_ARTICLE, name), name
    assert [t.title for t in article.related] == [t.title for t in SEED_ARTICLE.related]
    assert article.leftover == SEED_ARTICLE.leftover
    paragraphs_out = unescape(article.body).split("\n\n")
    for item in items:
        if item:
            assert item in paragraphs_out, item


# Text heavy in white space of every kind, so that lines with and without it are both drawn often.
_SPACED_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                " ",
                "  ",
                "\n",
                "\t",
                "\r",
                "\x0b",
                "\x0c",
                "\x1c",
                "\x1f",
                "\x85",
                "\xa0",
                "\u1680",
                "\u2000",
                "\u2009",
                "\u200a",
                "\u200b",
                "\u2028",
                "\u2029",
                "\u202f",
                "\u205f",
                "\u3000",
                "\ufeff",
                "ab",
                "Ü",
            ]
        ),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_SPACED_TEXT, st.text()))
def test_split_lines_normalises_every_line(text: str) -> None:
    """Lines that are kept as they are (normal already) equal those normalised by splitting (soft hyphens dropped)."""
    expected = [" ".join(line.replace("\xad", "").split()) for line in text.split("\n")]
    assert textformat.split_lines(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.one_of(LINE, _SPACED_TEXT, st.just("")), max_size=12).map("\n".join), st.text()))
def test_dedup_key_spaces_the_story_as_splitting_does(text: str) -> None:
    """The story in the dedup key is single-spaced the same way with or without the shortcut, for parsed
    bodies (paragraphs between blank lines) and for any text (an HTML page's or an export's body)."""
    from tuireader.library.converters import _single_spaced

    for body in (textformat.parse(text).body, text):
        assert _single_spaced(body) == " ".join(body.split())


def test_unlabelled_cards_without_source_line_or_date_are_teasers() -> None:
    """No heading, no source lines, no dates: the section-and-prefixed-title shape alone, card after card."""
    block = []
    for card in SEED_CARDS:
        card = [line for line in card[1:] if not line.endswith("12.2025")]
        block += card
    article = textformat.parse("\n".join(SEED_STORY + block))
    assert sorted(t.title for t in article.related) == sorted(t.title for t in SEED_ARTICLE.related)
    assert article.body == SEED_ARTICLE.body
