"""`pathfinder --plain`: the questions line by line on standard input and
output, for screen readers and simple terminals."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from pathfinder.machine.replay import Step, answers_for
from pathfinder.machine.session import Session
from pathfinder.machine.statemachine import FlowMachine
from pathfinder.tui.outcome import outcome_of
from pathfinder.tui.plain import run_plain
from pathfinder.tui.words import words_for

EN, ES = words_for("en"), words_for("es")
WISCONSIN = {"plan": "iep", "issue": "services", "stage": "meetings_failed",
             "goal": "decision", "urgent": "no", "since": "6_to_12_months",
             "state": "WI"}


def typed_for(flow, steps: list[Step]) -> list[str]:
    """What a parent types for each step: a choice's number, or the code."""
    lines = []
    for step in steps:
        question = flow.question(step.question)
        if step.answer is None:
            lines.append("SKIP")
        elif question.kind == "code":
            lines.append(step.answer.lower())
        else:
            lines.append(str(question.values.index(step.answer) + 1))
    return lines


def summary_for(flow, facts, lang="en") -> str:
    session = Session.begin(flow, language=lang)
    machine = FlowMachine.for_flow(flow)
    for step in answers_for(flow, facts):
        machine.answer(session, step.answer)
    return outcome_of(flow, session).summary_text


def converse(flow, lines: list[str], lang: str = "en") -> tuple[int, str]:
    given = io.StringIO("".join(f"{line}\n" for line in lines))
    out = io.StringIO()
    status = run_plain(flow, lang, given, out)
    return status, out.getvalue()


def test_a_whole_answer_sequence_ends_with_the_full_summary(flow):
    status, output = converse(flow, typed_for(flow, answers_for(flow, WISCONSIN)))

    assert status == 0
    assert output.startswith(f"{flow.title}\n\n{flow.intro}\n")
    assert f"{EN('question.progress', number=1, total=flow.longest_path)}\n" \
           f"{flow.question('plan').text}\n" \
           f"1. {flow.question('plan').choices[0].label}\n" in output
    assert EN("plain.code") in output
    assert output.endswith(f"{EN('plain.summary_heading')}\n\n"
                           f"{summary_for(flow, WISCONSIN)}")


def test_back_restart_why_and_mistakes_are_understood(flow):
    lines = ["2", "back", "RESTART", "why", "9", "1", "summary"]
    status, output = converse(flow, lines)

    assert status == 0
    # BACK returns to the first question with the earlier answer marked.
    assert f"2. A 504 plan {EN('plain.earlier_answer')}" in output
    assert EN("question.started_over") in output
    assert EN("question.why", help=flow.question("plan").help) in output
    assert EN("plain.not_understood") in output
    assert output.endswith(summary_for(flow, {"plan": "iep"}))
    assert EN("summary.stopped_early") in output


def test_a_wrong_state_code_is_explained_and_can_be_fixed(flow):
    steps = answers_for(flow, WISCONSIN)
    lines = typed_for(flow, steps[:-1]) + ["ZZ", "", "wi"]
    _, output = converse(flow, lines)

    assert EN("question.unknown_code", code="ZZ") in output
    assert EN("question.empty_code") in output
    assert output.endswith(summary_for(flow, WISCONSIN))


def test_the_end_of_input_before_the_end_stops_without_a_summary(flow):
    status, output = converse(flow, ["1", "3"])
    assert status == 0
    assert output.endswith(f"\n{EN('plain.stopped')}\n")
    assert EN("summary.title") not in output


def test_spanish_words_and_accents_work_with_or_without_accents(flow):
    lines = ["1", "atras", "ATRÁS", "por que", "2", "resumen"]
    _, output = converse(flow, lines, lang="es")

    assert ES("question.progress", number=1, total=flow.longest_path) in output
    assert ES("question.first_question") in output
    assert ES("question.why", help=flow.question("plan").help.get("es")) in output
    assert ES("plain.other_words", words="REINICIAR, POR QUÉ, SALIR") in output
    assert output.endswith(summary_for(flow, {"plan": "504"}, "es"))


def test_the_command_reads_a_piped_answer_sequence(flow):
    """The real `pathfinder --plain`, as a screen-reader user runs it."""
    lines = typed_for(flow, answers_for(flow, WISCONSIN))
    # Bytes that are not UTF-8 first: a stray paste is not an answer.
    typed = b"\xff\xfe\n" + "".join(f"{line}\n" for line in lines).encode()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATHFINDER_")}
    done = subprocess.run(
        [sys.executable, "-m", "pathfinder.cli", "--plain"],
        input=typed, capture_output=True, env=env, timeout=60,
    )
    output = done.stdout.decode("utf-8")

    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert EN("plain.not_understood") in output
    assert output.endswith(summary_for(flow, WISCONSIN))


def test_summary_after_back_to_the_first_question_says_how_to_keep_the_answer(flow):
    _, output = converse(flow, ["2", "back", "summary", "2", "summary"])

    assert f"2. A 504 plan {EN('plain.earlier_answer')}" in output
    assert EN("plain.keep_answer_first") in output
    assert EN("question.nothing_answered") not in output
    # Typing the number again keeps the answer, and SUMMARY then works.
    assert output.endswith(summary_for(flow, {"plan": "504"}))


def test_a_wrong_state_code_gets_one_hint_on_how_to_type_it(flow):
    steps = answers_for(flow, WISCONSIN)
    lines = typed_for(flow, steps[:-1]) + ["ZZ", "wi"]
    _, output = converse(flow, lines)

    after_problem = output.split(EN("question.unknown_code", code="ZZ"), 1)[1]
    assert EN("plain.code") not in after_problem
    assert output.count(EN("plain.code")) == 1  # Only when it was first asked.
