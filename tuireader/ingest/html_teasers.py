"""Teaser and related-article blocks of a saved page: find them, take them out, read their cards.

Two ways to recognise a block:

- by its visible label ("Mehr zum Thema", "Lesen Sie auch", "Related", "Read
  more", ...): the label's smallest surrounding container that holds links and
  little else, or, when the label sits inside the story, the link-heavy
  elements that follow it;
- by shape: a run of three or more sibling cards, each one link with a short
  title and at most a short summary, section and date.

Blocks are removed from the tree before the story is extracted, and their cards
are returned as :class:`~tuireader.model.Teaser` objects.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from tuireader.ingest import vocab
from tuireader.ingest.html_dom import is_safe_url, remove
from tuireader.ingest.html_metadata import clean, first_word, host, normalise_date, text_upto
from tuireader.ingest.urls import is_comment_link, page_key
from tuireader.model import Teaser

# The words a label can start with: a quick test before the label patterns.
_LABEL_FIRST_WORDS = vocab.TEASER_LABEL_FIRST_WORDS
_DECORATION = re.compile(r"^[\s>»«<→›‹|–-]+|[\s>»«<→›‹|–-]+$")
_DATE_TEXT = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
_KICKER_CLASS = re.compile(r"kicker|topline|overline|dachzeile|eyebrow|category|section|rubri[ck]|label|tag", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKISH = {
    "div",
    "section",
    "aside",
    "ul",
    "ol",
    "li",
    "p",
    "article",
    "nav",
    "footer",
    "header",
    "dl",
    "table",
    "tbody",
    "tr",
    "td",
    "span",
    "figure",
}
_LABEL_TAGS = set(_HEADINGS) | {
    "p",
    "div",
    "span",
    "strong",
    "b",
    "em",
    "header",
    "dt",
    "li",
    "a",
    "section",
    "aside",
    "button",
}

MAX_SUMMARY = 400
MAX_TEASERS = 100  # per page
# Share of a teaser block's text that is link text (cards may carry a short summary).
RELATED_LINK_SHARE = 0.4


@dataclass
class Block:
    element: etree._Element
    label: str | None
    teasers: list[Teaser] = field(default_factory=list)
    # what is removed from the page: the whole element, or only its cards
    parts: list[etree._Element] = field(default_factory=list)

    def remove(self) -> None:
        for part in self.parts or [self.element]:
            remove(part)


def _text(el: etree._Element) -> str:
    return clean(el.text_content())


def _links(el: etree._Element) -> list[etree._Element]:
    return [a for a in el.iter("a") if (a.get("href") or "").strip() and not (a.get("href") or "").startswith("#")]


def _link_text_len(el: etree._Element) -> int:
    return sum(len(_text(a)) for a in _links(el))


def _is_label(el: etree._Element, weak: bool = False) -> str | None:
    if el.tag not in _LABEL_TAGS or len(el) > 6 or first_word(el) not in _LABEL_FIRST_WORDS:
        return None
    text = text_upto(el, 60)
    if not text:
        return None
    if vocab.is_teaser_label(text, weak=weak):
        if el.tag == "a" and el.getparent() is not None and len(_links(el.getparent())) == 1:
            return None  # a "Read more" link of its own, not a heading
        return text.rstrip(":.…>»› ").strip()
    return None


def find_labelled_blocks(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    taken: set[etree._Element] = set()  # every element inside a block found so far
    for el in body.iter():
        if not isinstance(el.tag, str) or el in taken:
            continue
        label = _is_label(el, weak=True)
        if label is None:
            continue
        # the smallest element with that text: skip wrappers whose only content is the label
        if any(_is_label(child, weak=True) == label for child in el):
            continue
        container = _container_of(el)
        if container is not None:
            blocks.append(Block(container, label))
            taken.update(container.iter())
            continue
        run = _following_links(el)
        if run:
            wrapper = _wrap([el, *run])
            blocks.append(Block(wrapper, label))
            taken.update(wrapper.iter())
        elif _is_label(el) and (el.tag in _HEADINGS or len(_text(el)) < 40):
            # a lone label with nothing that could be its block: still not story text
            blocks.append(Block(el, None))
            taken.update(el.iter())
    for block in blocks:
        block.teasers = read_cards(block.element, exclude_label=block.label)
    return blocks


def _container_of(label: etree._Element) -> etree._Element | None:
    """The largest ancestor (a few levels up) made of the label and links."""
    best = None
    node = label
    node_len = len(_text(label))
    node_links = _link_text_len(label)
    for _ in range(6):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "main", "article"):
            break
        parent_text = text_upto(parent, node_len + 5000)
        if parent_text is None:
            break
        text_len = len(parent_text)
        link_len = _link_text_len(parent)
        added, added_links = text_len - node_len, link_len - node_links
        # grow only by links (cards with a short summary) or by a few characters
        if added > 5000 or (added > 40 and added_links < RELATED_LINK_SHARE * added):
            break
        if _has_story_paragraph(parent):
            break
        node, node_len, node_links = parent, text_len, link_len
        if link_len > len(_text(label)) and _links(parent):
            best = parent
    return best


def _has_story_paragraph(el: etree._Element) -> bool:
    """Story text: one long paragraph, or two of medium length, or the page headline."""
    medium = 0
    for p in el.iter("p", "h1"):
        if p.tag == "h1":
            return True
        own = len(_text(p)) - _link_text_len(p)
        if own > 350:
            return True
        if own > 150:
            medium += 1
            if medium >= 2:
                return True
    return False


def _following_links(label: etree._Element) -> list[etree._Element]:
    """Siblings after a label inside the story that are links (a list, linked paragraphs)."""
    node = label
    # a label wrapped in <p><strong>…</strong></p>: look at the wrapper's siblings
    while node.getnext() is None and node.getparent() is not None:
        own = _text(node)
        if text_upto(node.getparent(), len(own)) != own:
            break
        node = node.getparent()
    run: list[etree._Element] = []
    sibling = node.getnext()
    while sibling is not None and len(run) < 30:
        if not isinstance(sibling.tag, str):
            sibling = sibling.getnext()
            continue
        text_len = len(_text(sibling))
        link_len = _link_text_len(sibling)
        if sibling.tag in _HEADINGS or not _links(sibling) or link_len < 0.5 * text_len:
            break
        run.append(sibling)
        sibling = sibling.getnext()
    # also "Lesen Sie auch: <a>…</a>" inside the same paragraph
    if not run and label.getparent() is not None:
        parent = label.getparent()
        parent_text = text_upto(parent, 400)
        if parent_text is not None and parent.tag not in ("body", "html") and _links(parent):
            if _link_text_len(parent) >= 0.5 * (len(parent_text) - len(_text(label))):
                return [parent]
    return run


def _wrap(elements: list[etree._Element]) -> etree._Element:
    """A new container, in the page where the elements were, holding them (removed later as one)."""
    first = elements[0]
    group = etree.Element("div")
    group.set("data-tuireader-run", "1")
    parent = elements[-1].getparent()
    if parent is None:
        return first
    index = parent.index(elements[-1])
    parent.insert(index + 1, group)
    for el in elements:
        tail = el.tail
        el.tail = None
        group.append(el)
        if tail and tail.strip():
            group.append(etree.Element("span"))
            group[-1].text = tail
    return group


def find_link_lines(body: etree._Element) -> list[Block]:
    """Paragraphs inside a story that are nothing but a link to another article."""
    blocks: list[Block] = []
    for el in body.iter("p", "blockquote", "h3", "h4", "h5"):
        parent = el.getparent()
        if parent is None or any(a.tag in ("li", "nav", "table", "header", "footer") for a in el.iterancestors()):
            continue
        text = text_upto(el, 200)
        if text is None or len(text) < 20:
            continue
        links = _links(el)
        if not links or len({a.get("href").strip() for a in links}) != 1:
            continue
        if _link_text_len(el) < 0.85 * len(_DECORATION.sub("", text)):
            continue
        # inside a story: the surrounding element has real text besides this line
        if text_upto(parent, len(text) + 200) is not None:
            continue
        blocks.append(Block(el, None))
    for block in blocks:
        block.teasers = read_cards(block.element)
    return blocks


# --- cards by shape -------------------------------------------------------------------


def _is_card(el: etree._Element) -> bool:
    if not isinstance(el.tag, str) or el.tag not in _BLOCKISH:
        return False
    text = text_upto(el, 600)
    if text is None:
        return False
    links = _links(el)
    if not links:
        return False
    hrefs = {a.get("href").strip() for a in links}
    if len(hrefs) > 2:
        return False
    text_len = len(text)
    link_len = _link_text_len(el)
    if link_len < 12:
        return False
    # a card with a linked headline may carry a summary two or three times as long
    headed = any(h.find(".//a") is not None or h.getparent().tag == "a" for h in el.iter(*_HEADINGS))
    share = 0.2 if headed else 0.35
    return link_len >= share * text_len and not _has_story_paragraph(el)


def find_card_runs(body: etree._Element, min_cards: int = 3) -> list[Block]:
    blocks: list[Block] = []
    for parent in body.iter(*_BLOCKISH):
        if parent.getparent() is None:
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) < min_cards:
            continue
        cards = [c for c in children if _is_card(c)]
        if len(cards) < min_cards or len(cards) < 0.7 * len(children):
            continue
        headed = sum(1 for c in cards if any(True for _ in c.iter(*_HEADINGS)))
        titles_long = sum(1 for c in cards if _link_text_len(c) >= 25)
        if headed < min_cards and titles_long < min_cards:
            continue
        # the cards go; a story among them stays
        blocks.append(Block(parent, None, parts=[] if len(cards) == len(children) else cards))
    # keep outermost only
    chosen = set(b.element for b in blocks)
    blocks = [b for b in blocks if not any(a in chosen for a in b.element.iterancestors())]
    for block in blocks:
        if block.parts:
            block.teasers = [t for part in block.parts for t in read_cards(part)]
        else:
            block.teasers = read_cards(block.element)
    return blocks


_CARD_CLASS = re.compile(r"(?:^|[\s_-])(?:promo|teaser|card)(?:$|[\s_-])", re.I)


def _may_be_lone_card(el: etree._Element) -> bool:
    """An element that can hold one card: ``<article>``, ``<figure>``, ``<aside>``, an element of
    the site's own (``<ps-promo>``), or one whose class says promo, teaser or card."""
    tag = el.tag
    if not isinstance(tag, str):
        return False
    if tag in ("article", "figure", "aside") or "-" in tag:
        return True
    return tag in _BLOCKISH and _CARD_CLASS.search(el.get("class") or "") is not None


def find_lone_cards(body: etree._Element) -> list[Block]:
    """A single card set into the page: a linked headline and a line or two."""
    blocks: list[Block] = []
    taken: set[etree._Element] = set()
    for el in body.iter():
        if el in taken or not _may_be_lone_card(el):
            continue
        if text_upto(el, 600) is None:
            continue
        links = _links(el)
        if not links or len({a.get("href").strip() for a in links}) > 2:
            continue
        if el.find(".//h1") is not None or _has_story_paragraph(el):
            continue
        headed = any(
            h.find(".//a") is not None or any(a.tag == "a" for a in h.iterancestors()) for h in el.iter(*_HEADINGS)
        )
        if headed and _link_text_len(el) >= 15:
            blocks.append(Block(el, None))
            taken.update(el.iter())
    for block in blocks:
        block.teasers = _read_single_card(block.element)
    return blocks


def _read_single_card(card: etree._Element) -> list[Teaser]:
    """The one teaser of a card, with its section, date and summary from anywhere in it."""
    heading_links = [a for h in card.iter(*_HEADINGS) for a in _links(h)]
    heading_links += [a for a in _links(card) if any(h.tag in _HEADINGS for h in a.iter())]
    if not heading_links:
        return read_cards(card)
    href = (heading_links[0].get("href") or "").strip()
    if not is_safe_url(href) or _is_mail_link(href) or is_comment_link(href):
        return []
    title, kicker = _title_of(card, href)
    title = _DECORATION.sub("", title)
    if not title or vocab.is_teaser_label(title):
        return []
    return [_teaser(card, title, href, kicker)]


# --- reading cards -----------------------------------------------------------------


def read_cards(block: etree._Element, exclude_label: str | None = None) -> list[Teaser]:
    """One teaser per distinct link of the block, read from the link's card.

    A block whose links are mostly links to reader comments ("Neueste Kommentare",
    "Recent comments": "…/article-123#comment-4567") is a comment sidebar: it has no teasers.
    """
    links = _links(block)
    to_comments = sum(1 for a in links if is_comment_link(a.get("href") or ""))
    if to_comments >= 2 and to_comments * 2 >= len(links):
        return []
    teasers: list[Teaser] = []
    seen: set[str] = set()
    for a in links:
        href = (a.get("href") or "").strip()
        if href in seen or not is_safe_url(href) or _is_mail_link(href) or is_comment_link(href):
            continue
        card = _card_of(a, block)
        title, kicker = _title_of(card, href)
        title = _DECORATION.sub("", title)
        if not title or (exclude_label and title.casefold() == exclude_label.casefold()):
            continue
        if vocab.is_teaser_label(title) or (len(title) < 20 and len(title.split()) < 3):
            continue  # "mehr", "Weiterlesen", topic tags
        seen.add(href)
        teasers.append(_teaser(card, title, href, kicker))
    return teasers


def _is_mail_link(href: str) -> bool:
    """A link that writes an e-mail ("Kommentieren (via Email)"), also behind a CDN's address protection."""
    return href.lower().startswith("mailto:") or "/cdn-cgi/l/email-protection" in href


def _card_of(a: etree._Element, block: etree._Element) -> etree._Element:
    href = a.get("href").strip()
    card = a
    for parent in a.iterancestors():
        if parent is block or not _only_links_to(parent, href):
            break
        card = parent
    return card


def _only_links_to(el: etree._Element, href: str) -> bool:
    """Whether every link in the element goes to ``href`` (stops at the first that does not)."""
    for x in el.iter("a"):
        target = (x.get("href") or "").strip()
        if target and not target.startswith("#") and target != href:
            return False
    return True


def _spaced_text(el: etree._Element, skip: etree._Element | None = None) -> str:
    """Text with a space at element boundaries ("Kicker<span>Headline</span>" stays two words)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:  # depth is bounded by html_dom.MAX_DEPTH
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            if child is not skip and isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return clean(" ".join(parts))


def _kicker_in(el: etree._Element) -> etree._Element | None:
    for node in el.iter():
        if node is not el and isinstance(node.tag, str) and _KICKER_CLASS.search(node.get("class") or ""):
            if 0 < len(_text(node)) <= 60:
                return node
    return None


def _title_of(card: etree._Element, href: str) -> tuple[str, str | None]:
    """The card's headline, and its kicker line when the headline element carries one."""
    element = next((h for h in card.iter(*_HEADINGS) if _text(h)), None)
    if element is None:
        links = [a for a in card.iter("a") if (a.get("href") or "").strip() == href and _text(a)]
        if not links:
            return "", None
        element = max(links, key=lambda a: len(_text(a)))
    kicker = _kicker_in(element)
    title = _spaced_text(element, skip=kicker) if kicker is not None else _spaced_text(element)
    if kicker is not None and len(title) >= 10:
        return title, _text(kicker)
    return _spaced_text(element), None


def _teaser(card: etree._Element, title: str, href: str, kicker: str | None = None) -> Teaser:
    section = kicker
    date = None
    summary = None
    for el in card.iter():
        if not isinstance(el.tag, str):
            continue
        text = _text(el)
        if not text or text in (title, kicker) or title in text or text in title:
            continue
        if el.tag == "time" or _DATE_TEXT.search(text):
            date = date or _date_only(el.get("datetime") or text)
            continue
        if section is None and len(text) <= 40 and _KICKER_CLASS.search(el.get("class") or ""):
            section = text
            continue
        if el.tag in ("p", "div", "span") and len(text) >= 30 and not len(el):
            summary = summary or text[:MAX_SUMMARY]
    if date is None:
        for el in card.iter("time"):
            date = _date_only(el.get("datetime") or _text(el))
            break
    sponsored = (
        vocab.mentions_sponsor(" ".join(t for t in (section or "", _text(card)[:200]) if t)) and len(_text(card)) < 500
    )
    return Teaser(title=title, url=href, section=section, date=date, summary=summary, sponsored=sponsored)


def _date_only(text: str | None) -> str | None:
    stamp = normalise_date(text)
    return stamp[:10] if stamp else None


def resolve_urls(teasers: list[Teaser], base_url: str | None) -> None:
    """Make card links absolute against the page's own address; name other sites as source."""
    page_host = host(base_url)
    for teaser in teasers:
        if teaser.url and base_url:
            with contextlib.suppress(ValueError):
                teaser.url = urljoin(base_url, teaser.url)
        if teaser.url and teaser.url.startswith(("http://", "https://")):
            link_host = host(teaser.url)
            if link_host and page_host and link_host != page_host and not _same_site(link_host, page_host):
                teaser.source = link_host


def tidy(teasers: list[Teaser], page_url: str | None, page_title: str | None) -> list[Teaser]:
    """The teasers without the article itself and without repeats.

    Two teasers are the same when their addresses name the same page (see ``urls.page_key``)
    or their titles are the same words; a teaser is the article itself when its address
    is the page's own or its title is the headline.
    """
    own_key = page_key(page_url)
    own_title = _title_key(page_title or "")
    seen_keys: set[str] = set()
    seen_titles: set[str] = set()
    kept: list[Teaser] = []
    for teaser in teasers:
        key = page_key(teaser.url, page_url)
        title = _title_key(teaser.title)
        if (own_key and key == own_key) or (own_title and title == own_title):
            continue
        if (key and key in seen_keys) or (title and title in seen_titles):
            continue
        if key:
            seen_keys.add(key)
        if title:
            seen_titles.add(title)
        kept.append(teaser)
    return kept


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))


def _same_site(a: str, b: str) -> bool:
    return a.endswith("." + b) or b.endswith("." + a)


def take_out(body: etree._Element) -> tuple[str | None, list[Teaser], int]:
    """Remove every teaser block from the tree.

    Returns the first block's label, the teasers of all blocks (labelled blocks
    first) and how many blocks were removed.
    """
    labelled = find_labelled_blocks(body)
    for block in labelled:
        block.remove()
    runs = find_card_runs(body)
    for block in runs:
        block.remove()
    lines = find_link_lines(body) + find_lone_cards(body)
    for block in lines:
        block.remove()
    label = next((b.label for b in labelled if b.label and b.teasers), None)
    teasers: list[Teaser] = []
    seen: set[str] = set()
    for block in labelled + lines + [b for b in runs if _looks_like_articles(b)]:
        for teaser in block.teasers:
            key = teaser.url or teaser.title
            if key not in seen and len(teasers) < MAX_TEASERS:
                seen.add(key)
                teasers.append(teaser)
    return label, teasers, len(labelled) + len(runs) + len(lines)


def _looks_like_articles(block: Block) -> bool:
    """Cards with summaries or long titles are articles; short link lists are navigation."""
    if not block.teasers:
        return False
    long_titles = sum(1 for t in block.teasers if len(t.title) >= 30 or t.summary)
    return long_titles >= max(2, len(block.teasers) // 2)
