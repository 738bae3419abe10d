"""The bundled fonts, paired per run: Noto Naskh Arabic for Arabic, Noto Sans for the rest.

Noto Naskh Arabic has no Latin letters and Noto Sans has no Arabic, so a mixed line is cut into
runs, each drawn in the font that has its glyphs; DejaVu Sans (which covers both) catches any
character neither has.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk import resources
from kiosk.receipts.arabic import is_arabic_char

# Face name → (regular file, bold file) under resources/fonts/.
_FILES = {
    "Naskh": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    "Sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "DejaVu": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
# Naskh letters look small beside Latin ones at the same point size; print them a little larger.
_SCALE = {"Naskh": 1.15, "Naskh-Bold": 1.15}
_ARABIC_ORDER = ("Naskh", "DejaVu")
_LATIN_ORDER = ("Sans", "DejaVu")
_lock = threading.Lock()


@dataclass(frozen=True)
class Run:
    """A piece of a line drawn in one font."""

    font: str
    text: str


def register() -> None:
    """Register the bundled fonts with reportlab once (safe to call from any thread)."""
    with _lock:
        if _charmaps.cache_info().currsize:
            return
        for face, (regular, bold) in _FILES.items():
            for name, file in ((face, regular), (face + "-Bold", bold)):
                pdfmetrics.registerFont(TTFont(name, str(resources.path("fonts/" + file))))
        _charmaps()


@functools.cache
def _charmaps() -> dict[str, frozenset[int]]:
    return {face: frozenset(pdfmetrics.getFont(face).face.charToGlyph) for face in _FILES}


def _face_for(char: str, previous: str | None) -> str:
    charmaps = _charmaps()
    code = ord(char)
    if not is_arabic_char(char) and previous and not char.isalnum() and code in charmaps[previous]:
        # Spaces and punctuation stay in the run they sit in, so a line is not cut needlessly.
        return previous
    for face in _ARABIC_ORDER if is_arabic_char(char) else _LATIN_ORDER:
        if code in charmaps[face]:
            return face
    return "DejaVu"


@functools.lru_cache(maxsize=8192)
def runs(text: str, bold: bool = False) -> tuple[Run, ...]:
    """The text cut into runs of one font each (registered names, "-Bold" when bold)."""
    register()
    result: list[Run] = []
    face = None
    start = 0
    for i, char in enumerate(text):
        chosen = _face_for(char, face)
        if chosen != face and i > start:
            result.append(Run(_name(face, bold), text[start:i]))
            start = i
        face = chosen
    if start < len(text):
        result.append(Run(_name(face, bold), text[start:]))
    return tuple(result)


def _name(face: str | None, bold: bool) -> str:
    face = face or "Sans"
    return face + "-Bold" if bold else face


def run_size(run: Run, size: float) -> float:
    """The point size to draw a run at, for text of the given size."""
    return size * _SCALE.get(run.font, 1.0)


def run_width(run: Run, size: float) -> float:
    """The width in points of one run, for text of the given size."""
    return pdfmetrics.stringWidth(run.text, run.font, run_size(run, size))


@functools.lru_cache(maxsize=8192)
def width(text: str, size: float, bold: bool = False) -> float:
    """The width in points of the text (shaped, in any order) at the given size."""
    return sum(run_width(r, size) for r in runs(text, bold))
