"""What Pathfinder says by text, kept within the message budget.

Every message is GSM-7 (sms-budget.md): one part for a question, a re-prompt,
HELP, BACK, RESTART and a resume; two for the welcome with the first
question. A message that puts a short note before the question ("Going
back.") tries its wordings from the fullest to the barest and sends the first
that fits, so content that grows never pushes a message into a second part.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from pathfinder.machine.flow import Flow, Question
from pathfinder.machine.gsm import gsm_safe, measure
from pathfinder.machine.session import Session

ONE_PART = 1
WELCOME_PARTS = 2
MORE_PARTS = 3


@dataclass(frozen=True)
class Wording:
    """The texts of one language. Each must be GSM-7 and fit in one part."""

    welcome: str  # {title}: the flow's title, ending in a full stop or "?"
    help: str  # before the summary, when MORE does not work yet
    help_done: str  # after it: with MORE
    choose: str  # {count}: how many choices
    not_understood: str
    media: str
    empty: str
    resumed: str
    resumed_short: str
    back: str  # {answer}: what the parent said before
    back_short: str
    at_first: str
    restarted: str
    more_too_early: str
    summary_given: str
    more_done: str
    try_again: str
    skipped: str
    more_follows: str
    progress: str  # {number} of about {total}: the cue before a question
    or_help: str  # ends a re-prompt sent without its question
    offer: str  # in this language: how to go on in it, for the other's welcome
    switched: str  # before the question, after a language keyword
    unavailable: str  # in this language: the flow has no version in it


ENGLISH = Wording(
    welcome=(
        "Pathfinder: {title} Free. Not legal advice. Private: we keep your "
        "number only in scrambled form. Reply with a number. HELP for help, "
        "STOP to end."
    ),
    help=(
        "Pathfinder helps with IEP and 504 plan disputes. Not legal advice. Free "
        "help: parentcenterhub.org. Reply BACK, RESTART, or STOP to delete your "
        "answers."
    ),
    help_done=(
        "Pathfinder helps with IEP and 504 plan disputes. Not legal advice. Free "
        "help: parentcenterhub.org. Reply MORE, BACK, RESTART, or STOP to delete "
        "your answers."
    ),
    choose="Reply with a number from 1 to {count}.",
    not_understood="Sorry, I did not get that.",
    media="I can only read text, not pictures.",
    empty="Your text was empty.",
    resumed="Welcome back! Your answers are saved.",
    resumed_short="Welcome back!",
    back="Going back. You said {answer}.",
    back_short="Going back.",
    at_first="This is the first question.",
    restarted="Starting over.",
    more_too_early="MORE works after the last question.",
    summary_given=(
        "You have your summary. Reply MORE for details, BACK to change your "
        "last answer, or RESTART to start over."
    ),
    more_done="That is all the details. Reply RESTART to start over, or STOP to end.",
    try_again=(
        "Sorry, something went wrong on our side. Please send that again in a "
        "minute."
    ),
    skipped="you skipped it",
    more_follows="Reply MORE for more.",
    progress="Q{number}/{total} ",
    or_help="Or reply HELP.",
    offer="For English, reply EN.",
    switched="Now in English.",
    unavailable="Sorry, these questions are not in English.",
)

# Written for GSM-7 (sms-budget.md): `á í ó ú` lose their accent when sent, so
# words that change meaning without it (sí, más, está) are left out, and the
# keywords offered are ones whose meaning survives (ATRAS, SEGUIR).
SPANISH = Wording(
    welcome=(
        "Pathfinder: {title} Gratis. No es asesoría legal. Privado: solo "
        "guardamos su número codificado. Responda con un número. AYUDA para "
        "ayuda, STOP para terminar."
    ),
    help=(
        "Pathfinder: desacuerdos por un IEP o plan 504. No es asesoría legal. "
        "Ayuda gratis: parentcenterhub.org. Responda ATRAS o REINICIAR. STOP "
        "borra todo."
    ),
    help_done=(
        "Pathfinder: desacuerdos por un IEP o plan 504. No es asesoría legal. "
        "Ayuda gratis: parentcenterhub.org. Responda SEGUIR, ATRAS o REINICIAR. "
        "STOP borra todo."
    ),
    choose="Responda con un número del 1 al {count}.",
    not_understood="Perdón, no entendí.",
    media="Solo puedo leer texto, no fotos.",
    empty="Su mensaje llegó vacío.",
    resumed="¡Hola de nuevo! Guardamos sus respuestas.",
    resumed_short="¡Hola de nuevo!",
    back="Volvemos atrás. Usted eligió {answer}.",
    back_short="Volvemos atrás.",
    at_first="Esta es la primera pregunta.",
    restarted="Empezamos de nuevo.",
    more_too_early="SEGUIR funciona después de la última pregunta.",
    summary_given=(
        "Ya tiene su resumen. Responda SEGUIR para ver detalles, ATRAS para "
        "cambiar su última respuesta o REINICIAR para empezar de nuevo."
    ),
    more_done=(
        "Esos son todos los detalles. Responda REINICIAR para empezar de nuevo "
        "o STOP para terminar."
    ),
    try_again=(
        "Perdón, algo falló de nuestro lado. Envíe su mensaje otra vez en un "
        "minuto."
    ),
    skipped="saltarla",
    more_follows="Responda SEGUIR para continuar.",
    progress="P{number}/{total} ",
    or_help="O responda AYUDA.",
    offer="Para español, responda ES.",
    switched="Ahora en español.",
    unavailable="Lo sentimos, estas preguntas no están en español.",
)

WORDINGS = {"en": ENGLISH, "es": SPANISH}


def wording(lang: str) -> Wording:
    return WORDINGS.get(lang, ENGLISH)


def fits(text: str, parts: int = ONE_PART) -> bool:
    return measure(text).parts <= parts


def first_fitting(candidates: Iterable[str], parts: int = ONE_PART) -> str:
    """The first candidate that fits in `parts` once made GSM-7; else the last."""
    return _first_fitting(tuple(candidates), parts)


# The same few texts are measured for every parent: measure each once.
@lru_cache(maxsize=4096)
def _first_fitting(candidates: tuple[str, ...], parts: int) -> str:
    text = ""
    for candidate in candidates:
        text = gsm_safe(candidate)
        if fits(text, parts):
            return text
    return text


class Messages:
    """Builds the texts of one flow's conversation."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow

    def question(self, session: Session, progress: bool = True) -> str:
        """The current question with its numbered choices, in one part."""
        cue = ""
        if progress:
            cue = wording(session.language).progress.format(
                number=session.number, total=session.about_total(self.flow))
        return self._question(session.current, session.language, cue)

    @lru_cache(maxsize=1024)  # noqa: B019 - one Messages per flow, kept for good
    def _question(self, qid: str, lang: str, cue: str) -> str:
        question = self.flow.question(qid)
        lines = [cue + question.sms.get(lang)]
        lines += [
            f"{number}={choice.short.get(lang)}"
            for number, choice in enumerate(question.choices, start=1)
        ]
        return gsm_safe("\n".join(lines))

    def welcome(self, session: Session) -> str:
        """What this is, privacy, HELP and STOP, how to switch language, then
        the first question."""
        words = wording(session.language)
        welcome = words.welcome.format(title=self.title(session.language))
        greeting = " ".join([welcome, *self.offers(session.language)])
        return first_fitting(
            [
                f"{greeting}\n\n{self.question(session)}",
                f"{greeting}\n{self.question(session, progress=False)}",
                f"{welcome}\n{self.question(session, progress=False)}",
            ],
            parts=WELCOME_PARTS,
        )

    def title(self, lang: str) -> str:
        """The flow's title as a sentence: "Is a 504 plan a fit?"."""
        title = self.flow.title.get(lang).strip()
        return title if title.endswith((".", "?", "!")) else title + "."

    def offers(self, lang: str) -> list[str]:
        """How to go on in each other language the flow has, in that language."""
        return [WORDINGS[other].offer for other in self.flow.languages
                if other != lang and other in WORDINGS]

    def switched(self, session: Session) -> str:
        """The current question in the language just chosen."""
        words = wording(session.language)
        return self.with_note(session, [words.switched], self.question(session))

    def unavailable(self, session: Session, lang: str) -> str:
        """Says, in `lang`, that the flow has no version in it; the question stays."""
        note = wording(lang).unavailable
        if session.done:
            return gsm_safe(note)
        return self.with_note(session, [note], note)

    def with_note(self, session: Session, notes: list[str], alone: str) -> str:
        """A note (fullest wording first) and the current question, in one part.

        When no note fits beside the question, `alone` is sent instead: a
        message that makes sense without the question, which the parent
        still has from the text before.
        """
        asked = [self.question(session), self.question(session, progress=False)]
        return first_fitting(
            [f"{note}\n{question}" for question in asked for note in notes] + [alone]
        )

    def not_understood(self, session: Session, note: str | None = None) -> str:
        """Ask the current question again, saying what kind of answer is wanted."""
        words = wording(session.language)
        question = self.flow.question(session.current)
        first = note or words.not_understood
        if question.kind == "code":
            return self.with_note(session, [first], self.question(session, False))

        choose = words.choose.format(count=len(question.choices))
        return self.with_note(
            session,
            [f"{first} {choose}", choose, first],
            f"{first} {choose} {words.or_help}",
        )

    def resumed(self, session: Session) -> str:
        words = wording(session.language)
        return self.with_note(
            session, [words.resumed, words.resumed_short], words.resumed
        )

    def went_back(self, session: Session) -> str:
        words = wording(session.language)
        question = self.flow.question(session.current)
        said = words.back.format(answer=self.said(question, session))
        return self.with_note(session, [said, words.back_short], words.back_short)

    def at_first(self, session: Session) -> str:
        words = wording(session.language)
        return self.with_note(session, [words.at_first], words.at_first)

    def restarted(self, session: Session) -> str:
        words = wording(session.language)
        return self.with_note(session, [words.restarted], words.restarted)

    def more_too_early(self, session: Session) -> str:
        words = wording(session.language)
        return self.with_note(session, [words.more_too_early], words.more_too_early)

    def next_question(self, session: Session, resumed: bool) -> str:
        """The question after an answer, greeting a parent who came back."""
        if not resumed:
            return self.question(session)
        words = wording(session.language)
        return self.with_note(session, [words.resumed_short], self.question(session))

    def said(self, question: Question, session: Session) -> str:
        """The earlier answer to `question` as the parent saw it: "2 (504 plan)"."""
        words = wording(session.language)
        value = session.previous_answer(question.id)
        if value is None:
            return words.skipped
        if question.kind == "code":
            return value
        number = question.values.index(value) + 1
        return f"{number} ({question.choice(value).short.get(session.language)})"


def help_text(lang: str, done: bool = False) -> str:
    """HELP's reply; MORE is offered only once the summary was sent (`done`)."""
    words = wording(lang)
    return gsm_safe(words.help_done if done else words.help)


def summary_given(lang: str, resumed: bool) -> str:
    words = wording(lang)
    return first_fitting(
        [f"{words.resumed_short} {words.summary_given}", words.summary_given]
        if resumed
        else [words.summary_given]
    )


def with_more_to_come(part: str, lang: str) -> str:
    """A part of the details, telling how to get the next one when room allows."""
    # TODO: render_more could end each part but the last with how to get the
    # next, as render_sms does; the mark can go when it does.
    return first_fitting([f"{part}\n{wording(lang).more_follows}", part], MORE_PARTS)


def more_done(lang: str) -> str:
    return gsm_safe(wording(lang).more_done)


def try_again(lang: str) -> str:
    """Asks for the text again: in the conversation's language once the inbox
    has read it, else (the store failed first, or app.py failed outside the
    inbox) in English."""
    return gsm_safe(wording(lang).try_again)
