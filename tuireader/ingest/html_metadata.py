"""Article metadata of a saved page: JSON-LD first, then meta tags, then the page text.

Dates are kept as printed: ``YYYY-MM-DDTHH:MM`` (a time-zone offset is dropped,
never converted) or ``YYYY-MM-DD`` when the page gives no time.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from tuireader.ingest import dates, vocab

_UPDATED = re.compile(rf"\b(?:{vocab.updated_label_pattern()})\b\s*:?\s*(.{{6,40}})", re.I)
_PUBLISHED = re.compile(rf"\b(?:{vocab.published_label_pattern()})\b\s*:?\s*(.{{6,40}})", re.I)
_READING = re.compile(rf"\b{vocab.reading_time_pattern()}", re.I)
_BYLINE_PREFIX = re.compile(rf"^{vocab.byline_prefix_pattern()}\s+", re.I)
# Between the names of several authors: "Anna Berg, Tom Li und Jo Kim".
_NAMES_SPLIT = re.compile(rf"\s*(?:,|;|\s(?:{vocab.alternation(vocab.AND_WORDS)})\s|&)\s*")
_JOINERS_ONLY = re.compile(rf"[\s,;&|•·]*(?:(?:{vocab.alternation(vocab.AND_WORDS)})[\s,;&|•·]*)*")
_AUTHOR_MARK = re.compile(r"author|autor|byline|\bcreator", re.I)
_DATE_MARK = re.compile(r"date|datum|published|pubdate|publish|\btime\b|timestamp", re.I)
_SINGLE_NAME = re.compile(r"^[A-ZÄÖÜ][\w.'’-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w.'’-]+){0,3}$")
_NOT_A_NAME = re.compile(
    r"^(?:Redaktion\w+|Autor\w*|Von|By|Kommentare?|Teilen|Share|Mehr|Home|Startseite|Text|Fotos?|Bilder?)$|\d|@|\[at\]",
    re.I,
)
_NAME = re.compile(r"^[A-ZÄÖÜ][\w.'’-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w.'’-]+){1,3}$")

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
    "liveblogposting", "techarticle", "scholarlyarticle", "report", "webpage",
}  # fmt: skip


@dataclass
class Metadata:
    title: str | None = None
    lead: str | None = None
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    url: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    reading_minutes: int | None = None
    image_caption: str | None = None
    tags: list[str] = field(default_factory=list)

    def fill(self, other: Metadata) -> None:
        """Take every field this one lacks from ``other``."""
        for name in ("title", "lead", "published", "updated", "section", "url", "source",
                     "reading_minutes", "image_caption"):  # fmt: skip
            if getattr(self, name) in (None, "") and getattr(other, name) not in (None, ""):
                setattr(self, name, getattr(other, name))
        if not self.authors:
            self.authors = list(other.authors)
        if not self.tags:
            self.tags = list(other.tags)


_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DELETE_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))


def clean(text: Any) -> str:
    """Text with entities decoded, invisible characters dropped and whitespace collapsed."""
    if not isinstance(text, str):
        return ""
    if "&" in text and ";" in text:
        text = html.unescape(text)
    if any(c in text for c in _INVISIBLE_CHARS):
        text = text.translate(_DELETE_INVISIBLE)
    return " ".join(text.split())


def first_word(el: etree._Element) -> str:
    """The first word of the element's text, lower-cased (cheap: reads only the first text piece)."""
    for piece in el.itertext():
        words = piece.split(None, 1)
        if words:
            return words[0].lower().strip("*:,.!?»«>\"'„“")
    return ""


def text_upto(el: etree._Element, limit: int) -> str | None:
    """The element's clean text if it is at most ``limit`` characters, else None (read no further)."""
    parts: list[str] = []
    total = 0
    for piece in el.itertext():
        total += len(piece)
        if total > 4 * limit + 400:  # generous room for whitespace
            return None
        parts.append(piece)
    text = clean("".join(parts))
    return text if len(text) <= limit else None


def normalise_date(value: Any) -> str | None:
    """A date as printed or in metadata to ``YYYY-MM-DDTHH:MM`` / ``YYYY-MM-DD`` (see ``dates``)."""
    text = clean(value)
    return dates.parse_date(text) if text else None


# --- JSON-LD ---------------------------------------------------------------------


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node[:200]:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                yield from _walk(node[key], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        name = clean(item.get("name") if isinstance(item, dict) else item)
        if name and not name.startswith(("http:", "https:")) and name not in names:
            names.append(name)
    return names


def from_json_ld(root: etree._Element) -> Metadata:
    meta = Metadata()
    best: dict[str, Any] | None = None
    best_rank = 99
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > 200_000:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        for obj in _walk(data):
            kinds = _types(obj)
            if not kinds & ARTICLE_TYPES:
                if "organization" in kinds or "newsmediaorganization" in kinds:
                    meta.source = meta.source or clean(obj.get("name")) or None
                continue
            rank = 2 if kinds <= {"webpage"} else (0 if any("article" in k or "posting" in k for k in kinds) else 1)
            if rank < best_rank and (obj.get("headline") or obj.get("name")):
                best, best_rank = obj, rank
    if best is None:
        return meta
    meta.title = clean(best.get("headline") or best.get("name")) or None
    meta.lead = clean(best.get("description")) or None
    meta.published = normalise_date(best.get("datePublished") or best.get("dateCreated"))
    meta.updated = normalise_date(best.get("dateModified"))
    section = best.get("articleSection")
    if isinstance(section, list):
        section = next((s for s in section if isinstance(s, str)), None)
    meta.section = clean(section) or None
    meta.authors = _names(best.get("author") or best.get("creator"))
    publisher = best.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    if isinstance(publisher, dict):
        meta.source = clean(publisher.get("name")) or meta.source
    url = best.get("url") or best.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        meta.url = url.strip()
    image = best.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    if isinstance(image, dict):
        meta.image_caption = clean(image.get("caption") or image.get("description")) or None
    keywords = best.get("keywords")
    if isinstance(keywords, str):
        meta.tags = [k for k in (clean(k) for k in keywords.split(",")) if k][:30]
    elif isinstance(keywords, list):
        meta.tags = [k for k in (clean(k) for k in keywords if isinstance(k, str)) if k][:30]
    return meta


# --- meta tags -------------------------------------------------------------------


def _meta_tags(root: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = clean(el.get("content"))
        if key and value and key not in found:
            found[key] = value
    return found


def from_meta_tags(root: etree._Element) -> Metadata:
    tags = _meta_tags(root)
    meta = Metadata()
    meta.title = tags.get("og:title") or tags.get("twitter:title") or tags.get("dc.title") or None
    meta.lead = tags.get("og:description") or tags.get("description") or tags.get("twitter:description") or None
    meta.published = normalise_date(
        tags.get("article:published_time") or tags.get("datepublished") or tags.get("date")
        or tags.get("dc.date") or tags.get("dc.date.issued") or tags.get("publishdate")
        or tags.get("pubdate") or tags.get("og:published_time")
    )  # fmt: skip
    meta.updated = normalise_date(
        tags.get("article:modified_time") or tags.get("datemodified") or tags.get("og:updated_time")
        or tags.get("last-modified")
    )  # fmt: skip
    meta.section = tags.get("article:section") or None
    meta.source = tags.get("og:site_name") or tags.get("application-name") or None
    author = tags.get("author") or tags.get("article:author") or tags.get("dc.creator") or ""
    if author and not author.startswith(("http:", "https:")):
        meta.authors = [a for a in (clean(a) for a in _NAMES_SPLIT.split(author)) if a][:10]
    url = tags.get("og:url")
    if not url:
        for link in root.iter("link"):
            if (link.get("rel") or "").lower() == "canonical":
                url = clean(link.get("href"))
                break
    if url and url.startswith(("http://", "https://")):
        meta.url = url
    keywords = tags.get("keywords") or tags.get("news_keywords") or ""
    meta.tags = [k for k in (clean(k) for k in keywords.split(",")) if k][:30]
    return meta


# --- page text -------------------------------------------------------------------


# First words of the page-text lines read for metadata ("Aktualisiert: ...", "Von ...", "4 min read").
_PAGE_TEXT_WORDS = vocab.first_words("UPDATED_LABELS", "PUBLISHED_LABELS", "READING_TIME_LABELS", "BYLINE_PREFIXES") | {
    "text",
    "read",
}


def _short_texts(root: etree._Element, limit: int = 400) -> Iterator[str]:
    """Short visible text of leaf-ish elements, in document order."""
    body = root.find("body")
    if body is None:
        return
    count = 0
    for el in body.iter("p", "span", "div", "time", "li", "address", "small", "strong", "b", "a"):
        if len(el) >= 8:
            continue
        word = first_word(el)
        if word not in _PAGE_TEXT_WORDS and not word[:1].isdigit():
            continue
        text = text_upto(el, 120)
        if text:
            yield text
            count += 1
            if count >= limit:
                return


def _author_names(text: str, single_ok: bool) -> list[str]:
    text = _BYLINE_PREFIX.sub("", text).strip()
    text = re.split(r"\s*[|•·]\s*|\s+(?:am|on)\s+\d|\s+\d{1,2}\.\s?\d{1,2}\.|,\s*\d", text)[0]
    names = [clean(n) for n in _NAMES_SPLIT.split(text)]
    pattern = _SINGLE_NAME if single_ok else _NAME
    return [n for n in names if pattern.match(n) and not _NOT_A_NAME.search(n)][:10]


_DATE_LABEL = re.compile(rf"\b(?:{vocab.published_label_pattern()}|{vocab.updated_label_pattern()})\b", re.I)


def _up_to_next_label(text: str) -> str:
    """The date text after one label, without the next label's date ("30.02.2023 | Stand: 3. März")."""
    m = _DATE_LABEL.search(text)
    return text[: m.start()] if m else text


def is_byline(text: str) -> bool:
    """A line that is only a byline: "Von Erika Mustermann", "By Jane Miller and Tom Li"."""
    if len(text) > 100 or not _BYLINE_PREFIX.match(text):
        return False
    names = _author_names(text, single_ok=False)
    rest = _BYLINE_PREFIX.sub("", text)
    for name in names:
        rest = rest.replace(name, " ")
    return bool(names) and _JOINERS_ONLY.fullmatch(rest) is not None


def from_page_text(root: etree._Element) -> Metadata:
    meta = Metadata()
    for text in _short_texts(root):
        if meta.updated is None and (m := _UPDATED.search(text)):
            meta.updated = normalise_date(_up_to_next_label(m[1]))
        if meta.published is None and (m := _PUBLISHED.search(text)):
            meta.published = normalise_date(_up_to_next_label(m[1]))
        if meta.reading_minutes is None and (m := _READING.search(text)):
            meta.reading_minutes = int(m["minutes"] or m["minutes_before"])
        if not meta.authors and _BYLINE_PREFIX.match(text) and len(text) <= 120:
            meta.authors = _author_names(text, single_ok=False)
    body = root.find("body")
    if body is not None:
        for el in body.iter():
            if not isinstance(el.tag, str):
                continue
            marks = " ".join(el.get(a) or "" for a in ("class", "id", "rel", "itemprop"))
            if not marks.strip():
                continue
            if not meta.authors and _AUTHOR_MARK.search(marks):
                found = text_upto(el, 80)
                if found and len(found) > 2:
                    meta.authors = _author_names(found, single_ok=True)
            if meta.published is None and _DATE_MARK.search(marks):
                found = text_upto(el, 80)
                if found is not None:
                    meta.published = normalise_date(el.get("datetime") or el.get("content") or found)
            if meta.authors and meta.published:
                break
    for el in root.iter("time"):
        stamp = normalise_date(el.get("datetime") or el.text_content())
        if stamp:
            meta.published = meta.published or stamp
            break
    return meta


_KICKER = re.compile(
    r"kicker|top-?line|top-?title|roof-?line|over-?line|dachzeile|eyebrow|topic|label|spitzmarke|supertitle|fake-h\d",
    re.I,
)
_SUBTITLE = re.compile(r"sub-?title|sub-?line|sub-?headline|unterzeile", re.I)
_NAV_HEADING = re.compile(
    r"^(?:.{0,25}navigation.{0,25}|.{0,25}men[üu]|quicklinks?|suche|search|service|sie sind hier:?|you are here:?)$",
    re.I,
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•»«/]|-|::?)\s+")
_WORD = re.compile(r"\w+")
_HIDDEN_CLASS = re.compile(r"aural|sr-only|screen-reader|visually-?hidden|hidden|invisible", re.I)


def _headline_text(h1: etree._Element) -> str:
    """An ``<h1>``'s text without its kicker line ("Immobilienkrise") or subtitle."""
    parts = [c for c in h1 if isinstance(c.tag, str) and clean(c.text_content())]
    full = clean(h1.text_content())
    if parts and not clean(h1.text) and _KICKER.search(parts[0].get("class") or ""):
        kicker = clean(parts[0].text_content())
        rest = full[len(kicker) :].lstrip(" :–-|") if full.startswith(kicker) else ""
        if len(kicker) <= 100 and len(rest) >= 10:
            return clean(rest)
    if len(parts) >= 2 and _SUBTITLE.search(parts[-1].get("class") or ""):
        subtitle = clean(parts[-1].text_content())
        if full.endswith(subtitle) and len(full) - len(subtitle) >= 10:
            return full[: -len(subtitle)].rstrip(" :–-|")
    return full


def _without_leading_child(h1: etree._Element, text: str) -> str | None:
    """The headline without a short leading element (an unmarked kicker), if it has one."""
    parts = [c for c in h1 if isinstance(c.tag, str) and clean(c.text_content())]
    if not parts or clean(h1.text):
        return None
    first = clean(parts[0].text_content())
    rest = text[len(first) :].lstrip(" :–-|") if text.startswith(first) else ""
    return rest if len(first) <= 40 and len(rest) >= 10 else None


def _is_logo(h1: etree._Element, text: str, source: str | None, site_parts: set[str]) -> bool:
    if _NAV_HEADING.match(text) or _HIDDEN_CLASS.search(h1.get("class") or "") or "widget" in (h1.get("class") or ""):
        return True
    if source and text.casefold() == source.casefold():
        return True
    if text.casefold() in site_parts:
        return True
    links = list(h1.iter("a"))
    return len(links) == 1 and (links[0].get("href") or "").strip() in ("/", "./", "index.html")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _overlap(headline: str, title: str) -> float:
    words = _words(headline)
    return len(words & _words(title)) / len(words) if words else 0.0


def headline_candidates(
    root: etree._Element, source: str | None = None, doc_title: str = "", site: frozenset[str] = frozenset()
) -> list[str]:
    """Visible ``<h1>`` headlines, without site logos and navigation headings.

    ``site``: the letters of the site's names (see ``site_keys``).
    """
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(doc_title) if p.strip()]
    named = {p.casefold() for p in parts if _is_site_name(p, site)}
    if named or len(parts) < 2:
        site_parts = named
    else:
        # the site is not named anywhere: the parts of the page's title beside its longest are the site's
        longest = max(parts, key=len)
        site_parts = {p.casefold() for p in parts if p != longest}
    found: list[str] = []
    for h1 in root.iter("h1"):
        if text_upto(h1, 400) is None:
            continue
        text = _headline_text(h1)
        if 4 <= len(text) < 300 and not _is_logo(h1, text, source, site_parts) and text not in found:
            found.append(text)
            if (rest := _without_leading_child(h1, text)) and rest not in found:
                found.append(rest)
        if len(found) >= 6:
            break
    return found


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def site_keys(names: list[str | None], url: str | None) -> frozenset[str]:
    """The letters of a site's names: its publisher and site names, its web address and that address's labels."""
    keys = {_letters(n) for n in names if n}
    name = host(url)
    if name:
        labels = name.split(".")
        keys.add(_letters(name))
        keys.add(_letters(".".join(labels[:-1])))
        keys.update(_letters(label) for label in labels[:-1] if len(label) >= 4)
    return frozenset(k for k in keys if len(k) >= 2)


def _is_site_name(part: str, site: frozenset[str]) -> bool:
    """A part of a page title that names the site: its letters are a site key, or a short part
    begins or ends with one ("Vortex Cannon Entertainment" on vortexcannon.org, "DER SPIEGEL")."""
    letters = _letters(part)
    if not letters:
        return False
    if letters in site:
        return True
    if len(part.split()) > 4:
        return False
    return any(len(k) >= 5 and (letters.startswith(k) or letters.endswith(k)) for k in site)


def document_title(root: etree._Element) -> str:
    title = root.find(".//title")
    return clean(title.text_content()) if title is not None else ""


_SITE_COLON = re.compile(r"^([^:]{2,40}):\s+(\S.*)$")


def _strip_site(title: str, source: str | None, site: frozenset[str] = frozenset()) -> str:
    """``Headline | Site`` / ``Site » Blog » Headline`` to ``Headline``.

    Parts that name the site are taken off the ends, and the rest is kept as printed
    (a headline may hold a dash); where no part names the site, or the rest is a trail
    ("Blog » Headline"), the longest part is the headline.
    """
    named = _SITE_COLON.match(title)
    if named and _is_site_name(named[1], site):
        title = named[2]  # "FAZ.NET: Headline"
    pieces = _TITLE_SEPARATOR.split(title)
    seps = _TITLE_SEPARATOR.findall(title)
    if len(pieces) < 2:
        return title
    start, end = 0, len(pieces)
    while end - start > 1 and _is_site_name(pieces[end - 1], site):
        end -= 1
    while end - start > 1 and _is_site_name(pieces[start], site):
        start += 1
    breadcrumb = any(sep.strip() in "»«/·•" for sep in seps[start : end - 1])
    if (start, end) != (0, len(pieces)) and not breadcrumb:
        kept = pieces[start]
        for i in range(start + 1, end):
            kept += seps[i - 1] + pieces[i]
        return kept.strip()
    parts = [p.strip() for p in pieces[start:end] if p.strip()]
    if source:
        low = source.casefold()
        rest = [p for p in parts if low not in p.casefold()]
        if rest and len(rest) < len(parts):
            parts = rest
    return max(parts, key=len)


def choose_title(
    json_ld: Metadata, tags: Metadata, root: etree._Element, source: str | None, url: str | None = None
) -> str:
    """The headline as printed: the ``<h1>`` that agrees with the page's metadata titles.

    Never the site's name: a metadata title that is only the site's name is passed over.
    """
    doc_title = document_title(root)
    site = site_keys([source, json_ld.source, tags.source], url)
    metas = [t for t in (tags.title, json_ld.title, doc_title) if t and _letters(t) not in site]
    h1s = headline_candidates(root, source, doc_title, site)
    best, best_key = None, (0.0, 0, 0, 0)
    for h1 in h1s:
        # most of the headline's words in a metadata title; then the longest such headline
        key = max(
            (
                (
                    round(_overlap(h1, m), 2),
                    len(_words(h1) & _words(m)),
                    -len(_words(h1) - _words(m)),
                    -len(_words(m) - _words(h1)),
                )
                for m in metas
            ),
            default=(0.0, 0, 0, 0),
        )
        if key > best_key:
            best, best_key = h1, key
    if best is not None and best_key[0] >= 0.5:
        return best
    # a headline that the metadata does not repeat (the page's own title is for search engines)
    for h1 in h1s:
        if len(h1.split()) >= 3 and len(h1) >= 15:
            return h1
    # pages without a headline <h1> often print it as an <h2>
    for count, h2 in enumerate(root.iter("h2")):
        text = text_upto(h2, 300) or ""
        if text and metas and 4 <= len(text) < 300 and max(_overlap(text, m) for m in metas) >= 0.9:
            if any(_overlap(m, text) >= 0.6 for m in metas):
                return text
        if count > 20:
            break
    if metas:
        return _strip_site(metas[0], source, site)
    return h1s[0] if h1s else ""


def host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        name = urlsplit(url).hostname
    except ValueError:
        return None
    if not name:
        return None
    return name[4:] if name.startswith("www.") else name


def extract(root: etree._Element, json_ld: Metadata | None = None) -> Metadata:
    """All metadata of a page, each field from the best source that has it.

    ``json_ld`` is the page's JSON-LD metadata when it was read before the
    scripts were removed from the tree.
    """
    if json_ld is None:
        json_ld = from_json_ld(root)
    tags = from_meta_tags(root)
    text = from_page_text(root)
    meta = Metadata()
    meta.fill(json_ld)
    meta.fill(tags)
    meta.fill(text)
    meta.title = choose_title(json_ld, tags, root, meta.source, meta.url)
    if meta.source is None:
        meta.source = host(meta.url)
    if meta.published and meta.updated == meta.published:
        meta.updated = None
    return meta
