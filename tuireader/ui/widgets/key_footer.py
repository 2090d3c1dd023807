"""The footer of the main screen: Textual's ``Footer``, rebuilt only when its keys change.

``Footer`` rebuilds all its key widgets whenever the screen's bindings may have
changed (each focus change, each ``refresh_bindings``), several times while an
article opens. This one rebuilds once per batch of changes, and only when the
keys it would show differ from the ones shown, a moment after the change, so
that the change itself (an article opening) is painted first.

``? Help`` is pinned to the right end, so a narrow terminal that cuts off
some keys never cuts off the way to all of them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from tuireader.ui.textual_adapter import footer_key_action, mark_footer_ready

UPDATE_DELAY = 0.05


# Shown at the right end whatever the width.
PINNED_ACTIONS = frozenset({"help", "app.help"})


class KeyFooter(Footer):
    DEFAULT_CSS = """
    KeyFooter FooterKey.-pinned { dock: right; }
    """

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette, id=id)
        self._update_pending = False
        self._shown_keys: tuple[object, ...] | None = None

    def _keys(self) -> tuple[object, ...]:
        """What the footer shows: each shown binding's key, display, description, state and tooltip."""
        app = self.app
        return tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.action,
                binding.description,
                enabled,
                tooltip,
                binding.group,
            )
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if footer_key_action(widget) in PINNED_ACTIONS:
                widget.add_class("-pinned")
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        mark_footer_ready(self)
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            # A moment later: what changed the keys (an article opening) paints first.
            self.set_timer(UPDATE_DELAY, self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown_keys:
            return
        self._shown_keys = keys
        await self.recompose()
