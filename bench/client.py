"""Our own small HTTP/1.1 load generator, for when wrk is missing and for exact counts.

Keep-alive connections, each sending its share of the requests one after
the other, as wrk does. Written for this benchmark only: it speaks just
enough HTTP for uvicorn's replies (a Content-Length body, no chunking).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass
from pathlib import Path

from .texts import Signed, WEBHOOK_PATH


@dataclass(frozen=True)
class Sent:
    latencies: list[float]
    seconds: float
    failures: int


def run_for(port: int, requests_file: Path, seconds: float, connections: int) -> Sent:
    """Send the file's requests round and round for `seconds`."""
    prepared = []
    for line in requests_file.read_text("ascii").splitlines():
        signature, body = line.split("\t", 1)
        prepared.append(_http(Signed(body, signature), port))
    return asyncio.run(_drive(port, prepared, connections, seconds))


def send_each_once(port: int, requests: list[Signed], connections: int) -> Sent:
    """Send every request exactly once, over `connections` connections."""
    prepared = [_http(request, port) for request in requests]
    return asyncio.run(_drive(port, prepared, connections, None))


async def _drive(
    port: int, requests: list[bytes], connections: int, seconds: float | None
) -> Sent:
    latencies: list[float] = []
    failures = 0
    started = time.perf_counter()
    deadline = started + seconds if seconds is not None else None
    # Round and round for a timed run; each request once otherwise.
    order = itertools.cycle(requests) if seconds is not None else iter(requests)

    async def one_connection() -> None:
        nonlocal failures
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for request in order:
            sent = time.perf_counter()
            writer.write(request)
            status = await _read_response(reader)
            latencies.append(time.perf_counter() - sent)
            failures += not 200 <= status < 300
            if deadline is not None and time.perf_counter() >= deadline:
                break
        writer.close()

    await asyncio.gather(*(one_connection() for _ in range(connections)))
    return Sent(latencies, time.perf_counter() - started, failures)


def _http(request: Signed, port: int) -> bytes:
    return (
        f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"X-Twilio-Signature: {request.signature}\r\n"
        f"Content-Length: {len(request.body)}\r\n\r\n{request.body}"
    ).encode("ascii")


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(lines[0].split()[1])
