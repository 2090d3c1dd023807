"""The extracted story (trafilatura's XML body) to markdown via markdownify.

trafilatura's own HTML output turns ``<ol>`` into ``<ul>``, so its XML is
converted here: lists keep their kind. Links keep only ``http(s)``, ``mailto``
and relative targets.
"""

from __future__ import annotations

import re

from lxml import etree
from markdownify import MarkdownConverter

from tuireader.ingest.html_dom import MAX_DEPTH, flatten, is_safe_url

_CONVERTER = MarkdownConverter(
    heading_style="ATX",
    bullets="-",
    bs4_options="lxml",
    table_infer_header=True,
    # page text that looks like markdown ("[x](javascript:...)", "- ", "1. ") stays text
    escape_misc=True,
)
_HI = {"#b": "strong", "#i": "em", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}
_BLANK_RUN = re.compile(r"\n{3,}")
_TRAILING_WS = re.compile(r"[ \t]+\n")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def xml_body_to_html(body: etree._Element) -> etree._Element:
    """Map trafilatura's XML elements to plain HTML (in place)."""
    for el in list(body.iter()):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == "list":
            el.tag = "ol" if el.get("rend") == "ol" else "ul"
        elif tag == "item":
            el.tag = "li"
        elif tag == "head":
            rend = el.get("rend") or "h3"
            el.tag = rend if re.fullmatch(r"h[1-6]", rend) else "h3"
        elif tag == "quote":
            el.tag = "blockquote"
        elif tag == "code":
            el.tag = "pre"
        elif tag == "lb":
            el.tag = "br"
        elif tag == "hi":
            el.tag = _HI.get(el.get("rend") or "", "em")
        elif tag == "del":
            el.tag = "del"
        elif tag == "row":
            el.tag = "tr"
        elif tag == "cell":
            el.tag = "th" if el.get("role") == "head" else "td"
        elif tag == "ref":
            el.tag = "a"
            target = el.get("target")
            el.attrib.clear()
            if target and is_safe_url(target):
                el.set("href", target)
            continue
        elif tag == "graphic":
            el.tag = "span"  # images themselves are not shown in a terminal
        el.attrib.clear()
    body.tag = "div"
    return body


# A run of whitespace in page text; markdownify's whitespace pattern backtracks over long
# ones (a page of 2,600 nested tables took minutes): the browser shows a run as one space anyway.
_WS_RUN = re.compile(r"\s{3,}")


def _collapse_runs(html: etree._Element) -> None:
    for el in html.iter():
        if el.tag == "pre" or any(a.tag == "pre" for a in el.iterancestors()):
            continue
        if el.text and len(el.text) > 2:
            el.text = _WS_RUN.sub(_one_space, el.text)
        if el.tail and len(el.tail) > 2:
            el.tail = _WS_RUN.sub(_one_space, el.tail)


def _one_space(m: re.Match[str]) -> str:
    return "\n" if "\n" in m[0] else " "


def to_markdown(html: etree._Element) -> str:
    """HTML element to tidy markdown (ATX headings, ``-`` bullets, numbered lists kept)."""
    flatten(html, MAX_DEPTH // 2)
    _collapse_runs(html)
    markup = etree.tostring(html, encoding="unicode", method="html")
    try:
        md = _CONVERTER.convert(markup)
    except RecursionError:
        md = "\n\n".join(t.strip() for t in html.itertext() if t.strip())
    md = _INVISIBLE.sub("", md)
    md = _TRAILING_WS.sub("\n", md)
    md = _BLANK_RUN.sub("\n\n", md)
    return md.strip()
