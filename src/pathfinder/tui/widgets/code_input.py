"""A box for a short letter code, such as a 2-letter state code."""

from __future__ import annotations

from textual.widgets import Input


class CodeInput(Input):
    """Takes letters only, up to `length` of them.

    Keys other than letters are left to the screen, so the bindings that work
    on every question (like ? for "why we ask") work here too.
    """

    def __init__(self, length: int, *, placeholder: str = "", id: str | None = None):
        super().__init__(
            placeholder=placeholder,
            restrict=r"[A-Za-z]*",
            max_length=length,
            id=id,
        )

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character.isalpha()
