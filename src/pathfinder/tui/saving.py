"""Writing the summary to a text file, with problems explained in plain words."""

from __future__ import annotations

from pathlib import Path

DEFAULT_FILE_NAME = "pathfinder-summary.txt"


class SaveProblem(Exception):
    """The summary could not be saved; the message says why in plain words."""


def default_save_path() -> Path:
    """A file in the home folder: easy to find again."""
    return Path.home() / DEFAULT_FILE_NAME


def where_to_save(typed: str) -> Path:
    """The file a parent means by what they typed (`~` is the home folder)."""
    text = typed.strip()
    if not text:
        raise SaveProblem("Type where to save the file, like ~/pathfinder-summary.txt.")
    path = Path(text).expanduser()
    if path.is_dir():
        return path / DEFAULT_FILE_NAME
    return path


def save_summary(text: str, path: Path) -> Path:
    """Write `text` to `path` and return where it went."""
    folder = path.parent
    if not folder.is_dir():
        raise SaveProblem(f"There is no folder named {folder}. Check the name.")
    try:
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except PermissionError:
        raise SaveProblem(
            f"This computer does not allow saving in {folder}. Try another folder."
        ) from None
    except OSError as error:
        reason = error.strerror or "the file could not be written"
        raise SaveProblem(f"Could not save to {path}: {reason}.") from None
    return path
