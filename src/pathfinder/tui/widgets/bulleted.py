"""A line of text behind a marker (a bullet or a number), wrapped with a
hanging indent so each item reads as one block."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

BULLET = "•"


class Bulleted(Horizontal):
    """`marker` in a narrow column, `text` wrapping beside it."""

    def __init__(self, text: str, marker: str = BULLET) -> None:
        super().__init__(classes="item")
        self.text = text
        self.marker = marker

    def compose(self) -> ComposeResult:
        yield Static(self.marker, classes="marker", markup=False)
        yield Static(self.text, classes="item-text", markup=False)
