"""The first screen: what this is, how long it takes, and that it is private."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from ...machine.flow import Flow
from ..widgets.bulleted import Bulleted

# The flow's intro says what this is and how long it takes.
PROMISES = (
    "Your summary is made from your own answers. You can save it as a text"
    " file.",
    "Private: nothing you answer is sent anywhere, and nothing is kept after"
    " you leave.",
    "This is general information, not legal advice.",
)


class WelcomeScreen(Screen[None]):
    """Says what Pathfinder is and offers Start (focused), Learn and Quit."""

    BINDINGS = [
        Binding("l", "learn", "Learn about the options"),
        Binding("q", "app.quit", "Quit"),
    ]

    class StartRequested(Message):
        """The parent chose Start."""

    class LearnRequested(Message):
        """The parent chose to read about the options."""

    def __init__(self, flow: Flow, lang: str = "en") -> None:
        super().__init__()
        self.flow = flow
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(self.flow.title.get(self.lang), id="title", markup=False)
        with VerticalScroll(id="welcome-body"):
            yield Static(self.flow.intro.get(self.lang), id="intro", markup=False)
            for promise in PROMISES:
                yield Bulleted(promise)
        with Horizontal(id="actions"):
            yield Button("Start", id="start", variant="primary", compact=True)
            yield Button("Learn about the options", id="learn", compact=True)
            yield Button("Quit", id="quit", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#start")
    def request_start(self) -> None:
        self.post_message(self.StartRequested())

    @on(Button.Pressed, "#learn")
    def action_learn(self) -> None:
        self.post_message(self.LearnRequested())

    @on(Button.Pressed, "#quit")
    def quit_app(self) -> None:
        self.app.exit()
