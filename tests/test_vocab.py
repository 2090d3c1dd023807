"""The one vocabulary of page furniture: what each language's data makes a heading, a mark or a label."""

from __future__ import annotations

import pytest

from tuireader.ingest import vocab
from tuireader.ingest.htmlformat import parse
from tuireader.ingest.vocab import de, en, fr

LISTS = (
    "TEASER_LABELS", "TEASER_LABEL_PREFIXES", "WEAK_TEASER_LABELS", "WEAK_TEASER_LABEL_PREFIXES",
    "BARE_TEASER_LABELS", "MEDIA_MARKS", "MEDIA_LABELS", "SPONSORED_MARKS", "BYLINE_PREFIXES", "AND_WORDS",
    "READING_TIME_LABELS", "MINUTE_WORDS", "READ_WORDS", "ABOUT_WORDS", "CAPTION_LABELS", "TAG_LABELS",
    "LINKING_WORDS", "PUBLISHED_LABELS", "UPDATED_LABELS", "DATE_FILLERS", "CLOCK_WORDS", "RELATIVE_BEFORE",
    "RELATIVE_AFTER", "NUMBER_WORDS", "TIME_UNITS", "DAY_WORDS", "NOW_PHRASES", "CREDIT_LABELS", "SOURCE_LABELS",
    "NAVIGATION_LABELS", "CONSENT_PHRASES", "SUBSCRIPTION_LABELS", "SUBSCRIPTION_PHRASES", "SIGN_UP_WORDS",
    "COMMENT_LABELS", "COMMENT_PHRASES", "SHARE_LABELS", "SHARE_PHRASES", "SHARE_BUTTONS", "FOOTER_LABELS",
    "FOOTER_PHRASES", "ADVERT_PHRASES", "WEAK_PHRASES", "WEEKDAYS", "STOP_WORDS",
)  # fmt: skip


# Words a language's grammar may not have: "vor 3 Stunden" but "3 hours ago"; "18:30 Uhr" but "6:30 pm".
GRAMMAR_LISTS = ("RELATIVE_BEFORE", "RELATIVE_AFTER", "CLOCK_WORDS")


@pytest.mark.parametrize("language", [de, en])
def test_every_language_fills_every_list_in_lower_case(language) -> None:
    for name in LISTS:
        items = getattr(language, name, ())
        assert items or name in GRAMMAR_LISTS, f"{language.LANGUAGE}.{name} is empty"
        assert all(p == p.lower().strip() and "  " not in p for p in items), name
    assert getattr(language, "RELATIVE_BEFORE", ()) or getattr(language, "RELATIVE_AFTER", ())
    assert set(language.MONTHS.values()) == set(range(1, 13))


def test_every_list_of_every_language_is_read_and_no_name_is_misspelt() -> None:
    """A list a language module names must be one the matching reads (else its words would do nothing)."""
    for language in vocab.LANGUAGES:
        lists = {name for name in vars(language) if name.isupper() and name not in ("LANGUAGE", "MONTHS")}
        assert lists <= set(LISTS), f"{language.LANGUAGE}: {sorted(lists - set(LISTS))}"
    assert fr.STOP_WORDS and "fr" in vocab.STOP_WORDS


def test_weak_phrases_are_phrases_of_some_kind() -> None:
    kinds = vocab.unite(
        vocab.CONSENT_PHRASES, vocab.SUBSCRIPTION_PHRASES, vocab.COMMENT_PHRASES, vocab.SHARE_PHRASES,
        vocab.FOOTER_PHRASES, vocab.ADVERT_PHRASES,
    )  # fmt: skip
    assert set(vocab.WEAK_PHRASES) <= set(kinds)


def test_alternatives_in_braces_stand_for_each_phrase() -> None:
    assert vocab.expand("{das,dies} könnte {sie,dich} interessieren") == [
        "das könnte sie interessieren",
        "das könnte dich interessieren",
        "dies könnte sie interessieren",
        "dies könnte dich interessieren",
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Mehr zum Thema", "Mehr zum Thema:", "MEHR ZUM THEMA", "Lies auch", "Lesen Sie auch", "Weiterlesen",
        "Lesetipp", "Passend zum Thema", "Top-Themen", "Das könnte Sie auch interessieren", "Auch interessant",
        "Mehr zum Thema Ukraine", "Mehr aus Berlin", "Meistgelesen",
        "Read more", "Read more »", "Most popular", "Most read", "Related", "Related stories", "See also",
        "You might also like", "More on this story", "Most popular in Tech", "More from Politics",
    ],
)  # fmt: skip
def test_teaser_headings_of_both_languages(label: str) -> None:
    assert vocab.is_teaser_label(label)


@pytest.mark.parametrize(
    "line",
    [
        "Mehr als 300 Menschen kamen am Montag zum Protest vor dem Rathaus, berichtete die Polizei.",
        "Die Kanzlerin sagte",
        "Readers",
        "Related to the case, the court said nothing.",
        "Kommentare",
        "Mehr Geld für Schulen: Der Landtag stimmt zu, die Opposition kritisiert das Verfahren scharf",
    ],
)
def test_story_lines_are_no_teaser_headings(line: str) -> None:
    assert not vocab.is_teaser_label(line)


def test_weak_headings_need_links_and_are_asked_for_apart() -> None:
    assert not vocab.is_teaser_label("Weitere Tourentipps in Schweden")
    assert vocab.is_teaser_label("Weitere Tourentipps in Schweden", weak=True)
    assert vocab.is_teaser_label("More Sports", weak=True)


@pytest.mark.parametrize(
    "text", ["Anzeige", "Sponsored", "Advertisement", "Gesponsert", "Paid content", "Promoted", "Anzeige: Jetzt testen",
             "Sponsored by Acme", "ANZEIGE Jetzt bestellen"],
)  # fmt: skip
def test_sponsored_marks(text: str) -> None:
    assert vocab.starts_with_sponsored_mark(text) and vocab.mentions_sponsor(f"Energie · {text}")


def test_a_sentence_opening_with_a_mark_word_is_no_mark() -> None:
    assert not vocab.starts_with_sponsored_mark("Promoted to captain in 2019, she led the team to the title.")
    assert not vocab.starts_with_sponsored_mark("Werbung machen darf die Partei dort nicht.")


@pytest.mark.parametrize(
    "text", ["Foto: dpa", "Fotos: Max Muster", "Bildquelle: Reuters", "Photo: AP", "Image © Getty"]
)
def test_credits(text: str) -> None:
    assert vocab.is_credit(text)


def test_story_sentences_about_photos_and_newsletters_are_no_furniture() -> None:
    assert not vocab.is_credit("Fotos zeigen, wie das Wasser über die Ufer trat.")
    assert not vocab.is_newsletter_prompt("Der Newsletter der Stadt erschien am Montag mit einer Warnung.")
    assert vocab.is_newsletter_prompt("Jetzt zum Newsletter anmelden")
    assert vocab.is_newsletter_prompt("Sign up for our newsletter")


@pytest.mark.parametrize(("text", "kind"), [
    ("Kommentare", "comment"), ("Leave a reply", "comment"), ("Teilen", "share"), ("Share this article", "share"),
    ("Alle Rechte vorbehalten", "footer"), ("© 2024 Example Media. All rights reserved.", "footer"),
    ("Wir verwenden Cookies", "consent"), ("Accept all", "consent"), ("Jetzt abonnieren", "subscription"),
    ("Subscribe now", "subscription"),
])  # fmt: skip
def test_comment_share_footer_consent_and_subscription_phrases(text: str, kind: str) -> None:
    found = {
        "comment": vocab.is_comment_label(text),
        "share": vocab.is_share_label(text),
        "footer": vocab.mentions_footer(text),
        "consent": vocab.mentions_consent(text),
        "subscription": vocab.is_subscription_prompt(text),
    }
    assert found[kind]


STORY = """<p>The city utility said on Monday that the new hydro plant on the Isar will go online in
spring. After three years of building it will supply some twelve thousand homes, a spokesman said.</p>
<p>The plant cost 48 million euros, a third of it paid by the state. Environmental groups had long
criticised the fish ladder, which has since been enlarged and approved by independent experts.</p>"""


@pytest.mark.parametrize("label", ["Lesetipp", "Top-Themen", "Passend zum Thema", "Most popular", "Weiterlesen"])
def test_labels_the_html_path_did_not_know_mark_teaser_blocks_now(label: str) -> None:
    html = f"""<html><head><title>New power plant on the Isar</title></head><body><article>
<h1>New power plant on the Isar</h1>{STORY}<h2>{label}</h2><ul>
<li><a href="/a/solar">Solar panels become mandatory on all new buildings from 2025</a></li>
<li><a href="/a/wind">Bavaria relaxes the distance rule for wind turbines near villages</a></li></ul>
</article></body></html>"""
    article = parse(html)
    assert "Solar panels" not in article.body and "twelve thousand homes" in article.body
    assert article.related_label == label
    assert [t.url for t in article.related] == ["/a/solar", "/a/wind"]


def test_english_reading_time_and_byline_are_read_from_the_page() -> None:
    html = f"""<html><head><title>New power plant on the Isar</title></head><body><article>
<h1>New power plant on the Isar</h1><p>By Jane Miller</p><p>Reading time: 4 minutes</p>
<p>Updated: January 10, 2022, 3:05 pm</p>{STORY}</article></body></html>"""
    article = parse(html)
    assert article.authors == ["Jane Miller"]
    assert article.reading_minutes == 4
    assert article.updated == "2022-01-10T15:05"
    assert "Reading time" not in article.body and "Updated" not in article.body
    assert article.body.startswith("The city utility")  # the byline is shown with the header


@pytest.mark.parametrize(
    ("furniture", "story_line"),
    [
        ("<p>Teilen</p><p>Kommentare</p>", "Die Stadtwerke teilen mit, dass die Kosten gestiegen sind."),
        ("<p>© 2022 Stadtanzeiger · Alle Rechte vorbehalten</p>", "Copyright bleibt ein Thema für die EU."),
        (
            "<div><p>Wir verwenden Cookies. Mit Klick auf „Alle akzeptieren“ stimmen Sie der Nutzung zu.</p></div>",
            "Nutzer müssen Cookies nicht mehr akzeptieren, entschied das Gericht am Montag.",
        ),
        ("<p>Share this article</p><p>Leave a reply</p>", "Shareholders will vote on the plan in May."),
        ("<p>Jetzt abonnieren</p>", "Wer die Zeitung abonnieren will, zahlt ab Mai mehr."),
        (
            "<div><p>We use cookies to improve your experience. Accept all or manage settings.</p></div>",
            "Cookies help the site remember visitors; the rules were tightened last year.",
        ),
    ],
)
def test_share_comment_copyright_and_cookie_lines_leave_the_story(furniture: str, story_line: str) -> None:
    html = f"""<html><head><title>New power plant on the Isar</title></head><body><article>
<h1>New power plant on the Isar</h1>{STORY}<p>{story_line}</p>{furniture}</article></body></html>"""
    body = parse(html).body
    assert story_line in body
    assert "Teilen" not in body.split("\n\n")
    for gone in ("Kommentare", "Alle Rechte", "Alle akzeptieren", "Share this", "Leave a reply",
                 "We use cookies", "Jetzt abonnieren"):  # fmt: skip
        assert gone not in body
