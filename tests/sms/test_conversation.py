"""The conversation's rules, without HTTP: a state and a text give a reply."""

from __future__ import annotations

import pytest

from pathfinder.machine.flow import DONE
from pathfinder.machine.guidance import advise
from pathfinder.machine.render import render_more, render_sms
from pathfinder.sms.conversation import (
    RESUME_AFTER_SECONDS,
    Conversation,
    Incoming,
    Rules,
    State,
)

from .texting import ONE_PART, SUMMARY_PARTS, WELCOME_PARTS, assert_within

HOURS = 60 * 60
# An IEP, about services, not urgent, just started, work it out, under 6 months.
TO_THE_STATE_QUESTION = ["1", "3", "2", "1", "1", "1"]


class Chat:
    """One parent's conversation, kept in memory between texts."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.state: State | None = None
        self.events: list[str] = []

    def send(self, body: str, media: int = 0, idle: float | None = 1.0) -> str | None:
        first = self.state is None
        turn = self.conversation.reply_to(
            self.state, Incoming(body, media, None if first else idle)
        )
        self.state = None if turn.forget else turn.state
        self.events.append(turn.event)
        if self.state is not None:
            # What is kept must survive the trip through the store.
            self.state = State.from_dict(self.state.to_dict(), self.conversation.flow)
        return turn.reply

    def send_all(self, bodies: list[str]) -> str | None:
        reply = None
        for body in bodies:
            reply = self.send(body)
        return reply

    @property
    def at(self) -> str:
        assert self.state is not None
        return self.state.session.current


@pytest.fixture
def chat(conversation: Conversation) -> Chat:
    return Chat(conversation)


@pytest.fixture
def finished(chat: Chat) -> Chat:
    chat.send_all(["hi", *TO_THE_STATE_QUESTION, "0"])
    assert chat.at == DONE
    return chat


@pytest.mark.parametrize("first", ["hi", "2", "", "BACK", "RESTART", "MORE", "hola"])
def test_any_first_text_starts_with_the_welcome_and_first_question(chat, flow, first):
    reply = chat.send(first)
    assert reply is not None and reply.startswith("Pathfinder")
    assert flow.question(flow.start).sms.get() in reply
    assert_within(reply, WELCOME_PARTS)
    assert chat.at == flow.start and chat.events == ["started"]


def test_an_answer_moves_to_the_next_question(chat, flow):
    chat.send("hi")
    reply = chat.send("1")
    assert chat.at == "issue"
    assert reply is not None and reply.startswith("Q2/7 ")
    assert_within(reply, ONE_PART)


@pytest.mark.parametrize("nonsense", ["maybe", "7", "🙂", "x" * 3000, "\x00\x07\x1b"])
def test_an_answer_not_understood_gets_a_one_part_re_prompt_and_stays(chat, nonsense):
    chat.send("hi")
    reply = chat.send(nonsense)
    assert chat.at == "plan" and chat.events[-1] == "re-prompted"
    assert reply is not None and "number from 1 to 4" in reply
    assert_within(reply, ONE_PART)


def test_a_picture_without_words_is_answered_in_words(chat):
    chat.send("hi")
    reply = chat.send("", media=1)
    assert reply is not None and "not pictures" in reply
    assert_within(reply, ONE_PART)
    assert chat.at == "plan"


def test_an_empty_text_is_re_prompted(chat):
    chat.send("hi")
    reply = chat.send("   ")
    assert reply is not None and "empty" in reply
    assert chat.at == "plan"


def test_a_keyword_inside_a_sentence_is_not_the_keyword(chat):
    chat.send_all(["hi", "1"])
    chat.send("he came back from suspension")
    assert chat.at == "issue", "a sentence with 'back' in it must not go back"
    chat.send("please stop the meeting")
    assert chat.state is not None, "a sentence with 'stop' in it must not opt out"


def test_back_returns_to_the_previous_question_and_says_what_was_answered(chat):
    chat.send_all(["hi", "2"])
    reply = chat.send("BACK")
    assert chat.at == "plan" and chat.events[-1] == "went back"
    assert reply is not None and "Going back. You said 2 (504 plan)." in reply
    assert_within(reply, ONE_PART)


def test_back_at_the_first_question_stays_there(chat):
    chat.send("hi")
    reply = chat.send("back")
    assert chat.at == "plan"
    assert reply is not None and "first question" in reply


@pytest.mark.parametrize("word", ["RESTART", "menu", "Start over"])
def test_restart_starts_over_in_one_part(chat, flow, word):
    chat.send_all(["hi", "1", "3"])
    reply = chat.send(word)
    assert chat.at == flow.start
    assert chat.state is not None and chat.state.session.answers == {}
    assert reply is not None and reply.startswith("Starting over.")
    assert_within(reply, ONE_PART)


def test_help_answers_in_one_part_and_changes_nothing(chat):
    chat.send_all(["hi", "1"])
    reply = chat.send("HELP")
    assert reply is not None and "parentcenterhub.org" in reply
    assert_within(reply, ONE_PART)
    assert chat.at == "issue"


def test_help_offers_more_only_once_the_summary_was_sent(chat):
    chat.send_all(["hi", "1"])
    assert "MORE" not in chat.send("HELP")
    chat.send_all([*TO_THE_STATE_QUESTION[1:], "NC"])
    assert chat.at == DONE
    assert "MORE" in chat.send("HELP")


def test_help_can_be_left_to_twilio(flow):
    chat = Chat(Conversation(flow, Rules(answer_help=False)))
    chat.send("hi")
    assert chat.send("HELP") is None
    assert chat.send("INFO") is None
    assert chat.at == "plan"
    # Twilio does not answer the Spanish word, so Pathfinder still does.
    assert chat.send("AYUDA") is not None


def test_help_as_a_first_text_explains_without_starting(chat):
    reply = chat.send("help")
    assert reply is not None and "parentcenterhub.org" in reply
    assert chat.state is None


@pytest.mark.parametrize("word", ["STOP", "stop.", "Unsubscribe", "REVOKE", "PARAR"])
def test_an_opt_out_forgets_everything_and_sends_nothing(chat, word):
    chat.send_all(["hi", "1", "3"])
    reply = chat.send(word)
    assert reply is None
    assert chat.state is None and chat.events[-1] == "opted out"


@pytest.mark.parametrize("word", ["START", "unstop"])
def test_start_begins_afresh(chat, flow, word):
    chat.send_all(["hi", "1", "3"])
    reply = chat.send(word)
    assert reply is not None and reply.startswith("Pathfinder")
    assert chat.at == flow.start and chat.state.session.answers == {}


def test_the_last_answer_brings_the_summary_within_three_parts(chat):
    reply = chat.send_all(["hi", *TO_THE_STATE_QUESTION, "NC"])
    assert chat.at == DONE and chat.events[-1] == "finished"
    facts = chat.state.session.facts(chat.conversation.flow)
    assert facts["state"] == "NC"
    assert reply == render_sms(advise(facts))
    assert_within(reply, SUMMARY_PARTS)
    assert reply.rstrip().endswith(("MORE for next steps.", "MORE for more."))


def test_more_sends_each_further_part_then_says_that_is_all(finished):
    facts = finished.state.session.facts(finished.conversation.flow)
    parts = render_more(advise(facts))
    for part in parts:
        reply = finished.send("MORE")
        assert reply is not None and reply.startswith(part)
        assert_within(reply, SUMMARY_PARTS)
    assert "That is all" in finished.send("more")
    assert finished.at == DONE


def test_more_before_the_end_keeps_the_question(chat):
    chat.send_all(["hi", "1"])
    reply = chat.send("MORE")
    assert reply is not None and "after the last question" in reply
    assert chat.at == "issue"


def test_a_text_after_the_summary_says_what_can_be_done(finished):
    reply = finished.send("thanks")
    assert reply is not None and "MORE" in reply and "RESTART" in reply
    assert_within(reply, ONE_PART)


def test_back_after_the_summary_reopens_the_last_question(finished):
    finished.send("MORE")
    finished.send("BACK")
    assert finished.at == "state"
    assert finished.state.more_sent == 0


def test_a_parent_back_after_hours_is_told_and_continues(chat):
    chat.send_all(["hi", "1", "3"])
    reply = chat.send("hello?", idle=RESUME_AFTER_SECONDS + 5 * HOURS)
    assert reply is not None and reply.startswith("Welcome back")
    assert "Is it urgent" in reply
    assert_within(reply, ONE_PART)
    assert chat.at == "urgent" and chat.events[-1] == "resumed"


def test_a_parent_back_after_days_who_answers_goes_on(chat):
    chat.send_all(["hi", "1"])
    reply = chat.send("3", idle=3 * 24 * HOURS)
    assert chat.at == "urgent"
    assert reply is not None and reply.startswith("Welcome back")
    assert_within(reply, ONE_PART)


def test_a_quick_reply_is_not_a_resume(chat):
    chat.send_all(["hi", "1"])
    reply = chat.send("3", idle=RESUME_AFTER_SECONDS - 1)
    assert reply is not None and reply.startswith("Q3/7")


def test_a_saved_state_from_another_flow_version_is_refused(flow):
    with pytest.raises(ValueError):
        State.from_dict({"session": {"v": 1, "current": "gone"}}, flow)
    with pytest.raises(ValueError):
        State.from_dict({"session": None, "more_sent": -1}, flow)
    with pytest.raises(ValueError):
        State.from_dict([], flow)


def test_summaries_and_details_are_rendered_once_per_facts_and_language(flow):
    conversation = Conversation(flow)
    first, second = Chat(conversation), Chat(conversation)
    for chat in (first, second):
        chat.send_all(["hi", *TO_THE_STATE_QUESTION, "NC", "MORE"])
    assert first.state.session.facts(flow) == second.state.session.facts(flow)
    assert conversation._summary.cache_info().hits == 1
    assert conversation._details.cache_info().hits == 1
    # Another language is another entry, rendered in that language.
    second.send("ES")
    assert conversation._summary.cache_info().misses == 2
