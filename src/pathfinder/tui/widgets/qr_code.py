"""A QR code on screen, drawn in half-block characters."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from ..qr import DrawnCode

# Fixed colours, not theme variables: a phone reads dark modules on a light
# ground, whatever theme the rest of the screen uses.
INK = Style(color="#000000", bgcolor="#ffffff")


class QrCode(Static):
    """Exactly as wide and as tall as the drawn code; nothing wraps or crops."""

    DEFAULT_CSS = """
    QrCode {
        width: auto;
        height: auto;
        padding: 0;
    }
    """

    def __init__(self, drawn: DrawnCode, *, id: str | None = None) -> None:
        super().__init__(Text("\n".join(drawn.lines), style=INK, no_wrap=True),
                         id=id)
        self.drawn = drawn
