"""Reading a content file (a flow, a guidance file, the screens' words)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import ContentError


def read_toml(path: Path, missing: str = "no such file") -> dict[str, Any]:
    """The file's TOML as data; ContentError naming the file if it cannot be."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(path.name, "", missing) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(path.name, "", f"cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path.name, "", f"is not valid TOML: {error}") from None
