"""Parent-facing text in one or more languages."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Text:
    """A text with one version per language; English is the fallback."""

    versions: Mapping[str, str]

    @classmethod
    def parse(cls, raw: object) -> "Text":
        """Build from content data: a plain string (English) or a language table.

        Raises TypeError or ValueError with a short reason; loaders turn it
        into a ContentError that names the file and the place.
        """
        if isinstance(raw, str):
            if not raw.strip():
                raise ValueError("the text is empty")
            return cls(MappingProxyType({DEFAULT_LANGUAGE: raw}))
        if isinstance(raw, dict) and raw:
            for lang, value in raw.items():
                if not isinstance(value, str) or not value.strip():
                    raise ValueError(f"the {lang!r} text is empty or not a string")
            return cls(MappingProxyType(dict(raw)))
        raise TypeError("expected a string or a table of languages")

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.versions.get(lang) or self.versions[DEFAULT_LANGUAGE]

    def missing(self, languages: tuple[str, ...]) -> list[str]:
        """The languages in `languages` that this text has no version for."""
        return [lang for lang in languages if lang not in self.versions]

    def __str__(self) -> str:
        return self.get()
