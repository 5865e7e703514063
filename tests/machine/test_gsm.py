"""GSM-7 measurement and GSM-safe text, at the boundaries where parts change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathfinder.machine.gsm import (
    GSM_BASIC,
    GSM_EXTENSION,
    Measure,
    gsm_safe,
    measure,
)


def test_plain_text_is_gsm7_and_one_part():
    assert measure("Reply 1 for yes") == Measure("GSM-7", 15, 1)


def test_empty_text_is_one_gsm7_part():
    assert measure("") == Measure("GSM-7", 0, 1)


def test_160_gsm_characters_fit_in_one_part():
    assert measure("a" * 160) == Measure("GSM-7", 160, 1)


def test_161_gsm_characters_need_two_parts():
    assert measure("a" * 161) == Measure("GSM-7", 161, 2)


def test_two_full_parts_hold_306_characters_and_307_needs_a_third():
    assert measure("a" * 306).parts == 2
    assert measure("a" * 307) == Measure("GSM-7", 307, 3)


def test_extension_characters_cost_two_units():
    assert measure("{}[]~^|\\€\f") == Measure("GSM-7", 20, 1)


def test_80_extension_characters_fill_one_part_and_one_more_splits():
    assert measure("€" * 80) == Measure("GSM-7", 160, 1)
    assert measure("€" * 80 + "a").parts == 2


def test_an_escape_pair_is_never_split_across_parts():
    # 152 plain characters leave one unit in the first part: the euro sign
    # needs two, so it moves whole to the second part.
    text = "a" * 152 + "€" + "b" * 152
    assert measure(text).units == 306
    assert measure(text).parts == 3

    # One plain character less and the pair fits at the end of the first part.
    assert measure("a" * 151 + "€" + "b" * 153).parts == 2


def test_spanish_letters_in_the_basic_table_stay_gsm7():
    assert measure("¿Qué? ñ Ñ ü Ü é É ¡ à è ì ò ù").encoding == "GSM-7"


@pytest.mark.parametrize("letter", list("áíóúÁÍÓÚç"))
def test_acute_accents_other_than_e_force_ucs2(letter):
    assert measure(f"S{letter}").encoding == "UCS-2"


def test_ucs2_counts_utf16_units_with_an_emoji_as_two():
    assert measure("Hola 😀") == Measure("UCS-2", 7, 1)


def test_70_ucs2_units_fit_one_part_and_71_need_two():
    assert measure("á" * 70) == Measure("UCS-2", 70, 1)
    assert measure("á" * 71) == Measure("UCS-2", 71, 2)


def test_ucs2_parts_hold_67_units_each():
    assert measure("á" * 134).parts == 2
    assert measure("á" * 135).parts == 3


def test_an_emoji_is_not_split_across_ucs2_parts():
    # 134 units fill two parts exactly only when the emoji ends the first part.
    assert measure("á" * 65 + "😀" + "á" * 67) == Measure("UCS-2", 134, 2)
    assert measure("á" * 66 + "😀" + "á" * 66) == Measure("UCS-2", 134, 3)


def test_curly_quotes_dashes_and_ellipsis_become_plain():
    assert gsm_safe("“Yes,” she said — it’s done… – ok") == (
        "\"Yes,\" she said - it's done... - ok"
    )


def test_unicode_spaces_become_spaces_and_zero_width_characters_go():
    assert gsm_safe("a\u00a0b\u2009c\u200bd\ufeffe") == "a b cde"


def test_acute_accents_are_removed_but_gsm_accents_stay():
    assert gsm_safe("Sí, número, información, Ángel") == (
        "Si, numero, informacion, Angel"
    )
    assert gsm_safe("¿Qué niño? ¡Ñandú!") == "¿Qué niño? ¡Ñandu!"
    assert gsm_safe("à è ì ò ù É ü Ü") == "à è ì ò ù É ü Ü"


def test_characters_without_a_gsm_form_are_dropped_or_folded():
    assert gsm_safe("Done 😀 ✓") == "Done  "
    assert gsm_safe("ＡＢＣ ½") == "ABC 1/2"


def test_safe_text_that_was_ucs2_fits_in_fewer_parts():
    screen_text = "Información: “la escuela” — sí… " * 3
    assert measure(screen_text).encoding == "UCS-2"
    safe = gsm_safe(screen_text)
    assert safe.startswith('Informacion: "la escuela" - si... ')
    assert measure(safe) == Measure("GSM-7", len(safe), 1)


@given(st.text())
def test_gsm_safe_text_always_measures_gsm7(text):
    assert measure(gsm_safe(text)).encoding == "GSM-7"


@given(st.text(alphabet=st.characters(codec="latin-1")))
def test_gsm_safe_keeps_text_that_is_already_gsm7(text):
    if measure(text).encoding == "GSM-7":
        assert gsm_safe(text) == text


def _measured_one_by_one(text: str) -> Measure:
    """The plain definition, character by character, to check the fast count."""
    gsm = all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text)
    if gsm:
        costs = [2 if ch in GSM_EXTENSION else 1 for ch in text]
        single, per_part = 160, 153
    else:
        costs = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
        single, per_part = 70, 67
    parts, used = 1, 0
    if sum(costs) > single:
        for cost in costs:
            if used + cost > per_part:
                parts, used = parts + 1, 0
            used += cost
    return Measure("GSM-7" if gsm else "UCS-2", sum(costs), parts)


_MIXED = st.text(
    alphabet=st.sampled_from(["a", "é", "€", "{", "á", "😀", "\n"]), max_size=400
)


@given(_MIXED)
def test_the_fast_count_agrees_with_counting_one_by_one(text):
    assert measure(text) == _measured_one_by_one(text)
