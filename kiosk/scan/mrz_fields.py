"""MRZ text to fields: ICAO 9303 layouts (TD3 passports, TD1 ID cards) and check digits.

Pure: no image code. `parse_mrz(lines)` takes the recognised lines and returns an `MrzResult`
with every field, the result of every check digit and `valid` (all of them pass). OCR confuses a
few glyph pairs (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G); the field types settle most of them (digits in
numeric fields, letters in alphabetic ones) and the check digit settles the document number.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from kiosk.errors import Problem
from kiosk.texts import Bilingual

FILLER = "<"
DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHABET = DIGITS + LETTERS + FILLER

# The glyph pairs OCR-B readers confuse: in a numeric field the letter is read as the digit, in
# an alphabetic field the digit as the letter.
LETTER_TO_DIGIT = {"O": "0", "D": "0", "Q": "0", "I": "1", "S": "5", "B": "8", "Z": "2", "G": "6"}
DIGIT_TO_LETTER = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}
# In an alphanumeric field (the document number) either is possible: swap and let the checks say.
_SWAP = LETTER_TO_DIGIT | DIGIT_TO_LETTER
# Each extra candidate is another chance for a wrong reading to pass a check digit by luck
# (1 in 10, 1 in 100 with the composite), so at most two cells are changed.
_MAX_SUBSTITUTIONS = 2

_WEIGHTS = (7, 3, 1)
# Below this, the reader's least sure glyph makes a reading doubtful even when its check
# digits pass (bench/mrz.py measures the trade: misreads against valid reads).
MIN_CONFIDENCE = 0.9
TD3_LENGTH = 44
TD1_LENGTH = 30


def char_value(char: str) -> int:
    """A character's value in a check digit: digits as such, A=10 … Z=35, filler '<' = 0."""
    if char in DIGITS:
        return int(char)
    if char in LETTERS:
        return ord(char) - ord("A") + 10
    if char == FILLER:
        return 0
    raise ValueError(f"not an MRZ character: {char!r}")


def check_digit(text: str) -> str:
    """The ICAO 9303 check digit of `text` (weights 7, 3, 1 repeating, modulo 10)."""
    total = sum(char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(text))
    return str(total % 10)


def _check_passes(text: str, digit: str) -> bool:
    # An all-filler optional field may carry '<' as its check digit (ICAO 9303 part 4).
    if digit == FILLER:
        return text.strip(FILLER) == ""
    return digit in DIGITS and check_digit(text) == digit


_FIELD_NAMES = {
    "document_number": Bilingual("رقم الوثيقة", "document number"),
    "birth_date": Bilingual("تاريخ الميلاد", "date of birth"),
    "expiry": Bilingual("تاريخ الانتهاء", "expiry date"),
    "optional_data": Bilingual("البيانات الاختيارية", "optional data"),
    "composite": Bilingual("الرقم المركّب", "composite check"),
}


@dataclass(frozen=True)
class MrzResult:
    """One machine-readable zone, read and checked.

    `checks` maps each check digit (document_number, birth_date, expiry, optional_data,
    composite) to whether it passed; `valid` is True only when all pass. Names have no check
    digit: the user confirms them. The repr hides personal data so a log line stays clean.
    """

    format: str
    lines: tuple[str, ...] = field(repr=False)
    document_type: str = field(repr=False)
    issuing_state: str = field(repr=False)
    document_number: str = field(repr=False)
    surname: str = field(repr=False)
    given_names: str = field(repr=False)
    nationality: str = field(repr=False)
    birth_date: dt.date | None = field(repr=False)
    sex: str = field(repr=False)
    expiry: dt.date | None = field(repr=False)
    optional_data: str = field(repr=False)
    checks: dict[str, bool]
    # How sure the reader was of its least sure character (0…1); 1 for typed text.
    confidence: float = 1.0

    @property
    def valid(self) -> bool:
        """Every check digit passes, both dates are real dates and every glyph was clear."""
        return all(self.checks.values()) and self.confidence >= MIN_CONFIDENCE

    @property
    def text(self) -> str:
        """The zone as printed, one line per row."""
        return "\n".join(self.lines)

    @property
    def fields(self) -> dict[str, str | None]:
        """The fields a form can prefill; dates are ISO (YYYY-MM-DD) or None when unreadable."""
        return {
            "document_number": self.document_number,
            "surname": self.surname,
            "given_names": self.given_names,
            "nationality": self.nationality,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "sex": self.sex,
            "expiry": self.expiry.isoformat() if self.expiry else None,
        }

    @property
    def problems(self) -> list[Problem]:
        """One Problem per failed check, saying which field to look at."""
        return [
            Problem(
                "mrz_check_failed",
                name,
                Bilingual(
                    f"لم يتطابق رقم التحقق في {_FIELD_NAMES[name].ar}؛ تحقق من القيمة أو أعد المسح",
                    f"The check digit of the {_FIELD_NAMES[name].en} does not match; "
                    "check the value or scan again",
                ),
            )
            for name, ok in self.checks.items()
            if not ok
        ]

    def to_dict(self) -> dict:
        """Everything, JSON-ready: the prefillable fields plus the rest of the zone."""
        return {
            "format": self.format,
            "document_type": self.document_type,
            "issuing_state": self.issuing_state,
            **self.fields,
            "optional_data": self.optional_data,
            "checks": dict(self.checks),
            "confidence": round(self.confidence, 3),
            "valid": self.valid,
        }


def parse_mrz(lines: list[str] | tuple[str, ...] | str, today: dt.date | None = None):
    """Parse a TD3 (2×44) or TD1 (3×30) zone; None when the text has neither shape.

    Characters outside the MRZ alphabet become '<'. Ambiguous glyphs are resolved by field type
    and, in the document number, by the check digit.
    """
    if isinstance(lines, str):
        lines = lines.split()
    rows = [_clean(line) for line in lines if line.strip()]
    today = today or dt.date.today()
    if len(rows) == 2 and all(len(r) == TD3_LENGTH for r in rows):
        return _parse_td3(rows, today)
    if len(rows) == 3 and all(len(r) == TD1_LENGTH for r in rows):
        return _parse_td1(rows, today)
    return None


def _clean(line: str) -> str:
    line = line.strip().upper().replace(" ", "")
    return "".join(c if c in ALPHABET else FILLER for c in line)


def _parse_td3(rows: list[str], today: dt.date) -> MrzResult:
    top, bottom = rows
    top = _alpha(top[0:5]) + _alpha(top[5:44])
    nationality = _alpha(bottom[10:13])
    birth, birth_check = _numeric(bottom[13:19]), _numeric(bottom[19])
    sex = _alpha(bottom[20])
    expiry, expiry_check = _numeric(bottom[21:27]), _numeric(bottom[27])
    optional, optional_check = bottom[28:42], _numeric(bottom[42])
    composite = _numeric(bottom[43])

    def line2(number: str, optional: str) -> str:
        return (
            number
            + number_check
            + nationality
            + birth
            + birth_check
            + sex
            + expiry
            + expiry_check
            + optional
            + optional_check
            + composite
        )

    def composite_passes(line: str) -> bool:
        return _check_passes(line[0:10] + line[13:20] + line[21:43], line[43])

    # Both alphanumeric fields have a check digit, and the composite covers both.
    number, number_check = bottom[0:9], _numeric(bottom[9])
    optional, _ = _resolve(
        optional, optional_check, lambda o: composite_passes(line2(number, o[:-1]))
    )
    number, number_ok = _resolve(
        number, number_check, lambda n: composite_passes(line2(n[:-1], optional))
    )
    bottom = line2(number, optional)
    return _result(
        "TD3",
        (top, bottom),
        top,
        number=number,
        number_ok=number_ok,
        names=top[5:44],
        dates=(bottom[13:20], bottom[21:28]),
        sex=sex,
        nationality=nationality,
        optional=(optional, optional_check),
        composite=composite_passes(bottom),
        today=today,
    )


def _parse_td1(rows: list[str], today: dt.date) -> MrzResult:
    top, middle, bottom = rows
    middle = (
        _numeric(middle[0:7])
        + _alpha(middle[7])
        + _numeric(middle[8:15])
        + _alpha(middle[15:18])
        + middle[18:29]
        + _numeric(middle[29])
    )
    bottom = _alpha(bottom)

    def composite_passes(line1: str) -> bool:
        return _check_passes(line1[5:30] + middle[0:7] + middle[8:15] + middle[18:29], middle[29])

    if top[14] == FILLER and top[15:30].strip(FILLER):
        # A number longer than 9 characters goes on into the optional data, its check digit
        # last (ICAO 9303 part 5); rare enough that it is only checked, not corrected.
        tail = top[15:30].split(FILLER)[0]
        number = top[5:14] + tail[:-1]
        number_ok = _check_passes(number, _numeric(tail[-1:]) or FILLER)
        top = _alpha(top[0:5]) + top[5:30]
    else:
        number, number_ok = _resolve(
            top[5:14],
            _numeric(top[14]),
            lambda n: composite_passes(top[0:5] + n + top[15:30]),
        )
        top = _alpha(top[0:5]) + number + _numeric(top[14]) + top[15:30]
    return _result(
        "TD1",
        (top, middle, bottom),
        top,
        number=number,
        number_ok=number_ok,
        names=bottom,
        dates=(middle[0:7], middle[8:15]),
        sex=middle[7],
        nationality=middle[15:18],
        optional=(top[15:30] + middle[18:29], None),
        composite=composite_passes(top),
        today=today,
    )


def _result(
    kind,
    lines,
    top,
    *,
    number,
    number_ok,
    names,
    dates,
    sex,
    nationality,
    optional,
    composite,
    today,
) -> MrzResult:
    """Assemble the result from the corrected zone (both layouts share it)."""
    birth = _date(dates[0][:6], today, future=False)
    expiry = _date(dates[1][:6], today, future=True)
    checks = {
        "document_number": number_ok,
        "birth_date": _check_passes(dates[0][:6], dates[0][6]) and birth is not None,
        "expiry": _check_passes(dates[1][:6], dates[1][6]) and expiry is not None,
    }
    optional_data, optional_check = optional
    if optional_check is not None:
        checks["optional_data"] = _check_passes(optional_data, optional_check)
    checks["composite"] = composite
    surname, given = _names(names)
    return MrzResult(
        format=kind,
        lines=tuple(lines),
        document_type=top[0:2].strip(FILLER),
        issuing_state=top[2:5].strip(FILLER),
        document_number=number.strip(FILLER),
        surname=surname,
        given_names=given,
        nationality=nationality.strip(FILLER),
        birth_date=birth,
        sex=sex if sex in "MF" else "X",
        expiry=expiry,
        optional_data=optional_data.strip(FILLER),
        checks=checks,
    )


def _numeric(text: str) -> str:
    """Digits only (fillers stay): a letter that looks like a digit becomes that digit."""
    return "".join(LETTER_TO_DIGIT.get(c, c) for c in text)


def _alpha(text: str) -> str:
    """Letters only (fillers stay): a digit that looks like a letter becomes that letter."""
    return "".join(DIGIT_TO_LETTER.get(c, c) for c in text)


def _resolve(raw: str, digit: str, also) -> tuple[str, bool]:
    """An alphanumeric field whose check digit passes, trying the ambiguous glyphs if the raw
    reading fails.

    A substituted reading must pass both the field's check digit and `also(field + digit)`
    (the composite check); it is kept only when exactly one does. Otherwise the raw reading is
    returned, marked as failing, and the user types the value.
    """
    if _check_passes(raw, digit):
        return raw, True
    uncertain = [i for i, c in enumerate(raw) if c in _SWAP]
    for count in range(1, _MAX_SUBSTITUTIONS + 1):
        passing = set()
        for positions in itertools.combinations(uncertain, count):
            chars = list(raw)
            for i in positions:
                chars[i] = _SWAP[chars[i]]
            candidate = "".join(chars)
            if _check_passes(candidate, digit) and also(candidate + digit):
                passing.add(candidate)
        if passing:
            # The fewest substitutions win; a tie means the checks cannot tell.
            return (passing.pop(), True) if len(passing) == 1 else (raw, False)
    return raw, False


def _names(text: str) -> tuple[str, str]:
    """Surname and given names: '<<' separates them, '<' separates words."""
    surname, _, given = text.partition("<<")
    return _words(surname), _words(given)


def _words(text: str) -> str:
    return " ".join(w for w in text.split(FILLER) if w)


def _date(text: str, today: dt.date, future: bool) -> dt.date | None:
    """YYMMDD to a date; the century is the one that makes sense for a birth or an expiry."""
    if len(text) != 6 or not text.isdigit():
        return None
    yy, month, day = int(text[0:2]), int(text[2:4]), int(text[4:6])
    year = 2000 + yy
    # Births are in the past; expiries at most a few decades ahead (old documents: 19xx).
    if (not future and year > today.year) or (future and year > today.year + 50):
        year -= 100
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
