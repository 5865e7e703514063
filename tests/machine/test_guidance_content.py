"""The guidance file is checked at load, and its cautions carry their numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pathfinder.machine.errors import ContentError
from pathfinder.machine.facts import CAUTIONS, PATHS
from pathfinder.machine.guidance import load_guidance, shipped_guidance
from pathfinder.machine.guidance.loader import guidance_path

SHIPPED_TEXT = guidance_path("dispute").read_text(encoding="utf-8")

# Cautions that state a time limit, and a number each must contain.
CAUTION_NUMBERS = {
    "state_complaint_one_year": "1 year",
    "due_process_two_years": "2 years",
    "ocr_180_days": "180 days",
    "manifestation_10_days": "10 school days",
    "evaluation_timeline": "60 days",
    "records_45_days": "45 days",
    "time_may_have_passed": "180 days",
}


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped guidance with one piece of text replaced, saved as a new file."""
    assert SHIPPED_TEXT.count(old) == 1, f"{old!r} is not unique in dispute.toml"
    path = tmp_path / "broken.toml"
    path.write_text(SHIPPED_TEXT.replace(old, new), encoding="utf-8")
    return path


def test_the_shipped_guidance_loads():
    content = shipped_guidance().content
    assert set(content.paths) == set(PATHS)
    assert set(content.cautions) == set(CAUTIONS)


def test_an_unknown_fact_value_in_a_rule_names_the_file_and_the_rule(tmp_path):
    rule = 'id = "discrimination"\nwhen = { issue = "discrimination" }'
    path = broken_copy(tmp_path, rule, rule.replace('"discrimination" }',
                                                    '"discrimnation" }'))

    with pytest.raises(ContentError) as caught:
        load_guidance(path)

    assert caught.value.file == "broken.toml"
    assert caught.value.where == 'primary rule "discrimination"'
    assert str(caught.value).startswith('broken.toml, primary rule "discrimination": ')
    assert "unknown value 'discrimnation' for fact 'issue'" in str(caught.value)


def test_an_unknown_path_in_a_rule_is_refused(tmp_path):
    path = broken_copy(tmp_path, 'paths = ["expedited_hearing"]',
                       'paths = ["expedited"]')

    with pytest.raises(ContentError, match=r'also rule "discipline-fast-hearing": '
                                           r"unknown path 'expedited'"):
        load_guidance(path)


def test_an_unknown_caution_in_a_rule_is_refused(tmp_path):
    path = broken_copy(tmp_path, 'caution = "ocr_180_days"', 'caution = "ocr_90_days"')

    with pytest.raises(ContentError, match=r'caution rule "ocr-window": '
                                           r"unknown caution 'ocr_90_days'"):
        load_guidance(path)


def test_an_unknown_condition_key_is_refused(tmp_path):
    path = broken_copy(tmp_path, 'when = { considering = "state_complaint" }',
                       'when = { thinking_of = "state_complaint" }')

    with pytest.raises(ContentError, match=r'caution rule "state-complaint-window": '
                                           r"unknown condition key 'thinking_of'"):
        load_guidance(path)


def test_an_unknown_fact_in_a_condition_is_refused(tmp_path):
    path = broken_copy(tmp_path, 'when = { plan = "504", goal = "decision" }',
                       'when = { plan = "504", aim = "decision" }')

    with pytest.raises(ContentError, match=r'primary rule "504-wants-decision": '
                                           r"unknown condition key 'aim'"):
        load_guidance(path)


def first_step_reason(lang: str) -> str:
    """The line of the last primary rule that holds its reason in `lang`."""
    rule_start = SHIPPED_TEXT.index('id = "first-step"')
    why = SHIPPED_TEXT.index(f"why.{lang} = ", rule_start)
    return SHIPPED_TEXT[why:SHIPPED_TEXT.index("\n", why) + 1]


def test_a_rule_without_its_reason_is_refused(tmp_path):
    path = broken_copy(tmp_path, first_step_reason("en") + first_step_reason("es"), "")

    with pytest.raises(ContentError, match=r'primary rule "first-step": '
                                           r"missing text 'why'"):
        load_guidance(path)


def test_a_path_without_its_page_is_refused(tmp_path):
    path = broken_copy(tmp_path, "[paths.grievance]", "[paths.grievances]")

    with pytest.raises(ContentError, match=r"unknown path 'grievances'"):
        load_guidance(path)


def test_a_text_missing_a_declared_language_is_refused(tmp_path):
    path = broken_copy(tmp_path, first_step_reason("es"), "")

    with pytest.raises(ContentError, match=r'primary rule "first-step": '
                                           r"text 'why' has no 'es' version"):
        load_guidance(path)


def test_the_last_primary_rule_must_match_every_situation(tmp_path):
    path = broken_copy(tmp_path, 'id = "first-step"\nwhen = {}',
                       'id = "first-step"\nwhen = { plan = "iep" }')

    with pytest.raises(ContentError, match=r'primary rule "first-step": the last '
                                           r"primary rule must have an empty 'when'"):
        load_guidance(path)


def test_a_state_time_limit_needs_a_citation(tmp_path):
    path = broken_copy(tmp_path, 'citation = "Wis. Stat. 115.80(1)(a)1"\n', "")

    with pytest.raises(ContentError, match=r'state "WI" time_limit: needs both'):
        load_guidance(path)


def test_a_file_that_is_not_toml_names_the_file(tmp_path):
    path = tmp_path / "garbled.toml"
    path.write_text("[paths\n", encoding="utf-8")

    with pytest.raises(ContentError, match=r"^garbled.toml: is not valid TOML"):
        load_guidance(path)


def test_a_missing_file_names_the_file():
    with pytest.raises(ContentError, match=r"^nowhere.toml: no such guidance file"):
        load_guidance("nowhere")


@pytest.mark.parametrize(("caution", "number"), CAUTION_NUMBERS.items())
def test_each_time_limit_caution_states_its_number_and_citation(caution, number):
    info = shipped_guidance().content.cautions[caution]

    assert re.search(r"\d", info.deadline)
    assert number in info.text.get("en")
    assert info.citation


def test_cautions_without_a_time_limit_have_no_deadline_number():
    cautions = shipped_guidance().content.cautions
    assert cautions["stay_put"].deadline is None
    assert "300.518" in cautions["stay_put"].citation
    assert "not legal advice" in cautions["not_legal_advice"].text.get("en")


def test_every_state_rule_with_a_time_limit_has_a_number_and_citation():
    for code, state in shipped_guidance().content.states.items():
        if state.time_limit:
            assert re.search(r"\d", state.time_limit.deadline), code
            assert state.time_limit.deadline in state.time_limit.text.get("en"), code
            assert state.time_limit.citation, code


def test_free_help_names_the_three_networks_and_no_phone_numbers():
    items = [item.get("en") for item in shipped_guidance().content.free_help]
    joined = " ".join(items)

    for site in ("parentcenterhub.org", "ndrn.org", "cadreworks.org"):
        assert site in joined
    assert not re.search(r"\d{3}[-. ]\d{3}[-. ]\d{4}", joined)


def test_the_faq_answers_the_five_common_questions():
    questions = [entry.question.get("en").lower()
                 for entry in shipped_guidance().content.faq]

    assert len(questions) == 5
    for topic in ("options", "decision", "mediation", "not following", "504"):
        assert any(topic in question for question in questions), topic
