"""The fee billed when an application is submitted, priced from the catalog's fee rules.

The ministry issues the eFAWATEERcom bill for the catalog's fee as soon as an application is
submitted. The sandbox reads the fee rules from the catalog DATA (resources/catalog/services.json,
the file it serves) with its own small implementation of the published rules, as the ministry's
server would; it shares no code with the kiosk, so a fee bug on either side shows as a
disagreement (tests/test_sandbox_fees_cross_check.py).

The published rules (domain glossary, seed 001), per fee rule of the catalog:
- normal: `per_person` × persons;
- urgent: `base` covers up to `included_persons`, plus `per_extra_person` for each one above;
- `by_field` (the visa fee by visa type): the amount of the chosen answer, × persons when it is
  per beneficiary, once when per request; no answer, no such part.
Persons are the beneficiaries (sandbox/rules.py checked them, and the priority and fields, when
the application was announced). Amounts are whole fils (1 JOD = 1000 fils), never floats.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass

from sandbox import catalog, rules
from sandbox.payments import jod


@dataclass(frozen=True)
class Fee:
    """A fee to bill: JOD with 3 decimals, and the bill's bilingual description."""

    amount: str
    description: tuple[str, str]


def fee_of(service_id: str, priority: str, data: dict) -> Fee | None:
    """The fee of a checked application; None when nothing is to be billed (a zero fee)."""
    service = catalog.service(service_id)
    if service is None:
        return None
    fils = price_fils(service, priority, rules.persons(data), data.get("extra") or {})
    if fils <= 0:
        return None
    ar_priority, en_priority = ("عاجل", "urgent") if priority == "urgent" else ("عادي", "normal")
    return Fee(
        jod(fils),
        (
            f"بدل خدمة ({ar_priority}): {service['name']['ar']}",
            f"Service fee ({en_priority}): {service['name']['en']}",
        ),
    )


def price_fils(service: dict, priority: str, persons: int, extra: dict) -> int:
    """The fee in fils of `persons` beneficiaries at `priority`, with the service's fields."""
    rule = catalog.fee_rule(service["fee"])
    if priority == "urgent":
        urgent = rule["urgent"]
        above = max(0, persons - urgent["included_persons"])
        fils = _fils(urgent["base"]) + above * _fils(urgent["per_extra_person"])
    else:
        fils = persons * _fils(rule["normal"]["per_person"])
    by_field = rule.get("by_field")
    if by_field is not None:
        spec = next(f for f in service["fields"] if f["id"] == by_field["field"])
        chosen = rules.field_value(spec, extra)
        if chosen in by_field["amounts"]:
            count = persons if by_field["per"] == "beneficiary" else 1
            fils += count * _fils(by_field["amounts"][chosen])
    return fils


def _fils(amount: str) -> int:
    """A catalog amount ("115.000") in fils."""
    return int(decimal.Decimal(amount) * 1000)
