"""The only place the reader reaches into Textual's private parts, where Textual has no public way.

Each function says what it needs and why; ``tests/test_textual_adapter.py``
checks every one against the installed Textual, so an upgrade that changes them
fails loudly there instead of quietly breaking the screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static
from textual.widgets.markdown import MarkdownBlock


def option_span(option_list: OptionList, index: int) -> tuple[int, int] | None:
    """(first line, height in lines) of option ``index`` inside ``option_list``, once laid out.

    Needed to keep a teaser card visible when the option list is taller than
    the story's scroll it sits in (OptionList only scrolls itself).
    """
    try:
        return option_list._index_to_line[index], option_list._heights[index]
    except (AttributeError, KeyError):
        return None


def mark_footer_ready(footer: Footer) -> None:
    """Tell a ``Footer`` subclass that handles ``bindings_changed`` itself that it may show keys.

    ``Footer.compose`` shows nothing until its private ``_bindings_ready`` is set
    by ``Footer.bindings_changed``, which the reader's footer replaces (to
    rebuild only when the keys shown change).
    """
    footer._bindings_ready = True


def footer_key_action(widget: Widget) -> str | None:
    """The action of one key a ``Footer`` shows (None for anything else the footer holds).

    Needed to pin ``? Help`` to the footer's right end: its keys are
    ``FooterKey`` widgets, which Textual does not export.
    """
    from textual.widgets._footer import FooterKey

    return widget.action if isinstance(widget, FooterKey) else None


def table_block_classes() -> tuple[type[MarkdownBlock], type[Static]]:
    """Textual's Markdown table block and its cell widget (a ``Static`` that passes link clicks on).

    Needed to draw a story's table as one widget: Textual exports neither, and
    its own table is a widget per cell on a grid (slow to show the first time).
    """
    from textual.widgets._markdown import MarkdownTable, MarkdownTableCellContents

    return MarkdownTable, MarkdownTableCellContents


def table_cells(table: MarkdownBlock) -> tuple[list[Content], list[list[Content]]]:
    """The header cells and the rows of cells of Textual's Markdown table block, once parsed."""
    headers, rows = table._get_headers_and_rows()  # type: ignore[attr-defined]
    return headers, rows


def forget_inline_token(block: MarkdownBlock) -> None:
    """Let a Markdown block drop the parser's token it was built from (its text is built by then).

    ``MarkdownBlock.build_from_token`` keeps the inline token and every child
    token (a few objects a line of the story) though Textual never reads it
    again; each of them is scanned by every full pass of the garbage collector
    for as long as the story is shown.
    """
    block._inline_token = None


def wrap_offsets(line: str, width: int, tab_size: int) -> list[int]:
    """Where ``line`` breaks when wrapped to ``width`` cells (Textual's private word wrapper)."""
    from textual._wrap import compute_wrap_offsets

    return list(compute_wrap_offsets(line, width, tab_size))


def let_go(removed: list[Widget], parents: list[Widget]) -> None:
    """Let removed widgets be freed by reference counting, not only by a full pass of the collector.

    A removed widget is kept alive by cycles: its styles point back at it
    (``Styles.node``), each widget's child list caches the children shown
    (``NodeList._displayed_nodes``), the parent's too; the parent's cache of its
    layout (``Widget._arrangement_cache``) holds them until newer layouts push
    them out. Only a full pass of the garbage collector freed a story left, all
    of it at once: up to 250,000 objects, a pause of 50-120 ms. With these
    references dropped the widgets go as they are removed, a few chunks a step.
    ``parents`` are the widgets that held the removed ones and stay. (A widget
    found by ``query_one`` stays in the cache of the node asked, whose entries
    are in cycles: the story's widgets are never looked up that way.)
    """
    for widget in removed:
        widget._css_styles.node = None
        widget._inline_styles.node = None
    for widget in (*removed, *parents):
        widget._nodes._displayed_nodes = (-1, [])
        widget._nodes._displayed_visible_nodes = (-1, [])
    for widget in parents:
        widget._arrangement_cache.clear()  # stale already: its keys count the children changed
