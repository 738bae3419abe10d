"""The personal number for foreigners (الرقم الشخصي للأجانب).

Issued by the Residence and Borders Department on entry and stuck on the passport as a barcode:
10 digits starting with 10 or 80, one number per person. Its check digit (if any) is not public,
so only the form is checked: `^(10|80)\\d{8}$`, never an invented checksum. People type it with
Arabic-Indic digits, spaces or dashes; those are normalised away first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.errors import KioskError, Problem
from kiosk.texts import Bilingual, to_western_digits

LENGTH = 10
PREFIXES = ("10", "80")
PATTERN = r"(10|80)\d{8}"  # the whole form, for a full match after normalisation
_VALID = re.compile(PATTERN)
# Separators people type or scanners emit: whitespace of any kind, and every dash and hyphen.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u00ad\ufe63\uff0d_]+")


@dataclass(frozen=True)
class PersonalNumber:
    """A well-formed personal number (10 digits starting with 10 or 80)."""

    value: str

    @property
    def masked(self) -> str:
        """The number as logs and receipts may show it: "10******34"."""
        return mask(self.value)

    def __str__(self) -> str:
        return self.value


def normalise(text: str) -> str:
    """Western digits, no spaces or dashes: "١٠ ١٢٣-٤٥٦٧٨" → "1012345678". Idempotent."""
    return _SEPARATORS.sub("", to_western_digits(text))


def check(text: str, field: str = "personal_number") -> Problem | None:
    """None when `text` is a valid personal number after normalisation, else what is wrong."""
    if not isinstance(text, str):
        return _problem("personal_number.empty", field, *_EMPTY)
    value = normalise(text)
    if not value:
        return _problem("personal_number.empty", field, *_EMPTY)
    if not value.isascii() or not value.isdigit():
        return _problem(
            "personal_number.not_digits",
            field,
            "الرقم الشخصي يتكون من أرقام فقط. أدخل الأرقام العشرة كما تظهر تحت الباركود "
            "على جواز السفر.",
            "The personal number has digits only. Enter the 10 digits shown under the barcode on "
            "the passport.",
        )
    if len(value) != LENGTH:
        return _problem(
            "personal_number.wrong_length",
            field,
            f"الرقم الشخصي يتكون من 10 أرقام، والمدخل {len(value)}. تحقق من الرقم وأعد إدخاله.",
            f"The personal number has 10 digits; {len(value)} were entered. Check it and enter "
            "it again.",
        )
    if not _VALID.fullmatch(value):
        return _problem(
            "personal_number.wrong_prefix",
            field,
            "الرقم الشخصي للأجانب يبدأ بـ 10 أو 80. تحقق من الرقم على جواز السفر.",
            "A foreigner's personal number starts with 10 or 80. Check the number on the passport.",
        )
    return None


def parse(text: str, field: str = "personal_number") -> PersonalNumber:
    """The PersonalNumber in `text`; KioskError with the reason when it is not one."""
    problem = check(text, field)
    if problem is not None:
        raise KioskError(problem.code, problem.message, problem.field)
    return PersonalNumber(normalise(text))


def is_valid(text: str) -> bool:
    """Whether `text` is a valid personal number after normalisation."""
    return check(text) is None


def mask(value: str) -> str:
    """Keep the first and last two characters, hide the rest (logs never show the number)."""
    if len(value) <= 4:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 4) + value[-2:]


_EMPTY = (
    "أدخل الرقم الشخصي للأجانب (10 أرقام تبدأ بـ 10 أو 80) أو امسح الباركود على جواز السفر.",
    "Enter the foreigner's personal number (10 digits starting with 10 or 80) or scan the "
    "barcode on the passport.",
)


def _problem(code: str, field: str, ar: str, en: str) -> Problem:
    return Problem(code, field, Bilingual(ar, en))
