"""The project's own parent situations (tests/data) and what their advice must hold."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

DATA = Path(__file__).parents[1] / "data"


def load(file: str = "scenarios.toml") -> list[dict[str, Any]]:
    return tomllib.loads((DATA / file).read_text(encoding="utf-8"))["scenario"]


SCENARIOS = load()
FIT504_SCENARIOS = load("fit504_scenarios.toml")


def scenario_id(scenario: dict[str, Any]) -> str:
    return scenario["id"]


def mentioned(advice: Any) -> set[str]:
    """Every path and caution the advice names anywhere."""
    return {advice.primary, *advice.also_consider, *advice.cautions}


def assert_advice_fits(advice: Any, scenario: dict[str, Any]) -> None:
    """The scenario's expectations: primary_any, mentions, not_primary, not_mentions."""
    named = mentioned(advice)
    if "primary_any" in scenario:
        assert advice.primary in scenario["primary_any"]
    for item in scenario.get("mentions", []):
        assert item in named, f"{item} is not mentioned"
    for path in scenario.get("not_primary", []):
        assert advice.primary != path
    for item in scenario.get("not_mentions", []):
        assert item not in named, f"{item} should not be mentioned"
