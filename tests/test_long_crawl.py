"""Crawler text of many megabytes: the layout rules read its start, the rest is kept as plain paragraphs."""

from __future__ import annotations

from tuireader.ingest import MAX_CRAWL_CHARS, parse_bytes
from tuireader.ingest.markdown_text import paragraph, plain_text, unescape


def test_a_long_crawl_file_keeps_every_word_with_a_note() -> None:
    head = "Politik\n\nTitel einer langen Meldung\n\n10.01.2022 10:00\n\n"
    lines = [f"# Satz {n} mit *Sternen* und [Klammern] 1. Punkt" for n in range(40_000)]
    article = parse_bytes((head + "\n\n".join(lines)).encode())
    assert article.title == "Titel einer langen Meldung"
    assert len(head) + sum(map(len, lines)) > MAX_CRAWL_CHARS
    assert "Satz 39999 mit" in unescape(article.body)
    assert any("added as plain paragraphs" in note for note in article.leftover)
    assert "\n# Satz" not in article.body  # text, not headings


def test_plain_text_is_paragraph_for_every_line() -> None:
    text = "# head\n- item\n1. one\n  indented *x* [l](y) <b>\n\nnext &amp; 3) x"
    assert plain_text(text) == "\n".join(paragraph(line.strip()) for line in text.split("\n"))
