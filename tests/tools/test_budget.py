"""The summary budget measures each distinct text once; prove that is safe.

`SummaryBudget` skips an advice whose fields in SUMMARY_READS / MORE_READS it
has already measured. That is only right if the renderers read nothing else:
these tests change every other field and expect the same text.
"""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from pathfinder.machine.guidance.engine import Advice, Deadline
from pathfinder.machine.library import load_assessment
from pathfinder.machine.render import render_more, render_sms
from pathfinder.tools.budget import MORE_READS, SUMMARY_READS

FACTS = {"plan": "iep", "issue": "services", "stage": "meetings_failed",
         "goal": "decision", "urgent": "yes", "since": "1_to_2_years", "state": "WI"}


def other_value(value: object) -> object:
    if isinstance(value, str):
        return value + " Changed."
    if isinstance(value, list):
        if value and isinstance(value[0], Deadline):
            return [replace(value[0], text="Changed.", short="Changed.")]
        return ["Changed."]
    if isinstance(value, dict):
        return {"changed": "yes"}
    raise AssertionError(f"no other value for {value!r}")


def changed_except(advice: Advice, reads: tuple[str, ...]) -> Advice:
    return replace(advice, **{
        f.name: other_value(getattr(advice, f.name)) for f in fields(advice)
        if f.name not in (*reads, "guidance")
    })


@pytest.mark.parametrize(("render", "reads"), [
    (lambda advice: [render_sms(advice)], SUMMARY_READS),
    (render_more, MORE_READS),
])
def test_the_renderers_read_only_the_fields_the_budget_keys_on(render, reads):
    advice = load_assessment("dispute").advise(FACTS)

    assert render(changed_except(advice, reads)) == render(advice)


@pytest.mark.parametrize(("render", "field"), [
    (lambda advice: [render_sms(advice)], "why"),
    (render_more, "next_steps"),
])
def test_a_field_the_budget_keys_on_does_change_the_text(render, field):
    advice = load_assessment("dispute").advise(FACTS)
    changed = replace(advice, **{field: other_value(getattr(advice, field))})

    assert render(changed) != render(advice)
