"""Answers are read generously, and never guessed."""

from __future__ import annotations

import pytest

from pathfinder.machine.flow import Flow
from pathfinder.sms.answers import SKIP, Answer, AnswerReader


@pytest.fixture(scope="module")
def reader(flow: Flow) -> AnswerReader:
    return AnswerReader(flow)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2", "504"),
        (" 2. ", "504"),
        ("2)", "504"),
        ("#2", "504"),
        ("(2)", "504"),
        ("2\ufe0f\u20e3", "504"),  # the keycap emoji 2️⃣
        ("２", "504"),  # a full-width digit
        ("two", "504"),
        ("dos", "504"),
        ("option 2", "504"),
        ("1", "iep"),
        ("IEP", "iep"),  # the choice's own word
        ("iep.", "iep"),
        ("504 plan", "504"),  # the short label
        ("No plan yet", "none"),
        ("not sure", "unsure"),
        ("Don’t know", "unsure"),  # a curly apostrophe
        ("4", "unsure"),
    ],
)
def test_the_plan_question_understands(reader, flow, text, value):
    assert reader.read(flow.question("plan"), text) == Answer(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"), ("Y", "yes"), ("si", "yes"), ("Sí", "yes"), ("YES.", "yes"),
        ("no", "no"), ("N", "no"), ("1", "yes"), ("2", "no"), ("not urgent", "no"),
    ],
)
def test_a_yes_no_question_understands_yes_and_no(reader, flow, text, value):
    assert reader.read(flow.question("urgent"), text) == Answer(value)


@pytest.mark.parametrize(
    "text",
    ["0", "5", "12", "-1", "1 or 2", "2 3", "maybe", "", "   ", "🙂", "1.5", "#"],
)
def test_what_is_not_one_choice_is_not_an_answer(reader, flow, text):
    assert reader.read(flow.question("plan"), text) is None


def test_a_word_is_understood_only_for_the_question_it_belongs_to(reader, flow):
    assert reader.read(flow.question("issue"), "suspended") == Answer("discipline")
    assert reader.read(flow.question("plan"), "suspended") is None


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("NC", Answer("NC")), ("nc", Answer("NC")), ("N.C.", Answer("NC")),
        (" wi ", Answer("WI")), ("0", SKIP), ("skip", SKIP), ("XX", None),
        ("North Carolina", None), ("", None),
    ],
)
def test_the_state_question_takes_a_code_or_a_skip(reader, flow, text, answer):
    assert reader.read(flow.question("state"), text) == answer


def test_every_choice_of_every_question_is_reachable_by_its_number(reader, flow):
    for question in flow.questions.values():
        for number, choice in enumerate(question.choices, start=1):
            assert reader.read(question, str(number)) == Answer(choice.value)


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("plan", "Plan 504", "504"),
        ("plan", "plan 504.", "504"),
        ("plan", "PEI", "iep"),  # Puerto Rico's name for an IEP
        ("plan", "No sé", "unsure"),
        ("plan", "no se", "unsure"),
        ("plan", "No lo sé", "unsure"),
        ("plan", "Todavía sin plan", "none"),
        ("plan", "ninguno", "none"),
        ("plan", "uno", "iep"),
        ("plan", "opción 2", "504"),
        ("urgent", "sí", "yes"),
        ("urgent", "Si", "yes"),
        ("urgent", "SÍ.", "yes"),
        ("urgent", "no", "no"),
        ("urgent", "Urgente", "yes"),
        ("urgent", "no urgente", "no"),
        ("issue", "disciplina", "discipline"),
        ("issue", "Suspendido", "discipline"),
        ("issue", "trato injusto", "discrimination"),
        ("issue", "acoso", "discrimination"),
        ("issue", "Expediente", "records"),
        ("issue", "Dónde estudia", "placement"),
        ("issue_504", "apoyos", "services"),
        ("issue_no_plan", "No califica", "eligibility"),
        ("stage", "Espero respuesta", "waiting"),
        ("stage", "recien empezo", "starting"),
        ("goal", "que decida alguien neutral", "decision"),
        ("since", "Hace 2+ años", "over_2_years"),
        ("since", "menos de 6 meses", "under_6_months"),
        ("state", "omitir", None),
        ("state", "saltar", None),
    ],
)
def test_spanish_answers_are_understood(reader, flow, question, text, value):
    assert reader.read(flow.question(question), text) == Answer(value)


def test_every_choice_is_understood_by_its_own_spanish_words(reader, flow):
    for question in flow.questions.values():
        for choice in question.choices:
            for form in (choice.short.get("es"), choice.label.get("es")):
                assert reader.read(question, form) == Answer(choice.value), form
