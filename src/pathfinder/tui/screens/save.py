"""A small dialog that asks where to save the summary, then saves it."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..saving import SaveProblem, save_summary, where_to_save

ASK = "Where should we save your summary? Change the name or folder if you like."
SHARED_COMPUTER = (
    "The file stays on this computer. On a shared computer, others may see it."
)
ALREADY_THERE = (
    "A file with this name is already there. Press Save again to replace it."
)


class SaveScreen(ModalScreen[Path | None]):
    """Asks for a file name; dismisses with the saved path, or None if cancelled.

    A problem (no such folder, no permission) is shown in the dialog, which
    stays open with what was typed, so nothing is lost.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", key_display="Esc")]

    def __init__(self, text: str, suggested: Path) -> None:
        super().__init__()
        self.text = text
        self.suggested = suggested
        self._replace_ok: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog"):
            yield Static("Save your summary", id="save-title")
            yield Static(ASK, markup=False)
            yield Input(str(self.suggested), id="save-path")
            yield Static(SHARED_COMPUTER, markup=False)
            yield Static(id="save-problem", markup=False)
            with Horizontal(id="save-actions"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

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
                raise SaveProblem(ALREADY_THERE)
            saved = save_summary(self.text, path)
        except SaveProblem as problem:
            self.say_problem(str(problem))
            return
        self.dismiss(saved)

    def say_problem(self, message: str) -> None:
        problem = self.query_one("#save-problem", Static)
        problem.update(message)
        problem.display = True

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
