"""The shapes a guidance file loads into: conditions, rules, paths, cautions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..facts import UnknownFact
from ..text import Text

# Above this many values a fact's values are not listed in an error (state codes).
LISTED_VALUES_AT_MOST = 20


@dataclass(frozen=True)
class Vocabulary:
    """The identifiers one guidance file speaks in, declared in its [vocabulary].

    A flow's questions and the guidance's rules meet only through these: the
    facts and their values, the paths (outcomes) and the cautions.
    """

    facts: Mapping[str, tuple[str, ...]]
    paths: tuple[str, ...]
    cautions: tuple[str, ...]

    def validate(self, facts: Mapping[str, object]) -> dict[str, str]:
        """The facts checked against the vocabulary, with empty answers left out.

        A value given in the wrong case is accepted when its upper-case form
        is allowed, so codes such as state codes may be typed in any case.

        Raises:
            UnknownFact: naming the fact or value and listing the allowed ones.
        """
        checked: dict[str, str] = {}
        for name, raw_value in facts.items():
            if name not in self.facts:
                raise UnknownFact(
                    f"unknown fact {name!r}; allowed facts: {', '.join(self.facts)}"
                )
            if raw_value is None or raw_value == "":
                continue

            value = str(raw_value).strip()
            if value not in self.facts[name] and value.upper() in self.facts[name]:
                value = value.upper()
            if value not in self.facts[name]:
                raise UnknownFact(self.unknown_value(name, value))
            checked[name] = value
        return checked

    def unknown_value(self, fact: str, value: str) -> str:
        """Says that `value` is not a value of `fact`, and which values are."""
        allowed = self.facts[fact]
        listed = (", ".join(allowed) if len(allowed) <= LISTED_VALUES_AT_MOST
                  else f"one of {len(allowed)} codes, e.g. {allowed[0]}")
        return f"unknown value {value!r} for fact {fact!r}; allowed values: {listed}"


@dataclass(frozen=True)
class Condition:
    """When a rule applies. Every part must hold; an empty condition always holds.

    `facts` maps a fact to the values that satisfy it. `considering` holds when
    one of its paths is already chosen (primary or also-consider); `primary`
    holds when the primary path is one of its paths.
    """

    facts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    considering: frozenset[str] = frozenset()
    primary: frozenset[str] = frozenset()

    def matches(self, facts: Mapping[str, str], chosen: Sequence[str] = ()) -> bool:
        for name, allowed in self.facts.items():
            if facts.get(name) not in allowed:
                return False
        if self.considering and not self.considering.intersection(chosen):
            return False
        if self.primary and (not chosen or chosen[0] not in self.primary):
            return False
        return True


@dataclass(frozen=True)
class PrimaryRule:
    id: str
    when: Condition
    path: str
    why: Text


@dataclass(frozen=True)
class AlsoRule:
    id: str
    when: Condition
    paths: tuple[str, ...]


@dataclass(frozen=True)
class CautionRule:
    id: str
    when: Condition
    caution: str


@dataclass(frozen=True)
class ExtraRule:
    """Extra next steps and things to gather for a situation."""

    id: str
    when: Condition
    first: bool
    steps: tuple[Text, ...]
    gather: tuple[Text, ...]
    drop_own: frozenset[int] = frozenset()
    """1-based numbers of the primary path's own steps this rule leaves out
    (it replaces or merges them); the rule's `primary` names that one path."""


@dataclass(frozen=True)
class PathInfo:
    """A path's name, its plain-language page, and its own steps."""

    id: str
    name: Text
    short: Text
    what: Text
    who: Text
    cost: Text
    binding: Text
    how_long: Text
    deadline: Text
    steps: tuple[Text, ...]
    gather: tuple[Text, ...]


@dataclass(frozen=True)
class Window:
    """One path's filing window, as a line of a caution built from windows."""

    path: str
    text: Text
    deadline: str | None
    citation: str | None


@dataclass(frozen=True)
class CautionInfo:
    """A caution's text; `deadline` holds its number, as in "180 days".

    `variants` are other versions of the caution for particular situations
    (the first whose `when` matches is used). A caution with `windows` is
    built, when one of their paths is considered, from `lead`, the windows of
    the paths considered, and `end`; otherwise its `text` is used.
    """

    id: str
    text: Text
    short: Text
    deadline: str | None
    citation: str | None
    variants: tuple["CautionVariant", ...] = ()
    lead: Text | None = None
    end: Text | None = None
    windows: tuple[Window, ...] = ()


@dataclass(frozen=True)
class CautionVariant:
    when: Condition
    info: CautionInfo


@dataclass(frozen=True)
class Assumption:
    """What is assumed about a fact the parent skipped, or gave as a value."""

    fact: str
    default: str | None
    missing: Text
    for_value: Mapping[str, Text]


@dataclass(frozen=True)
class StateRule:
    """A state's own line, and its time limit when it differs from federal law."""

    code: str
    note: Text
    time_limit: CautionInfo | None
    considering: frozenset[str]
    federal: Text | None = None
    """When the state's limit replaces the federal one: the federal caution's
    text for this state, which then follows the state's limit."""
    passed: Text | None = None
    """Said, in place of the hearing window, when time may have passed and
    `passed_when` matches."""
    passed_when: Condition | None = None


@dataclass(frozen=True)
class Faq:
    question: Text
    answer: Text


@dataclass(frozen=True)
class GuidanceContent:
    """Everything a guidance file declares, checked and ready to evaluate."""

    name: str
    file: str
    languages: tuple[str, ...]
    vocabulary: Vocabulary
    labels: Mapping[str, Text]
    paths: Mapping[str, PathInfo]
    cautions: Mapping[str, CautionInfo]
    assumptions: tuple[Assumption, ...]
    primary_rules: tuple[PrimaryRule, ...]
    also_rules: tuple[AlsoRule, ...]
    caution_rules: tuple[CautionRule, ...]
    extra_rules: tuple[ExtraRule, ...]
    free_help: tuple[Text, ...]
    states: Mapping[str, StateRule]
    local_rules_other: Text
    local_rules_none: Text
    faq: tuple[Faq, ...]
    local_rules_state: Text | None = None
    """Added after a listed state's note (not for a 504 plan)."""
    local_rules_504: Text | None = None
    """For a 504 plan in place of `other` / `none`."""
    local_rules_504_state: Text | None = None
    """For a 504 plan, added after a listed state's note."""
