"""Every message the service can send keeps to the budget, for every question."""

from __future__ import annotations

import dataclasses

import pytest

from pathfinder.machine.flow import Flow, flow_files, load_flow
from pathfinder.machine.session import Session
from pathfinder.sms import messages
from pathfinder.sms.keywords import find_keyword
from pathfinder.sms.messages import ENGLISH, Messages

from .texting import ONE_PART, WELCOME_PARTS, assert_within


def sessions_at_every_question(flow: Flow):
    """A session on each question, as deep in the flow as it can be."""
    for qid in flow.questions:
        session = Session.begin(flow)
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


def test_every_fixed_text_is_gsm_and_one_part():
    texts = dataclasses.asdict(ENGLISH)
    del texts["welcome"]  # goes with the first question, in two parts: above
    for text in texts.values():
        filled = text.format(count=9, answer="9 (Thinking of formal steps)")
        assert_within(filled, ONE_PART)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_help_says_what_this_is_where_to_get_help_and_the_keywords(lang):
    text = messages.help_text(lang)
    assert_within(text, ONE_PART)
    for must in ("BACK", "RESTART", "MORE", "STOP", "parentcenterhub.org"):
        assert must in text


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
