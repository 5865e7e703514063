"""Learn about the options: a plain-language page on each path, and the
questions parents often ask."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static

from ...machine.guidance.engine import Guidance
from ...machine.render import faq, render_path_page
from ..keys import translate_bindings
from ..widgets.marked_list import Item, MarkedList
from ..words import words_for

FAQ_TOPIC = "faq"

# The key in front of each topic: 1 to 9, then letters, so that every topic
# opens with one key press ("10" would open topic 1). No "b": it goes back.
TOPIC_KEYS = (*"123456789", *"acdefghijkmnoprstuvwxyz")


class LearnScreen(Screen[None]):
    """A list of topics: each path by name, then the common questions."""

    BINDINGS = [
        *(Binding(key, f"open_topic({number})", show=False)
          for number, key in enumerate(TOPIC_KEYS, start=1)),
        Binding("escape,b", "go_back", "learn.back", key_display="Esc"),
    ]

    def __init__(self, guidance: Guidance, lang: str = "en") -> None:
        super().__init__()
        self.guidance = guidance
        self.lang = lang
        self.words = words_for(lang)
        translate_bindings(self, self.words)

    def compose(self) -> ComposeResult:
        words = self.words
        yield Static(words("learn.title"), id="title", markup=False)
        with VerticalScroll(id="learn-body", can_focus=False):
            yield Static(words("learn.pick"), classes="paragraph", markup=False)
            yield MarkedList(id="topics")
        with Horizontal(id="actions"):
            yield Button(words("learn.back"), id="back", compact=True)
        yield Footer()

    def topics(self) -> list[Item]:
        paths = self.guidance.content.paths
        items = [Item(path, info.name.get(self.lang)) for path, info in paths.items()]
        return [*items, Item(FAQ_TOPIC, self.words("learn.faq"))]

    def on_mount(self) -> None:
        topics = self.query_one("#topics", MarkedList)
        items = self.topics()
        topics.show_items(items, keys=TOPIC_KEYS[:len(items)])
        topics.focus()

    @on(OptionList.OptionSelected, "#topics")
    def open_selected_topic(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.open(event.option.id)

    def action_open_topic(self, number: int) -> None:
        topic = self.query_one("#topics", MarkedList).id_at(number)
        if topic is not None:
            self.open(topic)

    def open(self, topic: str) -> None:
        if topic == FAQ_TOPIC:
            entries = faq(self.lang, self.guidance)
            self.app.push_screen(FaqPage(entries, self.lang))
        else:
            page = render_path_page(topic, self.lang, self.guidance)
            self.app.push_screen(PathPage(page, self.lang))

    @on(Button.Pressed, "#back")
    def action_go_back(self) -> None:
        self.dismiss(None)


class _Page(Screen[None]):
    """A page of text that scrolls, with Back."""

    BINDINGS = [Binding("escape,b", "go_back", "learn.back", key_display="Esc")]

    def __init__(self, title: str, lang: str = "en") -> None:
        super().__init__()
        self.page_title = title
        self.words = words_for(lang)
        translate_bindings(self, self.words)

    def compose(self) -> ComposeResult:
        yield Static(self.page_title, id="title", markup=False)
        with VerticalScroll(id="page-body"):
            yield from self.compose_body()
        with Horizontal(id="actions"):
            yield Button(self.words("learn.back"), id="back", compact=True)
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.query_one("#page-body").focus()

    @on(Button.Pressed, "#back")
    def action_go_back(self) -> None:
        self.dismiss(None)


class PathPage(_Page):
    """One path's page from `render_path_page`: its name, then paragraphs."""

    def __init__(self, page: str, lang: str = "en") -> None:
        title, *self.paragraphs = page.strip().split("\n\n")
        super().__init__(title, lang)

    def compose_body(self) -> ComposeResult:
        for paragraph in self.paragraphs:
            yield Static(paragraph, classes="paragraph", markup=False)


class FaqPage(_Page):
    """The questions parents often ask, each with its answer."""

    def __init__(self, entries: list[tuple[str, str]], lang: str = "en") -> None:
        super().__init__(words_for(lang)("learn.faq"), lang)
        self.entries = entries

    def compose_body(self) -> ComposeResult:
        for question, answer in self.entries:
            yield Static(question, classes="heading", markup=False)
            yield Static(answer, classes="paragraph", markup=False)
