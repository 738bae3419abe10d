"""Reading a document's data from a dict (JSON): every mistake becomes a Problem, never a crash.

A `FieldReader` wraps one JSON object. Each accessor returns the typed value, or None after
recording a Problem (stable code, dotted field path, Arabic and English message), so a caller
reads all fields and then reports every mistake at once.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from kiosk.errors import KioskError, Problem
from kiosk.texts import Bilingual, to_western_digits

MAX_TEXT = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ReceiptDataError(KioskError):
    """The data for a document has mistakes; `problems` lists each one."""

    def __init__(self, problems: list[Problem]):
        count = len(problems)
        super().__init__(
            "receipt.invalid_data",
            Bilingual(
                ar=f"بيانات المستند غير صالحة ({count} خطأ)",
                en=f"The document's data is not valid ({count} problem(s))",
            ),
        )
        self.problems = list(problems)

    def __str__(self) -> str:
        return "; ".join(f"{p.field or '-'}: {p.message.en}" for p in self.problems)


class FieldReader:
    """Typed, validated access to the fields of one JSON object, collecting Problems."""

    def __init__(self, data, problems: list[Problem] | None = None, prefix: str = ""):
        self.problems: list[Problem] = [] if problems is None else problems
        self.prefix = prefix
        self._used: set[str] = set()
        self.data: dict = data if isinstance(data, dict) else {}
        # Not an object at all: one Problem for it, not one more for each field it lacks.
        self._readable = isinstance(data, dict)
        if not self._readable:
            self._problem(
                "receipt.not_an_object",
                "",
                "يجب أن تكون البيانات كائناً بحقول مسمّاة",
                "The data must be an object with named fields",
            )

    # ---- accessors -------------------------------------------------------------------------

    def text(self, name: str, required: bool = True, max_len: int = MAX_TEXT) -> str | None:
        """A line of text (trimmed, Western digits, no control characters)."""
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            return self._bad(name, "نصاً غير فارغ", "non-empty text")
        value = to_western_digits(" ".join(value.split()))
        if _CONTROL.search(value) or len(value) > max_len:
            return self._bad(
                name, f"نصاً لا يزيد على {max_len} حرفاً", f"text of at most {max_len} characters"
            )
        return value

    def pattern(self, name: str, regex: str, ar: str, en: str, required: bool = True) -> str | None:
        """Text that must match `regex` in full (upper-cased, spaces removed); ar/en describe it."""
        value = self._get(name, required)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self._bad(name, ar, en)
        value = to_western_digits("".join(value.split())).upper()
        if not re.fullmatch(regex, value):
            return self._bad(name, ar, en)
        return value

    def bilingual(self, name: str, required: bool = True) -> Bilingual | None:
        """An {"ar": …, "en": …} text."""
        value = self._get(name, required)
        if value is None:
            return None
        inner = self.child(name)
        ar, en = inner.text("ar"), inner.text("en")
        inner.finish()
        return Bilingual(ar, en) if ar and en else None

    def choice(self, name: str, choices: tuple[str, ...], required: bool = True) -> str | None:
        """One of a fixed set of codes."""
        value = self._get(name, required)
        if value is None:
            return None
        if value not in choices:
            listed = " | ".join(choices)
            return self._bad(name, f"إحدى القيم: {listed}", f"one of: {listed}")
        return value

    def count(self, name: str, low: int, high: int, required: bool = True) -> int | None:
        """A whole number between low and high."""
        value = self._get(name, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return self._bad(
                name, f"عدداً صحيحاً من {low} إلى {high}", f"a whole number from {low} to {high}"
            )
        return value

    def amount(self, name: str, required: bool = True) -> Decimal | None:
        """An amount in JOD: not negative, at most 3 decimals (fils), given as text or number."""
        value = self._get(name, required)
        if value is None:
            return None
        expected = (
            "مبلغاً بالدينار بثلاث خانات عشرية على الأكثر",
            "an amount in JOD with at most 3 decimals",
        )
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self._bad(name, *expected)
        try:
            amount = Decimal(to_western_digits(str(value)).strip())
        except InvalidOperation:
            return self._bad(name, *expected)
        if not amount.is_finite() or amount < 0 or amount >= 1_000_000:
            return self._bad(name, *expected)
        if amount != amount.quantize(Decimal("0.001")):
            return self._bad(name, *expected)
        return amount.quantize(Decimal("0.001"))

    def date(self, name: str, required: bool = True) -> dt.date | None:
        """A calendar date, YYYY-MM-DD."""
        value = self._get(name, required)
        if value is None:
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return dt.date.fromisoformat(to_western_digits(value))
        except ValueError:
            return self._bad(
                name, "تاريخاً بالصيغة YYYY-MM-DD", "a date as YYYY-MM-DD", code="receipt.bad_date"
            )

    def datetime(self, name: str, required: bool = True) -> dt.datetime | None:
        """A date and time, ISO 8601 (YYYY-MM-DDTHH:MM[:SS][±HH:MM]); printed as given."""
        value = self._get(name, required)
        if value is None:
            return None
        try:
            if not isinstance(value, str) or len(value) < 16:
                raise ValueError
            return dt.datetime.fromisoformat(to_western_digits(value))
        except ValueError:
            return self._bad(
                name,
                "تاريخاً ووقتاً بالصيغة YYYY-MM-DDTHH:MM",
                "a date and time as YYYY-MM-DDTHH:MM",
                code="receipt.bad_datetime",
            )

    def child(self, name: str) -> FieldReader:
        """A reader for a nested object, sharing this reader's Problem list."""
        self._used.add(name)
        return FieldReader(self.data.get(name), self.problems, self._path(name))

    def object(self, name: str, required: bool = True) -> FieldReader | None:
        """A reader for a nested object, or None when it is absent (a Problem if required)."""
        if self._get(name, required) is None:
            return None
        return self.child(name)

    def items(self, name: str, low: int, high: int) -> list[FieldReader]:
        """Readers for a list of objects, which must hold between low and high entries."""
        value = self._get(name, True)
        if value is None:
            return []
        if not isinstance(value, list) or not low <= len(value) <= high:
            self._bad(
                name, f"قائمة من {low} إلى {high} عنصراً", f"a list of {low} to {high} entries"
            )
            return []
        return [
            FieldReader(v, self.problems, self._path(f"{name}.{i}")) for i, v in enumerate(value)
        ]

    def has(self, name: str) -> bool:
        """True when the field is present and not null."""
        return self.data.get(name) is not None

    def finish(self) -> None:
        """Record a Problem for each field nobody read (a typo, or data that must not print)."""
        for name in sorted(set(self.data) - self._used):
            self._problem(
                "receipt.unknown_field",
                self._path(name),
                f"حقل غير معروف: {name}",
                f"Unknown field: {name}",
            )

    def raise_if_problems(self) -> None:
        """Raise ReceiptDataError when any Problem was recorded."""
        if self.problems:
            raise ReceiptDataError(self.problems)

    # ---- helpers ---------------------------------------------------------------------------

    def _get(self, name: str, required: bool):
        self._used.add(name)
        value = self.data.get(name)
        if value is None and required and self._readable:
            path = self._path(name)
            self._problem(
                "receipt.missing_field", path, f"الحقل مطلوب: {path}", f"Missing field: {path}"
            )
        return value

    def _bad(self, name: str, ar: str, en: str, code: str = "receipt.bad_value"):
        path = self._path(name)
        self._problem(code, path, f"يجب أن يكون الحقل {path} {ar}", f"{path} must be {en}")
        return None

    def problem(self, code: str, field: str, message: Bilingual) -> None:
        """Record a Problem found by the caller (a rule across fields)."""
        self.problems.append(Problem(code, self._path(field) if field else self.prefix, message))

    def _problem(self, code: str, field: str, ar: str, en: str) -> None:
        self.problems.append(Problem(code, field, Bilingual(ar=ar, en=en)))

    def _path(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name
