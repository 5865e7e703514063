"""The summary screen: its sections, saving it as a text file, starting over
and quitting."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from pathfinder.tui.app import PathfinderApp
from pathfinder.tui.saving import DEFAULT_FILE_NAME
from pathfinder.tui.screens.confirm import ConfirmScreen
from pathfinder.tui.screens.save import SaveScreen
from pathfinder.tui.words import words_for

from .conftest import SIZE
from .helpers import choose, questionnaire, show_summary_for, start, texts_in

EN = words_for("en")

# An IEP service cut in Wisconsin: every section of the summary has content.
WISCONSIN = {"plan": "iep", "issue": "services", "stage": "meetings_failed",
             "goal": "decision", "urgent": "no", "since": "6_to_12_months",
             "state": "WI"}


async def reach_summary(pilot, flow, facts=WISCONSIN):
    return await show_summary_for(pilot, facts)


def save_dialog(app) -> SaveScreen:
    assert isinstance(app.screen, SaveScreen), f"on {type(app.screen).__name__}"
    return app.screen


def save_problem(app) -> str:
    problem = save_dialog(app).query_one("#save-problem", Static)
    return str(problem.content) if problem.display else ""


async def retype(pilot, where: str) -> None:
    """Put a new name in the file name box, as pasting it would."""
    box = save_dialog(pilot.app).query_one("#save-path", Input)
    box.value = where
    await pilot.pause()


async def test_the_summary_shows_the_advice_in_titled_sections(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        screen = await reach_summary(pilot, flow)
        advice = screen.outcome.advice
        label = advice.guidance.label

        def section(key):
            return texts_in(screen.query_one(f"#section-{key}"))

        assert section("best_step") == [
            label("best_step"),
            advice.guidance.path_name(advice.primary),
            advice.guidance.content.paths[advice.primary].short.get("en"),
        ]
        assert section("why") == [label("why"), advice.why]
        # Numbered steps, each marker beside its step.
        steps = section("next_steps")
        assert steps[0] == label("next_steps")
        assert steps[1:3] == ["1.", advice.next_steps[0]]
        assert section("free_help")[1::2] == ["•"] * len(advice.free_help)
        assert section("free_help")[2::2] == advice.free_help
        assert section("disclaimer") == [label("disclaimer")]
        assert not screen.query("#stopped-early")


async def test_the_summary_scrolls(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        screen = await reach_summary(pilot, flow)
        body = screen.query_one("#summary-body")
        assert body.max_scroll_y > 0

        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y


async def test_save_asks_where_and_writes_the_summary_there(app, flow, save_to):
    async with app.run_test(size=SIZE) as pilot:
        screen = await reach_summary(pilot, flow)
        await pilot.press("s")

        box = save_dialog(app).query_one("#save-path", Input)
        assert box.value == str(save_to)

        await pilot.press("enter")
        assert app.screen is screen

    assert save_to.read_text(encoding="utf-8") == screen.outcome.summary_text


async def test_save_to_another_name_the_parent_types(app, flow, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        screen = await reach_summary(pilot, flow)
        await pilot.click("#save")
        await retype(pilot, str(tmp_path / "for-the-meeting.txt"))
        await pilot.click("#save-dialog #save")

    saved = tmp_path / "for-the-meeting.txt"
    assert saved.read_text(encoding="utf-8") == screen.outcome.summary_text


async def test_save_into_a_folder_uses_the_usual_file_name(app, flow, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await reach_summary(pilot, flow)
        await pilot.press("s")
        await retype(pilot, str(folder))
        await pilot.press("enter")

    assert (folder / DEFAULT_FILE_NAME).is_file()


async def test_save_to_a_missing_folder_explains_and_keeps_the_dialog(
    app, flow, tmp_path
):
    missing = tmp_path / "no-such-folder" / "summary.txt"
    async with app.run_test(size=SIZE) as pilot:
        await reach_summary(pilot, flow)
        await pilot.press("s")
        await retype(pilot, str(missing))
        await pilot.press("enter")

        assert save_problem(app) == (
            f"There is no folder named {missing.parent}. Check the name."
        )
        # What was typed is still there to fix.
        assert save_dialog(app).query_one("#save-path", Input).value == str(missing)

    assert not missing.parent.exists()


async def test_save_over_a_file_asks_before_replacing_it(app, flow, save_to):
    earlier_note = "a note the parent wrote earlier\n"
    save_to.write_text(earlier_note, encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await reach_summary(pilot, flow)
        await pilot.press("s", "enter")

        assert save_problem(app) == words_for("en")("save.already_there")
        assert save_to.read_text(encoding="utf-8") == earlier_note

        await pilot.press("enter")
        assert app.screen is screen

    assert save_to.read_text(encoding="utf-8") == screen.outcome.summary_text


async def test_cancel_saves_nothing(app, flow, save_to):
    async with app.run_test(size=SIZE) as pilot:
        screen = await reach_summary(pilot, flow)
        await pilot.press("s", "escape")
        assert app.screen is screen

    assert not save_to.exists()


async def test_start_over_from_the_summary_asks_the_first_question_again(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        shown = await reach_summary(pilot, flow)
        await pilot.press("r")
        # It asks first; Enter is on No and keeps the summary.
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert app.screen is shown and app.outcome is not None

        await pilot.press("r", "y")
        screen = questionnaire(app)
        assert screen.question.id == "plan"
        assert screen.session.answers == {}
        assert app.outcome is None


async def test_quit_from_the_summary_closes_the_app(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await reach_summary(pilot, flow)
        await pilot.press("q")
        assert not app.is_running

    assert app.return_code == 0


async def test_the_quit_button_closes_the_app(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await reach_summary(pilot, flow)
        await pilot.click("#quit")
        assert not app.is_running


async def test_ctrl_q_in_the_middle_of_the_questions_asks_first(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 1)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert EN("confirm.quit") in texts_in(app.screen)

        await pilot.press("enter")  # No has the focus.
        assert app.is_running and app.screen is screen
        assert screen.session.answers == {"plan": "iep"}

        await pilot.press("ctrl+q", "y")
        assert not app.is_running


async def test_ctrl_q_before_any_answer_quits_at_once(app):
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+q")
        assert not app.is_running


async def test_the_question_footer_shows_the_quit_key(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        shown = {binding.key_display: binding.description
                 for _, binding, _, _ in screen.active_bindings.values()
                 if binding.show}
        assert shown["Ctrl+Q"] == EN("app.quit")


@pytest.mark.parametrize("lang", ["en", "es"])
async def test_every_key_in_the_question_footer_fits_in_80_columns(flow, lang):
    app = PathfinderApp(flow, lang)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        keys = app.screen.query("FooterKey")
        assert "Ctrl+Q" in [key.key_display for key in keys]
        assert all(key.region.right <= SIZE[0] for key in keys)
