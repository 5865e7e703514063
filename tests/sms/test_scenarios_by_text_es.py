"""Every parent situation in tests/data/scenarios.toml, texted in Spanish.

The parent texts ES first, then answers by number, as in English. The advice
must be the same as in English, texted in Spanish, and every message must keep
to the budget once made GSM-7 (accents GSM-7 lacks are removed when sent).
"""

from __future__ import annotations

import pytest

from pathfinder.machine.flow import Flow
from pathfinder.machine.gsm import gsm_safe
from pathfinder.machine.guidance import advise
from pathfinder.machine.render import render_sms
from pathfinder.machine.replay import answers_for
from pathfinder.sms.messages import SPANISH

from .test_scenarios_by_text import SCENARIOS, _reaches_done, mentioned, typed
from .texting import ONE_PART, SUMMARY_PARTS, WELCOME_PARTS, Phone, assert_within

ALL_DETAILS_SENT = gsm_safe(SPANISH.more_done)


async def play_in_spanish(phone: Phone, flow: Flow, facts: dict) -> list[str]:
    """Every reply, from the welcome to the reply to the last answer."""
    welcome = await phone.text("ES")
    assert welcome is not None
    assert welcome.startswith("Pathfinder: Encuentre su proximo paso")
    assert_within(welcome, WELCOME_PARTS)
    replies = [welcome]
    for step in answers_for(flow, facts):
        reply = await phone.text(typed(flow, step))
        assert reply is not None
        replies.append(reply)
    return replies


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
async def test_a_scenario_texted_in_spanish_gets_its_advice_within_budget(
    scenario, flow, phone
):
    facts = scenario["facts"]
    *questions, last = await play_in_spanish(phone, flow, facts)
    for question in questions[1:]:
        assert question.startswith("P"), question  # "P2/7 ...": Spanish cue
        assert_within(question, ONE_PART)

    if not _reaches_done(flow, facts):
        # The scenario leaves out a fact the flow requires: the parent would
        # be waiting at that question, asked in Spanish.
        assert last.startswith("P") and "\n1=" in last
        assert_within(last, ONE_PART)
        return

    english = advise(facts, "en")
    advice = advise(facts, "es")
    assert last == render_sms(advice)
    assert last.startswith("Mejor proximo paso: ")
    assert_within(last, SUMMARY_PARTS)
    assert (advice.primary, advice.also_consider, advice.cautions) == (
        english.primary, english.also_consider, english.cautions)
    if "primary_any" in scenario:
        assert advice.primary in scenario["primary_any"]
    for item in scenario.get("mentions", []):
        assert item in mentioned(advice)
    for path in scenario.get("not_primary", []):
        assert advice.primary != path

    details = await phone.text("SEGUIR")
    sent = 0
    while details is not None and not details.startswith(ALL_DETAILS_SENT):
        assert_within(details, SUMMARY_PARTS)
        sent += 1
        details = await phone.text("SEGUIR")
    assert details is not None and sent >= 4
