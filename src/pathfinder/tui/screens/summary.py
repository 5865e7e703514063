"""The personal summary: the advice in sections that scroll, and what to do
with it (start over, save it as a text file or show it as a QR code, print
it, learn more, quit)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from ..keys import translate_bindings
from ..outcome import Outcome
from ..printing import PrintProblem, print_text
from ..sections import Section, sections_of
from ..widgets.bulleted import Bulleted
from ..words import words_for
from .confirm import ConfirmScreen
from .qr import QrScreen
from .save import SaveScreen


@dataclass(frozen=True)
class Offers:
    """What the summary screen offers besides reading it."""

    save_to: Path | None = None
    """The file suggested for saving; None: no saving at all (a kiosk)."""
    show_print: bool = False
    """Show Print, even when no command is set (it then says so)."""
    print_command: tuple[str, ...] = ()
    quit: bool = True


class SummaryScreen(Screen[None]):
    """Shows an Outcome's advice; posts a message for Start over and Learn."""

    BINDINGS = [
        Binding("r", "start_over", "question.key_start_over"),
        Binding("s", "save", "summary.key_save"),
        Binding("c", "show_code", "summary.key_qr"),
        Binding("p", "print", "summary.print"),
        Binding("l", "learn", "summary.key_learn"),
        Binding("q", "app.quit", "app.quit"),
    ]

    class StartOverRequested(Message):
        """The parent wants to answer the questions again."""

    class LearnRequested(Message):
        """The parent wants to read about the options."""

    def __init__(self, outcome: Outcome, offers: Offers = Offers()) -> None:
        super().__init__()
        self.outcome = outcome
        self.offers = offers
        self.words = words_for(outcome.lang)
        translate_bindings(self, self.words)

    def compose(self) -> ComposeResult:
        words = self.words
        yield Static(words("summary.title"), id="title")
        with VerticalScroll(id="summary-body"):
            if not self.outcome.complete:
                yield Static(words("summary.stopped_early"), id="stopped-early",
                             markup=False)
            for section in sections_of(self.outcome.advice, self.outcome.lang):
                yield from self.compose_section(section)
        with Horizontal(id="actions"):
            yield Button(words("question.start_over"), id="start-over", compact=True)
            if self.offers.save_to is not None:
                yield Button(words("summary.save"), id="save", compact=True)
            yield Button(words("summary.qr"), id="show-code", compact=True)
            if self.offers.show_print:
                yield Button(words("summary.print"), id="print", compact=True)
            yield Button(words("summary.learn"), id="learn", compact=True)
            if self.offers.quit:
                yield Button(words("app.quit"), id="quit", compact=True)
        yield Footer()

    def compose_section(self, section: Section) -> ComposeResult:
        with Vertical(id=f"section-{section.key}", classes=f"section -{section.style}"):
            if section.style == "lead":
                yield from self.compose_lead(section)
                return
            if section.heading:
                yield Static(section.heading, classes="heading", markup=False)
            for number, line in enumerate(section.lines, start=1):
                yield from self.compose_line(section, number, line)

    def compose_lead(self, section: Section) -> ComposeResult:
        # The best next step stands out by its frame, not by colour alone.
        name, *rest = section.lines
        lead = Static(name, id="best-step-name", markup=False)
        lead.border_title = section.heading
        yield lead
        for line in rest:
            yield Static(line, classes="lead-detail", markup=False)

    def compose_line(self, section: Section, number: int, line: str) -> ComposeResult:
        if section.style == "paragraph":
            yield Static(line, classes="paragraph", markup=False)
            return
        if section.style == "numbered":
            yield Bulleted(line, marker=f"{number}.")
        else:
            yield Bulleted(line)

    def on_mount(self) -> None:
        self.query_one("#summary-body").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        offered = {
            "save": self.offers.save_to is not None,
            "print": self.offers.show_print,
            "quit": self.offers.quit,
        }
        return offered.get(action, True)

    @on(Button.Pressed, "#start-over")
    def action_start_over(self) -> None:
        # A summary always rests on answers: ask before they are cleared.
        ask = ConfirmScreen(self.words("confirm.start_over"), self.outcome.lang)
        self.app.push_screen(ask, self.start_over_if_sure)

    def start_over_if_sure(self, sure: bool | None) -> None:
        if sure:
            self.post_message(self.StartOverRequested())

    @on(Button.Pressed, "#learn")
    def action_learn(self) -> None:
        self.post_message(self.LearnRequested())

    @on(Button.Pressed, "#quit")
    def quit_app(self) -> None:
        self.app.exit()

    @on(Button.Pressed, "#show-code")
    def action_show_code(self) -> None:
        self.app.push_screen(QrScreen(self.outcome))

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.offers.save_to is None:
            return
        dialog = SaveScreen(self.outcome.summary_text, self.offers.save_to,
                            self.outcome.lang)
        self.app.push_screen(dialog, self.tell_where_saved)

    def tell_where_saved(self, saved: Path | None) -> None:
        if saved is not None:
            self.app.clear_notifications()
            self.notify(self.words("summary.saved", path=saved),
                        title=self.words("summary.saved_title"), markup=False)

    @on(Button.Pressed, "#print")
    def action_print(self) -> None:
        if self.offers.show_print:
            self.print_summary()

    @work(exclusive=True, group="print")
    async def print_summary(self) -> None:
        """Send the summary to the print command, then say how it went."""
        words = self.words
        try:
            await print_text(self.outcome.summary_text, self.offers.print_command)
        except PrintProblem as problem:
            if problem.not_set_up:
                message = words("print.not_set_up")
            else:
                staff = words("print.for_staff", detail=problem.detail)
                message = f"{words('print.failed')}\n{staff}"
            self.app.clear_notifications()
            self.notify(message, title=words("print.problem_title"),
                        severity="error", timeout=10, markup=False)
            return
        self.app.clear_notifications()
        self.notify(words("print.sent"), title=words("print.sent_title"))
