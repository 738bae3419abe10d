"""The eight account categories are spelled one way: the API contract's."""

from __future__ import annotations

import pytest

from kiosk import resources
from kiosk.api import fields
from kiosk.domain import catalog
from kiosk.domain.model import AccountCategory
from kiosk.errors import KioskError
from kiosk.receipts.models import ActivationLetter


def _contract_categories() -> list[str]:
    yaml = pytest.importorskip("yaml")
    contract = yaml.safe_load(resources.path("contract/openapi.yaml").read_text(encoding="utf-8"))
    return contract["components"]["schemas"]["Category"]["enum"]


def _letter_accepts(category: str) -> bool:
    data = resources.load_json("receipts/examples/activation.json")
    try:
        ActivationLetter.from_dict({**data, "account_category": category})
    except KioskError:
        return False
    return True


def test_contract_catalog_receipts_and_domain_spell_the_categories_alike():
    contract = _contract_categories()
    bundled = catalog.load_bundled()
    assert [c.value for c in AccountCategory] == contract
    assert list(fields.CATEGORIES) == contract
    assert [a.id for a in bundled.account_categories] == contract
    assert list(fields.CATEGORY_NAMES) == contract
    for service in bundled.services:
        assert set(service.who_may_apply) <= set(contract), service.id
    # Every category but individuals' (activated at once) gets an activation letter.
    institutions = [c for c in contract if c != "individual"]
    assert [c for c in contract if _letter_accepts(c)] == institutions
    bring = resources.load_json("receipts/activation.json")["bring_by_category"]
    assert list(bring) == institutions
