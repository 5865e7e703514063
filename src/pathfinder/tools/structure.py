"""The shape of a flow as its state machine sees it: what can be reached."""

from __future__ import annotations

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import Flow
from pathfinder.machine.statemachine import transition_table


def reachable(flow: Flow) -> set[str]:
    """The states the machine can reach from the first question."""
    leaving: dict[str, list[str]] = {}
    for rule in transition_table(flow):
        leaving.setdefault(rule["source"], []).append(rule["dest"])

    seen = {flow.start}
    waiting = [flow.start]
    while waiting:
        for dest in leaving.get(waiting.pop(), []):
            if dest not in seen:
                seen.add(dest)
                waiting.append(dest)
    return seen


def unreachable_problems(flow: Flow, file: str) -> list[ContentError]:
    """One problem per question that no answers lead to."""
    seen = reachable(flow)
    return [
        ContentError(file, f'question "{qid}"',
                     f"cannot be reached from the first question ({flow.start!r}); "
                     "point an answer's 'next' at it, or remove it")
        for qid in flow.questions if qid not in seen
    ]
