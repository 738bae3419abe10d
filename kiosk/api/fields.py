"""The account fields as the contract defines them: normalise what the user typed, check it.

The screens check each field as the server will (same patterns as openapi.yaml), so the user
sees a problem next to the field before sending; the server's own refusal, if any, still names
its field and is shown the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from kiosk.domain import personal_number
from kiosk.domain.catalog import account_category_names
from kiosk.domain.model import AccountCategory
from kiosk.errors import Problem
from kiosk.texts import Bilingual, to_western_digits

# The contract's fields and patterns. sandbox/accounts.py and sandbox/validation.py keep their own
# copy on purpose: the kiosk and the sandbox share only the contract, never code. The categories
# are the domain's (kiosk.domain.model.AccountCategory, the contract's ids); their names are the
# catalog's (`CATEGORY_NAMES`, read from the bundled catalog on first use).
CATEGORIES = tuple(c.value for c in AccountCategory)
INDIVIDUAL_FIELDS = (
    "full_name",
    "date_of_birth",
    "nationality",
    "national_number",
    "passport_number",
    "personal_number",
    "phone",
    "email",
)
INSTITUTION_FIELDS = (
    "organisation_name",
    "registration_number",
    "contact_name",
    "passport_number",
    "phone",
    "email",
)
EDITABLE = ("phone", "passport_number", "email")

_PATTERNS = {
    "username": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{3,31}"),
    "phone": re.compile(r"07[789][0-9]{7}|(\+|00)[1-9][0-9]{7,14}"),
    "email": re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+"),
    "passport_number": re.compile(r"[A-Z0-9]{5,20}"),
    "personal_number": re.compile(r"(10|80)[0-9]{8}"),
    "national_number": re.compile(r"[0-9]{10}"),
    "nationality": re.compile(r"[A-Z]{3}"),
    "registration_number": re.compile(r"[A-Za-z0-9/-]{1,30}"),
}
_MAX_LENGTH = {"organisation_name": 150}
_CODES = {
    "username": "invalid_username",
    "phone": "invalid_phone",
    "email": "invalid_email",
    "passport_number": "invalid_passport_number",
    "personal_number": "invalid_personal_number",
    "national_number": "invalid_national_number",
}
MESSAGES = {
    "field_required": Bilingual("هذا الحقل مطلوب.", "This field is required."),
    "invalid_value": Bilingual("القيمة غير صالحة.", "The value is invalid."),
    "invalid_username": Bilingual(
        "اسم المستخدم من 4 إلى 32 حرفاً لاتينياً أو رقماً، ويمكن أن يحتوي . _ -",
        "The username is 4 to 32 Latin letters or digits, and may contain . _ -",
    ),
    "weak_password": Bilingual(
        "كلمة المرور من 8 أحرف على الأقل وتحتوي على حرف ورقم.",
        "The password needs at least 8 characters with a letter and a digit.",
    ),
    "passwords_differ": Bilingual(
        "كلمتا المرور غير متطابقتين.", "The two passwords are not the same."
    ),
    "invalid_phone": Bilingual(
        "رقم الهاتف غير صحيح: 07XXXXXXXX أو بالصيغة الدولية +962…",
        "The phone number is invalid: 07XXXXXXXX or international +962…",
    ),
    "invalid_email": Bilingual("البريد الإلكتروني غير صحيح.", "The e-mail address is invalid."),
    "invalid_passport_number": Bilingual(
        "رقم جواز السفر من 5 إلى 20 حرفاً لاتينياً أو رقماً.",
        "The passport number is 5 to 20 Latin letters or digits.",
    ),
    "invalid_personal_number": Bilingual(
        "الرقم الشخصي للأجانب 10 أرقام تبدأ بـ 10 أو 80.",
        "The foreigner's personal number is 10 digits starting with 10 or 80.",
    ),
    "invalid_national_number": Bilingual(
        "الرقم الوطني 10 أرقام.", "The national number is 10 digits."
    ),
    "invalid_date": Bilingual(
        "التاريخ غير صحيح (سنة-شهر-يوم).", "The date is invalid (year-month-day)."
    ),
}


def normalise(name: str, value: str) -> str:
    """What the user typed, in the form the contract wants (digits 0-9, no stray spaces…)."""
    if name == "personal_number":
        return personal_number.normalise(value or "")
    value = to_western_digits(value or "").strip()
    if name in ("phone", "national_number"):
        value = re.sub(r"[\s-]", "", value)
    if name in ("passport_number", "nationality"):
        value = re.sub(r"\s", "", value).upper()
    if name == "email":
        value = value.lower()
    return value


def check(name: str, value: str, required: bool = True) -> Problem | None:
    """The problem with one normalised field, or None if the server will accept it."""
    if not value:
        return _problem("field_required", name) if required else None
    if name == "password":
        ok = len(value) >= 8 and any(c.isalpha() for c in value) and any(c.isdigit() for c in value)
        return None if ok and len(value) <= 128 else _problem("weak_password", name)
    if name == "date_of_birth":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return _problem("invalid_date", name)
        ok = len(value) == 10 and dt.date(1900, 1, 1) <= day <= dt.date.today()
        return None if ok else _problem("invalid_date", name)
    pattern = _PATTERNS.get(name)
    if pattern is not None and not pattern.fullmatch(value):
        return _problem(_CODES.get(name, "invalid_value"), name)
    if pattern is None and not 2 <= len(value) <= _MAX_LENGTH.get(name, 100):
        return _problem("invalid_value", name)
    return None


def registration_problems(category: str, values: dict) -> tuple[dict, list[Problem]]:
    """The registration body for a category from typed values, and every problem in it."""
    individual = category == "individual"
    names = INDIVIDUAL_FIELDS if individual else INSTITUTION_FIELDS
    body: dict = {"category": category}
    problems: list[Problem] = []
    for name in ("username", "password", *names):
        value = values.get(name, "") if name == "password" else normalise(name, values.get(name))
        optional = name in ("passport_number", "personal_number", "national_number")
        problem = check(name, value, required=not optional)
        if problem:
            problems.append(problem)
        if value:
            body[name] = value
    if values.get("password_again") is not None and values["password_again"] != values.get(
        "password"
    ):
        problems.append(_problem("passwords_differ", "password_again"))
    if individual:
        # A Jordanian is known by the national number, a foreigner by the passport.
        needed = "national_number" if body.get("nationality") == "JOR" else "passport_number"
        if needed not in body and not any(p.field == needed for p in problems):
            problems.append(_problem("field_required", needed))
    if values.get("language") in ("ar", "en"):
        body["language"] = values["language"]
    return body, problems


def _problem(code: str, field: str) -> Problem:
    return Problem(code, field, MESSAGES[code])


def __getattr__(name: str):
    # CATEGORY_NAMES is read from the bundled catalog when first asked for, not on import.
    if name == "CATEGORY_NAMES":
        return account_category_names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
