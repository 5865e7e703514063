"""`pathfinder flows`: the assessments Pathfinder ships, one line each.

    pathfinder flows

Each line gives the name to pass to --flow, the title, how many questions the
flow has, and how many a parent answers at most on one path.
"""

from __future__ import annotations

import argparse

from pathfinder.machine.errors import ContentError
from pathfinder.machine.library import assessments

from .options import fail, parse

PROG = "pathfinder flows"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=PROG, description="List the shipped assessments (flows).")
    args = parse(parser, argv)
    if isinstance(args, int):
        return args
    try:
        found = assessments()
    except ContentError as error:
        return fail(PROG, f"{error} (run 'pathfinder check' for every problem)")

    print(f"{'name':<12}{'questions':>10}{'longest path':>14}  title")
    for assessment in found:
        flow = assessment.flow
        print(f"{flow.name:<12}{len(flow.questions):>10}{flow.longest_path:>14}  "
              f"{flow.title}")
    return 0
