"""Every message the service can send keeps to the budget, for every question."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from pathfinder.machine.flow import Flow, flow_files, load_flow
from pathfinder.machine.session import Session
from pathfinder.sms import messages
from pathfinder.machine.gsm import gsm_safe
from pathfinder.sms.keywords import Keyword, find_keyword
from pathfinder.sms.messages import WORDINGS, Messages

from .texting import ONE_PART, WELCOME_PARTS, assert_within


def sessions_at_every_question(flow: Flow):
    """A session on each question, as deep in the flow as it can be, in each
    language the flow offers."""
    for lang, qid in itertools.product(flow.languages, flow.questions):
        session = Session.begin(flow, lang)
        session.current = qid
        # The longest history makes the longest progress cue ("Q10/12").
        session.history = [flow.start] * (flow.longest_path - 1)
        session.answers = {}
        yield session


@pytest.fixture(scope="module")
def texts(flow: Flow) -> Messages:
    return Messages(flow)


SHIPPED = [load_flow(path) for path in flow_files()]


@pytest.mark.parametrize("flow", SHIPPED, ids=[f.name for f in SHIPPED])
def test_every_question_of_every_shipped_flow_fits_one_part(flow):
    texts = Messages(flow)
    for session in sessions_at_every_question(flow):
        assert_within(texts.question(session), ONE_PART)


@pytest.mark.parametrize("flow", SHIPPED, ids=[f.name for f in SHIPPED])
def test_every_note_before_a_question_keeps_it_to_one_part(flow):
    texts = Messages(flow)
    for session in sessions_at_every_question(flow):
        words = messages.wording(session.language)
        for text in (
            texts.not_understood(session),
            texts.not_understood(session, words.media),
            texts.not_understood(session, words.empty),
            texts.resumed(session),
            texts.went_back(session),
            texts.at_first(session),
            texts.restarted(session),
            texts.more_too_early(session),
            texts.next_question(session, resumed=True),
        ):
            assert_within(text, ONE_PART)


def test_a_re_prompt_says_what_kind_of_answer_is_wanted(flow, texts):
    session = Session.begin(flow)
    assert "number from 1 to 4" in texts.not_understood(session)


def test_the_welcome_and_first_question_fit_two_parts(flow, texts):
    welcome = texts.welcome(Session.begin(flow))
    assert_within(welcome, WELCOME_PARTS)
    for must in ("HELP", "STOP", "Private", "Not legal advice"):
        assert must in welcome
    assert flow.question(flow.start).sms.get() in welcome


@pytest.mark.parametrize("lang", sorted(WORDINGS))
def test_every_fixed_text_is_gsm_and_one_part(lang):
    texts = dataclasses.asdict(WORDINGS[lang])
    del texts["welcome"]  # goes with the first question, in two parts: above
    for text in texts.values():
        filled = gsm_safe(text.format(count=9, number=12, total=12,
                                      answer="9 (Pienso en pasos formales)"))
        assert_within(filled, ONE_PART)


# The keywords each language's help offers: words whose meaning survives
# without accents (ATRAS, SEGUIR; not MÁS, which arrives as MAS, "but").
HELP_KEYWORDS = {
    "en": {"BACK": Keyword.BACK, "RESTART": Keyword.RESTART, "MORE": Keyword.MORE,
           "STOP": Keyword.OPT_OUT},
    "es": {"ATRAS": Keyword.BACK, "REINICIAR": Keyword.RESTART,
           "SEGUIR": Keyword.MORE, "STOP": Keyword.OPT_OUT},
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_help_says_what_this_is_where_to_get_help_and_the_keywords(lang):
    text = messages.help_text(lang, done=True)
    assert_within(text, ONE_PART)
    assert "parentcenterhub.org" in text
    for word, keyword in HELP_KEYWORDS[lang].items():
        assert word in text
        assert find_keyword(word) is keyword


@pytest.mark.parametrize("lang", ["en", "es"])
def test_help_before_the_summary_offers_every_keyword_but_more(lang):
    text = messages.help_text(lang)
    assert_within(text, ONE_PART)
    for word, keyword in HELP_KEYWORDS[lang].items():
        assert (word in text) is (keyword is not Keyword.MORE)


def test_the_welcome_says_truthfully_how_the_number_is_kept(flow, texts):
    english = texts.welcome(Session.begin(flow))
    spanish = texts.welcome(Session.begin(flow, "es"))
    assert "we keep your number only in scrambled form" in english
    assert "solo guardamos su numero codificado" in spanish
    assert "no phone numbers" not in english and "no guardamos" not in spanish


def test_the_spanish_welcome_and_first_question_fit_two_parts_and_offer_english(
        flow, texts):
    welcome = texts.welcome(Session.begin(flow, "es"))
    assert_within(welcome, WELCOME_PARTS)
    for must in ("AYUDA", "STOP", "Privado", "No es asesoria legal",
                 "For English, reply EN.", "P1/"):
        assert must in welcome
    assert gsm_safe(flow.question(flow.start).sms.get("es")) in welcome


def test_the_english_welcome_offers_spanish(flow, texts):
    welcome = texts.welcome(Session.begin(flow))
    assert "Para español, responda ES." in welcome
    assert find_keyword("ES") is Keyword.SPANISH


def test_a_spanish_question_is_sent_without_the_accents_gsm_7_lacks(flow, texts):
    session = Session.begin(flow, "es")
    session.current = "since"
    sent = texts.question(session)
    assert sent.startswith("P1/")
    # The screen text keeps its accents; á and ó are not GSM-7, ¿ and ñ are.
    assert flow.question("since").sms.get("es") == (
        "¿Cuándo empezó, o cuándo se enteró?")
    assert "¿Cuando empezo, o cuando se entero?" in sent
    assert "4=Hace 2+ años" in sent


def test_a_note_that_cannot_fit_gives_way_to_a_message_that_stands_alone(flow):
    texts = Messages(flow)
    session = Session.begin(flow)
    long_note = "x" * 200
    assert texts.with_note(session, [long_note], "alone") == "alone"


@pytest.mark.parametrize("flow", SHIPPED, ids=lambda flow: flow.name)
def test_no_choice_word_is_a_keyword(flow):
    clashes = [
        (question.id, word)
        for question in flow.questions.values()
        for choice in question.choices
        for word in (*choice.words, *choice.short.versions.values())
        if find_keyword(word)
    ]
    assert clashes == []
