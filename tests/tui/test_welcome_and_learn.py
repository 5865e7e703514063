"""The welcome screen, and the plain-language pages about each option."""

from __future__ import annotations

from textual.widgets import Button, Static

from pathfinder.machine.render import faq, render_path_page
from pathfinder.tui.outcome import guidance_for
from pathfinder.tui.screens.learn import FaqPage, LearnScreen, PathPage
from pathfinder.tui.screens.welcome import WelcomeScreen

from .conftest import SIZE
from .helpers import show_summary_for, texts_in


def page_texts(app) -> list[str]:
    return texts_in(app.screen.query_one("#page-body"))


async def test_the_welcome_says_what_this_is_how_long_and_that_it_is_private(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        shown = " ".join(texts_in(screen))

        assert "IEP or a 504 plan" in shown
        assert "about 2 minutes" in shown
        assert "nothing you answer is sent anywhere" in shown
        assert "nothing is kept after you leave" in shown
        assert "summary" in shown
        assert "not legal advice" in shown


async def test_start_has_the_focus_on_the_welcome(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Button)
        assert app.focused.id == "start"
        assert str(app.focused.label) == "Start"


async def test_quit_on_the_welcome_closes_the_app(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        assert not app.is_running


async def test_learn_lists_every_option_then_the_common_questions(app, flow):
    guidance = guidance_for(flow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LearnScreen)

        topics = app.screen.query_one("#topics")
        lines = [str(option.prompt) for option in topics.options]

    names = [info.name.get("en") for info in guidance.content.paths.values()]
    assert len(lines) == len(names) + 1
    assert lines[0] == f"▶ 1. {names[0]}"
    assert lines[-1].endswith("Questions parents often ask")


async def test_a_topic_opens_its_page_and_back_returns_to_the_list(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "down", "down", "enter")

        assert isinstance(app.screen, PathPage)
        page = render_path_page("mediation", "en", guidance_for(flow))
        title, *paragraphs = page.strip().split("\n\n")
        assert str(app.screen.query_one("#title", Static).content) == title
        assert page_texts(app) == paragraphs

        await pilot.press("escape")
        assert isinstance(app.screen, LearnScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WelcomeScreen)


async def test_the_common_questions_page_shows_each_question_and_answer(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "end", "enter")

        assert isinstance(app.screen, FaqPage)
        expected = [text for entry in faq("en", guidance_for(flow)) for text in entry]
        assert page_texts(app) == expected


async def test_learn_opens_from_the_summary_and_returns_to_it(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await show_summary_for(pilot, {"plan": "iep"})
        await pilot.press("l")
        assert isinstance(app.screen, LearnScreen)

        await pilot.press("escape")
        assert app.screen is screen


async def test_a_number_key_opens_that_topic(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "4")

        assert isinstance(app.screen, PathPage)
        guidance = guidance_for(flow)
        fourth_path = list(guidance.content.paths)[3]
        name = guidance.path_name(fourth_path)
        assert str(app.screen.query_one("#title", Static).content) == name


async def test_every_topic_opens_with_the_key_shown_in_front_of_it(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        learn = app.screen
        lines = [str(option.prompt) for option in learn.query_one("#topics").options]
        assert len(lines) > 9  # Some topics are past 9: they need letters.
        titles = []
        for line in lines:
            key = line[2:].split(".", 1)[0].strip()
            assert len(key) == 1, line  # One key press each.
            await pilot.press(key)
            assert app.screen is not learn, f"{key!r} opened nothing"
            titles.append(str(app.screen.query_one("#title", Static).content))
            await pilot.press("escape")
            assert app.screen is learn

    guidance = guidance_for(flow)
    names = [guidance.path_name(path) for path in guidance.content.paths]
    assert titles == [*names, "Questions parents often ask"]
