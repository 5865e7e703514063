"""Reading a guidance file and checking it against its own vocabulary.

A guidance file declares the identifiers it speaks in (`[vocabulary]`: facts
and their values, paths, cautions); every rule and text is checked against
them. So a new assessment is a new file, not new code. Every problem is a
ContentError naming the file, the rule or section, and what to fix, so that an
advocate editing the file can correct it without Python.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping

from ..content_file import read_toml
from ..errors import ContentError
from ..text import Text
from .model import (
    AlsoRule,
    Assumption,
    CautionInfo,
    CautionRule,
    CautionVariant,
    Condition,
    ExtraRule,
    Faq,
    GuidanceContent,
    PathInfo,
    PrimaryRule,
    StateRule,
    Vocabulary,
    Window,
)

SHIPPED_DIR = Path(__file__).parent

SECTIONS = (
    "guidance", "vocabulary", "labels", "assume", "paths", "cautions",
    "primary", "also", "caution", "extra", "free_help", "local_rules", "states",
    "faq",
)
LABELS = (
    "best_step", "why", "also", "next_steps", "deadlines", "keep_in_mind", "gather",
    "free_help", "assumed", "assumed_none", "disclaimer", "sms_start", "sms_also",
    "sms_deadline", "sms_free_help", "sms_end", "more_steps", "more_gather",
    "more_deadlines", "more_free_help",
    "more_end", "page_what", "page_who", "page_cost", "page_binding",
    "page_how_long", "page_deadline",
)
PATH_TEXTS = ("name", "short", "what", "who", "cost", "binding", "how_long", "deadline")
CONDITION_PATH_KEYS = ("considering", "primary")

# These two are added by the engine itself, never by a rule.
STATE_TIME_LIMIT = "state_time_limit"
NOT_LEGAL_ADVICE = "not_legal_advice"
ENGINE_CAUTIONS = (STATE_TIME_LIMIT, NOT_LEGAL_ADVICE)

_ID = re.compile(r"^[a-z0-9_]+$")

# The fact whose values `[states.XX]` tables are keyed by.
STATE_FACT = "state"


def guidance_path(name_or_path: str | Path) -> Path:
    """A shipped guidance name ("dispute") or a path to a .toml file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml":
        return candidate
    return SHIPPED_DIR / f"{name_or_path}.toml"


def read_guidance(name_or_path: str | Path) -> GuidanceContent:
    path = guidance_path(name_or_path)
    data = read_toml(path, "no such guidance file")
    return _Reader(path.name, data).content()


class _Reader:
    """Turns the raw TOML of one file into checked content."""

    def __init__(self, file: str, data: dict[str, Any]) -> None:
        self.file = file
        self.data = data
        self.languages: tuple[str, ...] = ("en",)
        self.vocab = Vocabulary({}, (), ())

    def fail(self, where: str, problem: str) -> ContentError:
        return ContentError(self.file, where, problem)

    def content(self) -> GuidanceContent:
        unknown = sorted(set(self.data) - set(SECTIONS))
        if unknown:
            raise self.fail("", f"unknown section {unknown[0]!r}; "
                                f"known sections: {', '.join(SECTIONS)}")

        head = self.table(self.data, "guidance", "[guidance]")
        self.languages = tuple(self.string_list(head, "languages", "[guidance]"))
        if "en" not in self.languages:
            raise self.fail("[guidance]", "languages must include 'en'")
        self.vocab = self.vocabulary()

        local = self.table(self.data, "local_rules", "[local_rules]")
        states = self.states()
        if any(state.time_limit for state in states.values()):
            self.check_caution(STATE_TIME_LIMIT, "[vocabulary]")
        paths = self.paths()
        extra_rules = self.extra_rules(paths)
        return GuidanceContent(
            name=self.string(head, "name", "[guidance]"),
            file=self.file,
            languages=self.languages,
            vocabulary=self.vocab,
            labels=self.labels(),
            paths=paths,
            cautions=self.cautions(),
            assumptions=self.assumptions(),
            primary_rules=self.primary_rules(),
            also_rules=self.also_rules(),
            caution_rules=self.caution_rules(),
            extra_rules=extra_rules,
            free_help=self.text_list(
                self.table(self.data, "free_help", "[free_help]"), "items",
                "[free_help]"),
            states=states,
            local_rules_other=self.text(local, "other", "[local_rules]"),
            local_rules_none=self.text(local, "none", "[local_rules]"),
            faq=self.faq(),
            local_rules_state=self.optional_text(local, "state", "[local_rules]"),
            local_rules_504=self.optional_text(local, "section504", "[local_rules]"),
            local_rules_504_state=self.optional_text(local, "section504_state",
                                                     "[local_rules]"),
        )

    # --- sections -------------------------------------------------------

    def vocabulary(self) -> Vocabulary:
        where = "[vocabulary]"
        raw = self.table(self.data, "vocabulary", where)
        declared = self.table(raw, "facts", "[vocabulary.facts]")
        if not declared:
            raise self.fail("[vocabulary.facts]", "declare at least one fact")

        facts = {}
        for fact in declared:
            if not _ID.match(fact):
                raise self.fail("[vocabulary.facts]", f"fact name {fact!r} must be "
                                "lower-case letters, digits and _")
            facts[fact] = self.identifiers(declared, fact, "[vocabulary.facts]")
        vocab = Vocabulary(facts, self.identifiers(raw, "paths", where),
                           self.identifiers(raw, "cautions", where))
        if NOT_LEGAL_ADVICE not in vocab.cautions:
            raise self.fail(where, f"cautions must include {NOT_LEGAL_ADVICE!r}, "
                                   "which the engine adds to all advice")
        return vocab

    def identifiers(self, raw: Mapping[str, Any], key: str,
                    where: str) -> tuple[str, ...]:
        """A non-empty list of distinct identifiers, as a tuple."""
        values = self.string_list(raw, key, where)
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            raise self.fail(where, f"{key!r} lists {repeated[0]!r} twice")
        return tuple(values)

    def labels(self) -> dict[str, Text]:
        labels = self.table(self.data, "labels", "[labels]")
        return {key: self.text(labels, key, "[labels]") for key in LABELS}

    def paths(self) -> dict[str, PathInfo]:
        declared = self.table(self.data, "paths", "[paths]")
        self.only_known(declared, self.vocab.paths, "[paths]", "path")
        missing = [path for path in self.vocab.paths if path not in declared]
        if missing:
            raise self.fail("[paths]", f"path {missing[0]!r} is not described")

        paths = {}
        for path_id in self.vocab.paths:
            where = f'path "{path_id}"'
            raw = self.table(declared, path_id, where)
            texts = {key: self.text(raw, key, where) for key in PATH_TEXTS}
            paths[path_id] = PathInfo(
                id=path_id,
                steps=self.text_list(raw, "steps", where),
                gather=self.text_list(raw, "gather", where),
                **texts,
            )
        return paths

    def cautions(self) -> dict[str, CautionInfo]:
        declared = self.table(self.data, "cautions", "[cautions]")
        self.only_known(declared, self.vocab.cautions, "[cautions]", "caution")
        missing = [caution for caution in self.vocab.cautions
                   if caution not in declared]
        if missing:
            raise self.fail("[cautions]", f"caution {missing[0]!r} has no text")
        return {
            caution_id: self.caution_info(
                caution_id, self.table(declared, caution_id, f'caution "{caution_id}"'),
                f'caution "{caution_id}"')
            for caution_id in self.vocab.cautions
        }

    def caution_info(self, caution_id: str, raw: dict[str, Any],
                     where: str) -> CautionInfo:
        deadline = self.optional_string(raw, "deadline", where)
        citation = self.optional_string(raw, "citation", where)
        variants = []
        for index, variant in enumerate(raw.get("variants", []), start=1):
            variant_where = f"{where} variant {index}"
            if not isinstance(variant, dict):
                raise self.fail(variant_where, "must be a table")
            variants.append(CautionVariant(
                self.condition(variant, variant_where),
                CautionInfo(
                    id=caution_id,
                    text=self.text(variant, "text", variant_where),
                    short=self.text(variant, "short", variant_where),
                    deadline=self.optional_string(variant, "deadline",
                                                  variant_where) or deadline,
                    citation=self.optional_string(variant, "citation",
                                                  variant_where) or citation,
                )))

        windows = []
        declared = raw.get("windows", {})
        if not isinstance(declared, dict):
            raise self.fail(where, "'windows' must be a table keyed by path")
        for path, window in declared.items():
            window_where = f'{where} window "{path}"'
            self.check_path(path, window_where)
            window = self.table(declared, path, window_where)
            windows.append(Window(
                path, self.text(window, "text", window_where),
                self.optional_string(window, "deadline", window_where),
                self.optional_string(window, "citation", window_where)))
        if windows and ("lead" not in raw or "end" not in raw):
            raise self.fail(where, "a caution with 'windows' needs 'lead' and 'end'")

        return CautionInfo(
            id=caution_id,
            text=self.text(raw, "text", where),
            short=self.text(raw, "short", where),
            deadline=deadline,
            citation=citation,
            variants=tuple(variants),
            lead=self.optional_text(raw, "lead", where),
            end=self.optional_text(raw, "end", where),
            windows=tuple(windows),
        )

    def assumptions(self) -> tuple[Assumption, ...]:
        facts = self.vocab.facts
        declared = self.table(self.data, "assume", "[assume]")
        self.only_known(declared, tuple(facts), "[assume]", "fact")

        assumptions = []
        for fact in facts:
            if fact not in declared:
                continue
            where = f'assumption "{fact}"'
            raw = self.table(declared, fact, where)
            default = self.optional_string(raw, "default", where)
            if default is not None and default not in facts[fact]:
                raise self.fail(where, self.vocab.unknown_value(fact, default))

            for_value = {}
            for key in raw:
                if key in ("default", "missing"):
                    continue
                if key not in facts[fact]:
                    raise self.fail(where, f"unknown key {key!r}; use 'default', "
                                           f"'missing' or a value of {fact!r}")
                for_value[key] = self.text(raw, key, where)

            assumptions.append(Assumption(
                fact, default, self.text(raw, "missing", where), for_value))
        return tuple(assumptions)

    def primary_rules(self) -> tuple[PrimaryRule, ...]:
        rules = []
        for raw, where, rule_id in self.rules("primary"):
            when = self.condition(raw, where, path_keys=False)
            rules.append(PrimaryRule(rule_id, when, self.path_id(raw, "path", where),
                                     self.text(raw, "why", where)))

        if not rules:
            raise self.fail("[[primary]]", "there must be at least one rule")
        if rules[-1].when != Condition():
            raise self.fail(f'primary rule "{rules[-1].id}"',
                            "the last primary rule must have an empty 'when', "
                            "so that every situation gets a path")
        return tuple(rules)

    def also_rules(self) -> tuple[AlsoRule, ...]:
        rules = []
        for raw, where, rule_id in self.rules("also"):
            paths = self.string_list(raw, "paths", where)
            for path in paths:
                self.check_path(path, where)
            rules.append(AlsoRule(rule_id, self.condition(raw, where), tuple(paths)))
        return tuple(rules)

    def caution_rules(self) -> tuple[CautionRule, ...]:
        rules = []
        for raw, where, rule_id in self.rules("caution"):
            caution = self.check_caution(self.string(raw, "caution", where), where)
            if caution in ENGINE_CAUTIONS:
                raise self.fail(where, f"caution {caution!r} is added by the engine, "
                                       "not by a rule")
            rules.append(CautionRule(rule_id, self.condition(raw, where), caution))
        return tuple(rules)

    def extra_rules(self, paths: Mapping[str, PathInfo]) -> tuple[ExtraRule, ...]:
        rules = []
        for raw, where, rule_id in self.rules("extra"):
            first = raw.get("first", False)
            if not isinstance(first, bool):
                raise self.fail(where, "'first' must be true or false")
            when = self.condition(raw, where)
            rules.append(ExtraRule(
                rule_id, when, first,
                self.text_list(raw, "steps", where, required=False),
                self.text_list(raw, "gather", where, required=False),
                self.drop_own(raw, when, paths, where)))
        return tuple(rules)

    def drop_own(self, raw: dict[str, Any], when: Condition,
                 paths: Mapping[str, PathInfo], where: str) -> frozenset[int]:
        """`drop_own`: numbers of the one primary path's own steps to leave out."""
        if "drop_own" not in raw:
            return frozenset()
        numbers = raw["drop_own"]
        if len(when.primary) != 1:
            raise self.fail(where, "'drop_own' needs 'primary' in 'when' to name "
                                   "exactly one path")
        (path,) = when.primary
        count = len(paths[path].steps)
        if not isinstance(numbers, list) or not numbers or not all(
                isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= count
                for n in numbers):
            raise self.fail(where, f"'drop_own' must list step numbers of path "
                                   f"{path!r}, from 1 to {count}")
        return frozenset(numbers)

    def states(self) -> dict[str, StateRule]:
        """`[states.XX]`, keyed by the values of the `state` fact; optional."""
        if "states" not in self.data:
            return {}
        declared = self.table(self.data, "states", "[states]")
        codes = self.vocab.facts.get(STATE_FACT, ())
        self.only_known(declared, codes, "[states]", "state")

        states = {}
        for code, raw in declared.items():
            where = f'state "{code}"'
            raw = self.table(declared, code, where)
            limit, considering = None, frozenset[str]()
            federal = passed = passed_when = None
            if "time_limit" in raw:
                limit_where = f'state "{code}" time_limit'
                limit_raw = self.table(raw, "time_limit", limit_where)
                limit = self.caution_info("state_time_limit", limit_raw, limit_where)
                if limit.deadline is None or limit.citation is None:
                    raise self.fail(limit_where, "needs both 'deadline' and 'citation'")
                considering = frozenset(
                    self.check_path(path, limit_where)
                    for path in self.string_list(limit_raw, "considering", limit_where))
                federal = self.optional_text(limit_raw, "federal", limit_where)
                passed = self.optional_text(limit_raw, "passed", limit_where)
                if passed is not None:
                    passed_when = self.condition(
                        {"when": limit_raw.get("passed_when")}, limit_where)
            states[code] = StateRule(code, self.text(raw, "note", where), limit,
                                     considering, federal, passed, passed_when)
        return states

    def faq(self) -> tuple[Faq, ...]:
        entries = []
        for index, raw in enumerate(self.data.get("faq", []), start=1):
            where = f"faq entry {index}"
            entries.append(Faq(self.text(raw, "question", where),
                               self.text(raw, "answer", where)))
        return tuple(entries)

    # --- rules and conditions ------------------------------------------

    def rules(self, section: str) -> list[tuple[dict[str, Any], str, str]]:
        """Each rule of a [[section]] with the name errors use for it."""
        raw_rules = self.data.get(section, [])
        if not isinstance(raw_rules, list):
            raise self.fail(f"[[{section}]]", "must be a list of rules ([[...]])")

        seen: set[str] = set()
        found = []
        for index, raw in enumerate(raw_rules, start=1):
            rule_id = raw.get("id") if isinstance(raw, dict) else None
            if not isinstance(rule_id, str) or not rule_id:
                raise self.fail(f"{section} rule {index}", "has no 'id'")
            where = f'{section} rule "{rule_id}"'
            if rule_id in seen:
                raise self.fail(where, "the same id is used twice")
            seen.add(rule_id)
            found.append((raw, where, rule_id))
        return found

    def condition(self, raw: dict[str, Any], where: str,
                  path_keys: bool = True) -> Condition:
        when = raw.get("when")
        if not isinstance(when, dict):
            raise self.fail(where, "needs a 'when' table (use {} to match always)")

        facts_known = self.vocab.facts
        allowed_keys = tuple(facts_known) + (CONDITION_PATH_KEYS if path_keys else ())
        facts: dict[str, frozenset[str]] = {}
        path_sets: dict[str, frozenset[str]] = {}
        for key, value in when.items():
            if key not in allowed_keys:
                raise self.fail(where, f"unknown condition key {key!r}; "
                                       f"allowed keys: {', '.join(allowed_keys)}")
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not values or not all(
                    isinstance(item, str) for item in values):
                raise self.fail(where, f"condition {key!r} must be a value or a list "
                                       "of values")
            if key in CONDITION_PATH_KEYS:
                path_sets[key] = frozenset(self.check_path(v, where) for v in values)
                continue
            for item in values:
                if item not in facts_known[key]:
                    raise self.fail(where, self.vocab.unknown_value(key, item))
            facts[key] = frozenset(values)

        return Condition(facts,
                         path_sets.get("considering", frozenset()),
                         path_sets.get("primary", frozenset()))

    def path_id(self, raw: dict[str, Any], key: str, where: str) -> str:
        return self.check_path(self.string(raw, key, where), where)

    def check_path(self, path: str, where: str) -> str:
        if path not in self.vocab.paths:
            raise self.fail(where, f"unknown path {path!r}; "
                                   f"allowed paths: {', '.join(self.vocab.paths)}")
        return path

    def check_caution(self, caution: str, where: str) -> str:
        if caution not in self.vocab.cautions:
            allowed = ", ".join(self.vocab.cautions)
            raise self.fail(where, f"unknown caution {caution!r}; "
                                   f"allowed cautions: {allowed}")
        return caution

    # --- basic values ---------------------------------------------------

    def table(self, raw: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
        value = raw.get(key)
        if not isinstance(value, dict):
            raise self.fail(where, f"needs a table {key!r}")
        return value

    def only_known(self, declared: Mapping[str, Any], known: tuple[str, ...],
                   where: str, kind: str) -> None:
        for key in declared:
            if key not in known:
                raise self.fail(where, f"unknown {kind} {key!r}")

    def string(self, raw: Mapping[str, Any], key: str, where: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"needs a non-empty string {key!r}")
        return value

    def optional_string(self, raw: Mapping[str, Any], key: str,
                        where: str) -> str | None:
        return self.string(raw, key, where) if key in raw else None

    def string_list(self, raw: Mapping[str, Any], key: str, where: str) -> list[str]:
        value = raw.get(key)
        if not isinstance(value, list) or not value or not all(
                isinstance(item, str) and item for item in value):
            raise self.fail(where, f"needs a non-empty list of strings {key!r}")
        return value

    def text(self, raw: Mapping[str, Any], key: str, where: str) -> Text:
        if key not in raw:
            raise self.fail(where, f"missing text {key!r}")
        try:
            text = Text.parse(raw[key])
        except (TypeError, ValueError) as error:
            raise self.fail(where, f"text {key!r}: {error}") from None

        missing = text.missing(self.languages)
        if missing:
            raise self.fail(where, f"text {key!r} has no {missing[0]!r} version")
        return text

    def optional_text(self, raw: Mapping[str, Any], key: str,
                      where: str) -> Text | None:
        return self.text(raw, key, where) if key in raw else None

    def text_list(self, raw: Mapping[str, Any], key: str, where: str,
                  required: bool = True) -> tuple[Text, ...]:
        if key not in raw and not required:
            return ()
        items = raw.get(key)
        if not isinstance(items, list) or not items:
            raise self.fail(where, f"needs a non-empty list of texts {key!r}")
        return tuple(self.text({key: item}, key, where) for item in items)
