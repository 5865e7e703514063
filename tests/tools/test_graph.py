"""`pathfinder graph`: the state graph as Mermaid, and DOT/SVG only with Graphviz."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field

import pytest

from pathfinder.machine.flow import DONE, load_shipped
from pathfinder.machine.statemachine import transition_table
from pathfinder.tools.diagram import answer_label
from pathfinder.tools.graph import main

# The lines of a Mermaid stateDiagram-v2 that the drawing may use, after
# Mermaid's own grammar: a state id has no spaces, colons or dashes; a label
# after ":" has no colon, semicolon or newline; a state's text has no quote.
STATE = re.compile(r'^state "([^"\n]*)" as ([A-Za-z0-9_]+)$')
EDGE = re.compile(r"^([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+): ([^:;\n]+)$")
START = re.compile(r"^\[\*\] --> ([A-Za-z0-9_]+)$")
STYLE = re.compile(r"^(classDef [A-Za-z0-9_]+ [^\n]+|Class [A-Za-z0-9_]+ s_[a-z]+)$")
DIRECTION = re.compile(r"^direction (LR|RL|TB|BT)$")


@dataclass
class Diagram:
    title: str = ""
    states: Counter[str] = field(default_factory=Counter)
    labels: dict[str, str] = field(default_factory=dict)
    edges: Counter[tuple[str, str]] = field(default_factory=Counter)
    answers: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    starts: list[str] = field(default_factory=list)


def parse_mermaid(text: str) -> Diagram:
    """Read a Mermaid state diagram; fail on any line it does not allow."""
    lines = text.splitlines()
    assert lines[0] == "---" and lines[2] == "---", "front matter with a title"
    title = re.fullmatch(r'title: "([^"]*)"', lines[1])
    assert title, lines[1]
    assert lines[3] == "stateDiagram-v2"

    diagram = Diagram(title=title.group(1))
    for line in (raw.strip() for raw in lines[4:]):
        if match := STATE.match(line):
            diagram.states[match.group(2)] += 1
            diagram.labels[match.group(2)] = match.group(1)
        elif match := EDGE.match(line):
            pair = (match.group(1), match.group(2))
            diagram.edges[pair] += 1
            diagram.answers[pair] = match.group(3).split(" | ")
        elif match := START.match(line):
            diagram.starts.append(match.group(1))
        else:
            assert not line or STYLE.match(line) or DIRECTION.match(line), line
    return diagram


def draw(capsys, *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("name", ["dispute", "fit504"])
def test_the_mermaid_graph_has_every_state_and_transition_once(name, capsys):
    flow = load_shipped(name)
    diagram = parse_mermaid(draw(capsys, "--flow", name))

    assert diagram.title == flow.title.get()
    assert diagram.states == Counter([*flow.questions, DONE])
    assert all(count == 1 for count in diagram.edges.values())
    assert diagram.starts == [flow.start]

    expected: dict[tuple[str, str], list[str]] = {}
    for rule in transition_table(flow):
        pair = (rule["source"], rule["dest"])
        expected.setdefault(pair, []).append(answer_label(flow, rule))
    assert set(diagram.edges) == set(expected)
    for pair, answers in expected.items():
        assert sorted(diagram.answers[pair]) == sorted(answers), pair


def test_states_are_labelled_with_the_questions_short_titles(capsys):
    flow = load_shipped("dispute")
    diagram = parse_mermaid(draw(capsys))

    for qid, question in flow.questions.items():
        assert diagram.labels[qid] == question.title.get()
    assert diagram.answers[("plan", "issue_504")] == ["504 plan"]
    assert sorted(diagram.answers[("state", DONE)]) == ["Skip", "any of 56 codes"]


def test_mermaid_written_to_a_file_is_what_standard_output_gets(capsys, tmp_path):
    target = tmp_path / "dispute.mmd"
    assert main(["--output", str(target)]) == 0

    assert target.read_text(encoding="utf-8") == draw(capsys)


def test_mermaid_is_never_written_into_an_svg_file(capsys, tmp_path):
    target = tmp_path / "dispute.svg"

    assert main(["--format", "mermaid", "--output", str(target)]) == 2
    assert "named like svg but --format is mermaid" in capsys.readouterr().err
    assert not target.exists()


# Runs in a fresh interpreter where importing graphviz fails, as it does on a
# machine without the package, whatever this test machine has installed.
WITHOUT_GRAPHVIZ = (
    "import sys\n"
    "sys.modules['graphviz'] = None\n"
    "from pathfinder.tools.graph import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize("args", [["--format", "dot"], ["--format", "svg"],
                                  ["--output", "flow.svg"], ["--output", "flow.dot"]])
def test_without_graphviz_dot_and_svg_fail_saying_how_to_get_it(args, tmp_path):
    done = subprocess.run([sys.executable, "-c", WITHOUT_GRAPHVIZ, *args],
                          cwd=tmp_path, capture_output=True, text=True)

    assert done.returncode == 1
    assert "pip install graphviz" in done.stderr
    assert "apt-get install graphviz" in done.stderr
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_with_graphviz_dot_names_every_state(capsys):
    text = draw(capsys, "--format", "dot")

    for state in [*load_shipped("dispute").questions, DONE]:
        assert re.search(rf"^\s*{state} \[", text, re.MULTILINE), state


# CI installs Graphviz's dot program (.ci/run), so there this never skips.
@pytest.mark.skipif(shutil.which("dot") is None and not os.environ.get("CI"),
                    reason="needs Graphviz's dot program (apt-get install graphviz)")
def test_with_graphviz_svg_is_a_drawing_with_every_question_title(tmp_path):
    target = tmp_path / "dispute.svg"

    assert main(["--format", "svg", "--output", str(target)]) == 0
    drawing = target.read_text(encoding="utf-8")
    assert drawing.lstrip().startswith(("<?xml", "<svg"))
    for question in load_shipped("dispute").questions.values():
        assert html.escape(question.title.get(), quote=False) in drawing


@pytest.mark.parametrize("where", ["missing-folder/flow.mmd", "."])
def test_an_output_that_cannot_be_written_is_a_clear_error(where, tmp_path, capsys):
    target = tmp_path / where

    assert main(["--output", str(target)]) == 1
    error = capsys.readouterr().err
    assert f"cannot write {target}" in error
    assert "Traceback" not in error
