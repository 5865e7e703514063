"""`pathfinder check`: the shipped flows pass, and each kind of problem is caught.

Each broken flow in tests/data/flows/ has exactly one problem; its line must
name the file, the place, what is wrong and what to do about it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.flow import flow_files
from pathfinder.tools.check import check_file, main

FLOWS = Path(__file__).parents[1] / "data" / "flows"

# file -> (the place named, what is wrong, what to do)
BROKEN = {
    "unreachable.toml": ('question "orphan"', "cannot be reached from the first "
                         "question", "point an answer's 'next' at it"),
    "loop.toml": ('question "condition"', "can be reached again from itself",
                  "only Back may return to an earlier question"),
    "unknown_target.toml": ('question "condition"', "answer 'known' goes to "
                            "unknown question 'schol'", "set 'next' to"),
    "no_target.toml": ('question "condition", choice "none"', "needs 'next'",
                       "set 'next' to"),
    "missing_language.toml": ('question "condition"', "has no es text",
                              "add the missing language version"),
    "missing_spanish_label.toml": ('question "school", choice "waiting"',
                                   "'label' has no es text",
                                   "add the missing language version"),
    "question_too_long.toml": ('question "school"', "the question (en) as question "
                               "2 of 2 takes 2 text parts", "shorten its sms text"),
    "reserved_word.toml": ('question "condition", choice "none"',
                           "invites the answer 'STOP', which is an opt-out word",
                           "take it out of the choice's words"),
    "unknown_value.toml": ('question "school"', "unknown value 'maybe' for fact "
                           "'school'", "add it to the [vocabulary] of fit504.toml"),
    "no_advice.toml": ("[flow]", "no path ends in advice: its guidance "
                       "'no_such_guidance' does not load", "name a guidance"),
    "summary_too_long.toml": ('path "condition=known > school=not_asked"',
                              "the summary text (en) takes 4 text parts",
                              "shorten the guidance texts"),
    "wrong_name.toml": ("[flow]", "name 'another_name' differs from the file name "
                        "'wrong_name'", "make them the same"),
}


def run_check(capsys, *args: str) -> tuple[int, list[str], str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_flow_gets_one_line_naming_the_place_and_the_fix(
        name, capsys, monkeypatch):
    monkeypatch.chdir(FLOWS)
    where, wrong, fix = BROKEN[name]

    status, lines, err = run_check(capsys, name)

    assert status == 1
    assert lines == [lines[0]], "exactly one problem line"
    assert lines[0].startswith(f"{name}, {where}: ")
    problem = lines[0].removeprefix(f"{name}, {where}: ")
    assert wrong in problem
    assert fix in problem.split("; ", 1)[1]
    assert "1 problem(s) in 1 flow file" in err


def test_every_broken_flow_in_the_folder_is_found_and_the_sound_one_is_not(
        capsys, monkeypatch):
    monkeypatch.chdir(FLOWS)
    names = sorted(path.name for path in FLOWS.glob("*.toml"))

    status, lines, _ = run_check(capsys, *names)

    assert status == 1
    assert sorted(line.split(", ")[0] for line in lines) == sorted(BROKEN)
    assert "sound.toml" in names


def test_the_sound_flow_passes(capsys):
    status, lines, _ = run_check(capsys, str(FLOWS / "sound.toml"))

    assert status == 0
    assert lines == ["1 flow file checked: no problems."]


def test_without_files_it_checks_the_shipped_flows(capsys, monkeypatch):
    checked: list[Path] = []
    monkeypatch.setattr("pathfinder.tools.check.check_file",
                        lambda path: checked.append(path) or [])

    status, lines, _ = run_check(capsys)

    assert status == 0
    assert checked == flow_files()
    assert lines == [f"{len(checked)} flow files checked: no problems."]


@pytest.mark.parametrize("path", flow_files(), ids=lambda path: path.stem)
def test_each_shipped_flow_passes_every_check(path):
    assert [str(problem) for problem in check_file(path)] == []


def test_a_first_question_that_fits_alone_but_not_with_the_welcome_is_reported(
        tmp_path, capsys):
    # The welcome names the flow's title, so a long title crowds the first
    # question (which still fits one part on its own) out of two parts.
    title = "A small 504 flow for " + "parents and caregivers " * 8
    question = ("Does your child have a health condition " * 5)[:120] + "?"
    flow = (FLOWS / "sound.toml").read_text(encoding="utf-8").replace(
        'name = "sound"', 'name = "crowded"').replace(
        'title = "A small 504 flow"', f'title = "{title.strip()}"').replace(
        'text = "Does your child have a health condition or disability?"',
        f'text = "{question}"')
    path = tmp_path / "crowded.toml"
    path.write_text(flow, encoding="utf-8")

    problems = [str(problem) for problem in check_file(path)]

    assert len(problems) == 1
    assert 'question "condition": the welcome with this first question' in problems[0]
    assert "must fit in 2" in problems[0]
