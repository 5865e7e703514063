"""The kiosk: it clears itself when nobody is there, offers no way out
without the staff PIN, and writes nothing to disk."""

from __future__ import annotations

import subprocess
import sys

from textual.screen import Screen
from textual.widgets import Input, Static

from pathfinder.tui.app import PathfinderApp
from pathfinder.tui.contrast import HIGH_CONTRAST, LARGE_CLASS
from pathfinder.tui.screens.operator_exit import OperatorExitScreen
from pathfinder.tui.screens.question import QuestionnaireScreen
from pathfinder.tui.screens.still_there import StillThereScreen
from pathfinder.tui.screens.welcome import WelcomeScreen
from pathfinder.tui.words import words_for

from .conftest import PIN, SIZE, kiosk_settings
from .helpers import show_summary_for, start, toasts, type_text, wait_for

EN = words_for("en")
ESCAPE_KEYS = ["ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+p", "q"]
STAFF_KEYS = ["ctrl+o", "ctrl+o", "ctrl+o"]


def asking_if_still_there(app) -> bool:
    return isinstance(app.screen, StillThereScreen)


async def open_questions(pilot) -> QuestionnaireScreen:
    """Start, and find the questions wherever they are in the screen stack:
    with an idle time this short, "still there?" may already be on top."""

    def questions() -> list[QuestionnaireScreen]:
        return [s for s in pilot.app.screen_stack
                if isinstance(s, QuestionnaireScreen)]

    def ready_to_start() -> bool:
        focused = pilot.app.focused
        return focused is not None and focused.id == "start"

    await wait_for(pilot, ready_to_start)
    await pilot.press("enter")
    await wait_for(pilot, questions)
    [screen] = questions()
    return screen


async def test_nobody_there_means_a_countdown_then_every_answer_is_gone(flow):
    app = PathfinderApp(flow, settings=kiosk_settings(idle_seconds=0.3,
                                                      countdown_seconds=0.3))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_questions(pilot)
        screen.machine.answer(screen.session, "iep")
        screen.machine.answer(screen.session, "services")

        await wait_for(pilot, lambda: asking_if_still_there(app))
        dialog = app.screen
        assert str(dialog.query_one("#still-there-title", Static).content) == (
            EN("idle.title"))
        countdown = str(dialog.query_one("#countdown", Static).content)
        assert countdown == EN("idle.countdown_last")

        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert [type(s) for s in app.screen_stack] == [Screen, WelcomeScreen]
        assert app.outcome is None

        fresh = await open_questions(pilot)
        assert fresh is not screen
        assert fresh.question.id == "plan"
        assert fresh.session.answers == {}


async def test_a_key_or_a_click_says_still_here_and_does_nothing_else(flow):
    app = PathfinderApp(flow, settings=kiosk_settings(idle_seconds=0.3,
                                                      countdown_seconds=60))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_questions(pilot)
        screen.machine.answer(screen.session, "iep")
        screen.show_question()

        await wait_for(pilot, lambda: asking_if_still_there(app))
        dialog = app.screen
        countdown = str(dialog.query_one("#countdown", Static).content)
        assert countdown == EN("idle.countdown", seconds=60)

        # "2" would answer the question below; here it only closes the dialog.
        await pilot.press("2")
        assert dialog not in app.screen_stack
        assert screen.question.id == "issue"
        assert screen.session.answers == {"plan": "iep"}

        await wait_for(pilot, lambda: asking_if_still_there(app))
        dialog = app.screen
        await pilot.click("#still-here")
        assert dialog not in app.screen_stack
        assert screen.session.answers == {"plan": "iep"}


async def test_keys_that_quit_or_suspend_do_nothing_visible(kiosk_app, flow):
    app = kiosk_app
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for reach in ("welcome", "question", "summary"):
            if reach == "question":
                await start(pilot)
            elif reach == "summary":
                await show_summary_for(pilot, {"plan": "iep"})
            before = app.screen

            await pilot.press(*ESCAPE_KEYS)

            assert app.is_running, f"quit from the {reach} screen"
            assert app.screen is before
            assert toasts(app) == [], f"a message on the {reach} screen"


async def test_there_is_no_quit_or_save_to_press(kiosk_app):
    app = kiosk_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query("#quit")
        assert "q" not in app.screen.active_bindings

        screen = await show_summary_for(pilot, {"plan": "iep"})
        assert not screen.query("#quit") and not screen.query("#save")
        assert "q" not in screen.active_bindings
        assert "s" not in screen.active_bindings
        assert "ctrl+q" not in screen.active_bindings


async def test_staff_close_it_with_the_key_sequence_and_the_pin(kiosk_app):
    app = kiosk_app
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press(*STAFF_KEYS)
        assert isinstance(app.screen, OperatorExitScreen)

        await type_text(pilot, "1357")
        await pilot.press("enter")
        assert app.is_running
        dialog = app.screen
        problem = dialog.query_one("#pin-problem", Static)
        assert problem.display and str(problem.content) == EN("operator.wrong")
        assert dialog.query_one("#pin", Input).value == ""

        await type_text(pilot, PIN)
        await pilot.press("enter")
        assert not app.is_running

    assert app.return_code == 0


async def test_the_pin_dialog_closes_after_three_wrong_pins_or_escape(kiosk_app):
    app = kiosk_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*STAFF_KEYS, "escape")
        assert isinstance(app.screen, WelcomeScreen)

        await pilot.press(*STAFF_KEYS)
        for _ in range(3):
            await pilot.press("0", "enter")
        assert isinstance(app.screen, WelcomeScreen)
        assert app.is_running


async def test_nothing_is_written_to_disk(flow, tmp_path, monkeypatch):
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    app = PathfinderApp(flow, settings=kiosk_settings())
    facts = {"plan": "504", "issue": "discrimination", "stage": "starting",
             "goal": "agreement", "urgent": "no", "since": "under_6_months",
             "state": "OH"}

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e", "e")  # Spanish and back: nothing kept of either
        screen = await show_summary_for(pilot, facts)
        # Every offer on the summary, and the keys that save elsewhere.
        await pilot.press("s", "ctrl+s", "c", "escape", "p", "l", "escape", "f2")
        await wait_for(pilot, lambda: toasts(app))
        assert app.screen is screen
        # Textual's screenshot, however it is asked for.
        assert not await app.run_action("screenshot")
        app.save_screenshot(path=str(work))
        await pilot.press(*STAFF_KEYS)
        await type_text(pilot, PIN)
        await pilot.press("enter")

    assert list(home.iterdir()) == []
    assert list(work.iterdir()) == []


def high_contrast(app) -> bool:
    return app.theme == HIGH_CONTRAST.name and app.has_class(LARGE_CLASS)


async def test_a_kiosk_starts_in_high_contrast(kiosk_app):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert high_contrast(kiosk_app)


async def test_f2_switches_high_contrast_on_and_off_anywhere(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        usual = app.theme
        for where in ("welcome", "question", "summary"):
            if where == "question":
                await start(pilot)
            elif where == "summary":
                await show_summary_for(pilot, {"plan": "iep"})

            await pilot.press("f2")
            assert high_contrast(app), f"F2 on the {where} screen"

            await pilot.press("f2")
            assert app.theme == usual and not app.has_class(LARGE_CLASS)


SHIELDED_PROCESS = """
import os, signal
from pathfinder.tui.launch import shield_kiosk_process
os.environ["TEXTUAL_ALLOW_SIGNALS"] = "1"
shield_kiosk_process()
assert "TEXTUAL_ALLOW_SIGNALS" not in os.environ
os.kill(os.getpid(), signal.SIGINT)
os.kill(os.getpid(), signal.SIGQUIT)
print("still running")
"""


def test_a_kiosk_process_is_not_stopped_by_the_keyboard_signals():
    """Run in a process of its own: it changes how signals are handled."""
    done = subprocess.run([sys.executable, "-c", SHIELDED_PROCESS],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "still running\n"), done.stderr
