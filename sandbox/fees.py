"""The fee billed when an application is submitted: the kiosk's own fee rules, applied centrally.

The ministry issues the eFAWATEERcom bill for the catalog's fee as soon as an application is
submitted. The sandbox prices it with kiosk.domain.fees over the bundled catalog, so the bill
always equals the fee the kiosk showed on its review screen (the kiosk never imports the
sandbox; the sandbox may use the kiosk's pure domain code).

Who is counted: the beneficiaries in data["beneficiaries"] (companions are not); the service's
own fields (visa type, …) are read from data["extra"], as the kiosk's Draft writes them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kiosk.domain.catalog import load_bundled
from kiosk.domain.fees import jod, quote
from kiosk.errors import KioskError
from sandbox import times

log = logging.getLogger("sandbox.fees")


@dataclass(frozen=True)
class Fee:
    """A fee to bill: JOD with 3 decimals, and the bill's bilingual description."""

    amount: str
    description: tuple[str, str]


def fee_of(service_id: str, priority: str, data: dict) -> Fee | None:
    """The fee of a submitted application; None when it cannot be priced (nothing is billed)."""
    service = load_bundled().find(service_id)
    if service is None:
        return None
    beneficiaries = data.get("beneficiaries")
    persons = len(beneficiaries) if isinstance(beneficiaries, list) else 0
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    try:
        # An application for the applicant alone still pays for one person.
        fee = quote(service, priority, max(persons, 1), times.today(), extra=extra)
    except KioskError as e:
        log.warning("application of %s not priced: %s", service_id, e.code)
        return None
    if fee.amount <= 0:
        return None
    ar_priority, en_priority = ("عاجل", "urgent") if priority == "urgent" else ("عادي", "normal")
    return Fee(
        jod(fee.amount),
        (
            f"بدل خدمة ({ar_priority}): {service.name.ar}",
            f"Service fee ({en_priority}): {service.name.en}",
        ),
    )
