"""The kiosk's question after a while with no key pressed: is anyone still
there? A countdown shows how long until the answers are cleared."""

from __future__ import annotations

import math
import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..words import words_for


class StillThereScreen(ModalScreen[None]):
    """Counts down `seconds`, then posts TimeUp; a click or Enter on the
    button dismisses it. (The app treats any key as an answer, too.)"""

    AUTO_FOCUS = "#still-here"

    class TimeUp(Message):
        """Nobody answered: time to forget everything."""

    def __init__(self, seconds: float, lang: str = "en") -> None:
        super().__init__()
        self.seconds = seconds
        self.words = words_for(lang)
        self.deadline = time.monotonic() + seconds

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="still-there-dialog"):
            yield Static(words("idle.title"), id="still-there-title", markup=False)
            yield Static(self.time_left_text(), id="countdown", markup=False)
            yield Static(words("idle.keep_going"), markup=False)
            yield Button(words("idle.still_here"), id="still-here",
                         variant="primary", compact=True)

    def on_mount(self) -> None:
        self.set_interval(1, self.show_time_left)
        self.set_timer(self.seconds, self.time_is_up)

    @property
    def seconds_left(self) -> int:
        return max(0, math.ceil(self.deadline - time.monotonic()))

    def time_left_text(self) -> str:
        left = self.seconds_left
        if left > 1:
            return self.words("idle.countdown", seconds=left)
        return self.words("idle.countdown_last")

    def show_time_left(self) -> None:
        self.query_one("#countdown", Static).update(self.time_left_text())

    def time_is_up(self) -> None:
        self.post_message(self.TimeUp())

    def on_click(self) -> None:
        # A click anywhere on the dialog, the button included.
        self.answered()

    @on(Button.Pressed, "#still-here")
    def still_here_pressed(self) -> None:
        self.answered()

    def answered(self) -> None:
        """Someone is here: close, once, however many ways they said so."""
        if self.is_active:
            self.dismiss(None)
