"""Advice as text: a full summary for a screen, and text messages within budget.

Text messages are made GSM-7-safe here and measured as sent: the summary and
each further message fit in 3 GSM-7 parts (sms-budget.md).
"""

from __future__ import annotations

from typing import Iterable

from .gsm import gsm_safe, measure
from .guidance.engine import Advice, Guidance, shipped_guidance

SMS_MAX_PARTS = 3


def render_full(advice: Advice, lang: str | None = None) -> str:
    """The whole advice for a screen, in sections, ending with a disclaimer.

    `lang` sets the headings; it defaults to the language the advice was made in.
    """
    lang = lang or advice.lang
    guidance = advice.guidance
    label = guidance.label
    path = guidance.content.paths

    sections = [
        f"{label('best_step', lang)}: {path[advice.primary].name.get(lang)}\n"
        f"{path[advice.primary].short.get(lang)}",
        _section(label("why", lang), [advice.why]),
    ]
    if advice.also_consider:
        sections.append(_section(label("also", lang), _bullets(
            f"{path[p].name.get(lang)}: {path[p].short.get(lang)}"
            for p in advice.also_consider)))
    sections.append(_section(label("next_steps", lang), _numbered(advice.next_steps)))

    deadlines = [_with_citation(d.text, d.citation) for d in advice.deadlines]
    sections.append(_section(label("deadlines", lang),
                             _bullets(deadlines) + [advice.local_rules]))
    if advice.notes:
        sections.append(_section(label("keep_in_mind", lang), _bullets(advice.notes)))

    sections += [
        _section(label("gather", lang), _bullets(advice.gather)),
        _section(label("free_help", lang), _bullets(advice.free_help)),
        _section(label("assumed", lang),
                 _bullets(advice.assumed) or [label("assumed_none", lang)]),
        label("disclaimer", lang),
    ]
    return "\n\n".join(sections) + "\n"


def render_sms(advice: Advice, lang: str | None = None) -> str:
    """The advice as one text message of at most 3 GSM-7 parts.

    It always names the best next step and ends with the disclaimer and how to
    get more; the reason, deadlines, free help and other paths follow as room
    allows, in that order.
    """
    lang = lang or advice.lang
    guidance = advice.guidance
    label = guidance.label
    name = guidance.path_name(advice.primary, lang)

    head = f"{label('sms_start', lang)} {name}."
    end = label("sms_end", lang)
    # The federal limit where the state sets its own stays out of the text.
    shorts = [d.short for d in advice.deadlines if d.in_sms]
    extras = [
        advice.why,
        " ".join([label("sms_deadline", lang)] + shorts),
        label("sms_free_help", lang),
        f"{label('sms_also', lang)} "
        + ", ".join(guidance.path_name(p, lang) for p in advice.also_consider) + ".",
    ]
    if not shorts:
        extras.pop(1)
    if not advice.also_consider:
        extras.pop()

    message = head
    for extra in extras:
        if _fits(f"{message} {extra} {end}"):
            message = f"{message} {extra}"
    return gsm_safe(f"{message} {end}")


def render_more(advice: Advice, lang: str | None = None) -> list[str]:
    """Further text messages, in order: next steps, what to gather, deadlines,
    free help. Each fits in 3 GSM-7 parts; the last ends with the disclaimer."""
    lang = lang or advice.lang
    label = advice.guidance.label

    deadlines = [_with_citation(d.text, d.citation) for d in advice.deadlines]
    sections = [
        (label("more_steps", lang), _numbered(advice.next_steps)),
        (label("more_gather", lang), _bullets(advice.gather)),
        (label("more_deadlines", lang), _bullets(deadlines) + [advice.local_rules]),
        (label("more_free_help", lang), _bullets(advice.free_help)),
    ]

    messages: list[str] = []
    for heading, lines in sections:
        messages.extend(_pack(heading, lines))

    end = label("more_end", lang)
    closing = f"{messages[-1]}\n{end}"
    if _fits(closing):
        messages[-1] = closing
    else:
        messages.append(end)
    return [gsm_safe(message) for message in messages]


def render_path_page(path_id: str, lang: str = "en",
                     guidance: Guidance | None = None) -> str:
    """The plain-language "learn about this option" page for one path."""
    guidance = guidance or shipped_guidance()
    info = guidance.content.paths[path_id]
    label = guidance.label

    facts = [
        ("page_what", info.what), ("page_who", info.who), ("page_cost", info.cost),
        ("page_binding", info.binding), ("page_how_long", info.how_long),
        ("page_deadline", info.deadline),
    ]
    lines = [f"{label(key, lang)}: {text.get(lang)}" for key, text in facts]
    return "\n\n".join([info.name.get(lang), info.short.get(lang), *lines,
                        label("disclaimer", lang)]) + "\n"


def faq(lang: str = "en", guidance: Guidance | None = None) -> list[tuple[str, str]]:
    """Common questions and their answers, in the guidance file's order."""
    guidance = guidance or shipped_guidance()
    return [(entry.question.get(lang), entry.answer.get(lang))
            for entry in guidance.content.faq]


def _section(heading: str, lines: list[str]) -> str:
    return "\n".join([heading, *lines])


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {item}" for item in items]


def _numbered(items: list[str]) -> list[str]:
    return [f"{number}. {item}" for number, item in enumerate(items, start=1)]


def _with_citation(text: str, citation: str | None) -> str:
    return f"{text} ({citation})" if citation else text


def _fits(message: str) -> bool:
    return measure(gsm_safe(message)).parts <= SMS_MAX_PARTS


def _pack(heading: str, lines: list[str]) -> list[str]:
    """The heading and lines as few messages as fit, the heading on the first."""
    messages: list[str] = []
    current = heading
    for line in lines:
        line = _shorten(line)
        if _fits(f"{current}\n{line}"):
            current = f"{current}\n{line}"
        else:
            messages.append(current)
            current = line
    messages.append(current)
    return messages


def _shorten(line: str) -> str:
    """A line that fits in a message on its own, cut at a word if it must be."""
    words = line.split(" ")
    while len(words) > 1 and not _fits(" ".join(words)):
        words.pop()
    return " ".join(words)
