"""The library of assessments: each flow with its guidance, cross-checked at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import flow_files, load_flow
from pathfinder.machine.guidance import load_guidance
from pathfinder.machine.library import (
    assessment_from_file,
    assessment_names,
    assessments,
    load_assessment,
    vocabulary_problems,
)

DATA_FLOWS = Path(__file__).parents[1] / "data" / "flows"
SOUND = (DATA_FLOWS / "sound.toml").read_text(encoding="utf-8")


def flow_file(tmp_path: Path, text: str, name: str = "sound") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_flow_is_an_assessment_with_its_own_guidance():
    found = assessments()

    assert [a.name for a in found] == [path.stem for path in flow_files()]
    assert assessment_names() == [a.name for a in found]
    assert {a.name: a.guidance.name for a in found} == {
        "dispute": "dispute", "fit504": "fit504"}


def test_an_assessment_is_loaded_once_and_advises_in_its_own_vocabulary():
    fit = load_assessment("fit504")

    assert load_assessment("fit504") is fit
    assert fit.title.get() == "Is a 504 plan a fit?"
    assert fit.advise({"school": "refused"}).primary == "challenge_decision"


def test_an_unknown_assessment_names_the_known_ones():
    with pytest.raises(ContentError, match="no such flow; known flows: dispute"):
        load_assessment("nosuch")


def test_a_question_whose_fact_the_guidance_does_not_know_is_refused(tmp_path):
    path = flow_file(tmp_path, SOUND.replace('fact = "school"', 'fact = "schol"'))

    with pytest.raises(ContentError) as caught:
        assessment_from_file(path)

    assert caught.value.file == "sound.toml"
    assert caught.value.where == 'question "school"'
    assert "sets fact 'schol', which guidance fit504.toml does not know" in str(
        caught.value)


def test_a_choice_value_outside_the_vocabulary_is_refused(tmp_path):
    path = flow_file(tmp_path, SOUND.replace('value = "waiting"', 'value = "later"'))

    with pytest.raises(ContentError, match=r'^sound.toml, question "school": '
                                           r"unknown value 'later' for fact 'school'"):
        assessment_from_file(path)


def test_a_fact_a_choice_sets_is_checked_too(tmp_path):
    text = SOUND.replace('  value = "none"\n', '  value = "none"\n'
                                             '  sets = { school = "never" }\n')
    path = flow_file(tmp_path, text)

    with pytest.raises(ContentError) as caught:
        assessment_from_file(path)

    assert caught.value.where == 'question "condition", choice "none" sets'
    assert "unknown value 'never' for fact 'school'" in caught.value.problem


def test_a_code_outside_the_vocabulary_is_refused(tmp_path):
    shipped = next(path for path in flow_files() if path.stem == "dispute")
    text = shipped.read_text(encoding="utf-8").replace('"MP",\n]', '"MP", "XX",\n]')
    path = flow_file(tmp_path, text, "dispute")

    with pytest.raises(ContentError, match=r'question "state": unknown value '
                                           r"'XX' for fact 'state'"):
        assessment_from_file(path)


def test_every_mismatch_is_listed_not_only_the_first(tmp_path):
    # Vietnamese: a language the shipped fit504 guidance has no advice in.
    text = (SOUND.replace('fact = "school"', 'fact = "schol"')
            .replace('value = "known"', 'value = "sure"')
            .replace('languages = ["en"]', 'languages = ["en", "vi"]'))
    text = _with_language(text, "vi")
    flow = load_flow(flow_file(tmp_path, text))

    problems = vocabulary_problems(flow, load_guidance("fit504"))

    assert [p.where for p in problems] == [
        "[flow]", 'question "condition"', 'question "school"']
    assert "offers vi but guidance fit504.toml has no advice in it" in str(problems[0])


def test_a_guidance_file_beside_the_flow_is_found_by_its_path():
    assessment = assessment_from_file(DATA_FLOWS / "summary_too_long.toml")

    assert assessment.guidance.name == "long_summary"


def _with_language(text: str, lang: str) -> str:
    """Every English text of the sound flow given a `lang` version too."""
    lines = []
    for line in text.splitlines():
        key, sep, value = line.partition(" = ")
        if key.strip() in ("title", "intro", "text", "help", "label") and sep:
            line = f"{key} = {{ en = {value}, {lang} = {value} }}"
        lines.append(line)
    return "\n".join(lines)
