"""Printing the summary with the command the operator set up, such as `lp`.

The command runs directly, never through a shell, with the summary on its
standard input. What went wrong is told to the parent in plain words (the
screen's job) and to staff as a short technical detail.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Sequence

# Long enough for a print spooler to accept a job; a command that hangs
# must not leave the parent waiting for ever.
PRINT_TIMEOUT_SECONDS = 30.0
_DETAIL_LIMIT = 200

logger = logging.getLogger(__name__)


class PrintProblem(Exception):
    """Printing did not happen. `not_set_up` is True when no command is set;
    otherwise `detail` says what went wrong, for staff."""

    def __init__(self, detail: str, *, not_set_up: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.not_set_up = not_set_up


async def print_text(text: str, command: Sequence[str],
                     timeout: float = PRINT_TIMEOUT_SECONDS) -> None:
    """Run `command` with `text` on its standard input; PrintProblem if it fails."""
    if not command:
        raise PrintProblem("PATHFINDER_PRINT_COMMAND is not set", not_set_up=True)
    name = command[0]

    try:
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as error:
        raise _problem(f"{name} could not be started: {error.strerror or error}")

    try:
        _, errors = await asyncio.wait_for(
            process.communicate(text.encode("utf-8")), timeout
        )
    except TimeoutError:
        process.kill()
        await process.wait()
        raise _problem(f"{name} did not finish within {timeout:g} seconds")

    if process.returncode != 0:
        said = errors.decode("utf-8", "replace").strip()[:_DETAIL_LIMIT]
        raise _problem(f"{name} stopped with status {process.returncode}"
                       + (f": {said}" if said else ""))


def _problem(detail: str) -> PrintProblem:
    # The detail names the command and its own message, never the summary.
    logger.warning("printing failed: %s", detail)
    return PrintProblem(detail)
