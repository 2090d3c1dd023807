"""An article as readable plain text for the terminal (used by `parse` and `show`)."""

from __future__ import annotations

from tuireader.ingest.decode import remove_control_characters
from tuireader.ingest.markdown_text import unescape
from tuireader.model import Article


def _safe(text: str | None) -> str:
    """Strip escape and other control characters: article text never drives the terminal."""
    return remove_control_characters(text or "")


def render_article_text(article: Article) -> str:
    out: list[str] = []
    meta = " · ".join(
        x
        for x in (
            article.source,
            article.section,
            article.published,
            f"updated {article.updated}" if article.updated else None,
            f"{article.reading_minutes} min read" if article.reading_minutes else None,
        )
        if x
    )
    if meta:
        out.append(meta)
    out.append(article.title.upper() if article.title else "(untitled)")
    if article.lead:
        out += ["", article.lead]
    if article.image_caption:
        out += ["", f"[Image: {article.image_caption}]"]
    if article.authors:
        out += ["", "By " + ", ".join(article.authors)]
    if article.url:
        out += [article.url]
    if article.tags:
        out += ["", "Tags: " + ", ".join(article.tags)]
    out += ["", "-" * 72, "", unescape(article.body).strip() or "(no story text)"]
    if article.related:
        label = article.related_label or "Related"
        out += ["", "-" * 72, f">> {label} ({len(article.related)} teasers, not part of this story)", ""]
        for t in article.related:
            head = " · ".join(x for x in (t.source, t.section, t.date, "sponsored" if t.sponsored else None) if x)
            out.append(f"  * {t.title}")
            if head:
                out.append(f"    {head}")
            if t.summary:
                out.append(f"    {t.summary}")
            if t.url:
                out.append(f"    {t.url}")
    if article.leftover:
        out += ["", f"(unplaced lines: {len(article.leftover)})"]
        out += [f"  {line}" for line in article.leftover]
    return "\n".join(_safe(line) for line in out)
