"""The guidance engine on partial facts, state rules, and every combination of facts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.machine.facts import (
    CAUTIONS,
    FACTS,
    PATHS,
    STATES,
    UnknownFact,
)
from pathfinder.machine.gsm import measure
from pathfinder.machine.guidance import advise, load_guidance, shipped_guidance
from pathfinder.machine.render import render_full, render_more, render_sms

IDEA_ONLY_PATHS = {"state_complaint", "due_process", "expedited_hearing", "iee"}
HEARING_FACTS = {
    "plan": "iep", "issue": "services", "stage": "meetings_failed",
    "goal": "decision", "urgent": "no", "since": "6_to_12_months",
}

def state_limit(advice):
    return next(d for d in advice.deadlines if d.caution == "state_time_limit")


any_facts = st.fixed_dictionaries(
    {}, optional={name: st.sampled_from(values) for name, values in FACTS.items()}
)


# --- partial facts and assumptions -------------------------------------------


def test_empty_facts_get_first_steps_and_say_what_was_assumed():
    advice = advise({})

    assert advice.primary == "informal"
    assert advice.cautions[-1] == "not_legal_advice"
    assert advice.next_steps and advice.free_help
    assert len(advice.assumed) == len(FACTS)
    assert any("which plan" in line and "IEP rules first" in line
               for line in advice.assumed)


def test_a_missing_plan_is_assumed_to_be_an_iep_and_said_so():
    advice = advise({"issue": "implementation", "stage": "meetings_failed"})

    assert advice.primary == "state_complaint"
    assert ("You did not say which plan your child has, so this covers IEP rules "
            "first.") in advice.assumed


def test_an_unsure_plan_is_named_in_the_assumptions():
    advice = advise({"plan": "unsure"})

    assert any("not sure which plan" in line for line in advice.assumed)


def test_full_facts_with_a_state_assume_nothing():
    advice = advise({**HEARING_FACTS, "state": "VA"})

    assert advice.assumed == []
    assert "assumed nothing" in render_full(advice)


def test_only_the_skipped_facts_are_listed_as_assumed():
    advice = advise({"plan": "iep", "issue": "services"})

    assert len(advice.assumed) == len(FACTS) - 2
    assert not any("which plan" in line for line in advice.assumed)


def test_an_unknown_fact_is_refused_with_the_allowed_facts():
    with pytest.raises(UnknownFact, match="allowed facts: plan, issue"):
        advise({"isue": "services"})


def test_an_unknown_value_is_refused_with_the_allowed_values():
    with pytest.raises(UnknownFact, match="allowed values: iep, 504, none, unsure"):
        advise({"plan": "ipe"})


def test_unknown_fact_is_a_value_error():
    assert issubclass(UnknownFact, ValueError)


def test_state_codes_are_accepted_in_any_case():
    vocabulary = shipped_guidance().vocabulary
    assert vocabulary.validate({"state": " wi "}) == {"state": "WI"}


def test_states_include_dc_and_the_territories():
    assert len(STATES) == 56
    assert {"DC", "PR", "GU", "VI", "AS", "MP"} <= set(STATES)


# --- state rules -------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "deadline", "citation"),
    [
        ("WI", "1 year", "Wis. Stat. 115.80(1)(a)1"),
        ("NC", "1 year", "N.C.G.S. 115C-109.6(b)"),
        ("AK", "12 months", "AS 14.30.193(a)"),
    ],
)
def test_a_state_with_a_shorter_hearing_limit_gets_its_own_caution(
        state, deadline, citation):
    advice = advise({**HEARING_FACTS, "state": state})

    assert "state_time_limit" in advice.cautions
    state_deadline = state_limit(advice)
    assert state_deadline.deadline == deadline
    assert state_deadline.citation == citation
    assert deadline in state_deadline.text
    assert citation in render_full(advice)


@pytest.mark.parametrize("state", ["VA", "TX", "NY"])
def test_a_state_that_keeps_two_years_gets_no_time_caution(state):
    advice = advise({**HEARING_FACTS, "state": state})

    assert "state_time_limit" not in advice.cautions
    assert "due_process_two_years" in advice.cautions
    assert "keeps the federal 2 years" in advice.local_rules


def test_a_state_without_special_rules_is_told_what_to_check_locally():
    advice = advise({**HEARING_FACTS, "state": "OH"})

    assert "state_time_limit" not in advice.cautions
    assert "procedural safeguards notice" in advice.local_rules


def test_no_state_is_told_what_to_check_locally_and_that_it_was_assumed():
    advice = advise(HEARING_FACTS)

    assert "state_time_limit" not in advice.cautions
    assert "procedural safeguards notice" in advice.local_rules
    assert any("your state" in line for line in advice.assumed)


def test_a_short_state_limit_applies_only_when_a_hearing_is_considered():
    advice = advise({"plan": "504", "issue": "discrimination", "state": "WI"})

    assert not {"due_process", "expedited_hearing"} & {
        advice.primary, *advice.also_consider}
    assert "state_time_limit" not in advice.cautions
    assert "Wisconsin" in advice.local_rules


@pytest.mark.parametrize(("state", "days"), [("HI", "180 days"), ("NH", "90 days")])
def test_private_school_windows_are_described_as_only_for_private_school_costs(
        state, days):
    advice = advise({**HEARING_FACTS, "state": state})

    state_deadline = state_limit(advice)
    assert state_deadline.deadline == days
    assert "private school" in state_deadline.text
    assert "keep 2 years" in state_deadline.text


# --- routing properties ------------------------------------------------------


def test_urgent_discipline_switches_to_act_now_steps():
    calm = advise({"plan": "iep", "issue": "discipline", "urgent": "no"})
    urgent = advise({"plan": "iep", "issue": "discipline", "urgent": "yes"})

    assert urgent.next_steps[0].startswith("Act now")
    assert not calm.next_steps[0].startswith("Act now")
    assert "manifestation_10_days" in urgent.cautions


def test_compliance_problems_route_to_a_state_complaint_for_an_iep():
    advice = advise({"plan": "iep", "issue": "implementation",
                     "stage": "meetings_failed"})
    assert advice.primary == "state_complaint"


def test_needs_disagreements_route_to_mediation_when_meetings_failed():
    advice = advise({"plan": "iep", "issue": "placement", "stage": "meetings_failed",
                     "goal": "agreement"})
    assert advice.primary == "mediation"


def test_discrimination_routes_to_ocr_for_any_plan():
    for plan in FACTS["plan"]:
        assert advise({"plan": plan, "issue": "discrimination"}).primary == (
            "ocr_complaint")


def test_a_504_plan_never_mentions_a_state_complaint():
    for issue in FACTS["issue"]:
        advice = advise({"plan": "504", "issue": issue, "stage": "meetings_failed"})
        assert "state_complaint" not in {advice.primary, *advice.also_consider}


def test_deadlines_carry_numbers_and_citations():
    advice = advise({"plan": "iep", "issue": "records", "stage": "waiting",
                     "goal": "compliance"})

    records = next(d for d in advice.deadlines if d.caution == "records_45_days")
    assert records.deadline == "45 days"
    assert "300.613(a)" in records.citation


def test_a_long_ago_problem_warns_that_time_may_have_passed():
    advice = advise({"plan": "iep", "issue": "services", "since": "1_to_2_years"})
    assert "time_may_have_passed" in advice.cautions


def test_the_shipped_guidance_is_loaded_once():
    assert shipped_guidance() is shipped_guidance()


def test_a_guidance_loaded_by_path_advises_like_the_shipped_one():
    from pathfinder.machine.guidance.loader import guidance_path

    loaded = load_guidance(guidance_path("dispute"))
    assert loaded.advise(HEARING_FACTS).primary == advise(HEARING_FACTS).primary


def test_json_has_the_contract_keys_and_both_summaries():
    data = advise(HEARING_FACTS).to_json()

    for key in ("primary", "also_consider", "cautions", "summary", "summary_sms",
                "why", "next_steps", "gather", "free_help", "assumed"):
        assert key in data
    assert data["primary"] == "due_process"
    assert "not legal advice" in data["summary"]
    assert data["summary_sms"].endswith("Reply MORE for next steps.")


# --- every combination of facts ---------------------------------------------


@settings(max_examples=400, deadline=None)
@given(any_facts)
def test_any_combination_of_facts_gets_sound_advice(facts):
    advice = advise(facts)

    assert advice.primary in PATHS
    assert all(path in PATHS for path in advice.also_consider)
    assert advice.primary not in advice.also_consider
    assert len(advice.also_consider) == len(set(advice.also_consider))
    assert all(caution in CAUTIONS for caution in advice.cautions)
    assert advice.cautions[-1] == "not_legal_advice"
    assert advice.cautions.count("not_legal_advice") == 1
    assert advice.why and advice.next_steps and advice.free_help
    if facts.get("plan") == "504":
        assert advice.primary not in IDEA_ONLY_PATHS


@settings(max_examples=200, deadline=None)
@given(any_facts)
def test_any_combination_of_facts_fits_the_text_message_budget(facts):
    advice = advise(facts)

    summary = render_sms(advice)
    assert measure(summary).encoding == "GSM-7"
    assert measure(summary).parts <= 3
    assert "not legal advice" in summary
    assert summary.endswith("Reply MORE for next steps.")

    more = render_more(advice)
    assert all(measure(part).encoding == "GSM-7" for part in more)
    assert all(measure(part).parts <= 3 for part in more)
    assert more[-1].endswith("not legal advice.")


def every_combination_of_facts():
    """Each contract fact absent or set to each of its values; states sampled."""
    choices = {name: (None, *values) for name, values in FACTS.items()}
    choices["state"] = (None, "WI", "VA")
    combinations = [{}]
    for name, values in choices.items():
        combinations = [
            {**facts, name: value} if value else facts
            for facts in combinations for value in values
        ]
    return combinations


def test_every_combination_of_facts_routes_to_a_contract_path():
    combinations = every_combination_of_facts()
    assert len(combinations) == 5 * 10 * 5 * 5 * 3 * 5 * 3

    for facts in combinations:
        advice = advise(facts)
        assert advice.primary in PATHS, facts
        assert advice.cautions[-1] == "not_legal_advice", facts
        if facts.get("plan") == "504":
            assert advice.primary not in IDEA_ONLY_PATHS, facts
