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

# python-bidi reverses each mark together with its letter, and the fonts draw a zero-width mark
# over the glyph that follows it; so the reshaper must NOT shift the harakat (checked by eye on
# rendered pages).
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


# Marks drawn above a letter, and the letters tall enough to collide with them (alef, lam, kaf,
# tah, zah and lam-alef, in their base and presentation forms).
SHADDA = "\u0651"
_ABOVE_MARKS = frozenset("\u064b\u064c\u064e\u064f\u0651\u0652\u0670")
_TALL = frozenset(
    "\u0622\u0623\u0625\u0627\u0644\u0643\u0637\u0638"
    + "".join(chr(c) for c in (*range(0xFE81, 0xFE89), 0xFE8D, 0xFE8E))
    + "".join(chr(c) for c in (*range(0xFED9, 0xFEE1), *range(0xFEC1, 0xFEC9)))
    + "".join(chr(c) for c in range(0xFEF5, 0xFEFD))
)
TALL_RISE = 0.3  # of the font size: over the stem of a lam or an alef
STACK_RISE = 0.16  # of the font size: a vowel over a shadda


def mark_rises(line: str) -> list[tuple[str, float]]:
    """A visual line cut into pieces, each with how far (in font sizes) to raise it.

    Without OpenType mark positioning every mark is drawn at the height meant for a short letter
    with no other mark: a fatha runs into the stem of a lam, a fatha and a shadda on one letter
    overlap. In visual order a letter's marks come just before it, so the marks before a tall
    letter are raised, and a vowel sharing its letter with a shadda is stacked above it.
    """
    pieces: list[tuple[str, float]] = []
    start = i = 0
    while i < len(line):
        end = i
        while end < len(line) and line[end] in _ABOVE_MARKS:
            end += 1
        if end == i:
            i += 1
            continue
        cluster, base = line[i:end], line[end] if end < len(line) else ""
        rise = TALL_RISE if base in _TALL else 0.0
        if rise or len(cluster) > 1:
            if i > start:
                pieces.append((line[start:i], 0.0))
            stacked = SHADDA in cluster and len(cluster) > 1
            for mark in cluster:
                pieces.append((mark, rise + (STACK_RISE if stacked and mark != SHADDA else 0.0)))
            start = end
        i = end
    if start < len(line):
        pieces.append((line[start:], 0.0))
    return pieces
