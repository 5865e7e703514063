"""The words that act at any point in a conversation instead of answering.

A keyword counts only when it is the whole message, in any case, with
surrounding spaces and a trailing full stop allowed: "STOP." opts out, but
"please stop the meeting" is an answer, as carriers treat it. The opt-out
words are checked first because getting one wrong keeps texting a parent who
asked us to stop.
"""

from __future__ import annotations

import enum

from .normalize import fold, strip_end_punctuation


class Keyword(enum.Enum):
    OPT_OUT = "opt-out"
    """Delete everything about this number and send nothing."""
    OPT_IN = "opt-in"
    """START and UNSTOP: begin afresh."""
    HELP = "help"
    """HELP and INFO, which Twilio also answers by itself."""
    AYUDA = "ayuda"
    """Help asked for in Spanish, which Twilio does not answer by default."""
    BACK = "back"
    RESTART = "restart"
    MORE = "more"
    SPANISH = "spanish"
    """Go on in Spanish, from wherever the conversation is."""
    ENGLISH = "english"
    """Go on in English, from wherever the conversation is."""


_WORDS: dict[Keyword, tuple[str, ...]] = {
    # Twilio's default opt-out words, the FCC's plain-language revocations, and
    # their Spanish forms (Twilio does not act on those unless configured to).
    Keyword.OPT_OUT: (
        "stop", "stopall", "stop all", "unsubscribe", "cancel", "end", "quit",
        "revoke", "optout", "opt out", "opt-out",
        "stop texting me", "stop texting", "stop messaging me", "no more texts",
        "no more messages", "unsubscribe me", "dont text me", "do not text me",
        "parar", "alto", "baja", "cancelar", "detener", "no mas mensajes",
        "no me escriban", "no me escribas",
    ),
    # YES is an opt-in word to Twilio too, but here it answers a yes/no question.
    Keyword.OPT_IN: ("start", "unstop"),
    Keyword.HELP: ("help", "info"),
    Keyword.AYUDA: ("ayuda",),
    Keyword.BACK: ("back", "go back", "atras", "volver"),
    Keyword.RESTART: ("restart", "menu", "start over", "reiniciar"),
    # MAS loses its accent by text and reads as "but", so Spanish texts offer
    # SEGUIR; a parent who types MÁS is still understood.
    Keyword.MORE: ("more", "mas", "seguir"),
    Keyword.SPANISH: ("es", "espanol", "spanish"),
    Keyword.ENGLISH: ("en", "english", "ingles"),
}

# The language each language keyword asks for.
_LANGUAGES: dict[Keyword, str] = {Keyword.SPANISH: "es", Keyword.ENGLISH: "en"}

_BY_WORD: dict[str, Keyword] = {
    word: keyword for keyword, words in _WORDS.items() for word in words
}


def words_for(keyword: Keyword) -> tuple[str, ...]:
    """The folded words that mean `keyword`."""
    return _WORDS[keyword]


def language_asked(keyword: Keyword | None) -> str | None:
    """The language a keyword switches to ("es", "en"), or None."""
    return _LANGUAGES.get(keyword) if keyword is not None else None


def find_keyword(text: str) -> Keyword | None:
    """The keyword the whole message is, if it is one."""
    return _BY_WORD.get(strip_end_punctuation(fold(text)))
