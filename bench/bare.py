"""The ceiling: a bare Starlette endpoint answering constant TwiML.

It runs under exactly the uvicorn settings `pathfinder serve` uses, so the
gap between it and the webhook is what Pathfinder's own code costs.

    python -m bench.bare --port 8001
"""

from __future__ import annotations

import argparse

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pathfinder.sms.server import uvicorn_options

CONSTANT_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?><Response><Message>'
    "Q2/7 What is it mostly about?</Message></Response>"
)


async def constant_twiml(request: Request) -> Response:
    return Response(CONSTANT_TWIML, media_type="text/xml")


app = Starlette(routes=[Route("/sms", constant_twiml, methods=["POST"])])


def main() -> None:
    arguments = argparse.ArgumentParser(prog="python -m bench.bare")
    arguments.add_argument("--port", type=int, required=True)
    port = arguments.parse_args().port
    uvicorn.run(app, **uvicorn_options(host="127.0.0.1", port=port))


if __name__ == "__main__":
    main()
