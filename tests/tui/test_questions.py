"""Answering questions in the app: keys, arrows, the mouse, Back, Start over,
the "why we ask" help, the state code, and the summary on request."""

from __future__ import annotations

from textual.widgets import Button, Input, Static

from pathfinder.machine.replay import Step
from pathfinder.tui.screens.confirm import ConfirmScreen
from pathfinder.tui.words import words_for

from .conftest import SIZE
from .helpers import (
    choice_lines,
    choose,
    press_fast,
    problem_text,
    texts_in,
    toasts,
    wait_for,
    questionnaire,
    shown_summary,
    skip_ahead,
    start,
    summary,
    type_text,
)


EN = words_for("en")


def progress(screen) -> str:
    return str(screen.query_one("#progress", Static).content)


def question_text(screen) -> str:
    return str(screen.query_one("#question-text", Static).content)


async def test_the_first_question_shows_its_choices_and_where_you_are(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)

        assert question_text(screen) == "Which plan does your child have?"
        assert progress(screen) == f"Question 1 of about {flow.longest_path}"
        assert choice_lines(screen) == [
            "▶ 1. An IEP (a special education plan)",
            "  2. A 504 plan",
            "  3. No plan yet (being tested, turned down, or found not eligible)",
            "  4. I am not sure",
        ]


def hint_text(screen) -> str:
    return str(screen.query_one("#how-to-answer", Static).content)


async def test_a_number_key_marks_its_choice_and_enter_answers(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert hint_text(screen) == EN("question.choice_hint", count=4)
        await pilot.press("2")

        assert screen.question.id == "plan"
        assert screen.session.answers == {}
        assert choice_lines(screen)[1].startswith("▶ 2.")
        assert hint_text(screen) == EN("question.choice_marked", number=2)

        await pilot.press("enter")
        assert screen.session.answers == {"plan": "504"}
        assert screen.question.id == "issue_504"
        assert progress(screen).startswith("Question 2 of about ")


async def test_a_number_then_enter_answers_one_question_not_two(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        # As fast as a parent's fingers: both keys wait in line together.
        await press_fast(pilot, "1", "enter")

        assert screen.session.answers == {"plan": "iep"}
        assert screen.question.id == "issue"
        assert progress(screen).startswith("Question 2 of about ")


async def test_the_same_number_twice_answers_and_marks_nothing_on_the_next(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await press_fast(pilot, "3", "3")
        assert screen.session.answers == {"plan": "none"}

        # One press on the new question only marks; it never answers.
        await press_fast(pilot, "2")
        assert screen.question.id == "issue_no_plan"
        assert screen.session.answers == {"plan": "none"}


async def test_another_number_or_the_arrows_change_the_mark_without_answering(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("2", "4")
        assert screen.session.answers == {}
        assert choice_lines(screen)[3].startswith("▶ 4.")
        assert hint_text(screen) == EN("question.choice_marked", number=4)

        await pilot.press("up")
        assert hint_text(screen) == EN("question.choice_hint", count=4)
        # 4 again after the arrows moved off it: marks it again, no answer.
        await pilot.press("4")
        assert screen.session.answers == {}
        await pilot.press("4")
        assert screen.session.answers == {"plan": "unsure"}


async def test_the_arrows_move_the_marked_choice_and_enter_picks_it(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("down", "down")

        # The cursor is a ▶ in front of the choice, not only a colour.
        assert choice_lines(screen)[2].startswith("▶ 3.")
        assert choice_lines(screen)[0].startswith("  1.")

        await pilot.press("enter")
        assert screen.session.answers == {"plan": "none"}
        assert screen.question.id == "issue_no_plan"


async def test_clicking_a_choice_picks_it(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        # The second line of the list is choice 2.
        await pilot.click("#choices", offset=(6, 1))

        assert screen.session.answers == {"plan": "504"}


async def test_a_number_with_no_choice_says_so_and_changes_nothing(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("7")

        assert screen.question.id == "plan"
        assert screen.session.answers == {}
        assert problem_text(screen) == "There is no choice 7. Pick 1 to 4."


async def test_back_returns_to_the_question_asked_before_with_its_answer_marked(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        # A 504 plan leads to the 504 wording of the second question.
        await choose(pilot, 2, 3)
        assert screen.question.id == "urgent"

        await pilot.press("escape")

        assert screen.question.id == "issue_504"
        assert question_text(screen) == (
            "What is the disagreement over the 504 plan mostly about?"
        )
        assert progress(screen).startswith("Question 2 of about ")
        lines = choice_lines(screen)
        assert lines[2] == (
            "▶ 3. The supports (accommodations) in the plan  ✓ your answer"
        )
        assert [line for line in lines if "your answer" in line] == [lines[2]]


async def test_back_twice_reaches_the_first_answer_and_a_new_answer_replaces_it(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 2, 3)
        await pilot.press("escape", "escape")

        assert screen.question.id == "plan"
        assert choice_lines(screen)[1] == "▶ 2. A 504 plan  ✓ your answer"

        await choose(pilot, 1)
        assert screen.question.id == "issue"
        # The 504 branch's answer is gone: it is no longer on the path.
        assert screen.session.answers == {"plan": "iep"}


async def test_back_on_the_first_question_says_there_is_nothing_before(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("escape")

        assert screen.question.id == "plan"
        assert problem_text(screen) == EN("question.first_question")


async def test_the_back_button_works_like_the_key(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 1)
        await pilot.click("#back")

        assert screen.question.id == "plan"


async def test_start_over_clears_every_answer(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 1, 3)
        await pilot.press("ctrl+r", "y")

        assert screen.question.id == "plan"
        assert screen.session.answers == {}
        assert progress(screen).startswith("Question 1 of about ")
        assert not any("your answer" in line for line in choice_lines(screen))
        assert screen.query_one("#summary-now", Button).disabled


async def test_start_over_asks_first_and_no_is_the_default(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 1, 3)
        answers = dict(screen.session.answers)
        await pilot.press("ctrl+r")

        assert isinstance(app.screen, ConfirmScreen)
        assert EN("confirm.start_over") in texts_in(app.screen)
        # Enter on the focused No, N and Esc all keep the answers.
        for no in ("enter", "n", "escape"):
            await pilot.press(no)
            assert app.screen is screen
            assert screen.session.answers == answers
            await pilot.press("ctrl+r")
        await pilot.click("#yes")
        assert app.screen is screen
        assert screen.session.answers == {}


async def test_start_over_with_no_answers_does_not_ask(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+r")
        assert app.screen is screen


async def test_start_over_with_nothing_to_clear_says_nothing_however_often(app):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await start(pilot)
        await press_fast(pilot, *["ctrl+r"] * 10)

        assert app.screen is screen
        assert toasts(app) == []
        assert EN("question.started_over") not in drawn(app)


async def test_f2_pressed_quickly_shows_one_contrast_message(app):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await press_fast(pilot, *["f2"] * 6)

        # Six presses: back to the usual look, and only the latest message.
        assert toasts(app) == [EN("app.contrast_off")]
        assert drawn(app).count("High contrast") == 1


def drawn(app) -> str:
    """The text on the screen, as a screenshot has it."""
    return app.export_screenshot().replace("&#160;", " ")


async def test_start_over_pressed_often_shows_one_message_that_goes_away(app):
    app.NOTIFICATION_TIMEOUT = 0.3  # Not 5 seconds: the test would wait.
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        for _ in range(3):
            await choose(pilot, 1)
            await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert toasts(app) == [f"{EN('question.started_over_title')}\n"
                               f"{EN('question.started_over')}"]
        assert drawn(app).count(EN("question.started_over_title")) == 1

        await wait_for(pilot, lambda: not toasts(app))
        await pilot.pause()
        assert EN("question.started_over_title") not in drawn(app)


async def test_a_bad_state_code_shows_one_hint(app):
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await skip_ahead(pilot, reach_the_state_question())
        hint = screen.query_one("#how-to-answer", Static)
        assert hint.display
        await type_text(pilot, "ZZ")
        await pilot.press("enter")

        assert problem_text(screen).startswith(EN("question.unknown_code", code="ZZ"))
        assert not hint.display


async def test_the_help_key_shows_and_hides_why_we_ask(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        why = screen.query_one("#why", Static)
        assert not why.display

        await pilot.press("question_mark")
        assert why.display
        assert str(why.content) == f"Why we ask: {flow.question('plan').help}"

        await pilot.press("question_mark")
        assert not why.display


def reach_the_state_question() -> list[Step]:
    """Answers that lead to the last question, the state code."""
    answers = [("plan", "iep"), ("issue", "services"), ("urgent", "no"),
               ("stage", "starting"), ("goal", "agreement"),
               ("since", "under_6_months")]
    return [Step(question, answer) for question, answer in answers]


async def test_the_help_key_works_while_typing_a_state_code(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await skip_ahead(pilot, reach_the_state_question())
        await pilot.press("question_mark")

        why = screen.query_one("#why", Static)
        assert why.display
        assert str(why.content) == f"Why we ask: {flow.question('state').help}"
        assert screen.query_one("#code", Input).value == ""


async def test_a_bad_state_code_gets_a_clear_message_and_loses_nothing(app):
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await skip_ahead(pilot, reach_the_state_question())
        answers_before = dict(screen.session.answers)

        await type_text(pilot, "zz")
        await pilot.press("enter")

        assert screen.question.id == "state"
        assert screen.session.answers == answers_before
        assert problem_text(screen) == (
            "ZZ is not a U.S. state code. Type 2 letters, like NC for North"
            " Carolina or TX for Texas. Or choose Skip."
        )

        # The parent fixes it; lower case is fine.
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "nc")
        await pilot.press("enter")

        assert summary(app).outcome.facts["state"] == "NC"


async def test_an_empty_state_code_asks_for_two_letters(app):
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await skip_ahead(pilot, reach_the_state_question())
        await pilot.press("enter")

        assert screen.question.id == "state"
        # The state may be skipped, so the message says how.
        assert problem_text(screen) == (
            f"{EN('question.empty_code')} {EN('question.skip_tip')}"
        )


async def test_the_state_box_takes_only_two_letters(app):
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = await skip_ahead(pilot, reach_the_state_question())
        await type_text(pilot, "n1c;x")

        assert screen.query_one("#code", Input).value == "nc"


async def test_skipping_the_state_ends_without_a_state(app):
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await skip_ahead(pilot, reach_the_state_question())
        await pilot.click("#skip")

        outcome = summary(app).outcome
        assert outcome.complete
        assert "state" not in outcome.facts


async def test_summary_now_waits_for_a_first_answer(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert screen.query_one("#summary-now", Button).disabled

        await pilot.press("ctrl+s")
        assert questionnaire(app) is screen
        assert problem_text(screen).startswith("Answer at least one question first.")


async def test_summary_now_gives_advice_from_the_answers_so_far(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await choose(pilot, 2, 5)
        assert not screen.query_one("#summary-now", Button).disabled

        await pilot.click("#summary-now")
        shown_screen = summary(app)
        outcome = shown_screen.outcome
        shown = shown_summary(shown_screen)

    assert outcome.facts == {"plan": "504", "issue": "implementation"}
    assert not outcome.complete
    assert "before the last question" in shown
    # What the engine assumed for the questions not reached is on screen.
    assert outcome.advice.assumed
    for assumption in outcome.advice.assumed:
        assert assumption in shown
