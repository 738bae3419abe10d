"""Fees and expected completion dates: exact JOD amounts with 3 decimals (fils).

Who counts as a person: the beneficiaries (المستدعى لهم). Seed 001 charges "2 JOD for each
beneficiary / person whose residence is issued or renewed" and counts "beneficiaries" against the
5-person urgent cap; companions (under 16, no passport) are added to a beneficiary's card and
are not counted. The glossary's general wording ("per person in the request") agrees.

Normal: 2 JOD per person. Urgent: 100 JOD covers up to 5 persons, plus 15 JOD for each person
above 5 (6 persons → 115 JOD). The amounts come from the service's fee rule in the catalog, with
any per-service part (e.g. the visa fee by visa type); a part the ministry has not confirmed is
flagged so the screen can say "to be confirmed by the ministry".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kiosk.domain.catalog import CatalogText, Service
from kiosk.domain.model import Priority
from kiosk.domain.workdays import add_working_days
from kiosk.errors import KioskError
from kiosk.texts import Bilingual

CURRENCY = "JOD"
FILS = Decimal("0.001")
MAX_PERSONS = 999  # a request with more is a typing mistake, not a family


@dataclass(frozen=True)
class FeeLine:
    """One line of the breakdown: what it is for, its amount, whether the ministry confirmed it."""

    label: Bilingual
    amount: Decimal
    confirmed: bool = True

    def to_dict(self) -> dict:
        return {
            "label": self.label.to_dict(),
            "amount": jod(self.amount),
            "confirmed": self.confirmed,
        }


@dataclass(frozen=True)
class FeeQuote:
    """The fee of a request and when it is expected to be done."""

    service_id: str
    priority: Priority
    persons: int
    amount: Decimal
    lines: tuple[FeeLine, ...]
    submission_date: dt.date
    earliest_date: dt.date
    expected_date: dt.date  # the latest completion date: max working days after submission
    working_days: int
    dates_confirmed: bool
    notes: tuple[CatalogText, ...] = ()
    currency: str = CURRENCY

    @property
    def confirmed(self) -> bool:
        """True when every amount and the processing time are confirmed by the ministry."""
        return self.dates_confirmed and all(line.confirmed for line in self.lines)

    def to_dict(self) -> dict:
        """JSON-ready: amounts as strings with 3 decimals, dates as ISO strings."""
        return {
            "service_id": self.service_id,
            "priority": self.priority.value,
            "persons": self.persons,
            "amount": jod(self.amount),
            "currency": self.currency,
            "breakdown": [line.to_dict() for line in self.lines],
            "submission_date": self.submission_date.isoformat(),
            "earliest_date": self.earliest_date.isoformat(),
            "expected_date": self.expected_date.isoformat(),
            "working_days": self.working_days,
            "confirmed": self.confirmed,
            "notes": [note.to_dict() for note in self.notes],
        }


def jod(amount: Decimal) -> str:
    """An amount as the ministry writes it: 3 decimals ("115.000")."""
    return str(amount.quantize(FILS))


def quote(
    service: Service,
    priority: Priority | str,
    persons: int,
    submission_date: dt.date,
    holidays: Iterable[dt.date] = (),
    extra: Mapping[str, Any] | None = None,
) -> FeeQuote:
    """The fee and dates for `persons` beneficiaries; KioskError if the request cannot be priced."""
    priority = _priority(priority)
    if isinstance(persons, bool) or not isinstance(persons, int) or not 1 <= persons <= MAX_PERSONS:
        raise KioskError(
            "fee.persons_invalid",
            Bilingual(
                f"عدد الأشخاص في الطلب يجب أن يكون بين 1 و{MAX_PERSONS}.",
                f"The number of persons in the request must be between 1 and {MAX_PERSONS}.",
            ),
            field="persons",
        )
    processing = service.processing_time(priority)
    if processing is None:
        raise KioskError(
            "service.priority_unavailable",
            Bilingual(
                "هذه الخدمة لا تتوفر بأهمية «عاجل». اختر «عادي».",
                "This service is not offered as urgent. Choose normal.",
            ),
            field="priority",
        )
    lines = list(_service_fee(service, priority, persons))
    notes = [service.fee.note] if service.fee.note and priority is Priority.URGENT else []
    field_line, field_note = _field_fee(service, persons, extra or {})
    if field_line:
        lines.append(field_line)
    if field_note:
        notes.append(field_note)
    holidays = tuple(holidays)
    return FeeQuote(
        service_id=service.id,
        priority=priority,
        persons=persons,
        amount=sum((line.amount for line in lines), Decimal(0)).quantize(FILS),
        lines=tuple(lines),
        submission_date=submission_date,
        earliest_date=add_working_days(submission_date, processing.min_days, holidays),
        expected_date=add_working_days(submission_date, processing.max_days, holidays),
        working_days=processing.max_days,
        dates_confirmed=processing.confirmed,
        notes=tuple(notes),
    )


def _priority(priority: Priority | str) -> Priority:
    try:
        return Priority(str(priority).strip().lower())
    except ValueError:
        raise KioskError(
            "fee.priority_invalid",
            Bilingual(
                "اختر أهمية الطلب: عادي أو عاجل.",
                "Choose the request's importance: normal or urgent.",
            ),
            field="priority",
        ) from None


def _service_fee(service: Service, priority: Priority, persons: int):
    rule = service.fee
    if priority is Priority.NORMAL:
        each = rule.normal.per_person
        yield FeeLine(
            Bilingual(
                f"بدل خدمة – طلب عادي: {jod(each)} دينار × {persons} {_persons_ar(persons)}",
                f"Service fee, normal request: {jod(each)} JOD × {persons} {_persons_en(persons)}",
            ),
            (each * persons).quantize(FILS),
            rule.normal.confirmed,
        )
        return
    urgent = rule.urgent
    included = urgent.included_persons
    yield FeeLine(
        Bilingual(
            f"بدل خدمة – طلب عاجل حتى {included} أشخاص",
            f"Service fee, urgent request for up to {included} persons",
        ),
        urgent.base.quantize(FILS),
        urgent.confirmed,
    )
    above = persons - included
    each = urgent.per_extra_person
    if above > 0:
        yield FeeLine(
            Bilingual(
                f"إضافة {jod(each)} دينار × {above} {_persons_ar(above)} فوق {included}",
                f"Plus {jod(each)} JOD × {above} {_persons_en(above)} above {included}",
            ),
            (each * above).quantize(FILS),
            urgent.confirmed,
        )


def _field_fee(service: Service, persons: int, extra: Mapping[str, Any]):
    """The per-service part chosen by a field (visa type), or a note that it depends on it."""
    by_field = service.fee.by_field
    if by_field is None:
        return None, None
    spec = service.field(by_field.field)
    choice = (
        spec.choice(extra.get(by_field.field))
        if isinstance(extra.get(by_field.field), str)
        else None
    )
    if choice is None:
        return None, CatalogText(
            f"يضاف {by_field.label.ar} حسب {spec.label.ar}.",
            f"The {by_field.label.en.lower()} is added according to the {spec.label.en.lower()}.",
            by_field.confirmed,
        )
    each = by_field.amounts[choice.id]
    count = persons if by_field.per == "beneficiary" else 1
    return (
        FeeLine(
            Bilingual(
                f"{by_field.label.ar} ({choice.label.ar}): {jod(each)} دينار × {count}",
                f"{by_field.label.en} ({choice.label.en}): {jod(each)} JOD × {count}",
            ),
            (each * count).quantize(FILS),
            by_field.confirmed,
        ),
        None,
    )


def _persons_ar(n: int) -> str:
    return "شخص" if n == 1 or n > 10 else "أشخاص"


def _persons_en(n: int) -> str:
    return "person" if n == 1 else "persons"
