"""The first screen: what this is, how long it takes, that it is private, and
a choice of language."""

from __future__ import annotations

from typing import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from ...machine.flow import Flow
from ..keys import translate_bindings
from ..widgets.bulleted import Bulleted
from ..words import words_for

# The flow's intro says what this is and how long it takes; these follow it.
PROMISES = ("welcome.promise_summary", "welcome.promise_private",
            "welcome.promise_not_advice")
KIOSK_PROMISES = ("welcome.promise_summary_kiosk", "welcome.promise_private_kiosk",
                  "welcome.promise_not_advice")


class WelcomeScreen(Screen[None]):
    """Says what Pathfinder is and offers Start (focused), Learn, another
    language when there is one, and Quit (not in a kiosk)."""

    AUTO_FOCUS = "#start"
    BINDINGS = [
        Binding("l", "learn", "welcome.learn"),
        Binding("e", "switch_language", "language.name"),
        Binding("q", "app.quit", "app.quit"),
    ]

    class StartRequested(Message):
        """The parent chose Start."""

    class LearnRequested(Message):
        """The parent chose to read about the options."""

    class LanguageChosen(Message):
        """The parent chose another language."""

        def __init__(self, lang: str) -> None:
            super().__init__()
            self.lang = lang

    def __init__(self, flow: Flow, lang: str = "en", *, kiosk: bool = False,
                 languages: Sequence[str] = ()) -> None:
        """
        Args:
            flow: the questionnaire this welcomes the parent to.
            lang: the language to speak.
            kiosk: speak of a shared kiosk, where nothing is saved; no Quit.
            languages: the languages a parent may switch between (none: no
                choice is offered).
        """
        super().__init__()
        self.flow = flow
        self.lang = lang
        self.kiosk = kiosk
        self.words = words_for(lang)
        self.other_lang = _next_language(languages, lang)
        # The language key is labelled in the language it switches to.
        other = {} if self.other_lang is None else {
            "language.name": words_for(self.other_lang)}
        translate_bindings(self, self.words, other)

    def compose(self) -> ComposeResult:
        words = self.words
        yield Static(self.flow.title.get(self.lang), id="title", markup=False)
        with VerticalScroll(id="welcome-body"):
            yield Static(self.flow.intro.get(self.lang), id="intro", markup=False)
            for promise in KIOSK_PROMISES if self.kiosk else PROMISES:
                yield Bulleted(words(promise))
        with Horizontal(id="actions"):
            yield Button(words("welcome.start"), id="start", variant="primary",
                         compact=True)
            yield Button(words("welcome.learn"), id="learn", compact=True)
            if self.other_lang is not None:
                other_name = words_for(self.other_lang)("language.name")
                yield Button(other_name, id="language", compact=True)
            if not self.kiosk:
                yield Button(words("app.quit"), id="quit", compact=True)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        if action == "switch_language":
            return self.other_lang is not None
        return True

    @on(Button.Pressed, "#start")
    def request_start(self) -> None:
        self.post_message(self.StartRequested())

    @on(Button.Pressed, "#learn")
    def action_learn(self) -> None:
        self.post_message(self.LearnRequested())

    @on(Button.Pressed, "#language")
    def action_switch_language(self) -> None:
        if self.other_lang is not None:
            self.post_message(self.LanguageChosen(self.other_lang))

    @on(Button.Pressed, "#quit")
    def quit_app(self) -> None:
        self.app.exit()


def _next_language(languages: Sequence[str], lang: str) -> str | None:
    """The language after `lang` in `languages`, round the list; None if alone."""
    others = [other for other in languages if other != lang]
    if not others:
        return None
    if lang not in languages:
        return others[0]
    index = list(languages).index(lang)
    return languages[(index + 1) % len(languages)]
