"""The second assessment, "Is a 504 plan a fit?": a data file, not new code.

Its scenarios get the advice they must, and every path's summaries read at a
6th-8th grade level and fit the text-message budget.
"""

from __future__ import annotations

import pytest
import textstat

from pathfinder.machine.gsm import measure
from pathfinder.machine.library import load_assessment
from pathfinder.machine.render import (
    SMS_MAX_PARTS,
    faq,
    render_full,
    render_more,
    render_path_page,
    render_sms,
)
from pathfinder.tools.walk import paths
from tests.support.scenarios import FIT504_SCENARIOS as SCENARIOS

HIGHEST_GRADE = 8
FIT = load_assessment("fit504")
ALL_PATHS = list(paths(FIT.flow, {}))


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_each_scenario_gets_the_advice_it_must(scenario):
    advice = FIT.advise(scenario["facts"])
    mentioned = {advice.primary, *advice.also_consider, *advice.cautions}

    assert advice.primary in scenario["primary_any"]
    for item in scenario.get("mentions", []):
        assert item in mentioned, f"{item} is not mentioned"
    for item in scenario.get("not_mentions", []):
        assert item not in mentioned, f"{item} should not be mentioned"
    assert advice.cautions[-1] == "not_legal_advice"


def test_there_are_three_or_four_scenarios_and_they_are_answers_a_parent_can_give():
    assert 3 <= len(SCENARIOS) <= 4
    reachable = [dict(path.facts) for path in ALL_PATHS]
    for scenario in SCENARIOS:
        assert scenario["facts"] in reachable, scenario["id"]


@pytest.mark.parametrize("path", ALL_PATHS, ids=lambda path: path.answers)
def test_every_paths_summary_reads_at_grade_8_and_fits_the_text_budget(path):
    advice = FIT.advise(path.facts)

    assert grade(render_full(advice)) <= HIGHEST_GRADE
    assert "not legal advice" in render_full(advice)
    for text in [render_sms(advice), *render_more(advice)]:
        size = measure(text)
        assert size.encoding == "GSM-7"
        assert size.parts <= SMS_MAX_PARTS
    assert "not legal advice" in render_sms(advice)


def test_every_outcome_is_reached_by_some_path():
    reached = {FIT.advise(path.facts).primary for path in ALL_PATHS}

    assert reached == set(FIT.guidance.vocabulary.paths)


def test_each_outcome_page_faq_reason_and_caution_reads_at_grade_8():
    content = FIT.guidance.content
    texts = [render_path_page(path, "en", FIT.guidance) for path in content.paths]
    texts += [answer for _, answer in faq("en", FIT.guidance)]
    texts += [rule.why.get() for rule in content.primary_rules]
    texts += [info.text.get() for info in content.cautions.values()]

    for text in texts:
        assert grade(text) <= HIGHEST_GRADE, text


def test_the_questions_help_and_introduction_read_at_grade_8():
    flow = FIT.flow
    texts = [flow.intro.get()] + [q.help.get() for q in flow.questions.values()]

    for text in texts:
        assert grade(text) <= HIGHEST_GRADE, text


def test_the_504_facts_are_stated_with_their_citations():
    cautions = FIT.guidance.content.cautions

    assert cautions["evaluate_before_placement"].citation == "34 CFR 104.35(a)"
    assert cautions["ocr_180_days"].deadline == "180 days"
    who_can = dict(faq("en", FIT.guidance))["Who can get a 504 plan?"]
    assert "Learning, reading, concentrating and thinking" in who_can
    assert "does not need special education" in who_can
