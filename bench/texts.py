"""Signed Twilio requests for many parents texting at once, ready for a load tool.

Each conversation is a whole walk through the questionnaire, from the first
text to the summary and one MORE. Parents text in cohorts: every parent of a
cohort sends a first text, then every one a second, and so on, so two texts
from one number are a cohort apart in the stream (no number waits on
itself), and any few seconds of the stream hold every kind of text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

AUTH_TOKEN = "bench-auth-token-not-a-real-one"
SECRET = "bench-hashing-key-0123456789abcdef0123456789abcdef"
PUBLIC_URL = "https://sms.pathfinder.example.org"
WEBHOOK_PATH = "/sms"
ACCOUNT_SID = "AC" + "0" * 32
OUR_NUMBER = "+12025550100"

# A walk to the summary: IEP, plan not followed, not urgent, met without a
# fix, follow the rules, under 6 months, North Carolina; then MORE.
WALK = ("hi", "1", "5", "2", "3", "2", "1", "nc", "MORE")
COHORT = 500


@dataclass(frozen=True)
class Signed:
    """One request as Twilio would send it: the form and its signature."""

    body: str
    signature: str


def sender(number: int) -> str:
    """A made-up sender id. Not a phone number: there are too few fictional ones."""
    return f"bench-parent-{number:07d}"


def fields(who: str, body: str, sid: str) -> dict[str, str]:
    """The fields Twilio posts for an inbound SMS (the same set, same order)."""
    return {
        "ToCountry": "US", "ToState": "DC", "ToCity": "WASHINGTON", "ToZip": "20001",
        "FromCountry": "US", "FromState": "DC", "FromCity": "", "FromZip": "",
        "SmsMessageSid": sid, "SmsSid": sid, "MessageSid": sid,
        "AccountSid": ACCOUNT_SID, "NumMedia": "0", "NumSegments": "1",
        "SmsStatus": "received", "ApiVersion": "2010-04-01",
        "To": OUR_NUMBER, "From": who, "Body": body,
    }


def signed(who: str, body: str, sid: str) -> Signed:
    form = fields(who, body, sid)
    url = PUBLIC_URL + WEBHOOK_PATH
    return Signed(urlencode(form), _VALIDATOR.compute_signature(url, form))


def walks(
    parents: range, run: str, texts: tuple[str, ...] = WALK
) -> Iterator[Signed]:
    """Every parent in `parents` walking `texts`, cohort by cohort.

    `run` (8 characters) goes into every MessageSid, so two runs never repeat
    each other; a sid has Twilio's length, 34 characters.
    """
    run = run[:8].rjust(8, "0")
    for start in range(parents.start, parents.stop, COHORT):
        cohort = range(start, min(start + COHORT, parents.stop))
        for step, body in enumerate(texts):
            for parent in cohort:
                sid = f"SM{run}{step:02d}{parent:022d}"
                yield signed(sender(parent), body, sid)


def write_for_wrk(requests: Iterator[Signed], path: Path) -> int:
    """One request per line, `signature TAB body`; how many were written."""
    count = 0
    with path.open("w", encoding="ascii") as out:
        for request in requests:
            out.write(f"{request.signature}\t{request.body}\n")
            count += 1
    return count


_VALIDATOR = RequestValidator(AUTH_TOKEN)
