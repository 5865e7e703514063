"""`pathfinder paths`: every complete path, its facts and the advice it gets."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections import Counter
from functools import cache

import pytest

from pathfinder.machine.flow import DONE, Flow
from pathfinder.machine.library import load_assessment
from pathfinder.machine.session import Session
from pathfinder.machine.statemachine import FlowMachine
from pathfinder.tools.paths import main
from tests.support.scenarios import SCENARIOS

# The scenario table's states: one with a time limit of its own, one without.
SCENARIO_STATES = sorted(
    {s["facts"]["state"] for s in SCENARIOS if "state" in s["facts"]})


def count_paths(flow: Flow, codes_tried: int) -> int:
    """Complete paths, counted from the flow's structure alone."""

    @cache
    def count(qid: str) -> int:
        if qid == DONE:
            return 1
        question = flow.question(qid)
        total = sum(count(choice.next) for choice in question.choices)
        if question.kind == "code":
            total += codes_tried * count(question.next)
        if question.optional:
            total += count(question.next)
        return total

    return count(flow.start)


def listing(capsys, *args: str) -> tuple[list[dict[str, str]], str]:
    assert main(["--csv", *args]) == 0
    captured = capsys.readouterr()
    return list(csv.DictReader(io.StringIO(captured.out))), captured.err


@pytest.fixture(scope="module")
def dispute_rows() -> tuple[list[dict[str, str]], str]:
    """The CSV listing of the dispute flow with the scenario table's states,
    made once for the tests of this module (capsys is per test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["--csv", "--flow", "dispute",
                     "--codes", ",".join(SCENARIO_STATES)]) == 0
    return list(csv.DictReader(io.StringIO(out.getvalue()))), err.getvalue()


def test_the_scenario_table_names_two_states():
    assert len(SCENARIO_STATES) == 2


def test_the_number_of_paths_follows_from_the_flows_structure(dispute_rows):
    rows, err = dispute_rows
    expected = count_paths(load_assessment("dispute").flow, len(SCENARIO_STATES))

    assert len(rows) == expected
    assert [int(row["path"]) for row in rows] == list(range(1, expected + 1))
    assert f"\n{expected} complete paths.\n" in err


def test_every_path_replays_to_the_end_with_the_facts_and_advice_listed(dispute_rows):
    rows, _ = dispute_rows
    assessment = load_assessment("dispute")
    machine = FlowMachine.for_flow(assessment.flow)
    fact_names = list(assessment.guidance.vocabulary.facts)

    for row in rows:
        session = Session.begin(assessment.flow)
        for step in row["answers"].split(" > "):
            qid, answer = step.split("=")
            assert session.current == qid
            if answer == "skip":
                machine.skip(session)
            else:
                machine.answer(session, answer)

        assert session.done, row["answers"]
        facts = session.facts(assessment.flow)
        assert {name: row[name] for name in fact_names if row[name]} == facts
        advice = assessment.advise(facts)
        assert row["primary"] == advice.primary
        assert row["cautions"].split() == advice.cautions
        assert row["cautions"].split()[-1] == "not_legal_advice"


def test_every_scenario_appears_on_at_least_one_path(dispute_rows):
    rows, _ = dispute_rows
    for scenario in SCENARIOS:
        wanted = scenario["facts"].items()
        assert any(all(row[name] == value for name, value in wanted)
                   for row in rows), scenario["id"]


def test_the_counts_per_primary_path_match_the_listing_and_name_the_rest(capsys):
    assert main(["--flow", "dispute"]) == 0
    text = capsys.readouterr().out
    rows, _ = listing(capsys, "--flow", "dispute")
    paths = load_assessment("dispute").guidance.vocabulary.paths

    counted = Counter(row["primary"] for row in rows)
    table = dict(re.findall(r"^([a-z0-9_]+) +(\d+)  #\d+$", text, re.MULTILINE))
    assert {path: int(count) for path, count in table.items()} == counted
    never = [path for path in paths if path not in counted]
    assert never, "the dispute flow leaves some path never primary"
    ending = text.rstrip().splitlines()[-1]
    assert ending.startswith("No answers make these the primary path: ")
    assert re.findall(r"([a-z0-9_]+) \(also considered", ending) == never


def test_the_listing_says_which_codes_it_tries(capsys):
    assert main(["--flow", "dispute"]) == 0
    head = capsys.readouterr().out.splitlines()[1]

    assert head.startswith('Question "state" takes a code: each path tries skip, ')
    assert "(a time limit of its own)" in head
    assert "(no time limit of its own)" in head
    assert head.endswith("not all 56 codes.")


def test_the_504_fit_flow_lists_every_path_with_advice(capsys):
    rows, err = listing(capsys, "--flow", "fit504")
    assessment = load_assessment("fit504")

    assert len(rows) == count_paths(assessment.flow, 0)
    assert {row["primary"] for row in rows} == set(assessment.guidance.vocabulary.paths)
    assert "No answers make these" not in err


def test_a_code_no_question_accepts_is_refused(capsys):
    assert main(["--flow", "dispute", "--codes", "ZZ"]) == 2
    assert "no code question accepts ZZ" in capsys.readouterr().err


def test_an_unknown_flow_is_an_error_naming_the_known_ones(capsys):
    assert main(["--flow", "nosuch"]) == 1
    err = capsys.readouterr().err
    assert "no such flow; known flows: " in err and "fit504" in err
