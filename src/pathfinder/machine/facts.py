"""The guidance contract's vocabulary: facts and their values, paths, cautions.

These identifiers are shared with the questionnaire, the scenario table and
programs that embed Pathfinder, so they are added to, never renamed.
"""

from __future__ import annotations

from typing import Mapping

# The 50 states, the District of Columbia and the five inhabited territories.
STATES = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
    "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
    "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
    "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    "DC", "PR", "GU", "VI", "AS", "MP",
)

FACTS: Mapping[str, tuple[str, ...]] = {
    "plan": ("iep", "504", "none", "unsure"),
    "issue": (
        "evaluation", "eligibility", "services", "placement", "implementation",
        "delay", "discipline", "discrimination", "records",
    ),
    "stage": ("starting", "waiting", "meetings_failed", "considering_formal"),
    "goal": ("agreement", "compliance", "decision", "unsure"),
    "urgent": ("yes", "no"),
    "since": ("under_6_months", "6_to_12_months", "1_to_2_years", "over_2_years"),
    "state": STATES,
}

PATHS = (
    "informal",
    "facilitated_meeting",
    "mediation",
    "state_complaint",
    "due_process",
    "expedited_hearing",
    "iee",
    "ocr_complaint",
    "section504_hearing",
    "grievance",
)

CAUTIONS = (
    "state_complaint_one_year",
    "due_process_two_years",
    "ocr_180_days",
    "stay_put",
    "manifestation_10_days",
    "evaluation_timeline",
    "records_45_days",
    "time_may_have_passed",
    "state_time_limit",
    "not_legal_advice",
)


class UnknownFact(ValueError):
    """A fact name or value that is not in the guidance contract."""
