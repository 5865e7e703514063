"""Every parent situation in tests/data/scenarios.toml gets the advice it must."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pathfinder.machine.guidance import advise

SCENARIOS_FILE = Path(__file__).parent / "data" / "scenarios.toml"
SCENARIOS = tomllib.loads(SCENARIOS_FILE.read_text(encoding="utf-8"))["scenario"]


def everything_mentioned(advice) -> set[str]:
    return {advice.primary, *advice.also_consider, *advice.cautions}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario_gets_the_advice_it_must(scenario):
    advice = advise(scenario["facts"])
    mentioned = everything_mentioned(advice)

    if "primary_any" in scenario:
        assert advice.primary in scenario["primary_any"]
    for item in scenario.get("mentions", []):
        assert item in mentioned, f"{item} is not mentioned"
    for path in scenario.get("not_primary", []):
        assert advice.primary != path
    for item in scenario.get("not_mentions", []):
        assert item not in mentioned, f"{item} should not be mentioned"


def test_the_scenario_table_is_not_empty():
    assert len(SCENARIOS) >= 17
