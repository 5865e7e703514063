"""The questionnaire as a part: another Textual app can push it and receive
the summary; any shipped flow runs without code of its own; and small flows
made up here cover what the shipped ones do not ask."""

from __future__ import annotations

import pytest
from textual.app import App

from pathfinder.machine.flow import Flow, flow_files, load_flow, load_shipped
from pathfinder.tui.app import PathfinderApp
from pathfinder.tui.outcome import Outcome
from pathfinder.tui.screens.question import QuestionnaireScreen
from pathfinder.tui.words import words_for

from .conftest import SIZE
from .helpers import choose, problem_text, start, summary


class HostApp(App[None]):
    """Stands for a larger program that offers Pathfinder as one step."""

    def __init__(self, flow: Flow) -> None:
        super().__init__()
        self.flow = flow
        self.received: list[Outcome] = []

    def on_mount(self) -> None:
        self.push_screen(QuestionnaireScreen(self.flow), self.received.append)


async def test_a_host_app_receives_the_outcome_when_the_parent_asks(flow):
    host = HostApp(flow)
    async with host.run_test(size=SIZE) as pilot:
        await choose(pilot, 1, 5)
        await pilot.press("ctrl+s")

        assert not isinstance(host.screen, QuestionnaireScreen)

    [outcome] = host.received
    assert outcome.facts == {"plan": "iep", "issue": "implementation"}
    assert not outcome.complete
    assert outcome.advice.primary in outcome.advice.guidance.content.paths
    assert outcome.summary_text.startswith("Your best next step: ")


BROKEN_FLOW = '''
[flow]
name = "broken"
title = "A flow whose answer the guidance does not know"
intro = "Made up for a test."
start = "plan"
guidance = "dispute"

[[questions]]
id = "plan"
fact = "plan"
title = "Which plan"
text = "Which plan does your child have?"
help = "Made up for a test."

  [[questions.choices]]
  value = "iep"
  label = "An IEP"
  next = "done"

  [[questions.choices]]
  value = "homeschool_plan"
  label = "A plan the guidance has never heard of"
  next = "done"
'''


async def test_an_answer_the_guidance_cannot_use_is_explained_not_a_crash(tmp_path):
    flow_file = tmp_path / "broken.toml"
    flow_file.write_text(BROKEN_FLOW, encoding="utf-8")
    host = HostApp(load_flow(flow_file))

    async with host.run_test(size=SIZE) as pilot:
        await choose(pilot, 2)

        screen = host.screen
        assert isinstance(screen, QuestionnaireScreen)
        assert problem_text(screen) == words_for("en")("question.no_advice")
        assert screen.session.answers == {"plan": "homeschool_plan"}

    assert host.received == []


@pytest.mark.parametrize("flow_file", flow_files(), ids=lambda path: path.stem)
async def test_every_shipped_flow_runs_to_a_summary_with_no_code_of_its_own(
    flow_file, tmp_path
):
    flow = load_shipped(flow_file.stem)
    app = PathfinderApp(flow, save_to=tmp_path / "summary.txt")

    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for _ in range(flow.longest_path):
            if not isinstance(app.screen, QuestionnaireScreen):
                break
            # The first choice each time; a code question is skipped.
            is_code = app.screen.question.kind == "code"
            await pilot.press(*(["tab", "enter"] if is_code else ["1", "enter"]))

        screen = summary(app)
        best_step = str(screen.query_one("#best-step-name").content)

    assert screen.outcome.complete
    advice = screen.outcome.advice
    assert best_step == advice.guidance.path_name(advice.primary)


OPTIONAL_CHOICE_FLOW = '''
[flow]
name = "optional_choice"
title = "A flow with a choice question a parent may skip"
intro = "Made up for a test."
start = "plan"
guidance = "dispute"

[[questions]]
id = "plan"
fact = "plan"
title = "Which plan"
text = "Which plan does your child have?"
help = "Made up for a test."
optional = true
next = "done"

  [[questions.choices]]
  value = "iep"
  label = "An IEP"
  next = "done"

  [[questions.choices]]
  value = "504"
  label = "A 504 plan"
  next = "done"
'''


async def test_an_optional_choice_question_can_be_skipped(tmp_path):
    flow_file = tmp_path / "optional_choice.toml"
    flow_file.write_text(OPTIONAL_CHOICE_FLOW, encoding="utf-8")
    host = HostApp(load_flow(flow_file))

    async with host.run_test(size=SIZE) as pilot:
        screen = host.screen
        assert screen.query_one("#skip").display
        await pilot.click("#skip")

    [outcome] = host.received
    assert outcome.complete
    assert outcome.facts == {}
