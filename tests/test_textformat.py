"""The crawler-text parser on the real seed page and on layout variants derived from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tuireader.ingest import textformat
from tuireader.ingest.markdown_text import unescape
from tuireader.model import Article

SEED = Path(__file__).resolve().parent.parent / "samples" / "dwn-2022-01-10-putin-kasachstan.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")

TITLE = "Putin: Werden in Kasachstan keine „Farbenrevolution“ zulassen"
LEAD_START = "Putin zufolge fachen ausländische Kräfte"
CAPTION = "Russlands Präsident Wladimir Putin. (Foto: dpa) Foto: Alexei Nikolsky"
SUBHEADING = "Kasachstan will Beweise für Umsturzversuch vorlegen"
FIRST_STORY = "Nach dem Eingreifen in Kasachstan"
LAST_STORY_END = "gegeben hatte."


def _index(prefix: str) -> int:
    return next(i for i, line in enumerate(SEED_LINES) if line.startswith(prefix))


# The seed's parts, by content rather than by line number.
SECTION_LINE = SEED_LINES[0]
LEAD_LINE = SEED_LINES[_index(LEAD_START)]
DATE_LINE = "10.01.2022 10:00"
UPDATE_LINE = "Aktualisiert: 10.01.2022 10:19"
READING_LINE = "Lesezeit: 2 min"
STORY = SEED_LINES[_index(FIRST_STORY) : _index("Mehr zum Thema")]
TEASER_BLOCK = SEED_LINES[_index("Mehr zum Thema") :]
CARDS = SEED_LINES[_index("article:fokus_txt") + 1 :]
TEASER_TITLES = [
    line.split(" ", 1)[1]
    for line in SEED_LINES
    if line.startswith(
        ("Panorama ", "Immobilien ", "Wirtschaft ", "Finanzen ", "Technologie ", "Politik ", "Unternehmensporträt ")
    )
]


def page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for part in parts:
        lines.extend([part] if isinstance(part, str) else part)
    return "\n".join(lines)


def plain_body(article: Article) -> str:
    return unescape(article.body)


def assert_story_clean(article: Article) -> None:
    """The body holds the story and nothing of header or teaser block."""
    body = plain_body(article)
    assert body.startswith(FIRST_STORY)
    assert body.rstrip().endswith(LAST_STORY_END)
    assert f"## {SUBHEADING}" in article.body
    assert "Lesezeit" not in body
    assert "10.01.2022" not in body
    assert LEAD_START not in body
    assert "Foto:" not in body
    assert TITLE not in body
    assert "Mehr zum Thema" not in body
    for title in TEASER_TITLES:
        assert title not in body
    assert "article:fokus_txt" not in body


# --- the seed, field by field ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Article:
    return textformat.parse(SEED.read_text(encoding="utf-8"))


def test_seed_header(seed: Article) -> None:
    assert seed.title == TITLE
    assert seed.section == "Politik"
    assert seed.lead == LEAD_LINE
    assert seed.published == "2022-01-10T10:00"
    assert seed.updated == "2022-01-10T10:19"
    assert seed.reading_minutes == 2
    assert seed.image_caption == CAPTION
    assert seed.source == "DWN"
    assert seed.tags == []


def test_seed_body(seed: Article) -> None:
    assert_story_clean(seed)
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == len([line for line in STORY if line.strip()])
    assert paragraphs.count(f"## {SUBHEADING}") == 1
    assert sum(p.startswith("#") for p in paragraphs) == 1


def test_seed_teasers(seed: Article) -> None:
    assert seed.related_label == "Mehr zum Thema"
    assert len(seed.related) == 8
    first = seed.related[0]
    assert first.title == "Feiertage 2026: Alle Termine, Brückentage und Regeln – wie Sie am besten profitieren"
    assert first.section == "Panorama"
    assert first.source == "DWN"
    assert first.date == "2025-12-13"
    assert first.summary.startswith("Die Feiertage 2026 liegen günstig")
    assert not first.sponsored
    assert [t.title for t in seed.related] == TEASER_TITLES
    assert [t.section for t in seed.related] == [
        "Panorama",
        "Immobilien",
        "Wirtschaft",
        "Finanzen",
        "Technologie",
        "Politik",
        "Wirtschaft",
        "Unternehmensporträt",
    ]
    assert seed.related[-1].date == "2025-12-12"
    assert all(t.summary and t.source == "DWN" for t in seed.related)


def test_seed_leftover_keeps_cms_residue(seed: Article) -> None:
    assert seed.leftover == ["article:fokus_txt"]


# --- header layouts ---------------------------------------------------------------------

HEADER_VARIANTS = {
    "seed order": [SECTION_LINE, "", TITLE, "", LEAD_LINE, DATE_LINE, UPDATE_LINE, READING_LINE, TITLE, CAPTION],
    "reading time first": [READING_LINE, SECTION_LINE, TITLE, LEAD_LINE, DATE_LINE, UPDATE_LINE, TITLE, CAPTION],
    "reading time last": [SECTION_LINE, TITLE, LEAD_LINE, DATE_LINE, UPDATE_LINE, TITLE, CAPTION, READING_LINE],
    "lead before title": [SECTION_LINE, "", LEAD_LINE, "", TITLE, DATE_LINE, UPDATE_LINE, READING_LINE, TITLE, CAPTION],
    "title not repeated": [SECTION_LINE, "", TITLE, "", LEAD_LINE, DATE_LINE, UPDATE_LINE, READING_LINE, CAPTION],
    "dates on one line": [SECTION_LINE, TITLE, LEAD_LINE, f"{DATE_LINE} {UPDATE_LINE}", READING_LINE, TITLE, CAPTION],
    "dates after caption": [SECTION_LINE, TITLE, LEAD_LINE, READING_LINE, TITLE, CAPTION, DATE_LINE, UPDATE_LINE],
    "lead last": [SECTION_LINE, TITLE, DATE_LINE, UPDATE_LINE, READING_LINE, TITLE, CAPTION, LEAD_LINE],
    "lead between dates and caption": [
        SECTION_LINE,
        TITLE,
        DATE_LINE,
        UPDATE_LINE,
        LEAD_LINE,
        READING_LINE,
        TITLE,
        CAPTION,
    ],
    "blank lines everywhere": [
        SECTION_LINE,
        "",
        TITLE,
        "",
        LEAD_LINE,
        "",
        DATE_LINE,
        "",
        UPDATE_LINE,
        "",
        READING_LINE,
        "",
        TITLE,
        "",
        CAPTION,
    ],
}


@pytest.mark.parametrize("header", HEADER_VARIANTS.values(), ids=HEADER_VARIANTS.keys())
def test_header_layouts(header: list[str]) -> None:
    article = textformat.parse(page(header, "", STORY, TEASER_BLOCK))
    assert article.title == TITLE
    assert article.section == "Politik"
    assert article.lead == LEAD_LINE
    assert article.published == "2022-01-10T10:00"
    assert article.updated == "2022-01-10T10:19"
    assert article.reading_minutes == 2
    assert article.image_caption == CAPTION
    assert len(article.related) == 8
    assert_story_clean(article)


REDUCED_HEADERS = {
    "no section": ([TITLE, LEAD_LINE, DATE_LINE, UPDATE_LINE, READING_LINE, TITLE, CAPTION], {"section": None}),
    "no caption": (
        [SECTION_LINE, TITLE, LEAD_LINE, DATE_LINE, UPDATE_LINE, READING_LINE, TITLE],
        {"image_caption": None},
    ),
    "no update": ([SECTION_LINE, TITLE, LEAD_LINE, DATE_LINE, READING_LINE, TITLE, CAPTION], {"updated": None}),
    "no dates": ([SECTION_LINE, TITLE, LEAD_LINE, READING_LINE, TITLE, CAPTION], {"published": None, "updated": None}),
    "no reading time": (
        [SECTION_LINE, TITLE, LEAD_LINE, DATE_LINE, UPDATE_LINE, TITLE, CAPTION],
        {"reading_minutes": None},
    ),
    "lead first, no section": (
        [LEAD_LINE, TITLE, DATE_LINE, UPDATE_LINE, READING_LINE, TITLE, CAPTION],
        {"section": None},
    ),
    "short title, no section": (
        ["Putin warnt Westen", LEAD_LINE, DATE_LINE, UPDATE_LINE, READING_LINE, CAPTION],
        {"section": None, "title": "Putin warnt Westen"},
    ),
    "short title after section": (
        [SECTION_LINE, "Putin warnt Westen", LEAD_LINE, DATE_LINE, UPDATE_LINE, READING_LINE, CAPTION],
        {"title": "Putin warnt Westen"},
    ),
    "question headline": (
        [
            SECTION_LINE,
            "Was kann ich tun, wenn meine Gehaltseinstufung nicht zum Tarifvertrag passt?",
            LEAD_LINE,
            DATE_LINE,
            UPDATE_LINE,
            READING_LINE,
            CAPTION,
        ],
        {"title": "Was kann ich tun, wenn meine Gehaltseinstufung nicht zum Tarifvertrag passt?"},
    ),
    "headline ending with a number in brackets": (
        [
            SECTION_LINE,
            "Kasachstan: Die Lage am Montag (113)",
            LEAD_LINE,
            DATE_LINE,
            UPDATE_LINE,
            READING_LINE,
            CAPTION,
        ],
        {"title": "Kasachstan: Die Lage am Montag (113)"},
    ),
    "lead ending with a quote before the headline": (
        [
            SECTION_LINE,
            "Putin sagte: „Wir werden das nicht zulassen.“",
            TITLE,
            DATE_LINE,
            UPDATE_LINE,
            READING_LINE,
            CAPTION,
        ],
        {"lead": "Putin sagte: „Wir werden das nicht zulassen.“"},
    ),
    "short lead": (
        [SECTION_LINE, TITLE, "Putin warnt den Westen.", DATE_LINE, UPDATE_LINE, READING_LINE, TITLE, CAPTION],
        {"lead": "Putin warnt den Westen."},
    ),
    "no lead": ([SECTION_LINE, TITLE, DATE_LINE, UPDATE_LINE, READING_LINE, TITLE, CAPTION], {"lead": None}),
    "only title and dates": (
        [TITLE, DATE_LINE, UPDATE_LINE],
        {"section": None, "lead": None, "image_caption": None, "reading_minutes": None},
    ),
}


@pytest.mark.parametrize("header,missing", REDUCED_HEADERS.values(), ids=REDUCED_HEADERS.keys())
def test_header_with_lines_missing(header: list[str], missing: dict[str, None]) -> None:
    article = textformat.parse(page(header, "", STORY, TEASER_BLOCK))
    expected = {
        "title": TITLE,
        "section": "Politik",
        "lead": LEAD_LINE,
        "published": "2022-01-10T10:00",
        "updated": "2022-01-10T10:19",
        "reading_minutes": 2,
        "image_caption": CAPTION,
    } | missing
    assert {key: getattr(article, key) for key in expected} == expected
    assert_story_clean(article)


DATE_FORMATS = {
    "german numeric": ("10.01.2022 10:00", "Aktualisiert: 10.01.2022 10:19"),
    "german words": ("10. Januar 2022, 10:00 Uhr", "Aktualisiert: 10. Januar 2022, 10:19 Uhr"),
    "german with weekday": ("Montag, 10. Januar 2022 um 10:00 Uhr", "Aktualisiert am 10.01.2022 um 10:19 Uhr"),
    "english": ("January 10, 2022 10:00", "Updated: January 10, 2022 10:19"),
    "english day first": ("Published 10 January 2022, 10:00", "Last updated 10 Jan 2022, 10:19"),
    "iso": ("2022-01-10T10:00", "Aktualisiert: 2022-01-10 10:19"),
    "iso with zone": ("2022-01-10T10:00:00+01:00", "Updated 2022-01-10T10:19Z"),
    "english pm": ("Jan. 10, 2022, 10:00 a.m.", "Updated Jan. 10, 2022, 10:19 a.m."),
}


@pytest.mark.parametrize("published,updated", DATE_FORMATS.values(), ids=DATE_FORMATS.keys())
def test_date_formats(published: str, updated: str) -> None:
    header = [SECTION_LINE, TITLE, LEAD_LINE, published, updated, READING_LINE, TITLE, CAPTION]
    article = textformat.parse(page(header, "", STORY, TEASER_BLOCK))
    assert (article.published, article.updated) == ("2022-01-10T10:00", "2022-01-10T10:19")
    assert published not in plain_body(article)
    assert_story_clean(article)


def test_date_without_time_is_a_day() -> None:
    article = textformat.parse(page([SECTION_LINE, TITLE, "10.01.2022", READING_LINE], "", STORY))
    assert article.published == "2022-01-10"


def test_afternoon_time_is_kept_as_printed_in_24_hours() -> None:
    article = textformat.parse(page([TITLE, "Jan 10, 2022 3:05 PM"], "", STORY))
    assert article.published == "2022-01-10T15:05"


# --- the tag list before the story ------------------------------------------------------

TAG_LISTS = {
    "both with tags": (
        ["Mehr zum Thema:", "Kasachstan, Russland", "Benachrichtigung über neue Artikel:", "Wladimir Putin"],
        ["Kasachstan", "Russland", "Wladimir Putin"],
    ),
    "labels only": (["Mehr zum Thema:", "Benachrichtigung über neue Artikel:"], []),
    "first with tags": (["Mehr zum Thema:", "Kasachstan", "Benachrichtigung über neue Artikel:"], ["Kasachstan"]),
    "second with tags": (["Mehr zum Thema:", "Benachrichtigung über neue Artikel:", "Putin · OVKS"], ["Putin", "OVKS"]),
    "blank lines between": (
        ["Mehr zum Thema:", "", "Kasachstan", "", "Benachrichtigung über neue Artikel:", "", "Putin"],
        ["Kasachstan", "Putin"],
    ),
}


@pytest.mark.parametrize("tag_list,tags", TAG_LISTS.values(), ids=TAG_LISTS.keys())
def test_tag_list_before_story_is_not_the_teaser_block(tag_list: list[str], tags: list[str]) -> None:
    header = SEED_LINES[: _index("Russlands Präsident") + 1]
    article = textformat.parse(page(header, "", tag_list, "", STORY, TEASER_BLOCK))
    assert article.tags == tags
    assert article.title == TITLE
    assert article.related_label == "Mehr zum Thema"
    assert len(article.related) == 8
    assert "Benachrichtigung" not in plain_body(article)
    assert_story_clean(article)


# --- the teaser block -------------------------------------------------------------------


def test_teaser_block_without_heading_starts_at_first_card() -> None:
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], CARDS))
    assert article.related_label is None
    assert [t.title for t in article.related] == TEASER_TITLES
    assert article.related[0].source == "DWN"
    assert_story_clean(article)


def test_cards_without_dates() -> None:
    cards = [line for line in CARDS if not line.startswith(("13.12.2025", "12.12.2025"))]
    article = textformat.parse(page(SEED_LINES[: _index("DWN")], cards))
    assert [t.title for t in article.related] == TEASER_TITLES
    assert all(t.date is None for t in article.related)
    assert all(t.summary for t in article.related)
    assert_story_clean(article)


def test_some_cards_with_date_some_without() -> None:
    cards = list(CARDS)
    cards.remove("12.12.2025")
    article = textformat.parse(page(SEED_LINES[: _index("DWN")], cards))
    assert [t.date for t in article.related] == ["2025-12-13"] * 7 + [None]


SPONSORED = {
    "mark above source": [
        "Anzeige",
        "Partnerbank",
        "Finanzen",
        "Finanzen Tagesgeld mit Bonus: Jetzt Zinsen sichern",
        "",
        "Ein Angebot unseres Partners.",
    ],
    "mark as source": [
        "Anzeige",
        "Finanzen",
        "Finanzen Tagesgeld mit Bonus: Jetzt Zinsen sichern",
        "13.12.2025",
        "",
        "Ein Angebot unseres Partners.",
    ],
    "mark after title": [
        "DWN",
        "Finanzen",
        "Finanzen Tagesgeld mit Bonus: Jetzt Zinsen sichern",
        "Anzeige",
        "",
        "Ein Angebot unseres Partners.",
    ],
}


@pytest.mark.parametrize("card", SPONSORED.values(), ids=SPONSORED.keys())
@pytest.mark.parametrize("heading", [True, False], ids=["heading", "no heading"])
def test_sponsored_card_first(card: list[str], heading: bool) -> None:
    block = (["Mehr zum Thema", "article:fokus_txt"] if heading else []) + card + [""] + CARDS
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], block))
    assert len(article.related) == 9
    first = article.related[0]
    assert first.sponsored
    assert first.title == "Tagesgeld mit Bonus: Jetzt Zinsen sichern"
    assert first.section == "Finanzen"
    assert first.summary == "Ein Angebot unseres Partners."
    assert not any(t.sponsored for t in article.related[1:])
    assert [t.title for t in article.related[1:]] == TEASER_TITLES
    assert article.source == "DWN"
    assert_story_clean(article)


@pytest.mark.parametrize(
    "label",
    [
        "Lesen Sie auch",
        "Das könnte Sie auch interessieren",
        "Weitere Artikel",
        "Related",
        "Read more:",
        "More on this story",
        "LESEN SIE AUCH",
    ],
)
def test_other_sites_headings(label: str) -> None:
    block = [
        label,
        "",
        "Kasachstan: Die Lage in Almaty",
        "09.01.2022",
        "",
        "Plain teaser title without a date",
        "",
        "Another teaser, dated in English",
        "January 8, 2022",
    ]
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], block))
    assert article.related_label == label.rstrip(":")
    assert [(t.title, t.date) for t in article.related] == [
        ("Kasachstan: Die Lage in Almaty", "2022-01-09"),
        ("Plain teaser title without a date", None),
        ("Another teaser, dated in English", "2022-01-08"),
    ]
    assert_story_clean(article)


def test_plain_teasers_with_summaries() -> None:
    block = [
        "Read more",
        "",
        "Harbour cranes return to service",
        "",
        "The port authority says the repairs were finished ahead of schedule this week.",
        "",
        "Ferry timetable changes",
        "",
        "From Monday, the early ferry leaves twenty minutes later than it used to.",
    ]
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], block))
    assert [(t.title, t.summary is not None) for t in article.related] == [
        ("Harbour cranes return to service", True),
        ("Ferry timetable changes", True),
    ]


def test_no_teaser_block() -> None:
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")]))
    assert article.related == []
    assert article.related_label is None
    assert article.source is None
    assert article.title == TITLE
    assert_story_clean(article)


# --- files cut off ----------------------------------------------------------------------


def test_cut_off_mid_sentence_in_story() -> None:
    end = _index("China erklärte")
    cut_line = SEED_LINES[end][:60]
    article = textformat.parse(page(SEED_LINES[:end], cut_line))
    assert plain_body(article).endswith(cut_line)
    assert article.related == []
    assert article.title == TITLE


def test_cut_off_in_the_header() -> None:
    article = textformat.parse(page(SEED_LINES[: _index("Lesezeit")]))
    assert article.title == TITLE
    assert article.published == "2022-01-10T10:00"
    assert article.updated == "2022-01-10T10:19"
    assert article.body == ""


SIXTH_CARD = [
    "DWN",
    "Politik",
    "Politik Billigfluglinien bereiten sich bereits auf Flüge in die Ukraine vor",
    "13.12.2025",
    "",
    "Wizz Air, Ryanair und EasyJet bringen sich in Stellung.",
]
CUTS = {
    "after source line": (["DWN"], 5),
    "after section line": (["DWN", "Politik"], 5),
    "mid title": (["DWN", "Politik", "Politik Billigfluglinien bereiten sich"], 6),
    "after title": (SIXTH_CARD[:3], 6),
    "after date": (SIXTH_CARD[:4], 6),
    "mid summary": ([*SIXTH_CARD[:5], "Wizz Air, Ryanair und EasyJet bringen"], 6),
}


@pytest.mark.parametrize("card_part,teasers", CUTS.values(), ids=CUTS.keys())
def test_cut_off_mid_card(card_part: list[str], teasers: int) -> None:
    sixth = SEED_LINES.index(SIXTH_CARD[2]) - 2
    assert SEED_LINES[sixth : sixth + 5] == SIXTH_CARD[:5]
    article = textformat.parse(page(SEED_LINES[:sixth], card_part))
    assert len(article.related) == teasers
    assert [t.title for t in article.related[:5]] == TEASER_TITLES[:5]
    assert_story_clean(article)
    if teasers == 6:
        last = article.related[-1]
        assert card_part[2].startswith(f"Politik {last.title}")
        assert last.section == "Politik"
        assert last.source == "DWN"
        if len(card_part) > 4:
            assert last.summary == card_part[-1]
    else:
        # The cut-off card's lines are kept, not dropped and not glued to the card before.
        assert article.leftover[-len(card_part) :] == card_part
        assert article.related[-1].summary.endswith("...")


# --- text nothing is recognised in ------------------------------------------------------


def test_unrecognised_text_is_all_body() -> None:
    text = "Notes from the allotment\n\nThe beans came up early this year.\nThe slugs came with them.\n"
    article = textformat.parse(text)
    assert article.title == "Notes from the allotment"
    assert plain_body(article) == "The beans came up early this year.\n\nThe slugs came with them."
    assert article.related == [] and article.leftover == []


def test_single_line() -> None:
    article = textformat.parse("Just one line")
    assert article.title == "Just one line"
    assert article.body == ""


def test_one_long_paragraph_gets_a_short_title_and_keeps_its_text() -> None:
    paragraph = "Word " * 80 + "end."
    article = textformat.parse(paragraph)
    assert len(article.title) <= 101
    assert article.title.endswith("…")
    assert plain_body(article) == " ".join(paragraph.split())


def test_blank_text() -> None:
    assert textformat.parse("").title == ""
    assert textformat.parse("\n\n  \n").body == ""


# --- the story as markdown --------------------------------------------------------------

STORY_P1 = "Die Ratsversammlung tagte bis spät in die Nacht und vertagte die Entscheidung über den Haushalt."
STORY_P2 = "Der Kämmerer kündigte an, bis zur nächsten Sitzung einen überarbeiteten Entwurf vorzulegen."


@pytest.mark.parametrize(
    "line",
    [
        "# Nicht als Überschrift",
        "## zwei",
        "> kein Zitat",
        "- keine Liste",
        "+ auch keine",
        "* und keine",
        "1. kein Punkt einer Liste",
        "3) auch nicht",
        "---",
        "=== ",
        "<script>alert(1)</script>",
        "[Link](http://example.com)",
        "```",
        "~~~",
        "| a | b |",
        "    eingerückt",
    ],
)
def test_story_lines_never_become_markdown_structure(line: str) -> None:
    article = textformat.parse(page([TITLE, DATE_LINE, "", STORY_P1, "", line, "", STORY_P2]))
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    middle = paragraphs[1]
    # A short line may be read as a subheading; its text is escaped all the same.
    text = middle.removeprefix("## ")
    assert unescape(text) == line.strip()
    # Escaped: no markdown block marker at the start, no raw tag, link or code fence.
    assert not text.startswith(("#", ">", "-", "+", "*", "<", "[", "`", "~", "|", "=", " "))
    assert not text[:1].isdigit() or "\\" in text[:4]
    assert re.search(r"(?<!\\)[<\[`]", text) is None


def test_emphasis_characters_are_escaped_in_story_text() -> None:
    article = textformat.parse(page([TITLE, DATE_LINE, "", "Ein *wichtiger* Satz mit _Unterstrich_ und `Code`."]))
    assert article.body == "Ein \\*wichtiger\\* Satz mit \\_Unterstrich\\_ und \\`Code\\`."


def test_subheading_only_between_paragraphs() -> None:
    article = textformat.parse(
        page([TITLE, DATE_LINE, "", STORY_P1, "", "Wie es weitergeht", "", STORY_P2, "", "Ende ohne Punkt"])
    )
    assert article.body.split("\n\n") == [STORY_P1, "## Wie es weitergeht", STORY_P2, "Ende ohne Punkt"]


def test_question_subheading() -> None:
    article = textformat.parse(page([TITLE, DATE_LINE, "", STORY_P1, "", "Was bedeutet das für Mieter?", "", STORY_P2]))
    assert "## Was bedeutet das für Mieter?" in article.body


def test_heading_text_is_escaped() -> None:
    article = textformat.parse(page([TITLE, DATE_LINE, "", STORY_P1, "", "Warum #Haushalt trendet", "", STORY_P2]))
    assert "## Warum \\#Haushalt trendet" in article.body


# --- header details -----------------------------------------------------------------------


def test_byline_and_site_line() -> None:
    text = page(
        [
            "nordlicht-kurier.de",
            "Kultur",
            "Ein Museum für vergessene Dinge",
            "Von Ilse Brandt und Jonas Weber",
            "03.05.2021 08:30",
            "",
            STORY_P1,
            "",
            STORY_P2,
        ]
    )
    article = textformat.parse(text)
    assert article.source == "nordlicht-kurier.de"
    assert article.section == "Kultur"
    assert article.title == "Ein Museum für vergessene Dinge"
    assert article.authors == ["Ilse Brandt", "Jonas Weber"]
    assert plain_body(article) == f"{STORY_P1}\n\n{STORY_P2}"


def test_english_header() -> None:
    text = page(
        [
            "Science",
            "",
            "Lighthouse keepers return to Skerry Point",
            "",
            "By Maeve Collins",
            "March 4, 2023 9:15 AM",
            "Updated March 4, 2023 11:40 AM",
            "4 min read",
            "",
            STORY_P1,
        ]
    )
    article = textformat.parse(text)
    assert (article.section, article.title) == ("Science", "Lighthouse keepers return to Skerry Point")
    assert article.authors == ["Maeve Collins"]
    assert (article.published, article.updated, article.reading_minutes) == ("2023-03-04T09:15", "2023-03-04T11:40", 4)


def test_caption_inside_the_story_does_not_pull_the_story_into_the_header() -> None:
    text = page(
        [
            "Local",
            "Harbour wall to be rebuilt",
            "May 2, 2021 9:00",
            "",
            "The harbour wall will be rebuilt over the summer, the council said.",
            "",
            "Work starts in June and should take twelve weeks.",
            "",
            "The old wall after the storm. Photo: Tom Reyes",
            "",
            "Boats will moor at the outer pier while the work goes on.",
        ]
    )
    article = textformat.parse(text)
    assert article.lead is None
    assert article.image_caption is None
    assert plain_body(article).split("\n\n") == [
        "The harbour wall will be rebuilt over the summer, the council said.",
        "Work starts in June and should take twelve weeks.",
        "The old wall after the storm. Photo: Tom Reyes",
        "Boats will moor at the outer pier while the work goes on.",
    ]


def test_lead_and_story_lines_stay_in_order_when_the_header_ends_late() -> None:
    text = page(["Politik", TITLE, LEAD_LINE, READING_LINE, TITLE, CAPTION, DATE_LINE, ""], STORY)
    article = textformat.parse(text)
    assert article.lead == LEAD_LINE
    assert article.published == "2022-01-10T10:00"
    assert_story_clean(article)


def test_source_is_the_site_of_the_cards_not_the_sponsor() -> None:
    sponsor = [
        "Anzeige",
        "Küstenbank",
        "Finanzen",
        "Finanzen Festgeld mit Meerblick",
        "",
        "Ein Angebot unseres Partners.",
    ] * 3
    article = textformat.parse(page(SEED_LINES[: _index("DWN")], sponsor, "", CARDS[:12]))
    assert [t.sponsored for t in article.related] == [True, True, True, False, False]
    assert article.source == "DWN"


def test_cards_without_blank_lines() -> None:
    cards = [line for line in CARDS if line.strip()]
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], "Mehr zum Thema", cards))
    assert [t.title for t in article.related] == TEASER_TITLES
    assert all(t.source == "DWN" and t.date and t.summary and t.summary.endswith("...") for t in article.related)
    assert_story_clean(article)


def test_cards_with_summaries_cut_mid_word_and_no_blank_lines() -> None:
    cards: list[str] = []
    for line in CARDS:
        if line.strip():
            cards.append(line[:50] if line.endswith("...") else line)  # summaries end with "..."
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], cards))
    assert [t.title for t in article.related] == TEASER_TITLES
    assert all(t.source == "DWN" for t in article.related)
    assert [t.summary for t in article.related] == [line[:50].strip() for line in CARDS if line.endswith("...")]


def test_caption_and_credit_on_lines_of_their_own() -> None:
    text = page(
        [
            "Harbour master retires after 40 years",
            "",
            "Share",
            "",
            "Image source, Harbour Gazette",
            "Image caption, The harbour master on his last day",
            "",
            STORY_P1,
            "",
            STORY_P2,
        ]
    )
    article = textformat.parse(text)
    assert article.title == "Harbour master retires after 40 years"
    assert article.image_caption == "Image source, Harbour Gazette Image caption, The harbour master on his last day"
    assert article.leftover == ["Share"]
    assert plain_body(article) == f"{STORY_P1}\n\n{STORY_P2}"


def test_only_mehr_zum_thema_opens_a_tag_list() -> None:
    story = SEED_LINES[: _index("Mehr zum Thema")]
    article = textformat.parse(page(story, "Read more", "Benachrichtigung über neue Artikel:", "Putin"))
    assert article.related_label == "Read more"
    assert article.tags == []
    assert_story_clean(article)


def test_plain_teasers_without_blank_lines() -> None:
    block = [
        "Lesen Sie auch:",
        "Kasachstan: Die Lage in Almaty",
        "09.01.2022",
        "Ausland",
        "Proteste in Nachbarländern bleiben aus",
        "08.01.2022",
        "Eine Zusammenfassung der Lage.",
        "Ohne Datum und ohne Zusammenfassung",
    ]
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], block))
    assert article.related_label == "Lesen Sie auch"
    assert [(t.title, t.section, t.date, t.summary) for t in article.related] == [
        ("Kasachstan: Die Lage in Almaty", None, "2022-01-09", None),
        ("Proteste in Nachbarländern bleiben aus", "Ausland", "2022-01-08", "Eine Zusammenfassung der Lage."),
        ("Ohne Datum und ohne Zusammenfassung", None, None, None),
    ]
    assert_story_clean(article)


def test_plain_teaser_with_source_section_and_sponsored_mark() -> None:
    block = [
        "Das könnte Sie auch interessieren",
        "",
        "Anzeige",
        "Küstenbank",
        "Finanzen",
        "Festgeld mit Meerblick",
        "13.12.2025",
        "",
        "Ein Angebot unseres Partners.",
    ]
    article = textformat.parse(page(SEED_LINES[: _index("Mehr zum Thema")], block))
    [teaser] = article.related
    assert (teaser.source, teaser.section, teaser.title, teaser.date, teaser.sponsored, teaser.summary) == (
        "Küstenbank",
        "Finanzen",
        "Festgeld mit Meerblick",
        "2025-12-13",
        True,
        "Ein Angebot unseres Partners.",
    )


def test_parser_and_plain_rendering_never_load_textual_or_the_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tuireader.ingest import parse_file\n"
        "from tuireader.render import render_article_text\n"
        f"render_article_text(parse_file({str(SEED)!r}))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'sqlite3', 'tuireader.ui', 'tuireader.library'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_prose_after_a_blank_line_below_the_header_is_the_story() -> None:
    article = textformat.parse(page([SECTION_LINE, TITLE, DATE_LINE, READING_LINE, "", STORY_P1, "", STORY_P2]))
    assert article.lead is None
    assert plain_body(article) == f"{STORY_P1}\n\n{STORY_P2}"


def test_pages_without_blank_lines_keep_their_first_paragraph_in_the_story() -> None:
    article = textformat.parse(page([SECTION_LINE, TITLE, DATE_LINE, READING_LINE, STORY_P1, STORY_P2]))
    assert article.lead is None
    assert plain_body(article) == f"{STORY_P1}\n\n{STORY_P2}"


def test_ad_labels_and_cms_residue_inside_the_story_are_left_over() -> None:
    article = textformat.parse(
        page([TITLE, DATE_LINE, "", STORY_P1, "", "Anzeige", "", "article:inline_ad", "", STORY_P2])
    )
    assert plain_body(article) == f"{STORY_P1}\n\n{STORY_P2}"
    assert article.leftover == ["Anzeige", "article:inline_ad"]


def test_teasers_set_into_the_story_join_the_related_articles() -> None:
    article = textformat.parse(
        page(
            [
                TITLE,
                DATE_LINE,
                "",
                STORY_P1,
                "",
                "Lesen Sie auch: Warum die Fähre später fährt",
                "",
                STORY_P2,
                "",
                "Read more: Harbour seals take over the ferry terminal",
            ],
            "",
            TEASER_BLOCK,
        )
    )
    assert plain_body(article) == f"{STORY_P1}\n\n{STORY_P2}"
    assert [t.title for t in article.related[:2]] == [
        "Warum die Fähre später fährt",
        "Harbour seals take over the ferry terminal",
    ]
    assert [t.title for t in article.related[2:]] == TEASER_TITLES
    assert article.related_label == "Mehr zum Thema"


def test_a_sentence_that_starts_like_a_label_stays_in_the_story() -> None:
    line = "Lesen Sie auch die Stellungnahme des Ministeriums, die am Abend veröffentlicht wurde."
    article = textformat.parse(page([TITLE, DATE_LINE, "", STORY_P1, "", line, "", STORY_P2]))
    assert line in plain_body(article)
    assert article.related == []


# --- bylines, relative times, headline below the dates, lists in the story ---------------------


@pytest.mark.parametrize(
    ("byline", "authors", "place"),
    [
        ("Von Max Muster, Berlin", ["Max Muster"], "Berlin"),
        ("Von Anna Berg und Tom Li, Frankfurt am Main", ["Anna Berg", "Tom Li"], "Frankfurt am Main"),
        ("By Maeve Collins, Port Allory", ["Maeve Collins"], "Port Allory"),
        ("Von Anna Berg, Tom Li und Jo Kim", ["Anna Berg", "Tom Li", "Jo Kim"], None),
        ("Von Ilse Brandt", ["Ilse Brandt"], None),
    ],
)
def test_byline_names_authors_and_keeps_the_place(byline: str, authors: list[str], place: str | None) -> None:
    article = textformat.parse(
        page(["Politik", "Haushalt vertagt", byline, "03.05.2021 08:30", "", STORY_P1, "", STORY_P2])
    )
    assert article.authors == authors
    assert article.title == "Haushalt vertagt"
    if place:
        assert place in article.leftover
        assert place not in plain_body(article)
    assert plain_body(article) == f"{STORY_P1}\n\n{STORY_P2}"


@pytest.mark.parametrize(
    "relative",
    [
        "vor 3 Stunden",
        "Aktualisiert vor einer Stunde",
        "vor 12 Min.",
        "2 hours ago",
        "Updated 5 minutes ago",
        "gestern, 18:30 Uhr",
    ],
)
def test_relative_time_is_no_date_and_is_kept(relative: str) -> None:
    above = textformat.parse(page(["Politik", relative, "Haushalt vertagt", "", STORY_P1, "", STORY_P2]))
    below = textformat.parse(page(["Politik", "Haushalt vertagt", DATE_LINE, relative, "", STORY_P1, "", STORY_P2]))
    for article in (above, below):
        assert (article.section, article.title) == ("Politik", "Haushalt vertagt")
        assert relative in article.leftover
        assert relative not in plain_body(article)
    assert above.published is None and above.updated is None
    assert (below.published, below.updated) == ("2022-01-10T10:00", None)


def test_headline_below_the_dates_and_the_lead_after_a_blank_line() -> None:
    for header in ([SECTION_LINE, DATE_LINE, UPDATE_LINE, TITLE], [DATE_LINE, UPDATE_LINE, READING_LINE, TITLE]):
        article = textformat.parse(page(header, "", LEAD_LINE, "", STORY, TEASER_BLOCK))
        assert article.title == TITLE
        assert article.lead == LEAD_LINE
        assert (article.published, article.updated) == ("2022-01-10T10:00", "2022-01-10T10:19")
        assert article.section == (SECTION_LINE if header[0] == SECTION_LINE else None)
        assert len(article.related) == 8
        assert_story_clean(article)
        assert TITLE not in plain_body(article)


def test_list_of_dates_in_the_story_is_not_header() -> None:
    items = ["Anhörung im Rathaus", "15.03.2024", "Abstimmung im Rat", "22.03.2024"]
    article = textformat.parse(
        page(
            [
                "Politik",
                "Haushalt vertagt",
                DATE_LINE,
                "",
                "Die Termine im Überblick:",
                *items,
                "",
                STORY_P1,
                "",
                STORY_P2,
            ]
        )
    )
    assert (article.title, article.published, article.lead) == ("Haushalt vertagt", "2022-01-10T10:00", None)
    assert article.leftover == []
    assert article.body.split("\n\n") == ["Die Termine im Überblick:", *items, STORY_P1, STORY_P2]


def test_list_items_repeating_their_first_word_are_not_teaser_cards() -> None:
    items = ["Anhörung", "Anhörung im Rathaus", "15.03.2024", "", "Abstimmung", "Abstimmung im Rat", "22.03.2024"]
    article = textformat.parse(
        page(["Politik", "Haushalt vertagt", DATE_LINE, "", STORY_P1, "", "Die Termine:", "", *items, "", STORY_P2])
    )
    assert article.related == []
    assert plain_body(article).endswith(STORY_P2)
    assert [line for line in items if line] == article.body.split("\n\n")[2:-1]


def test_last_item_of_a_list_is_not_a_subheading() -> None:
    items = ["Radwege", "Bänke", "Bäume", "Laternen"]
    article = textformat.parse(page([TITLE, DATE_LINE, "", STORY_P1, "", "Geplant sind:", *items, "", STORY_P2]))
    assert "## " not in article.body
    assert article.body.split("\n\n") == [STORY_P1, "Geplant sind:", *items, STORY_P2]


@pytest.mark.parametrize(
    "extra",
    [CAPTION, "Foto: Alexei Nikolsky", "(Foto: dpa)"],
    ids=["caption twice", "credit line repeated", "agency credit repeated"],
)
def test_a_credit_printed_twice_is_in_the_caption_once(extra: str) -> None:
    lines = list(SEED_LINES)
    lines.insert(lines.index(CAPTION) + 1, extra)
    article = textformat.parse(page(lines))
    assert article.image_caption == CAPTION
    assert article.image_caption.count("Alexei Nikolsky") == 1 and article.image_caption.count("dpa") == 1
    assert_story_clean(article)


def test_caption_and_credit_on_lines_of_their_own_are_one_caption() -> None:
    lines = list(SEED_LINES)
    at = lines.index(CAPTION)
    lines[at : at + 1] = ["Russlands Präsident Wladimir Putin. (Foto: dpa)", "Foto: Alexei Nikolsky"]
    article = textformat.parse(page(lines))
    assert article.image_caption == CAPTION


def test_card_titles_may_start_with_a_lowercase_name() -> None:
    cards = [
        "DWN",
        "Technologie",
        "Technologie iPhone 17: Was das neue Modell kann",
        "13.12.2025",
        "",
        "Eine Zusammenfassung.",
        "",
        "DWN",
        "Wirtschaft",
        "Wirtschaft eBay streicht Stellen in Europa",
        "12.12.2025",
    ]
    article = textformat.parse(page(SEED_LINES[: SEED_LINES.index("Mehr zum Thema")], "Mehr zum Thema", cards))
    assert [t.title for t in article.related] == [
        "iPhone 17: Was das neue Modell kann",
        "eBay streicht Stellen in Europa",
    ]
    assert_story_clean(article)
