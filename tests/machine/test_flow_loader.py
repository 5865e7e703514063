"""The flow loader: the shipped flow loads, and a broken file says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import DONE, flow_files, load_flow, load_shipped

GOOD = '''
[flow]
name = "tiny"
title = "Tiny"
intro = "A tiny flow."
start = "first"
guidance = "dispute"

[[questions]]
id = "first"
fact = "plan"
title = "First"
text = "Which plan?"
help = "Because."
  [[questions.choices]]
  value = "iep"
  label = "IEP"
  next = "second"
  [[questions.choices]]
  value = "504"
  label = "504 plan"
  next = "done"

[[questions]]
id = "second"
fact = "urgent"
title = "Second"
text = "Urgent?"
help = "Because."
  [[questions.choices]]
  value = "yes"
  label = "Yes"
  next = "done"
  [[questions.choices]]
  value = "no"
  label = "No"
  next = "done"
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_flows_load():
    names = [path.stem for path in flow_files()]
    assert "dispute" in names
    for name in names:
        assert load_shipped(name).questions


def test_no_path_through_the_dispute_flow_asks_more_than_eight_questions():
    flow = load_shipped("dispute")
    assert flow.longest_path <= 8
    assert flow.remaining_at_most(flow.start) == flow.longest_path


def test_a_good_small_flow_loads_with_its_choices_in_order(tmp_path):
    flow = load_flow(write(tmp_path, GOOD))
    assert flow.start == "first"
    assert flow.question("first").values == ("iep", "504")
    assert flow.remaining_at_most("first") == 2
    assert flow.remaining_at_most("second") == 1


@pytest.mark.parametrize(
    ("broken", "where", "problem"),
    [
        (GOOD.replace('next = "second"', 'next = "secnd"'),
         'question "first"', "unknown question 'secnd'"),
        (GOOD.replace('text = "Urgent?"\n', ""),
         'question "second"', "needs 'text'"),
        (GOOD.replace('value = "504"', 'value = "iep"'),
         'question "first"', "choice 'iep' appears twice"),
        (GOOD.replace('start = "first"', 'start = "zero"'),
         "[flow]", "unknown question 'zero'"),
        (GOOD.replace('id = "second"', 'id = "first"'),
         'question "first"', "defined twice"),
        (GOOD.replace('value = "yes"\n  label = "Yes"\n  next = "done"',
                      'value = "yes"\n  label = "Yes"\n  next = "first"'),
         'question "', "loop"),
        (GOOD.replace('label = "504 plan"', 'label = ""'),
         'question "first", choice "504"', "'label'"),
        (GOOD.replace('value = "504"', 'value = "skip"'),
         'question "first"', "reserved"),
        (GOOD.replace('title = "Tiny"', 'title = "Tiny"\nlanguages = ["en", "es"]'),
         "", "has no es text"),
    ],
)
def test_a_broken_flow_names_the_file_the_question_and_the_problem(
    tmp_path, broken, where, problem
):
    with pytest.raises(ContentError) as caught:
        load_flow(write(tmp_path, broken))
    message = str(caught.value)
    assert message.startswith("tiny.toml")
    assert where in message
    assert problem in message


def test_a_file_that_is_not_toml_is_refused_by_name(tmp_path):
    with pytest.raises(ContentError, match=r"^tiny.toml: is not valid TOML"):
        load_flow(write(tmp_path, "[flow\nname="))


def test_an_unknown_shipped_flow_lists_the_known_ones():
    with pytest.raises(ContentError, match="known flows: .*dispute"):
        load_shipped("no_such_flow")


def test_every_answer_of_the_dispute_flow_leads_somewhere_real():
    flow = load_shipped("dispute")
    for question in flow.questions.values():
        for _, target in question.targets():
            assert target == DONE or target in flow.questions
