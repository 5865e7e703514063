"""`pathfinder paths`: every complete path through a flow, and the advice it gets.

    pathfinder paths [--flow NAME] [--csv] [--codes XX,YY]

Each path lists the answers in order, the facts they gather, and the primary
path and cautions the guidance gives for them. The listing ends with how many
paths lead to each primary path, and names any path no answers lead to. A code
question (the state) is tried with skip and a few sample codes, as the output
says, not with every code.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Mapping, TextIO

from pathfinder.machine.errors import ContentError
from pathfinder.machine.guidance.engine import Advice
from pathfinder.machine.library import Assessment

from .options import (
    USAGE_ERROR,
    add_flow_option,
    assessment_for,
    fail,
    parse,
    reader_went_away,
)
from .walk import FlowPath, paths, typical_codes

PROG = "pathfinder paths"


@dataclass(frozen=True)
class Walked:
    """One numbered complete path and the advice at its end."""

    number: int
    path: FlowPath
    advice: Advice


def walk_with_advice(assessment: Assessment,
                     codes: Mapping[str, tuple[str, ...]]) -> Iterator[Walked]:
    for number, path in enumerate(paths(assessment.flow, codes), start=1):
        yield Walked(number, path, assessment.advise(path.facts))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="List every complete path through a flow with "
                               "its facts and advice, then count them.")
    add_flow_option(parser)
    parser.add_argument("--csv", action="store_true",
                        help="one CSV row per path on standard output; the "
                             "counts go to standard error")
    parser.add_argument("--codes", metavar="XX,YY",
                        help="the codes to try at a code question such as the "
                             "state (default: one with a time limit of its own "
                             "and one without)")
    return parser


def main(argv: list[str]) -> int:
    args = parse(build_parser(), argv)
    if isinstance(args, int):
        return args
    try:
        assessment = assessment_for(args.flow)
    except ContentError as error:
        return fail(PROG, error)

    codes = typical_codes(assessment.flow, assessment.guidance)
    if args.codes:
        wanted = tuple(code.strip().upper() for code in args.codes.split(","))
        codes, refused = chosen_codes(assessment, wanted)
        if refused:
            return fail(PROG, f"no code question accepts {', '.join(refused)}",
                        USAGE_ERROR)

    listing = Listing(assessment, codes, csv_out=args.csv)
    try:
        listing.write(sys.stdout)
        listing.write_counts(sys.stderr if args.csv else sys.stdout)
    except BrokenPipeError:
        return reader_went_away()
    return 0


def chosen_codes(assessment: Assessment, wanted: tuple[str, ...],
                 ) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """The wanted codes per code question, and those no code question accepts."""
    questions = [q for q in assessment.flow.questions.values() if q.kind == "code"]
    codes = {q.id: tuple(code for code in wanted if code in q.codes)
             for q in questions}
    refused = [code for code in wanted
               if not any(code in q.codes for q in questions)]
    return codes, refused


class Listing:
    """Writes the paths as text or CSV, counting the primary paths as it goes."""

    def __init__(self, assessment: Assessment, codes: Mapping[str, tuple[str, ...]],
                 csv_out: bool = False) -> None:
        self.assessment = assessment
        self.codes = codes
        self.csv_out = csv_out
        self.primary: Counter[str] = Counter()
        self.mentioned: Counter[str] = Counter()
        self.first: dict[str, int] = {}
        self.total = 0

    def write(self, out: TextIO) -> None:
        facts = list(self.assessment.guidance.vocabulary.facts)
        table = csv.writer(out, lineterminator="\n")
        if self.csv_out:
            table.writerow(["path", "answers", *facts, "primary", "also_consider",
                            "cautions"])
        else:
            out.write(self.heading())

        for walked in walk_with_advice(self.assessment, self.codes):
            self.count(walked)
            advice = walked.advice
            if self.csv_out:
                table.writerow([walked.number, walked.path.answers,
                                *(walked.path.facts.get(f, "") for f in facts),
                                advice.primary, " ".join(advice.also_consider),
                                " ".join(advice.cautions)])
            else:
                out.write(self.entry(walked))

    def heading(self) -> str:
        flow = self.assessment.flow
        lines = [f'Every complete path through "{flow.name}" ({flow.title}).']
        lines += [self.codes_note(qid) for qid in self.codes]
        return "\n".join(lines) + "\n\n"

    def codes_note(self, qid: str) -> str:
        question = self.assessment.flow.question(qid)
        tried = ["skip"] if question.optional else []
        tried += [f"{code} ({self.about_code(code)})" for code in self.codes[qid]]
        return (f'Question "{qid}" takes a code: each path tries '
                f"{', '.join(tried)}, not all {len(question.codes)} codes.")

    def about_code(self, code: str) -> str:
        rule = self.assessment.guidance.content.states.get(code)
        if rule and rule.time_limit:
            return "a time limit of its own"
        return "no time limit of its own"

    def entry(self, walked: Walked) -> str:
        advice = walked.advice
        facts = " ".join(f"{name}={value}" for name, value in walked.path.facts.items())
        also = ", ".join(advice.also_consider) or "-"
        return (f"#{walked.number} {walked.path.answers}\n"
                f"   facts: {facts}\n"
                f"   primary: {advice.primary} | also: {also} | "
                f"cautions: {', '.join(advice.cautions)}\n")

    def count(self, walked: Walked) -> None:
        advice = walked.advice
        self.total += 1
        self.primary[advice.primary] += 1
        self.mentioned.update({advice.primary, *advice.also_consider})
        self.first.setdefault(advice.primary, walked.number)

    def write_counts(self, out: TextIO) -> None:
        everything = self.assessment.guidance.vocabulary.paths
        out.write(f"\n{self.total} complete paths.\n\n")
        out.write(f"{'primary path':<24}{'paths':>7}  first reached by\n")
        for path in everything:
            if self.primary[path]:
                out.write(f"{path:<24}{self.primary[path]:>7}  "
                          f"#{self.first[path]}\n")

        never = [path for path in everything if not self.primary[path]]
        if never:
            out.write("\nNo answers make these the primary path: "
                      + ", ".join(f"{path} (also considered on "
                                  f"{self.mentioned[path]} paths)" for path in never)
                      + ".\n")
