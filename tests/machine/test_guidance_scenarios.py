"""Every parent situation in tests/data/scenarios.toml gets the advice it must."""

from __future__ import annotations

import pytest

from pathfinder.machine.guidance import advise
from tests.support.scenarios import SCENARIOS, assert_advice_fits, scenario_id


@pytest.mark.parametrize("scenario", SCENARIOS, ids=scenario_id)
def test_scenario_gets_the_advice_it_must(scenario):
    assert_advice_fits(advise(scenario["facts"]), scenario)


def test_the_scenario_table_is_not_empty():
    assert len(SCENARIOS) >= 17
