"""The library of assessments: each shipped flow with its guidance, checked together.

An assessment is a questionnaire (a flow) and the advice rules it feeds (its
guidance). They meet only through the guidance's vocabulary, so they are
loaded as a pair and every fact a question can gather is checked against that
vocabulary before a parent ever sees the first question. Adding an assessment
is adding two data files to the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Mapping

from .errors import ContentError
from .flow import Flow, Question, flow_files, load_flow, load_shipped
from .guidance.engine import Advice, Guidance, load_guidance
from .text import DEFAULT_LANGUAGE, Text


@dataclass(frozen=True, eq=False)
class Assessment:
    """A flow and its guidance, loaded and cross-checked."""

    flow: Flow
    guidance: Guidance

    @property
    def name(self) -> str:
        return self.flow.name

    @property
    def title(self) -> Text:
        return self.flow.title

    def advise(self, facts: Mapping[str, object],
               lang: str = DEFAULT_LANGUAGE) -> Advice:
        return self.guidance.advise(facts, lang)


def assessment_names() -> list[str]:
    """The names of the shipped assessments (their flow files), sorted."""
    return [path.stem for path in flow_files()]


@cache
def load_assessment(name: str) -> Assessment:
    """A shipped assessment by name, loaded and checked once per process.

    Raises:
        ContentError: the flow or its guidance is broken, or they disagree.
    """
    flow = load_shipped(name)
    if flow.name != name:
        raise ContentError(flow.file, "[flow]", name_mismatch(flow.name, name))
    return pair(flow)


def assessments() -> list[Assessment]:
    """Every shipped assessment, sorted by name."""
    return [load_assessment(name) for name in assessment_names()]


def assessment_from_file(path: Path | str) -> Assessment:
    """An assessment from a flow file anywhere (see `guidance_of`)."""
    path = Path(path)
    return pair(load_flow(path), path.parent)


def guidance_of(flow: Flow, folder: Path | None = None) -> Guidance:
    """The flow's guidance: shipped by name, or a .toml file beside the flow.

    A path ending in .toml is read relative to `folder` (the flow file's
    folder), so a new assessment can be tried before it is shipped.
    """
    if folder is not None and flow.guidance.endswith(".toml"):
        return load_guidance(folder / flow.guidance)
    return load_guidance(flow.guidance)


def pair(flow: Flow, folder: Path | None = None) -> Assessment:
    """The flow with its guidance, after checking that they agree."""
    guidance = guidance_of(flow, folder)
    problems = vocabulary_problems(flow, guidance)
    if problems:
        raise problems[0]
    return Assessment(flow, guidance)


def name_mismatch(declared: str, file_stem: str) -> str:
    return (f"name {declared!r} differs from the file name {file_stem!r}; "
            "make them the same, since a flow is chosen by its file name")


def vocabulary_problems(flow: Flow, guidance: Guidance) -> list[ContentError]:
    """Every fact or value the flow can gather that its guidance does not know.

    Also a language the flow offers that the guidance has no advice in. Each
    problem names the flow file and the question.
    """
    problems = []
    offered = guidance.content.languages
    missing = [lang for lang in flow.languages if lang not in offered]
    if missing:
        problems.append(ContentError(
            flow.file, "[flow]",
            f"offers {', '.join(missing)} but guidance {guidance.content.file} "
            "has no advice in it; add those languages to the guidance or remove "
            "them from the flow"))

    for question in flow.questions.values():
        problems += [ContentError(flow.file, where, problem)
                     for where, problem in _unknown_facts(question, guidance)]
    return problems


def _unknown_facts(question: Question, guidance: Guidance) -> list[tuple[str, str]]:
    """(where, problem) for each fact or value of `question` not in the vocabulary."""
    vocab = guidance.vocabulary
    where = f'question "{question.id}"'
    if question.fact not in vocab.facts:
        return [(where, f"sets fact {question.fact!r}, which guidance "
                        f"{guidance.content.file} does not know; use one of "
                        f"{', '.join(vocab.facts)}")]

    found = []
    given = question.codes if question.kind == "code" else question.values
    for value in given:
        if value not in vocab.facts[question.fact]:
            unknown = vocab.unknown_value(question.fact, value)
            found.append((where, _add_or_use(unknown, guidance)))

    for choice in question.choices:
        here = f'{where}, choice "{choice.value}" sets'
        for fact, value in choice.sets.items():
            if fact not in vocab.facts:
                found.append((here, f"unknown fact {fact!r}; use one of "
                                    f"{', '.join(vocab.facts)}"))
            elif value not in vocab.facts[fact]:
                unknown = vocab.unknown_value(fact, value)
                found.append((here, _add_or_use(unknown, guidance)))
    return found


def _add_or_use(message: str, guidance: Guidance) -> str:
    return (f"{message}; use one of those, or add it to the [vocabulary] of "
            f"{guidance.content.file}")
