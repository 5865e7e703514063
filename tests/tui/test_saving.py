"""Where a summary is saved, and what a parent is told when it cannot be."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pathfinder.tui.saving import (
    DEFAULT_FILE_NAME,
    SaveProblem,
    default_save_path,
    save_summary,
    where_to_save,
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own (Path.home() reads HOME)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_the_default_is_a_file_in_the_home_folder(home):
    assert default_save_path() == home / DEFAULT_FILE_NAME


def test_a_tilde_means_the_home_folder(home):
    assert where_to_save("~/notes.txt") == home / "notes.txt"


def test_a_folder_gets_the_usual_file_name(tmp_path):
    assert where_to_save(f"  {tmp_path}  ") == tmp_path / DEFAULT_FILE_NAME


def test_an_empty_name_asks_for_one():
    with pytest.raises(SaveProblem, match="Type where to save the file"):
        where_to_save("   ")


def test_the_text_is_written_with_a_final_newline(tmp_path):
    path = tmp_path / "summary.txt"
    assert save_summary("Your best next step: Mediation", path) == path
    assert path.read_text(encoding="utf-8") == "Your best next step: Mediation\n"


def test_a_missing_folder_is_named(tmp_path):
    path = tmp_path / "gone" / "summary.txt"
    with pytest.raises(SaveProblem) as problem:
        save_summary("text", path)
    assert str(problem.value) == (
        f"There is no folder named {path.parent}. Check the name."
    )


def test_a_folder_without_permission_says_to_try_another(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.geteuid() == 0:
        # Root may write in any ordinary folder, but the kernel's /sys
        # refuses new files even to root: a folder no one may save in.
        locked = Path("/sys")
    with pytest.raises(SaveProblem, match="does not allow saving"):
        save_summary("text", locked / "pathfinder-summary.txt")


def test_a_name_that_is_a_folder_cannot_be_overwritten(tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(SaveProblem, match="Could not save to"):
        save_summary("text", tmp_path / "taken")
