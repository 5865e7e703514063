"""The check that a request really comes from Twilio: X-Twilio-Signature.

Twilio signs the URL it called plus every form field with the account's Auth
Token. Behind a proxy that terminates TLS the server sees another scheme and
host, so the configured public base URL is used to rebuild the signed URL.
"""

from __future__ import annotations

from starlette.requests import Request
from twilio.request_validator import RequestValidator

from .form import Fields

HEADER = "x-twilio-signature"


class SignatureCheck:
    def __init__(self, auth_token: str, public_url: str | None = None) -> None:
        """`public_url`: the scheme and host Twilio calls (https://sms.example.org)."""
        self._validator = RequestValidator(auth_token)
        self.public_url = public_url.rstrip("/") if public_url else None

    def signed_url(self, request: Request) -> str:
        """The URL Twilio signed: the public base, the path and the query."""
        if self.public_url is None:
            return str(request.url)
        url = self.public_url + request.url.path
        query = request.url.query
        return f"{url}?{query}" if query else url

    def is_valid(self, request: Request, fields: Fields) -> bool:
        signature = request.headers.get(HEADER)
        if not signature:
            return False
        return self._validator.validate(self.signed_url(request), fields, signature)
