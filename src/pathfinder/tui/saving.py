"""Writing the summary to a text file, with problems explained in plain words."""

from __future__ import annotations

from pathlib import Path

from .words import Words, words_for

DEFAULT_FILE_NAME = "pathfinder-summary.txt"


class SaveProblem(Exception):
    """The summary could not be saved. `key` names the explanation in
    words.toml and `values` fill it in; `str()` gives it in English."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.explained(words_for("en")))

    def explained(self, words: Words) -> str:
        """What went wrong, in the parent's language."""
        return words(self.key, **self.values)


def default_save_path() -> Path:
    """A file in the home folder: easy to find again."""
    return Path.home() / DEFAULT_FILE_NAME


def where_to_save(typed: str) -> Path:
    """The file a parent means by what they typed (`~` is the home folder)."""
    text = typed.strip()
    if not text:
        raise SaveProblem("save.no_name")
    path = Path(text).expanduser()
    if path.is_dir():
        return path / DEFAULT_FILE_NAME
    return path


def save_summary(text: str, path: Path) -> Path:
    """Write `text` to `path` and return where it went."""
    folder = path.parent
    if not folder.is_dir():
        raise SaveProblem("save.no_folder", folder=folder)
    try:
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except PermissionError:
        raise SaveProblem("save.not_allowed", folder=folder) from None
    except OSError as error:
        if error.strerror:
            raise SaveProblem("save.failed", path=path, reason=error.strerror) from None
        raise SaveProblem("save.failed_no_reason", path=path) from None
    return path
