"""Textual's private parts the reader relies on (tuireader/ui/textual_adapter.py), checked against the installed Textual.

If one of these fails after a Textual upgrade, the adapter needs a new way (or
Textual now offers a public one): see the function's docstring.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.ui.textual_adapter import (
    footer_key_action,
    forget_inline_token,
    mark_footer_ready,
    option_span,
    table_block_classes,
    table_cells,
)


class _Options(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(Option("one"), None, Option("two\nlines"), Option("three"))
        yield Footer()


async def test_option_span_gives_each_option_its_lines() -> None:
    app = _Options()
    async with app.run_test() as pilot:
        await pilot.pause()
        options = app.query_one(OptionList)
        # one line, and the separator after it; two lines; one line
        assert [option_span(options, i) for i in range(3)] == [(0, 2), (2, 2), (4, 1)]
        assert option_span(options, 9) is None


async def test_footer_ready_flag_is_the_one_footer_compose_reads() -> None:
    assert "bindings_changed" in vars(Footer), "Footer.bindings_changed is gone: KeyFooter overrides it"
    assert "_bindings_ready" in Footer._reactives, "Footer._bindings_ready is gone"  # type: ignore[attr-defined]
    app = _Options()
    async with app.run_test() as pilot:
        footer = app.query_one(Footer)
        mark_footer_ready(footer)
        await footer.recompose()
        await pilot.pause()
        assert footer.children, "a ready footer shows its keys"


async def test_footer_keys_name_their_action() -> None:
    app = _Options()
    async with app.run_test() as pilot:
        footer = app.query_one(Footer)
        mark_footer_ready(footer)
        await footer.recompose()
        await pilot.pause()
        actions = {footer_key_action(child) for child in footer.children}
        assert "command_palette" in actions or any(a and "quit" in a for a in actions), actions
        assert footer_key_action(app.query_one(OptionList)) is None


class _Table(App[None]):
    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        yield Markdown("| a | b |\n|---|---|\n| 1 | **2** |\n| 3 | 4 |\n\nA paragraph.")


async def test_table_cells_reads_the_header_and_rows_of_textuals_table_block() -> None:
    table_class, cell_class = table_block_classes()
    assert issubclass(cell_class, Static)
    app = _Table()
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.query_one(table_class)
        headers, rows = table_cells(table)
        assert [h.plain for h in headers] == ["a", "b"]
        assert [[c.plain for c in row] for row in rows] == [["1", "2"], ["3", "4"]]


async def test_forget_inline_token_drops_the_token_a_block_keeps() -> None:
    from textual.widgets.markdown import MarkdownBlock

    app = _Table()
    async with app.run_test() as pilot:
        await pilot.pause()
        block = app.query(MarkdownBlock).filter(".level-0").last()
        assert block._inline_token is not None  # type: ignore[attr-defined]
        forget_inline_token(block)
        assert vars(block)["_inline_token"] is None


def test_wrap_offsets_break_a_long_line_between_words() -> None:
    from tuireader.ui.textual_adapter import wrap_offsets

    line = "the council met on a grey morning"
    offsets = wrap_offsets(line, 10, 8)
    rows = [line[a:b].rstrip() for a, b in zip([0, *offsets], [*offsets, len(line)], strict=True)]
    assert rows == ["the", "council", "met on a", "grey", "morning"]


async def test_let_go_frees_removed_widgets_by_reference_counting() -> None:
    import gc
    import weakref

    from textual.widgets import Markdown
    from textual.widgets.markdown import MarkdownBlock

    from tuireader.ui.textual_adapter import let_go

    app = _Table()
    async with app.run_test() as pilot:
        await pilot.pause()
        markdown = app.query(Markdown).first()  # not query_one: its cache would hold the widget
        removed = [markdown, *markdown.query("*")]
        assert any(isinstance(widget, MarkdownBlock) for widget in removed)
        refs = [weakref.ref(widget) for widget in removed]
        gc.collect()
        gc.disable()  # only reference counting frees anything from here on
        try:
            await markdown.remove()
            await pilot.pause()
            let_go(removed, [app.screen])
            del removed, markdown
            alive = [type(ref()).__name__ for ref in refs if ref() is not None]
            assert alive == [], f"still held (a new cycle in Textual's widgets?): {alive}"
        finally:
            gc.enable()
