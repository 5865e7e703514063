"""The advice cut into titled sections for the summary screen.

The order and the words follow `render_full`, so the screen and the saved
file say the same things; only the layout differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..machine.guidance.engine import Advice

Style = Literal["lead", "paragraph", "bullets", "numbered"]


@dataclass(frozen=True)
class Section:
    """One part of the summary: a heading and its lines."""

    key: str
    heading: str
    lines: tuple[str, ...]
    style: Style = "bullets"


def sections_of(advice: Advice, lang: str | None = None) -> list[Section]:
    """The summary's sections, with empty ones left out."""
    lang = lang or advice.lang
    guidance = advice.guidance
    label = guidance.label

    def name_and_short(path: str) -> tuple[str, str]:
        info = guidance.content.paths[path]
        return info.name.get(lang), info.short.get(lang)

    best_name, best_short = name_and_short(advice.primary)
    also = [": ".join(name_and_short(path)) for path in advice.also_consider]
    deadlines = [_with_citation(d.text, d.citation) for d in advice.deadlines]
    assumed = advice.assumed or [label("assumed_none", lang)]

    sections = [
        Section("best_step", label("best_step", lang), (best_name, best_short), "lead"),
        Section("why", label("why", lang), (advice.why,), "paragraph"),
        Section("also", label("also", lang), tuple(also)),
        Section("next_steps", label("next_steps", lang), tuple(advice.next_steps),
                "numbered"),
        Section("deadlines", label("deadlines", lang),
                (*deadlines, advice.local_rules)),
        Section("keep_in_mind", label("keep_in_mind", lang), tuple(advice.notes)),
        Section("gather", label("gather", lang), tuple(advice.gather)),
        Section("free_help", label("free_help", lang), tuple(advice.free_help)),
        Section("assumed", label("assumed", lang), tuple(assumed)),
        Section("disclaimer", "", (label("disclaimer", lang),), "paragraph"),
    ]
    return [section for section in sections if section.lines]


def _with_citation(text: str, citation: str | None) -> str:
    return f"{text} ({citation})" if citation else text
