"""The terminal app's own words in each language, read from words.toml.

The file is checked as it loads: every entry has a text in every language the
file declares, with the same {placeholders}. A gap stops start-up with an
error that names the file and the entry, so no screen meets a missing word.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ..machine.errors import ContentError

WORDS_FILE = Path(__file__).with_name("words.toml")


@dataclass(frozen=True)
class Words:
    """The words of one language; `words("question.back")` gives one of them.

    Values for a text's placeholders come as keywords:
    `words("question.progress", number=2, total=7)`.
    """

    lang: str
    texts: Mapping[str, str]
    file: str = WORDS_FILE.name

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self.texts[key]
        except KeyError:
            raise KeyError(f"{self.file} has no entry {key!r}") from None
        return text.format(**values)

    def __contains__(self, key: str) -> bool:
        return key in self.texts


def words_for(lang: str) -> Words:
    """The shipped words in `lang`; ContentError if the file lacks it."""
    words = shipped_words()
    if lang not in words:
        have = ", ".join(words)
        raise ContentError(WORDS_FILE.name, "", f"has no {lang!r} words; has: {have}")
    return words[lang]


@cache
def shipped_words() -> Mapping[str, Words]:
    """The words beside this module, loaded and checked once per process."""
    return load_words(WORDS_FILE)


def load_words(path: Path) -> Mapping[str, Words]:
    """Read and check a words file: one Words per declared language."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(path.name, "", f"cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path.name, "", f"is not valid TOML: {error}") from None

    languages = raw.pop("languages", None)
    if not _is_language_list(languages):
        raise ContentError(path.name, "languages",
                           "must be a list of language codes that includes 'en'")

    texts: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    for key, entry in _entries(raw, path.name):
        for lang, text in _checked(entry, key, languages, path.name).items():
            texts[lang][key] = text
    return MappingProxyType({
        lang: Words(lang, MappingProxyType(by_key), path.name)
        for lang, by_key in texts.items()
    })


def _entries(table: dict[str, Any], file: str, prefix: str = ""):
    """(dotted key, entry) for each entry; an entry is a table of texts."""
    for name, value in table.items():
        key = f"{prefix}{name}"
        if not isinstance(value, dict):
            raise ContentError(file, f'entry "{key}"',
                               'must be a table of languages, like { en = "..." }')
        if value and all(isinstance(text, str) for text in value.values()):
            yield key, value
        else:
            yield from _entries(value, file, f"{key}.")


def _checked(entry: dict[str, str], key: str, languages: list[str],
             file: str) -> dict[str, str]:
    where = f'entry "{key}"'
    for lang in languages:
        if not entry.get(lang, "").strip():
            raise ContentError(file, where, f"has no {lang} text")
    unknown = sorted(set(entry) - set(languages))
    if unknown:
        raise ContentError(file, where, f"has a language not declared: {unknown[0]}")

    expected = _placeholders(entry["en"], file, where)
    for lang in languages:
        if _placeholders(entry[lang], file, where) != expected:
            names = ", ".join(sorted(expected)) or "none"
            raise ContentError(file, where,
                               f"the {lang} text must use the same {{placeholders}} "
                               f"as the en text ({names})")
    return {lang: entry[lang] for lang in languages}


def _placeholders(text: str, file: str, where: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError as error:
        raise ContentError(file, where,
                           f"has a broken {{placeholder}}: {error}") from None


def _is_language_list(value: object) -> bool:
    return (isinstance(value, list) and "en" in value
            and all(isinstance(lang, str) and lang for lang in value))
