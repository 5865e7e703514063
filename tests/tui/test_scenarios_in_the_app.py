"""Every parent situation in tests/data/scenarios.toml, played through the
real app at 80x24: the summary screen and the advice behind it must hold
what the scenario expects."""

from __future__ import annotations

import pytest

from pathfinder.machine.guidance.engine import Advice
from pathfinder.machine.render import render_full

from tests.support.scenarios import SCENARIOS

from .conftest import SIZE
from .helpers import play_to_summary, show_summary_for, shown_summary


def path_name(advice: Advice, path: str) -> str:
    return advice.guidance.path_name(path, advice.lang)


def caution_text(advice: Advice, caution: str) -> str:
    """The words the summary uses for a caution (a state's own, if it has one)."""
    for deadline in advice.deadlines:
        if deadline.caution == caution:
            return deadline.text
    if caution == "not_legal_advice":
        return advice.guidance.label("disclaimer", advice.lang)
    return advice.guidance.content.cautions[caution].text.get(advice.lang)


def shown_for(advice: Advice, item: str) -> str:
    """What the screen must show when the advice mentions `item`."""
    if item in advice.guidance.content.paths:
        return path_name(advice, item)
    return caution_text(advice, item)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
async def test_scenario_played_through_the_app(app, scenario):
    async with app.run_test(size=SIZE) as pilot:
        screen = await play_to_summary(pilot, scenario["facts"])
        advice = screen.outcome.advice
        shown = shown_summary(screen)
        best_step = str(screen.query_one("#best-step-name").content)

    assert screen.outcome.facts == scenario["facts"]
    mentioned = {advice.primary, *advice.also_consider, *advice.cautions}

    if "primary_any" in scenario:
        assert advice.primary in scenario["primary_any"]
        assert best_step in [path_name(advice, p) for p in scenario["primary_any"]]
    for path in scenario.get("not_primary", []):
        assert advice.primary != path
        assert best_step != path_name(advice, path)
    for item in scenario.get("mentions", []):
        assert item in mentioned, f"the advice does not mention {item}"
        assert shown_for(advice, item) in shown, f"the screen does not show {item}"
    for item in scenario.get("not_mentions", []):
        assert item not in mentioned, f"the advice mentions {item}"
        assert shown_for(advice, item) not in shown, f"the screen shows {item}"


async def test_the_summary_screen_shows_every_line_of_the_text_summary(app, flow):
    facts = {"plan": "iep", "issue": "services", "stage": "meetings_failed",
             "goal": "decision", "urgent": "no", "since": "6_to_12_months",
             "state": "WI"}

    async with app.run_test(size=SIZE) as pilot:
        screen = await show_summary_for(pilot, facts)
        shown = shown_summary(screen)
        text = render_full(screen.outcome.advice)

    best_step, *rest = text.splitlines()
    heading, name = best_step.split(": ", 1)
    assert heading in shown and name in shown
    for line in filter(None, rest):
        words = line.removeprefix("- ").split(". ", 1)[-1] if line[0].isdigit() \
            else line.removeprefix("- ")
        assert words in shown, f"the screen leaves out: {line}"
