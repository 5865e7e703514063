"""The guidance engine: evaluates a guidance file's rules against a parent's facts.

The rules are data (`dispute.toml`, `fit504.toml`); this module only knows how
to apply them: the first matching primary rule, then also-consider paths,
cautions, steps.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..text import DEFAULT_LANGUAGE, Text
from .loader import read_guidance
from .model import CautionInfo, GuidanceContent, StateRule, Vocabulary

SHIPPED_GUIDANCE = "dispute"
# The federal hearing caution a state's own limit may replace.
FEDERAL_HEARING = "due_process_two_years"


@dataclass(frozen=True)
class Deadline:
    """A caution that carries a time limit, with where the rule comes from."""

    caution: str
    text: str
    short: str
    deadline: str
    citation: str | None
    in_sms: bool = True
    """False for a line the text-message summary leaves out."""


@dataclass
class Advice:
    """The advice for one situation, with every text already in one language."""

    primary: str
    also_consider: list[str]
    cautions: list[str]
    why: str
    next_steps: list[str]
    gather: list[str]
    free_help: list[str]
    assumed: list[str]
    deadlines: list[Deadline]
    notes: list[str]
    """Cautions without a time limit (such as stay-put), in full."""
    local_rules: str
    """The state's own line, or which local rules to check."""
    facts: dict[str, str]
    lang: str
    guidance: "Guidance" = field(repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        # Imported here because the renderers need Advice, and the JSON form
        # includes both rendered summaries.
        from ..render import render_full, render_sms

        return {
            "primary": self.primary,
            "also_consider": list(self.also_consider),
            "cautions": list(self.cautions),
            "why": self.why,
            "next_steps": list(self.next_steps),
            "gather": list(self.gather),
            "free_help": list(self.free_help),
            "assumed": list(self.assumed),
            "deadlines": [asdict(deadline) for deadline in self.deadlines],
            "notes": list(self.notes),
            "local_rules": self.local_rules,
            "facts": dict(self.facts),
            "lang": self.lang,
            "summary": render_full(self),
            "summary_sms": render_sms(self),
        }


class Guidance:
    """One loaded guidance file, ready to advise."""

    def __init__(self, content: GuidanceContent) -> None:
        self.content = content

    @property
    def name(self) -> str:
        return self.content.name

    @property
    def vocabulary(self) -> Vocabulary:
        """The facts, paths and cautions this guidance speaks in."""
        return self.content.vocabulary

    def advise(self, facts: Mapping[str, object],
               lang: str = DEFAULT_LANGUAGE) -> Advice:
        """The advice for these facts; any fact may be missing.

        Raises:
            UnknownFact: a fact or value outside this guidance's vocabulary.
        """
        given = self.vocabulary.validate(facts)
        routing = self._with_defaults(given)

        primary_rule = next(rule for rule in self.content.primary_rules
                            if rule.when.matches(routing))
        chosen = self._choose_paths(primary_rule.path, routing)
        cautions = self._cautions(routing, chosen)

        return Advice(
            primary=chosen[0],
            also_consider=chosen[1:],
            cautions=cautions,
            why=primary_rule.why.get(lang),
            next_steps=self._steps(routing, chosen[0], lang),
            gather=self._gather(routing, chosen[0], lang),
            free_help=[item.get(lang) for item in self.content.free_help],
            assumed=self._assumed(given, lang),
            deadlines=self._deadlines(cautions, routing, chosen, lang),
            notes=self._notes(cautions, routing, chosen, lang),
            local_rules=self._local_rules(routing, lang),
            facts=given,
            lang=lang,
            guidance=self,
        )

    # --- routing ---------------------------------------------------------

    def _with_defaults(self, given: dict[str, str]) -> dict[str, str]:
        routing = dict(given)
        for assumption in self.content.assumptions:
            if assumption.fact not in given and assumption.default is not None:
                routing[assumption.fact] = assumption.default
        return routing

    def _choose_paths(self, primary: str, routing: Mapping[str, str]) -> list[str]:
        # Rules run in file order against the paths chosen so far, so a later
        # rule may build on an earlier one.
        chosen = [primary]
        for rule in self.content.also_rules:
            if rule.when.matches(routing, chosen):
                chosen.extend(path for path in rule.paths if path not in chosen)
        return chosen

    def _cautions(self, routing: Mapping[str, str], chosen: list[str]) -> list[str]:
        cautions = _unique(rule.caution for rule in self.content.caution_rules
                           if rule.when.matches(routing, chosen))

        state = self._state(routing)
        if state and state.time_limit and state.considering.intersection(chosen):
            # A state limit that replaces the federal one comes before it.
            if state.federal and FEDERAL_HEARING in cautions:
                cautions.insert(cautions.index(FEDERAL_HEARING), "state_time_limit")
            else:
                cautions.append("state_time_limit")

        cautions.append("not_legal_advice")
        return cautions

    def _state(self, routing: Mapping[str, str]) -> StateRule | None:
        return self.content.states.get(routing.get("state", ""))

    def _state_limit(self, routing: Mapping[str, str],
                     chosen: Sequence[str]) -> StateRule | None:
        """The state, when its own time limit applies to a path considered."""
        state = self._state(routing)
        if state and state.time_limit and state.considering.intersection(chosen):
            return state
        return None

    def _caution_info(self, caution: str, routing: Mapping[str, str],
                      chosen: Sequence[str] = ()) -> CautionInfo:
        state = self._state_limit(routing, chosen)
        if caution == "state_time_limit" and state:
            return state.time_limit
        info = self.content.cautions[caution]
        if caution == FEDERAL_HEARING and state and state.federal:
            # The federal 2 years is not this parent's deadline: say so (the
            # text-message summary leaves this line out).
            return replace(info, text=state.federal, short=state.federal)
        variant = next((v.info for v in info.variants
                        if v.when.matches(routing, chosen)), None)
        if variant is not None:
            return variant
        if info.windows:
            return self._with_windows(info, routing, chosen)
        return info

    def _replaced(self, caution: str, routing: Mapping[str, str],
                  chosen: Sequence[str]) -> bool:
        """Whether the state's own limit replaces this (federal) caution."""
        state = self._state_limit(routing, chosen)
        return caution == FEDERAL_HEARING and bool(state and state.federal)

    def _with_windows(self, info: CautionInfo, routing: Mapping[str, str],
                      chosen: Sequence[str]) -> CautionInfo:
        """The caution naming only the windows of the paths considered."""
        windows = [window for path in chosen for window in info.windows
                   if window.path == path]
        if not windows or info.lead is None or info.end is None:
            return info
        state = self._state_limit(routing, chosen)
        texts: list[Text] = [info.lead]
        window_deadlines: list[str] = []
        for window in windows:
            text, deadline = window.text, window.deadline
            state_limit = state and window.path in state.considering
            if (state_limit and state.passed and state.passed_when
                    and state.passed_when.matches(routing, chosen)):
                text = state.passed
            elif state_limit and state.federal:
                text = state.time_limit.text
            if state and state.time_limit and text is not window.text:
                # The text gives the state's limit: so does the deadline.
                deadline = state.time_limit.deadline
            texts.append(text)
            if deadline:
                window_deadlines.append(deadline)
        texts.append(info.end)
        languages = set().union(*(text.versions for text in texts))
        joined = Text({lang: " ".join(_unique(text.get(lang) for text in texts))
                       for lang in sorted(languages)})
        deadlines = _unique(window_deadlines)
        citations = _unique(w.citation for w in windows if w.citation)
        return replace(info, text=joined,
                       deadline=", ".join(deadlines) or info.deadline,
                       citation="; ".join(citations) or info.citation)

    # --- texts -----------------------------------------------------------

    def _steps(self, routing: Mapping[str, str], primary: str, lang: str) -> list[str]:
        matching = [rule for rule in self.content.extra_rules
                    if rule.when.matches(routing, [primary])]
        first = [step for rule in matching if rule.first for step in rule.steps]
        later = [step for rule in matching if not rule.first for step in rule.steps]
        dropped = {number for rule in matching for number in rule.drop_own}
        own = [step for number, step in
               enumerate(self.content.paths[primary].steps, start=1)
               if number not in dropped]
        return _unique(step.get(lang) for step in first + own + later)

    def _gather(self, routing: Mapping[str, str], primary: str, lang: str) -> list[str]:
        extra = [item for rule in self.content.extra_rules
                 if rule.when.matches(routing, [primary]) for item in rule.gather]
        own = list(self.content.paths[primary].gather)
        return _unique(item.get(lang) for item in own + extra)

    def _assumed(self, given: Mapping[str, str], lang: str) -> list[str]:
        assumed = []
        for assumption in self.content.assumptions:
            value = given.get(assumption.fact)
            if value is None:
                assumed.append(assumption.missing.get(lang))
            elif value in assumption.for_value:
                assumed.append(assumption.for_value[value].get(lang))
        return assumed

    def _deadlines(self, cautions: list[str], routing: Mapping[str, str],
                   chosen: Sequence[str], lang: str) -> list[Deadline]:
        deadlines = []
        for caution in cautions:
            info = self._caution_info(caution, routing, chosen)
            if info.deadline is not None:
                deadlines.append(Deadline(caution, info.text.get(lang),
                                          info.short.get(lang), info.deadline,
                                          info.citation,
                                          in_sms=not self._replaced(caution, routing,
                                                                    chosen)))
        return deadlines

    def _notes(self, cautions: list[str], routing: Mapping[str, str],
               chosen: Sequence[str], lang: str) -> list[str]:
        infos = [self._caution_info(caution, routing, chosen) for caution in cautions
                 if caution != "not_legal_advice"]
        return [info.text.get(lang) for info in infos if info.deadline is None]

    def _local_rules(self, routing: Mapping[str, str], lang: str) -> str:
        content = self.content
        code = routing.get("state")
        for_504 = routing.get("plan") == "504"
        if code in content.states:
            after = (content.local_rules_504_state if for_504
                     else content.local_rules_state)
            note = content.states[code].note.get(lang)
            return f"{note} {after.get(lang)}" if after else note
        if for_504 and content.local_rules_504:
            return content.local_rules_504.get(lang)
        if code:
            return content.local_rules_other.get(lang)
        return content.local_rules_none.get(lang)

    # --- pages -----------------------------------------------------------

    def path_name(self, path: str, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.content.paths[path].name.get(lang)

    def label(self, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.content.labels[key].get(lang)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def load_guidance(name_or_path: str | Path) -> Guidance:
    """A shipped guidance by name ("dispute") or a guidance file by path.

    Raises:
        ContentError: the file is missing or breaks the guidance contract.
    """
    return Guidance(read_guidance(name_or_path))


@cache
def shipped_guidance() -> Guidance:
    """The dispute guidance, loaded and checked once per process."""
    return load_guidance(SHIPPED_GUIDANCE)


def advise(facts: Mapping[str, object], lang: str = DEFAULT_LANGUAGE) -> Advice:
    """The dispute guidance's advice for these facts (see Guidance.advise)."""
    return shipped_guidance().advise(facts, lang)
