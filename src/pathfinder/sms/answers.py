"""Reading a text as an answer to the current question, generously.

Choices are offered by number, but parents also type `2.`, `#2`, `2)`, a
keycap emoji, the choice's own word ("IEP", "suspended"), yes or no (and sí),
in any case. Whatever cannot be read as exactly one choice is not an answer:
the conversation asks again instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from pathfinder.machine.flow import Flow, Question

from .normalize import fold, strip_end_punctuation


@dataclass(frozen=True)
class Answer:
    value: str | None
    """A choice value, a code (kind "code"), or None to skip the question."""


SKIP = Answer(None)
SKIP_WORDS = frozenset({"0", "skip", "saltar", "omitir"})

_NUMBER_WORDS = {
    word: number
    for number, words in enumerate(
        [
            ("one", "uno", "una", "first", "primero"),
            ("two", "dos", "second", "segundo"),
            ("three", "tres", "third", "tercero"),
            ("four", "cuatro", "fourth", "cuarto"),
            ("five", "cinco", "fifth", "quinto"),
            ("six", "seis", "sixth", "sexto"),
            ("seven", "siete", "seventh", "septimo"),
            ("eight", "ocho", "eighth", "octavo"),
            ("nine", "nueve", "ninth", "noveno"),
        ],
        start=1,
    )
    for word in words
}

# "2", "#2", "2)", "(2)", "option 2", "numero 2": the number is the answer.
_NUMBER = re.compile(
    r"^(?:(?:option|opcion|number|numero|choice)\s*)?[#(]?\s*(\d{1,3})\s*\)?$"
)

# Ways to say yes or no beyond the words a choice lists itself.
_YES_NO = {
    "yes": ("yes", "y", "si", "yeah", "yep"),
    "no": ("no", "n", "nope"),
}


class AnswerReader:
    """Reads answers for the questions of one flow; built once at start-up."""

    def __init__(self, flow: Flow) -> None:
        self._words = {
            qid: _word_table(question) for qid, question in flow.questions.items()
        }

    def read(self, question: Question, text: str) -> Answer | None:
        """The answer `text` gives to `question`, or None if it gives none."""
        said = strip_end_punctuation(fold(text))
        if question.optional and said in SKIP_WORDS:
            return SKIP
        if question.kind == "code":
            return _read_code(question, said)

        value = self._words[question.id].get(said)
        if value is not None:
            return Answer(value)
        return _read_number(question, said)


def _read_code(question: Question, said: str) -> Answer | None:
    code = said.replace(".", "").replace(" ", "").upper()
    return Answer(code) if code in question.codes else None


def _read_number(question: Question, said: str) -> Answer | None:
    match = _NUMBER.match(said)
    if match:
        number = int(match.group(1))
    else:
        number = _NUMBER_WORDS.get(said, 0)
    if 1 <= number <= len(question.choices):
        return Answer(question.choices[number - 1].value)
    return None


def _word_table(question: Question) -> Mapping[str, str]:
    """Folded word -> choice value; a word two choices share is left out."""
    claims: dict[str, set[str]] = {}
    for choice in question.choices:
        forms = {choice.value.replace("_", " "), *choice.words}
        forms.update(choice.short.versions.values())
        forms.update(choice.label.versions.values())
        for yes_or_no, synonyms in _YES_NO.items():
            if yes_or_no == choice.value or yes_or_no in choice.words:
                forms.update(synonyms)
        for form in forms:
            folded = strip_end_punctuation(fold(form))
            if folded:
                claims.setdefault(folded, set()).add(choice.value)

    return {word: values.pop() for word, values in claims.items() if len(values) == 1}
