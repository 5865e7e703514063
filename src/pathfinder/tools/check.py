"""`pathfinder check`: prove flow files are sound before they ship.

    pathfinder check [FILE...]      (the shipped flows when no FILE is given)

For each flow: it loads (every answer has a target, nothing loops except Back,
every text is in every language the flow declares); every question can be
reached; its guidance loads and knows every fact and value the flow gathers;
every path ends in advice; every question, re-prompt and summary fits its
text-message budget; no choice invites a word carriers or Twilio act on.
Each problem is one line naming the file, the question and what to fix; the
exit status is 1 when there is any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import Flow, flow_files, load_flow
from pathfinder.machine.guidance.engine import Guidance
from pathfinder.machine.library import guidance_of, name_mismatch, vocabulary_problems
from pathfinder.machine.session import Session

from .budget import QuestionBudget, SummaryBudget
from .options import parse
from .reserved import reserved_word_problems
from .structure import unreachable_problems
from .walk import Step, code_samples, visits

FOUND_PROBLEMS = 1

# What to do about the problems the flow loader refuses a file for; its own
# message says what is wrong.
LOAD_HINTS = (
    ("(a loop)", "only Back may return to an earlier question, so point that "
                 "answer's 'next' further on"),
    ("goes to unknown question", "set 'next' to a question id or \"done\""),
    ("needs 'next'", "set 'next' to a question id or \"done\""),
    (" has no ", "add the missing language version, or remove the language "
                 "from the flow's languages"),
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="pathfinder check",
        description="Check flow files: reachability, advice on every path, "
                    "languages, text-message budgets and reserved words.")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="flow files to check (default: the shipped flows)")
    args = parse(parser, argv)
    if isinstance(args, int):
        return args

    files = [Path(name) for name in args.files] or flow_files()
    problems = []
    for path in files:
        problems += check_file(path)

    for problem in problems:
        print(problem)
    checked = f"{len(files)} flow file{'s' if len(files) != 1 else ''}"
    if problems:
        print(f"{len(problems)} problem(s) in {checked}.", file=sys.stderr)
        return FOUND_PROBLEMS
    print(f"{checked} checked: no problems.")
    return 0


def check_file(path: Path) -> list[ContentError]:
    """Every problem with one flow file, each naming the file as `path` shows it."""
    shown = _shown(path)
    try:
        flow = load_flow(path)
    except ContentError as error:
        return [ContentError(shown, error.where, _with_hint(error.problem))]

    problems = []
    if flow.name != path.stem:
        problems.append(ContentError(shown, "[flow]",
                                     name_mismatch(flow.name, path.stem)))
    problems += unreachable_problems(flow, shown)
    problems += reserved_word_problems(flow, shown)

    guidance, mismatches = _guidance_for(flow, path, shown)
    return problems + mismatches + PathChecks(flow, shown, guidance).run()


def _guidance_for(flow: Flow, path: Path,
                  shown: str) -> tuple[Guidance | None, list[ContentError]]:
    """The flow's guidance if it loads and knows all the flow's facts, and the
    problems found; without it no advice is checked, since none could be given."""
    try:
        guidance = guidance_of(flow, path.parent)
    except ContentError as error:
        return None, [ContentError(
            shown, "[flow]", f"no path ends in advice: its guidance "
                             f"{flow.guidance!r} does not load ({error}); fix that "
                             "file or name a guidance that loads")]

    mismatches = [ContentError(shown, problem.where, problem.problem)
                  for problem in vocabulary_problems(flow, guidance)]
    return (None if mismatches else guidance), mismatches


class PathChecks:
    """The checks that walk every path: budgets and advice at the end."""

    def __init__(self, flow: Flow, shown: str, guidance: Guidance | None) -> None:
        self.flow = flow
        self.shown = shown
        self.guidance = guidance
        self.questions = QuestionBudget(flow, shown)
        self.summaries = SummaryBudget(shown)

    def run(self) -> list[ContentError]:
        guidance = self.guidance
        codes = (code_samples(self.flow, guidance) if guidance else
                 {q.id: q.codes[:1] for q in self.flow.questions.values()})
        for lang in self.flow.languages:
            for session in visits(self.flow, codes, lang):
                self.questions.visit(session)
                if session.done and guidance:
                    self.advise(guidance, session)
        return [*self.questions.problems.values(), *self.summaries.problems]

    def advise(self, guidance: Guidance, session: Session) -> None:
        """The advice at the end of the path the session took, and its texts.

        Once the guidance loads and knows every fact the flow gathers, the
        engine gives advice for any facts (its last primary rule matches all).
        """
        def path() -> str:
            # Read while the walk is still on this path (it is called at once).
            return " > ".join(str(Step(qid, session.answers.get(qid)))
                              for qid in session.history)

        advice = guidance.advise(session.facts(self.flow), session.language)
        self.summaries.visit(advice, path)


def _with_hint(problem: str) -> str:
    for part, hint in LOAD_HINTS:
        if part in problem:
            return f"{problem}; {hint}"
    return problem


def _shown(path: Path) -> str:
    """The path relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
