"""Shown over everything while the window is too small to use; it closes
itself when the window is large enough again, and nothing is lost."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

from ..words import words_for


class TooSmallScreen(ModalScreen[None]):
    """Asks for a larger window, and says how large, in characters."""

    def __init__(self, needed: Size, lang: str = "en") -> None:
        super().__init__()
        self.needed = needed
        self.words = words_for(lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="too-small"):
            yield Static(self.words("small.ask"), markup=False)
            yield Static(id="sizes", markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self.close_if_it_fits(event.size)

    def on_screen_resume(self) -> None:
        # The window may have grown while another dialog was on top.
        self.close_if_it_fits(self.app.size)

    def close_if_it_fits(self, size: Size) -> None:
        # Two resizes may arrive together: close once, and only this screen.
        if not self.is_active:
            return
        if fits(size, self.needed):
            self.dismiss(None)
        else:
            self.show_sizes(size)

    def show_sizes(self, now: Size) -> None:
        # Numbers only, so they read the same in every language.
        needed = self.needed
        self.query_one("#sizes", Static).update(
            f"{now.width} × {now.height} → {needed.width} × {needed.height}"
        )


def fits(size: Size, needed: Size) -> bool:
    return size.width >= needed.width and size.height >= needed.height
