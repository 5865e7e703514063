"""Every parent situation in tests/data/scenarios.toml, played through the real
app in Spanish at 80x24.

The screen's own words (buttons, key hints) belong to the app and may still
change; this checks only what comes from the content files: the Spanish
question, the best next step's Spanish name and the Spanish texts of what the
advice mentions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.flow import Flow
from pathfinder.tui.app import PathfinderApp

from .conftest import SIZE
from .helpers import play_to_summary, shown_summary, start, texts_in
from .test_scenarios_in_the_app import SCENARIOS, path_name, shown_for


@pytest.fixture
def app(flow: Flow, save_to: Path) -> PathfinderApp:
    return PathfinderApp(flow, lang="es", save_to=save_to)


async def test_the_first_question_is_asked_in_spanish(app, flow):
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        shown = "\n".join(texts_in(screen))

    assert screen.question.id == flow.start
    assert flow.question(flow.start).text.get("es") in shown
    assert "Plan 504" in shown or "Un plan 504" in shown


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
async def test_scenario_played_in_spanish_through_the_app(app, scenario):
    async with app.run_test(size=SIZE) as pilot:
        screen = await play_to_summary(pilot, scenario["facts"])
        advice = screen.outcome.advice
        shown = shown_summary(screen)
        best_step = str(screen.query_one("#best-step-name").content)

    assert advice.lang == "es"
    assert screen.outcome.facts == scenario["facts"]
    english_name = advice.guidance.path_name(advice.primary, "en")
    assert best_step == path_name(advice, advice.primary) != english_name
    if "primary_any" in scenario:
        assert advice.primary in scenario["primary_any"]
    for path in scenario.get("not_primary", []):
        assert advice.primary != path
    mentioned = {advice.primary, *advice.also_consider, *advice.cautions}
    for item in scenario.get("mentions", []):
        assert item in mentioned, f"the advice does not mention {item}"
        assert shown_for(advice, item) in shown, f"the screen does not show {item}"
    assert advice.why in shown
