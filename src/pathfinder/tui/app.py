"""The `pathfinder` terminal app: welcome, questions, summary, and learning
pages, wired together, as an ordinary program or as a locked kiosk; and
`main`, which the `pathfinder` command runs."""

from __future__ import annotations

import sys
from pathlib import Path

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.geometry import Size
from textual.notifications import Notify
from textual.screen import Screen

from ..machine.flow import Flow
from .contrast import HIGH_CONTRAST, LARGE_CLASS
from .keys import translate_bindings
from .kiosk import BLOCKED_KEYS, IdleWatch, OperatorKeys
from .outcome import Outcome, guidance_for
from .saving import default_save_path
from .screens.confirm import ConfirmScreen
from .screens.learn import LearnScreen
from .screens.operator_exit import OperatorExitScreen
from .screens.question import QuestionnaireScreen
from .screens.still_there import StillThereScreen
from .screens.summary import Offers, SummaryScreen
from .screens.too_small import TooSmallScreen, fits
from .screens.welcome import WelcomeScreen
from .settings import AppSettings
from .words import shipped_words, words_for

# Below this the screens cannot show a question and its choices together.
MIN_SIZE = Size(40, 12)

# What shows that someone is at the terminal.
PRESENCE = (events.Key, events.MouseDown, events.MouseScrollDown,
            events.MouseScrollUp, events.Paste)

# Textual's own ways out or around, which a kiosk turns off.
KIOSK_OFF_ACTIONS = frozenset({"quit", "help_quit", "suspend_process",
                               "command_palette", "screenshot"})


class PathfinderApp(App[None]):
    """The questionnaire for one flow, from welcome to summary.

    Nothing is written anywhere unless the parent saves the summary, and
    nothing is kept after the app closes. In a kiosk nothing can be saved,
    the app cannot be left without the staff PIN, and a while with no key
    pressed clears everything.
    """

    # A full path, so that a subclass in another folder finds it too.
    CSS_PATH = Path(__file__).with_name("pathfinder.tcss")
    ENABLE_COMMAND_PALETTE = False
    # Classes for small windows, used in pathfinder.tcss.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "app.quit", key_display="Ctrl+Q", priority=True,
                show=False),
        Binding("f2", "toggle_contrast", "app.contrast", key_display="F2",
                priority=True),
    ]

    def __init__(self, flow: Flow, lang: str = "en", save_to: Path | None = None,
                 settings: AppSettings = AppSettings()) -> None:
        """
        Args:
            flow: the questionnaire to ask.
            lang: the language to start in; must be one of `flow.languages`.
            save_to: the file offered when saving the summary (default: a
                file in the home folder). A kiosk offers no saving.
            settings: kiosk and printing, as the operator set them.
        """
        super().__init__()
        self.flow = flow
        self.start_lang = lang
        self.settings = settings
        self.kiosk = settings.kiosk
        self.save_to = None if self.kiosk else (save_to or default_save_path())
        self.languages = [code for code in flow.languages if code in shipped_words()]
        self.outcome: Outcome | None = None
        """The latest summary shown, kept in memory only."""

        self.register_theme(HIGH_CONTRAST)
        self.usual_theme = self.theme
        self.operator_keys = OperatorKeys()
        self.idle = (IdleWatch(self, self.kiosk.idle_seconds, self.ask_if_still_there)
                     if self.kiosk else None)
        self.set_language(lang)

    # ---- Language and look -------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.words = words_for(lang)
        self.title = self.flow.title.get(lang)
        translate_bindings(self, self.words)
        self.refresh_bindings()

    @property
    def high_contrast(self) -> bool:
        return self.theme == HIGH_CONTRAST.name

    def set_contrast(self, on: bool) -> None:
        self.theme = HIGH_CONTRAST.name if on else self.usual_theme
        self.set_class(on, LARGE_CLASS)

    def action_toggle_contrast(self) -> None:
        on = not self.high_contrast
        self.set_contrast(on)
        self.notify(self.words("app.contrast_on" if on else "app.contrast_off"))

    @on(Notify)
    def keep_one_notice(self) -> None:
        """Only the newest notice shows, however fast a key is repeated.

        `notify` only posts a message, so clearing before calling it comes too
        late when several key presses wait in the queue. This runs as each
        notice arrives, just before Textual's own handler adds it.
        """
        self.clear_notifications()

    # ---- The way through ---------------------------------------------------

    def on_mount(self) -> None:
        if self.kiosk:
            self.set_contrast(True)
        self.push_screen(self.new_welcome())
        self.check_size(self.size)
        if self.idle:
            self.idle.start()

    def new_welcome(self) -> WelcomeScreen:
        return WelcomeScreen(self.flow, self.lang, kiosk=bool(self.kiosk),
                             languages=self.languages)

    def start_questionnaire(self) -> None:
        questions = QuestionnaireScreen(self.flow, self.lang)
        self.push_screen(questions, self.show_summary)

    def show_summary(self, outcome: Outcome | None) -> None:
        if outcome is None:
            return
        self.outcome = outcome
        self.push_screen(SummaryScreen(outcome, self.offers()))

    def offers(self) -> Offers:
        command = self.settings.print_command
        return Offers(save_to=self.save_to, show_print=bool(self.kiosk or command),
                      print_command=command, quit=not self.kiosk)

    @on(WelcomeScreen.StartRequested)
    def start_from_welcome(self) -> None:
        self.start_questionnaire()

    @on(WelcomeScreen.LanguageChosen)
    async def switch_language(self, event: WelcomeScreen.LanguageChosen) -> None:
        self.set_language(event.lang)
        await self.switch_screen(self.new_welcome())

    @on(SummaryScreen.StartOverRequested)
    async def start_over_from_summary(self) -> None:
        self.outcome = None
        await self.pop_screen()
        self.start_questionnaire()

    @on(WelcomeScreen.LearnRequested)
    @on(SummaryScreen.LearnRequested)
    def open_learning_pages(self) -> None:
        self.push_screen(LearnScreen(guidance_for(self.flow), self.lang))

    async def forget_everything(self) -> None:
        """Back to a fresh welcome screen, as if nobody had been here."""
        self.outcome = None
        self.clear_notifications()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.set_language(self.start_lang)
        self.set_contrast(bool(self.kiosk))
        await self.push_screen(self.new_welcome())
        self.check_size(self.size)

    # ---- Window size -------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size)

    def check_size(self, size: Size) -> None:
        """Ask for a larger window while this one is too small to use."""
        if len(self.screen_stack) < 2:
            return  # Not started yet: on_mount checks once the welcome is up.
        asking = any(isinstance(screen, TooSmallScreen) for screen in self.screen_stack)
        if not fits(size, MIN_SIZE) and not asking:
            self.push_screen(TooSmallScreen(MIN_SIZE, self.lang))

    # ---- Kiosk -------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if (self.kiosk and isinstance(event, PRESENCE) and not event.is_forwarded
                and self.kiosk_takes(event)):
            return
        await super().on_event(event)

    def kiosk_takes(self, event: events.Event) -> bool:
        """Note that someone is here; True if the event should go no further."""
        assert self.idle is not None
        self.idle.note_activity()
        if not isinstance(event, events.Key):
            return False
        if isinstance(self.screen, StillThereScreen):
            # Any key answers "still there?"; it does nothing else.
            self.screen.answered()
            return True
        if self.operator_keys.completed_by(event.key):
            self.ask_for_pin()
            return True
        return event.key in BLOCKED_KEYS

    def ask_if_still_there(self) -> None:
        assert self.kiosk is not None and self.idle is not None
        if not self.anything_to_forget():
            self.idle.start()
            return
        question = StillThereScreen(self.kiosk.countdown_seconds, self.lang)
        self.push_screen(question, self.watch_again)

    def watch_again(self, _: object = None) -> None:
        """Someone answered "still there?": count idle time from now."""
        if self.idle:
            self.idle.start()

    def anything_to_forget(self) -> bool:
        """True once someone has gone past the welcome or changed its language."""
        untouched = (Screen, WelcomeScreen, TooSmallScreen)
        went_on = any(type(screen) not in untouched for screen in self.screen_stack)
        return went_on or self.lang != self.start_lang

    @on(StillThereScreen.TimeUp)
    async def clear_after_time_up(self) -> None:
        await self.forget_everything()
        self.watch_again()

    def ask_for_pin(self) -> None:
        assert self.kiosk is not None
        if isinstance(self.screen, OperatorExitScreen):
            return
        dialog = OperatorExitScreen(self.kiosk.pin_matches, self.lang)
        self.push_screen(dialog, self.close_for_staff)

    def close_for_staff(self, pin_matched: bool | None) -> None:
        if pin_matched:
            self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        return not (self.kiosk and action in KIOSK_OFF_ACTIONS)

    async def action_quit(self) -> None:
        if self.kiosk:
            return
        if isinstance(self.screen, ConfirmScreen):
            return  # A question is open: its own keys answer it first.
        questions = self.questions_in_progress()
        if questions is not None:
            # Also under "too small" or another dialog: the answers are there.
            questions.confirm_quit()  # Asks first when there are answers.
            return
        await super().action_quit()

    def questions_in_progress(self) -> QuestionnaireScreen | None:
        """The questionnaire, if it is open, even under a dialog."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuestionnaireScreen):
                return screen
        return None

    def action_help_quit(self) -> None:
        # Ctrl+C does not quit a Textual app; say what does, in the parent's
        # language. (A kiosk never gets here: it drops Ctrl+C.)
        self.notify(self.words("app.how_to_quit"))

    def save_screenshot(self, *args, **kwargs) -> str:
        if self.kiosk:
            return ""  # A kiosk writes nothing to disk, screenshots included.
        return super().save_screenshot(*args, **kwargs)

    def deliver_screenshot(self, *args, **kwargs) -> str | None:
        if self.kiosk:
            return None
        return super().deliver_screenshot(*args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    """Run the terminal questionnaire; return the exit code."""
    # Imported here because `launch` builds this module's app.
    from .launch import launch

    return launch(sys.argv[1:] if argv is None else argv)
