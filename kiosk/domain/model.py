"""The application draft: what the "apply" wizard fills in, step by step, before sending.

Plain dataclasses, serialisable to and from JSON-ready dicts (`to_dict` / `from_dict`) so a draft
can be kept in the drafts store and resumed. Dates are ISO strings in the dict form. Reading a
dict never raises anything but KioskError("draft.malformed") naming the field that is wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.errors import KioskError
from kiosk.texts import Bilingual

JORDAN = "JOR"  # ISO 3166 alpha-3; every other nationality is a foreigner's


class Priority(StrEnum):
    """Request importance (أهمية الطلب)."""

    NORMAL = "normal"  # عادي
    URGENT = "urgent"  # عاجل


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"


class Relation(StrEnum):
    """The beneficiary's relation to the applicant (the account holder)."""

    SELF = "self"  # the applicant is among the beneficiaries (bank deposit, naturalization)
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    OTHER = "other"


class AccountCategory(StrEnum):
    """Registration categories of the e-account, spelled as the API contract's `Category`.

    The ids are the contract's (openapi.yaml), shared by the catalog's `account_categories`, its
    `who_may_apply` lists and the activation letter; their bilingual names live in the catalog.
    """

    INDIVIDUAL = "individual"
    COMPANY = "company"
    GOVERNMENT = "government"
    EDUCATIONAL = "educational"
    DIPLOMATIC = "diplomatic"
    CIVIL_SOCIETY = "civil_society"
    HOSPITAL = "hospital"
    TOURISM_OFFICE = "tourism_office"


@dataclass
class Companion:
    """A person under 16 without a passport of their own, added to one beneficiary's card."""

    name: str = ""
    birth_date: dt.date | None = None
    has_passport: bool = False


@dataclass
class Beneficiary:
    """A person the request is for (المستدعى له)."""

    name: str = ""
    personal_number: str = ""
    passport_number: str = ""
    passport_expiry: dt.date | None = None
    nationality: str = ""  # ISO 3166 alpha-3
    birth_date: dt.date | None = None
    relation: Relation = Relation.OTHER
    companions: list[Companion] = field(default_factory=list)


@dataclass
class Applicant:
    """The account holder who sends the request (مقدم الطلب): the requester or sponsor."""

    name: str = ""
    sex: Sex | None = None
    account_category: AccountCategory = AccountCategory.INDIVIDUAL
    nationality: str = ""  # ISO 3166 alpha-3
    personal_number: str = ""  # foreigners
    national_number: str = ""  # Jordanians
    # The expiry of the applicant's own annual residence (a foreign sponsor must hold a valid one).
    annual_residence_expiry: dt.date | None = None

    @property
    def is_foreign(self) -> bool:
        return bool(self.nationality) and self.nationality != JORDAN


@dataclass
class Attachment:
    """A document attached to the request: for one beneficiary (index) or the whole request."""

    document_id: str
    beneficiary_index: int | None = None
    pages: list[str] = field(default_factory=list)  # page references (stored image ids/hashes)


@dataclass
class Draft:
    """An application being prepared: service, priority, extra fields, people and documents.

    `draft_id` is the draft's identity on this kiosk; sealing uses it as the outbox item's id,
    so the same draft can never be sealed twice (a crash between sealing and discarding the saved
    draft would otherwise offer it again, to be sent a second time).
    """

    draft_id: str = ""
    service_id: str = ""
    priority: Priority = Priority.NORMAL
    extra: dict[str, Any] = field(default_factory=dict)
    applicant: Applicant = field(default_factory=Applicant)
    beneficiaries: list[Beneficiary] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def persons(self) -> int:
        """Persons counted for the fee: the beneficiaries (seed 001: per المستدعى له)."""
        return len(self.beneficiaries)

    def attachment(self, document_id: str, beneficiary_index: int | None) -> Attachment | None:
        return next(
            (
                a
                for a in self.attachments
                if a.document_id == document_id and a.beneficiary_index == beneficiary_index
            ),
            None,
        )

    def to_dict(self) -> dict:
        """A JSON-ready dict (dates as ISO strings, enums as their values)."""
        return {
            "draft_id": self.draft_id,
            "service_id": self.service_id,
            "priority": self.priority.value,
            "extra": dict(self.extra),
            "applicant": {
                "name": self.applicant.name,
                "sex": self.applicant.sex.value if self.applicant.sex else None,
                "account_category": self.applicant.account_category.value,
                "nationality": self.applicant.nationality,
                "personal_number": self.applicant.personal_number,
                "national_number": self.applicant.national_number,
                "annual_residence_expiry": _iso(self.applicant.annual_residence_expiry),
            },
            "beneficiaries": [
                {
                    "name": b.name,
                    "personal_number": b.personal_number,
                    "passport_number": b.passport_number,
                    "passport_expiry": _iso(b.passport_expiry),
                    "nationality": b.nationality,
                    "birth_date": _iso(b.birth_date),
                    "relation": b.relation.value,
                    "companions": [
                        {
                            "name": c.name,
                            "birth_date": _iso(c.birth_date),
                            "has_passport": c.has_passport,
                        }
                        for c in b.companions
                    ],
                }
                for b in self.beneficiaries
            ],
            "attachments": [
                {
                    "document_id": a.document_id,
                    "beneficiary_index": a.beneficiary_index,
                    "pages": list(a.pages),
                }
                for a in self.attachments
            ],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Draft:
        """The draft in `data` (as `to_dict` writes it); KioskError("draft.malformed") if not."""
        r = _Reader(data, "")
        applicant = r.child("applicant")
        return cls(
            draft_id=r.text("draft_id"),
            service_id=r.text("service_id"),
            priority=r.enum("priority", Priority, Priority.NORMAL),
            extra=r.mapping("extra"),
            applicant=Applicant(
                name=applicant.text("name"),
                sex=applicant.enum("sex", Sex, None),
                account_category=applicant.enum(
                    "account_category", AccountCategory, AccountCategory.INDIVIDUAL
                ),
                nationality=applicant.text("nationality"),
                personal_number=applicant.text("personal_number"),
                national_number=applicant.text("national_number"),
                annual_residence_expiry=applicant.date("annual_residence_expiry"),
            ),
            beneficiaries=[_beneficiary(b) for b in r.children("beneficiaries")],
            attachments=[
                Attachment(
                    document_id=a.text("document_id"),
                    beneficiary_index=a.index("beneficiary_index"),
                    pages=a.texts("pages"),
                )
                for a in r.children("attachments")
            ],
        )


def _beneficiary(r: _Reader) -> Beneficiary:
    return Beneficiary(
        name=r.text("name"),
        personal_number=r.text("personal_number"),
        passport_number=r.text("passport_number"),
        passport_expiry=r.date("passport_expiry"),
        nationality=r.text("nationality"),
        birth_date=r.date("birth_date"),
        relation=r.enum("relation", Relation, Relation.OTHER),
        companions=[
            Companion(
                name=c.text("name"),
                birth_date=c.date("birth_date"),
                has_passport=c.flag("has_passport"),
            )
            for c in r.children("companions")
        ],
    )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class _Reader:
    """Reads one dict of a draft, raising KioskError with the dotted path of a bad value."""

    def __init__(self, data: Any, path: str):
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise _malformed(path or "draft")
        self.data = data
        self.path = path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, kinds, default):
        value = self.data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise _malformed(self._where(key))
        return value

    def text(self, key: str) -> str:
        return self._get(key, (str,), "")

    def flag(self, key: str) -> bool:
        return self._get(key, (bool,), False)

    def index(self, key: str) -> int | None:
        value = self._get(key, (int,), None)
        if value is not None and value < 0:
            raise _malformed(self._where(key))
        return value

    def texts(self, key: str) -> list[str]:
        values = self._get(key, (list,), [])
        if not all(isinstance(v, str) for v in values):
            raise _malformed(self._where(key))
        return list(values)

    def mapping(self, key: str) -> dict:
        return dict(self._get(key, (dict,), {}))

    def date(self, key: str) -> dt.date | None:
        value = self._get(key, (str,), "")
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _malformed(self._where(key)) from None

    def enum(self, key: str, kind, default):
        value = self._get(key, (str,), None)
        if value is None or value == "":
            return default
        try:
            return kind(value)
        except ValueError:
            raise _malformed(self._where(key)) from None

    def child(self, key: str) -> _Reader:
        return _Reader(self.data.get(key), self._where(key))

    def children(self, key: str) -> list[_Reader]:
        items = self._get(key, (list,), [])
        return [_Reader(item, f"{self._where(key)}.{i}") for i, item in enumerate(items)]


def _malformed(where: str) -> KioskError:
    return KioskError(
        "draft.malformed",
        Bilingual(
            f"بيانات الطلب المحفوظة غير صالحة ({where}). ابدأ طلبًا جديدًا أو راجع الموظف.",
            f"The saved request data is not valid ({where}). Start a new request or ask staff.",
        ),
        field=where,
    )
