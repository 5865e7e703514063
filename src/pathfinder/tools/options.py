"""What the tool commands share: choosing a flow, and reporting errors."""

from __future__ import annotations

import argparse
import os
import sys

from pathfinder.machine.flow import Flow, load_flow, load_shipped
from pathfinder.machine.library import (
    Assessment,
    assessment_from_file,
    load_assessment,
)

DEFAULT_FLOW = "dispute"
USAGE_ERROR = 2
FAILED = 1


def add_flow_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--flow", default=DEFAULT_FLOW, metavar="NAME",
        help=f"a shipped flow's name, or a flow file ending in .toml "
             f"(default: {DEFAULT_FLOW}; 'pathfinder flows' lists them)")


def flow_for(flow: str) -> Flow:
    """The flow named, or read from a file ending in .toml. Raises ContentError."""
    return load_flow(flow) if flow.endswith(".toml") else load_shipped(flow)


def assessment_for(flow: str) -> Assessment:
    """The assessment named, or read from a flow file. Raises ContentError."""
    if flow.endswith(".toml"):
        return assessment_from_file(flow)
    return load_assessment(flow)


def parse(parser: argparse.ArgumentParser,
          argv: list[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status when argparse has already
    printed help or a usage error."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else USAGE_ERROR


def fail(prog: str, message: object, status: int = FAILED) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return status


def reader_went_away() -> int:
    """After a BrokenPipeError (the output was piped into `head`): stop quietly.

    Standard output is pointed at the null device so that Python's own flush
    at exit does not fail a second time.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return FAILED
