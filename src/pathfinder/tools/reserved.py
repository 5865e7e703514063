"""Answers a parent must never be invited to text: words carriers or Twilio act on.

A parent who texts STOP to answer "stop the meeting?" is opted out of every
text; YES or START may be answered by Twilio's own re-subscribe message; HELP
and INFO by its help message. A choice's words and labels are what a parent is
invited to reply, so none of them, in any language, may be such a word. The
words the text conversation keeps for itself (BACK, MORE, AYUDA...) are
checked too: they are read as commands and never reach the question.
"""

from __future__ import annotations

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import Choice, Flow
from pathfinder.sms.keywords import find_keyword
from pathfinder.sms.normalize import fold, strip_end_punctuation

_OPT_OUT = "an opt-out word: carriers and Twilio stop all texts to whoever sends it"
_OPT_IN = "an opt-in word: Twilio may answer it with its own re-subscribe message"
_HELP = "a help word: Twilio may answer it with its own help message"

CARRIER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["stop", "stopall", "stop all", "unsubscribe", "cancel", "end", "quit",
         "revoke", "optout", "opt out", "parar", "cancelar", "detener"],
        _OPT_OUT),
    **dict.fromkeys(["start", "yes", "unstop"], _OPT_IN),
    **dict.fromkeys(["help", "info"], _HELP),
}


def reserved_word_problems(flow: Flow, file: str) -> list[ContentError]:
    """One problem per choice and reserved word it invites, in any language."""
    problems = []
    for question in flow.questions.values():
        for choice in question.choices:
            for word, reason in _reserved_in(choice):
                problems.append(ContentError(
                    file, f'question "{question.id}", choice "{choice.value}"',
                    f"invites the answer {word.upper()!r}, which is {reason}; "
                    "take it out of the choice's words or labels"))
    return problems


def _reserved_in(choice: Choice) -> list[tuple[str, str]]:
    forms = [*choice.words, *choice.short.versions.values(),
             *choice.label.versions.values()]
    found: dict[str, str] = {}
    for form in forms:
        word = strip_end_punctuation(fold(form))
        keyword = find_keyword(form)
        if word in CARRIER_WORDS:
            found.setdefault(word, CARRIER_WORDS[word])
        elif keyword is not None:
            found.setdefault(word, f"the text conversation's own {keyword.name} "
                                   "command, so the answer never reaches the question")
    return list(found.items())
