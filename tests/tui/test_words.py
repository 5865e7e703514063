"""The screens' own words (tui/words.toml): every entry in every language,
checked as the file loads, and every entry the code asks for is there."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import textstat

from pathfinder.machine.errors import ContentError
from pathfinder.tui import words as words_module
from pathfinder.tui.words import WORDS_FILE, load_words, shipped_words, words_for

TUI_SOURCE = Path(words_module.__file__).parent


def write_words(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_words_have_english_and_spanish():
    words = shipped_words()
    assert set(words) == {"en", "es"}
    assert words["es"].texts.keys() == words["en"].texts.keys()
    assert words_for("es")("question.progress", number=2, total=7) == (
        "Pregunta 2 de unas 7")


def test_a_missing_spanish_word_stops_loading_and_names_the_file_and_entry(tmp_path):
    path = write_words(tmp_path, '''
languages = ["en", "es"]
[question]
back = { en = "Back", es = "Atrás" }
skip = { en = "Skip this question" }
''')
    with pytest.raises(ContentError) as error:
        load_words(path)
    assert str(error.value) == 'words.toml, entry "question.skip": has no es text'


def test_a_text_must_keep_the_english_placeholders(tmp_path):
    path = write_words(tmp_path, '''
languages = ["en", "es"]
progress = { en = "Question {number} of {total}", es = "Pregunta {numero}" }
''')
    with pytest.raises(ContentError, match='entry "progress": the es text must use '
                       r"the same \{placeholders\} as the en text \(number, total\)"):
        load_words(path)


@pytest.mark.parametrize("text, problem", [
    ('languages = ["es"]\n', "must be a list of language codes that includes 'en'"),
    ('languages = ["en"]\nback = "Back"\n', 'entry "back": must be a table'),
    ('languages = ["en"]\nback = { en = "Back", fr = "Retour" }\n',
     "has a language not declared: fr"),
    ('languages = ["en"]\nback = { en = "Back {" }\n', "has a broken {placeholder}"),
    ('languages = ["en"\n', "is not valid TOML"),
])
def test_other_mistakes_in_the_file_are_named(tmp_path, text, problem):
    with pytest.raises(ContentError, match=problem.replace("{", r"\{")):
        load_words(write_words(tmp_path, text))


def test_a_language_the_file_lacks_is_refused():
    with pytest.raises(ContentError, match="has no 'fr' words; has: en, es"):
        words_for("fr")


def entries_asked_for() -> set[str]:
    """Every entry the code names as a literal: words("..."), and key strings
    like "question.back" in lists and bindings."""
    known_sections = {key.split(".")[0] for key in words_for("en").texts}
    asked = set()
    for path in TUI_SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                section, dot, rest = node.value.partition(".")
                if dot and section in known_sections and rest.isidentifier():
                    asked.add(node.value)
    return asked


def test_every_entry_the_code_asks_for_is_in_the_file():
    asked = entries_asked_for()
    assert len(asked) > 50
    missing = sorted(asked - set(words_for("en").texts))
    assert missing == [], f"{WORDS_FILE.name} lacks {missing}"


def sentences(lang: str) -> str:
    """The screens' messages and hints (texts of more than a few words)."""
    texts = words_for(lang).texts.values()
    return " ".join(text for text in texts if len(text.split()) > 6)


def test_the_english_words_read_at_grade_8_or_below():
    assert textstat.flesch_kincaid_grade(sentences("en")) <= 8


def test_the_spanish_words_are_easy_to_read():
    textstat.set_lang("es")
    try:
        # The same Spanish measures and levels as tests/test_readability_es.py.
        assert textstat.fernandez_huerta(sentences("es")) >= 70
        assert textstat.szigriszt_pazos(sentences("es")) >= 65
    finally:
        textstat.set_lang("en_US")
