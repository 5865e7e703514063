"""The summary as a QR code a phone camera reads with no internet.

The code holds as much of the summary as the window can show readably: the
whole summary, else the text-message summary, else the best next step with
where to get free help, else the best next step alone. Nothing leaves the
screen: the phone reads the text straight off it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..keys import translate_bindings
from ..outcome import Outcome
from ..qr import DrawnCode, largest_that_fits
from ..widgets.qr_code import QrCode
from ..words import words_for

# Room the explanation needs beside the code; the footer's line.
BESIDE_WIDTH = 28
FOOTER_HEIGHT = 1


class QrScreen(Screen[None]):
    """A QR code of the summary, with what it holds and how to read it."""

    BINDINGS = [Binding("escape,b", "go_back", "qr.back", key_display="Esc")]

    def __init__(self, outcome: Outcome) -> None:
        super().__init__()
        self.words = words_for(outcome.lang)
        # What the code may hold, longest first, and the words that say so.
        self.choices = (
            (outcome.summary_text, "qr.whole"),
            (outcome.short_text, "qr.shorter"),
            (outcome.step_text(), "qr.step_and_help"),
            (outcome.step_text(free_help=False), "qr.step"),
        )
        self.fitted: tuple[int, DrawnCode] | None = None
        translate_bindings(self, self.words)

    def compose(self) -> ComposeResult:
        # No title bar or row of buttons: every line goes to the code. The
        # title heads the explanation; Back is in the footer.
        self.fitted = self.fit()
        with Container(id="qr-body", classes=self.layout_class()):
            yield from self.compose_code()
        yield Footer()

    def compose_code(self) -> ComposeResult:
        words = self.words
        if self.fitted is None:
            yield Static(words("qr.title"), classes="heading", markup=False)
            yield Static(words("qr.too_small"), id="qr-too-small", markup=False)
            return
        index, drawn = self.fitted
        yield QrCode(drawn, id="qr-code")
        with Vertical(id="qr-about"):
            yield Static(words("qr.title"), classes="heading", markup=False)
            for key in (self.choices[index][1], "qr.how", "qr.private"):
                yield Static(words(key), classes="paragraph", markup=False)

    def fit(self) -> tuple[int, DrawnCode] | None:
        """The longest text whose code fits: beside its explanation, or alone."""
        width, height = self.app.size
        texts = [text for text, _ in self.choices]
        room = height - FOOTER_HEIGHT
        return (largest_that_fits(texts, width - BESIDE_WIDTH, room)
                or largest_that_fits(texts, width - 2, room))

    def layout_class(self) -> str:
        if self.fitted is None:
            return ""
        width = self.app.size.width
        return "-beside" if self.fitted[1].width + BESIDE_WIDTH <= width else "-alone"

    async def on_resize(self) -> None:
        if self.fit() != self.fitted:
            await self.recompose()

    def action_go_back(self) -> None:
        self.dismiss(None)

    @property
    def drawn(self) -> DrawnCode | None:
        """The code on screen, if the window is large enough for one."""
        return None if self.fitted is None else self.fitted[1]
