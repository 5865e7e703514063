"""Steps a parent takes in the app, and ways to read what the screen shows."""

from __future__ import annotations

from typing import Iterable, Mapping

from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from pathfinder.machine.replay import Step, answers_for
from pathfinder.machine.session import Session
from pathfinder.machine.statemachine import FlowMachine
from pathfinder.tui.app import PathfinderApp
from pathfinder.tui.outcome import outcome_of
from pathfinder.tui.screens.question import QuestionnaireScreen
from pathfinder.tui.screens.summary import SummaryScreen
from pathfinder.tui.widgets.marked_list import MarkedList


async def start(pilot: Pilot) -> QuestionnaireScreen:
    """Press Enter on the welcome screen, where Start has the focus."""
    await pilot.press("enter")
    return questionnaire(pilot.app)


def questionnaire(app: PathfinderApp) -> QuestionnaireScreen:
    screen = app.screen
    assert isinstance(screen, QuestionnaireScreen), f"on {type(screen).__name__}"
    return screen


def summary(app: PathfinderApp) -> SummaryScreen:
    screen = app.screen
    assert isinstance(screen, SummaryScreen), f"on {type(screen).__name__}"
    return screen


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text)


def give(machine: FlowMachine, session: Session, step: Step) -> None:
    """One answer (or a skip) straight to the machine."""
    if step.answer is None:
        machine.skip(session)
    else:
        machine.answer(session, step.answer)


async def skip_ahead(pilot: Pilot, steps: Iterable[Step]) -> QuestionnaireScreen:
    """Give `steps` through the real machine, without key presses, then show
    the question they lead to: for tests about a later question."""
    screen = questionnaire(pilot.app)
    for step in steps:
        assert screen.question.id == step.question
        give(screen.machine, screen.session, step)
    screen.show_question()
    await pilot.pause()
    return screen


async def show_summary_for(pilot: Pilot, facts: Mapping[str, str]) -> SummaryScreen:
    """Open the summary for `facts` as the app does when the questions end.

    The answers go through the real machine; only the key presses are left
    out, for tests about the summary screen itself.
    """
    app = pilot.app
    session = Session.begin(app.flow, language=app.lang)
    machine = FlowMachine.for_flow(app.flow)
    for step in answers_for(app.flow, facts):
        give(machine, session, step)
    app.show_summary(outcome_of(app.flow, session))
    await pilot.pause()
    return summary(app)


async def play(pilot: Pilot, steps: Iterable[Step]) -> None:
    """Answer as a parent would: a number key per choice, a typed code, or Skip.

    Checks before each step that the screen asks the question the step is
    for, so a step never lands on the wrong question unnoticed.
    """
    for step in steps:
        screen = questionnaire(pilot.app)
        question = screen.question
        assert question.id == step.question

        if step.answer is None:
            # From the code box, Tab reaches the Skip button.
            await pilot.press("tab", "enter")
        elif question.kind == "code":
            await type_text(pilot, step.answer)
            await pilot.press("enter")
        else:
            await choose(pilot, question.values.index(step.answer) + 1)


async def play_to_summary(pilot: Pilot, facts: Mapping[str, str]) -> SummaryScreen:
    """From the welcome, answer with keys the questions that lead to `facts`.

    Where the flow would ask for a fact `facts` leaves out, ask for the
    summary now, as a parent who stops early would.
    """
    await start(pilot)
    await play(pilot, answers_for(pilot.app.flow, facts))
    if isinstance(pilot.app.screen, QuestionnaireScreen):
        await pilot.press("ctrl+s")
    return summary(pilot.app)


async def choose(pilot: Pilot, *numbers: int) -> None:
    """Pick choice `number` on each question in turn: its number key and
    Enter, or the arrows past 9."""
    for number in numbers:
        await choose_one(pilot, number)


async def choose_one(pilot: Pilot, number: int) -> None:
    if number <= 9:
        # Both keys queued together, as a quick parent types them.
        await press_fast(pilot, str(number), "enter")
    else:
        await pilot.press("home", *["down"] * (number - 1), "enter")


async def press_fast(pilot: Pilot, *keys: str) -> None:
    """Queue every key at once, as a key held down or pressed quickly does,
    then let the app catch up. (`pilot.press` lets the app settle after each
    key, which hides what happens when key presses wait in line.)"""
    for key in keys:
        character = key if len(key) == 1 else None
        pilot.app.post_message(events.Key(key, character))
    await pilot.pause()
    await pilot.pause()


def texts_in(widget) -> list[str]:
    """Every text shown inside `widget`, frame titles included, in order."""
    texts = []
    for static in widget.query(Static):
        if static.border_title:
            texts.append(str(static.border_title))
        texts.append(str(static.content))
    return texts


def shown_summary(screen: SummaryScreen) -> str:
    return "\n".join(texts_in(screen.query_one("#summary-body")))


def choice_lines(screen: QuestionnaireScreen) -> list[str]:
    """The choices as drawn, markers included."""
    choices = screen.query_one("#choices", MarkedList)
    return [str(option.prompt) for option in choices.options]


def problem_text(screen: QuestionnaireScreen) -> str:
    problem = screen.query_one("#problem", Static)
    return str(problem.content) if problem.display else ""


async def wait_for(pilot: Pilot, condition, limit: float = 10.0) -> None:
    """Let the app run until `condition()` holds, for things that happen on a
    timer or in a worker. `limit` only stops a broken test from hanging."""
    waited = 0.0
    while not condition():
        assert waited < limit, f"still waiting after {limit} seconds"
        await pilot.pause(0.02)
        waited += 0.02


def toasts(app: PathfinderApp) -> list[str]:
    """The notifications on screen, each as its title and message."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]

