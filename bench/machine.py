"""What one answer costs inside the state machine, and why it is built once.

The webhook keeps one `transitions` Machine per flow for every parent and
moves a session through it (pathfinder.machine.statemachine). This measures
that step alone, then the same step with a Machine built for each message.
"""

from __future__ import annotations

import timeit
from dataclasses import dataclass

from pathfinder.machine.flow import load_shipped
from pathfinder.machine.session import Session
from pathfinder.machine.statemachine import FlowMachine

ROUNDS = 5


@dataclass(frozen=True)
class MachineCost:
    shared_us: float
    built_per_message_us: float


def measure() -> MachineCost:
    flow = load_shipped("dispute")
    saved = Session.begin(flow).to_dict()
    shared = FlowMachine.for_flow(flow)

    def answer_with_the_shared_machine() -> None:
        shared.answer(Session.from_dict(saved), "iep")

    def answer_with_a_machine_of_its_own() -> None:
        FlowMachine(flow).answer(Session.from_dict(saved), "iep")

    return MachineCost(
        shared_us=_best_us(answer_with_the_shared_machine, 20_000),
        built_per_message_us=_best_us(answer_with_a_machine_of_its_own, 200),
    )


def _best_us(step, number: int) -> float:
    """The fastest of a few rounds, in microseconds per call: the least disturbed."""
    return min(timeit.repeat(step, number=number, repeat=ROUNDS)) / number * 1e6
