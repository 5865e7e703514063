"""Small terminals and resizing: the screens reflow, and the way forward (Start,
then the choices) stays on screen; below the smallest usable size the app
asks for a larger window and loses nothing meanwhile."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from pathfinder.tui.app import MIN_SIZE
from pathfinder.tui.screens.confirm import ConfirmScreen
from pathfinder.tui.screens.too_small import TooSmallScreen

from .conftest import SIZE
from .helpers import choose, questionnaire, start


def shown_and_on_top(widget: Widget) -> bool:
    """The widget's first line is inside the window and nothing covers it."""
    app = widget.app
    region = widget.region
    inside = (0 <= region.x < app.size.width and 0 <= region.y < app.size.height
              and region.width > 0 and region.height > 0)
    return inside and app.screen.get_widget_at(region.x, region.y)[0] is widget


@pytest.mark.parametrize("size", [(60, 20), (40, 12)], ids=["60x20", "40x12"])
async def test_a_small_window_keeps_start_and_the_choices_in_view(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert shown_and_on_top(app.screen.query_one("#start"))

        screen = await start(pilot)
        assert shown_and_on_top(screen.query_one("#choices"))
        await choose(pilot, 2)
        assert screen.question.id == "issue_504"
        assert shown_and_on_top(screen.query_one("#choices"))


async def test_resizing_mid_question_keeps_the_answers_and_the_way_forward(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 1)

        await pilot.resize_terminal(40, 12)
        assert questionnaire(app) is screen
        assert screen.question.id == "issue"
        assert shown_and_on_top(screen.query_one("#choices"))

        await pilot.resize_terminal(MIN_SIZE.width - 1, MIN_SIZE.height - 2)
        assert isinstance(app.screen, TooSmallScreen)
        await choose(pilot, 3)  # lands on the request for a larger window
        assert screen.session.answers == {"plan": "iep"}

        await pilot.resize_terminal(*SIZE)
        assert questionnaire(app) is screen
        await choose(pilot, 3)
        assert screen.session.answers == {"plan": "iep", "issue": "services"}


async def test_ctrl_q_in_a_window_too_small_asks_before_the_answers_go(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 1, 3)
        await pilot.resize_terminal(40, 10)
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.press("ctrl+q")
        assert app.is_running
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, TooSmallScreen)
        assert screen.session.answers == {"plan": "iep", "issue": "services"}

        await pilot.press("ctrl+q", "y")
        assert not app.is_running


async def test_a_window_too_small_from_the_start_is_asked_to_grow(app):
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.resize_terminal(*MIN_SIZE)
        assert shown_and_on_top(app.screen.query_one("#start"))
