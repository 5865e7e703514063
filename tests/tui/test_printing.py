"""Printing the summary with the operator's command, and what the parent is
told when there is no printer or it fails."""

from __future__ import annotations

import pytest

from pathfinder.tui.app import PathfinderApp
from pathfinder.tui.printing import PrintProblem, print_text
from pathfinder.tui.settings import AppSettings
from pathfinder.tui.words import words_for

from .conftest import SIZE, kiosk_settings
from .helpers import show_summary_for, toasts, wait_for

EN = words_for("en")
FACTS = {"plan": "iep", "issue": "placement", "stage": "meetings_failed",
         "state": "CA"}


def printer_into(path) -> tuple[str, ...]:
    """A stand-in printer: a command that writes its standard input to `path`."""
    return ("sh", "-c", 'cat > "$1"', "printer", str(path))


async def test_print_sends_the_summary_to_the_command(flow, tmp_path):
    printed = tmp_path / "printed.txt"
    app = PathfinderApp(flow, settings=kiosk_settings(
        print_command=printer_into(printed)))

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await show_summary_for(pilot, FACTS)
        await pilot.press("p")
        await wait_for(pilot, lambda: toasts(app))

        assert toasts(app) == [f"{EN('print.sent_title')}\n{EN('print.sent')}"]

    assert printed.read_text(encoding="utf-8") == screen.outcome.summary_text


async def test_a_failing_printer_is_explained_to_the_parent_and_staff(flow):
    broken = ("sh", "-c", "echo 'out of paper' >&2; exit 3")
    app = PathfinderApp(flow, settings=kiosk_settings(print_command=broken))

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await show_summary_for(pilot, FACTS)
        await pilot.click("#print")
        await wait_for(pilot, lambda: toasts(app))

        [shown] = toasts(app)
    staff = EN("print.for_staff", detail="sh stopped with status 3: out of paper")
    assert shown == f"{EN('print.problem_title')}\n{EN('print.failed')}\n{staff}"


async def test_a_kiosk_without_a_printer_says_so(kiosk_app):
    async with kiosk_app.run_test(size=SIZE, notifications=True) as pilot:
        await show_summary_for(pilot, FACTS)
        await pilot.press("p")
        await wait_for(pilot, lambda: toasts(kiosk_app))

        assert toasts(kiosk_app) == [
            f"{EN('print.problem_title')}\n{EN('print.not_set_up')}"]


async def test_without_a_printer_a_home_computer_offers_no_print(flow, tmp_path):
    app = PathfinderApp(flow, save_to=tmp_path / "s.txt", settings=AppSettings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await show_summary_for(pilot, FACTS)
        assert not screen.query("#print")
        assert "p" not in screen.active_bindings


async def test_a_print_command_that_does_not_exist_is_named(tmp_path):
    missing = str(tmp_path / "no-such-lp")
    with pytest.raises(PrintProblem) as problem:
        await print_text("summary", [missing])
    assert problem.value.detail.startswith(f"{missing} could not be started: ")
    assert not problem.value.not_set_up


async def test_a_printer_that_hangs_is_given_up_on():
    with pytest.raises(PrintProblem, match="did not finish within 0.1 seconds"):
        await print_text("summary", ["sleep", "5"], timeout=0.1)
