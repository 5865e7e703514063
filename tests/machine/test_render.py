"""The advice rendered for a screen, for text messages, and as pages and an FAQ."""

from __future__ import annotations

from pathfinder.machine.facts import PATHS
from pathfinder.machine.gsm import measure
from pathfinder.machine.guidance import advise
from pathfinder.machine.render import (
    faq,
    render_full,
    render_more,
    render_path_page,
    render_sms,
)

SECTIONS = ("Your best next step", "Why", "Also consider", "What to do next",
            "Deadlines to watch", "What to gather", "Free help", "What we assumed")
MOVE_FACTS = {"plan": "iep", "issue": "placement", "stage": "considering_formal",
              "goal": "decision", "urgent": "no", "since": "under_6_months"}


def test_the_full_summary_has_every_section_in_order():
    summary = render_full(advise(MOVE_FACTS))

    positions = [summary.index(f"{heading}") for heading in SECTIONS]
    assert positions == sorted(positions)
    assert summary.rstrip().endswith("This is general information, not legal advice.")


def test_the_full_summary_numbers_the_next_steps():
    advice = advise(MOVE_FACTS)
    summary = render_full(advice)

    for number, step in enumerate(advice.next_steps, start=1):
        assert f"{number}. {step}" in summary


def test_the_full_summary_gives_each_deadline_with_its_number_and_citation():
    summary = render_full(advise(MOVE_FACTS))

    assert "within 2 years" in summary
    assert "(34 CFR 300.507(a)(2); 34 CFR 300.511(e))" in summary
    assert "stay-put" in summary


def test_the_full_summary_explains_each_path_it_names():
    summary = render_full(advise(MOVE_FACTS))

    assert "Due process hearing\nA formal hearing where a neutral officer decides." in (
        summary)
    assert "- Mediation: A private meeting" in summary


def test_the_text_summary_names_the_step_and_ends_with_how_to_get_more():
    sms = render_sms(advise(MOVE_FACTS))

    assert sms.startswith("Best next step: Due process hearing.")
    assert sms.endswith("This is not legal advice. Reply MORE for next steps.")
    assert measure(sms).encoding == "GSM-7"
    assert measure(sms).parts <= 3


def test_the_text_summary_includes_the_deadlines_when_they_fit():
    sms = render_sms(advise(MOVE_FACTS))
    assert "Hearing within 2 years" in sms


def test_more_messages_come_in_order_and_end_with_the_disclaimer():
    more = render_more(advise(MOVE_FACTS))

    assert more[0].startswith("Next steps:\n1. ")
    headings = ["Next steps:", "What to gather:", "Deadlines:", "Free help:"]
    starts = [next(i for i, m in enumerate(more) if m.startswith(h)) for h in headings]
    assert starts == sorted(starts)
    assert more[-1].endswith("This is not legal advice.")
    assert all(measure(message).parts <= 3 for message in more)


def test_every_path_has_a_learn_more_page():
    for path in PATHS:
        page = render_path_page(path, "en")
        for heading in ("What it is:", "Who starts it:", "Cost:", "Binding or not:",
                        "How long it takes:", "Deadline:"):
            assert heading in page, (path, heading)
        assert "not legal advice" in page


def test_the_state_complaint_page_gives_its_deadlines():
    page = render_path_page("state_complaint", "en")
    assert "within 60 days" in page
    assert "within 1 year" in page


def test_the_faq_pairs_questions_with_answers():
    entries = faq("en")

    assert len(entries) == 5
    assert all(question.endswith("?") and answer for question, answer in entries)


def test_an_unknown_language_falls_back_to_english():
    # Vietnamese: a language the shipped guidance has no texts in.
    assert render_path_page("mediation", "vi") == render_path_page("mediation", "en")
    assert faq("vi") == faq("en")
