"""Incoming text made comparable: the same words typed on any phone look alike.

Phones add things a parent never meant: curly quotes, accents from
autocorrect, emoji, invisible joiners, trailing full stops. Keywords and
answers are matched on the folded form this module makes; the text itself is
never stored or logged.
"""

from __future__ import annotations

import re
import unicodedata

# Longer than any keyword or answer: the rest cannot change what it means.
LONGEST_MEANINGFUL = 80

# Letters, digits and marks kept; symbols such as emoji and keycaps are dropped,
# and so are control and format characters (zero-width joiners, BOMs).
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "So", "Sk"})
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019`\u00b4")


def fold(text: str) -> str:
    """Lower-case, accent-free, emoji-free text with single spaces.

    "  Sí 👍 " becomes "si" and "Don’t  KNOW" becomes "dont know".
    Punctuation is kept: callers decide which of it matters.
    """
    text = text.strip()[: LONGEST_MEANINGFUL * 2]

    # NFKD splits accented letters into letter + mark, and full-width or
    # styled letters into plain ones; the marks are dropped below.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in decomposed
        if unicodedata.category(ch) not in _DROPPED_CATEGORIES or ch.isspace()
    )
    kept = kept.translate(_APOSTROPHES)
    return _SPACES.sub(" ", kept).strip()


def strip_end_punctuation(folded: str) -> str:
    """The folded text without the full stops or marks a phone may add at the end."""
    return folded.rstrip(" .!?").strip()
