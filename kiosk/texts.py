"""Bilingual texts: every domain text the user sees exists in Arabic and in English."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class Bilingual:
    """A text in Arabic and English; `get(lang)` picks one (Arabic is the default)."""

    ar: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ar

    @classmethod
    def from_dict(cls, data: dict) -> Bilingual:
        return cls(ar=str(data["ar"]), en=str(data["en"]))

    def to_dict(self) -> dict:
        return {"ar": self.ar, "en": self.en}


ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"
_DIGIT_MAP = {ord(c): str(i) for i, c in enumerate(ARABIC_INDIC)} | {
    ord(c): str(i) for i, c in enumerate(EASTERN_ARABIC_INDIC)
}


def to_western_digits(text: str) -> str:
    """Arabic-Indic digits (٠–٩, ۰–۹) to 0–9; the ministry writes 0–9 in both languages."""
    return text.translate(_DIGIT_MAP)
