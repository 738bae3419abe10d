"""Arabic on paper: shape the letters and put them in visual order for reportlab.

reportlab draws glyphs left to right exactly as given and does not shape. So Arabic text is first
shaped into its joined presentation forms by arabic-reshaper (keeping harakat: a name such as
"عمّان" must keep its shadda) and then reordered for display by python-bidi's
`bidi.algorithm.get_display`, which also mirrors brackets. Measure widths on `shaped()` text (the
glyphs are the same whatever their order); draw `visual()` text.
"""

from __future__ import annotations

import functools

import arabic_reshaper
from bidi.algorithm import get_display

# python-bidi keeps each combining mark right after its base letter when it reverses a run, so
# the harakat must NOT be shifted by the reshaper (checked by eye on rendered pages).
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "shift_harakat_position": False}
)

# Arabic letters, their presentation forms and the harakat, by Unicode block.
_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


def is_arabic_char(char: str) -> bool:
    """True for a letter, mark or sign of the Arabic script (including presentation forms)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _ARABIC_RANGES)


def has_arabic(text: str) -> bool:
    """True when the text contains at least one Arabic-script character."""
    return any(is_arabic_char(c) for c in text)


@functools.lru_cache(maxsize=4096)
def shaped(text: str) -> str:
    """The text with Arabic letters in their joined forms, still in logical order."""
    return _RESHAPER.reshape(text) if has_arabic(text) else text


@functools.lru_cache(maxsize=4096)
def visual(text: str, rtl: bool | None = None) -> str:
    """One line of text ready to draw left to right: shaped, then in visual (display) order.

    `rtl` sets the paragraph direction; by default it follows the first strong character.
    """
    if not has_arabic(text) and not rtl:
        return text
    base_dir = None if rtl is None else ("R" if rtl else "L")
    return get_display(shaped(text), base_dir=base_dir)
