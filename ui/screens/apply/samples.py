"""Realistic requests for the screenshots of the wizard (installer/screenshots.py).

A screen opened with `{"sample": name}` fills the flow with one of these for the signed-in
account, so each step's picture shows real content: a family of six with a companion and every
document photographed, the same family with a passport too short and a document missing, a bank
deposit without the applicant among the beneficiaries, a naturalization from a man's account.
The pages are the bundled sample photographs of documents. Nothing here is sent anywhere.
"""

from __future__ import annotations

import datetime as dt

from kiosk import resources
from kiosk.domain import rules
from kiosk.domain.catalog import Catalog
from kiosk.domain.dates import add_months
from kiosk.domain.model import (
    Applicant,
    Beneficiary,
    Companion,
    Draft,
    Priority,
    Relation,
    Sex,
)
from ui.screens.apply.flow import ApplyFlow

PAGES = ("samples/documents/sample_certificate_page1.jpg", "samples/document-1.jpg")
SAMPLES = ("family", "family_problems", "bank_deposit", "naturalization")


def load(flow: ApplyFlow, name: str, account_id: str, catalog: Catalog, today: dt.date) -> None:
    """Fill `flow` with the sample request `name` (see SAMPLES) for `account_id`."""
    draft = _DRAFTS[name](today)
    flow.restore(account_id, draft, "apply.review", {})
    service = catalog.service(draft.service_id)
    pictures = [resources.path(p).read_bytes() for p in PAGES]
    for n, (document, index) in enumerate(rules.required_documents(draft, service, today)):
        if name == "family_problems" and document.id == "family_book":
            continue  # "attach the family book" shows in the verdict
        pages = [(".jpg", pictures[n % 2])]
        if document.id == "family_book":
            pages.append((".jpg", pictures[(n + 1) % 2]))
        flow.set_pages(document.id, index, pages)


def _sponsor(today: dt.date) -> Applicant:
    return Applicant(
        name="Omar Khaled Saleh",
        sex=Sex.MALE,
        nationality="SYR",
        personal_number="8012345678",
        annual_residence_expiry=add_months(today, 10),
    )


def _family(today: dt.date) -> Draft:
    passport = add_months(today, 30)
    people = [
        ("Layla Hassan Saleh", "8023456781", "N1234567", "SYR", 1990, Relation.SPOUSE),
        ("Sami Omar Saleh", "8034567812", "N2345678", "SYR", 2012, Relation.CHILD),
        ("Nour Omar Saleh", "8045678123", "N3456789", "SYR", 2014, Relation.CHILD),
        ("Yusuf Omar Saleh", "8056781234", "N4567891", "SYR", 2016, Relation.CHILD),
        ("Maria Omar Saleh", "8067812345", "N5678912", "SYR", 2006, Relation.CHILD),
        ("Khaled Saleh Saleh", "8078123456", "N6789123", "SYR", 1958, Relation.PARENT),
    ]
    beneficiaries = [
        Beneficiary(
            name=name,
            personal_number=number,
            passport_number=passport_number,
            passport_expiry=passport,
            nationality=nationality,
            birth_date=dt.date(year, 3, 14),
            relation=relation,
        )
        for name, number, passport_number, nationality, year, relation in people
    ]
    beneficiaries[0].companions.append(
        Companion(name="Huda Omar Saleh", birth_date=dt.date(today.year - 3, 5, 2))
    )
    return Draft(
        service_id="residence.family",
        priority=Priority.URGENT,
        extra={"renewal": False, "five_year": False},
        applicant=_sponsor(today),
        beneficiaries=beneficiaries,
    )


def _family_problems(today: dt.date) -> Draft:
    draft = _family(today)
    draft.beneficiaries[2].passport_expiry = add_months(today, 2)
    return draft


def _bank_deposit(today: dt.date) -> Draft:
    family = _family(today)
    return Draft(
        service_id="residence.bank_deposit",
        extra={"renewal": False, "deposit_amount": "50000", "bank_name": "Arab Bank"},
        applicant=_sponsor(today),
        beneficiaries=family.beneficiaries[:2],
    )


def _naturalization(today: dt.date) -> Draft:
    return Draft(
        service_id="naturalization.wives_widows",
        extra={"marital_status": "wife"},
        applicant=_sponsor(today),
    )


_DRAFTS = {
    "family": _family,
    "family_problems": _family_problems,
    "bank_deposit": _bank_deposit,
    "naturalization": _naturalization,
}
