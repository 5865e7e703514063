"""The personal summary: the advice in sections that scroll, and what to do
with it (start over, save it as a text file, learn more, quit)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from ..outcome import Outcome
from ..sections import Section, sections_of
from ..widgets.bulleted import Bulleted
from .save import SaveScreen

STOPPED_EARLY = (
    "You asked for your summary before the last question, so it is based on"
    " fewer answers. See what we assumed near the end."
)


class SummaryScreen(Screen[None]):
    """Shows an Outcome's advice; posts a message for Start over and Learn."""

    BINDINGS = [
        Binding("r", "start_over", "Start over"),
        Binding("s", "save", "Save"),
        Binding("l", "learn", "Learn"),
        Binding("q", "app.quit", "Quit"),
    ]

    class StartOverRequested(Message):
        """The parent wants to answer the questions again."""

    class LearnRequested(Message):
        """The parent wants to read about the options."""

    def __init__(self, outcome: Outcome, save_to: Path) -> None:
        super().__init__()
        self.outcome = outcome
        self.save_to = save_to

    def compose(self) -> ComposeResult:
        yield Static("Your summary", id="title")
        with VerticalScroll(id="summary-body"):
            if not self.outcome.complete:
                yield Static(STOPPED_EARLY, id="stopped-early", markup=False)
            for section in sections_of(self.outcome.advice, self.outcome.lang):
                yield from self.compose_section(section)
        with Horizontal(id="actions"):
            yield Button("Start over", id="start-over", compact=True)
            yield Button("Save as a text file", id="save", compact=True)
            yield Button("Learn about the options", id="learn", compact=True)
            yield Button("Quit", id="quit", compact=True)
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

    @on(Button.Pressed, "#start-over")
    def action_start_over(self) -> None:
        self.post_message(self.StartOverRequested())

    @on(Button.Pressed, "#learn")
    def action_learn(self) -> None:
        self.post_message(self.LearnRequested())

    @on(Button.Pressed, "#quit")
    def quit_app(self) -> None:
        self.app.exit()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        dialog = SaveScreen(self.outcome.summary_text, self.save_to)
        self.app.push_screen(dialog, self.tell_where_saved)

    def tell_where_saved(self, saved: Path | None) -> None:
        if saved is not None:
            self.notify(f"Saved your summary to {saved}", title="Saved")
