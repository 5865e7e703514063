"""Reading Twilio's webhook form exactly as sent, once, within limits.

The signature covers every field, blank ones and ones Twilio adds in future
included, so the form is kept whole: every name, every value, in order.
Anything that is not such a form is refused with a 4xx that says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request

FORM_TYPE = "application/x-www-form-urlencoded"

# A Twilio form is a few kilobytes even with a 1600-character body and ten
# media links; far more is not Twilio.
MAX_BODY_BYTES = 64 * 1024
MAX_FIELDS = 200
MAX_ID_LENGTH = 128


class BadRequest(Exception):
    """A request Twilio would not send; `status` and `detail` answer it."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class Fields:
    """A form's fields with every value; `getall` is what Twilio's validator asks."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._values: dict[str, list[str]] = {}
        for name, value in pairs:
            self._values.setdefault(name, []).append(value)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def getall(self, name: str) -> list[str]:
        return self._values[name]

    def get(self, name: str, default: str | None = None) -> str | None:
        values = self._values.get(name)
        return values[0] if values else default


@dataclass(frozen=True)
class InboundText:
    """The fields of an incoming text that Pathfinder uses."""

    sender: str
    recipient: str
    """To: which of the service's numbers was texted ("" if not sent)."""
    message_sid: str
    body: str
    media_count: int


async def read_form(request: Request) -> Fields:
    """The request's form fields.

    Raises:
        BadRequest: 415 for another content type, 413 when too large, 400 when
        it cannot be read.
    """
    media_type = request.headers.get("content-type", "").partition(";")[0]
    if media_type.strip().lower() != FORM_TYPE:
        raise BadRequest(415, f"expected a form ({FORM_TYPE}), as Twilio sends")

    declared = request.headers.get("content-length", "0")
    if not _is_number(declared):
        raise BadRequest(400, "the Content-Length header is not a number")
    if int(declared) > MAX_BODY_BYTES:
        raise BadRequest(413, f"the form is larger than {MAX_BODY_BYTES} bytes")

    raw = await _read_body(request)
    try:
        pairs = parse_qsl(
            raw.decode("ascii"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except UnicodeDecodeError:
        raise BadRequest(400, "the form is not URL-encoded UTF-8") from None
    except ValueError:
        raise BadRequest(400, f"the form has more than {MAX_FIELDS} fields") from None
    return Fields(pairs)


def inbound_text(fields: Fields) -> InboundText:
    """The text a form carries.

    Raises:
        BadRequest: 400 when From or MessageSid is missing or too long.
    """
    sender = (fields.get("From") or "").strip()
    if not sender or len(sender) > MAX_ID_LENGTH:
        raise BadRequest(400, "the form has no From (the sender's number)")
    sid = (fields.get("MessageSid") or fields.get("SmsMessageSid") or "").strip()
    if not sid or len(sid) > MAX_ID_LENGTH:
        raise BadRequest(400, "the form has no MessageSid")

    # The media itself is never fetched; only whether there was any matters.
    media = (fields.get("NumMedia") or "0").strip()
    return InboundText(
        sender=sender,
        recipient="".join((fields.get("To") or "").split()),
        message_sid=sid,
        body=fields.get("Body") or "",
        media_count=int(media) if _is_number(media) and len(media) < 4 else 0,
    )


async def _read_body(request: Request) -> bytes:
    # The declared length can be absent (chunked) or wrong: count what arrives.
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY_BYTES:
                raise BadRequest(413, f"the form is larger than {MAX_BODY_BYTES} bytes")
    except ClientDisconnect:
        raise BadRequest(400, "the client went away before sending the form") from None
    return bytes(body)


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()
