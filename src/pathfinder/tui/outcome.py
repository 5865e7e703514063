"""What the questionnaire hands back when a parent finishes or stops early."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Mapping

from ..machine.flow import Flow
from ..machine.guidance.engine import Advice, Guidance, load_guidance
from ..machine.gsm import gsm_safe
from ..machine.render import render_full, render_sms
from ..machine.session import Session


@cache
def guidance_for(flow: Flow) -> Guidance:
    """The guidance file a flow names, loaded and checked once per process."""
    return load_guidance(flow.guidance)


@dataclass(frozen=True)
class Outcome:
    """The facts a parent gave and the advice for them.

    `complete` is False when the parent asked for the summary before the
    last question; the advice then says what it assumed.
    """

    facts: Mapping[str, str]
    advice: Advice
    complete: bool
    lang: str

    @property
    def summary_text(self) -> str:
        """The whole summary as plain text, as it is saved to a file."""
        return render_full(self.advice, self.lang)

    @property
    def short_text(self) -> str:
        """The text-message summary, ending without the reply keyword, which
        means nothing off the phone network (in a QR code, say)."""
        # TODO: render_sms folds letters that GSM-7 lacks (ó becomes o), which
        # a QR code could keep; use an unfolded text-length summary once
        # machine/render.py offers one, then drop this mark.
        label = self.advice.guidance.label
        text = render_sms(self.advice, self.lang)
        reply_ending = gsm_safe(label("sms_end", self.lang))
        if text.endswith(reply_ending):
            text = text.removesuffix(reply_ending) + label("more_end", self.lang)
        return text

    def step_text(self, free_help: bool = True) -> str:
        """The best next step, where to get free help (if `free_help`), and
        the disclaimer: the least a summary can say."""
        label = self.advice.guidance.label
        name = self.advice.guidance.path_name(self.advice.primary, self.lang)
        parts = [f"{label('sms_start', self.lang)} {name}."]
        if free_help:
            parts.append(label("sms_free_help", self.lang))
        parts.append(label("more_end", self.lang))
        return " ".join(parts)


def outcome_of(flow: Flow, session: Session) -> Outcome:
    """Advice for the facts gathered so far on the path the parent took."""
    facts = session.facts(flow)
    return Outcome(
        facts=facts,
        advice=guidance_for(flow).advise(facts, lang=session.language),
        complete=session.done,
        lang=session.language,
    )
