"""Fixtures for the terminal UI tests: the shipped flow and a fresh app whose
save dialog offers a file in the test's own temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.flow import Flow, load_shipped
from pathfinder.tui.app import PathfinderApp

SIZE = (80, 24)


@pytest.fixture
def flow() -> Flow:
    return load_shipped("dispute")


@pytest.fixture
def save_to(tmp_path: Path) -> Path:
    return tmp_path / "pathfinder-summary.txt"


@pytest.fixture
def app(flow: Flow, save_to: Path) -> PathfinderApp:
    return PathfinderApp(flow, save_to=save_to)
