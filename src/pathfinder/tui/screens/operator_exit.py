"""The staff's way out of a kiosk: a PIN, asked after the operator key sequence."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..words import words_for

# After this many wrong PINs the dialog closes, so guessing takes effort.
TRIES = 3


class OperatorExitScreen(ModalScreen[bool]):
    """Asks for the PIN; dismisses with True when it matches, else False.

    The app decides what a match means (it closes); this screen only asks.
    """

    AUTO_FOCUS = "#pin"
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, pin_matches: Callable[[str], bool], lang: str = "en") -> None:
        super().__init__()
        self.pin_matches = pin_matches
        self.words = words_for(lang)
        self.tries_left = TRIES

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="operator-dialog"):
            yield Static(words("operator.title"), id="operator-title", markup=False)
            yield Static(words("operator.ask"), markup=False)
            yield Input(password=True, id="pin")
            yield Static(id="pin-problem", markup=False)

    def on_mount(self) -> None:
        self.query_one("#pin-problem").display = False

    @on(Input.Submitted, "#pin")
    def check_pin(self, event: Input.Submitted) -> None:
        event.stop()
        if self.pin_matches(event.value):
            self.dismiss(True)
            return
        self.tries_left -= 1
        if self.tries_left <= 0:
            self.dismiss(False)
            return
        event.input.value = ""
        problem = self.query_one("#pin-problem", Static)
        problem.update(self.words("operator.wrong"))
        problem.display = True

    def action_cancel(self) -> None:
        self.dismiss(False)
