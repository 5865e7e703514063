"""A small dialog that asks where to save the summary, then saves it."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..keys import translate_bindings
from ..saving import SaveProblem, save_summary, where_to_save
from ..words import words_for


class SaveScreen(ModalScreen[Path | None]):
    """Asks for a file name; dismisses with the saved path, or None if cancelled.

    A problem (no such folder, no permission) is shown in the dialog, which
    stays open with what was typed, so nothing is lost.
    """

    BINDINGS = [Binding("escape", "cancel", "save.cancel", key_display="Esc")]

    def __init__(self, text: str, suggested: Path, lang: str = "en") -> None:
        super().__init__()
        self.text = text
        self.suggested = suggested
        self.words = words_for(lang)
        self._replace_ok: Path | None = None
        translate_bindings(self, self.words)

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="save-dialog"):
            yield Static(words("save.title"), id="save-title", markup=False)
            yield Static(words("save.ask"), markup=False)
            yield Input(str(self.suggested), id="save-path")
            yield Static(words("save.shared_computer"), markup=False)
            yield Static(id="save-problem", markup=False)
            with Horizontal(id="save-actions"):
                yield Button(words("save.save"), id="save", variant="primary",
                             compact=True)
                yield Button(words("save.cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save-problem").display = False
        self.query_one("#save-path", Input).focus()

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        typed = self.query_one("#save-path", Input).value
        try:
            path = where_to_save(typed)
            if path.exists() and path != self._replace_ok:
                self._replace_ok = path
                raise SaveProblem("save.already_there")
            saved = save_summary(self.text, path)
        except SaveProblem as problem:
            self.say_problem(problem.explained(self.words))
            return
        self.dismiss(saved)

    def say_problem(self, message: str) -> None:
        problem = self.query_one("#save-problem", Static)
        problem.update(message)
        problem.display = True

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
