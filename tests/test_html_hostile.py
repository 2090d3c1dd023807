"""Hostile pages: control-character references keep the page; pathological shapes parse in bounded time.

The time limits here are generous ceilings that catch minutes-long stalls on a
loaded machine; the figures (the longest parse of a page up to 10 MB) live in
benchmarks/bench_hostile.py.
"""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.ingest import parse_bytes
from tuireader.model import Article

HEAD = "<html><head><title>Ein Titel für die Seite</title></head><body><article><h1>Ein Titel für die Seite</h1>"
TAIL = "</article></body></html>"
STORY = "<p>" + "Ein langer Absatz über den Hafen und die neue Brücke von Möwensand. " * 12 + "</p>"


def _parse_within(data: bytes, seconds: float) -> Article:
    result: list[Article] = []
    worker = threading.Thread(target=lambda: result.append(parse_bytes(data)), daemon=True)
    start = time.perf_counter()
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"parsing took more than {seconds} s"
    assert time.perf_counter() - start < seconds
    return result[0]


@pytest.mark.parametrize("ref", ["&#27;", "&#x1b;", "&#x9b;", "&#0;", "&#7;", "&#x85"])
def test_a_control_character_reference_in_a_caption_keeps_the_page(ref: str) -> None:
    page = f"{HEAD}{STORY}<figure><img src='a.jpg'><figcaption>Foto {ref}[2J Hafen</figcaption></figure>{STORY}{TAIL}"
    article = parse_bytes(page.encode())
    assert article.title == "Ein Titel für die Seite"
    assert "Möwensand" in article.body
    text = article.body + (article.image_caption or "")
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_windows_1252_references_mean_what_browsers_show() -> None:
    article = parse_bytes(f"{HEAD}{STORY}<p>Hafen &#150; Brücke &#132;Zitat&#147;</p>{TAIL}".encode())
    assert "Hafen – Brücke „Zitat“" in article.body


PATHOLOGICAL = {
    "2,600 nested tables": HEAD + STORY + "<table><tr><td>" * 2_600 + "x" + "</td></tr></table>" * 2_600 + TAIL,
    "20,000 nested tables": HEAD + STORY + "<table><tr><td>" * 20_000 + "x" + "</td></tr></table>" * 20_000 + TAIL,
    "4,000 nested lists": HEAD + STORY + "<ul><li>" * 4_000 + "x" + "</li></ul>" * 4_000 + TAIL,
    "100,000 nested divs, 1.1 MB": HEAD + "<div> " * 100_000 + STORY + "</div> " * 100_000 + TAIL,
    "190,000 paragraphs, 10 MB": HEAD + STORY + "<p>Wort " * 1_250_000 + TAIL,
    "a 3,000 x 50 table": HEAD + STORY + "<table>" + ("<tr>" + "<td>c</td>" * 50 + "</tr>") * 3_000 + "</table>" + TAIL,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_pages_parse_in_bounded_time_and_keep_the_story(name: str) -> None:
    article = _parse_within(PATHOLOGICAL[name].encode(), 20)
    assert article.title == "Ein Titel für die Seite"
    assert "Möwensand" in article.body


_REFS = st.one_of(
    st.integers(0, 300).map(lambda n: f"&#{n};"),
    st.integers(0, 300).map(lambda n: f"&#x{n:x};"),
    st.integers(0, 300).map(lambda n: f"&#X{n:04X}"),
    st.sampled_from(["Hafen", " ", "<b>", "</b>", "&amp;", "ü", "\n"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_REFS, max_size=40).map("".join), st.sampled_from(["p", "figcaption", "h2", "li", "a"]))
def test_character_references_never_put_a_control_into_any_field(text: str, tag: str) -> None:
    inner = f"<{tag}>{text}</{tag}>"
    if tag == "figcaption":
        inner = f"<figure><img src='a.jpg'>{inner}</figure>"
    article = parse_bytes(f"{HEAD}{STORY}{inner}{STORY}{TAIL}".encode())
    assert article.title == "Ein Titel für die Seite"
    fields = [article.body, article.lead or "", article.image_caption or "", *article.leftover]
    fields += [t.title for t in article.related]
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for f in fields for c in f)
