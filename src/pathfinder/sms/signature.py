"""The check that a request really comes from Twilio: X-Twilio-Signature.

Twilio signs the URL it called plus every form field with the account's Auth
Token. Behind a proxy that terminates TLS the server sees another scheme and
host, so the configured public base URL is used to rebuild the signed URL.

Twilio's own RequestValidator computes and compares the signature. Its
`validate` parses the URL and signs it twice on every request, with and
without the default port, because Twilio is not consistent about which it
signs; with a configured base URL both forms are known at start-up, and the
second is signed only when the first does not match.
"""

from __future__ import annotations

from urllib.parse import urlparse

from starlette.requests import Request
from twilio.request_validator import RequestValidator, add_port, compare, remove_port

from .form import Fields

HEADER = "x-twilio-signature"


WEBHOOK_PATH = "/sms"


class SignatureCheck:
    def __init__(
        self, auth_token: str, public_url: str | None = None,
        route: str = WEBHOOK_PATH,
    ) -> None:
        """`public_url`: the scheme and host Twilio calls (https://sms.example.org).

        A URL whose path already ends with the webhook's `route`
        (https://sms.example.org/sms, as pasted into Twilio) is taken as the
        whole webhook URL: its base is what comes before the route.
        """
        self._validator = RequestValidator(auth_token)
        self.public_url = public_url.rstrip("/") if public_url else None
        self.note: str | None = None
        """How the public URL was understood, when worth a line at start-up."""
        if self.public_url and urlparse(self.public_url).path.endswith(route):
            self.public_url = self.public_url[: -len(route)]
            self.note = (
                f"PATHFINDER_PUBLIC_URL ends with the webhook path {route}: taken "
                f"as the whole webhook URL, so Twilio's requests are checked "
                f"against {self.public_url}{route}"
            )
        self._bases = _port_forms(self.public_url) if self.public_url else []

    def signed_url(self, request: Request) -> str:
        """The URL Twilio signed: the public base, the path and the query."""
        if self.public_url is None:
            return str(request.url)
        return self.public_url + _path_and_query(request)

    def is_valid(self, request: Request, fields: Fields) -> bool:
        signature = request.headers.get(HEADER)
        if not signature:
            return False
        if self.public_url is None:
            return self._validator.validate(str(request.url), fields, signature)

        tail = _path_and_query(request)
        for base in self._bases:
            expected = self._validator.compute_signature(base + tail, fields)
            if compare(expected, signature):
                return True
        return False


def _port_forms(base: str) -> list[str]:
    """`base` as configured first, then with or without its default port."""
    parsed = urlparse(base)
    forms = [base]
    for other in (remove_port(parsed), add_port(parsed)):
        if other not in forms:
            forms.append(other)
    return forms


def _path_and_query(request: Request) -> str:
    scope = request.scope
    query = scope.get("query_string", b"").decode()
    return f"{scope['path']}?{query}" if query else scope["path"]
