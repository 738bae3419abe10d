"""The data each document prints, as typed objects built from a dict with validation.

`from_dict` reads every field, collects every mistake as a Problem and raises ReceiptDataError
(a KioskError) with all of them, so the caller can say exactly what to fix. Unknown fields are
mistakes too: a document prints only what its type names, so a password or a token handed in by
accident is refused, never printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from kiosk.domain.dates import add_months
from kiosk.domain.model import AccountCategory
from kiosk.domain.personal_number import PATTERN as PERSONAL_NUMBER
from kiosk.receipts.fields import FieldReader
from kiosk.texts import Bilingual

REQUEST_NUMBER = r"[A-Z0-9][A-Z0-9/-]{3,31}"
REQUEST_NUMBER_TEXT = (
    "رقماً من 4 إلى 32 خانة (أحرف لاتينية وأرقام و - و /)",
    "4 to 32 characters: Latin letters, digits, - or /",
)
PASSPORT_NUMBER = r"[A-Z0-9]{5,15}"
# eFAWATEERcom billing numbers are alphanumeric, up to 30 characters.
BILL_NUMBER = r"[A-Z0-9]{4,30}"
APPROVAL_VALIDITY_MONTHS = 6


@dataclass(frozen=True)
class Person:
    """Someone named on a document; identity numbers are kept whole here and masked on paper."""

    name: str
    personal_number: str | None = None
    passport_number: str | None = None


@dataclass(frozen=True)
class Station:
    """Where the document was produced: the kiosk's id and its place."""

    kiosk_id: str
    place: Bilingual


@dataclass(frozen=True)
class ApplicationReceipt:
    """The receipt for an application sent (or saved to be sent) from the kiosk."""

    request_number: str
    service: Bilingual
    applicant: Person
    beneficiaries: int
    priority: str  # "normal" | "urgent"
    fee_jod: Decimal
    expected_completion: dt.date
    station: Station
    created_at: dt.datetime
    delivery: str  # "saved_offline" | "received"

    @classmethod
    def from_dict(cls, data) -> ApplicationReceipt:
        r = FieldReader(data)
        values = dict(
            request_number=r.pattern("request_number", REQUEST_NUMBER, *REQUEST_NUMBER_TEXT),
            service=r.bilingual("service"),
            applicant=_person(r.object("applicant")),
            beneficiaries=r.count("beneficiaries", 1, 99),
            priority=r.choice("priority", ("normal", "urgent")),
            fee_jod=r.amount("fee_jod"),
            expected_completion=r.date("expected_completion"),
            station=_station(r.object("station")),
            created_at=r.datetime("created_at"),
            delivery=r.choice("delivery", ("saved_offline", "received")),
        )
        return _build(cls, r, values)


@dataclass(frozen=True)
class PaymentSlip:
    """What a person needs to pay a fee through eFAWATEERcom, a bank or a card."""

    bill_number: str
    service: Bilingual
    request_number: str
    amount_jod: Decimal
    due_date: dt.date
    issued_at: dt.datetime
    station: Station | None = None

    @classmethod
    def from_dict(cls, data) -> PaymentSlip:
        r = FieldReader(data)
        values = dict(
            bill_number=r.pattern(
                "bill_number",
                BILL_NUMBER,
                "رقم فاتورة من 4 إلى 30 خانة (أرقام وأحرف لاتينية)",
                "a bill number of 4 to 30 digits or Latin letters",
            ),
            service=r.bilingual("service"),
            request_number=r.pattern("request_number", REQUEST_NUMBER, *REQUEST_NUMBER_TEXT),
            amount_jod=r.amount("amount_jod"),
            due_date=r.date("due_date"),
            issued_at=r.datetime("issued_at"),
            station=_station(r.object("station", required=False)),
        )
        return _build(cls, r, values, optional=("station",))


@dataclass(frozen=True)
class ApprovalNotice:
    """The ministry's approval of a request, and until when it can be used."""

    request_number: str
    service: Bilingual
    decision: Bilingual
    beneficiaries: tuple[Person, ...]
    approval_date: dt.date
    issued_at: dt.datetime
    station: Station | None = None

    @property
    def valid_until(self) -> dt.date:
        """The last day the approval can be used: the approval date plus 6 calendar months."""
        return add_months(self.approval_date, APPROVAL_VALIDITY_MONTHS)

    @classmethod
    def from_dict(cls, data) -> ApprovalNotice:
        r = FieldReader(data)
        people = [_person(item) for item in r.items("beneficiaries", 1, 99)]
        values = dict(
            request_number=r.pattern("request_number", REQUEST_NUMBER, *REQUEST_NUMBER_TEXT),
            service=r.bilingual("service"),
            decision=r.bilingual("decision"),
            beneficiaries=tuple(people) if people and all(people) else None,
            approval_date=r.date("approval_date"),
            issued_at=r.datetime("issued_at"),
            station=_station(r.object("station", required=False)),
        )
        return _build(cls, r, values, optional=("station",))


@dataclass(frozen=True)
class ActivationLetter:
    """For an institution's account: what to bring to the one activation visit, and where."""

    account_category: str
    institution: str
    account_reference: str
    registered_at: dt.datetime
    visit_place: Bilingual | None = None
    station: Station | None = None

    @classmethod
    def from_dict(cls, data) -> ActivationLetter:
        r = FieldReader(data)
        category = r.choice("account_category", tuple(AccountCategory))
        if category == AccountCategory.INDIVIDUAL:
            r.problem(
                "receipt.individual_needs_no_visit",
                "account_category",
                Bilingual(
                    ar="حسابات الأفراد تُفعَّل مباشرة وإلكترونياً، ولا تحتاج إلى مراجعة الوزارة",
                    en="Individual accounts are activated at once, electronically: no visit needed",
                ),
            )
            category = None
        values = dict(
            account_category=category,
            institution=r.text("institution"),
            account_reference=r.pattern(
                "account_reference",
                REQUEST_NUMBER,
                "مرجعاً من 4 إلى 32 خانة (أحرف لاتينية وأرقام و - و /)",
                "a reference of 4 to 32 Latin letters, digits, - or /",
            ),
            registered_at=r.datetime("registered_at"),
            visit_place=r.bilingual("visit_place", required=False),
            station=_station(r.object("station", required=False)),
        )
        return _build(cls, r, values, optional=("visit_place", "station"))


# ---- helpers -------------------------------------------------------------------------------


def _person(r: FieldReader | None) -> Person | None:
    if r is None:
        return None
    person = Person(
        name=r.text("name"),
        personal_number=r.pattern(
            "personal_number",
            PERSONAL_NUMBER,
            "رقماً شخصياً من 10 خانات يبدأ بـ 10 أو 80",
            "a 10-digit personal number starting with 10 or 80",
            required=False,
        ),
        passport_number=r.pattern(
            "passport_number",
            PASSPORT_NUMBER,
            "رقم جواز من 5 إلى 15 خانة (أحرف لاتينية وأرقام)",
            "a passport number of 5 to 15 Latin letters or digits",
            required=False,
        ),
    )
    r.finish()
    return person if person.name else None


def _station(r: FieldReader | None) -> Station | None:
    if r is None:
        return None
    kiosk_id = r.text("kiosk_id", max_len=40)
    place = r.bilingual("place")
    r.finish()
    return Station(kiosk_id, place) if kiosk_id and place else None


def _build(cls, r: FieldReader, values: dict, optional: tuple[str, ...] = ()):
    r.finish()
    r.raise_if_problems()
    # Every required value is present here: a None would have recorded a Problem.
    assert all(v is not None for k, v in values.items() if k not in optional)
    return cls(**values)
