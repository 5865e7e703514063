"""A QR code drawn with text characters, and the largest one a window can show.

Each character cell is about twice as tall as it is wide, so one cell holds
two modules (the code's squares) stacked: ▀ the upper dark, ▄ the lower,
█ both, a space neither. That keeps the modules square and the code half
as tall as a plain grid of characters would make it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import segno

# Phone cameras need a light margin around the code; 2 modules is less than
# the standard's 4 but reads well on a screen and saves 2 lines.
QUIET_ZONE = 2
# Denser codes than this are hard for a phone camera to read off a screen.
MAX_READABLE_VERSION = 25

_CELL = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}


@dataclass(frozen=True)
class DrawnCode:
    """A text's QR code and the lines of characters that draw it."""

    text: str
    code: segno.QRCode
    lines: tuple[str, ...]

    @property
    def modules(self) -> int:
        """Modules per side, quiet zone included."""
        return self.code.symbol_size(border=QUIET_ZONE)[0]

    @property
    def width(self) -> int:
        return self.modules

    @property
    def height(self) -> int:
        return len(self.lines)


# Resizing the window fits the same few texts again; a long one takes a while.
@lru_cache(maxsize=16)
def draw_code(text: str) -> DrawnCode | None:
    """The code for `text`, or None if it needs a denser code than is readable."""
    try:
        code = segno.make(text, error="l", micro=False, encoding="utf-8")
    except segno.DataOverflowError:
        return None
    if code.version > MAX_READABLE_VERSION:
        return None
    return DrawnCode(text, code, tuple(half_block_lines(code)))


def half_block_lines(code: segno.QRCode) -> list[str]:
    """The code as lines of half-block characters, dark modules as ink."""
    rows = [tuple(row) for row in code.matrix_iter(border=QUIET_ZONE)]
    if len(rows) % 2:
        rows.append((0,) * len(rows[0]))
    return [
        "".join(_CELL[(top, bottom)] for top, bottom in zip(upper, lower))
        for upper, lower in zip(rows[::2], rows[1::2])
    ]


def largest_that_fits(texts: Sequence[str], width: int,
                      height: int) -> tuple[int, DrawnCode] | None:
    """The first of `texts` (longest first) whose code fits in width x height
    character cells, with its index; None if not even the last one fits."""
    for index, text in enumerate(texts):
        drawn = draw_code(text)
        if drawn is not None and drawn.width <= width and drawn.height <= height:
            return index, drawn
    return None
