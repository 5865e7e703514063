"""The servers a benchmark drives: real processes on loopback ports.

Each is started with `python -m ...` exactly as an operator would start it,
logs to a file in the run's folder, and is stopped by its process id.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.servers import LOOPBACK, free_port, wait_for_port

from . import texts

READY_SECONDS = 30


@dataclass
class Process:
    """One server process under test."""

    name: str
    command: list[str]
    log: Path
    port: int = 0
    popen: subprocess.Popen | None = None

    def start(self) -> "Process":
        self.port = free_port()
        env = {
            **os.environ,
            "TWILIO_AUTH_TOKEN": texts.AUTH_TOKEN,
            "PATHFINDER_PUBLIC_URL": texts.PUBLIC_URL,
            "PATHFINDER_SECRET": texts.SECRET,
        }
        with self.log.open("a") as log:
            self.popen = subprocess.Popen(
                [sys.executable, "-m", *self.command, "--port", str(self.port)],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, timeout=READY_SECONDS)
        return self

    def stop(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()

    # TODO: CPU and memory are read from Linux's /proc; on other systems the
    # benchmark stops there. The mark can go when it reads them another way.
    def cpu_seconds(self) -> float:
        """User plus system time the process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.popen.pid}/stat").read_text().rsplit(")", 1)[1]
        user, system = fields.split()[11:13]
        return (int(user) + int(system)) / os.sysconf("SC_CLK_TCK")

    def memory_bytes(self) -> int:
        """Resident memory of the process now (Linux /proc)."""
        for line in Path(f"/proc/{self.popen.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError(f"no VmRSS for process {self.popen.pid}")

    def failures_logged(self) -> int:
        """Texts answered with "please send that again": they must be none."""
        return self.log.read_text().count("could not handle message")


def bare(folder: Path) -> Process:
    return Process("bare", ["bench.bare"], folder / "bare.log")


def webhook(name: str, store_url: str, folder: Path) -> Process:
    command = ["pathfinder.sms.server", "--host", LOOPBACK, "--store", store_url]
    return Process(name, command, folder / f"{name}.log")


def check_one_text(process: Process) -> None:
    """A signed text answered with TwiML, before any load: else nothing counts."""
    request = texts.signed(texts.sender(9_999_999), "hi", "SMcheck" + "0" * 27)
    response = httpx.post(
        f"http://{LOOPBACK}:{process.port}/sms",
        content=request.body,
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "X-Twilio-Signature": request.signature},
        timeout=10,
    )
    if response.status_code != 200 or "<Response>" not in response.text:
        raise RuntimeError(
            f"{process.name} did not answer a signed text with TwiML "
            f"(HTTP {response.status_code}); see {process.log}"
        )
