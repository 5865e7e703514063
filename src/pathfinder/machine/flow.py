"""A questionnaire (a flow) loaded from its content file and checked.

The content lives in `flows/<name>.toml`; this module turns it into small
frozen objects and refuses a broken file with an error that names the file
and the question, so a typo stops start-up instead of stranding a parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterator, Mapping

from .content_file import read_toml
from .errors import ContentError
from .text import Text

DONE = "done"
FLOWS_DIR = Path(__file__).parent / "flows"

# Trigger names the machine uses for itself; a choice may not take them.
RESERVED_VALUES = frozenset({"skip", "code", DONE})
_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text
    short: Text
    next: str
    words: tuple[str, ...] = ()
    sets: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    id: str
    fact: str
    title: Text
    text: Text
    sms: Text
    help: Text
    kind: str = "choice"
    choices: tuple[Choice, ...] = ()
    codes: tuple[str, ...] = ()
    next: str = ""
    optional: bool = False

    def choice(self, value: str) -> Choice:
        for choice in self.choices:
            if choice.value == value:
                return choice
        raise KeyError(value)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def targets(self) -> Iterator[tuple[str, str]]:
        """Every (trigger, next question) pair that leaves this question."""
        for choice in self.choices:
            yield choice.value, choice.next
        if self.kind == "code":
            yield "code", self.next
        if self.optional:
            yield "skip", self.next


@dataclass(frozen=True, eq=False)
class Flow:
    name: str
    file: str
    title: Text
    intro: Text
    languages: tuple[str, ...]
    start: str
    guidance: str
    questions: Mapping[str, Question]
    # Questions left on the longest way to the end, per question (computed
    # once by the loader, which also proves there is no loop).
    remaining: Mapping[str, int]

    def question(self, qid: str) -> Question:
        return self.questions[qid]

    def remaining_at_most(self, qid: str) -> int:
        """Questions left on the longest way to the end, `qid` included."""
        return self.remaining[qid]

    @property
    def longest_path(self) -> int:
        return self.remaining_at_most(self.start)


def flow_files() -> list[Path]:
    """The shipped flow files, sorted by name."""
    return sorted(FLOWS_DIR.glob("*.toml"))


@cache
def load_shipped(name: str) -> Flow:
    """A shipped flow by name, loaded and checked once per process."""
    path = FLOWS_DIR / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(p.stem for p in flow_files())
        raise ContentError(path.name, "", f"no such flow; known flows: {known}")
    return load_flow(path)


def load_flow(path: Path | str) -> Flow:
    """Read and check one flow file; raise ContentError naming what is wrong."""
    path = Path(path)
    return _Loader(path.name, read_toml(path, "no such flow file")).flow()


class _Loader:
    """Turns the raw TOML of one flow into a Flow, checking as it goes."""

    def __init__(self, file: str, raw: dict[str, Any]) -> None:
        self.file = file
        self.raw = raw
        self.languages: tuple[str, ...] = ("en",)

    def fail(self, where: str, problem: str) -> ContentError:
        return ContentError(self.file, where, problem)

    def flow(self) -> Flow:
        head = self.raw.get("flow")
        if not isinstance(head, dict):
            raise self.fail("", "needs a [flow] table with name, title and start")
        languages = head.get("languages", ["en"])
        if not _is_str_list(languages) or "en" not in languages:
            raise self.fail("[flow]", "languages must be a list that includes 'en'")
        self.languages = tuple(languages)

        questions = self.questions()
        start = self.string(head, "start", "[flow]")
        if start not in questions:
            raise self.fail("[flow]", f"start names unknown question {start!r}")
        self.check_targets(questions)
        return Flow(
            name=self.string(head, "name", "[flow]"),
            file=self.file,
            title=self.text(head, "title", "[flow]"),
            intro=self.text(head, "intro", "[flow]"),
            languages=self.languages,
            start=start,
            guidance=self.string(head, "guidance", "[flow]"),
            questions=questions,
            remaining=self.remaining(questions),
        )

    def questions(self) -> dict[str, Question]:
        items = self.raw.get("questions")
        if not isinstance(items, list) or not items:
            raise self.fail("", "needs at least one [[questions]] entry")
        questions: dict[str, Question] = {}
        for index, item in enumerate(items, start=1):
            question = self.question(item, index)
            if question.id in questions:
                raise self.fail(f'question "{question.id}"', "is defined twice")
            questions[question.id] = question
        return questions

    def question(self, item: Any, index: int) -> Question:
        if not isinstance(item, dict):
            raise self.fail(f"question #{index}", "must be a table")
        qid = item.get("id")
        if not isinstance(qid, str) or not _ID.match(qid) or qid == DONE:
            raise self.fail(
                f"question #{index}",
                "needs an id of lower-case letters, digits and _ (not 'done')",
            )
        where = f'question "{qid}"'
        kind = item.get("kind", "choice")
        if kind not in ("choice", "code"):
            raise self.fail(where, f"kind must be 'choice' or 'code', not {kind!r}")
        text = self.text(item, "text", where)
        question = Question(
            id=qid,
            fact=self.string(item, "fact", where),
            title=self.text(item, "title", where),
            text=text,
            sms=self.text(item, "sms", where) if "sms" in item else text,
            help=self.text(item, "help", where),
            kind=kind,
            choices=self.choices(item, where) if kind == "choice" else (),
            codes=self.codes(item, where) if kind == "code" else (),
            next=str(item.get("next", "")),
            optional=bool(item.get("optional", False)),
        )
        if (kind == "code" or question.optional) and not question.next:
            raise self.fail(where, "needs 'next': where to go after a code or a skip")
        return question

    def choices(self, item: dict[str, Any], where: str) -> tuple[Choice, ...]:
        raw_choices = item.get("choices")
        if not isinstance(raw_choices, list) or len(raw_choices) < 2:
            raise self.fail(where, "needs at least two [[questions.choices]]")
        choices: list[Choice] = []
        for raw in raw_choices:
            choice = self.choice(raw, where)
            if choice.value in (c.value for c in choices):
                raise self.fail(where, f"choice {choice.value!r} appears twice")
            choices.append(choice)
        return tuple(choices)

    def choice(self, raw: Any, where: str) -> Choice:
        if not isinstance(raw, dict):
            raise self.fail(where, "each choice must be a table")
        value = raw.get("value")
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(where, f"choice value {value!r} must be lower-case letters,"
                            " digits and _")
        if value in RESERVED_VALUES:
            raise self.fail(where, f"choice value {value!r} is reserved")
        here = f'{where}, choice "{value}"'
        words = raw.get("words", [])
        sets = raw.get("sets", {})
        if not _is_str_list(words):
            raise self.fail(here, "words must be a list of strings")
        if not isinstance(sets, dict) or not all(
            isinstance(v, str) for v in sets.values()
        ):
            raise self.fail(here, "sets must be a table of fact = value")
        label = self.text(raw, "label", here)
        return Choice(
            value=value,
            label=label,
            short=self.text(raw, "short", here) if "short" in raw else label,
            next=self.string(raw, "next", here),
            words=tuple(words),
            sets=dict(sets),
        )

    def codes(self, item: dict[str, Any], where: str) -> tuple[str, ...]:
        codes = item.get("codes")
        if not _is_str_list(codes) or not codes:
            raise self.fail(where, "a 'code' question needs a list of codes")
        return tuple(code.upper() for code in codes)

    def check_targets(self, questions: Mapping[str, Question]) -> None:
        for question in questions.values():
            for trigger, target in question.targets():
                if target != DONE and target not in questions:
                    raise self.fail(
                        f'question "{question.id}"',
                        f"answer {trigger!r} goes to unknown question {target!r}",
                    )

    def remaining(self, questions: Mapping[str, Question]) -> dict[str, int]:
        """Longest way to the end per question; a flow only moves forward."""
        try:
            return _longest_paths(questions)
        except _Loop as loop:
            raise self.fail(
                f'question "{loop.qid}"', "can be reached again from itself (a loop)"
            ) from None

    def string(self, table: dict[str, Any], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"needs {key!r} (a non-empty string)")
        return value

    def text(self, table: dict[str, Any], key: str, where: str) -> Text:
        if key not in table:
            raise self.fail(where, f"needs {key!r}")
        try:
            text = Text.parse(table[key])
        except (TypeError, ValueError) as error:
            raise self.fail(where, f"{key!r}: {error}") from None
        missing = text.missing(self.languages)
        if missing:
            raise self.fail(where, f"{key!r} has no {', '.join(missing)} text")
        return text


class _Loop(Exception):
    def __init__(self, qid: str) -> None:
        self.qid = qid


def _longest_paths(questions: Mapping[str, Question]) -> dict[str, int]:
    """For each question, how many questions the longest way to the end asks."""
    lengths: dict[str, int] = {DONE: 0}
    visiting: set[str] = set()

    def walk(qid: str) -> int:
        if qid in lengths:
            return lengths[qid]
        if qid in visiting:
            raise _Loop(qid)
        visiting.add(qid)
        targets = [target for _, target in questions[qid].targets()]
        lengths[qid] = 1 + max(walk(target) for target in targets)
        visiting.discard(qid)
        return lengths[qid]

    for qid in questions:
        walk(qid)
    return lengths


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
