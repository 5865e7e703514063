"""Parents read the advice at about a 6th-8th grade level (Flesch-Kincaid)."""

from __future__ import annotations

import re

import pytest
import textstat

from pathfinder.machine.facts import PATHS
from pathfinder.machine.guidance import advise, shipped_guidance
from pathfinder.machine.render import faq, render_full, render_path_page
from tests.support.scenarios import SCENARIOS

HIGHEST_GRADE = 8

# A citation such as (34 CFR 300.153(c)) breaks into many tiny "sentences" at
# its dots, which flatters the score; one check reads the text without them.
CITATION = re.compile(r" \([^()]*(?:\([^()]*\)[^()]*)*\d[^()]*(?:\([^()]*\)[^()]*)*\)")


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_each_scenario_summary_reads_at_grade_8_or_below(scenario):
    summary = render_full(advise(scenario["facts"]))
    assert grade(summary) <= HIGHEST_GRADE


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_each_scenario_summary_without_citations_reads_at_grade_8_or_below(scenario):
    summary = CITATION.sub("", render_full(advise(scenario["facts"])))
    assert "CFR" not in summary
    assert grade(summary) <= HIGHEST_GRADE


@pytest.mark.parametrize("path", PATHS)
def test_each_path_page_reads_at_grade_8_or_below(path):
    assert grade(render_path_page(path, "en")) <= HIGHEST_GRADE


@pytest.mark.parametrize("number", range(5))
def test_each_faq_answer_reads_at_grade_8_or_below(number):
    question, answer = faq("en")[number]
    assert grade(answer) <= HIGHEST_GRADE, question


def test_every_reason_and_caution_reads_at_grade_8_or_below():
    content = shipped_guidance().content
    reasons = [rule.why.get("en") for rule in content.primary_rules]
    cautions = [info.text.get("en") for info in content.cautions.values()]

    for text in reasons + cautions:
        assert grade(text) <= HIGHEST_GRADE, text
