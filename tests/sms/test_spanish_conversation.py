"""The text conversation in Spanish: ES and EN switch at any point, as the whole
message; AYUDA helps in Spanish; Spanish answers are understood; the opt-out
words still opt out; every reply keeps to its budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.flow import DONE, load_flow
from pathfinder.machine.gsm import gsm_safe
from pathfinder.machine.guidance import advise
from pathfinder.machine.render import render_more, render_sms
from pathfinder.sms import messages
from pathfinder.sms.conversation import Conversation

from .test_conversation import TO_THE_STATE_QUESTION, Chat
from .texting import ONE_PART, SUMMARY_PARTS, WELCOME_PARTS, assert_within

SOUND_FLOW = Path(__file__).parents[1] / "data" / "flows" / "sound.toml"


@pytest.fixture
def chat(conversation: Conversation) -> Chat:
    return Chat(conversation)


def language(chat: Chat) -> str:
    assert chat.state is not None
    return chat.state.session.language


@pytest.mark.parametrize("word", ["ES", "español", "Espanol."])
def test_a_first_text_es_starts_in_spanish(chat, flow, word):
    reply = chat.send(word)
    assert reply is not None
    assert reply.startswith("Pathfinder: Encuentre su proximo paso")
    assert "P1/" in reply and gsm_safe(flow.question("plan").sms.get("es")) in reply
    assert "For English, reply EN." in reply
    assert_within(reply, WELCOME_PARTS)
    assert chat.at == flow.start and language(chat) == "es"
    assert chat.events == ["started"]


def test_the_english_welcome_says_how_to_go_on_in_spanish(chat):
    reply = chat.send("hola")
    assert reply is not None and "Para español, responda ES." in reply
    assert language(chat) == "en"


def test_es_part_way_keeps_the_answers_and_asks_the_same_question_in_spanish(chat):
    chat.send_all(["hi", "1", "3"])
    answers = dict(chat.state.session.answers)
    reply = chat.send("ES")
    assert reply is not None and reply.startswith("Ahora en español.\nP3/")
    assert "¿Es urgente ahora?" in reply and "1=Urgente\n2=No urgente" in reply
    assert_within(reply, ONE_PART)
    assert chat.at == "urgent" and chat.state.session.answers == answers
    assert chat.events[-1] == "switched language"

    reply = chat.send("EN")
    assert reply is not None and reply.startswith("Now in English.\nQ3/")
    assert "Is it urgent now?" in reply
    assert chat.at == "urgent" and language(chat) == "en"


def test_after_the_summary_es_sends_the_summary_again_in_spanish(chat):
    chat.send_all(["hi", *TO_THE_STATE_QUESTION, "0", "MORE"])
    assert chat.at == DONE
    facts = chat.state.session.facts(chat.conversation.flow)

    reply = chat.send("ES")
    assert reply == render_sms(advise(facts, "es"))
    assert_within(reply, SUMMARY_PARTS)
    assert reply.startswith("Mejor proximo paso:")
    assert reply.endswith("Responda SEGUIR para ver qué hacer.")

    parts = render_more(advise(facts, "es"))
    first = chat.send("SEGUIR")
    assert first is not None and first.startswith(parts[0])
    assert first.startswith("Proximos pasos:")


def test_spanish_answers_move_the_conversation_on(chat):
    chat.send("ES")
    chat.send("Plan 504")
    assert chat.at == "issue_504"
    chat.send("trato injusto")
    assert chat.at == "urgent"
    reply = chat.send("sí")
    assert chat.at == "stage"
    assert reply is not None and reply.startswith("P4/")
    assert chat.state.session.answers["urgent"] == "yes"


def test_a_spanish_re_prompt_says_what_answer_is_wanted(chat):
    chat.send("ES")
    reply = chat.send("quizás")
    assert reply is not None and "Responda con un numero del 1 al 4." in reply
    assert reply.startswith("Perdon, no entendi.")  # sent without í and ó
    assert_within(reply, ONE_PART)
    assert chat.at == "plan"


def test_back_in_spanish_says_what_was_chosen(chat):
    chat.send_all(["ES", "2"])
    reply = chat.send("ATRÁS")
    assert reply is not None
    assert reply.startswith("Volvemos atras. Usted eligio 2 (Plan 504).")
    assert chat.at == "plan"


def test_restart_and_start_keep_spanish(chat, flow):
    chat.send_all(["ES", "1", "3"])
    reply = chat.send("REINICIAR")
    assert reply is not None and reply.startswith("Empezamos de nuevo.\nP1/")
    chat.send("1")
    reply = chat.send("START")
    assert reply is not None
    assert reply.startswith("Pathfinder: Encuentre su proximo paso")
    assert chat.at == flow.start and language(chat) == "es"


@pytest.mark.parametrize("first", [[], ["hi"], ["hi", "1"], ["ES", "1"]])
def test_ayuda_helps_in_spanish_and_changes_nothing(chat, first):
    chat.send_all(first)
    before = chat.state.to_dict() if chat.state else None
    reply = chat.send("AYUDA")
    assert reply == messages.help_text("es")
    assert reply.startswith("Pathfinder: desacuerdos por un IEP o plan 504.")
    assert_within(reply, ONE_PART)
    assert (chat.state.to_dict() if chat.state else None) == before


def test_help_in_a_spanish_conversation_is_in_spanish(chat):
    chat.send("ES")
    assert chat.send("HELP") == messages.help_text("es")


@pytest.mark.parametrize("word", ["PARAR", "Alto", "BAJA", "cancelar", "STOP",
                                  "no me escriban"])
def test_spanish_and_english_opt_out_words_end_a_spanish_conversation(chat, word):
    chat.send_all(["ES", "1", "3"])
    assert chat.send(word) is None
    assert chat.state is None and chat.events[-1] == "opted out"


def test_es_inside_a_sentence_is_an_answer_not_a_switch(chat):
    chat.send_all(["hi", "1", "1"])
    assert chat.at == "urgent"
    reply = chat.send("es urgente")
    assert language(chat) == "en"
    assert reply is not None and reply.startswith("Sorry, I did not get that.")


def test_a_parent_back_after_hours_is_greeted_in_spanish(chat):
    chat.send_all(["ES", "1"])
    reply = chat.send("hola", idle=6 * 60 * 60)
    assert reply is not None and reply.startswith("¡Hola de nuevo!")
    assert_within(reply, ONE_PART)


def test_a_flow_without_spanish_says_so_in_spanish_and_stays_in_english():
    chat = Chat(Conversation(load_flow(SOUND_FLOW)))
    reply = chat.send("ES")
    assert reply is not None and reply.startswith("Pathfinder: A small 504 flow. Free.")
    assert "ES" not in reply.split("\n")[0].split()  # Spanish is not offered
    reply = chat.send("ES")
    assert reply is not None
    assert reply.startswith("Lo sentimos, estas preguntas no estan en español.")
    assert_within(reply, ONE_PART)
    assert language(chat) == "en" and chat.events[-1] == "language unavailable"
