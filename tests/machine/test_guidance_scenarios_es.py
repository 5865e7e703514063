"""Every parent situation in tests/data/scenarios.toml, advised in Spanish.

The language changes the words, never the advice: the same paths, cautions,
deadlines and citations as in English, and every text in Spanish.
"""

from __future__ import annotations

import pytest

from pathfinder.machine.guidance import advise, shipped_guidance
from tests.support.scenarios import SCENARIOS


def mentioned(advice) -> set[str]:
    return {advice.primary, *advice.also_consider, *advice.cautions}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_a_scenario_in_spanish_gets_the_advice_it_must(scenario):
    advice = advise(scenario["facts"], "es")

    if "primary_any" in scenario:
        assert advice.primary in scenario["primary_any"]
    for item in scenario.get("mentions", []):
        assert item in mentioned(advice), f"{item} is not mentioned"
    for path in scenario.get("not_primary", []):
        assert advice.primary != path
    for item in scenario.get("not_mentions", []):
        assert item not in mentioned(advice), f"{item} should not be mentioned"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_spanish_changes_the_words_not_the_advice(scenario):
    english = advise(scenario["facts"], "en")
    spanish = advise(scenario["facts"], "es")

    assert spanish.lang == "es"
    assert spanish.primary == english.primary
    assert spanish.also_consider == english.also_consider
    assert spanish.cautions == english.cautions
    assert [(d.caution, d.deadline, d.citation) for d in spanish.deadlines] == [
        (d.caution, d.deadline, d.citation) for d in english.deadlines]
    for field in ("next_steps", "gather", "free_help", "assumed", "notes"):
        assert len(getattr(spanish, field)) == len(getattr(english, field)), field


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_every_text_of_the_spanish_advice_is_the_spanish_version(scenario):
    guidance = shipped_guidance()
    english = advise(scenario["facts"], "en")
    spanish = advise(scenario["facts"], "es")

    rule = next(rule for rule in guidance.content.primary_rules
                if rule.why.get("en") == english.why)
    assert spanish.why == rule.why.get("es") != english.why
    pairs = [
        *zip(spanish.next_steps, english.next_steps),
        *zip(spanish.gather, english.gather),
        *zip(spanish.free_help, english.free_help),
        *zip(spanish.notes, english.notes),
        *((s.text, e.text) for s, e in zip(spanish.deadlines, english.deadlines)),
        *((s.short, e.short) for s, e in zip(spanish.deadlines, english.deadlines)),
        (spanish.local_rules, english.local_rules),
    ]
    assert all(es != en for es, en in pairs), [p for p in pairs if p[0] == p[1]]
