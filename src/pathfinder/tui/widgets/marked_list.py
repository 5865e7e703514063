"""A numbered list to pick from, with the cursor and any earlier answer marked
in symbols and words, so colour never carries the meaning alone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CURSOR = "▶ "
NO_CURSOR = "  "


@dataclass(frozen=True)
class Item:
    """One entry: `id` comes back when it is picked; `note` follows the label."""

    id: str
    label: str
    note: str = ""


class MarkedList(OptionList):
    """Numbered items; the highlighted one is drawn with a ▶ in front.

    Picking an item (Enter, a click) posts `OptionList.OptionSelected` with
    the item's id as the option id.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._items: tuple[Item, ...] = ()
        self._keys: tuple[str, ...] = ()

    def show_items(self, items: Sequence[Item], start: int = 0,
                   keys: Sequence[str] | None = None) -> None:
        """Replace the items and put the cursor on item `start` (from 0).

        `keys` are the marks drawn in front of the items (default: 1, 2, 3...).
        """
        self._items = tuple(items)
        self._keys = (tuple(keys) if keys is not None
                      else tuple(str(n) for n in range(1, len(self._items) + 1)))
        self.set_options(
            Option(self._prompt(index, cursor=False), id=item.id)
            for index, item in enumerate(self._items)
        )
        self.highlighted = start
        self._mark_cursor(self.highlighted)

    def id_at(self, number: int) -> str | None:
        """The id of item `number` (counted from 1), or None if there is none."""
        if 1 <= number <= len(self._items):
            return self._items[number - 1].id
        return None

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._mark_cursor(highlighted)

    def _mark_cursor(self, highlighted: int | None) -> None:
        # A handful of items: re-drawing every prompt keeps this simple.
        for index in range(min(self.option_count, len(self._items))):
            prompt = self._prompt(index, cursor=index == highlighted)
            self.replace_option_prompt_at_index(index, prompt)

    def _prompt(self, index: int, cursor: bool) -> Content:
        item = self._items[index]
        width = max(len(key) for key in self._keys)
        return Content.assemble(
            CURSOR if cursor else NO_CURSOR,
            (f"{self._keys[index]:>{width}}. ", "bold"),
            item.label,
            (f"  {item.note}" if item.note else "", "italic"),
        )
