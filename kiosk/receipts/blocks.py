"""The parts a document is made of, independent of language and paper.

A document is a list of blocks; `render` lays them out for a language ("ar", "en" or "both") and
a paper (80 mm roll or A4). Texts are Bilingual when they depend on the language, plain `str`
when they are the same in both (numbers, codes, names as written).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.texts import Bilingual

Text = Bilingual | str


@dataclass(frozen=True)
class Heading:
    """A centred title line (bold; `size` is relative to the body text)."""

    text: Text
    size: float = 1.5


@dataclass(frozen=True)
class Field:
    """A label and its value; `strong` prints the value in bold."""

    label: Bilingual
    value: Text
    strong: bool = False


@dataclass(frozen=True)
class Paragraph:
    """Running text, wrapped to the width; `size` is relative to the body text."""

    text: Text
    size: float = 0.9


@dataclass(frozen=True)
class Bullets:
    """A titled list."""

    title: Bilingual
    items: tuple[Text, ...]


@dataclass(frozen=True)
class BigNumber:
    """A number to read aloud or type (the bill number): large, bold, centred, under its label."""

    label: Bilingual
    text: str


@dataclass(frozen=True)
class Codes:
    """A Code 128 barcode (its text printed under it) and/or a QR code, side by side on A4."""

    barcode: str | None = None
    qr: str | None = None


@dataclass(frozen=True)
class Rule:
    """A thin horizontal line between sections."""


Block = Heading | Field | Paragraph | Bullets | BigNumber | Codes | Rule
