"""Keywords count only as the whole message, in any case, with a full stop."""

from __future__ import annotations

import pytest

from pathfinder.sms.keywords import Keyword, find_keyword


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
