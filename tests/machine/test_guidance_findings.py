"""Content problems a tester found in the dispute guidance, each pinned down."""

from __future__ import annotations

import pytest

from pathfinder.machine.advise_cli import main
from pathfinder.machine.gsm import measure
from pathfinder.machine.guidance import advise
from pathfinder.machine.render import faq, render_full, render_more, render_sms, \
    render_path_page

LANGS = ("en", "es")
NO_PLAN_DISCIPLINE = {"plan": "none", "issue": "discipline", "urgent": "yes"}
WI_HEARING = {"plan": "iep", "issue": "services", "stage": "meetings_failed",
              "goal": "decision", "urgent": "no", "since": "6_to_12_months",
              "state": "WI"}
OLD_COMPLIANCE = {"plan": "iep", "issue": "implementation",
                  "stage": "meetings_failed", "goal": "compliance"}


def within_budget(advice) -> bool:
    return measure(render_sms(advice)).parts <= 3 and all(
        measure(part).parts <= 3 for part in render_more(advice))


# --- 1. discipline for a child with no plan ----------------------------------


@pytest.mark.parametrize("urgent", ["yes", "no"])
def test_no_plan_discipline_says_protections_depend_on_what_the_school_knew(urgent):
    advice = advise({**NO_PLAN_DISCIPLINE, "urgent": urgent})
    summary = render_full(advice)

    assert "only if the school knew of a possible disability" in summary
    assert "refused an evaluation" in summary
    assert "not eligible" in summary
    assert "300.534" in summary
    assert any("fast evaluation" in step for step in advice.next_steps)
    assert not any("IEP or 504" in step for step in advice.next_steps)
    assert not any("manifestation meeting" in step for step in advice.next_steps)
    assert "no plan yet" in advice.why and "fast evaluation" in advice.why


def test_no_plan_discipline_in_spanish_and_within_the_text_budget():
    english = advise(NO_PLAN_DISCIPLINE, "en")
    spanish = advise(NO_PLAN_DISCIPLINE, "es")

    assert any("evaluación rápida" in step for step in spanish.next_steps)
    assert "300.534" in render_full(spanish)
    assert len(spanish.next_steps) == len(english.next_steps)
    assert within_budget(english) and within_budget(spanish)


def test_a_child_with_a_plan_still_gets_the_manifestation_meeting_step():
    advice = advise({**NO_PLAN_DISCIPLINE, "plan": "iep"})
    assert any("manifestation meeting" in step for step in advice.next_steps)
    assert "only if the school knew" not in render_full(advice)


# --- 2. a state with its own hearing limit ------------------------------------


@pytest.mark.parametrize(("state", "name", "limit"),
                         [("WI", "Wisconsin", "1 year"),
                          ("NC", "North Carolina", "1 year"),
                          ("AK", "Alaska", "12 months")])
def test_the_states_hearing_limit_comes_first_and_federal_law_is_not_the_deadline(
        state, name, limit):
    advice = advise({**WI_HEARING, "state": state})

    assert advice.cautions.index("state_time_limit") < advice.cautions.index(
        "due_process_two_years")
    federal = next(d for d in advice.deadlines if d.caution == "due_process_two_years")
    assert federal.text == (f"Federal law allows 2 years to ask for a hearing, "
                            f"but {name} allows only {limit}.")
    sms = render_sms(advice)
    assert "2 years" not in sms
    assert f"hearing within {limit}" in sms
    spanish = render_sms(advise({**WI_HEARING, "state": state}, "es"))
    assert "2 anos" not in spanish


def test_a_state_that_keeps_two_years_keeps_the_federal_line():
    advice = advise({**WI_HEARING, "state": "VA"})
    assert "Hearing within 2 years" in render_sms(advice)


@pytest.mark.parametrize("since", ["1_to_2_years", "over_2_years"])
@pytest.mark.parametrize("lang", LANGS)
def test_an_old_problem_in_such_a_state_says_its_limit_has_probably_passed(
        since, lang):
    advice = advise({**WI_HEARING, "since": since}, lang)
    passed = next(d for d in advice.deadlines if d.caution == "time_may_have_passed")

    words = {"en": ("Wisconsin allows only 1 year", "has probably passed",
                    "Get help quickly"),
             "es": ("Wisconsin da solo 1 año", "probablemente ya pasó",
                    "Busque ayuda rápido")}[lang]
    for word in words:
        assert word in passed.text
    assert "2 years" not in passed.text and "2 años" not in passed.text
    assert within_budget(advice)


# --- 3. a 504-only child -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_504_childs_late_warning_names_only_504_windows(lang):
    advice = advise({"plan": "504", "issue": "implementation",
                     "stage": "meetings_failed", "since": "1_to_2_years"}, lang)
    passed = next(d for d in advice.deadlines if d.caution == "time_may_have_passed")

    assert "180" in passed.text
    assert "2 years" not in passed.text and "2 años" not in passed.text
    assert "1 year" not in passed.text and "1 año" not in passed.text
    assert ("no day limit" if lang == "en" else "no fija un plazo") in passed.text
    assert passed.deadline == "180 days"


@pytest.mark.parametrize("state", [None, "OH", "WI"])
def test_a_504_child_is_pointed_to_the_districts_504_procedures(state):
    facts = {"plan": "504", "issue": "services"}
    if state:
        facts["state"] = state
    for lang, words in (("en", "Section 504 procedures"),
                        ("es", "procedimientos de la Sección 504")):
        local = advise(facts, lang).local_rules
        assert words in local
        assert "safeguards" not in local and "garantías" not in local


def test_an_iep_child_still_reads_the_procedural_safeguards_notice():
    assert "procedural safeguards notice" in advise(
        {"plan": "iep", "state": "WI"}).local_rules


# --- 4. a state complaint about an old problem -------------------------------


@pytest.mark.parametrize("since", ["1_to_2_years", "over_2_years"])
def test_an_old_compliance_problem_says_a_state_complaint_reaches_one_year(since):
    for lang, words in (("en", "only cover what happened in the last 1 year"),
                        ("es", "solo puede cubrir lo que pasó hace 1 año o menos")):
        advice = advise({**OLD_COMPLIANCE, "since": since}, lang)
        assert advice.primary == "state_complaint"
        assert "due_process" in advice.also_consider
        line = next(step for step in advice.next_steps if words in step)
        assert "300.153(c)" in line
        assert any("2 " in step and ("due process" in step or "debido" in step)
                   for step in advice.next_steps)
        assert within_budget(advice)


# --- 5. state complaint extensions; grievance cost --------------------------


def test_the_faq_says_the_60_days_can_be_extended():
    for lang, words in (("en", "take longer only in rare cases"),
                        ("es", "Solo puede tardar más")):
        answer = dict(faq(lang))[faq(lang)[3][0]]
        assert "60" in answer and words in answer


def test_the_grievance_page_does_not_promise_it_is_free():
    for lang in LANGS:
        page = render_path_page("grievance", lang)
        assert "Free to file" not in page and "es gratis" not in page


# --- 6. urgent advice says "write to the school" once -------------------------


@pytest.mark.parametrize("facts", [
    {"plan": "iep", "issue": "discipline", "urgent": "yes"},
    {"plan": "none", "issue": "discipline", "urgent": "yes"},
    {"plan": "iep", "issue": "services", "urgent": "yes"},
])
def test_urgent_steps_say_write_to_the_school_once(facts):
    for lang, words in (("en", "Write to the school"), ("es", "scriba")):
        steps = advise(facts, lang).next_steps
        assert sum(words in step for step in steps) == 1, steps
        assert "Say what is wrong" in advise(facts).next_steps[0]


# --- 7. an unknown language ------------------------------------------------------


def test_advise_refuses_an_unknown_language(capsys):
    status = main(["--fact", "plan=iep", "--lang", "fr"])
    captured = capsys.readouterr()

    assert status == 2
    assert captured.out == ""
    assert "unknown language 'fr'" in captured.err
    assert "en, es" in captured.err


# --- 8. discipline when the parent is not sure which plan the child has -------

UNSURE_PLAN_DISCIPLINE = {"plan": "unsure", "issue": "discipline", "urgent": "yes"}


@pytest.mark.parametrize("urgent", ["yes", "no"])
def test_unsure_plan_discipline_says_the_rights_depend_on_the_plan(urgent):
    advice = advise({**UNSURE_PLAN_DISCIPLINE, "urgent": urgent})
    meeting = next(d for d in advice.deadlines if d.caution == "manifestation_10_days")

    assert "manifestation_10_days" in advice.cautions
    assert "depend on the plan" in meeting.text
    assert "With an IEP (special education under IDEA)" in meeting.text
    assert "within 10 school days" in meeting.text
    assert "With a 504 plan" in meeting.text and "generally" in meeting.text
    assert "only if the school knew of a possible disability" in meeting.text
    for citation in ("300.530(e)", "104.35(a)", "300.534"):
        assert citation in meeting.citation
    assert advice.next_steps[0].startswith("Find out today which plan your child has")
    assert "copy of any IEP or 504 plan" in advice.next_steps[0]
    assert not any(step.startswith("Ask in writing for a manifestation meeting")
                   for step in advice.next_steps)
    assert any(step.startswith("If your child has an IEP")
               and "manifestation meeting" in step for step in advice.next_steps)


@pytest.mark.parametrize("urgent", ["yes", "no"])
def test_unsure_plan_discipline_text_message_is_conditional(urgent):
    for lang, words in (("en", "Rights depend on the plan"), ("es", "Segun el plan")):
        advice = advise({**UNSURE_PLAN_DISCIPLINE, "urgent": urgent}, lang)
        sms = render_sms(advice)
        assert words in sms
        assert "the school must meet within 10" not in sms
        assert within_budget(advice)


def test_unsure_plan_urgent_discipline_reason_asks_to_find_out_the_plan():
    english = advise(UNSURE_PLAN_DISCIPLINE, "en")
    spanish = advise(UNSURE_PLAN_DISCIPLINE, "es")

    assert "not sure of the plan" in english.why and "Find out today" in english.why
    assert "the meeting the school must hold" not in english.why
    assert "Averigüe hoy" in spanish.why
    assert spanish.next_steps[0].startswith("Averigüe hoy qué plan tiene su hijo")
    assert len(spanish.next_steps) == len(english.next_steps)
    meeting = next(d for d in spanish.deadlines if d.caution == "manifestation_10_days")
    assert "dependen del plan" in meeting.text and "por lo general" in meeting.text
    assert "10 días escolares" in meeting.text


# --- 9. the late warning's deadline names the state's limit --------------------


@pytest.mark.parametrize(("state", "limit"),
                         [("WI", "1 year"), ("NC", "1 year"), ("AK", "12 months")])
@pytest.mark.parametrize("since", ["6_to_12_months", "1_to_2_years", "over_2_years"])
def test_the_late_warnings_deadline_is_the_states_limit(state, limit, since):
    advice = advise({**WI_HEARING, "state": state, "since": since})
    passed = [d for d in advice.deadlines if d.caution == "time_may_have_passed"]
    for deadline in passed:
        assert deadline.deadline == limit
        assert limit in deadline.text and "2 years" not in deadline.text
    if since != "6_to_12_months":
        assert passed


def test_the_late_warning_keeps_two_years_where_the_state_does():
    advice = advise({**WI_HEARING, "state": "VA", "since": "over_2_years"})
    passed = next(d for d in advice.deadlines if d.caution == "time_may_have_passed")
    assert passed.deadline == "2 years"
