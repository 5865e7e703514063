"""A small HTTP/1.1 load generator for when wrk is missing.

Keep-alive connections, each sending its share of the requests one after the
other, as wrk does. Written for this benchmark only: it speaks just enough
HTTP for uvicorn's replies (a Content-Length body, no chunking).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from . import load


def run_own_client(
    port: int, requests_file: Path, seconds: float, connections: int
) -> "load.Result":
    requests = _read(requests_file, port)
    return asyncio.run(_drive(port, requests, seconds, connections))


def _read(path: Path, port: int) -> list[bytes]:
    prepared = []
    for line in path.read_text(encoding="ascii").splitlines():
        signature, body = line.split("\t", 1)
        prepared.append(
            (
                f"POST /sms HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"X-Twilio-Signature: {signature}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n{body}"
            ).encode("ascii")
        )
    return prepared


async def _drive(
    port: int, requests: list[bytes], seconds: float, connections: int
) -> "load.Result":
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def one_connection(first: int) -> None:
        nonlocal failures
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        index = first
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(requests[index % len(requests)])
            status = await _read_response(reader)
            latencies.append(time.perf_counter() - started)
            failures += not 200 <= status < 300
            index += connections
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(one_connection(n) for n in range(connections)))
    elapsed = time.perf_counter() - started
    if failures:
        raise load.LoadError(f"{failures} responses were not 2xx")
    latencies.sort()
    return load.Result(
        requests=len(latencies),
        per_second=len(latencies) / elapsed,
        p50_ms=latencies[len(latencies) // 2] * 1000,
        p99_ms=latencies[int(len(latencies) * 0.99)] * 1000,
    )


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status
