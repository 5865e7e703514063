"""Sessions: moving through the flow, Back, Start over, saving and restoring."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.machine.errors import InvalidAnswer
from pathfinder.machine.flow import load_shipped
from pathfinder.machine.session import Session
from pathfinder.machine.statemachine import FlowMachine

FLOW = load_shipped("dispute")
MACHINE = FlowMachine.for_flow(FLOW)


def answered(*answers: str) -> Session:
    session = Session.begin(FLOW)
    for answer in answers:
        MACHINE.answer(session, answer)
    return session


def test_the_machine_is_built_once_per_flow_and_shared():
    assert FlowMachine.for_flow(load_shipped("dispute")) is MACHINE


def test_a_plan_sends_the_parent_to_the_questions_for_that_plan():
    assert answered("iep").current == "issue"
    assert answered("504").current == "issue_504"
    assert answered("none").current == "issue_no_plan"


def test_a_discipline_answer_skips_the_urgent_question_and_implies_it():
    session = answered("iep", "discipline")
    assert session.current == "stage"
    assert session.facts(FLOW) == {
        "plan": "iep", "issue": "discipline", "urgent": "yes"}


def test_a_whole_path_gathers_every_fact_and_ends_done():
    session = answered("504", "implementation", "no", "meetings_failed",
                       "compliance", "under_6_months", "va")
    assert session.done
    assert session.facts(FLOW) == {
        "plan": "504", "issue": "implementation", "urgent": "no",
        "stage": "meetings_failed", "goal": "compliance",
        "since": "under_6_months", "state": "VA",
    }


def test_the_state_question_can_be_skipped():
    session = answered("iep", "services", "no", "starting", "agreement",
                       "under_6_months")
    MACHINE.skip(session)
    assert session.done
    assert "state" not in session.facts(FLOW)


def test_a_required_question_cannot_be_skipped():
    session = answered("iep")
    with pytest.raises(InvalidAnswer):
        MACHINE.skip(session)
    assert session.current == "issue"


@pytest.mark.parametrize("bad", ["services", "IEP", "", "stage", "skip", "code"])
def test_an_answer_the_question_does_not_offer_changes_nothing(bad):
    session = answered()
    before = session.to_dict()
    with pytest.raises(InvalidAnswer):
        MACHINE.answer(session, bad)
    assert session.to_dict() == before


def test_a_state_code_that_does_not_exist_is_refused():
    session = answered("iep", "services", "no", "starting", "agreement",
                       "under_6_months")
    with pytest.raises(InvalidAnswer):
        MACHINE.answer(session, "ZZ")
    assert session.current == "state"


def test_no_answer_is_accepted_after_the_end():
    session = answered("504", "records", "no", "waiting", "compliance",
                       "under_6_months", "NC")
    with pytest.raises(InvalidAnswer):
        MACHINE.answer(session, "iep")


def test_back_returns_to_the_question_actually_asked_with_its_answer():
    session = answered("iep", "discipline")  # urgent was skipped
    assert session.back()
    assert session.current == "issue"
    assert session.previous_answer("issue") == "discipline"
    assert session.back()
    assert session.current == "plan"
    assert not session.back()


def test_answering_the_same_after_back_keeps_the_later_answers():
    session = answered("iep", "services", "no")
    session.back()
    session.back()
    MACHINE.answer(session, "services")
    assert session.current == "urgent"
    assert session.previous_answer("urgent") == "no"


def test_a_different_answer_after_back_drops_the_branch_no_longer_taken():
    session = answered("iep", "services", "yes", "starting")
    for _ in range(4):
        session.back()
    MACHINE.answer(session, "504")
    assert session.current == "issue_504"
    assert session.previous_answer("issue") is None
    assert session.previous_answer("urgent") is None
    assert session.facts(FLOW) == {"plan": "504"}


def test_facts_never_include_answers_from_after_the_current_question():
    session = answered("iep", "services", "yes")
    session.back()
    assert session.facts(FLOW) == {"plan": "iep", "issue": "services"}


def test_start_over_clears_everything_but_the_language():
    session = answered("iep", "services")
    session.language = "es"
    session.restart()
    assert session.current == FLOW.start
    assert session.answers == {} and session.history == []
    assert session.language == "es"


def test_progress_counts_from_one_and_estimates_the_rest():
    session = answered()
    assert (session.number, session.about_total(FLOW)) == (1, 7)
    MACHINE.answer(session, "iep")
    MACHINE.answer(session, "discipline")
    assert (session.number, session.about_total(FLOW)) == (3, 6)


def test_a_session_survives_a_json_round_trip():
    session = answered("iep", "discipline", "meetings_failed")
    restored = Session.from_dict(json.loads(json.dumps(session.to_dict())), FLOW)
    assert restored == session
    MACHINE.answer(restored, "decision")
    assert restored.current == "since"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d.update(v=99),
        lambda d: d.pop("history"),
        lambda d: d.update(current="no_such_question"),
        lambda d: d.update(answers={"plan": "spaceship"}),
        lambda d: d.update(history=[1, 2]),
        lambda d: d.update(flow="other"),
    ],
)
def test_saved_data_that_does_not_fit_the_flow_is_refused(tamper):
    data = answered("iep").to_dict()
    tamper(data)
    with pytest.raises(ValueError):
        Session.from_dict(data, FLOW)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["back", "restart", "skip", "iep", "504", "none", "unsure", "services",
     "discipline", "records", "yes", "no", "starting", "meetings_failed",
     "decision", "compliance", "under_6_months", "over_2_years", "NC", "XX"]),
    max_size=30))
def test_any_mix_of_answers_back_and_restart_leaves_a_restorable_session(moves):
    session = answered()
    for move in moves:
        if move == "back":
            session.back()
        elif move == "restart":
            session.restart()
        else:
            try:
                (MACHINE.skip(session) if move == "skip"
                 else MACHINE.answer(session, move))
            except InvalidAnswer:
                pass
        restored = Session.from_dict(session.to_dict(), FLOW)
        assert restored == session
        facts = session.facts(FLOW)
        asked = {FLOW.question(q).fact for q in session.history}
        assert set(facts) <= asked | {"urgent"}
        assert len(session.history) <= FLOW.longest_path
