"""Both ingest paths read one vocabulary: what it lists, crawler text and HTML recognise alike."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tuireader.ingest import crawl_lines, crawl_vocab, vocab
from tuireader.ingest.crawl_lines_kind import Kind, classify
from tuireader.ingest.htmlformat import parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "crawl"


def _shown(phrase: str) -> str:
    """A phrase as a page prints it: capitalised."""
    return phrase[:1].upper() + phrase[1:]


def _furniture(line: str) -> str | None:
    kind = classify(line)
    return kind.category if kind.kind is Kind.FURNITURE else None


def test_every_teaser_heading_is_one_on_both_paths() -> None:
    for label in vocab.TEASER_LABELS:
        line = _shown(label)
        assert vocab.is_teaser_label(line), f"HTML: {line!r}"
        assert crawl_lines.is_teaser_label(line), f"crawler text, article layout: {line!r}"
        if len(line) <= 60:
            assert _furniture(line) is not None, f"crawler text, whole page: {line!r}"
    for prefix in vocab.TEASER_LABEL_PREFIXES:
        line = _shown(f"{prefix} Berlin")
        assert vocab.is_teaser_label(line) and crawl_vocab.label_category(line) == "teasers", line


def test_every_sponsored_mark_is_one_on_both_paths() -> None:
    for mark in vocab.SPONSORED_MARKS:
        line = _shown(mark)
        assert vocab.starts_with_sponsored_mark(line), f"HTML: {line!r}"
        assert crawl_lines.is_sponsored_mark(line), f"crawler text, article layout: {line!r}"
        assert crawl_vocab.label_category(line) is not None and crawl_vocab.label_key(line) in crawl_vocab.NOT_ARTICLES


@pytest.mark.parametrize(
    ("labels", "phrases", "html_says"),
    [
        (vocab.SHARE_LABELS, vocab.SHARE_PHRASES, vocab.is_share_label),
        (vocab.COMMENT_LABELS, vocab.COMMENT_PHRASES, vocab.is_comment_label),
        (vocab.SUBSCRIPTION_LABELS, vocab.SUBSCRIPTION_PHRASES, vocab.is_subscription_prompt),
    ],
    ids=["share", "comments", "subscription"],
)
def test_every_label_and_phrase_said_alone_is_furniture_on_both_paths(labels, phrases, html_says) -> None:
    for phrase in (*labels, *phrases):
        line = _shown(phrase)
        assert html_says(line), f"HTML: {line!r}"
        assert _furniture(line) is not None, f"crawler text: {line!r}"


def test_footer_and_consent_phrases_are_furniture_on_both_paths() -> None:
    for phrase in vocab.FOOTER_LABELS + vocab.FOOTER_PHRASES:
        assert vocab.mentions_footer(f"© 2024 Example Media · {_shown(phrase)}"), phrase
        assert _furniture(_shown(phrase)) is not None, phrase
    for phrase in vocab.CONSENT_PHRASES:
        assert vocab.mentions_consent(f"Hinweis: {phrase}"), phrase
        assert _furniture(_shown(phrase)) is not None, phrase


def test_every_credit_label_opens_a_credit_on_both_paths() -> None:
    for label in vocab.CREDIT_LABELS:
        line = f"{_shown(label)}: Max Muster"
        assert vocab.is_credit(line), f"HTML: {line!r}"
        assert classify(line).kind is Kind.CAPTION, f"crawler text: {line!r}"


def test_every_byline_prefix_opens_a_byline_on_both_paths() -> None:
    from tuireader.ingest.html_metadata import is_byline

    for prefix in vocab.BYLINE_PREFIXES:
        line = f"{_shown(prefix)} Anna Berg"
        assert is_byline(line), f"HTML: {line!r}"
        assert classify(line).kind is Kind.BYLINE, f"crawler text: {line!r}"


def test_the_stop_words_of_every_language_tell_its_prose_from_furniture() -> None:
    assert set(vocab.STOP_WORDS) == {"de", "en", "fr"}
    assert all(words <= crawl_vocab.ALL_STOP_WORDS for words in vocab.STOP_WORDS.values())
    french = "Le maire de la ville a annoncé que le nouveau pont sera ouvert au public avant la fin de l'été."
    assert classify(french).kind is Kind.PROSE


# -- adding words is adding data ------------------------------------------------------------------

NEW_LABEL = "Gleichfalls bemerkenswert"
STORY = """<p>The city utility said on Monday that the new hydro plant on the Isar will go online in
spring. After three years of building it will supply some twelve thousand homes, a spokesman said.</p>
<p>The plant cost 48 million euros, a third of it paid by the state. Environmental groups had long
criticised the fish ladder, which has since been enlarged and approved by independent experts.</p>"""
PROBE = f"""
import json
from pathlib import Path
from tuireader.ingest import parse_bytes
from tuireader.ingest.htmlformat import parse

crawl = Path({str(FIXTURES / "de-whole-page.txt")!r}).read_text(encoding="utf-8").replace("Mehr zum Thema", {NEW_LABEL!r})
html = '''<html><head><title>New power plant on the Isar</title></head><body><article>
<h1>New power plant on the Isar</h1>{STORY}<h2>{NEW_LABEL}</h2><ul>
<li><a href="/a/solar">Solar panels become mandatory on all new buildings from 2025</a></li>
<li><a href="/a/wind">Bavaria relaxes the distance rule for wind turbines near villages</a></li></ul>
</article></body></html>'''
print(json.dumps({{"crawl": parse_bytes(crawl.encode()).related_label, "html": parse(html).related_label}}))
"""


def _labels_read(package_root: Path) -> dict[str, str | None]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=package_root, capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout)


def test_a_teaser_heading_added_to_the_data_is_read_by_both_paths(tmp_path: Path) -> None:
    """One new phrase in ``vocab/de.py``, no code: crawler text and HTML both show the block apart under it."""
    shutil.copytree(ROOT / "tuireader", tmp_path / "tuireader", ignore=shutil.ignore_patterns("__pycache__"))
    assert _labels_read(tmp_path) == {"crawl": None, "html": None}
    de = tmp_path / "tuireader" / "ingest" / "vocab" / "de.py"
    de.write_text(
        de.read_text(encoding="utf-8") + f"\nTEASER_LABELS = (*TEASER_LABELS, {NEW_LABEL.lower()!r})\n",
        encoding="utf-8",
    )
    assert _labels_read(tmp_path) == {"crawl": NEW_LABEL, "html": NEW_LABEL}


def test_reading_times_tag_labels_and_captions_come_from_the_vocabulary() -> None:
    for label in vocab.READING_TIME_LABELS:
        line = f"{_shown(label)}: 4 Min."
        assert crawl_lines.reading_minutes(line) == 4, line
    for word in vocab.READ_WORDS:
        assert crawl_lines.reading_minutes(f"4 min {word}") == 4, word
        html = f"<html><body><article><h1>A plant on the Isar</h1><p>4 min {word}</p>{STORY}</article></body></html>"
        assert parse(html).reading_minutes == 4, word
    for label in vocab.TAG_LABELS:
        assert crawl_lines.tag_label(f"{_shown(label)}: Kasachstan, Russland") is not None, label
    for label in (*vocab.CAPTION_LABELS, *vocab.CREDIT_LABELS):
        assert crawl_lines.is_caption(f"{_shown(label)}: Max Muster/dpa"), label


def test_a_byline_is_read_whatever_the_case_of_its_prefix() -> None:
    for line in ("von Anna Berg", "VON ANNA BERG", "written by Jane Miller", "Text: Anna Berg"):
        assert crawl_lines.read_byline(line) is not None, line
    assert crawl_lines.read_byline("Text messages were sent to all of them") is None


def test_relative_times_are_read_in_every_wording_the_vocabulary_lists() -> None:
    for unit in vocab.TIME_UNITS:
        for before in vocab.RELATIVE_BEFORE:
            assert crawl_lines.relative_time(f"{_shown(before)} 3 {unit}"), unit
        for after in vocab.RELATIVE_AFTER:
            assert crawl_lines.relative_time(f"3 {unit} {after}"), unit
    for day in vocab.DAY_WORDS:
        assert crawl_lines.relative_time(f"{_shown(day)}, 18:30"), day
    for now in vocab.NOW_PHRASES:
        assert crawl_lines.relative_time(_shown(now)), now
    assert not crawl_lines.relative_time("Vor 3 Jahren begann der Bau der neuen Brücke über den Rhein.")
