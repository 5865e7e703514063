"""A yes-or-no question before something that cannot be undone, such as
clearing the answers. No is the safe answer: it has the focus, so Enter,
Esc and N all keep things as they are; only Yes (its key, or a click) goes on."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..words import words_for


class ConfirmScreen(ModalScreen[bool]):
    """Asks `question`; dismisses with True for Yes and False for No."""

    AUTO_FOCUS = "#no"
    # Its own look, so that it looks the same inside any app.
    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    #confirm-dialog {
        width: 60;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        padding: 1 2;
        background: $surface;
    }
    #confirm-question {
        text-style: bold;
    }
    #confirm-keys {
        margin-top: 1;
    }
    #confirm-actions {
        height: 1;
        margin-top: 1;
    }
    #confirm-actions Button {
        margin-right: 2;
        min-width: 0;
    }
    """

    def __init__(self, question: str, lang: str = "en") -> None:
        super().__init__()
        self.question = question
        self.words = words_for(lang)
        # The key for Yes follows the language (y, or s for "sí").
        self.yes_key = self.words("confirm.yes_key").lower()

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            yield Static(words("confirm.keys"), id="confirm-keys", markup=False)
            with Horizontal(id="confirm-actions"):
                yield Button(words("confirm.no"), id="no", variant="primary",
                             compact=True)
                yield Button(words("confirm.yes"), id="yes", compact=True)

    def on_key(self, event: events.Key) -> None:
        key = (event.character or "").lower()
        if key == self.yes_key:
            event.stop()
            self.dismiss(True)
        elif key == "n" or event.key == "escape":
            event.stop()
            self.dismiss(False)

    @on(Button.Pressed)
    def answer_from_button(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
