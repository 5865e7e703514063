"""What a parent sees at 80x24, kept as SVG baselines in __snapshots__/.

After a deliberate change of the look, re-create the baselines with
`pytest tests/tui/test_snapshots.py --snapshot-update` and review the SVGs.
These tests are plain functions: snap_compare runs the app in its own loop.
"""

from __future__ import annotations

from pathfinder.tui.app import PathfinderApp

from .conftest import SIZE, kiosk_settings
from .helpers import show_summary_for

# An IEP plan not followed, meetings did not help, in Wisconsin.
PLAN_NOT_FOLLOWED = {"plan": "iep", "issue": "implementation",
                     "stage": "meetings_failed", "goal": "compliance",
                     "urgent": "no", "since": "under_6_months", "state": "WI"}


class TestWelcome:
    def test_welcome_with_start_focused(self, snap_compare, app):
        assert snap_compare(app, terminal_size=SIZE)

    def test_kiosk_welcome_in_high_contrast_without_quit(self, snap_compare, flow):
        kiosk = PathfinderApp(flow, settings=kiosk_settings())
        assert snap_compare(kiosk, terminal_size=SIZE)


class TestQuestion:
    def test_first_question(self, snap_compare, app):
        assert snap_compare(app, terminal_size=SIZE, press=["enter"])

    def test_back_shows_the_earlier_answer_and_why_we_ask(self, snap_compare, app):
        # A 504 plan, then the 504 wording of question 2, then Back and help.
        keys = ["enter", "2", "enter", "3", "enter", "escape", "question_mark"]
        assert snap_compare(app, terminal_size=SIZE, press=keys)

    def test_a_spanish_question(self, snap_compare, flow):
        # Spanish chosen on the welcome screen, then the first question.
        assert snap_compare(PathfinderApp(flow), terminal_size=SIZE,
                            press=["e", "enter"])


class TestSummary:
    def test_top_of_the_summary(self, snap_compare, app):
        async def open_the_summary(pilot):
            await show_summary_for(pilot, PLAN_NOT_FOLLOWED)

        assert snap_compare(app, terminal_size=SIZE, run_before=open_the_summary)

    def test_top_of_a_spanish_summary(self, snap_compare, flow):
        async def open_the_summary(pilot):
            await show_summary_for(pilot, PLAN_NOT_FOLLOWED)

        spanish = PathfinderApp(flow, "es")
        assert snap_compare(spanish, terminal_size=SIZE,
                            run_before=open_the_summary)
