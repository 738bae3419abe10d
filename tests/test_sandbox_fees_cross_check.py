"""The kiosk and the ministry's stand-in agree on every request's fee and on what they accept.

They share the catalog data and the contract, never code (sandbox/fees.py, sandbox/rules.py
against kiosk/domain/fees.py, kiosk/domain/rules.py), so a pricing or checking bug on either
side shows here as a disagreement. For every service × priority × person count at the rules'
boundaries (0, 1, the urgent fee's included persons and one either side, the most and one
more), and for every answer of a field that prices (the visa type) or is required (left out,
of the wrong type), the kiosk's verdict (its rules for the service's fields and the count,
then its quote) must equal the sandbox's over real HTTP (announce, commit, read the bill).
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import requests

from kiosk.domain import catalog as cat
from kiosk.domain import fees, rules
from kiosk.domain.model import Beneficiary, Draft, Priority
from kiosk.errors import KioskError

CATALOG = cat.load_bundled()
TODAY = dt.date(2026, 3, 1)
REFUSED = "refused"
NO_FEE = "0.000"


def _counts(service) -> list[int]:
    included = service.fee.urgent.included_persons
    return sorted(
        {0, 1, included - 1, included, included + 1, fees.MAX_PERSONS, fees.MAX_PERSONS + 1}
    )


def _answer(spec):
    """A valid answer to a field, from its catalog spec."""
    if spec.type == "choice":
        return spec.choices[0].id
    if spec.type == "bool":
        return bool(spec.default)
    if spec.type in ("int", "decimal"):
        return str(spec.min if spec.min is not None else 1)
    if spec.type == "date":
        return "2025-01-01"
    return "Test answer"


def _extras(service) -> list[dict]:
    """A valid set of answers, and each variant the rules must price or refuse."""
    valid = {spec.id: _answer(spec) for spec in service.fields}
    variants = [valid]
    by_field = service.fee.by_field
    if by_field is not None:
        spec = service.field(by_field.field)
        variants += [valid | {spec.id: choice.id} for choice in spec.choices]
        variants.append(valid | {spec.id: "no_such_choice"})
    for spec in service.fields:
        variants.append({k: v for k, v in valid.items() if k != spec.id})  # left out
        variants.append(valid | {spec.id: ["not", "an", "answer"]})  # wrong type
    return variants


def _kiosk_verdict(service, priority: str, persons: int, extra: dict, config) -> str:
    draft = Draft(
        service_id=service.id,
        priority=Priority(priority),
        extra=dict(extra),
        beneficiaries=[Beneficiary(name=f"Person {i}") for i in range(persons)],
    )
    if rules.check_service(draft, service, TODAY, config) or not draft.beneficiaries:
        return REFUSED
    try:
        quote = fees.quote(service, priority, persons, TODAY, extra=extra)
    except KioskError:
        return REFUSED
    return fees.jod(quote.amount)


def _sandbox_verdict(http, url, auth, service_id, priority, persons, extra) -> str:
    body = {
        "service_id": service_id,
        "priority": priority,
        "data": {
            "applicant": {"full_name": "Cross Check"},
            "beneficiaries": [{"full_name": f"Person {i}"} for i in range(persons)],
            "extra": extra,
        },
        "attachments": [],
    }
    created = http.post(
        f"{url}/v1/applications",
        json=body,
        headers=auth | {"Idempotency-Key": str(uuid.uuid4())},
        timeout=20,
    )
    if created.status_code == 422:
        return REFUSED
    assert created.status_code == 201, created.text
    app_id = created.json()["application_id"]
    committed = http.post(f"{url}/v1/applications/{app_id}/commit", headers=auth, timeout=20)
    assert committed.status_code == 200, committed.text
    bills = committed.json()["bills"]
    assert len(bills) <= 1
    return bills[0]["amount"] if bills else NO_FEE


@pytest.fixture(scope="module")
def session(sandbox_server):
    body = sandbox_server.register_individual()
    token = sandbox_server.login(body["username"], body["password"])
    with requests.Session() as http:
        yield http, sandbox_server.url, {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("priority", ["normal", "urgent"])
@pytest.mark.parametrize("service", CATALOG.services, ids=lambda s: s.id)
def test_kiosk_and_sandbox_agree_on_every_boundary_of_fee_and_acceptance(
    service, priority, session, kiosk_config
):
    http, url, auth = session
    disagreements = []
    for extra in _extras(service):
        for persons in _counts(service):
            kiosk = _kiosk_verdict(service, priority, persons, extra, kiosk_config)
            server = _sandbox_verdict(http, url, auth, service.id, priority, persons, extra)
            if kiosk != server:
                disagreements.append((persons, extra, kiosk, server))
    assert disagreements == []


def test_the_cross_check_covers_a_refusal_a_priced_field_and_the_urgent_step():
    """The boundaries above really reach each rule (a check that cannot fail proves nothing)."""
    visa = CATALOG.service("visa.entry")
    family = CATALOG.service("residence.family")
    assert any(v.get("visa_type") == "multiple_5y" for v in _extras(visa))
    assert any("visa_type" not in v for v in _extras(visa))
    assert {5, 6, 0, fees.MAX_PERSONS + 1} <= set(_counts(family))
