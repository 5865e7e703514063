"""A guidance file declares its own vocabulary; the dispute file's is the contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.errors import ContentError
from pathfinder.machine.facts import CAUTIONS, FACTS, PATHS, UnknownFact
from pathfinder.machine.guidance import load_guidance
from pathfinder.machine.guidance.loader import guidance_path

FIT504_TEXT = guidance_path("fit504").read_text(encoding="utf-8")


def broken_fit504(tmp_path: Path, old: str, new: str) -> Path:
    assert FIT504_TEXT.count(old) == 1, f"{old!r} is not unique in fit504.toml"
    path = tmp_path / "broken.toml"
    path.write_text(FIT504_TEXT.replace(old, new), encoding="utf-8")
    return path


def test_the_dispute_vocabulary_is_exactly_the_guidance_contract():
    vocabulary = load_guidance("dispute").vocabulary

    assert list(vocabulary.facts.items()) == list(FACTS.items())
    assert vocabulary.paths == PATHS
    assert vocabulary.cautions == CAUTIONS


def test_the_504_fit_guidance_speaks_its_own_vocabulary():
    guidance = load_guidance("fit504")

    assert set(guidance.vocabulary.facts) == {"condition", "activity", "limit",
                                              "school"}
    assert set(guidance.content.paths) == set(guidance.vocabulary.paths)
    with pytest.raises(UnknownFact, match="allowed facts: condition, activity"):
        guidance.advise({"plan": "iep"})


def test_a_code_is_accepted_in_any_case_when_the_vocabulary_holds_it_in_capitals():
    vocabulary = load_guidance("dispute").vocabulary

    assert vocabulary.validate({"state": " wi ", "plan": ""}) == {"state": "WI"}
    with pytest.raises(UnknownFact, match="unknown value 'IEP' for fact 'plan'"):
        vocabulary.validate({"plan": "IEP"})


@pytest.mark.parametrize(("old", "new", "where", "problem"), [
    # the engine adds not_legal_advice to all advice, so it must be declared
    ('    "ocr_180_days", "not_legal_advice",\n', '    "ocr_180_days",\n',
     "[vocabulary]", "cautions must include 'not_legal_advice'"),
    # an outcome declared but never described
    ('    "review_plan",\n]', '    "review_plan", "hire_lawyer",\n]',
     "[paths]", "path 'hire_lawyer' is not described"),
    # a value listed twice
    ('limit = ["substantial", "slight", "unsure"]',
     'limit = ["substantial", "slight", "slight"]',
     "[vocabulary.facts]", "'limit' lists 'slight' twice"),
    # a rule on a value the vocabulary does not have
    ('when = { school = "refused" }', 'when = { school = "denied" }',
     'primary rule "school-said-no"', "unknown value 'denied' for fact 'school'"),
    # a fact name that is not an identifier
    ('limit = ["substantial"', '"how hard" = ["substantial"',
     "[vocabulary.facts]", "fact name 'how hard' must be lower-case"),
])
def test_a_broken_vocabulary_is_refused_naming_the_place(tmp_path, old, new, where,
                                                         problem):
    path = broken_fit504(tmp_path, old, new)

    with pytest.raises(ContentError) as caught:
        load_guidance(path)

    assert caught.value.where == where
    assert problem in caught.value.problem


def test_a_guidance_without_a_vocabulary_is_refused(tmp_path):
    start = FIT504_TEXT.index("[vocabulary]")
    end = FIT504_TEXT.index("[labels]")
    path = tmp_path / "broken.toml"
    path.write_text(FIT504_TEXT[:start] + FIT504_TEXT[end:], encoding="utf-8")

    with pytest.raises(ContentError, match=r"^broken.toml, \[vocabulary\]: "
                                           r"needs a table 'vocabulary'"):
        load_guidance(path)


def test_state_rules_need_a_state_fact_in_the_vocabulary(tmp_path):
    path = broken_fit504(tmp_path, "[local_rules]\n",
                         '[states.WI]\nnote = "Wisconsin."\n\n[local_rules]\n')

    with pytest.raises(ContentError, match=r"\[states\]: unknown state 'WI'"):
        load_guidance(path)
