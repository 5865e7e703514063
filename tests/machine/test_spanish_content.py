"""The Spanish content: complete, saying what the English says, and fit to send.

Every flow that declares Spanish has a Spanish version of every text, in the
flow and in its guidance; a file missing one does not load, and says which.
Deadlines and citations are what the English says, and the Spanish keeps to
the glossary's terms (glossary-es.md): queja, not denuncia; represalias;
discapacidad; días escolares.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import Flow, load_flow
from pathfinder.machine.guidance.model import GuidanceContent
from pathfinder.machine.library import assessments
from pathfinder.machine.text import Text
from pathfinder.sms.messages import SPANISH

DATA_FLOWS = Path(__file__).parents[1] / "data" / "flows"
SPANISH_ASSESSMENTS = [a for a in assessments() if "es" in a.flow.languages]

# Words that change meaning once á í ó ú lose their accent by text:
# sí -> si (if), más -> mas (but), está -> esta (this), aún -> aun (even),
# tú -> tu (your), mí -> mi (my).
CHANGED_BY_TEXT = re.compile(r"(?<!\w)(sí|más|está|aún|tú|mí)(?!\w)",
                             re.IGNORECASE)

# Pitfalls the glossary names, with the word to use instead.
NOT_THESE_WORDS = {
    "denuncia": "queja",
    "retaliación": "represalias",
    "incapacidad": "discapacidad",
    "impedimento": "discapacidad",
    "días hábiles": "días escolares or días calendario",
    "valoración": "evaluación",
    "audición": "audiencia",
    "proceso debido": "debido proceso",
    "aplicar": "solicitar or pedir",
}

# The parent is addressed as usted, never as tú.
INFORMAL = re.compile(r"(?<!\w)(tú|tu|tus|te|ti|contigo)(?!\w)", re.IGNORECASE)

NUMBER = re.compile(r"\d+")
WEB_ADDRESS = re.compile(r"[a-z]+(?:\.[a-z]+)*\.(?:org|gov)")


def texts_in(item: Any, where: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text inside a loaded flow or guidance, with where it is."""
    if isinstance(item, Text):
        yield where, item
    elif dataclasses.is_dataclass(item):
        for field in dataclasses.fields(item):
            name = getattr(item, "id", "") or getattr(item, "code", "")
            yield from texts_in(getattr(item, field.name),
                                f"{where} {name}.{field.name}".strip())
    elif isinstance(item, Mapping):
        for key, value in item.items():
            yield from texts_in(value, f"{where}[{key}]")
    elif isinstance(item, (tuple, list)):
        for index, value in enumerate(item):
            yield from texts_in(value, f"{where}[{index}]")


def all_texts(flow: Flow, guidance: GuidanceContent) -> list[tuple[str, Text]]:
    return [*texts_in(flow, flow.file), *texts_in(guidance, guidance.file)]


def sent_by_text(flow: Flow, content: GuidanceContent) -> Iterator[tuple[str, Text]]:
    """The texts a parent can receive by text message (render_sms, render_more)."""
    for question in flow.questions.values():
        yield f"{question.id}.sms", question.sms
        for choice in question.choices:
            yield f"{question.id}.{choice.value}.short", choice.short
    for key, label in content.labels.items():
        if key.startswith(("sms_", "more_")):
            yield f"labels.{key}", label
    for path in content.paths.values():
        yield f"{path.id}.name", path.name
        yield from ((f"{path.id}.steps", text) for text in path.steps + path.gather)
    for rule in content.primary_rules:
        yield f"{rule.id}.why", rule.why
    for rule in content.extra_rules:
        yield from ((f"{rule.id}.extra", text) for text in rule.steps + rule.gather)
    limits = [state.time_limit for state in content.states.values() if state.time_limit]
    for caution in [*content.cautions.values(), *limits]:
        yield f"{caution.id}.short", caution.short
        if caution.deadline is not None:
            yield f"{caution.id}.text", caution.text
    for state in content.states.values():
        yield f"{state.code}.note", state.note
    yield "local_rules.other", content.local_rules_other
    yield "local_rules.none", content.local_rules_none
    yield from (("free_help", text) for text in content.free_help)


def test_both_shipped_assessments_are_offered_in_spanish():
    assert sorted(a.name for a in SPANISH_ASSESSMENTS) == ["dispute", "fit504"]


@pytest.mark.parametrize("assessment", SPANISH_ASSESSMENTS, ids=lambda a: a.name)
def test_every_text_of_a_spanish_flow_and_its_guidance_has_a_spanish_version(
        assessment):
    texts = all_texts(assessment.flow, assessment.guidance.content)
    assert len(texts) > 40
    missing = [where for where, text in texts
               if not text.versions.get("es", "").strip()]
    assert missing == []


@pytest.mark.parametrize(
    ("file", "where", "text"),
    [
        ("missing_language.toml", 'question "condition"', "'text'"),
        ("missing_spanish_label.toml", 'question "school", choice "waiting"',
         "'label'"),
    ],
)
def test_a_flow_missing_a_spanish_text_does_not_load_and_says_which(
        file, where, text):
    with pytest.raises(ContentError) as refused:
        load_flow(DATA_FLOWS / file)
    assert str(refused.value) == f"{file}, {where}: {text} has no es text"


@pytest.mark.parametrize("assessment", SPANISH_ASSESSMENTS, ids=lambda a: a.name)
def test_spanish_says_the_same_numbers_and_web_addresses_as_the_english(assessment):
    """A deadline that differs by language could cost a family its rights."""
    for where, text in all_texts(assessment.flow, assessment.guidance.content):
        english, spanish = text.get("en"), text.get("es")
        assert sorted(NUMBER.findall(spanish)) == sorted(NUMBER.findall(english)), where
        assert WEB_ADDRESS.findall(spanish) == WEB_ADDRESS.findall(english), where


@pytest.mark.parametrize("assessment", SPANISH_ASSESSMENTS, ids=lambda a: a.name)
def test_spanish_sent_by_text_avoids_words_an_unaccented_phone_would_change(
        assessment):
    sent = list(sent_by_text(assessment.flow, assessment.guidance.content))
    changed = [(where, match.group(0)) for where, text in sent
               for match in CHANGED_BY_TEXT.finditer(text.get("es"))]
    assert changed == []


def test_the_fixed_spanish_text_messages_avoid_those_words_too():
    fixed = dataclasses.asdict(SPANISH)
    changed = [(name, match.group(0)) for name, text in fixed.items()
               for match in CHANGED_BY_TEXT.finditer(text)]
    assert changed == []


@pytest.mark.parametrize("assessment", SPANISH_ASSESSMENTS, ids=lambda a: a.name)
def test_spanish_uses_the_terms_of_official_notices_and_addresses_parents_as_usted(
        assessment):
    texts = all_texts(assessment.flow, assessment.guidance.content)
    for where, text in texts:
        spanish = text.get("es").lower()
        for wrong, right in NOT_THESE_WORDS.items():
            assert wrong not in spanish, f"{where}: {wrong!r}; use {right}"
        assert not INFORMAL.search(spanish), f"{where}: {spanish}"


def test_the_dispute_questions_explain_iep_once_as_mainland_notices_do():
    dispute = next(a for a in SPANISH_ASSESSMENTS if a.name == "dispute")
    explained = ("Programa de Educación Individualizada "
                 "(IEP, por sus siglas en inglés)")
    assert explained in dispute.flow.intro.get("es")
    content = dispute.guidance.content
    ocr = content.paths["ocr_complaint"].what.get("es")
    assert "Oficina para Derechos Civiles (OCR, por sus siglas en inglés)" in ocr


def test_the_spanish_names_of_the_paths_are_the_notices_terms():
    dispute = next(a for a in SPANISH_ASSESSMENTS if a.name == "dispute")
    names = {path: info.name.get("es")
             for path, info in dispute.guidance.content.paths.items()}
    assert names["mediation"] == "Mediación"
    assert names["state_complaint"] == "Queja estatal"
    assert names["due_process"] == "Audiencia de debido proceso"
    assert names["iee"] == "Evaluación educativa independiente (IEE)"
    assert names["ocr_complaint"].startswith("Queja ante la Oficina para Derechos")
    assert "Aviso de garantías procesales" in (
        dispute.guidance.content.local_rules_none.get("es"))
