"""Keywords count only as the whole message, in any case, with a full stop."""

from __future__ import annotations

import pytest

from pathfinder.sms.keywords import Keyword, find_keyword, language_asked


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("STOP", Keyword.OPT_OUT),
        ("stop", Keyword.OPT_OUT),
        ("  Stop.  ", Keyword.OPT_OUT),  # spaces around, a full stop after
        ("sToP", Keyword.OPT_OUT),
        ("STOPALL", Keyword.OPT_OUT),
        ("Unsubscribe", Keyword.OPT_OUT),
        ("cancel", Keyword.OPT_OUT),
        ("END", Keyword.OPT_OUT),
        ("quit", Keyword.OPT_OUT),
        ("REVOKE", Keyword.OPT_OUT),
        ("OPTOUT", Keyword.OPT_OUT),
        ("opt out", Keyword.OPT_OUT),
        ("PARAR", Keyword.OPT_OUT),  # Spanish forms
        ("Baja", Keyword.OPT_OUT),
        ("no more texts", Keyword.OPT_OUT),  # plain-language revocation
        ("START", Keyword.OPT_IN),
        ("unstop", Keyword.OPT_IN),
        ("HELP", Keyword.HELP),
        ("info", Keyword.HELP),
        ("Ayuda", Keyword.AYUDA),
        ("BACK", Keyword.BACK),
        ("back.", Keyword.BACK),
        ("atrás", Keyword.BACK),  # the accent is optional
        ("RESTART", Keyword.RESTART),
        ("Menu", Keyword.RESTART),
        ("more", Keyword.MORE),
        ("MÁS", Keyword.MORE),
        ("\u200bSTOP\u200b", Keyword.OPT_OUT),  # invisible characters around it
    ],
)
def test_a_whole_message_keyword_is_recognised(text, keyword):
    assert find_keyword(text) is keyword


@pytest.mark.parametrize(
    "text",
    [
        "he came back from suspension",  # BACK inside a sentence is an answer
        "please stop the meeting",  # as carriers treat it: text, not an opt-out
        "help me",
        "more services",
        "stop stop",
        "start over please",
        "yes",  # Twilio's opt-in word, but here an answer to a yes/no question
        "",
        "2",
    ],
)
def test_a_keyword_inside_other_words_is_not_a_keyword(text):
    assert find_keyword(text) is None


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("ES", Keyword.SPANISH),
        ("es", Keyword.SPANISH),
        ("ESPAÑOL", Keyword.SPANISH),
        ("Español.", Keyword.SPANISH),
        ("ESPANOL", Keyword.SPANISH),  # a phone without ñ
        ("EN", Keyword.ENGLISH),
        ("en.", Keyword.ENGLISH),
        ("ENGLISH", Keyword.ENGLISH),
        ("English", Keyword.ENGLISH),
        ("SEGUIR", Keyword.MORE),  # offered in Spanish texts: MAS reads as "but"
        ("ATRÁS", Keyword.BACK),
        ("REINICIAR", Keyword.RESTART),
        ("PARAR", Keyword.OPT_OUT),
        ("Alto", Keyword.OPT_OUT),
        ("cancelar", Keyword.OPT_OUT),
        ("No me escriban", Keyword.OPT_OUT),
    ],
)
def test_spanish_and_language_keywords_are_recognised(text, keyword):
    assert find_keyword(text) is keyword


@pytest.mark.parametrize(
    "text",
    ["es urgente", "en la escuela", "english class", "español por favor",
     "hablo español", "ES EN", "seguir igual"],
)
def test_a_language_word_inside_a_sentence_switches_nothing(text):
    assert find_keyword(text) is None


def test_each_language_keyword_names_its_language():
    assert language_asked(Keyword.SPANISH) == "es"
    assert language_asked(Keyword.ENGLISH) == "en"
    assert language_asked(Keyword.MORE) is None
    assert language_asked(None) is None
