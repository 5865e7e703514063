"""The `pathfinder` terminal app: welcome, questions, summary, and learning
pages, wired together; and `main`, which the `pathfinder` command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from textual import on
from textual.app import App
from textual.binding import Binding

from ..machine.errors import ContentError
from ..machine.flow import Flow, flow_files, load_shipped
from .outcome import Outcome, guidance_for
from .saving import default_save_path
from .screens.learn import LearnScreen
from .screens.question import QuestionnaireScreen
from .screens.summary import SummaryScreen
from .screens.welcome import WelcomeScreen


# TODO: the screens' own words (buttons, hints, messages) are English only,
# while the flow and guidance texts follow `lang`; move them into a content
# file with a version per language when a second language ships, then drop
# this mark.
class PathfinderApp(App[None]):
    """The questionnaire for one flow and language, from welcome to summary.

    Nothing is written anywhere unless the parent saves the summary, and
    nothing is kept after the app closes.
    """

    CSS_PATH = "pathfinder.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", key_display="Ctrl+Q", priority=True,
                show=False),
    ]

    def __init__(self, flow: Flow, lang: str = "en", save_to: Path | None = None):
        """
        Args:
            flow: the questionnaire to ask.
            lang: the language of its texts; must be one of `flow.languages`.
            save_to: the file offered when saving the summary (default: a
                file in the home folder).
        """
        super().__init__()
        self.flow = flow
        self.lang = lang
        self.save_to = save_to or default_save_path()
        self.title = flow.title.get(lang)
        self.outcome: Outcome | None = None
        """The latest summary shown, kept in memory only."""

    def on_mount(self) -> None:
        self.push_screen(WelcomeScreen(self.flow, self.lang))

    def start_questionnaire(self) -> None:
        questions = QuestionnaireScreen(self.flow, self.lang)
        self.push_screen(questions, self.show_summary)

    def show_summary(self, outcome: Outcome | None) -> None:
        if outcome is None:
            return
        self.outcome = outcome
        self.push_screen(SummaryScreen(outcome, self.save_to))

    @on(WelcomeScreen.StartRequested)
    def start_from_welcome(self) -> None:
        self.start_questionnaire()

    @on(SummaryScreen.StartOverRequested)
    async def start_over_from_summary(self) -> None:
        self.outcome = None
        await self.pop_screen()
        self.start_questionnaire()

    @on(WelcomeScreen.LearnRequested)
    @on(SummaryScreen.LearnRequested)
    def open_learning_pages(self) -> None:
        self.push_screen(LearnScreen(guidance_for(self.flow), self.lang))


def main(argv: list[str] | None = None) -> int:
    """Run the terminal questionnaire; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="pathfinder",
        description="Find your next step in a disagreement with a school "
        "about an IEP or a 504 plan. Not legal advice.",
    )
    parser.add_argument("--flow", default="dispute", metavar="NAME",
                        help="which questionnaire to ask (default: dispute)")
    parser.add_argument("--lang", default="en",
                        help="language of the questions (default: en)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)

    try:
        flow = load_flow_named(args.flow)
        if args.lang not in flow.languages:
            have = ", ".join(flow.languages)
            raise ValueError(
                f"the {flow.name!r} questions are not available in {args.lang!r}; "
                f"available: {have}"
            )
        guidance_for(flow)
    except (ContentError, ValueError) as error:
        print(f"pathfinder: {error}", file=sys.stderr)
        return 2

    PathfinderApp(flow, args.lang).run()
    return 0


def load_flow_named(name: str) -> Flow:
    """A shipped flow by name; only names of shipped files are accepted."""
    known = [path.stem for path in flow_files()]
    if name not in known:
        raise ValueError(f"no flow named {name!r}; known flows: {', '.join(known)}")
    return load_shipped(name)
