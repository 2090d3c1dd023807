"""Property: any text or HTML fragment parses without raising, and no script content survives."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.ingest.htmlformat import parse

MARK = "QXSCRIPTQX"

_TAGS = ["div", "p", "span", "a", "ul", "ol", "li", "h1", "h2", "h3", "table", "tr", "td", "b", "i",
         "article", "section", "figure", "figcaption", "blockquote", "nav", "aside", "form", "iframe"]  # fmt: skip
_HOSTILE = [
    f"<script>{MARK}</script>",
    f"<script type='text/javascript'>var a = '{MARK}';</script>",
    f"<style>.x{{content:'{MARK}'}}</style>",
    f"<a href='javascript:{MARK}()'>link</a>",
    f"<a href='data:text/html,{MARK}'>data</a>",
    f"<iframe>{MARK}</iframe>",
    f"<noscript>{MARK}</noscript>",
    f"<img src='x' onerror='{MARK}'>",
    f"<p onclick='{MARK}'>klick</p>",
    f"<svg><script>{MARK}</script></svg>",
    f"<form><input value='{MARK}'><button>{MARK}</button></form>",
    f"<script>{MARK}",  # never closed
]
# Words hold no "<": one before a hostile vector would swallow it into a tag of its own ("<Lesezeit: 3 min<iframe>"
# is one element to every HTML parser, browsers included), so the vector would be plain text, not hidden content.
_WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<"), max_size=40).filter(
    lambda s: MARK not in s
)


@st.composite
def fragments(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            parts.append(f"<{draw(st.sampled_from(_TAGS))}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(_TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(_HOSTILE)))
        elif kind == 3:
            parts.append("Mehr zum Thema" if draw(st.booleans()) else "Lesezeit: 3 min")
        else:
            parts.append(draw(_WORDS))
    return "".join(parts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_WORDS, fragments(), fragments().map(lambda f: f"<html><body>{f}</body></html>")))
def test_any_fragment_parses_and_no_script_survives(fragment: str) -> None:
    article = parse(fragment)
    assert isinstance(article.body, str) and isinstance(article.title, str)
    everything = json.dumps(article.to_dict(), ensure_ascii=False)
    assert MARK not in everything
    assert "javascript:" not in everything.lower()


_OPENING = st.sampled_from(["script", "style", "noscript", "link"]).flatmap(
    lambda tag: st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<"), max_size=6000
    ).map(
        lambda content: (
            f"<{tag}>{content}</{tag}>" if tag != "link" else f"<link rel='stylesheet' href='{content[:80]}'>"
        )
    )
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_OPENING, min_size=1, max_size=3), st.sampled_from(["\n", "", "  \n"]))
def test_a_page_opening_with_scripts_styles_or_links_is_html(openings: list[str], gap: str) -> None:
    """Whatever stands in the scripts and styles a saved page opens with, it is read as a page."""
    from tuireader.ingest import detect_format

    text = gap.join(openings) + gap + "<html><head><title>T</title></head><body><p>Text.</p></body></html>"
    assert detect_format(text) == "html"
