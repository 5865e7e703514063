"""Key bindings whose footer labels follow the parent's language.

A class's BINDINGS name an entry of words.toml as the description (like
"question.back"); `translate_bindings` gives an instance the texts in its
language, and can do so again when the language changes.
"""

from __future__ import annotations

import dataclasses
from typing import Mapping

from textual.binding import Binding
from textual.dom import DOMNode

from .words import Words


def translate_bindings(node: DOMNode, words: Words,
                       overrides: Mapping[str, Words] | None = None) -> None:
    """Label `node`'s bindings in `words`' language (a description key in
    `overrides` takes its text from the Words given there instead)."""
    # Textual has no public way to relabel one instance's bindings. The class
    # keeps the untranslated ones; the instance gets fresh lists of its own.
    declared = type(node)._merged_bindings
    if declared is None:
        return
    overrides = overrides or {}

    def relabel(binding: Binding) -> Binding:
        source = overrides.get(binding.description, words)
        if binding.description not in source:
            return binding
        return dataclasses.replace(binding,
                                   description=source(binding.description))

    node._bindings.key_to_bindings = {
        key: [relabel(binding) for binding in listed]
        for key, listed in declared.key_to_bindings.items()
    }
