"""Spanish on every screen: the choice on the welcome screen, `--lang es`,
the screens' own words, and a kiosk that goes back to its first language."""

from __future__ import annotations

from textual.widgets import Button, Static

from pathfinder.tui.app import PathfinderApp
from pathfinder.tui.screens.welcome import WelcomeScreen
from pathfinder.tui.words import words_for

from .conftest import SIZE
from .helpers import choice_lines, choose, show_summary_for, start, texts_in

EN, ES = words_for("en"), words_for("es")


def button_labels(screen) -> list[str]:
    return [str(button.label) for button in screen.query("#actions Button")]


def footer_labels(screen) -> set[str]:
    return {b.binding.description for b in screen.active_bindings.values()
            if b.binding.show}


async def test_the_welcome_offers_spanish_and_switches_every_word(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert button_labels(app.screen) == [
            EN("welcome.start"), EN("welcome.learn"), "Español", EN("app.quit")]

        await pilot.press("e")
        welcome = app.screen
        assert isinstance(welcome, WelcomeScreen) and app.lang == "es"
        title = str(welcome.query_one("#title", Static).content)
        assert title == flow.title.get("es")
        assert button_labels(welcome) == [
            ES("welcome.start"), ES("welcome.learn"), "English", ES("app.quit")]
        assert footer_labels(welcome) == {
            ES("welcome.learn"), "English", ES("app.quit"), ES("app.contrast")}
        assert app.focused is welcome.query_one("#start", Button)

        screen = await start(pilot)
        assert screen.lang == "es"
        progress = str(screen.query_one("#progress", Static).content)
        assert progress == ES("question.progress", number=1,
                              total=flow.longest_path)
        plan = flow.question("plan")
        assert choice_lines(screen)[0] == f"▶ 1. {plan.choices[0].label.get('es')}"
        assert button_labels(screen) == [ES("question.back"),
                                         ES("question.start_over"),
                                         ES("question.summary_now")]


async def test_lang_es_starts_in_spanish_and_the_summary_speaks_it(flow, tmp_path):
    app = PathfinderApp(flow, "es", save_to=tmp_path / "resumen.txt")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert button_labels(app.screen)[2] == "English"

        screen = await show_summary_for(pilot, {"plan": "iep", "issue": "services"})
        advice = screen.outcome.advice
        shown = texts_in(screen)

    assert screen.outcome.lang == "es" and advice.lang == "es"
    assert ES("summary.title") in shown
    assert ES("summary.stopped_early") in shown
    assert advice.guidance.label("best_step", "es") in shown
    assert advice.guidance.path_name(advice.primary, "es") in shown


async def test_a_kiosk_forgets_the_language_with_the_answers(kiosk_app):
    app = kiosk_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        questions = await start(pilot)
        await choose(pilot, 1)
        assert questions.session.answers == {"plan": "iep"}

        # What the end of the "still there?" countdown does.
        await app.forget_everything()
        await pilot.pause()

        assert app.lang == "en"
        assert isinstance(app.screen, WelcomeScreen)
        assert button_labels(app.screen) == [
            EN("welcome.start"), EN("welcome.learn"), "Español"]
