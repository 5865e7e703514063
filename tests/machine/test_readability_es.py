"""Parents read the Spanish advice easily, by the Spanish readability measures.

Fernández-Huerta (textstat's Spanish adaptation of Flesch reading ease) reads
60-70 as normal, 70-80 as fairly easy and 80-90 as easy; Szigriszt-Pazos
(the "perspicuidad" scale) reads 65-80 as fairly easy. The summaries are held
to fairly easy, and every reason and caution, read alone, to at least normal.
When this was written the summaries scored 80-87 on Fernández-Huerta and 78-85
on Szigriszt-Pazos.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import textstat

from pathfinder.machine.facts import PATHS
from pathfinder.machine.guidance import advise, shipped_guidance
from pathfinder.machine.library import load_assessment
from pathfinder.machine.render import faq, render_full, render_path_page
from tests.support.scenarios import FIT504_SCENARIOS as FIT_SCENARIOS, SCENARIOS

EASY_FERNANDEZ_HUERTA = 70
EASY_SZIGRISZT_PAZOS = 65
NORMAL_FERNANDEZ_HUERTA = 60
TEXTSTAT_DEFAULT_LANGUAGE = "en_US"


# As in test_readability.py: a citation's dots read as many tiny sentences.
CITATION = re.compile(r" \([^()]*(?:\([^()]*\)[^()]*)*\d[^()]*(?:\([^()]*\)[^()]*)*\)")


@pytest.fixture(autouse=True)
def spanish_measures() -> Iterator[None]:
    """textstat counts syllables by language; English again for the other tests."""
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang(TEXTSTAT_DEFAULT_LANGUAGE)


def assert_easy(text: str) -> None:
    assert textstat.fernandez_huerta(text) >= EASY_FERNANDEZ_HUERTA, text
    assert textstat.szigriszt_pazos(text) >= EASY_SZIGRISZT_PAZOS, text


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_each_spanish_summary_is_fairly_easy_to_read(scenario):
    summary = render_full(advise(scenario["facts"], "es"))
    assert_easy(summary)
    assert_easy(CITATION.sub("", summary))


@pytest.mark.parametrize("scenario", FIT_SCENARIOS,
                         ids=[s["id"] for s in FIT_SCENARIOS])
def test_each_spanish_504_fit_summary_is_fairly_easy_to_read(scenario):
    advice = load_assessment("fit504").advise(scenario["facts"], "es")
    assert_easy(render_full(advice))


@pytest.mark.parametrize("path", PATHS)
def test_each_spanish_path_page_is_fairly_easy_to_read(path):
    assert_easy(render_path_page(path, "es"))


@pytest.mark.parametrize("number", range(5))
def test_each_spanish_faq_answer_is_fairly_easy_to_read(number):
    question, answer = faq("es")[number]
    assert_easy(answer)


def test_every_spanish_reason_and_caution_reads_at_least_as_normal_prose():
    content = shipped_guidance().content
    reasons = [rule.why.get("es") for rule in content.primary_rules]
    cautions = [info.text.get("es") for info in content.cautions.values()]

    for text in reasons + cautions:
        assert textstat.fernandez_huerta(text) >= NORMAL_FERNANDEZ_HUERTA, text


def test_the_measure_is_spanish_and_tells_hard_legal_prose_apart():
    """Guards the thresholds above: dense legalese scores below normal."""
    legalese = ("La determinación de manifestación constituye un procedimiento "
                "administrativo obligatorio consecuente con la normativa federal "
                "correspondiente a la educación individualizada.")
    assert textstat.fernandez_huerta(legalese) < NORMAL_FERNANDEZ_HUERTA
