"""Text-message length: GSM-7 measurement and a GSM-7-safe rendering of screen text.

A message is GSM-7 only when every character is in the GSM 03.38 basic or
extension table; one other character turns the whole message into UCS-2,
which holds less than half as much per part.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)

# Each of these is sent as an escape character plus one, so it costs two.
GSM_EXTENSION = frozenset("^{}\\[]~|€\f")

GSM_SINGLE_PART = 160
GSM_PER_PART = 153
UCS2_SINGLE_PART = 70
UCS2_PER_PART = 67

# Characters with a plain GSM look-alike; tried before any generic folding.
_LOOKALIKES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2022": "-", "\u00b7": "-",
    "\u2026": "...",
    "\u2044": "/",
    "\t": " ",
    "\u00a9": "(c)", "\u00ae": "(R)", "\u2122": "TM",
    "\u00b0": " degrees",
}

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True)
class Measure:
    """How a message will be sent: its encoding, its length in units, its parts."""

    encoding: str
    units: int
    parts: int


def is_gsm(text: str) -> bool:
    return all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text)


def measure(text: str) -> Measure:
    if is_gsm(text):
        costs = [2 if ch in GSM_EXTENSION else 1 for ch in text]
        return Measure("GSM-7", sum(costs), _count_parts(costs, GSM_SINGLE_PART,
                                                         GSM_PER_PART))

    # UCS-2 as carriers count it: UTF-16 code units, a surrogate pair kept whole.
    costs = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    return Measure("UCS-2", sum(costs), _count_parts(costs, UCS2_SINGLE_PART,
                                                     UCS2_PER_PART))


def _count_parts(costs: list[int], single: int, per_part: int) -> int:
    if sum(costs) <= single:
        return 1

    # Fill parts greedily; a character that does not fit whole starts a new part,
    # so an escape pair or a surrogate pair is never split.
    parts, used = 1, 0
    for cost in costs:
        if used + cost > per_part:
            parts, used = parts + 1, 0
        used += cost
    return parts


def gsm_safe(text: str) -> str:
    """The text with every character made GSM-7: swapped, stripped or dropped."""
    return "".join(_safe_char(ch) for ch in text)


def _safe_char(ch: str) -> str:
    if ch in GSM_BASIC or ch in GSM_EXTENSION:
        return ch
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    if ch in _ZERO_WIDTH:
        return ""
    if unicodedata.category(ch) == "Zs":
        return " "
    if unicodedata.category(ch) in ("Zl", "Zp"):
        return "\n"

    # Full-width forms, ligatures and fractions first, then accents stripped
    # (á -> a); whatever still has no GSM form (emoji, other scripts) is dropped.
    for candidate in (unicodedata.normalize("NFKC", ch), _strip_accents(ch)):
        folded = "".join(_LOOKALIKES.get(c, c) for c in candidate)
        if folded and folded != ch and is_gsm(folded):
            return folded
    return ""


def _strip_accents(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
