"""Bounded load on a loopback server: wrk when installed, else our own client.

Every run is a few seconds long over a fixed number of connections, aimed at
127.0.0.1 only. A run reports requests per second and the p50 and p99
latencies, and refuses to report at all when any response was not a 2xx.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import client

CONNECTIONS = 32
SECONDS = 4
WRK_THREADS = 1  # the server under test gets the other core
WRK_SCRIPT = Path(__file__).with_name("sms.lua")

HOW_TO_GET_WRK = (
    "wrk is not installed, so a slower load generator written in Python is "
    "used; its figures are lower and noisier than wrk's. For the real "
    "figures install wrk (Debian/Ubuntu: apt-get install wrk; macOS: brew "
    "install wrk) and run make bench again."
)


class LoadError(Exception):
    """A run that must not be reported: errors, non-2xx answers, no output."""


@dataclass(frozen=True)
class Result:
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run(port: int, requests_file: Path, seconds: float = SECONDS) -> Result:
    """POST the requests of `requests_file` to /sms on `port` for `seconds`."""
    if have_wrk():
        return _run_wrk(port, requests_file, seconds)
    sent = client.run_for(port, requests_file, seconds, CONNECTIONS)
    if sent.failures:
        raise LoadError(f"{sent.failures} responses were not 2xx")
    latencies = sorted(sent.latencies)
    return Result(
        requests=len(latencies),
        per_second=len(latencies) / sent.seconds,
        p50_ms=latencies[len(latencies) // 2] * 1000,
        p99_ms=latencies[int(len(latencies) * 0.99)] * 1000,
    )


def _run_wrk(port: int, requests_file: Path, seconds: float) -> Result:
    command = [
        "wrk", f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{seconds:g}s",
        "--latency", "--timeout", "10s", "-s", str(WRK_SCRIPT),
        f"http://127.0.0.1:{port}/sms", "--", str(requests_file), str(WRK_THREADS),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    out = done.stdout
    if done.returncode != 0 or "Requests/sec" not in out:
        raise LoadError(f"wrk failed: {done.stderr.strip() or out.strip()}")
    if "Non-2xx" in out or "Socket errors" in out:
        wrong = [line.strip() for line in out.splitlines()
                 if "Non-2xx" in line or "Socket errors" in line]
        raise LoadError("some requests failed: " + "; ".join(wrong))
    return Result(
        requests=int(re.search(r"(\d+) requests in", out).group(1)),
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
        p99_ms=_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
    )


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]
    return float(number) * scale
