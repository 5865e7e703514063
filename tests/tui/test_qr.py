"""The summary as a QR code: drawn two modules to a character, exactly the
code segno made, as much summary as the window can show readably."""

from __future__ import annotations

import segno
from rich.color import Color
from textual.geometry import Region
from textual.widgets import Static

from pathfinder.tui.qr import (
    MAX_READABLE_VERSION,
    QUIET_ZONE,
    draw_code,
    half_block_lines,
    largest_that_fits,
)
from pathfinder.tui.screens.qr import QrScreen
from pathfinder.tui.widgets.qr_code import QrCode
from pathfinder.tui.words import words_for

from .conftest import SIZE
from .helpers import show_summary_for

EN = words_for("en")
FACTS = {"plan": "504", "issue": "discrimination", "stage": "starting",
         "state": "TX"}
# Which two modules (upper, lower) each character shows.
MODULES = {" ": (0, 0), "▀": (1, 0), "▄": (0, 1), "█": (1, 1)}


def modules_of(lines: list[str]) -> list[tuple[int, ...]]:
    """Read drawn lines back into rows of modules (1 = dark)."""
    rows = []
    for line in lines:
        pairs = [MODULES[char] for char in line]
        rows.append(tuple(upper for upper, _ in pairs))
        rows.append(tuple(lower for _, lower in pairs))
    return rows


def matrix_of(code: segno.QRCode) -> list[tuple[int, ...]]:
    return [tuple(row) for row in code.matrix_iter(border=QUIET_ZONE)]


def test_half_blocks_hold_every_module_of_the_code():
    code = segno.make("Best next step: Mediation.", error="l", micro=False)
    lines = half_block_lines(code)
    size = code.symbol_size(border=QUIET_ZONE)[0]

    assert len(lines) == (size + 1) // 2
    assert {len(line) for line in lines} == {size}
    # An odd number of rows: the last line's lower half is light margin.
    assert modules_of(lines)[:size] == matrix_of(code)
    assert modules_of(lines)[size:] == [(0,) * size] * (len(lines) * 2 - size)


def test_the_longest_text_that_fits_is_chosen():
    texts = ["a long text " * 20, "a short one"]
    long_code, short_code = draw_code(texts[0]), draw_code(texts[1])

    assert largest_that_fits(texts, 200, 200) == (0, long_code)
    room = (long_code.width - 1, long_code.height)
    assert largest_that_fits(texts, *room) == (1, short_code)
    assert largest_that_fits(texts, short_code.width, short_code.height - 1) is None


def test_a_code_too_dense_to_read_is_not_drawn():
    assert draw_code("x" * 3000) is None
    drawn = draw_code("x" * 1000)
    assert drawn is not None and drawn.code.version <= MAX_READABLE_VERSION


async def open_code(pilot):
    await show_summary_for(pilot, FACTS)
    await pilot.press("c")
    screen = pilot.app.screen
    assert isinstance(screen, QrScreen)
    return screen


async def test_the_screen_draws_the_code_segno_made_for_the_summary(kiosk_app):
    # A kiosk's high-contrast theme must not change the code's colours.
    async with kiosk_app.run_test(size=SIZE) as pilot:
        screen = await open_code(pilot)
        outcome = kiosk_app.outcome
        widget = screen.query_one(QrCode)
        drawn = widget.drawn
        drawn_size = widget.size
        strips = widget.render_lines(Region(0, 0, *drawn_size))

    # At 80x24 the best next step and free help fit beside the explanation.
    assert drawn.text == outcome.step_text()
    code = segno.make(drawn.text, error="l", micro=False, encoding="utf-8")
    modules = code.symbol_size(border=QUIET_ZONE)[0]
    assert drawn_size == (modules, (modules + 1) // 2)
    lines = [strip.text for strip in strips]
    assert modules_of(lines)[:modules] == matrix_of(code)

    colours = {(seg.style.color, seg.style.bgcolor) for strip in strips
               for seg in strip if seg.text.strip(" ▀▄█") == ""}
    assert colours == {(Color.parse("#000000"), Color.parse("#ffffff"))}


async def test_a_larger_window_holds_more_of_the_summary(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_code(pilot)
        assert screen.drawn.text == app.outcome.step_text()
        about = [str(s.content) for s in screen.query("#qr-about Static")]
        assert about[:2] == [EN("qr.title"), EN("qr.step_and_help")]

        await pilot.resize_terminal(120, 50)
        await pilot.pause()
        assert screen.drawn.text == app.outcome.short_text
        assert screen.query_one(QrCode).drawn is screen.drawn

        await pilot.resize_terminal(50, 16)
        await pilot.pause()
        assert screen.drawn is None
        message = screen.query_one("#qr-too-small", Static)
        assert str(message.content) == EN("qr.too_small")

        await pilot.press("escape")
        assert app.screen is not screen
